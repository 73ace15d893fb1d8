// The view state lives in the URL, so that every view can be shared and reopened as it was.
// ?tab=&region=&regions=&indicator=&period=&from=&to=&level=&lang=&yoy=1&sa=1&embed=1&chart=&table=&breakdown=&mode=
//
// region  = "my region": the one region the user chose; it changes only when the user picks another.
// regions = the comparison regions the user ticked (may be empty: the view then shows its default set).
import { VIEW_IDS } from './views/registry.js';

export const TABS = VIEW_IDS;
export const DEFAULT_REGION = 'PV26';

const REGION = /^[A-Z]{2}[0-9]{2,4}$/;
const PERIOD = /^[0-9]{4}(JJ00|KW0[1-4]|MM(0[1-9]|1[0-2]))$/;
const CODE = /^[a-z][a-z0-9_]*$/;
export const LEVELS = ['land', 'landsdeel', 'provincie', 'corop', 'arbeidsmarktregio', 'gemeente'];
/** Keys whose change is a new place to go back to (a history entry); everything else replaces. */
const NAVIGATION = ['tab', 'region', 'lang'];

function clean(value, pattern) {
	return value && pattern.test(value) ? value : null;
}

function regionList(text) {
	const codes = (text || '').split(',').map((r) => r.trim().toUpperCase()).filter((r) => REGION.test(r));
	return [...new Set(codes)].slice(0, 400);
}

/** Read and validate the state from a URL (unknown or malformed values fall back to defaults). */
export function parseState(search = window.location.search) {
	const p = new URLSearchParams(search);
	// absent: the view's default set; present but empty: the user chose none
	const regions = p.has('regions') ? regionList(p.get('regions')) : null;
	// links from before "my region" had its own parameter named it first in regions
	const region = clean((p.get('region') || '').toUpperCase(), REGION) || regions?.[0] || null;
	return {
		tab: TABS.includes(p.get('tab')) ? p.get('tab') : TABS[0],
		region,
		indicator: clean(p.get('indicator'), CODE),
		regions,
		period: clean(p.get('period'), PERIOD),
		from: clean(p.get('from'), PERIOD),
		to: clean(p.get('to'), PERIOD),
		level: LEVELS.includes(p.get('level')) ? p.get('level') : null,
		lang: p.get('lang') === 'en' ? 'en' : 'nl',
		yoy: p.get('yoy') === '1',
		sa: p.get('sa') === '1',
		embed: p.get('embed') === '1',
		chart: clean(p.get('chart'), /^[a-z0-9-]{1,40}$/),
		// the "Alle tabellen" view: a source table and breakdown members (dimension:member,...)
		table: clean(p.get('table'), /^[A-Za-z0-9_]{3,40}$/),
		breakdown: clean(p.get('breakdown'), /^[a-z][a-z0-9_]*:[A-Za-z0-9_-]+(,[a-z][a-z0-9_]*:[A-Za-z0-9_-]+)*$/),
		// how the "Alle tabellen" view shows the choice: kaart (a map), or absent for chart and table
		mode: p.get('mode') === 'kaart' ? 'kaart' : null,
	};
}

/** The query string for a state; defaults are left out to keep links short. */
export function toSearch(state) {
	const p = new URLSearchParams();
	if (state.tab && state.tab !== TABS[0]) {
		p.set('tab', state.tab);
	}
	// with comparison regions, my region is written even when it is the default: a link without it
	// would read its first comparison region as mine (the rule for links from before "region")
	if (state.region || Array.isArray(state.regions)) {
		p.set('region', state.region || DEFAULT_REGION);
	}
	if (state.indicator) {
		p.set('indicator', state.indicator);
	}
	if (Array.isArray(state.regions)) {
		p.set('regions', state.regions.join(','));
	}
	for (const key of ['period', 'from', 'to', 'level']) {
		if (state[key]) {
			p.set(key, state[key]);
		}
	}
	// the choice of "Alle tabellen" belongs to its links only: kept in the state for a return to the
	// tab, but a link to another view does not carry a table or breakdown that view does not show
	if (state.tab === 'tabellen') {
		for (const key of ['table', 'breakdown', 'mode']) {
			if (state[key]) {
				p.set(key, state[key]);
			}
		}
	}
	if (state.lang === 'en') {
		p.set('lang', 'en');
	}
	for (const key of ['yoy', 'sa', 'embed']) {
		if (state[key]) {
			p.set(key, '1');
		}
	}
	if (state.chart) {
		p.set('chart', state.chart);
	}
	const s = p.toString().replace(/%2C/g, ',');
	return s ? `?${s}` : '';
}

/** Whether going from one state to the next is navigation (push) or a refinement of the view (replace). */
export function isNavigation(previous, next) {
	return NAVIGATION.some((key) => previous[key] !== next[key]);
}

let state = parseState();
const listeners = new Set();

export function getState() {
	return state;
}

/** My region: the one the user chose, or the default. */
export function myRegion(s = state) {
	return s.region || DEFAULT_REGION;
}

/**
 * Change the state and the URL. A change of tab, region or language is a new history entry; a change
 * of indicator, period, level or comparison regions (e.g. arrow keys in a picker) replaces the current
 * entry, so Back leaves the view instead of stepping through every option passed. replace forces it.
 * silent changes the state and the URL without telling the listeners (nothing is drawn again): for a
 * choice a view made itself, written into the link so that the link keeps showing it.
 */
export function update(patch, { replace, silent } = {}) {
	const next = { ...state, ...patch };
	const search = toSearch(next);
	if (search !== window.location.search) {
		const url = window.location.pathname + search + window.location.hash;
		if (replace ?? !isNavigation(state, next)) {
			window.history.replaceState(null, '', url);
		}
		else {
			window.history.pushState(null, '', url);
		}
	}
	const previous = state;
	state = next;
	if (!silent) {
		listeners.forEach((listener) => listener(state, previous));
	}
}

export function subscribe(listener) {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

window.addEventListener('popstate', () => {
	const previous = state;
	state = parseState();
	listeners.forEach((listener) => listener(state, previous));
});

/** An absolute link to a state (e.g. the embed link of one chart). */
export function linkTo(patch) {
	return window.location.origin + window.location.pathname + toSearch({ ...state, ...patch });
}
