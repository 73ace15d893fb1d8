// The view state lives in the URL, so that every view can be shared and reopened as it was.
// ?tab=&indicator=&regions=&period=&from=&to=&level=&lang=&yoy=1&sa=1&embed=1&chart=

export const TABS = ['kerncijfers', 'llo', 'vergelijk', 'trends', 'kaart', 'tabellen'];

const REGION = /^[A-Z]{2}[0-9]{2,4}$/;
const PERIOD = /^[0-9]{4}(JJ00|KW0[1-4]|MM(0[1-9]|1[0-2]))$/;
const CODE = /^[a-z][a-z0-9_]*$/;
const LEVELS = ['land', 'landsdeel', 'provincie', 'corop', 'arbeidsmarktregio', 'gemeente'];

function clean(value, pattern) {
	return value && pattern.test(value) ? value : null;
}

/** Read and validate the state from a URL (unknown or malformed values fall back to defaults). */
export function parseState(search = window.location.search) {
	const p = new URLSearchParams(search);
	const regions = (p.get('regions') || '')
		.split(',')
		.map((r) => r.trim().toUpperCase())
		.filter((r) => REGION.test(r));
	return {
		tab: TABS.includes(p.get('tab')) ? p.get('tab') : 'kerncijfers',
		indicator: clean(p.get('indicator'), CODE),
		regions: [...new Set(regions)].slice(0, 50),
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
	};
}

/** The query string for a state; defaults are left out to keep links short. */
export function toSearch(state) {
	const p = new URLSearchParams();
	if (state.tab && state.tab !== 'kerncijfers') {
		p.set('tab', state.tab);
	}
	if (state.indicator) {
		p.set('indicator', state.indicator);
	}
	if (state.regions?.length) {
		p.set('regions', state.regions.join(','));
	}
	for (const key of ['period', 'from', 'to', 'level', 'table', 'breakdown']) {
		if (state[key]) {
			p.set(key, state[key]);
		}
	}
	if (state.lang === 'en') {
		p.set('lang', 'en');
	}
	if (state.yoy) {
		p.set('yoy', '1');
	}
	if (state.sa) {
		p.set('sa', '1');
	}
	if (state.embed) {
		p.set('embed', '1');
	}
	if (state.chart) {
		p.set('chart', state.chart);
	}
	const s = p.toString().replace(/%2C/g, ',');
	return s ? `?${s}` : '';
}

let state = parseState();
const listeners = new Set();

export function getState() {
	return state;
}

/** Change the state: updates the URL (a new history entry unless replace) and tells the listeners. */
export function update(patch, { replace = false } = {}) {
	const next = { ...state, ...patch };
	const search = toSearch(next);
	if (search !== window.location.search) {
		const url = window.location.pathname + search + window.location.hash;
		if (replace) {
			window.history.replaceState(null, '', url);
		}
		else {
			window.history.pushState(null, '', url);
		}
	}
	const previous = state;
	state = next;
	listeners.forEach((listener) => listener(state, previous));
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
