// Vergelijk regio's: one bar per region (with published margins) and whether the differences are significant.
import { api } from '../api.js';
import { h } from '../dom.js';
import { checklist, toolbar } from '../controls.js';
import {
	formatDifference, formatNumber, formatValue, getLang, inSentence, periodLabel, regionInSentence, t,
} from '../i18n.js';
import { byName, regionLabel } from '../regions.js';
import { fromCompare } from '../series-model.js';
import { isCount } from '../summary.js';
import { nothingToDraw, sharedPicker, sidebarView } from './common.js';

/** At most this many differences are listed one by one (every level but gemeenten fits). */
const MAX_DIFFERENCES = 40;

/**
 * One line of the list of differences. A pair without a difference (one of the two has no figure) says so:
 * never "0".
 */
export function differenceText(d, model) {
	const name = (code) => model.series.find((s) => s.regionCode === code)?.label || code;
	if (d.difference == null || !Number.isFinite(Number(d.difference))) {
		return `${name(d.a)} – ${name(d.b)}: ${t('cmp.noDifference')}.`;
	}
	const diff = formatDifference(d.difference, model.indicator);
	const verdict = d.method === 'not-testable' || d.significant == null ? t('cmp.notTestable')
		: t(d.significant ? 'cmp.significant' : 'cmp.notSignificant');
	const z = Number.isFinite(d.z) ? ` (z = ${formatNumber(d.z, 2)})` : '';
	// which way the difference goes, not only its size: a minus on z alone says too little
	const amount = `${diff.text}${diff.unit ? ` ${diff.unit}` : ''}`;
	const value = Number(d.difference);
	const relation = t(value > 0 ? 'cmp.higherThan' : value < 0 ? 'cmp.lowerThan' : 'cmp.equalTo',
		{ amount, b: regionInSentence(name(d.b)) });
	return `${name(d.a)} ${relation}, ${verdict}${z}.`;
}

/**
 * The API's summary has one sentence per pair with the first region. With two regions that is the
 * whole story; with more, the sentence of the pair with the one region chosen beside mine, or with Nederland
 * (the reference) when more are chosen, never whichever region sorts first, plus how many of the
 * differences are significant.
 */
function compareSummary(response, { count = false } = {}) {
	const text = response.summary || '';
	const firstRegion = response.values?.[0]?.region;
	const pairs = (response.differences || []).filter((d) => d.a === firstRegion?.code);
	if (pairs.length <= 1) {
		return text;
	}
	if (count) {
		// counts of regions of other sizes: where my region ranks, not a difference with one of them
		const rank = rankSentence(response);
		if (rank) {
			const testable = pairs.filter((d) => d.significant != null);
			return testable.length ? `${rank} ${sigCount(firstRegion, testable)}` : rank;
		}
	}
	const sentences = text.split(/(?<=\.)\s+(?=In |For |The |Volgens |According )/);
	// the pair with the one region chosen beside mine; with more, the pair with Nederland, the reference (a
	// difference's explanation begins with its sentence of the summary)
	const chosen = pairs.filter((d) => d.b !== 'NL01');
	const lead = chosen.length === 1 ? chosen[0] : pairs.find((d) => d.b === 'NL01');
	const first = (lead && sentences.find((s) => lead.explanation?.startsWith(s))) || sentences[0];
	// a pair that cannot be tested is neither significant nor not: counted apart
	const testable = pairs.filter((d) => d.significant != null);
	if (!testable.length) {
		return `${first} ${t('cmp.noneTestable', { total: pairs.length })}`;
	}
	return `${first} ${sigCount(firstRegion, testable)}`;
}

/** How many of the testable differences of my region are significant, in a sentence (none said as such). */
function sigCount(region, testable) {
	const count = testable.filter((d) => d.significant === true).length;
	return t(count ? 'cmp.sigCount' : 'cmp.sigNone', { region: region.name, count, total: testable.length });
}

