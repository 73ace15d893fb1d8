// Client for the public LLO Monitor API (/api/v1, see docs/api.md). Nothing else is used.
import { getLang, t } from './i18n.js';

const BASE = '/api/v1';

/** An API error, carrying the RFC 9457 problem (title, detail, type, status). */
export class ApiError extends Error {
	constructor(problem, status, url) {
		super(problem?.title || `HTTP ${status}`);
		this.name = 'ApiError';
		this.problem = problem || {};
		this.status = status;
		this.url = url;
		// the title in the page's language, by the problem's stable type (/problems/{slug})
		const slug = String(this.problem.type || '').replace(/^.*\/problems\//, '');
		const localised = slug ? t(`problem.${slug}`) : null;
		this.title = (localised && localised !== `problem.${slug}`) ? localised : (this.problem.title || `HTTP ${status}`);
		// the detail in the page's language where the problem names the value at fault (an unknown code);
		// otherwise the API's own detail
		const detailKey = `problem.${slug}.detail`;
		const ownDetail = slug && this.problem.value != null ? t(detailKey, { value: this.problem.value }) : null;
		// the API's detail is English: a Dutch page names the parameter at fault in Dutch instead
		// (in words of the problem's own kind where the page has them: a range too wide says so)
		const ownParameter = `problem.${slug}.parameterDetail`;
		const parameterDetail = getLang() !== 'en' && this.problem.parameter
			? [t(ownParameter, { parameter: this.problem.parameter }), t('problem.parameter', { parameter: this.problem.parameter })]
				.find((text) => text !== ownParameter) : null;
		this.detail = (ownDetail && ownDetail !== detailKey) ? ownDetail
			: (parameterDetail || this.problem.detail || null);
	}
}

// The browser's HTTP cache revalidates every answer (Cache-Control: no-cache, ETag): a 304 when unchanged.
const cache = new Map();

function buildUrl(path, params = {}) {
	const url = new URL(BASE + path, window.location.origin);
	for (const [key, value] of Object.entries(params)) {
		if (value == null || value === '' || (Array.isArray(value) && value.length === 0)) {
			continue;
		}
		url.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value));
	}
	url.searchParams.set('lang', getLang());
	return url.pathname + url.search;
}

async function request(url) {
	let response;
	try {
		response = await fetch(url, {
			headers: { Accept: 'application/json', 'Accept-Language': getLang() },
		});
	}
	catch (e) {
		throw new ApiError({ title: e.message || 'Network error' }, 0, url);
	}
	if (!response.ok) {
		let problem = null;
		try {
			problem = await response.json();
		}
		catch {
			problem = { title: `${response.status} ${response.statusText}`.trim() };
		}
		throw new ApiError(problem, response.status, url);
	}
	return response.json();
}

/** GET a JSON resource, sharing one request per URL until the data changes. */
export function get(path, params) {
	const url = buildUrl(path, params);
	let pending = cache.get(url);
	if (!pending) {
		pending = request(url);
		cache.set(url, pending);
		pending.catch(() => cache.delete(url));
	}
	return pending;
}

/** Forget everything fetched: called when the server announces new data. */
export function clearCache() {
	cache.clear();
}

export const api = {
	regions: (level, parent) => get('/regions', { level, parent }),
	region: (code) => get(`/regions/${encodeURIComponent(code)}`),
	indicators: () => get('/indicators'),
	indicator: (code) => get(`/indicators/${encodeURIComponent(code)}`),
	periods: (indicator, type, level) => get('/periods', { indicator, type, level }),
	series: ({ indicator, regions, from, to, periodType, breakdown }) => get('/series',
		{ indicator, regions, from, to, periodType, breakdown }),
	compare: ({ indicator, regions, period, breakdown }) => get('/compare', { indicator, regions, period, breakdown }),
	trend: ({ indicator, region, from, to, breakdown, periodType }) => get('/trend',
		{ indicator, region, from, to, breakdown, periodType }),
	kerncijfers: (region) => get(`/kerncijfers/${encodeURIComponent(region)}`),
	map: ({ indicator, level, period, breakdown }) => get('/map', { indicator, level, period, breakdown }),
	geo: (level) => get(`/geo/${encodeURIComponent(level)}`),
};

/**
 * Subscribe to data-changed events. The stream holds one of the browser's few connections per host
 * (HTTP/1.1: 6), so it is closed while the page is hidden or left (pagehide, back-forward cache) and
 * reopened when it is shown again; the "hello" event on reopening tells whether data changed meanwhile.
 * Returns a handle whose readyState mirrors the current EventSource.
 */
export function onDataChanged(callback) {
	if (!('EventSource' in window)) {
		return null;
	}
	const handle = { source: null, version: null, get readyState() {
		return this.source ? this.source.readyState : 2;
	} };
	const seen = (event, announce) => {
		let version = null;
		try {
			version = JSON.parse(event.data).version;
		}
		catch {
			version = null;
		}
		const changed = announce || (handle.version != null && version != null && version !== handle.version);
		if (version != null) {
			handle.version = version;
		}
		if (changed) {
			callback(version);
		}
	};
	const open = () => {
		if (handle.source) {
			return;
		}
		handle.source = new EventSource(`${BASE}/events`);
		handle.source.addEventListener('hello', (event) => seen(event, false));
		handle.source.addEventListener('data-changed', (event) => seen(event, true));
	};
	const close = () => {
		if (handle.source) {
			handle.source.close();
			handle.source = null;
		}
	};
	window.addEventListener('pagehide', close);
	window.addEventListener('pageshow', open);
	document.addEventListener('visibilitychange', () => (document.hidden ? close() : open()));
	open();
	return handle;
}
