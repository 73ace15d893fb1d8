// The shared picker of indicator, level and period for the views that have one (compare, trends, map),
// and helpers around it. Indicator lists come from the API's metadata (/indicators: regionLevels,
// periodTypes, lastPeriod), never from lists in this code.
import { api } from '../api.js';
import { h } from '../dom.js';
import { segmented, select } from '../controls.js';
import { getLang, inSentence, periodLabel, periodType, t } from '../i18n.js';
import { levelOfCode, nearestWith } from '../regions.js';

/** Indicators with data at a region level (and period type), in the API's order. */
export async function indicatorsAt(level, { periodType: type } = {}) {
	const all = await api.indicators();
	return all.filter((i) => (!level || (i.regionLevels || []).includes(level))
		&& (!type || (i.periodTypes || []).includes(type))
		&& i.lastPeriod != null);
}

/**
 * The finest period type a region has for an indicator, or that every one of several regions with data
 * has (region: a code or a list of codes): asked of the API (a series without a period type is given in
 * the finest one every requested region with data has), so an arbeidsmarktregio or a gemeente gets years
 * where only the provinces have quarters. breakdown: the breakdown parameter of the series drawn, if any
 * (a dimension without a total: its member).
 */
export async function finestType(indicator, region, breakdown) {
	if (!indicator) {
		return null;
	}
	if ((indicator.periodTypes || []).length <= 1) {
		return indicator.periodTypes?.[0] || null;
	}
	try {
		const response = await api.series({ indicator: indicator.code, regions: [region].flat(), breakdown });
		const points = (response.series || []).flatMap((s) => s.points || []);
		const last = points.filter((p) => p.value != null).pop() || points.pop();
		return (last && periodType(last.period)) || indicator.periodTypes[0];
	}
	catch {
		return indicator.periodTypes[0];
	}
}

/**
 * The latest period with a value at a level (GET /api/v1/map without a period: the latest with data for
 * the regions of the level, of the breakdown member if one is given), if it is one of the periods offered;
 * else the last one offered.
 */
export async function latestAt(indicator, level, periodCodes, breakdown) {
	const code = await latestOfLevel(indicator, level, breakdown);
	return code && periodCodes.includes(code) ? code : periodCodes[periodCodes.length - 1];
}

/**
 * The latest period with a value for the regions of a level, in the period type they share (GET
 * /api/v1/map without a period), or null when there is none or the request fails (the view's own request
 * shows the error).
 */
async function latestOfLevel(indicator, level, breakdown) {
	try {
		return (await api.map({ indicator, level, breakdown })).period?.code || null;
	}
	catch {
		return null;
	}
}

/**
 * Breaks in series the trend analysis found (GET /api/v1/trend: e.g. the EBB redesign of 2021) become flag b
 * on the points, so every chart of the series shows them.
 * @param model a series model
 * @param breaksOf (regionCode) => the periods a series breaks before, or null
 */
export function markBreaks(model, breaksOf) {
	for (const s of model.series) {
		const breaks = new Set(breaksOf(s.regionCode) || []);
		for (const p of s.points) {
			if (breaks.has(p.period) && !p.flags.includes('b')) {
				p.flags += 'b';
			}
		}
	}
}

/** Say above the view what was changed in the link and why, and put the change into the link. */
export function explainFix(ctx, text, patch) {
	ctx.explain?.(text);
	ctx.settle(patch);
}

/**
 * Say that an indicator the link asks for has no figures at a level, what is shown instead (another indicator
 * in Kaart and Vergelijk, another level in Trends), and put the change into the link.
 */
export function explainNoFiguresAt(ctx, { indicator, level, shown, patch }) {
	explainFix(ctx, t('fix.indicator', { code: indicator.name, level: inSentence(t(`level.${level}`)), shown }), patch);
}

/**
 * The API's breakdown parameter for a member of each dimension ({ dimension: member code }):
 * "dimension:member,..." in the order of the dimensions, or null for none (the totals).
 */
export function breakdownParam(chosen) {
	return Object.keys(chosen).sort().map((d) => `${d}:${chosen[d]}`).join(',') || null;
}

export function pick(value, options, fallback) {
	return options.includes(value) ? value : fallback;
}

