// Trends: several regions over time (per quarter, month or year, as the source publishes), with the trend line and band from /trend segments,
// the change on the same quarter a year earlier, and our own seasonal adjustment (labelled as ours).
import { api, get } from '../api.js';
import { h } from '../dom.js';
import { checklist, toggle, toolbar } from '../controls.js';
import { formatNumber, formatValue, getLang, inSentence, periodLabel, t } from '../i18n.js';
import { fromSeries, mapValues } from '../series-model.js';
import { byName, levelOfCode } from '../regions.js';
import { lineSummary } from '../summary.js';
import {
	breakdownParam, explainFix, finestType, markBreaks, nothingToDraw, periodRange, pick, sharedPicker, sidebarView,
} from './common.js';

const DEFAULT_INDICATOR = 'werkloosheidspercentage';
const DEFAULT_REGIONS = ['PV26', 'PV21', 'NL01'];

/**
 * The members Trends shows of an indicator whose table has dimensions without a total (age groups: GET
 * /api/v1/tables gives dimensions[].total null), which has no series without them: the first member of
 * each such dimension, by dimension code. Null where every dimension has its total, and for a mapped table.
 */
async function membersWithoutTotal(indicator) {
	const dimensions = Object.keys(indicator?.breakdowns || {});
	if (!dimensions.length || !indicator.sourceTable) {
		return null;
	}
	// without the list of tables (an error) the chart is drawn as for a mapped table, never not at all
	const table = ((await get('/tables').catch(() => null)) || []).find((x) => x.id === indicator.sourceTable);
	if (!table?.generic) {
		// a mapped table: its mapping names the totals (a dimension it lists without one, such as
		// education_level of 85315NED, has its total as the series without the dimension)
		return null;
	}
	const fixed = {};
	for (const dimension of dimensions) {
		const meta = (table.dimensions || []).find((d) => d.code === dimension);
		if (meta && meta.total == null && indicator.breakdowns[dimension].length) {
			fixed[dimension] = { meta, member: indicator.breakdowns[dimension][0] };
		}
	}
	return Object.keys(fixed).length ? fixed : null;
}

/** The regions the user ticked; without a choice, my region and Nederland (or the former defaults). */
function chosenRegions(state, available, mine) {
	if (state.regions != null) {
		// my region leads whatever the link's order: its line keeps the first colour and the summary speaks
		// of it (a link listing Nederland first made Nederland's figure read as mine)
		const listed = state.regions.filter((r) => available.includes(r)).slice(0, 50);
		return listed.includes(mine) ? [mine, ...listed.filter((r) => r !== mine)] : listed;
	}
	const start = available.includes(mine) ? [mine, 'NL01'] : DEFAULT_REGIONS;
	return [...new Set(start)].filter((r) => available.includes(r));
}

function trendNotes(model, trendByRegion, indicator, type) {
	const notes = [];
	for (const s of model.series) {
		const trend = trendByRegion.get(s.regionCode);
		if (!trend) {
			continue;
		}
		const last = trend.segments?.[trend.segments.length - 1];
		if (last) {
			// one decimal more than the figures themselves (a count of persons per month: 1 decimal, not 2)
			const decimals = (Number.isInteger(indicator.decimals) ? indicator.decimals : 1) + 1;
			// with its unit: "−142,7 personen per maand", not a bare number
			const slope = indicator.unit === 'persons'
				? `${formatNumber(last.slopePerPeriod, decimals, true)}\u00a0${t('unit.persons')}`
				: formatValue(last.slopePerPeriod, indicator.unit === 'percent'
					? { ...indicator, unit: 'pp', decimals: 2 } : { ...indicator, decimals }, { signed: true });
			notes.push(`${s.label}: ${t('tr.trendLine', { per: t(`tr.per.${type || 'quarter'}`),
				from: periodLabel(last.from), to: periodLabel(last.to), slope,
				sig: last.significant ? t('tr.sig') : t('tr.notSig'),
			})}`);
		}
	}
	return notes;
}

const LEVELS = ['land', 'landsdeel', 'provincie', 'corop', 'arbeidsmarktregio', 'gemeente'];
/** The API gives at most 50 series at once; more lines would not be readable anyway. */
const MAX_LINES = 50;

/** Period types, finest first. */
const COARSENESS = ['month', 'quarter', 'year'];

/** The regions offered at a level: Nederland first, then the level's regions by name. */
function regionsOf(catalogue, level) {
	const levelRegions = byName(catalogue.levels[level] || []);
	return level === 'land' ? levelRegions : [...catalogue.levels.land, ...levelRegions];
}

