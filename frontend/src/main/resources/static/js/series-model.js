// One normalised series model that every view (line, bar, table, map, CSV, summary) transforms.
//
// model = {
//   indicator: { code, name, unit, decimals, higherIsBetter, definition, sourceTable, ... },
//   title: string,
//   series: [{ id, label, regionCode, regionName, level, breakdown, origin,
//              points: [{ period, label, value, low, high, status, flags, footnote, reason, sourceTable, kind }] }],
//   sources: [{ table, publisher, licence, url, incomplete }], (incomplete: why a cut-off import of it is shown, or absent)
//   notes: [string],
// }
import { periodLabel, reasonLabel, statusLabel, t, unitLabel } from './i18n.js';

/** One API point in the model's shape (see the head of this file). */
export function point(p, fallbackSource) {
	return {
		period: p.period,
		label: p.label || periodLabel(p.period),
		value: Number.isFinite(p.value) ? p.value : null,
		low: Number.isFinite(p.marginLow) ? p.marginLow : null,
		high: Number.isFinite(p.marginHigh) ? p.marginHigh : null,
		status: p.status || 'niet_vermeld',
		flags: p.flags || '',
		footnote: p.footnote || null,
		// why a value is missing (onbekend, geheim, vertrouwelijk, ...), or null
		reason: p.missingReason || null,
		sourceTable: p.sourceTable || fallbackSource || null,
		revised: p.revised === true,
		// a forecast (a table declared kind: forecast), never told as an observation
		kind: p.kind === 'forecast' ? 'forecast' : 'observation',
	};
}

function sortPoints(points) {
	return points.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}

function sourcesOf(indicator, sources) {
	if (sources?.length) {
		return sources;
	}
	return indicator?.sourceTable ? [{ table: indicator.sourceTable, publisher: '', licence: '', url: null }] : [];
}

/** From a GET /series response. labelFor(series) may name a series (default: the region name). */
export function fromSeries(response, { labelFor, idFor } = {}) {
	const indicator = response.indicator || {};
	return {
		indicator,
		title: indicator.name || '',
		breakdown: response.breakdown || {},
		series: (response.series || []).map((s) => ({
			id: idFor ? idFor(s) : s.region.code,
			label: labelFor ? labelFor(s) : s.region.name,
			regionCode: s.region.code,
			regionName: s.region.name,
			level: s.region.level,
			breakdown: response.breakdown || {},
			origin: s.origin || 'source',
			points: sortPoints((s.points || []).map((p) => point(p, indicator.sourceTable))),
		})),
		sources: sourcesOf(indicator, response.sources),
		notes: [],
	};
}

/** Several models of one indicator (e.g. one per breakdown member) combined into one. */
export function merge(models, { title } = {}) {
	const first = models[0];
	const sources = [];
	for (const m of models) {
		for (const s of m.sources) {
			if (!sources.some((x) => x.table === s.table)) {
				sources.push(s);
			}
		}
	}
	return {
		indicator: first?.indicator || {},
		title: title || first?.title || '',
		series: models.flatMap((m) => m.series),
		sources,
		notes: models.flatMap((m) => m.notes),
	};
}

/**
 * One series per region with one point in one period, shared by the compare and the map responses.
 * region(v) gives { code, name, level } of a value; origin(v) its origin.
 */
function onePeriod(response, region, origin) {
	const indicator = response.indicator || {};
	const period = response.period || {};
	return {
		indicator,
		title: indicator.name || '',
		series: (response.values || []).map((v) => {
			const r = region(v);
			return {
				id: r.code,
				label: r.name,
				regionCode: r.code,
				regionName: r.name,
				level: r.level,
				breakdown: {},
				origin: origin(v) || (indicator.derived ? 'derived' : 'source'),
				points: [point({ ...v, period: period.code, label: period.label }, indicator.sourceTable)],
			};
		}),
		sources: sourcesOf(indicator, response.sources),
		notes: [],
	};
}

/** From a GET /compare response: one series per region with the single compared period. */
export function fromCompare(response) {
	return {
		...onePeriod(response, (v) => v.region, (v) => v.origin),
		differences: response.differences || [],
		summary: response.summary || null,
	};
}

/** From a GET /map response: one series per region, one point each. */
export function fromMap(response) {
	return onePeriod(response, (v) => ({ code: v.code, name: v.name, level: response.level }), () => null);
}

