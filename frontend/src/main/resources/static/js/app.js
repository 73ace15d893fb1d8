// LLO Monitor dashboard: tabs (from the registry of views), URL state, my region, language, live refresh.
import { api, clearCache, onDataChanged } from './api.js';
import { clear, h } from './dom.js';
import { Figure } from './figure.js';
import { getLang, setLang, t, translateStatic } from './i18n.js';
import { allRegions, clearRegions, levelOfCode, regionLabel, searchKey } from './regions.js';
import { DEFAULT_REGION, getState, LEVELS, myRegion, subscribe, TABS, update } from './url-state.js';
import { VIEWS, viewOf } from './views/registry.js';

export { DEFAULT_REGION } from './url-state.js';

const panel = document.getElementById('panel');
const tablist = document.getElementById('tablist');
const regionInput = document.getElementById('region-input');
const regionOptions = document.getElementById('region-options');
const langToggle = document.getElementById('lang-toggle');
const notice = document.getElementById('notice');

let figures = [];
let generation = 0;
/** What was changed in the link before the view was drawn (e.g. an unknown region), said above the view. */
let carried = [];

/** Shared context handed to every view. */
function context(gen, corrections) {
	return {
		state: getState(),
		update,
		// a default the view chose from the data (e.g. the first table), put into the URL without a new
		// drawing, so that a link keeps showing what it showed when it was copied
		settle: (patch) => update(patch, { replace: true, silent: true }),
		alive: () => gen === generation,
		primaryRegion: () => myRegion(getState()),
		figure(options) {
			const figure = new Figure(options);
			figures.push(figure);
			return figure;
		},
		regions: allRegions,
		notice: showNotice,
		// the view could not show what the link asked (a period without figures, an indicator of another
		// level): it says once, above the view, what it shows instead and why; the link is corrected with settle
		explain(text) {
			if (gen === generation && ![...corrections.children].some((p) => p.textContent === text)) {
				corrections.append(h('p', {}, text));
				corrections.hidden = false;
			}
		},
	};
}

/**
 * My region from the link, checked against the regions of today's edition: an unknown or ended code is
 * replaced by the default region (in the link too), and the page says which and why.
 * @returns the message, or null when the region is known (or the regions could not be loaded)
 */
async function checkRegion() {
	const code = getState().region;
	const listed = getState().regions || [];
	if (!code && !listed.length) {
		return null;
	}
	let catalogue;
	try {
		catalogue = await allRegions();
	}
	catch {
		return null; // the views show the API error
	}
	if (!catalogue.list.length) {
		return null;
	}
	// ticked regions the store does not know (a mistyped or old link) are left out, and named
	const unknown = listed.filter((r) => !catalogue.byCode.has(r) && r !== code);
	if (unknown.length) {
		// none left: the view's default set, not an empty choice
		const known = listed.filter((r) => !unknown.includes(r));
		update({ regions: known.length ? known : null }, { replace: true, silent: true });
		carried.push(t('fix.regionsUnknown', { codes: unknown.join(', ') }));
	}
	if (!code || catalogue.byCode.has(code)) {
		return null;
	}
	// an ended region (a merged gemeente) is still known to the store, with the day its edition ended it
	const ended = await api.region(code).catch(() => null);
	const rest = (getState().regions || []).filter((r) => r !== code);
	update({ region: null, regions: rest.length ? rest : null }, { replace: true, silent: true });
	fillRegionPicker();
	const shown = regionLabel(catalogue.byCode.get(DEFAULT_REGION)) || DEFAULT_REGION;
	const date = ended?.validTo ? new Date(`${ended.validTo}T00:00:00`).toLocaleDateString(
		getLang() === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }) : null;
	return date ? t('fix.regionEnded', { name: ended.name, code, date, shown })
		: t('fix.regionUnknown', { code, shown });
}

function focusKey() {
	const el = document.activeElement;
	return el && panel.contains(el) ? el.dataset.focus || null : null;
}

function errorBox(err) {
	return h('div', { class: 'error-box', role: 'alert' },
		h('p', { class: 'error-box__title' }, `${t('state.error')}: ${err.title || err.message}`),
		err.detail ? h('p', {}, err.detail) : null);
}

