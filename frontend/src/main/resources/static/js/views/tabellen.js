// Alle tabellen: any imported table, mapped or not (GET /api/v1/tables). Pick a table, one of its
// measures, a member of each breakdown dimension (or its total), regions and periods; the figure
// shows the chart, the data table and the CSV. The URL holds the whole choice:
// ?tab=tabellen&table=85624NED&indicator=cbs_85624ned__...&breakdown=dim:member,...&level=&regions=&from=&to=
import { get } from '../api.js';
import { h } from '../dom.js';
import { checklist, select, toolbar } from '../controls.js';
import { getLang, t } from '../i18n.js';
import { fromSeries } from '../series-model.js';
import { lineSummary } from '../summary.js';
import { pick } from './common.js';

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
		unitUnknown: 'eenheid nog onbekend (geen metadata bij deze download)',
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
		unitUnknown: 'unit not known yet (no metadata with this download)',
	},
};

function text(key) {
	return (TEXT[getLang()] || TEXT.nl)[key];
}

const LEVEL_ORDER = ['land', 'landsdeel', 'provincie', 'corop', 'arbeidsmarktregio', 'gemeente'];

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

function breakdownParam(chosen) {
	return Object.keys(chosen).sort().map((d) => `${d}:${chosen[d]}`).join(',') || null;
}

export async function render(panel, ctx) {
	const { state } = ctx;
	const controls = toolbar();
	const retry = () => ctx.update({});
	const figure = ctx.figure({ id: 'tabel', title: text('title'), onRetry: retry, tall: true });
	const info = h('p', { class: 'panel__intro', dataset: { tableInfo: '' } });
	panel.append(
		h('div', { class: 'panel__header' }, h('h2', { class: 'panel__title' }, text('title')),
			h('p', { class: 'panel__intro' }, text('intro'))),
		h('div', { class: 'layout-sidebar' }, controls, h('div', { class: 'layout-sidebar__main' }, info, figure.el)));
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
	const indicator = await get(`/indicators/${encodeURIComponent(indicatorCode)}`);
	if (!ctx.alive()) {
		return;
	}
	const breakdowns = indicator.breakdowns || {};
	const chosen = chosenBreakdown(state, breakdowns);
	const levels = LEVEL_ORDER.filter((l) => (indicator.regionLevels || table.regions.levels).includes(l));
	const level = pick(state.level, levels, levels[0]);
	const regionList = level ? ((await ctx.regions()).levels[level] || []) : [];
	const periodType = indicator.periodTypes?.[0] || null;
	const periodList = periodType ? await get('/periods', { indicator: indicatorCode, type: periodType }) : [];
	if (!ctx.alive()) {
		return;
	}
	const available = regionList.map((r) => r.code);
	let regions = (state.regions || []).filter((r) => available.includes(r)).slice(0, 20);
	if (!regions.length) {
		regions = available.slice(0, level === 'land' ? 1 : 3);
	}
	const periodCodes = periodList.map((p) => p.code);
	const from = pick(state.from, periodCodes, null);
	const to = pick(state.to, periodCodes, null);

	const own = table.measures.filter((m) => m.own);
	const mapped = table.measures.filter((m) => !m.own);
	const fields = [
		select({
			key: 'tb-table', label: text('table'), value: table.id,
			options: tables.map((x) => ({ value: x.id, label: x.title ? `${x.id} – ${x.title}` : x.id })),
			onChange: (v) => ctx.update({ table: v, indicator: null, breakdown: null, from: null, to: null }),
		}),
		select({
			key: 'tb-measure', label: text('measure'), value: indicatorCode,
			options: [
				...own.map((m) => ({ value: m.code, label: m.name, group: mapped.length ? text('own') : undefined })),
				...mapped.map((m) => ({ value: m.code, label: m.name, group: text('mapped') })),
			],
			onChange: (v) => ctx.update({ indicator: v, breakdown: null }),
		}),
		...Object.entries(breakdowns).map(([dimension, members]) => {
			const meta = table.dimensions.find((d) => d.code === dimension);
			const name = (getLang() === 'en' ? meta?.nameEn : meta?.nameNl) || dimension;
			return select({
				key: `tb-dim-${dimension}`, label: name, value: chosen[dimension] || '',
				options: [{ value: '', label: text('total') }, ...members.map((m) => ({ value: m.code, label: m.name }))],
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
		periodList.length ? h('div', { class: 'field-row' },
			select({
				key: 'tb-from', label: t('tr.from'), value: from || periodCodes[0],
				options: periodList.map((p) => ({ value: p.code, label: p.label })),
				onChange: (v) => ctx.update({ from: v }),
			}),
			select({
				key: 'tb-to', label: t('tr.to'), value: to || periodCodes[periodCodes.length - 1],
				options: periodList.map((p) => ({ value: p.code, label: p.label })),
				onChange: (v) => ctx.update({ to: v }),
			})) : null,
		levels.length > 1 ? select({
			key: 'tb-level', label: text('level'), value: level,
			options: levels.map((l) => ({ value: l, label: t(`level.${l}`) })),
			onChange: (v) => ctx.update({ level: v, regions: [] }),
		}) : null,
		checklist({
			key: 'tb-regions', label: t('cmp.regions'), selected: regions, all: false, none: false,
			options: regionList.map((r) => ({ value: r.code, label: r.name })),
			onChange: (values) => ctx.update({ level, regions: values }),
		}),
	];
	controls.append(...fields.filter(Boolean));

	const notes = [];
	if (indicator.unit === 'unknown') {
		notes.push(text('unitUnknown'));
	}
	if (table.completeness && !table.completeness.complete) {
		notes.push(text('incomplete') + table.completeness.warnings.join('; '));
	}
	info.textContent = [table.title, table.lastImport?.file].filter(Boolean).join(' · ');
	const response = await get('/series', {
		indicator: indicatorCode, regions, periodType, from: from || undefined, to: to || undefined,
		breakdown: breakdownParam(chosen),
	});
	if (!ctx.alive()) {
		return;
	}
	const model = fromSeries(response);
	const empty = model.series.every((s) => s.points.every((p) => p.value == null));
	const unchosen = Object.keys(breakdowns).filter((d) => !chosen[d]);
	if (empty && unchosen.length) {
		// some dimensions have no total (such as age groups): take their first member
		const next = { ...chosen };
		unchosen.forEach((d) => {
			next[d] = breakdowns[d][0].code;
		});
		ctx.update({ breakdown: breakdownParam(next) }, { replace: true });
		return;
	}
	figure.setTitle(`${table.id}: ${indicator.name}`, Object.entries(chosen)
		.map(([d, m]) => breakdowns[d].find((x) => x.code === m)?.name)
		.join(', '));
	figure.line(model, { summary: lineSummary(model), notes });
}
