// LLO Monitor dashboard: tabs (from the registry of views), URL state, my region, language, live refresh.
import { clearCache, onDataChanged } from './api.js';
import { clear, h } from './dom.js';
import { Figure } from './figure.js';
import { setLang, t, translateStatic } from './i18n.js';
import { allRegions, clearRegions, levelOfCode, regionLabel } from './regions.js';
import { getState, LEVELS, myRegion, subscribe, TABS, update } from './url-state.js';
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

/** Shared context handed to every view. */
function context(gen) {
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
	};
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
	const pending = view.render(panel, context(gen));
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
		const { byCode, list } = await allRegions();
		const current = byCode.get(myRegion(getState()));
		clear(regionOptions).append(...list.map((r) => h('option', { value: regionLabel(r) })));
		regionInput.value = current ? regionLabel(current) : myRegion(getState());
	}
	catch {
		// the views show the API error; the picker keeps its text
	}
}

async function chooseRegion() {
	const text = regionInput.value.trim();
	if (!text) {
		return; // still typing (a cleared field); the choice stays as it was
	}
	const { byCode, list } = await allRegions();
	const lower = text.toLowerCase();
	const exact = list.find((r) => regionLabel(r).toLowerCase() === lower) || byCode.get(text.toUpperCase());
	// several regions of one name (Groningen the province, the arbeidsmarktregio and the gemeente):
	// the highest level is chosen and the notice names the others
	const named = exact ? [] : list.filter((r) => r.name.toLowerCase() === lower)
		.sort((a, b) => LEVELS.indexOf(levelOfCode(a.code)) - LEVELS.indexOf(levelOfCode(b.code)));
	const found = exact || named[0];
	if (!found) {
		showNotice(t('picker.notFound', { text }));
		return;
	}
	if (named.length > 1) {
		showNotice(t('picker.several', { text, chosen: regionLabel(found),
			others: named.slice(1).map((r) => regionLabel(r)).join(', ') }));
	}
	regionInput.value = regionLabel(found);
	if (found.code !== myRegion(getState())) {
		update({ region: found.code });
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

function showNotice(text) {
	notice.textContent = text;
	notice.hidden = false;
	window.clearTimeout(showNotice.timer);
	showNotice.timer = window.setTimeout(() => {
		notice.hidden = true;
	}, 6000);
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