async function render() {
	generation += 1;
	const gen = generation;
	const state = getState();
	const key = focusKey();
	figures.forEach((f) => f.destroy());
	figures = [];
	document.body.classList.toggle('embed', state.embed);
	for (const tab of tablist.querySelectorAll('[role="tab"]')) {
		const selected = tab.dataset.tab === state.tab;
		tab.setAttribute('aria-selected', String(selected));
		tab.tabIndex = selected ? 0 : -1;
	}
	panel.setAttribute('aria-labelledby', `tab-${state.tab}`);
	let view;
	try {
		const fixed = await checkRegion();
		if (fixed) {
			carried.push(fixed);
		}
		view = await viewOf(state.tab).load();
	}
	catch (err) {
		if (gen === generation) {
			clear(panel).append(errorBox(err));
		}
		return;
	}
	if (gen !== generation) {
		return;
	}
	clear(panel);
	const corrections = h('div', { class: 'corrections', role: 'status', hidden: true });
	panel.append(corrections);
	const ctx = context(gen, corrections);
	carried.forEach((text) => ctx.explain(text));
	carried = [];
	const pending = view.render(panel, ctx);
	if (key) {
		panel.querySelector(`[data-focus="${CSS.escape(key)}"]`)?.focus();
	}
	try {
		await pending;
	}
	catch (err) {
		if (gen === generation) {
			clear(panel).append(errorBox(err));
		}
	}
	if (gen === generation && key && !panel.contains(document.activeElement)) {
		panel.querySelector(`[data-focus="${CSS.escape(key)}"]`)?.focus();
	}
	if (gen === generation && state.embed) {
		const chosen = panel.querySelector('.figure.is-embedded') || panel.querySelector('.figure');
		chosen?.classList.add('is-embedded');
	}
	if (gen === generation) {
		panel.dataset.rendered = state.tab;
	}
}

/** My region in the header: a searchable input over every region of every level. */
async function fillRegionPicker() {
	try {
		const lang = getLang();
		const { byCode, list } = await allRegions();
		if (getLang() !== lang) {
			return; // the language changed meanwhile: the fill for the new one follows
		}
		const current = byCode.get(myRegion(getState()));
		// the browser's own suggestions match the typed text as written; a label without diacritics lets
		// "fryslan" suggest Fryslân too
		clear(regionOptions).append(...list.map((r) => {
			const label = regionLabel(r);
			const plain = searchKey(label);
			return h('option', plain !== label.toLowerCase() ? { value: label, label: `${label} · ${plain}` }
				: { value: label });
		}));
		// never over what the user is typing (new figures announced meanwhile redraw the page)
		if (document.activeElement !== regionInput) {
			regionInput.value = current ? regionLabel(current) : myRegion(getState());
		}
	}
	catch {
		// the views show the API error; the picker keeps its text
	}
}

const byLevel = (a, b) => LEVELS.indexOf(levelOfCode(a.code)) - LEVELS.indexOf(levelOfCode(b.code));

/**
 * The regions a search text names, best first: its label or code; else regions of that name (several:
 * the highest level first); else those whose name or label contains it. Case, diacritics, apostrophes and
 * hyphens do not count ("fryslan" finds Fryslân, "den bosch" does not, "s-hertogenbosch" does).
 */
export function findRegions(text, { byCode, list }) {
	const key = searchKey(text);
	const exact = list.find((r) => searchKey(regionLabel(r)) === key) || byCode.get(text.trim().toUpperCase());
	if (exact) {
		return [exact];
	}
	// a name with a level in brackets, also where the label carries none ("Nederland (land)")
	const labelled = /^(.*\S)\s*\(([^()]+)\)$/.exec(text.trim());
	if (labelled) {
		const [, name, level] = labelled;
		const hit = list.filter((r) => searchKey(r.name) === searchKey(name)
			&& [searchKey(t(`one.${r.level}`)), r.level].includes(searchKey(level)));
		if (hit.length) {
			return hit;
		}
	}
	const named = list.filter((r) => searchKey(r.name) === key).sort(byLevel);
	if (named.length) {
		return named;
	}
	return list.filter((r) => searchKey(regionLabel(r)).includes(key)).sort(byLevel);
}

