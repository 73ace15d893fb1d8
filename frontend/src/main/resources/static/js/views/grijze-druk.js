// Grijze druk (persons 65+ per 100 persons 20–64): observed values (CBS 60039fvw) and, after the last
// observation, the CBS/PBL regional forecast (82220NED), drawn distinctly: the forecast dashed, lighter
// and labelled as a CBS forecast with its base year. The API decides which values are forecasts
// (point.kind) and lets the observation win where both cover a year (GET /series?forecast=).
import { get } from '../api.js';
import { FORECAST_DASH, colour, lineConfig } from '../charts.js';
import { formatValue, getLang, periodLabel } from '../i18n.js';
import { regionLabel } from '../regions.js';
import { fromSeries } from '../series-model.js';

export const INDICATOR = 'grijze_druk';
export const FORECAST = 'grijze_druk_prognose';

const TEXT = {
	nl: {
		title: 'Grijze druk: {region} en Nederland',
		subtitle: '65-plussers per 100 personen van 20–64 jaar',
		forecast: 'CBS-prognose, basisjaar {year}',
		forecastNoYear: 'CBS-prognose',
		note: 'Prognose: {forecast} ({table}). Waar waarneming en prognose hetzelfde jaar '
			+ 'dekken, telt de waarneming.',
		summary: '{region}: {observed} in {period} (waarneming)',
		summaryForecast: '; {forecast}: {value} in {period}',
		titleNl: 'Grijze druk: Nederland',
		noData: 'Voor {region} zijn er geen cijfers over grijze druk; de grafiek toont Nederland.',
	},
	en: {
		title: 'Old-age dependency: {region} and the Netherlands',
		subtitle: 'People aged 65 and over per 100 people aged 20–64',
		forecast: 'CBS forecast, base year {year}',
		forecastNoYear: 'CBS forecast',
		note: 'Forecast: {forecast} ({table}). Where an observation and the forecast cover '
			+ 'the same year, the observation counts.',
		summary: '{region}: {observed} in {period} (observed)',
		summaryForecast: '; {forecast}: {value} in {period}',
		titleNl: 'Old-age dependency: the Netherlands',
		noData: 'There are no figures on old-age dependency for {region}; the chart shows the Netherlands.',
	},
};

function text(key, params = {}) {
	const strings = TEXT[getLang()] || TEXT.nl;
	return strings[key].replace(/\{(\w+)\}/g, (m, name) => (params[name] ?? m));
}

/** The forecast label of a /series response: its forecast table's base year, from the API. */
export function forecastLabel(response) {
	const table = (response.forecasts || [])[0];
	return table?.baseYear ? text('forecast', { year: table.baseYear }) : text('forecastNoYear');
}

/**
 * Splits each region's series into its observed points and its forecast points (point.kind), so the
 * two are separate lines of one colour.
 */
export function splitByKind(response) {
	const label = forecastLabel(response);
	const series = [];
	for (const s of response.series || []) {
		const points = s.points || [];
		series.push({ ...s, lloKind: 'observation', points: points.filter((p) => p.kind !== 'forecast') });
		const forecast = points.filter((p) => p.kind === 'forecast');
		if (forecast.length) {
			series.push({
				// the legend names the forecast; the region stays the region (its CSV column too)
				...s, lloKind: 'forecast', origin: 'forecast', points: forecast, lloLabel: `${s.region.name} – ${label}`,
			});
		}
	}
	return { ...response, series };
}

function lastValue(points, kind) {
	const known = points.filter((p) => p.value != null && (p.kind || 'observation') === kind);
	return known[known.length - 1] || null;
}

/** Draws the chart for a region (and Nederland) into a Figure. */
export async function renderGrijzeDruk(ctx, figure, region) {
	const regions = region === 'NL01' ? ['NL01'] : [region, 'NL01'];
	try {
		const response = await get('/series', {
			indicator: INDICATOR, regions, periodType: 'year', forecast: FORECAST,
		});
		if (!ctx.alive()) {
			return;
		}
		const split = splitByKind(response);
		// a series without a single value is no line: it leaves the legend, and a note says so
		split.series = split.series.filter((s) => (s.points || []).some((p) => p.value != null));
		const model = fromSeries(split, {
			idFor: (s) => `${s.region.code}-${s.lloKind}`,
			labelFor: (s) => s.lloLabel || s.region.name,
		});
		// with its level: "Utrecht" alone is the gemeente as much as the province
		const catalogue = await ctx.regions().catch(() => null);
		if (!ctx.alive()) {
			return;
		}
		const name = regionLabel(catalogue?.byCode.get(region))
			|| (response.series || []).find((s) => s.region.code === region)?.region.name || region;
		const missing = region !== 'NL01' && !split.series.some((s) => s.region.code === region);
		figure.setTitle(text(missing || region === 'NL01' ? 'titleNl' : 'title', { region: name }), text('subtitle'));
		const label = forecastLabel(response);
		const table = (response.forecasts || [])[0]?.table || '82220NED';
		const own = (response.series || []).find((s) => s.region.code === region);
		const observed = own ? lastValue(own.points || [], 'observation') : null;
		const projected = own ? lastValue(own.points || [], 'forecast') : null;
		let summary = observed ? text('summary', {
			region: name, observed: formatValue(observed.value, model.indicator), period: periodLabel(observed.period),
		}) : '';
		if (observed && projected) {
			summary += text('summaryForecast', {
				forecast: label, value: formatValue(projected.value, model.indicator), period: periodLabel(projected.period),
			});
		}
		const notes = projected ? [text('note', { forecast: label, table })] : [];
		if (missing) {
			notes.unshift(text('noData', { region: name }));
		}
		figure.draw(model, summary, notes, () => forecastConfig(model));
	}
	catch (err) {
		if (ctx.alive()) {
			figure.error(err);
		}
	}
}

/** The line chart: observed lines solid, each forecast line dashed, thinner and in its region's colour. */
export function forecastConfig(model) {
	const config = lineConfig(model);
	const colourOf = new Map();
	config.data.datasets.forEach((d, i) => {
		const s = model.series[i];
		if (!s || d.lloRole !== 'value') {
			return;
		}
		if (!s.id.endsWith('-forecast')) {
			// observed: a solid line (provisional values keep their open points), in the colour its region has in
			// every other chart (the first region blue, the next, Nederland, orange), not by its place in this one
			const c = colour(colourOf.size);
			colourOf.set(s.regionCode, c);
			Object.assign(d, { borderColor: c, backgroundColor: c, pointBorderColor: c, lloLegendFill: c,
				pointBackgroundColor: Array.isArray(d.pointBackgroundColor)
					? d.pointBackgroundColor.map((x) => (x === '#ffffff' ? x : c)) : c });
			const breakColour = d.segment?.borderColor;
			Object.assign(d, { borderDash: undefined, segment: { borderColor: breakColour } });
			return;
		}
		const c = colourOf.get(s.regionCode) || d.borderColor;
		Object.assign(d, {
			borderColor: c, backgroundColor: '#ffffff', pointBorderColor: c, pointBackgroundColor: '#ffffff',
			borderDash: FORECAST_DASH, borderWidth: 2, pointRadius: 1.5, lloForecast: true,
		});
		d.segment = { borderDash: () => FORECAST_DASH };
	});
	return config;
}
