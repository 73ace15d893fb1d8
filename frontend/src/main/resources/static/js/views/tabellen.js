// Alle tabellen: any imported table, mapped or not (GET /api/v1/tables). Pick a table, one of its
// measures, a member of each breakdown dimension (or its total), regions and periods; the figure
// shows the chart, the data table and the CSV; as a map (mode=kaart), one period of the chosen measure and
// breakdown per region, drawn by the Kaart view's choropleth. The URL holds the whole choice:
// ?tab=tabellen&table=85624NED&indicator=cbs_85624ned__...&breakdown=dim:member,...&level=&regions=&from=&to=
// ?tab=tabellen&table=85268NED&indicator=...&mode=kaart&level=provincie&period=2023KW02
import { api, get } from '../api.js';
import { clear, h } from '../dom.js';
import { checklist, select, toolbar } from '../controls.js';
import { getLang, t } from '../i18n.js';
import { fromSeries } from '../series-model.js';
import { byName, levelOfCode } from '../regions.js';
import { lineSummary } from '../summary.js';
import { breakdownParam, latestAt, periodRange, pick, sidebarView } from './common.js';
import { drawChoropleth } from './kaart.js';

const TEXT = {
	nl: {
		title: 'Alle tabellen',
		intro: 'Elke geïmporteerde tabel, ook zonder koppeling aan de indicatoren van de monitor: kies een tabel, '
			+ 'een onderwerp, de indeling, regio\'s en perioden.',
		table: 'Tabel',
		measure: 'Onderwerp',
		total: 'Totaal (geen indeling)',
		level: 'Regioniveau',
		own: 'eigen onderwerpen van de tabel',
		mapped: 'gekoppelde indicatoren',
		none: 'Er zijn nog geen tabellen geïmporteerd.',
		incomplete: 'De laatste import meldde: ',
		earlierCutOff: 'Een deel van de huidige cijfers komt nog uit import {run}, die waarschijnlijk was afgebroken: ',
		unitUnknown: 'eenheid nog onbekend (geen metadata bij deze download)',
		mode: 'Weergave',
		chart: 'Grafiek en tabel',
		map: 'Kaart',
		period: 'Periode',
		otherWarnings: '{n} andere melding(en) van de import, te lezen in het importrapport (GET /api/v1/tables/{id})',
		forecastNoMap: 'Dit onderwerp is een prognose; de kaart toont waarnemingen, dus het staat hier als grafiek.',
		noRegional: 'Deze tabel heeft geen cijfers per gebied (alleen voor heel Nederland), dus er is geen kaart. '
			+ 'Kies \'Grafiek en tabel\' bij Weergave.',
	},
	en: {
		title: 'All tables',
		intro: 'Every imported table, also without a link to the monitor\'s indicators: pick a table, a measure, '
			+ 'the breakdown, regions and periods.',
		table: 'Table',
		measure: 'Measure',
		total: 'Total (no breakdown)',
		level: 'Region level',
		own: 'the table\'s own measures',
		mapped: 'linked indicators',
		none: 'No tables have been imported yet.',
		incomplete: 'The last import reported: ',
		earlierCutOff: 'Some of the current figures still come from import {run}, which was probably cut off: ',
		unitUnknown: 'unit not known yet (no metadata with this download)',
		mode: 'View',
		chart: 'Chart and table',
		map: 'Map',
		period: 'Period',
		otherWarnings: '{n} other warning(s) of the import, in its report (GET /api/v1/tables/{id})',
		forecastNoMap: 'This measure is a forecast; the map shows observations, so it is drawn here as a chart.',
		noRegional: 'This table has no figures per area (only for the Netherlands as a whole), so there is no map. '
			+ 'Choose \'Chart and table\' under View.',
	},
};

function text(key) {
	return (TEXT[getLang()] || TEXT.nl)[key];
}

const LEVEL_ORDER = ['land', 'landsdeel', 'provincie', 'corop', 'arbeidsmarktregio', 'gemeente'];
/** Levels a map can be drawn of (boundaries from /api/v1/geo/{level}); provincie first by default. */
const MAP_LEVELS = ['provincie', 'arbeidsmarktregio', 'landsdeel', 'corop', 'gemeente'];