/** An ordinal in the page's language: 3e / 3rd. */
function ordinal(n) {
	if (getLang() !== 'en') {
		return `${n}e`;
	}
	const tens = n % 100;
	const suffix = (tens >= 11 && tens <= 13) ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] || 'th');
	return `${n}${suffix}`;
}

/** "In 2024 4e kwartaal was het cijfer voor … in Utrecht 11.850: de 4e hoogste van de 12 gekozen regio's." */
function rankSentence(response) {
	const first = response.values?.[0];
	const valued = (response.values || []).filter((v) => v.value != null);
	if (first?.value == null || valued.length < 2) {
		return null;
	}
	const rank = valued.filter((v) => v.value > first.value).length + 1;
	return t('cmp.rankCount', {
		period: response.period?.label || '', indicator: inSentence(response.indicator?.name || ''),
		region: regionInSentence(first.region.name), value: formatValue(first.value, response.indicator),
		rank: rank === 1 ? t('cmp.highest') : t('cmp.nthHighest', { n: ordinal(rank) }), total: valued.length,
	});
}

const LEVELS = ['land', 'landsdeel', 'provincie', 'corop', 'arbeidsmarktregio', 'gemeente'];
const PREFERRED = 'netto_arbeidsparticipatie';
/** The API compares at most 50 regions at once: larger choices are asked in batches with my region first. */
const BATCH = 49;

/** Without a choice in the URL: every region of the level, or for large levels those in my region's province. */
function defaultSelection(levelRegions, mine) {
	if (levelRegions.length <= 40) {
		return levelRegions.map((r) => r.code);
	}
	const own = levelRegions.find((r) => r.code === mine.code);
	const province = (own || mine).parents?.find((p) => p.startsWith('PV')) || (mine.code.startsWith('PV') ? mine.code : null);
	const near = levelRegions.filter((r) => r.parents?.includes(province)).map((r) => r.code);
	return near.length ? near.slice(0, 40) : levelRegions.slice(0, 12).map((r) => r.code);
}

async function compareAll({ indicator, regions, period, first }) {
	const rest = regions.filter((r) => r !== first);
	const batches = [];
	for (let i = 0; i < Math.max(rest.length, 1); i += BATCH) {
		batches.push([first, ...rest.slice(i, i + BATCH)].filter(Boolean));
	}
	const responses = await Promise.all(batches.map((b) => api.compare({ indicator, regions: b, period })));
	const [head, ...more] = responses;
	for (const r of more) {
		head.values.push(...(r.values || []).filter((v) => v.region.code !== first));
		head.differences.push(...(r.differences || []));
	}
	return head;
}

