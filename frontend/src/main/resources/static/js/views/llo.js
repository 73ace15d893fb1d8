// Leven lang ontwikkelen: participation by region over the years and nationally by background.
import { api } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { fromSeries, merge } from '../series-model.js';
import { lineSummary } from '../summary.js';
import { levelOfCode, nearestWith, regionLabel } from '../regions.js';
import { markBreaks, panelHeader } from './common.js';

const REGIONAL = 'llo_deelname_eurostat';
const NATIONAL = 'llo_deelname';
const EMPLOYED = 'llo_deelname_werkenden';

// Members shown per breakdown (their names come from the indicator's metadata).
const WANTED = {
	education_level: ['laag', 'middelbaar', 'hoog'],
	llo_type: ['totaal', 'formeel', 'niet_formeel'],
	labour_position: ['werkzaam', 'werkloos', 'niet_beroepsbevolking'],
	employment_relation: ['vast', 'flexibel', 'zelfstandig'],
};

/** My region (or, below the province, its province: the level of the regional source), compared regions and Nederland. */
async function regional(ctx, figure) {
	const [indicators, catalogue] = await Promise.all([api.indicators(), ctx.regions()]);
	const indicator = indicators.find((i) => i.code === REGIONAL);
	const mine = catalogue.byCode.get(ctx.primaryRegion()) || { code: ctx.primaryRegion(), level: levelOfCode(ctx.primaryRegion()) };
	const shown = nearestWith(mine, indicator) || 'NL01';
	const notes = shown !== mine.code ? [t('llo.regionFallback', { region: regionLabel(mine),
		parent: regionLabel(catalogue.byCode.get(shown)) || shown })] : [];
	// and the comparison regions the user ticked where the source has them
	const levels = indicator?.regionLevels || [];
	const compared = (ctx.state.regions || []).filter((r) => levels.includes(levelOfCode(r)));
	const regions = [...new Set([shown, ...compared, 'NL01'])].slice(0, 8);
	const model = fromSeries(await api.series({ indicator: REGIONAL, regions }));
	if (ctx.alive()) {
		figure.setTitle(t('llo.regions'), model.indicator.name);
		figure.line(model, { summary: lineSummary(model, { subject: shown }), notes });
	}
}

async function byDimension(ctx, figure, dimension, titleKey, indicator = NATIONAL) {
	const meta = await api.indicator(indicator).catch(() => null);
	const listed = meta?.breakdowns?.[dimension];
	const members = (listed || []).filter((m) => WANTED[dimension].includes(m.code));
	// "totaal" is a real member of llo_type (all learning); other breakdowns are taken for all learning
	const allLearning = dimension !== 'llo_type' && meta?.breakdowns?.llo_type?.some((m) => m.code === 'totaal')
		? ',llo_type:totaal' : '';
	const models = await Promise.all(members.map(async (m) => fromSeries(
		await api.series({ indicator, regions: ['NL01'], breakdown: `${dimension}:${m.code}${allLearning}` }),
		{ labelFor: () => m.name, idFor: () => m.code })));
	const model = merge(models, { title: t(titleKey) });
	// the EBB redesign of 2021 is a break in these series: the API's trend analysis knows where
	const trend = await api.trend({ indicator, region: 'NL01' }).catch(() => null);
	markBreaks(model, () => trend?.breaks);
	if (ctx.alive()) {
		figure.setTitle(t(titleKey), model.indicator.name);
		figure.line(model, { summary: lineSummary(model, { byBreakdown: true }) });
	}
}

function guarded(ctx, figure, work) {
	return work().catch((err) => {
		if (ctx.alive()) {
			figure.error(err);
		}
	});
}

export async function render(panel, ctx) {
	const retry = () => ctx.update({});
	const f1 = ctx.figure({ id: 'llo-regio', title: t('llo.regions'), onRetry: retry });
	const f2 = ctx.figure({ id: 'llo-opleiding', title: t('llo.education'), onRetry: retry });
	const f3 = ctx.figure({ id: 'llo-vorm', title: t('llo.type'), onRetry: retry });
	const f4 = ctx.figure({ id: 'llo-positie', title: t('llo.position'), onRetry: retry });
	const f5 = ctx.figure({ id: 'llo-arbeidsrelatie', title: t('llo.relation'), onRetry: retry });
	panel.append(
		panelHeader(t('llo.title'), t('llo.intro')),
		h('div', { class: 'figures' }, f1.el),
		h('div', { class: 'figures figures--two' }, f2.el, f3.el, f4.el, f5.el),
	);
	await Promise.all([
		guarded(ctx, f1, () => regional(ctx, f1)),
		guarded(ctx, f2, () => byDimension(ctx, f2, 'education_level', 'llo.education')),
		guarded(ctx, f3, () => byDimension(ctx, f3, 'llo_type', 'llo.type')),
		guarded(ctx, f4, () => byDimension(ctx, f4, 'labour_position', 'llo.position')),
		guarded(ctx, f5, () => byDimension(ctx, f5, 'employment_relation', 'llo.relation', EMPLOYED)),
	]);
}