/** dimension:member pairs from the URL, kept only where the indicator has that member. */
function chosenBreakdown(state, breakdowns) {
	const chosen = {};
	for (const pair of (state.breakdown || '').split(',')) {
		const [dimension, member] = pair.split(':');
		if (breakdowns[dimension]?.some((m) => m.code === member)) {
			chosen[dimension] = member;
		}
	}
	return chosen;
}

export async function render(panel, ctx) {
	const { state } = ctx;
	const controls = toolbar();
	const retry = () => ctx.update({});
	const figure = ctx.figure({ id: 'tabel', title: text('title'), onRetry: retry, tall: true });
	const info = h('p', { class: 'panel__intro', dataset: { tableInfo: '' } });
	sidebarView(panel, { title: text('title'), intro: text('intro'), controls, main: [info, figure.el] });
	const tables = await get('/tables');
	if (!ctx.alive()) {
		return;
	}
	if (!tables.length) {
		figure.error({ title: text('none') });
		return;
	}
	const ids = tables.map((x) => x.id);
	const preferred = tables.find((x) => x.generic)?.id || ids[0];
	const table = tables.find((x) => x.id.toLowerCase() === (state.table || '').toLowerCase())
		|| tables.find((x) => x.id === preferred);
	const codes = table.measures.map((m) => m.code);
	const indicatorCode = pick(state.indicator, codes, codes[0]);
	// the table chosen for the user goes into the link: without it, a copied link would show whichever table
	// comes first once other tables are imported (the measure then is the table's first, as before; the
	// indicator of the other views is left as it is)
	if (state.table !== table.id) {
		ctx.settle({ table: table.id });
	}
	const [indicator, tableIndicators] = await Promise.all([get(`/indicators/${encodeURIComponent(indicatorCode)}`),
		get('/indicators', { table: table.id }).catch(() => [])]);
	// the measures' names in the page's language (the indicators' names follow lang=)
	const nameOf = new Map((tableIndicators || []).map((i) => [i.code, i.name]));
	if (!ctx.alive()) {
		return;
	}
	const breakdowns = indicator.breakdowns || {};
	const chosen = chosenBreakdown(state, breakdowns);
	// the table's own levels and period types: an indicator fed by several tables (beroepsbevolking: 85268NED
	// for provinces by quarter, 86088NED for arbeidsmarktregio's by year) would else show another table's
	// figures under this table's name
	const tableLevels = table.regions?.levels || [];
	const tableTypes = table.periods?.types || [];
	const levels = LEVEL_ORDER.filter((l) => (indicator.regionLevels || tableLevels).includes(l)
		&& (!tableLevels.length || tableLevels.includes(l)));
	// a map shows observations (GET /api/v1/map): a forecast is drawn as a chart only
	const asMap = state.mode === 'kaart' && !indicator.forecast;
	const mapLevels = MAP_LEVELS.filter((l) => levels.includes(l));
	// my region's level when the table has it, else the first (provincie first on a map)
	const mine = ctx.primaryRegion();
	const mineLevel = levelOfCode(mine);
	const level = asMap ? pick(state.level, mapLevels, pick(mineLevel, mapLevels, mapLevels[0] || null))
		: pick(state.level, levels, pick(mineLevel, levels, levels[0]));
	const regionList = level ? ((await ctx.regions()).levels[level] || []) : [];
	const periodType = (indicator.periodTypes || []).find((type) => !tableTypes.length || tableTypes.includes(type))
		|| tableTypes[0] || null;
	const periodList = periodType ? await get('/periods', { indicator: indicatorCode, type: periodType }) : [];
	if (!ctx.alive()) {
		return;
	}
	const available = regionList.map((r) => r.code);
	let regions = (state.regions || []).filter((r) => available.includes(r)).slice(0, 20);
	if (!regions.length) {
		// my region ticked, with the first others of its level beside it
		const first = available.includes(mine) ? [mine] : [];
		regions = [...first, ...available.filter((r) => r !== mine)].slice(0, level === 'land' ? 1 : 3);
	}
	const periodCodes = periodList.map((p) => p.code);
	const from = pick(state.from, periodCodes, null);
	const to = pick(state.to, periodCodes, null);
	// a map opens on the latest period with figures at its level (not the last period of the table, which
	// may have none there)
	const period = pick(state.period, periodCodes, null)
		|| (asMap && level && periodCodes.length ? await latestAt(indicatorCode, level, periodCodes,
			breakdownParam(chosen)) : periodCodes[periodCodes.length - 1] || null);
	if (!ctx.alive()) {
		return;
	}

	const own = table.measures.filter((m) => m.own);
	const mapped = table.measures.filter((m) => !m.own);
	const fields = [
		select({
			key: 'tb-mode', label: text('mode'), value: asMap ? 'kaart' : 'grafiek',
			options: [{ value: 'grafiek', label: text('chart') },
				...(indicator.forecast ? [] : [{ value: 'kaart', label: text('map') }])],
			onChange: (v) => ctx.update({ mode: v === 'kaart' ? 'kaart' : null }),
		}),
		select({
			key: 'tb-table', label: text('table'), value: table.id,
			options: tables.map((x) => ({ value: x.id, label: x.title ? `${x.id} – ${x.title}` : x.id })),
			onChange: (v) => ctx.update({ table: v, indicator: null, breakdown: null, from: null, to: null }),
		}),
		select({
			key: 'tb-measure', label: text('measure'), value: indicatorCode,
			options: [
				...own.map((m) => ({ value: m.code, label: nameOf.get(m.code) || m.name,
					group: mapped.length ? text('own') : undefined })),
				...mapped.map((m) => ({ value: m.code, label: nameOf.get(m.code) || m.name, group: text('mapped') })),
			],
			onChange: (v) => ctx.update({ indicator: v, breakdown: null }),
		}),
		...Object.entries(breakdowns).map(([dimension, members]) => {
			const meta = table.dimensions.find((d) => d.code === dimension);
			const name = (getLang() === 'en' ? meta?.nameEn : meta?.nameNl) || dimension;
			// the dimension's own total (Totaal mannen en vrouwen, ...) where it has one; a dimension that has
			// none (age groups: GET /tables gives total null) offers its members only, so no choice snaps back
			const hasTotal = !meta || meta.total != null;
			const total = meta?.total ? (getLang() === 'en' ? meta.total.nameEn : meta.total.nameNl) || text('total')
				: text('total');
			return select({
				key: `tb-dim-${dimension}`, label: name,
				value: chosen[dimension] || (hasTotal ? '' : members[0]?.code || ''),
				options: [...(hasTotal ? [{ value: '', label: total }] : []),
					...members.map((m) => ({ value: m.code, label: m.name }))],
				onChange: (v) => {
					const next = { ...chosen };
					if (v) {
						next[dimension] = v;
					}
					else {
						delete next[dimension];
					}
					ctx.update({ breakdown: breakdownParam(next) });
				},
			});
		}),
		asMap && periodList.length ? select({
			key: 'tb-period', label: text('period'), value: period,
			options: periodList.map((p) => ({ value: p.code, label: p.label })),
			onChange: (v) => ctx.update({ period: v }),
		}) : null,
		!asMap && periodList.length ? periodRange(ctx, { key: 'tb', periods: periodList, from, to }) : null,
		(asMap ? mapLevels : levels).length > 1 ? select({
			key: 'tb-level', label: text('level'), value: level,
			options: (asMap ? mapLevels : levels).map((l) => ({ value: l, label: t(`level.${l}`) })),
			onChange: (v) => ctx.update({ level: v, regions: [] }),
		}) : null,
		asMap ? null : checklist({
			key: 'tb-regions', label: t('cmp.regions'), selected: regions, all: false, none: false,
			// by name, as in Vergelijk and Trends
			options: byName(regionList).map((r) => ({ value: r.code, label: r.name })),
			onChange: (values) => ctx.update({ level, regions: values }),
		}),
	];
	controls.append(...fields.filter(Boolean));

	const notes = [];
	if (indicator.unit === 'unknown') {
		notes.push(text('unitUnknown'));
	}
	const c = table.completeness;
	if (c && !c.complete) {
		// why it was cut off, and the import's other warnings, in the page's language; those of an import run
		// before they were kept in both languages are English: on a Dutch page counted, with where to read them
		const other = (c.warnings || []).filter((w) => !w.startsWith('INCOMPLETE:'));
		const said = (c.warningsLanguage || 'en') === getLang() ? other
			: (other.length ? [text('otherWarnings').replace('{n}', other.length).replace('{id}', table.id)] : []);
		// a cut-off run before the last import still gives some of the current values
		const earlier = c.incompleteRun != null && c.incompleteRun !== table.lastImport?.run;
		if (earlier) {
			notes.push(text('earlierCutOff').replace('{run}', c.incompleteRun) + c.incompleteReason);
		}
		const last = [earlier ? null : c.incompleteReason, ...said].filter(Boolean);
		if (last.length) {
			notes.push(text('incomplete') + last.join('; '));
		}
	}
	if (indicator.forecast && state.mode === 'kaart') {
		notes.push(text('forecastNoMap'));
	}
	info.textContent = [table.title, table.lastImport?.file].filter(Boolean).join(' · ');
	const unchosen = Object.keys(breakdowns).filter((d) => !chosen[d]);
	const chosenNames = Object.entries(chosen).map(([d, m]) => breakdowns[d].find((x) => x.code === m)?.name);
	if (asMap) {
		await renderMap(figure, ctx, { table, indicator, indicatorCode, level, period, periodType, periodList, chosen,
			unchosen, breakdowns, chosenNames, notes });
		return;
	}
	const response = await get('/series', {
		indicator: indicatorCode, regions, periodType, from: from || undefined, to: to || undefined,
		breakdown: breakdownParam(chosen),
	});
	if (!ctx.alive()) {
		return;
	}
	const model = fromSeries(response);
	const empty = model.series.every((s) => s.points.every((p) => p.value == null));
	if (empty && unchosen.length) {
		firstMembers(ctx, chosen, unchosen, breakdowns, table);
		return;
	}
	figure.setTitle(`${table.id}: ${indicator.name}`, chosenNames.join(', '));
	figure.line(model, { summary: lineSummary(model, { subject: mine }), notes });
}