/**
 * Indicator, level and period for a view, resolved from the URL state and the API's metadata, with
 * their controls. options: key (prefix of the controls' focus keys), levels (offered levels), preferred
 * (indicator code preferred when the URL names none), period (false: no period picker; with one, the period
 * type is the one the level's regions share), regionFor(level, regionsOfLevel) (the region whose finest
 * period type counts where the level has none), alsoLevels(level) (further levels whose
 * indicators are offered too, e.g. the levels of the regions ticked beside the chosen level),
 * observedOnly (no indicator whose values are forecasts, for views that show observations only), spread (the
 * view sets the regions of one level side by side: Nederland as my region starts at the provinces),
 * followIndicator (a link naming an indicator the level has no figures for moves to a level that has them,
 * the one of my region's nearest parent with figures if it can, with the view's default regions of that
 * level, rather than the indicator being replaced: for Trends, which offers the indicators of Nederland
 * beside every level).
 * Returns { indicators, indicator, level, levelMoved, type, periods, period, controls }.
 */
export async function sharedPicker(ctx, {
	key, levels, preferred, period: withPeriod = true, regionFor, alsoLevels, observedOnly = false, spread = false,
	followIndicator = false,
}) {
	const { state } = ctx;
	const mine = ctx.primaryRegion();
	// only levels with figures this view can show are offered (the demo data hold none for gemeenten or
	// arbeidsmarktregio's: those levels gave an empty indicator list and an empty view); a view that also
	// shows the ticked regions of other levels (Trends: Nederland beside them) keeps every level
	const offered = [];
	for (const l of levels) {
		if (alsoLevels || (await indicatorsAt(l)).some((i) => !(observedOnly && i.forecast))) {
			offered.push(l);
		}
	}
	const usable = offered.length ? offered : levels;
	// a view that sets the regions of one level side by side (spread) compares nothing at the level of
	// Nederland alone: with Nederland as my region it starts with the provinces, Nederland beside them
	const mineLevel = spread && levelOfCode(mine) === 'land' ? null : levelOfCode(mine);
	let level = pick(state.level, usable, pick(mineLevel, usable,
		usable.includes('provincie') ? 'provincie' : usable[0]));
	// said where the link asks for another level, or where my region's level has no figures here
	const wanted = state.level || (levels.includes(mineLevel) ? mineLevel : null);
	if (wanted && wanted !== level) {
		// a level the page knows by name, else as the link gave it; inside a sentence with a small letter,
		// but an abbreviation as it is written (COROP-gebieden)
		const shown = inSentence(t(`level.${level}`));
		explainFix(ctx, levels.includes(wanted)
			? t('fix.levelNoFigures', { asked: inSentence(t(`level.${wanted}`)), shown })
			: t('fix.level', { asked: t(`one.${wanted}`) !== `one.${wanted}` ? t(`one.${wanted}`) : wanted, shown }),
		{ level });
	}
	const askedIndicator = state.indicator ? (await api.indicators()).find((i) => i.code === state.indicator) : null;
	// followIndicator: the levels of this view where the indicator of the link has figures
	const followed = followIndicator && askedIndicator?.lastPeriod != null
		&& !(observedOnly && askedIndicator.forecast)
		? usable.filter((l) => (askedIndicator.regionLevels || []).includes(l)) : [];
	const levelMoved = followed.length > 0 && !followed.includes(level);
	if (levelMoved) {
		// the level of my region's nearest parent with figures (Leeuwarden: Fryslân, or Nederland), else the
		// finest level with figures; the level's default regions, as when another level is chosen
		const nearest = nearestWith((await ctx.regions()).byCode.get(mine), askedIndicator);
		const moved = nearest && followed.includes(levelOfCode(nearest)) ? levelOfCode(nearest)
			: followed[followed.length - 1];
		explainNoFiguresAt(ctx, { indicator: askedIndicator, level,
			shown: t('fix.shownLevel', { level: t(`level.${moved}`) }),
			patch: { level: moved, regions: null } });
		level = moved;
	}
	// the level's indicators, and those of other levels the view shows too (Nederland beside gemeenten)
	const indicators = [];
	for (const l of [level, ...(alsoLevels ? alsoLevels(level) : [])]) {
		for (const i of await indicatorsAt(l)) {
			// observedOnly: a view of observations only (Kaart, Vergelijk, Trends) offers no forecast indicator
			if (!(observedOnly && i.forecast) && !indicators.some((x) => x.code === i.code)) {
				indicators.push(i);
			}
		}
	}
	const codes = indicators.map((i) => i.code);
	const code = pick(state.indicator, codes, pick(preferred, codes, codes[0]));
	const indicator = indicators.find((i) => i.code === code) || null;
	if (state.indicator && state.indicator !== code) {
		// a link naming an indicator this view does not show: said by its name and for its real reason (a
		// forecast in a view of observations, or no figures at this level), and the link shows what is drawn
		const shown = indicator?.name || '–';
		if (askedIndicator && !(askedIndicator.forecast && observedOnly)) {
			explainNoFiguresAt(ctx, { indicator: askedIndicator, level, shown, patch: { indicator: code } });
		}
		else {
			explainFix(ctx, askedIndicator ? t('fix.indicatorForecast', { name: askedIndicator.name, shown })
				: t('fix.indicatorUnknown', { code: state.indicator, shown }), { indicator: code });
		}
	}
	const asked = state.period;
	// a view of one period over a whole level (Vergelijk, Kaart) takes the period type that the level's
	// regions with figures share (that of the map's latest period), not my region's finest: four gemeenten
	// have quarters of 85268NED, the other 338 years only, and a quarter would leave nearly every bar empty.
	// A period of another type in the link is replaced, and said (below).
	const levelLatest = withPeriod && indicator ? await latestOfLevel(code, level) : null;
	const type = levelLatest ? periodType(levelLatest)
		: await finestType(indicator, regionFor ? await regionFor(level) : mine);
	// the periods with figures at the level (grijze druk: provinces to 2017, Nederland to 2023)
	const periods = withPeriod && indicator ? (await api.periods(code, type, level)) || [] : [];
	const periodCodes = periods.map((p) => p.code);
	let chosenPeriod = periodCodes.includes(asked) ? asked : null;
	if (withPeriod && indicator && !chosenPeriod && periodCodes.length) {
		// the latest period with figures at this level: the list holds the periods in which the indicator's
		// data (a derived figure: its numerator) has a value there, but a derived figure may still lack its
		// other term in the last of them; never an empty chart or map by default
		chosenPeriod = periodCodes.includes(levelLatest) ? levelLatest : periodCodes[periodCodes.length - 1];
		if (asked) {
			explainFix(ctx, t('fix.period', { indicator: inSentence(indicator.name), period: periodLabel(asked),
				shown: periodLabel(chosenPeriod) }), { period: chosenPeriod });
		}
	}
	const controls = [
		select({
			key: `${key}-indicator`, label: t('cmp.indicator'), value: code,
			// by name, as a reader looks for one (the API lists them by code)
			options: [...indicators].sort((a, b) => a.name.localeCompare(b.name, getLang()))
				.map((i) => ({ value: i.code, label: i.name })),
			onChange: (v) => ctx.update({ indicator: v, period: null }),
		}),
		usable.length > 1 ? select({
			key: `${key}-level`, label: t('cmp.level'), value: level,
			options: usable.map((l) => ({ value: l, label: t(`level.${l}`) })),
			// another level: the view's default regions of that level (an empty list would mean "none chosen")
			onChange: (v) => ctx.update({ level: v, period: null, regions: null }),
		}) : null,
		withPeriod && periods.length ? select({
			key: `${key}-period`, label: t('cmp.period'), value: chosenPeriod,
			options: [...periods].reverse().map((p) => ({ value: p.code, label: p.label })),
			onChange: (v) => ctx.update({ period: v }),
		}) : null,
	].filter(Boolean);
	return { indicators, indicator, code, level, levelMoved, type, periods, period: chosenPeriod, controls };
}

