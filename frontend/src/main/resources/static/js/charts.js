// Chart.js configurations built from the series model, plus two small plugins of our own:
// error bars (published 95 % margins) and series-break markers.
import { formatValue, marginText, periodShort, t, unitLabel } from './i18n.js';
import {
	breaks, hasForecast, isForecastSeries, isProvisional, periods, seriesLabel, valueAt,
} from './series-model.js';

/** Okabe–Ito: distinguishable with every common colour-vision deficiency. Yellow last (low contrast). */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56B4E9', '#E69F00', '#000000', '#F0E442'];
const TEXT = '#1b2733';
const GRID = '#e3e8ee';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export function colour(i) {
	return PALETTE[i % PALETTE.length];
}

function alpha(hex, a) {
	const n = parseInt(hex.slice(1), 16);
	return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
}

let configured = false;

function configure() {
	if (configured) {
		return;
	}
	configured = true;
	const { Chart } = window;
	Chart.defaults.font.family = FONT;
	Chart.defaults.font.size = 13;
	Chart.defaults.color = TEXT;
	Chart.defaults.borderColor = GRID;
	Chart.defaults.animation = false;
	Chart.defaults.maintainAspectRatio = false;
	Chart.register({
		id: 'lloFirstChart',
		afterRender(chart) {
			if (!window.lloFirstChart && chart.data.datasets.some((d) => d.data.some((v) => v != null))) {
				window.lloFirstChart = performance.now();
				performance.mark('llo:first-chart');
			}
		},
	});
}

/** Draws whiskers for dataset.errorBars[i] = { low, high } on bar charts (vertical or horizontal). */
const errorBarsPlugin = {
	id: 'lloErrorBars',
	afterDatasetsDraw(chart) {
		const { ctx } = chart;
		const horizontal = chart.options.indexAxis === 'y';
		const valueScale = horizontal ? chart.scales.x : chart.scales.y;
		chart.data.datasets.forEach((dataset, di) => {
			const bars = dataset.errorBars;
			const meta = chart.getDatasetMeta(di);
			if (!bars || meta.hidden) {
				return;
			}
			ctx.save();
			ctx.strokeStyle = TEXT;
			ctx.lineWidth = 1.5;
			meta.data.forEach((element, i) => {
				const bar = bars[i];
				if (!bar || bar.low == null || bar.high == null) {
					return;
				}
				const a = valueScale.getPixelForValue(bar.low);
				const b = valueScale.getPixelForValue(bar.high);
				const c = horizontal ? element.y : element.x;
				const cap = Math.min(6, (horizontal ? element.height : element.width) / 4 || 6);
				ctx.beginPath();
				if (horizontal) {
					ctx.moveTo(a, c);
					ctx.lineTo(b, c);
					ctx.moveTo(a, c - cap);
					ctx.lineTo(a, c + cap);
					ctx.moveTo(b, c - cap);
					ctx.lineTo(b, c + cap);
				}
				else {
					ctx.moveTo(c, a);
					ctx.lineTo(c, b);
					ctx.moveTo(c - cap, a);
					ctx.lineTo(c + cap, a);
					ctx.moveTo(c - cap, b);
					ctx.lineTo(c + cap, b);
				}
				ctx.stroke();
			});
			ctx.restore();
		});
	},
};

/**
 * Whether a drawn point of any visible dataset lies under a label placed from `left` to `right` (px) within
 * `room` px of the top of the plot: where the label would sit on the data.
 */
export function dataNearTop(chart, left, right, room) {
	const top = chart.chartArea.top + room;
	return chart.data.datasets.some((d, i) => chart.isDatasetVisible(i)
		&& (chart.getDatasetMeta(i).data || []).some((el, j) => el && d.data?.[j] != null && Number.isFinite(el.y)
			&& el.y <= top && el.x >= left - 4 && el.x <= right + 4));
}

/**
 * Draws a dashed vertical line and a label before every category listed in options.plugins.lloBreaks; the
 * label sits at the top of the plot, or at its foot where points lie at the top (never on the data there).
 */