/**
 * Some dimensions have no total (such as age groups): take their first member, and keep the totals of
 * the dimensions that have one (GET /tables: dimensions[].total), so a table opens on its totals. Where
 * that has no figures either (a dimension whose total is not known), the next round takes the first
 * member of the others too.
 */
function firstMembers(ctx, chosen, unchosen, breakdowns, table) {
	const withTotal = new Set((table?.dimensions || []).filter((d) => d.total).map((d) => d.code));
	const without = unchosen.filter((d) => !withTotal.has(d));
	const next = { ...chosen };
	(without.length ? without : unchosen).forEach((d) => {
		next[d] = breakdowns[d][0].code;
	});
	ctx.update({ breakdown: breakdownParam(next) }, { replace: true });
}

/**
 * The map mode: the choropleth of the chosen measure, breakdown and period at a level with boundaries, or a
 * sentence saying the table has no figures per area.
 */
async function renderMap(figure, ctx, { table, indicator, indicatorCode, level, period, periodType, periodList,
	chosen, unchosen, breakdowns, chosenNames, notes }) {
	const title = `${table.id}: ${indicator.name}`;
	if (!level || !period) {
		figure.setTitle(title, chosenNames.join(', '));
		figure.empty();
		if (!level) {
			clear(figure.stateEl).append(h('p', { class: 'empty', dataset: { noMap: '' } }, text('noRegional')));
		}
		return;
	}
	const breakdown = breakdownParam(chosen);
	const response = await api.map({ indicator: indicatorCode, level, period, breakdown });
	if (!ctx.alive()) {
		return;
	}
	if (unchosen.length && (response.values || []).every((v) => v.value == null)) {
		firstMembers(ctx, chosen, unchosen, breakdowns, table);
		return;
	}
	const periodLabel = response.period?.label || periodList.find((p) => p.code === period)?.label || period;
	await drawChoropleth(figure, ctx, {
		indicator: indicatorCode, level, period, type: periodType, breakdown, title,
		subtitle: [...chosenNames, t(`level.${level}`), periodLabel].filter(Boolean).join(' · '), notes,
	});
}
