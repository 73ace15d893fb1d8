// Generated text summaries (NL/EN) of a series model, for screen readers and for everyone.
import { formatDifference, formatValue, inSentence, periodLabel, regionInSentence, t } from './i18n.js';
import { latestCommonPeriod, periods, valueAt } from './series-model.js';

/** Rates and ratios read "de werkloosheid was …"; counts read "Utrecht telde …". */
function isRate(indicator) {
	return ['percent', 'ratio', 'ratio per 100', 'pp', 'index'].includes(indicator?.unit);
}

/** Counts of people (persons, thousands), whose size follows the region's (as the API's Texts.count). */
export function isCount(indicator) {
	return ['x1000', 'persons'].includes(indicator?.unit);
}

function join(parts) {
	if (parts.length <= 1) {
		return parts.join('');
	}
	return `${parts.slice(0, -1).join(', ')} ${t('summary.and')} ${parts[parts.length - 1]}`;
}

function comparison(a, b, indicator, otherName) {
	const diff = a - b;
	const d = formatDifference(diff, indicator);
	const equal = d.text === formatDifference(0, indicator).text;
	// equal: no difference and no unit ("3,7 %, gelijk aan Nederland (3,7 %)")
	return t('summary.vs', {
		diff: equal ? '' : d.text,
		unit: equal ? '' : d.unit,
		dir: equal ? t('summary.equal') : t(diff > 0 ? 'summary.above' : 'summary.below'),
		other: regionInSentence(otherName),
		otherValue: formatValue(b, indicator),
	}).replace(/ {2,}/g, ' ');
}

/**
 * Over time, several regions: "In 2023 2e kwartaal was de werkloosheid in Utrecht 3,3 %, 0,2 procentpunt
 * onder Fryslân (3,5 %). Ten opzichte van 2022 2e kwartaal (3,1 %) is dat 0,2 procentpunt hoger."
 * byBreakdown: the series are categories of one region (education levels, ...): name the highest and lowest.
 */