export async function render(panel, ctx) {
	const { state } = ctx;
	const controls = toolbar();
	const retry = () => ctx.update({});
	const figure = ctx.figure({ id: 'vergelijk', title: t('cmp.title'), onRetry: retry });
	const differences = h('div', { class: 'differences' });
	sidebarView(panel, { title: t('cmp.title'), intro: t('cmp.intro'), controls, main: [figure.el, differences] });

	try {
		const catalogue = await ctx.regions();
		const mine = catalogue.byCode.get(ctx.primaryRegion()) || { code: ctx.primaryRegion(), parents: [] };
		const picked = await sharedPicker(ctx, {
			key: 'cmp', levels: LEVELS, preferred: PREFERRED, observedOnly: true, spread: true,
			regionFor: (level) => (catalogue.levels[level] || []).find((r) => r.code === mine.code)?.code
				|| (catalogue.levels[level] || [])[0]?.code || mine.code,
		});
		if (!ctx.alive()) {
			return;
		}
		const { level, code: indicatorCode, period } = picked;
		const levelRegions = byName(catalogue.levels[level] || []);
		const regionCodes = levelRegions.map((r) => r.code);
		const selected = state.regions == null ? defaultSelection(levelRegions, mine)
			: state.regions.filter((r) => regionCodes.includes(r));
		// regions of the link that are not of this level are named, not dropped without a word
		const elsewhere = (state.regions || []).filter((r) => !regionCodes.includes(r) && r !== 'NL01')
			.map((r) => regionLabel(catalogue.byCode.get(r)) || r);
		if (elsewhere.length) {
			// the link holds what is compared (the reference Nederland is always drawn beside it)
			ctx.settle({ regions: state.regions.filter((r) => regionCodes.includes(r) || r === 'NL01') });
		}
		controls.append(...picked.controls,
			checklist({
				key: 'cmp-regions', label: t('cmp.regions'), selected, filter: true,
				allLabel: t('picker.allLevel', { level: t(`level.${level}`).toLowerCase() }),
				options: levelRegions.map((r) => ({
					value: r.code, label: r.code === mine.code ? t('picker.mine', { region: r.name }) : r.name,
				})),
				onChange: (values) => ctx.update({ level, regions: values }),
			}));
		if (nothingToDraw(figure, picked.indicator, selected)) {
			return;
		}
		if (!period) {
			figure.empty();
			return;
		}
		// the API compares every other region with the first one: my region when it is chosen, otherwise
		// Nederland, the reference that is always added (not whichever region sorts first)
		// a count of Nederland is no reference for counts of its parts: added for rates only
		const count = isCount(picked.indicator);
		const withReference = level === 'land' || count ? selected
			: [...selected.filter((r) => r !== 'NL01'), 'NL01'];
		const primary = selected.includes(mine.code) ? mine.code
			: withReference.includes('NL01') ? 'NL01' : selected[0];
		const response = await compareAll({ indicator: indicatorCode, regions: withReference, period, first: primary });
		if (!ctx.alive()) {
			return;
		}
		if (!(response.values || []).some((v) => v.value != null)) {
			// a period without a figure for any region chosen: said once, not as a row per pair
			figure.empty(t('cmp.noFigures', { indicator: inSentence(response.indicator?.name || indicatorCode),
				period: response.period?.label || periodLabel(period) }));
			return;
		}
		const model = fromCompare(response);
		for (const s of model.series) {
			if (s.regionCode === 'NL01' && level !== 'land') {
				s.label = t('cmp.reference');
			}
		}
		model.title = t('cmp.chart', { indicator: model.indicator.name, period: response.period?.label || period });
		figure.setTitle(model.title, `${t(`level.${level}`)} · ${model.indicator.name}`);
		const highlight = [mine.code];
		const notes = elsewhere.length ? [t('cmp.otherLevel', { regions: elsewhere.join(', '),
			level: t(`level.${level}`).toLowerCase() })] : [];
		figure.bar(model, { summary: compareSummary(response, { count }), highlight, reference: ['NL01'], notes });
		const all = (model.differences || []).filter((d) => d.a === primary || d.b === primary);
		// every difference the summary counts, up to a readable list; the rest is said, not hidden
		const relevant = all.slice(0, MAX_DIFFERENCES);
		if (relevant.length) {
			// how each difference was tested (or why not), one click away: a tooltip alone
			// reaches neither the keyboard nor a phone
			const items = relevant.map((d) => h('li', {
				class: `difference difference--${d.method === 'not-testable' ? 'untestable'
					: d.significant ? 'significant' : 'not-significant'}`,
			}, differenceText(d, model), d.explanation ? h('details', { class: 'difference__why' },
				h('summary', {}, t('cmp.why')), h('p', {}, d.explanation)) : null));
			if (all.length > relevant.length) {
				items.push(h('li', { class: 'difference' }, t('cmp.more', { n: all.length - relevant.length })));
			}
			differences.append(h('h3', { class: 'differences__title' }, t('cmp.differences')),
				h('ul', { class: 'differences__list' }, items));
			const methods = [...new Set(relevant.map((d) => d.method).filter(Boolean))];
			differences.append(h('p', { class: 'differences__method' },
				methods.map((m) => t(`cmp.method.${m}`)).join(' ')));
			if (count && relevant.some((d) => d.significant === true)) {
				// a significant difference of two counts is mostly one of size
				differences.append(h('p', { class: 'differences__method differences__count' }, t('cmp.countNote')));
			}
		}
	}
	catch (err) {
		if (ctx.alive()) {
			figure.error(err);
		}
	}
}