async function chooseRegion() {
	const text = regionInput.value.trim();
	if (!text) {
		return; // still typing (a cleared field); the choice stays as it was
	}
	const found = findRegions(text, await allRegions());
	if (!found.length) {
		showNotice(t('picker.notFound', { text }), { region: myRegion(getState()) });
		return;
	}
	const [chosen, ...others] = found;
	if (others.length) {
		// several regions of one name (Groningen the province, the arbeidsmarktregio and the gemeente), or
		// several containing the text: the highest level is chosen and the notice names the others
		const sameName = others.every((r) => searchKey(r.name) === searchKey(chosen.name));
		const names = others.slice(0, 5).map((r) => regionLabel(r)).join(', ') + (others.length > 5 ? ', …' : '');
		showNotice(t(sameName ? 'picker.several' : 'picker.severalMatch', { text, chosen: regionLabel(chosen),
			others: names }), { region: chosen.code });
	}
	else if (notice.dataset.region) {
		// a new choice without anything to say: what was said of the one before does not stay
		hideNotice();
	}
	regionInput.value = regionLabel(chosen);
	if (chosen.code !== myRegion(getState())) {
		update({ region: chosen.code });
	}
}

function setupTabs() {
	const tabs = VIEWS.map((v) => h('button', {
		type: 'button', role: 'tab', class: 'tab', id: `tab-${v.id}`, 'aria-controls': 'panel',
		dataset: { tab: v.id, i18n: `tab.${v.id}` },
	}, t(`tab.${v.id}`)));
	clear(tablist).append(...tabs);
	for (const tab of tabs) {
		tab.addEventListener('click', () => update({ tab: tab.dataset.tab }));
		tab.addEventListener('keydown', (e) => {
			const i = tabs.indexOf(tab);
			let next = null;
			if (e.key === 'ArrowRight') {
				next = tabs[(i + 1) % tabs.length];
			}
			else if (e.key === 'ArrowLeft') {
				next = tabs[(i - 1 + tabs.length) % tabs.length];
			}
			else if (e.key === 'Home') {
				next = tabs[0];
			}
			else if (e.key === 'End') {
				next = tabs[tabs.length - 1];
			}
			if (next) {
				e.preventDefault();
				next.focus();
				next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
				update({ tab: next.dataset.tab });
			}
		});
	}
}

function applyLanguage() {
	const { lang } = getState();
	setLang(lang);
	translateStatic();
	langToggle.textContent = t('lang.other');
	langToggle.setAttribute('lang', lang === 'nl' ? 'en' : 'nl');
	langToggle.setAttribute('aria-label', `${t('lang.other')} – ${t('lang.switch')}`);
	setTitle(getState());
}

/** The page's title and its one h1 name the view. */
function setTitle(state) {
	const title = `LLO Monitor – ${t(`tab.${state.tab}`)}`;
	document.title = title;
	document.getElementById('page-title').textContent = title;
}

/**
 * A short notice under the header, for 6 s. region: the notice is about a choice of my region (the region
 * then chosen), and goes when another region is chosen.
 */
function showNotice(text, { region } = {}) {
	notice.textContent = text;
	notice.hidden = false;
	if (region) {
		notice.dataset.region = region;
	}
	else {
		delete notice.dataset.region;
	}
	window.clearTimeout(showNotice.timer);
	showNotice.timer = window.setTimeout(hideNotice, 6000);
}

function hideNotice() {
	window.clearTimeout(showNotice.timer);
	notice.hidden = true;
	delete notice.dataset.region;
}

function start() {
	setupTabs();
	applyLanguage();
	regionInput.addEventListener('change', chooseRegion);
	regionInput.addEventListener('keydown', (e) => {
		if (e.key === 'Enter') {
			e.preventDefault();
			chooseRegion();
		}
	});
	regionInput.addEventListener('focus', () => regionInput.select());
	regionInput.addEventListener('blur', () => {
		if (!regionInput.value.trim()) {
			fillRegionPicker(); // left empty: show my region again
		}
	});
	langToggle.addEventListener('click', () => update({ lang: getState().lang === 'nl' ? 'en' : 'nl' }));
	subscribe((state, previous) => {
		if (state.lang !== previous.lang) {
			applyLanguage();
			fillRegionPicker();
		}
		else if (state.region !== previous.region) {
			fillRegionPicker();
		}
		if (state.region !== previous.region && notice.dataset.region
			&& notice.dataset.region !== myRegion(state)) {
			hideNotice(); // said of a region no longer chosen (another one picked, on the map or Back)
		}
		setTitle(state);
		render();
	});
	render();
	fillRegionPicker();
	window.lloEvents = onDataChanged((version) => {
		clearCache();
		clearRegions();
		showNotice(t('notice.updated', { version: version ?? '?' }));
		fillRegionPicker();
		render();
	});
}

if (!TABS.includes(getState().tab)) {
	update({ tab: TABS[0] }, { replace: true });
}
start();