export function lineSummary(model, { byBreakdown = false, subject = null } = {}) {
	const indicator = model.indicator;
	const period = latestCommonPeriod(model);
	if (!period) {
		return t('summary.none');
	}
	const name = inSentence(indicator.name);
	const label = periodLabel(period);
	const present = model.series.filter((s) => valueAt(s, period)?.value != null);
	if (byBreakdown && present.length > 1) {
		const sorted = [...present].sort((a, b) => valueAt(b, period).value - valueAt(a, period).value);
		const max = sorted[0];
		const min = sorted[sorted.length - 1];
		return t('summary.breakdown', {
			period: label, indicator: name, max: max.label, maxValue: formatValue(valueAt(max, period).value, indicator),
			min: min.label, minValue: formatValue(valueAt(min, period).value, indicator),
		});
	}
	// the sentence is about my region (subject) wherever it is drawn, the others are compared with it
	const first = present.find((s) => subject && s.regionCode === subject) || present[0];
	const others = present.filter((s) => s !== first);
	if (!first) {
		return t('summary.none');
	}
	const v = valueAt(first, period).value;
	if (model.change === 'year') {
		return changeSummary(model, period, first, others);
	}
	// a forecast is told as what is expected, never as what was
	const forecast = valueAt(first, period).kind === 'forecast' ? 'Forecast' : '';
	let text = t((isRate(indicator) ? 'summary.latest' : 'summary.latestCount') + forecast,
		{ period: label, indicator: name, region: regionInSentence(first.label), value: formatValue(v, indicator) });
	if (!isCount(indicator)) {
		const parts = others.map((o) => comparison(v, valueAt(o, period).value, indicator, o.label).replace(/^, /, ''));
		text += parts.length ? `, ${join(parts)}.` : '.';
	}
	else {
		// counts of regions of other sizes are given side by side, not as a difference ("160.460 personen
		// onder Nederland" says nothing about Fryslân)
		const parts = others.map((o) => t('summary.vsCount', {
			other: regionInSentence(o.label), otherValue: formatValue(valueAt(o, period).value, indicator),
		}));
		text += parts.length ? `; ${join(parts)}.` : '.';
	}
	// change on a year earlier (same quarter/month) where it exists, else on the first period shown
	const codes = periods(model).map((p) => p.code);
	const yearEarlier = `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
	const base = codes.includes(yearEarlier) && valueAt(first, yearEarlier)?.value != null ? yearEarlier
		: codes.find((c) => valueAt(first, c)?.value != null);
	if (base && base !== period) {
		const b = valueAt(first, base).value;
		const d = formatDifference(v - b, indicator);
		if (d.text === formatDifference(0, indicator).text) {
			text += ` ${t('summary.unchanged', { period: periodLabel(base) })}`;
		}
		else {
			text += ` ${t('summary.change', {
				period: periodLabel(base), value: formatValue(b, indicator), diff: d.text, unit: d.unit,
				dir: t(v > b ? 'summary.higher' : 'summary.lower'),
			}).replace(/ {2,}/g, ' ')}`;
		}
	}
	return text;
}

/** A change on a year earlier, with its direction: "0,2 procentpunt hoger" / "even hoog". */
function changeText(value, indicator) {
	const d = formatDifference(value, indicator);
	if (d.text === formatDifference(0, indicator).text) {
		return null;
	}
	return `${d.text} ${d.unit} ${t(value > 0 ? 'summary.higher' : 'summary.lower')}`.replace(/ {2,}/g, ' ');
}

/**
 * A model of changes on a year earlier (model.change === 'year', see series-model mapValues): told as a
 * change, never as a level: "In 2024 4e kwartaal was de werkloosheid in Fryslân 0,1 procentpunt lager dan
 * een jaar eerder, in Nederland 0,2 procentpunt hoger."
 */
function changeSummary(model, period, first, others) {
	const indicator = model.indicator;
	const v = valueAt(first, period).value;
	const change = changeText(v, indicator);
	const params = { period: periodLabel(period), indicator: inSentence(indicator.name), region: regionInSentence(first.label),
		change };
	let text = t((isRate(indicator) ? 'summary.yoy' : 'summary.yoyCount') + (change ? '' : 'Same'), params);
	const parts = others.map((o) => {
		const c = changeText(valueAt(o, period).value, indicator);
		return t(c ? 'summary.yoyOther' : 'summary.yoyOtherSame', { other: regionInSentence(o.label), change: c });
	});
	text += parts.length ? `, ${join(parts)}.` : '.';
	return text;
}

/** One value per region (map): highest, lowest and the selected region. */
export function mapSummary(model, { selected } = {}) {
	const indicator = model.indicator;
	const rows = model.series.map((s) => ({ s, p: s.points[0] })).filter((r) => r.p?.value != null);
	if (!rows.length) {
		return t('summary.none');
	}
	rows.sort((a, b) => b.p.value - a.p.value);
	const max = rows[0];
	const min = rows[rows.length - 1];
	if (rows.length === 1) {
		return t('summary.mapOne', {
			period: max.p.label || periodLabel(max.p.period), indicator: inSentence(indicator.name), region: regionInSentence(max.s.label),
			value: formatValue(max.p.value, indicator),
		});
	}
	let text = t(isRate(indicator) ? 'summary.map' : 'summary.mapCount', {
		period: max.p.label || periodLabel(max.p.period), indicator: inSentence(indicator.name), max: regionInSentence(max.s.label),
		maxValue: formatValue(max.p.value, indicator), min: regionInSentence(min.s.label), minValue: formatValue(min.p.value, indicator),
	});
	const chosen = rows.find((r) => r.s.regionCode === selected);
	if (chosen && chosen !== max && chosen !== min) {
		text += t('summary.mapRegion', { region: chosen.s.label, value: formatValue(chosen.p.value, indicator) });
	}
	return text;
}