export { segmented };

/** The header of a view: its title and introduction. */
export function panelHeader(title, intro) {
	return h('div', { class: 'panel__header' }, h('h2', { class: 'panel__title' }, title),
		h('p', { class: 'panel__intro' }, intro));
}

/** Fills a view's panel: its header, then the controls beside the main column (figures and what goes with them). */
export function sidebarView(panel, { title, intro, controls, main }) {
	panel.append(panelHeader(title, intro),
		h('div', { class: 'layout-sidebar' }, controls, h('div', { class: 'layout-sidebar__main' }, ...main)));
}

/** The pickers 'from' and 'to' of a period range (focus keys key-from and key-to); unset, the whole list. */
export function periodRange(ctx, { key, periods, from, to }) {
	const codes = periods.map((p) => p.code);
	const options = periods.map((p) => ({ value: p.code, label: p.label }));
	return h('div', { class: 'field-row' },
		select({
			key: `${key}-from`, label: t('tr.from'), value: from || codes[0], options,
			onChange: (v) => ctx.update({ from: v }),
		}),
		select({
			key: `${key}-to`, label: t('tr.to'), value: to || codes[codes.length - 1], options,
			onChange: (v) => ctx.update({ to: v }),
		}));
}

/**
 * Shows why a figure of regions draws nothing: no indicator (an empty figure) or no region ticked (a
 * message). Returns true when there is nothing to draw.
 */
export function nothingToDraw(figure, indicator, regions) {
	if (!indicator) {
		figure.empty();
		return true;
	}
	if (!regions.length) {
		// a choice the user made, not a failure: said as the figure's state, without "retry"
		figure.empty(t('picker.noneSelected'));
		return true;
	}
	return false;
}