const breaksPlugin = {
	id: 'lloBreaks',
	afterDatasetsDraw(chart, args, options) {
		const indices = options?.indices || [];
		if (!indices.length) {
			return;
		}
		const { ctx, chartArea } = chart;
		const x = chart.scales.x;
		ctx.save();
		ctx.strokeStyle = '#5b6672';
		ctx.fillStyle = '#3d4650';
		ctx.setLineDash([4, 4]);
		ctx.lineWidth = 1;
		ctx.font = `12px ${FONT}`;
		ctx.textAlign = 'left';
		const label = options.label || t('legend.break');
		const width = ctx.measureText(label).width + 10;
		let free = -Infinity;
		for (const index of [...indices].sort((a, b) => a - b)) {
			const px = index > 0 ? (x.getPixelForValue(index - 1) + x.getPixelForValue(index)) / 2
				: x.getPixelForValue(index);
			ctx.beginPath();
			ctx.moveTo(px, chartArea.top);
			ctx.lineTo(px, chartArea.bottom);
			ctx.stroke();
			if (px >= free && px + width <= chartArea.right) {
				const y = dataNearTop(chart, px, px + width, 18) ? chartArea.bottom - 6 : chartArea.top + 12;
				ctx.fillText(label, px + 4, y);
				free = px + width;
			}
		}
		ctx.restore();
	},
};

function tooltipLabel(indicator) {
	return (item) => {
		const point = item.dataset.points?.[item.dataIndex];
		let text = `${item.dataset.label}: ${formatValue(item.parsed.y ?? item.parsed.x, indicator)}`;
		if (item.chart.options.indexAxis === 'y') {
			text = `${item.label}: ${formatValue(item.parsed.x, indicator)}`;
		}
		// the published margin, or the one bound the source publishes
		const margin = marginText(point, indicator);
		if (margin) {
			text += ` (${margin})`;
		}
		if (point && isProvisional(point)) {
			text += ` · ${t(`status.${point.status}`)}`;
		}
		if (point?.kind === 'forecast') {
			text += ` · ${t('kind.forecast')}`;
		}
		return text;
	};
}

function valueAxis(indicator, extra = {}) {
	// ticks in thousands, persons or percentage points are bare numbers: the axis names the unit
	// (135 on a vacancies axis is 135 thousand, not 135 vacancies)
	const unit = ['x1000', 'pp', 'persons'].includes(indicator?.unit) ? unitLabel(indicator.unit) : '';
	return {
		grid: { color: GRID },
		border: { display: false },
		ticks: { callback: (v) => formatValue(v, indicator, { short: true }), maxTicksLimit: 7 },
		title: { display: unit !== '', text: unit, color: TEXT },
		...extra,
	};
}

/**
 * The room the axis adds around the data (grace) never takes it below zero when nothing drawn is
 * negative: counts such as WW benefits near zero got a y-axis running to -500.
 */
function zeroFloor(datasets) {
	let lo = Infinity;
	let hi = -Infinity;
	for (const d of datasets) {
		for (const v of d.data) {
			if (v != null && Number.isFinite(v)) {
				lo = Math.min(lo, v);
				hi = Math.max(hi, v);
			}
		}
	}
	return lo >= 0 && lo < Infinity && lo - (hi - lo) * 0.05 < 0 ? { min: 0 } : {};
}

/**
 * The visual language of every line chart, one meaning per mark (explained in each figure's notes):
 * an observation is a filled point on a solid line; a provisional figure an open point on the solid
 * line; a forecast (point.kind) an open point on a dashed line; a series LLO Monitor derived or
 * adjusted has diamond points (◆, as its label) on a solid line.
 */
export const FORECAST_DASH = [8, 5];
export const DERIVED_POINT = 'rectRot';

/** How one point is drawn: open (white) for a provisional figure and a forecast, else filled. */
function pointLook(p, c) {
	return { fill: p && (isProvisional(p) || p.kind === 'forecast') ? '#ffffff' : c };
}

/**
 * A line chart of every series over the periods of the model.
 * options.trends: [{ seriesIndex, segments }] from /trend; options.hiddenLegend: hide the legend (embeds).
 */