/**
 * A new model whose values are fn(point, series) (null drops the value), for transformations such as
 * the change on a year earlier or our seasonal adjustment. The result is marked with its origin, and
 * with change: 'year' when its values are changes on a year earlier (its sentences then tell a change).
 */
export function mapValues(model, fn, { origin, indicator, change, why } = {}) {
	return {
		...model,
		change: change || model.change || null,
		indicator: indicator || model.indicator,
		series: model.series.map((s) => ({
			...s,
			origin: origin || s.origin,
			points: s.points.map((p) => {
				const value = fn(p, s);
				const computed = Number.isFinite(value) ? value : null;
				// a published value the transformation gives no result for: why (options.why), for the data table
				const lost = computed == null && p.value != null && why ? why(p, s) : null;
				return { ...p, value: computed, low: null, high: null, ...(lost ? { why: lost } : {}) };
			}),
		})),
	};
}

/** All periods of the model, in order: [{ code, label }]. */
export function periods(model) {
	const seen = new Map();
	for (const s of model.series) {
		for (const p of s.points) {
			if (!seen.has(p.period)) {
				seen.set(p.period, p.label);
			}
		}
	}
	return [...seen.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([code, label]) => ({ code, label }));
}

export function valueAt(series, period) {
	return series.points.find((p) => p.period === period) || null;
}

/** The last period in which every series has a value (else the last period of the first series). */
export function latestCommonPeriod(model) {
	const all = periods(model).map((p) => p.code).reverse();
	for (const code of all) {
		if (model.series.every((s) => valueAt(s, code)?.value != null)) {
			return code;
		}
	}
	const first = model.series[0]?.points.filter((p) => p.value != null);
	return first?.length ? first[first.length - 1].period : null;
}

/** Periods before which a series breaks (flag b). */
export function breaks(model) {
	const set = new Set();
	for (const s of model.series) {
		for (const p of s.points) {
			if (p.flags.includes('b')) {
				set.add(p.period);
			}
		}
	}
	return [...set].sort();
}

export function isProvisional(p) {
	return p.status === 'voorlopig' || p.status === 'nader_voorlopig';
}

export function hasProvisional(model) {
	return model.series.some((s) => s.points.some((p) => p.value != null && isProvisional(p)));
}

export function hasMargins(model) {
	// a source may publish one bound only (WW benefits, 85554NED: the lower bound)
	return model.series.some((s) => s.points.some((p) => p.low != null || p.high != null));
}

export function nonSource(model) {
	return model.series.filter((s) => s.origin && s.origin !== 'source');
}

export function isEmpty(model) {
	return !model.series.some((s) => s.points.some((p) => p.value != null));
}

/** Whether every value of a series is a forecast (point.kind), such as each series of 82220NED. */
export function isForecastSeries(s) {
	const valued = s.points.filter((p) => p.value != null);
	return valued.length > 0 && valued.every((p) => p.kind === 'forecast');
}

export function hasForecast(model) {
	return model.series.some((s) => s.points.some((p) => p.value != null && p.kind === 'forecast'));
}

/**
 * A label that visibly marks series not taken straight from a source, and a series of forecasts (one
 * whose origin is 'forecast' names its forecast in its label already).
 */
export function seriesLabel(s) {
	if (s.origin !== 'forecast' && isForecastSeries(s)) {
		return `${seriesLabel({ ...s, points: [] })} (${t('kind.forecast')})`;
	}
	if (s.origin === 'derived') {
		return `${s.label} ◆ (${t('origin.derived')})`;
	}
	if (s.origin === 'adjusted') {
		return `${s.label} ◆ (${t('origin.adjusted')})`;
	}
	return s.label;
}

/**
 * Table layout: with one period, a row per series; with several, a row per period and a column per series.
 * Cells are { value, point } or strings; the view formats them.
 */
export function toTable(model) {
	const ps = periods(model);
	if (ps.length <= 1) {
		return {
			orientation: 'series',
			columns: [t('figure.region'), t('figure.value'), t('figure.margin'), t('figure.status')],
			rows: model.series.map((s) => ({ header: seriesLabel(s), point: s.points[0] || null, series: s })),
		};
	}
	return {
		orientation: 'periods',
		columns: [t('figure.period'), ...model.series.map(seriesLabel)],
		rows: ps.map((p) => ({
			header: p.label,
			period: p.code,
			cells: model.series.map((s) => valueAt(s, p.code)),
		})),
	};
}

