// Unit tests of url-state.js, run in the browser by DashboardTrustBrowserIntegrationTests.
const done = arguments[arguments.length - 1];
const failures = [];
let passed = 0;
const eq = (name, actual, expected) => {
	const a = JSON.stringify(actual);
	const e = JSON.stringify(expected);
	if (a === e) {
		passed += 1;
	}
	else {
		failures.push(`${name}: expected ${e}, got ${a}`);
	}
};
import('/js/url-state.js').then((u) => {
	const s = u.parseState('?tab=vergelijk&region=gm0014&regions=PV26,PV21,PV26,XX,pv20&indicator=werkloosheidspercentage'
		+ '&period=2024KW04&level=gemeente&lang=en&yoy=1');
	eq('tab', s.tab, 'vergelijk');
	eq('my region (upper-cased)', s.region, 'GM0014');
	eq('regions: valid, unique, in order', s.regions, ['PV26', 'PV21', 'PV20']);
	eq('indicator', s.indicator, 'werkloosheidspercentage');
	eq('period', s.period, '2024KW04');
	eq('level', s.level, 'gemeente');
	eq('lang', s.lang, 'en');
	eq('yoy', s.yoy, true);
	const bad = u.parseState('?tab=nope&region=<x>&period=2024Q4&level=planet&indicator=DROP%20TABLE&lang=fr');
	eq('defaults for bad values', [bad.tab, bad.region, bad.period, bad.level, bad.indicator, bad.lang],
		['kerncijfers', null, null, null, null, 'nl']);
	eq('no regions parameter: null (the default set)', u.parseState('?region=PV26').regions, null);
	eq('empty regions parameter: none chosen', u.parseState('?region=PV26&regions=').regions, []);
	eq('old links: my region from regions', u.parseState('?regions=AM01,PV26').region, 'AM01');
	eq('round trip', u.toSearch(s), '?tab=vergelijk&region=GM0014&indicator=werkloosheidspercentage&regions=PV26,PV21,PV20'
		+ '&period=2024KW04&level=gemeente&lang=en&yoy=1');
	eq('round trip parses back', u.parseState(u.toSearch(s)), s);
	const tables = u.parseState('?tab=tabellen&table=85268NED&breakdown=sex:vrouw,age_group:15-25&indicator=x');
	eq('the Alle tabellen view is a registered tab', [tables.tab, tables.table, tables.breakdown],
		['tabellen', '85268NED', 'sex:vrouw,age_group:15-25']);
	eq('its table and breakdown survive the round trip', u.parseState(u.toSearch(tables)), tables);
	eq('a bad table id is dropped', u.parseState('?tab=tabellen&table=a;b').table, null);
	const map = u.parseState('?tab=tabellen&table=85268NED&mode=kaart&level=provincie&period=2023KW02');
	eq('the map mode of Alle tabellen survives the round trip', [u.parseState(u.toSearch(map)).mode, u.toSearch(map)],
		['kaart', '?tab=tabellen&period=2023KW02&level=provincie&table=85268NED&mode=kaart']);
	eq('an unknown mode is the chart', u.parseState('?tab=tabellen&mode=x').mode, null);
	eq('another tab\'s link carries no table, breakdown or map mode of Alle tabellen',
		u.toSearch({ ...map, tab: 'trends', breakdown: 'sex:vrouw' }),
		'?tab=trends&period=2023KW02&level=provincie');
	eq('none chosen survives the round trip', u.toSearch({ tab: 'vergelijk', region: 'PV26', regions: [] }),
		'?tab=vergelijk&region=PV26&regions=');
	eq('comparison regions without a chosen region name the default as mine',
		[u.toSearch({ tab: 'vergelijk', region: null, regions: ['PV21', 'PV26'] }),
			u.parseState(u.toSearch({ tab: 'vergelijk', region: null, regions: ['PV21', 'PV26'] })).region],
		['?tab=vergelijk&region=PV26&regions=PV21,PV26', 'PV26']);
	eq('defaults left out', u.toSearch({ tab: 'kerncijfers', lang: 'nl', regions: null }), '');
	eq('a tab change is navigation', u.isNavigation({ tab: 'a', region: 'X', lang: 'nl' }, { tab: 'b', region: 'X', lang: 'nl' }), true);
	eq('my region change is navigation', u.isNavigation({ tab: 'a', region: 'X' }, { tab: 'a', region: 'Y' }), true);
	eq('a period change is not', u.isNavigation({ tab: 'a', region: 'X', period: '1' }, { tab: 'a', region: 'X', period: '2' }), false);
	eq('ticking regions is not', u.isNavigation({ tab: 'a', region: 'X', regions: [] }, { tab: 'a', region: 'X', regions: ['Y'] }), false);
	eq('my region default', u.myRegion({ region: null }), u.DEFAULT_REGION);
	// update(): arrow keys in a picker replace, a tab change pushes; my region never follows the ticks
	const before = history.length;
	const start = u.getState();
	u.update({ period: '2024KW03' });
	u.update({ period: '2024KW02' });
	u.update({ regions: ['PV21'] });
	eq('refinements add no history entry', history.length, before);
	eq('my region unchanged by ticks', u.getState().region, start.region);
	u.update({ tab: 'llo' });
	eq('a tab change adds one', history.length, before + 1);
	eq('the URL holds exactly the choice', new URLSearchParams(location.search).get('regions'), 'PV21');
	done({ passed, failures });
}).catch((e) => done({ passed, failures: [...failures, String(e && e.stack || e)] }));
