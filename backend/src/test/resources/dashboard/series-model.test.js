// Unit tests of series-model.js, run in the browser by DashboardTrustBrowserIntegrationTests
// (executeAsyncScript: the last argument is the callback; reports { passed, failures }).
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
Promise.all([import('/js/series-model.js'), import('/js/i18n.js'), import('/js/summary.js'), import('/js/charts.js'),
	import('/js/views/vergelijk.js'), import('/js/views/kaart.js'), import('/js/figure.js'),
	import('/js/views/grijze-druk.js')])
	.then(([m, i18n, summary, charts, vergelijk, kaart, figure, grijzeDruk]) => {
	i18n.setLang('nl');
	const response = {
		indicator: { code: 'werkloosheidspercentage', name: 'Werkloosheid', unit: 'percent', decimals: 1, sourceTable: '85268NED' },
		series: [
			{ region: { code: 'PV26', name: 'Utrecht', level: 'provincie' }, points: [
				{ period: '2023KW02', value: 3.3, status: 'definitief', flags: '' },
				{ period: '2023KW01', value: 3.5, status: 'definitief', flags: 'b', marginLow: 3.0, marginHigh: 4.0 },
				{ period: '2023KW03', value: null, status: 'voorlopig', flags: '' }] },
			{ region: { code: 'NL01', name: 'Nederland', level: 'land' }, points: [
				{ period: '2023KW01', value: 3.6, status: 'definitief', flags: '' },
				{ period: '2023KW02', value: 3.5, status: 'voorlopig', flags: '' }] },
		],
		sources: [{ table: '85268NED', publisher: 'CBS', licence: 'CC BY 4.0', url: null }],
	};
	const model = m.fromSeries(response);
	eq('points sorted by period', model.series[0].points.map((p) => p.period), ['2023KW01', '2023KW02', '2023KW03']);
	eq('margins kept', [model.series[0].points[0].low, model.series[0].points[0].high], [3.0, 4.0]);
	eq('null value stays null', model.series[0].points[2].value, null);
	eq('label from the period code', model.series[0].points[0].label, '2023 1e kwartaal');
	eq('periods of all series', m.periods(model).map((p) => p.code), ['2023KW01', '2023KW02', '2023KW03']);
	eq('latest common period', m.latestCommonPeriod(model), '2023KW02');
	eq('breaks', m.breaks(model), ['2023KW01']);
	eq('provisional', m.hasProvisional(model), true);
	eq('margins', m.hasMargins(model), true);
	eq('a lower bound alone is a published margin', m.hasMargins({ series: [{ points: [{ value: 5, low: 4, high: null }] }] }),
		true);
	eq('no bound, no margin', m.hasMargins({ series: [{ points: [{ value: 5, low: null, high: null }] }] }), false);
	eq('not empty', m.isEmpty(model), false);
	eq('empty without values', m.isEmpty({ series: [{ points: [{ value: null }] }] }), true);
	const yoy = m.mapValues(model, (p) => (p.value == null ? null : p.value * 2), { origin: 'derived' });
	eq('mapValues', yoy.series[0].points.map((p) => p.value), [7, 6.6, null]);
	eq('mapValues drops margins', yoy.series[0].points[0].low, null);
	eq('mapValues marks origin', yoy.series[0].origin, 'derived');
	eq('derived label', m.seriesLabel(yoy.series[0]), 'Utrecht ◆ (afgeleid)');
	eq('mapValues marks a change on a year earlier', m.mapValues(model, (p) => p.value, { change: 'year' }).change, 'year');
	const outlook = m.fromSeries({ ...response, series: [{ region: { code: 'PV26', name: 'Utrecht', level: 'provincie' },
		points: [{ period: '2030JJ00', value: 30.1, status: 'definitief', flags: '', kind: 'forecast' }] }] });
	eq('a series of forecasts says so', m.seriesLabel(outlook.series[0]), 'Utrecht (prognose)');
	eq('a forecast point', [m.hasForecast(outlook), m.hasForecast(model)], [true, false]);
	eq('status of a forecast', figure.statusText(outlook.series[0].points[0]), 'prognose');
	eq('status of a provisional forecast', figure.statusText({ ...outlook.series[0].points[0], status: 'voorlopig' }),
		'prognose · voorlopig');
	eq('status of a missing value is why', figure.statusText({ value: null, status: 'definitief', reason: 'vertrouwelijk' }),
		'vertrouwelijk');
	eq('status of a missing value with its footnote', figure.statusText({ value: null, status: 'definitief', reason: 'anders',
		footnote: 'Geen waarneming in 2020' }), 'niet beschikbaar (zie voetnoot) · Geen waarneming in 2020');
	eq('status of a provisional value', figure.statusText(model.series[1].points[1]), 'voorlopig');
	// grijze druk's forecast line is named in the legend, but its CSV rows name the region as the region
	const split = grijzeDruk.splitByKind({ ...response, forecasts: [{ table: '82220NED', baseYear: 2013 }],
		series: [{ region: { code: 'PV26', name: 'Utrecht', level: 'provincie' }, points: [
			{ period: '2017JJ00', value: 26.9, status: 'definitief', flags: '' },
			{ period: '2030JJ00', value: 38.1, status: 'definitief', flags: '', kind: 'forecast' }] }] });
	const both = m.fromSeries(split, { labelFor: (s) => s.lloLabel || s.region.name });
	eq('forecast legend', both.series.map((s) => s.label), ['Utrecht', 'Utrecht – CBS-prognose, basisjaar 2013']);
	eq('forecast csv region', m.toCsv(both, m.csvDialect('nl')).split('\r\n').slice(3, 5).map((l) => l.split(';')[1]),
		['Utrecht', 'Utrecht']);
	// the origin in the reader's words, beside the status the source gives the forecast
	eq('csv: a forecast says so in its origin', m.toCsv(outlook, m.csvDialect('nl')).split('\r\n')[3].split(';')
		.slice(9, 14), ['definitief', '', '', '', 'prognose']);
	// one visual language: dashes only for forecasts; provisional open (points, light bars); derived diamonds
	const lines = charts.lineConfig(model).data.datasets.filter((d) => d.lloRole === 'value');
	eq('observations are solid', lines.map((d) => d.borderDash ?? null), [null, null]);
	eq('a provisional point is open', lines[1].pointBackgroundColor, ['#D55E00', '#ffffff', '#D55E00']);
	eq('derived series have diamonds', charts.lineConfig(yoy).data.datasets[0].pointStyle, 'rectRot');
	const outlookLine = charts.lineConfig(outlook).data.datasets[0];
	eq('a forecast is dashed with open points', [outlookLine.borderDash, outlookLine.pointBackgroundColor],
		[[8, 5], ['#ffffff']]);
	const provisionalBars = m.fromCompare({ indicator: response.indicator, period: { code: '2023KW02', label: '2023 2e kwartaal' },
		values: [{ region: { code: 'PV26', name: 'Utrecht' }, value: 3.3, status: 'voorlopig' },
			{ region: { code: 'PV21', name: 'Fryslân' }, value: 3.5, status: 'definitief' }] });
	const bar = charts.barConfig(provisionalBars).data.datasets[0];
	eq('a provisional bar is light with an edge, not dashed', [bar.borderDash ?? null, bar.backgroundColor, bar.borderWidth],
		[null, ['#0072B2', 'rgba(0, 114, 178, 0.25)'], [0, 2]]);
	i18n.setLang('en');
	eq('status in English', figure.statusText({ value: null, status: 'definitief', reason: 'vertrouwelijk' }),
		'confidential');
	eq('a series of forecasts in English', m.seriesLabel(outlook.series[0]), 'Utrecht (forecast)');
	i18n.setLang('nl');
	const table = m.toTable(model);
	eq('table by period', [table.orientation, table.rows.length, table.columns.length], ['periods', 3, 3]);
	const compare = m.fromCompare({ indicator: response.indicator, period: { code: '2023KW02', label: '2023 2e kwartaal' },
		values: [{ region: { code: 'PV26', name: 'Utrecht' }, value: 3.3 }, { region: { code: 'NL01', name: 'Nederland' }, value: 3.5 }],
		differences: [{ a: 'PV26', b: 'NL01', difference: -0.2 }] });
	eq('compare: one point per region', compare.series.map((s) => s.points.length), [1, 1]);
	eq('compare: table by region', m.toTable(compare).orientation, 'series');
	eq('compare: differences', compare.differences.length, 1);
	eq('csv cell quotes the separator', m.csvCell('a;b', { separator: ';' }), '"a;b"');
	eq('csv cell leaves a comma alone with ;', m.csvCell('a,b', { separator: ';' }), 'a,b');
	eq('csv cell neutralises formulas', m.csvCell('=1+1'), "'=1+1");
	eq('csv decimal comma', m.csvCell(3.5, { separator: ';', decimal: ',' }), '3,5');
	eq('csv decimal point', m.csvCell(3.5), '3.5');
	eq('dialects', [m.csvDialect('nl'), m.csvDialect('en')], [{ separator: ';', decimal: ',' }, { separator: ',', decimal: '.' }]);
	const nl = m.toCsv(model, m.csvDialect('nl')).split('\r\n');
	eq('csv: title line is one cell', nl[0].includes(';'), false);
	eq('csv: a title holding the separator stays an unquoted comment',
		m.toCsv({ ...model, title: 'People receiving benefit (WW), January 2025' }, m.csvDialect('en')).split('\r\n')[0],
		'# People receiving benefit (WW), January 2025');
	eq('csv: source line is one cell', nl[1], '# Bron: CBS 85268NED CC BY 4.0');
	const two = m.toCsv({ ...model, sources: [...model.sources, { table: '86088NED', publisher: 'CBS' }] }, m.csvDialect('nl'));
	eq('csv: several sources stay one comment line, unquoted', two.split('\r\n')[1], '# Bron: CBS 85268NED CC BY 4.0 · CBS 86088NED');
	eq('csv: 15 columns', nl[2].split(';').length, 15);
	const cut = m.toCsv({ ...model, sources: [{ table: '83599NED', publisher: 'CBS', incomplete: 'precies 10.000 datarijen' }] },
		m.csvDialect('nl')).split('\r\n');
	eq('csv: an incomplete source says so in a comment line', cut[2],
		'# Onvolledig: tabel 83599NED is ingelezen uit een download die waarschijnlijk is afgebroken (precies 10.000 datarijen).');
	eq('csv: then the header', cut[3].startsWith('regio_code;'), true);
	eq('csv: the header', nl[2], 'regio_code;regio;reeks;periode_code;periode;waarde;marge_onder;marge_boven;eenheid;'
		+ 'status;vlaggen;voetnoot;reden_ontbreekt;herkomst;bron');
	// the break flag, the footnote and the reason a value is missing reach the CSV
	eq('csv: flags of a row', nl[3].split(';').slice(9, 13), ['definitief', 'b', '', '']);
	const withdrawn = m.toCsv(m.fromSeries({ ...response, series: [{ region: { code: 'NL01', name: 'Nederland', level: 'land' },
		points: [{ period: '1997KW01', value: null, status: 'definitief', flags: '', footnote: 'Confidential',
			missingReason: 'vertrouwelijk' }] }] }), m.csvDialect('nl')).split('\r\n');
	eq('csv: footnote and reason of a missing value', withdrawn[3].split(';').slice(5, 13),
		['', '', '', '%', 'definitief', '', 'Confidential', 'vertrouwelijk']);
	// in English, status, reason and unit are in English too; a provisional value says so
	i18n.setLang('en');
	const withdrawnEn = m.toCsv(m.fromSeries({ ...response, indicator: { ...response.indicator, unit: 'x1000' },
		series: [{ region: { code: 'NL01', name: 'Netherlands', level: 'land' },
			points: [{ period: '1997KW01', value: null, status: 'definitief', flags: '', footnote: 'Confidential',
				missingReason: 'vertrouwelijk' }, { period: '1997KW02', value: 4.5, status: 'nader_voorlopig', flags: '' }] }] }),
	m.csvDialect('en')).split('\r\n');
	eq('csv en: status, reason and unit in English', withdrawnEn[3].split(',').slice(8, 13),
		['thousand', 'final', '', 'Confidential', 'confidential']);
	eq('csv en: a revised provisional value', withdrawnEn[4].split(',').slice(8, 10), ['thousand', 'revised provisional']);
	i18n.setLang('nl');
	eq('csv: a row', nl[3].split(';').slice(0, 6), ['PV26', 'Utrecht', 'Utrecht', '2023KW01', '2023 1e kwartaal', '3,5']);
	eq('csv: an observation is bron', nl[3].split(';')[13], 'bron');
	const en = m.toCsv(model, m.csvDialect('en')).split('\r\n');
	eq('csv en: decimal point and comma', en[3].split(',')[5], '3.5');
	// two regions with the same value: "gelijk aan", without a difference of 0 or a stray unit
	const same = m.fromSeries({ ...response, series: [
		{ region: { code: 'AM13', name: 'Midden-Utrecht', level: 'arbeidsmarktregio' }, points: [
			{ period: '2023KW02', value: 3.5, status: 'definitief', flags: '' }] },
		{ region: { code: 'NL01', name: 'Nederland', level: 'land' }, points: [
			{ period: '2023KW02', value: 3.5, status: 'definitief', flags: '' }] }] });
	const equalNl = summary.lineSummary(same);
	eq(`equal (nl): ${equalNl}`, [/3,5\s?%, gelijk aan Nederland \(3,5\s?%\)/.test(equalNl),
		/procentpunt,? gelijk|0,0/.test(equalNl)], [true, false]);
	i18n.setLang('en');
	const equalEn = summary.lineSummary(same);
	eq(`equal (en): ${equalEn}`, [/was 3\.5\s?%, equal to \S+ \(3\.5\s?%\)/.test(equalEn),
		/percentage points?,? equal|0\.0/.test(equalEn)], [true, false]);
	i18n.setLang('nl');
	const merged = m.merge([model, m.fromSeries(response)], { title: 'x' });
	eq('merge: series and one source', [merged.series.length, merged.sources.length, merged.title], [4, 1, 'x']);
	// the axis of counts near zero stops at zero; with a negative value drawn it does not
	const counts = (values) => m.fromSeries({
		indicator: { code: 'ww_uitkeringen', name: 'WW', unit: 'persons', decimals: 0, sourceTable: '80590NED' },
		series: [{ region: { code: 'GM0344', name: 'Utrecht', level: 'gemeente' },
			points: values.map((value, i) => ({ period: `2024MM${String(i + 1).padStart(2, '0')}`, value,
				status: 'definitief', flags: '' })) }],
		sources: [] });
	eq('axis of counts near zero', charts.lineConfig(counts([12, 400, 800])).options.scales.y.min, 0);
	eq('axis of counts far from zero', charts.lineConfig(counts([700, 750, 800])).options.scales.y.min, undefined);
	eq('axis with a negative value', charts.lineConfig(counts([-20, 400, 800])).options.scales.y.min, undefined);
	eq('year-on-year toggle names the period', [i18n.t('tr.yoy.month'), i18n.t('tr.yoy.quarter')],
		['Verandering t.o.v. dezelfde maand een jaar eerder', 'Verandering t.o.v. hetzelfde kwartaal een jaar eerder']);
	// a break label goes to the foot of the plot where points lie under it at the top
	const fake = (ys) => ({ chartArea: { top: 10, bottom: 200 }, isDatasetVisible: () => true,
		data: { datasets: [{ data: ys.map(() => 1) }] },
		getDatasetMeta: () => ({ data: ys.map((y, j) => ({ x: 100 + j * 20, y })) }) });
	eq('break label over points at the top', charts.dataNearTop(fake([150, 20, 25]), 110, 170, 18), true);
	eq('break label over low points', charts.dataNearTop(fake([150, 120, 125]), 110, 170, 18), false);
	eq('points at the top elsewhere', charts.dataNearTop(fake([20, 150, 150, 150, 150, 20]), 110, 170, 18), false);
	// a forecast is told as expected, not as what was
	const forecast = m.fromSeries({ ...response, indicator: { code: 'x', name: 'bevolking', unit: 'x1000', decimals: 1 },
		series: [{ region: { code: 'PV26', name: 'Utrecht', level: 'provincie' }, points: [
			{ period: '2040JJ00', value: 741.6, status: 'definitief', flags: '', kind: 'forecast' }] }] });
	eq('summary of a forecast', summary.lineSummary(forecast).startsWith(
		'Volgens de prognose is het cijfer voor bevolking in Utrecht in 2040 741,6'), true);
	// map classes are labelled with the values drawn in them: no two share a bound, an empty class is left out
	const classes = kaart.classify([3.4, 3.5, 3.6, 3.9, 5.4, null]).breaks.map((b) => [b.from, b.to]);
	eq('map classes', classes, [[3.4, 3.6], [3.9, 3.9], [5.4, 5.4]]);
	eq('map colour of no value', kaart.classify([1, 2]).colour(null), '#e5e7ea');
	// a pair of which one has no figure has no difference: never "0,0"
	const pair = { series: [{ regionCode: 'PV21', label: 'Fryslân' }, { regionCode: 'PV22', label: 'Drenthe' }],
		indicator: { unit: 'ratio per 100', decimals: 1 } };
	eq('difference without a figure', vergelijk.differenceText({ a: 'PV21', b: 'PV22', difference: null,
		method: 'not-testable', significant: null }, pair),
	'Fryslân – Drenthe: geen verschil te berekenen, want een van beide heeft geen cijfer.');
	eq('difference of zero', vergelijk.differenceText({ a: 'PV21', b: 'PV22', difference: 0,
		method: 'margins', significant: false, z: 0 }, pair), 'Fryslân gelijk aan Drenthe, niet significant (z = 0,00).');
	// the direction of a difference is said, with its unit
	const rate = { ...pair, indicator: { unit: 'percent', decimals: 1 } };
	eq('difference below', vergelijk.differenceText({ a: 'PV21', b: 'PV22', difference: -2.9, method: 'ebb-rule',
		significant: true, z: -3.1 }, rate), 'Fryslân 2,9 procentpunt lager dan Drenthe, significant (z = \u22123,10).');
	const persons = { ...pair, indicator: { unit: 'persons', decimals: 0 } };
	eq('difference above', vergelijk.differenceText({ a: 'PV21', b: 'PV22', difference: 164050,
		method: 'not-testable', significant: null }, persons), 'Fryslân 164.050 personen hoger dan Drenthe, niet toetsbaar.');
	done({ passed, failures });
}).catch((e) => done({ passed, failures: [...failures, String(e && e.stack || e)] }));
