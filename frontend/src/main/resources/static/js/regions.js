// Every region of every level, once per page, with names that tell regions apart: Groningen the
// province, the arbeidsmarktregio and the gemeente share a name, so a label adds the level.
import { api } from './api.js';
import { getLang, t } from './i18n.js';
import { LEVELS } from './url-state.js';

let loading = null;

/** The language the cached lists are named in: another language loads them anew. */
let loadedLang = null;

/**
 * Load all levels, named in the page's language: { byCode: Map, levels: { level: [region] }, list: [region] }
 * (cached until clearRegions or a change of language).
 */
export function allRegions() {
	if (loadedLang !== getLang()) {
		loading = null;
		loadedLang = getLang();
	}
	if (!loading) {
		loading = Promise.all(LEVELS.map((l) => api.regions(l).catch(() => []))).then((lists) => {
			const byCode = new Map();
			const levels = {};
			LEVELS.forEach((l, i) => {
				levels[l] = lists[i] || [];
				for (const r of levels[l]) {
					byCode.set(r.code, r);
				}
			});
			return { byCode, levels, list: LEVELS.flatMap((l) => levels[l]) };
		});
		loading.catch(() => {
			loading = null;
		});
	}
	return loading;
}

export function clearRegions() {
	loading = null;
}

/** "Groningen (gemeente)": the name with its level, unambiguous in every list and heading. */
export function regionLabel(region) {
	if (!region) {
		return '';
	}
	if (region.level === 'land') {
		return region.name;
	}
	return `${region.name} (${t(`one.${region.level}`)})`;
}

/**
 * Text for matching a search: lower case, without diacritics (â → a, ú → u), apostrophes and hyphens as
 * written or not ('s-Hertogenbosch, s hertogenbosch), spaces collapsed.
 */
export function searchKey(text) {
	return String(text ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
		.replace(/[’‘'`´]/g, '').replace(/[-‐–—]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The level of a region code, from its prefix (also before the lists are loaded). */
export function levelOfCode(code) {
	const prefix = (code || '').slice(0, 2);
	return { NL: 'land', LD: 'landsdeel', PV: 'provincie', CR: 'corop', AM: 'arbeidsmarktregio', GM: 'gemeente' }[prefix]
		|| 'provincie';
}

/**
 * The nearest region with data for an indicator: the region itself when its level has the indicator,
 * else the first parent (province before country) whose level does.
 */
export function nearestWith(region, indicator) {
	const levels = indicator?.regionLevels;
	if (!region || !levels || levels.includes(region.level)) {
		return region?.code || null;
	}
	const order = ['gemeente', 'arbeidsmarktregio', 'corop', 'provincie', 'landsdeel', 'land'];
	const parents = (region.parents || []).slice().sort((a, b) => order.indexOf(levelOfCode(a))
		- order.indexOf(levelOfCode(b)));
	return parents.find((p) => levels.includes(levelOfCode(p))) || null;
}

/** Regions in the order a reader looks for them: by name (the catalogue lists them by code). */
export function byName(regions) {
	return [...regions].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}
