// Vergelijk regio's: one bar per region (with published margins) and whether the differences are significant.
import { api } from '../api.js';
import { h } from '../dom.js';
import { checklist, segmented, select, toolbar } from '../controls.js';
import { formatDifference, formatNumber, t } from '../i18n.js';
import { fromCompare } from '../series-model.js';
import { indicatorsAt, pick, preferredPeriodType } from './common.js';

const LEVELS = ['provincie', 'arbeidsmarktregio'];
const DEFAULT_INDICATOR = 'netto_arbeidsparticipatie';

function levelOf(code) {
	return code?.startsWith('AM') ? 'arbeidsmarktregio' : 'provincie';
}

function differenceText(d, model) {
	const name = (code) => model.series.find((s) => s.regionCode === code)?.label || code;
	const diff = formatDifference(d.difference ?? 0, model.indicator);
	const verdict = d.method === 'not-testable' || d.significant == null ? t('cmp.notTestable')
		: t(d.significant ? 'cmp.significant' : 'cmp.notSignificant');
	const z = Number.isFinite(d.z) ? ` (z = ${formatNumber(d.z, 2)})` : '';
	return `${name(d.a)} – ${name(d.b)}: ${diff.text}${diff.unit ? ` ${diff.unit}` : ''}, ${verdict}${z}.`;
}

/**
 * The API's summary has one sentence per pair with the first region. With two regions that is the
 * whole story; with more, the first sentence plus how many of the differences are significant.
 */
function compareSummary(response) {
	const text = response.summary || '';
	const firstRegion = response.values?.[0]?.region;
	const pairs = (response.differences || []).filter((d) => d.a === firstRegion?.code);
	if (pairs.length <= 1) {
		return text;
	}
	const first = text.split(/(?<=\.)\s+(?=In |For |The )/)[0];
	const significant = pairs.filter((d) => d.significant === true).length;
	return `${first} ${t('cmp.sigCount', { region: firstRegion.name, count: significant, total: pairs.length })}`;
}

/** The new region list: the earlier order kept (so the chosen region stays first), new ones appended. */
function keepOrder(current, values, levelCodes) {
	const kept = current.filter((r) => values.includes(r) || !levelCodes.includes(r));
	return [...kept, ...values.filter((v) => !current.includes(v))];
}

export async function render(panel, ctx) {
	const { state } = ctx;
	const level = state.level && LEVELS.includes(state.level) ? state.level : levelOf(state.regions[0]);
	const controls = toolbar();
	const retry = () => ctx.update({});
	const figure = ctx.figure({ id: 'vergelijk', title: t('cmp.title'), onRetry: retry });
	const differences = h('div', { class: 'differences' });
	panel.append(
		h('div', { class: 'panel__header' }, h('h2', { class: 'panel__title' }, t('cmp.title')),
			h('p', { class: 'panel__intro' }, t('cmp.intro'))),
		h('div', { class: 'layout-sidebar' }, controls, h('div', { class: 'layout-sidebar__main' }, figure.el, differences)));

	try {
		const [indicators, regions] = await Promise.all([indicatorsAt(level), ctx.regionsOf(level)]);
		if (!ctx.alive()) {
			return;
		}
		const codes = indicators.map((i) => i.code);
		const indicatorCode = pick(state.indicator, codes, pick(DEFAULT_INDICATOR, codes, codes[0]));
		const indicator = indicators.find((i) => i.code === indicatorCode);
		const type = preferredPeriodType(indicator, level);
		const periodList = (await api.periods(indicatorCode, type)) || [];
		if (!ctx.alive()) {
			return;
		}
		const periodCodes = periodList.map((p) => p.code);
		const period = pick(state.period, periodCodes, periodCodes[periodCodes.length - 1]);
		const regionCodes = regions.map((r) => r.code);
		// Regions of this level in the URL are compared; none (or just the chosen region, coming from
		// another tab) means all regions of the level, with the chosen one highlighted.
		let selected = state.regions.filter((r) => regionCodes.includes(r));
		if (selected.length === 0 || (selected.length === 1 && !state.level)) {
			selected = regionCodes;
		}
		controls.append(
			select({
				key: 'cmp-indicator', label: t('cmp.indicator'), value: indicatorCode,
				options: indicators.map((i) => ({ value: i.code, label: i.name })),
				onChange: (v) => ctx.update({ indicator: v, period: null }),
			}),
			segmented({
				key: 'cmp-level', label: t('cmp.level'), value: level,
				options: LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) })),
				onChange: (v) => ctx.update({ level: v, period: null }),
			}),
			select({
				key: 'cmp-period', label: t('cmp.period'), value: period,
				options: [...periodList].reverse().map((p) => ({ value: p.code, label: p.label })),
				onChange: (v) => ctx.update({ period: v }),
			}),
			checklist({
				key: 'cmp-regions', label: t('cmp.regions'), selected, none: false,
				options: regions.map((r) => ({ value: r.code, label: r.name })),
				onChange: (values) => ctx.update({ level, regions: keepOrder(state.regions, values, regionCodes) }),
			}));
		if (!selected.length) {
			figure.error({ title: t('cmp.pickTwo') });
			return;
		}
		if (!period) {
			figure.empty();
			return;
		}
		// the chosen region first: the API compares every other region with the first one
		const primary = ctx.primaryRegion();
		const ordered = selected.includes(primary) ? [primary, ...selected.filter((r) => r !== primary)] : selected;
		const response = await api.compare({ indicator: indicatorCode, regions: ordered, period });
		if (!ctx.alive()) {
			return;
		}
		const model = fromCompare(response);
		model.title = t('cmp.chart', { indicator: model.indicator.name, period: response.period?.label || period });
		figure.setTitle(model.title, `${t(`level.${level}`)} · ${model.indicator.name}`);
		const highlight = [ctx.primaryRegion()];
		figure.bar(model, { summary: compareSummary(response), highlight });
		const focus = highlight[0];
		const relevant = (model.differences || [])
			.filter((d) => !focus || d.a === focus || d.b === focus)
			.slice(0, 12);
		if (relevant.length) {
			differences.append(h('h3', { class: 'differences__title' }, t('cmp.differences')),
				h('ul', { class: 'differences__list' }, relevant.map((d) => h('li', {
					class: `difference difference--${d.method === 'not-testable' ? 'untestable'
						: d.significant ? 'significant' : 'not-significant'}`,
					title: d.explanation || null,
				}, differenceText(d, model)))));
			const methods = [...new Set(relevant.map((d) => d.method).filter(Boolean))];
			differences.append(h('p', { class: 'differences__method' },
				methods.map((m) => t(`cmp.method.${m}`)).join(' ')));
		}
	}
	catch (err) {
		if (ctx.alive()) {
			figure.error(err);
		}
	}
}
