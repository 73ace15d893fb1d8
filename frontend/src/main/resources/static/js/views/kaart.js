// Kaart: a choropleth SVG drawn from the GeoJSON of /api/v1/geo/{level}. Hover or focus shows a value;
// clicking (or Enter/Space) selects the region everywhere on the site.
import { api } from '../api.js';
import { clear, h, svg } from '../dom.js';
import { toolbar } from '../controls.js';
import { formatValue, t } from '../i18n.js';
import { fromMap, point as modelPoint } from '../series-model.js';
import { isCount, mapSummary } from '../summary.js';
import { sharedPicker, sidebarView } from './common.js';

const LEVELS = ['landsdeel', 'provincie', 'corop', 'arbeidsmarktregio', 'gemeente'];
const PREFERRED = 'werkloosheidspercentage';
/** Sequential ColorBrewer "Blues" (colour-blind safe), light to dark. */
const CLASSES = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
const NO_DATA = '#e5e7ea';
const WIDTH = 560;

function rings(geometry) {
	if (!geometry) {
		return [];
	}
	if (geometry.type === 'Polygon') {
		return geometry.coordinates;
	}
	if (geometry.type === 'MultiPolygon') {
		return geometry.coordinates.flat();
	}
	return [];
}

/** Equirectangular projection scaled by cos(latitude): good enough and exact-looking for the Netherlands. */
function projection(features) {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (const f of features) {
		for (const ring of rings(f.geometry)) {
			for (const [x, y] of ring) {
				minX = Math.min(minX, x);
				maxX = Math.max(maxX, x);
				minY = Math.min(minY, y);
				maxY = Math.max(maxY, y);
			}
		}
	}
	const k = Math.cos(((minY + maxY) / 2) * (Math.PI / 180));
	const scale = WIDTH / ((maxX - minX) * k);
	const height = Math.ceil((maxY - minY) * scale);
	return {
		height,
		point: ([x, y]) => [((x - minX) * k * scale).toFixed(1), ((maxY - y) * scale).toFixed(1)],
	};
}

function pathData(geometry, project) {
	return rings(geometry).map((ring) => `M${ring.map((c) => project(c).join(',')).join('L')}Z`).join('');
}

/**
 * Equal-interval classes. Each class is labelled with the lowest and highest value drawn in it (classes that
 * share a bound never read "3,4–3,6" and "3,6–3,9": a value is in one of them); a class no area falls in
 * is left out of the legend.
 */
export function classify(values) {
	const finite = values.filter(Number.isFinite);
	if (!finite.length) {
		return { breaks: [], colour: () => NO_DATA };
	}
	const min = Math.min(...finite);
	const max = Math.max(...finite);
	const step = (max - min) / CLASSES.length || 1;
	const index = (v) => Math.max(0, Math.min(CLASSES.length - 1, Math.floor((v - min) / step)));
	const breaks = CLASSES.map((c, i) => {
		const inClass = finite.filter((v) => index(v) === i);
		return { colour: c, from: inClass.length ? Math.min(...inClass) : null, to: inClass.length ? Math.max(...inClass) : null };
	}).filter((b) => b.from != null);
	return {
		breaks,
		colour: (v) => (Number.isFinite(v) ? CLASSES[index(v)] : NO_DATA),
	};
}

function swatch(colour) {
	return svg('svg', { class: 'swatch', viewBox: '0 0 16 16', 'aria-hidden': 'true', focusable: 'false' },
		svg('rect', { width: 16, height: 16, rx: 2, fill: colour, stroke: '#8a96a3', 'stroke-width': 1 }));
}

function drawMap(figure, geo, model, ctx, reference) {
	const features = geo.features || [];
	const { height, point } = projection(features);
	const byCode = new Map(model.series.map((s) => [s.regionCode, s]));
	const scale = classify(model.series.map((s) => s.points[0]?.value));
	const indicator = model.indicator;
	const selected = new Set([ctx.primaryRegion()]);
	const tooltip = h('div', { class: 'map-tooltip', role: 'presentation', hidden: true });
	const map = svg('svg', {
		class: 'map', viewBox: `0 0 ${WIDTH} ${height}`, role: 'group',
		'aria-label': `${figure.titleEl.textContent}`,
	});
	const show = (path, label, event) => {
		tooltip.textContent = label;
		tooltip.hidden = false;
		const box = figure.body.getBoundingClientRect();
		let x;
		let y;
		if (event && event.clientX) {
			x = event.clientX - box.left;
			y = event.clientY - box.top;
		}
		else {
			const r = path.getBoundingClientRect();
			x = r.left + r.width / 2 - box.left;
			y = r.top + r.height / 2 - box.top;
		}
		tooltip.style.left = `${Math.round(x)}px`; // CSSOM, CSP-safe
		tooltip.style.top = `${Math.round(y)}px`;
	};
	const hide = () => {
		tooltip.hidden = true;
	};
	const ordered = [...features].sort((a, b) => {
		const sa = selected.has(a.properties?.code) ? 1 : 0;
		const sb = selected.has(b.properties?.code) ? 1 : 0;
		return sa - sb; // selected regions last, so their outline is on top
	});
	let withoutValue = 0;
	for (const feature of ordered) {
		const code = feature.properties?.code || feature.properties?.statcode || feature.id;
		const s = byCode.get(code);
		const name = s?.label || feature.properties?.name || feature.properties?.statnaam || code;
		const value = s?.points[0]?.value;
		if (!Number.isFinite(value)) {
			withoutValue += 1;
		}
		const label = `${name}: ${Number.isFinite(value) ? formatValue(value, indicator) : t('map.noValue')}`;
		const path = svg('path', {
			d: pathData(feature.geometry, point), fill: scale.colour(value), class: `map__region${selected.has(code) ? ' is-selected' : ''}`,
			tabindex: '0', role: 'button', 'aria-label': label, 'aria-pressed': String(selected.has(code)),
			dataset: { code, focus: `map-${code}` },
		}, svg('title', {}, label));
		path.addEventListener('mousemove', (e) => show(path, label, e));
		path.addEventListener('mouseleave', hide);
		path.addEventListener('focus', () => show(path, label));
		path.addEventListener('blur', hide);
		const choose = () => ctx.update({ region: code });
		path.addEventListener('click', choose);
		path.addEventListener('keydown', (e) => {
			if (e.key === 'Enter' || e.key === ' ') {
				e.preventDefault();
				choose();
			}
		});
		map.append(path);
	}
	const legend = h('div', { class: 'map-legend' }, h('p', { class: 'map-legend__title' }, t('map.legend')),
		reference != null ? h('p', { class: 'map-legend__reference' }, t('map.reference', { value: formatValue(reference, indicator) }))
			: null,
		h('ul', {}, scale.breaks.map((b) => h('li', {}, swatch(b.colour), b.from === b.to ? formatValue(b.from, indicator)
			: `${formatValue(b.from, indicator)} – ${formatValue(b.to, indicator)}`)),
		// the swatch for "no figure" only where a region on the map has none
		withoutValue ? h('li', {}, swatch(NO_DATA), t('map.noValue')) : null));
	clear(figure.body).append(h('div', { class: 'map-wrap' }, map, tooltip), legend);
}