export function lineConfig(model, { trends = [], showTrend = true } = {}) {
	configure();
	const ps = periods(model);
	const codes = ps.map((p) => p.code);
	const breakSet = new Set(breaks(model));
	const pointRadius = codes.length > 30 ? 2 : 3;
	const datasets = model.series.map((s, i) => {
		const c = colour(i);
		const points = codes.map((code) => valueAt(s, code));
		const look = (p) => pointLook(p, c);
		// a series of forecasts only is dashed as a whole (and its legend says prognose, seriesLabel)
		const forecast = isForecastSeries(s);
		return {
			label: seriesLabel(s),
			lloRole: 'value',
			data: points.map((p) => p?.value ?? null),
			points,
			borderColor: c,
			backgroundColor: c,
			borderWidth: forecast ? 2 : 2.5,
			borderDash: forecast ? FORECAST_DASH : undefined,
			pointRadius,
			pointHoverRadius: pointRadius + 2,
			pointBorderColor: c,
			pointBorderWidth: 1.5,
			pointStyle: s.origin === 'derived' || s.origin === 'adjusted' ? DERIVED_POINT : 'circle',
			pointBackgroundColor: points.map((p) => look(p).fill),
			// the legend's mark: open for a series of forecasts, else filled (charts.js generateLabels)
			lloLegendFill: forecast ? '#ffffff' : c,
			spanGaps: false,
			tension: 0,
			segment: {
				borderColor: (ctx) => (breakSet.has(codes[ctx.p1DataIndex]) ? 'rgba(0,0,0,0)' : undefined),
				// the line into a forecast is dashed; every other line is solid
				borderDash: (ctx) => (points[ctx.p1DataIndex]?.kind === 'forecast' ? FORECAST_DASH : undefined),
			},
		};
	});
	if (showTrend) {
		for (const { seriesIndex, segments } of trends) {
			const c = colour(seriesIndex);
			for (const segment of segments || []) {
				const line = new Map((segment.line || []).map((l) => [l.period, l]));
				const pick = (key) => codes.map((code) => line.get(code)?.[key] ?? null);
				const name = model.series[seriesIndex]?.label || '';
				datasets.push({
					label: t('legend.band', { region: name }), lloRole: 'band-low', data: pick('low'), borderWidth: 0,
					pointRadius: 0, pointHitRadius: 0, fill: false, borderColor: 'rgba(0,0,0,0)',
				});
				datasets.push({
					label: t('legend.band', { region: name }), lloRole: 'band-high', data: pick('high'), borderWidth: 0,
					pointRadius: 0, pointHitRadius: 0, fill: '-1', backgroundColor: alpha(c, 0.11),
					borderColor: 'rgba(0,0,0,0)',
				});
				datasets.push({
					label: t('legend.trend', { region: name }), lloRole: 'trend', data: pick('fitted'), borderColor: alpha(c, 0.9),
					borderWidth: 1.5, pointRadius: 0, pointHitRadius: 0, fill: false,
				});
			}
		}
	}
	const provisional = model.series.some((s) => s.points.some((p) => p.value != null && isProvisional(p)));
	const forecast = hasForecast(model);
	const derived = model.series.some((s) => s.origin === 'derived' || s.origin === 'adjusted');
	const breakIndices = [...breakSet].map((code) => codes.indexOf(code)).filter((i) => i >= 0);
	return {
		type: 'line',
		data: { labels: ps.map((p) => periodShort(p.code)), datasets },
		options: {
			responsive: true,
			interaction: { mode: 'nearest', axis: 'x', intersect: false },
			scales: {
				x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 14 } },
				y: valueAxis(model.indicator, { grace: '5%', ...zeroFloor(datasets) }),
			},
			plugins: {
				legend: {
					position: 'bottom',
					labels: {
						usePointStyle: true,
						boxHeight: 8,
						filter: (item, data) => data.datasets[item.datasetIndex]?.lloRole === 'value'
							|| item.datasetIndex == null,
						generateLabels: (chart) => {
							const items = window.Chart.defaults.plugins.legend.labels.generateLabels(chart);
							for (const item of items) {
								const d = chart.data.datasets[item.datasetIndex];
								if (d?.lloRole === 'value' && d.lloLegendFill) {
									item.fillStyle = d.lloLegendFill;
								}
							}
							if (provisional) {
								items.push({
									text: t('legend.provisional'), fillStyle: '#ffffff', strokeStyle: TEXT, lineWidth: 1.5,
									pointStyle: 'circle', hidden: false, fontColor: TEXT, lloKey: 'provisional',
								});
							}
							if (forecast) {
								items.push({
									text: t('legend.forecast'), fillStyle: '#ffffff', strokeStyle: TEXT, lineWidth: 1.5,
									lineDash: FORECAST_DASH, pointStyle: 'line', hidden: false, fontColor: TEXT, lloKey: 'forecast',
								});
							}
							if (derived) {
								items.push({
									text: t('legend.derived'), fillStyle: TEXT, strokeStyle: TEXT, lineWidth: 1,
									pointStyle: DERIVED_POINT, hidden: false, fontColor: TEXT, lloKey: 'derived',
								});
							}
							if (showTrend && trends.length) {
								items.push({
									text: t('legend.trendBand'), fillStyle: alpha('#5b6672', 0.25),
									strokeStyle: '#5b6672', lineWidth: 1, pointStyle: 'rectRounded', hidden: false, fontColor: TEXT,
								});
							}
							return items;
						},
					},
					onClick: (event, item, legend) => {
						if (item.datasetIndex != null) {
							window.Chart.defaults.plugins.legend.onClick.call(legend, event, item, legend);
						}
					},
				},
				tooltip: {
					filter: (item) => item.dataset.lloRole === 'value' || item.dataset.lloRole === 'trend',
					callbacks: {
						title: (items) => (items[0] ? ps[items[0].dataIndex]?.label : ''),
						label: tooltipLabel(model.indicator),
					},
				},
				lloBreaks: { indices: breakIndices },
			},
		},
		plugins: [breaksPlugin],
	};
}