export async function render(panel, ctx) {
	const { state } = ctx;
	const controls = toolbar();
	const retry = () => ctx.update({});
	const figure = ctx.figure({ id: 'trends', title: t('tr.title'), onRetry: retry, tall: true });
	sidebarView(panel, { title: t('tr.title'), intro: t('tr.intro'), controls, main: [figure.el] });
	try {
		const catalogue = await ctx.regions();
		const mine = ctx.primaryRegion();
		const picked = await sharedPicker(ctx, {
			// the trend (GET /api/v1/trend) is of observations: forecasts are drawn in the grijze druk chart
			key: 'tr', levels: LEVELS, preferred: DEFAULT_INDICATOR, period: false, observedOnly: true,
			followIndicator: true,
			regionFor: (level) => (catalogue.levels[level] || []).find((r) => r.code === mine)?.code
				|| (catalogue.levels[level] || [])[0]?.code || mine,
			// the indicators of every ticked region count, so Nederland's figures are offered beside a
			// level without any
			alsoLevels: (level) => [...new Set(chosenRegions(state, regionsOf(catalogue, level).map((r) => r.code), mine)
				.map((c) => levelOfCode(c)))],
		});
		if (!ctx.alive()) {
			return;
		}
		const { level, code: indicatorCode } = picked;
		let { type } = picked;
		const regionList = regionsOf(catalogue, level);
		const available = regionList.map((r) => r.code);
		// a level the picker moved to (the indicator of the link has no figures at the one asked) starts
		// with its default regions
		const ticked = chosenRegions(picked.levelMoved ? { ...state, regions: null } : state, available, mine);
		// my region is always drawn: where it is of another level than the one shown (an
		// arbeidsmarktregio beside provinces), beside the ticked regions; not where its level has no figures
		const mineHasFigures = (picked.indicator?.regionLevels || []).includes(levelOfCode(mine));
		const regions = mine && mineHasFigures && !available.includes(mine) && !ticked.includes(mine)
			? [mine, ...ticked].slice(0, MAX_LINES) : ticked;
		// a dimension without a total: its first member, named under the chart (the others: Alle tabellen)
		const fixed = await membersWithoutTotal(picked.indicator);
		if (!ctx.alive()) {
			return;
		}
		const breakdown = fixed ? breakdownParam(Object.fromEntries(Object.entries(fixed)
			.map(([dimension, f]) => [dimension, f.member.code]))) : undefined;
		if (picked.indicator && regions.length > 1) {
			// the finest type every drawn region has, so each has points (Amersfoort beside Utrecht the gemeente:
			// years, where only Utrecht has quarters), my region too where it is of another level
			const shared = await finestType(picked.indicator, regions, breakdown);
			if (COARSENESS.indexOf(shared) > COARSENESS.indexOf(type)) {
				type = shared;
			}
		}
		const periodList = picked.indicator ? (await api.periods(indicatorCode, type)) || [] : [];
		if (!ctx.alive()) {
			return;
		}
		const periodCodes = periodList.map((p) => p.code);
		// our seasonal adjustment is of quarterly series only (GET /api/v1/trend): not offered for months or years
		const seasonal = type === 'quarter';
		let from = pick(state.from, periodCodes, null);
		let to = pick(state.to, periodCodes, null);
		if (picked.indicator) {
			// a link asking what cannot be shown says what is shown instead, and then holds it
			const name = inSentence(picked.indicator.name);
			for (const [bound, asked, kept] of [['from', state.from, from], ['to', state.to, to]]) {
				if (asked && !kept && periodList.length) {
					explainFix(ctx, t('fix.rangeDropped', { indicator: name, period: periodLabel(asked) }), { [bound]: null });
				}
			}
			if (from && to && periodCodes.indexOf(from) > periodCodes.indexOf(to)) {
				explainFix(ctx, t('fix.rangeSwapped', { from: periodLabel(from), to: periodLabel(to) }), { from: to, to: from });
				[from, to] = [to, from];
			}
			if (state.sa && !seasonal) {
				explainFix(ctx, t('fix.sa', { type: t(`tr.per.${type || 'year'}`) }), { sa: false });
			}
		}
		const adjust = state.sa && seasonal;
		controls.append(...picked.controls,
			periodRange(ctx, { key: 'tr', periods: periodList, from, to }),
			h('div', { class: 'toggles' },
				toggle({ key: 'tr-yoy', label: t(`tr.yoy.${type || 'quarter'}`), checked: state.yoy,
					onChange: (v) => ctx.update({ yoy: v, sa: v ? false : adjust }) }),
				// years have no season to adjust for: no toggle for them
				seasonal ? toggle({ key: 'tr-sa', label: t('tr.sa'), checked: adjust,
					onChange: (v) => ctx.update({ sa: v, yoy: v ? false : state.yoy }) }) : null),
			checklist({
				key: 'tr-regions', label: t('cmp.regions'), selected: ticked, filter: true,
				allLabel: t('picker.allLevel', { level: t(`level.${level}`).toLowerCase() }),
				options: regionList.map((r) => ({ value: r.code, label: r.code === mine ? t('picker.mine', { region: r.name }) : r.name })),
				onChange: (values) => {
					if (values.length > MAX_LINES) {
						ctx.notice(t('tr.maxLines', { max: MAX_LINES }));
					}
					ctx.update({ level, regions: values.slice(0, MAX_LINES) });
				},
			}));
		if (nothingToDraw(figure, picked.indicator, regions)) {
			return;
		}
		const range = { from: from || undefined, to: to || undefined };
		const [seriesResponse, ...trendResponses] = await Promise.all([
			api.series({ indicator: indicatorCode, regions, periodType: type, breakdown, ...range }),
			...regions.map((region) => api.trend({ indicator: indicatorCode, region, periodType: type, breakdown,
				...range }).catch(() => null)),
		]);
		if (!ctx.alive()) {
			return;
		}
		let model = fromSeries(seriesResponse);
		// a ticked region without a single value is no line: it leaves the legend, and a note names it
		const without = model.series.filter((s) => !s.points.some((p) => p.value != null));
		model.series = model.series.filter((s) => !without.includes(s));
		const indicator = model.indicator;
		const trendByRegion = new Map();
		regions.forEach((r, i) => trendResponses[i] && trendByRegion.set(r, trendResponses[i]));
		markBreaks(model, (code) => trendByRegion.get(code)?.breaks);
		// values the source revised (more than one vintage value) are marked in the data table
		for (const s of model.series) {
			const revised = new Set((trendByRegion.get(s.regionCode)?.points || []).filter((p) => p.revised).map((p) => p.period));
			s.points.forEach((p) => { p.revised = revised.has(p.period); });
		}
		const trendPoint = (region, period) => trendByRegion.get(region)?.points?.find((p) => p.period === period);
		const notes = type === 'year' && (picked.indicator.periodTypes || []).includes('quarter') ? [t('tr.yearly')] : [];
		if (fixed) {
			const nameOf = (meta) => (getLang() === 'en' ? meta.nameEn : meta.nameNl) || meta.code;
			notes.push(t('tr.noTotal', {
				dimensions: Object.values(fixed).map((f) => nameOf(f.meta)).join(', '),
				members: Object.values(fixed).map((f) => f.member.name).join(', '),
			}));
		}
		if (without.length && model.series.length) {
			notes.push(t('tr.noFigures', { regions: without.map((s) => s.regionName || s.regionCode).join(', '),
				indicator: indicator.name }));
		}
		let title = t('tr.chart', { indicator: indicator.name });
		let showTrend = true;
		let adjustedShown = false;
		if (state.yoy) {
			model = mapValues(model, (p, s) => trendPoint(s.regionCode, p.period)?.changeOnYear, {
				origin: 'derived', change: 'year',
				indicator: indicator.unit === 'percent' ? { ...indicator, unit: 'pp' } : indicator,
				why: () => t('tr.noChange'),
			});
			title = t('tr.chartYoy', { indicator: indicator.name });
			showTrend = false;
		}
		else if (adjust) {
			const adjusted = mapValues(model, (p, s) => trendPoint(s.regionCode, p.period)?.seasonallyAdjusted,
				{ origin: 'adjusted' });
			if (adjusted.series.some((s) => s.points.some((p) => p.value != null))) {
				model = adjusted;
				adjustedShown = true;
				title = t('tr.chartSa', { indicator: indicator.name });
				for (const s of model.series) {
					const sa = trendByRegion.get(s.regionCode)?.seasonalAdjustment;
					if (sa && !sa.applied) {
						notes.push(t('tr.saNotApplied', { region: s.label, reason: sa.reason || '' }));
					}
				}
			}
			else {
				// no region has an adjusted value (too few quarters): the figures themselves, never an empty chart
				explainFix(ctx, t('fix.saEmpty'), { sa: false });
			}
		}
		model.title = title;
		const trends = showTrend ? model.series.map((s, seriesIndex) => ({
			seriesIndex, segments: trendByRegion.get(s.regionCode)?.segments || [],
		})) : [];
		if (showTrend) {
			notes.push(...trendNotes(model, trendByRegion, indicator, type));
		}
		const shownMembers = fixed ? ` · ${Object.values(fixed).map((f) => f.member.name).join(', ')}` : '';
		figure.setTitle(title, (model.indicator.unit === 'percent' ? `${indicator.name} (%)` : indicator.name)
			+ shownMembers);
		// adjusted values are ours, not the source's: the summary says so before it quotes them
		const summary = lineSummary(model, { subject: mine });
		figure.line(model, { summary: adjustedShown ? `${t('tr.saSummary')} ${summary}` : summary, trends, showTrend,
			notes });
	}
	catch (err) {
		if (ctx.alive()) {
			figure.error(err);
		}
	}
}