/**
 * The observed point of Nederland in the same period (and breakdown), the reference in the legend: the API's
 * point (value, margins, status, flags, footnote, source), or null without a value.
 */
async function nationalPoint(indicator, type, period, breakdown) {
	try {
		const response = await api.series({ indicator, regions: ['NL01'], periodType: type, from: period, to: period, breakdown });
		// an observation only: a forecast is never the reference of a map of observations
		const point = response.series?.[0]?.points?.find((p) => p.period === period && p.kind !== 'forecast');
		return Number.isFinite(point?.value) ? point : null;
	}
	catch {
		return null;
	}
}

/**
 * Fill a figure with the choropleth of one indicator, level, period and breakdown (GET /api/v1/map and
 * /api/v1/geo/{level}): the map with its legend (Nederland as reference where the API has it), the
 * data table, sources, notes and CSV. Without boundaries of the level the figures show as bars.
 * Also used by the "Alle tabellen" view. title/subtitle override the default title; notes come first.
 * @returns the model drawn
 */
export async function drawChoropleth(figure, ctx, { indicator, level, period, type, breakdown, title, subtitle,
	notes: extra = [] }) {
	const [geo, response, national] = await Promise.all([
		api.geo(level).catch(() => ({ features: [] })), api.map({ indicator, level, period, breakdown }),
		nationalPoint(indicator, type, period, breakdown)]);
	// Nederland is the reference of a rate; a count of people of Nederland is no reference for counts of its parts
	const reference = isCount(response.indicator) ? null : (national?.value ?? null);
	if (!ctx.alive()) {
		return null;
	}
	const mine = ctx.primaryRegion();
	const model = fromMap(response);
	model.title = title || t('map.chart', { indicator: model.indicator.name, period: response.period?.label || '' });
	figure.setTitle(model.title, subtitle ?? `${t(`level.${level}`)} · ${model.indicator.name}`);
	const summary = mapSummary(model, { selected: mine });
	const notes = [...extra, ...(reference != null ? [t('map.reference', { value: formatValue(reference, model.indicator) })] : [])];
	if (isCount(response.indicator)) {
		// a count coloured by region grows with the region's size: said, so that a dark region does not read
		// as one where the matter is more common
		notes.push(t('map.counts'));
	}
	if (!geo.features?.length) {
		// no boundaries of this level in the store: the figures still show, as bars, with Nederland
		notes.unshift(t('map.noBoundaries', { level: t(`level.${level}`).toLowerCase() }));
		if (reference != null) {
			model.series.push({
				id: 'NL01', label: t('cmp.reference'), regionCode: 'NL01', regionName: 'Nederland', level: 'land',
				breakdown: {}, origin: model.series[0]?.origin || 'source',
				// Nederland's own point: its status, flags, footnote and source (never another region's)
				points: [modelPoint(national)],
			});
		}
		figure.bar(model, { summary, highlight: [mine], reference: ['NL01'], notes });
		return model;
	}
	drawMap(figure, geo, model, ctx, reference);
	figure.shape = 'map';
	figure.finish(model, summary, notes);
	return model;
}

export async function render(panel, ctx) {
	const controls = toolbar();
	const retry = () => ctx.update({});
	const figure = ctx.figure({ id: 'kaart', title: t('map.title'), onRetry: retry });
	sidebarView(panel, { title: t('map.title'), intro: t('map.intro'), controls, main: [figure.el] });
	try {
		const catalogue = await ctx.regions();
		const mine = ctx.primaryRegion();
		const picked = await sharedPicker(ctx, {
			key: 'map', levels: LEVELS, preferred: PREFERRED, observedOnly: true, spread: true,
			regionFor: (level) => (catalogue.levels[level] || []).find((r) => r.code === mine)?.code
				|| (catalogue.levels[level] || [])[0]?.code || mine,
		});
		if (!ctx.alive()) {
			return;
		}
		const { level, code: indicatorCode, period } = picked;
		controls.append(...picked.controls);
		if (!picked.indicator || !period) {
			figure.empty();
			return;
		}
		await drawChoropleth(figure, ctx, { indicator: indicatorCode, level, period, type: picked.type });
	}
	catch (err) {
		if (ctx.alive()) {
			figure.error(err);
		}
	}
}