/** Horizontal bars, one per series (its first point), sorted high to low, with error bars where published. */
/** The colour of the reference bar (Nederland): neutral dark grey, 7:1 on white. */
const REFERENCE = '#4b4f54';

export function barConfig(model, { highlight = [], reference = [] } = {}) {
	configure();
	const rows = model.series
		.map((s) => ({ s, p: s.points[0] }))
		.filter((r) => r.p)
		.sort((a, b) => (b.p.value ?? -Infinity) - (a.p.value ?? -Infinity));
	const colours = rows.map((r) => (reference.includes(r.s.regionCode) ? REFERENCE
		: highlight.includes(r.s.regionCode) ? PALETTE[1] : PALETTE[0]));
	const maxHigh = Math.max(...rows.map((r) => r.p.high ?? r.p.value ?? 0));
	const minLow = Math.min(0, ...rows.map((r) => r.p.low ?? r.p.value ?? 0));
	return {
		type: 'bar',
		data: {
			labels: rows.map((r) => seriesLabel(r.s)),
			datasets: [{
				label: model.indicator.name || '',
				lloRole: 'value',
				data: rows.map((r) => r.p.value),
				points: rows.map((r) => r.p),
				regionCodes: rows.map((r) => r.s.regionCode),
				errorBars: rows.map((r) => ({ low: r.p.low, high: r.p.high })),
				// a provisional figure is an open bar (light, with a solid edge in its colour), as it is an open
				// point on a line: dashes are for forecasts only
				backgroundColor: rows.map((r, i) => (isProvisional(r.p) ? alpha(colours[i], 0.25) : colours[i])),
				borderColor: colours,
				borderWidth: rows.map((r) => (isProvisional(r.p) ? 2 : 0)),
				borderRadius: 3,
				maxBarThickness: 26,
			}],
		},
		options: {
			indexAxis: 'y',
			responsive: true,
			scales: {
				x: valueAxis(model.indicator, { suggestedMax: maxHigh * 1.02, suggestedMin: minLow, beginAtZero: true }),
				y: { grid: { display: false }, border: { display: false }, ticks: { autoSkip: false } },
			},
			plugins: {
				legend: { display: false },
				tooltip: { callbacks: { label: tooltipLabel(model.indicator) } },
			},
		},
		plugins: [errorBarsPlugin],
	};
}