const FORMULA = /^[=+\-@\t\r]/;

/**
 * A CSV cell: formula-leading text neutralised with a leading apostrophe, quoted where it holds the
 * separator, a quote or a line break. Numbers use the given decimal mark (no thousands separator).
 */
export function csvCell(value, { separator = ',', decimal = '.' } = {}) {
	if (value == null) {
		return '';
	}
	if (typeof value === 'number') {
		return Number.isFinite(value) ? String(value).replace('.', decimal) : '';
	}
	let text = String(value);
	if (FORMULA.test(text)) {
		text = `'${text}`;
	}
	if (text.includes(separator) || /["\n\r]/.test(text)) {
		text = `"${text.replace(/"/g, '""')}"`;
	}
	return text;
}

/**
 * The CSV dialect of a language: Dutch spreadsheets (Excel with nl-NL settings) expect ';' between
 * fields and a decimal comma; English ones ',' and a decimal point.
 */
export function csvDialect(lang) {
	return lang === 'nl' ? { separator: ';', decimal: ',' } : { separator: ',', decimal: '.' };
}

function breakdownText(breakdown) {
	return Object.entries(breakdown || {}).map(([k, v]) => `${k}=${v}`).join(';');
}

/**
 * A comment line of a CSV: '# ' and the text on one line, never quoted, so that a reader told to skip
 * lines starting with '#' (pandas' comment='#', R's comment.char) skips it even where the text holds the
 * separator. A spreadsheet then spreads the text over several cells: a part that would start a formula
 * there (=, +, -, @, as in csvCell) gets a leading apostrophe, so it stays text.
 */
function comment(text, dialect) {
	return `# ${String(text).replace(/[\r\n]+/g, ' ')}`
		.split(dialect.separator)
		.map((part, i) => (i > 0 ? part.replace(/^(\s*)([=+\-@])/, "$1'$2") : part))
		.join(dialect.separator);
}

/**
 * CSV in long format, one row per point, in the dialect of the language (csvDialect). The title and
 * the sources come first, each an unquoted comment line (see comment); several sources are joined by " · ". Without BOM: the
 * caller prepends U+FEFF for spreadsheets (see Figure.setCsv).
 */
export function toCsv(model, dialect = csvDialect('en')) {
	const cell = (v) => csvCell(v, dialect);
	const lines = [];
	const sourceText = model.sources
		.map((s) => [s.publisher, s.table, s.licence].filter(Boolean).join(' '))
		// ' · ' between sources, not '; ' (the Dutch separator would spread the line over cells)
		.join(' · ');
	lines.push(comment(model.title || model.indicator.name || '', dialect));
	if (sourceText) {
		lines.push(comment(`${t('figure.source')}: ${sourceText}`, dialect));
	}
	// a source imported from a probably cut-off download says so here too, as under the chart
	for (const s of model.sources.filter((source) => source.incomplete)) {
		lines.push(comment(t('notes.incomplete', { table: s.table, why: s.incomplete }), dialect));
	}
	// every value with its status, flags (e.g. b: break in series), footnote and the reason it is missing,
	// in the order of the API's CSV
	const header = ['csv.regionCode', 'csv.region', 'csv.series', 'csv.periodCode', 'csv.period', 'csv.value',
		'csv.low', 'csv.high', 'csv.unit', 'csv.status', 'csv.flags', 'csv.footnote', 'csv.reason', 'csv.origin',
		'csv.source'].map((k) => t(k));
	lines.push(header.map(cell).join(dialect.separator));
	// unit, status and the reason a value is missing in the reader's words (the API's CSV, for programs,
	// keeps the codes)
	const unit = unitLabel(model.indicator.unit);
	for (const s of model.series) {
		for (const p of s.points) {
			// the origin in the reader's words (bron, afgeleid, prognose, eigen seizoencorrectie): a forecast
			// says so there, beside the status the source gives it
			lines.push([
				s.regionCode, s.regionName, breakdownText(s.breakdown) || s.label, p.period, p.label, p.value, p.low,
				p.high, unit, statusLabel(p.status), p.flags, p.footnote, reasonLabel(p.reason),
				t(`origin.${p.kind === 'forecast' ? 'forecast' : s.origin || 'source'}`), p.sourceTable,
			].map(cell).join(dialect.separator));
		}
	}
	return `${lines.join('\r\n')}\r\n`;
}
