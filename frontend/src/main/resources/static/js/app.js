// LLO Monitor dashboard: tabs, URL state, region picker, language switch, live refresh.
import { api, clearCache, onDataChanged } from './api.js';
import { clear, h } from './dom.js';
import { Figure } from './figure.js';
import { setLang, t, translateStatic } from './i18n.js';
import { getState, subscribe, TABS, update } from './url-state.js';
import * as kerncijfers from './views/kerncijfers.js';
import * as llo from './views/llo.js';
import * as vergelijk from './views/vergelijk.js';
import * as trends from './views/trends.js';
import * as kaart from './views/kaart.js';
import * as tabellen from './views/tabellen.js';

const VIEWS = { kerncijfers, llo, vergelijk, trends, kaart };
// "Alle tabellen" (open-world import): any imported table, registered on its own
VIEWS.tabellen = tabellen;
export const DEFAULT_REGION = 'PV26';

const panel = document.getElementById('panel');
const regionSelect = document.getElementById('region-select');
const langToggle = document.getElementById('lang-toggle');
const notice = document.getElementById('notice');

let figures = [];
let generation = 0;

/** The regions of one level, for pickers (cached by the API module). */
export function regionsOf(level) {
	return api.regions(level);
}

/** Shared context handed to every view. */
function context(gen) {
	return {
		state: getState(),
		update,
		alive: () => gen === generation,
		primaryRegion: () => getState().regions[0] || DEFAULT_REGION,
		figure(options) {
			const figure = new Figure(options);
			figures.push(figure);
			return figure;
		},
		regionsOf,
	};
}

function focusKey() {
	const el = document.activeElement;
	return el && panel.contains(el) ? el.dataset.focus || null : null;
}

async function render() {
	generation += 1;
	const gen = generation;
	const state = getState();
	const key = focusKey();
	figures.forEach((f) => f.destroy());
	figures = [];
	document.body.classList.toggle('embed', state.embed);
	for (const tab of document.querySelectorAll('[role="tab"]')) {
		const selected = tab.dataset.tab === state.tab;
		tab.setAttribute('aria-selected', String(selected));
		tab.tabIndex = selected ? 0 : -1;
	}
	panel.setAttribute('aria-labelledby', `tab-${state.tab}`);
	clear(panel);
	const view = VIEWS[state.tab];
	const pending = view.render(panel, context(gen));
	if (key) {
		panel.querySelector(`[data-focus="${CSS.escape(key)}"]`)?.focus();
	}
	try {
		await pending;
	}
	catch (err) {
		if (gen === generation) {
			clear(panel).append(h('div', { class: 'error-box', role: 'alert' },
				h('p', { class: 'error-box__title' }, `${t('state.error')}: ${err.title || err.message}`),
				err.detail ? h('p', {}, err.detail) : null));
		}
	}
	if (gen === generation && key && !panel.contains(document.activeElement)) {
		panel.querySelector(`[data-focus="${CSS.escape(key)}"]`)?.focus();
	}
	if (gen === generation && state.embed) {
		const chosen = panel.querySelector('.figure.is-embedded') || panel.querySelector('.figure');
		chosen?.classList.add('is-embedded');
	}
}

async function fillRegionPicker() {
	const state = getState();
	const current = state.regions[0] || DEFAULT_REGION;
	const levels = ['land', 'provincie', 'arbeidsmarktregio'];
	try {
		const lists = await Promise.all(levels.map((l) => api.regions(l)));
		clear(regionSelect);
		lists.forEach((regions, i) => {
			const group = h('optgroup', { label: t(`level.${levels[i]}`) });
			for (const r of regions) {
				group.append(h('option', { value: r.code, selected: r.code === current }, r.name));
			}
			regionSelect.append(group);
		});
		regionSelect.value = current;
	}
	catch {
		// the views show the API error; the picker keeps its default option
	}
}

function setupTabs() {
	const tabs = [...document.querySelectorAll('[role="tab"]')];
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
	langToggle.setAttribute('aria-label', t('lang.switch'));
	document.title = `LLO Monitor – ${t(`tab.${getState().tab}`)}`;
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
	applyLanguage();
	setupTabs();
	regionSelect.addEventListener('change', () => {
		const code = regionSelect.value;
		update({ regions: [code, ...getState().regions.filter((r) => r !== code)] });
	});
	langToggle.addEventListener('click', () => update({ lang: getState().lang === 'nl' ? 'en' : 'nl' }));
	subscribe((state, previous) => {
		if (state.lang !== previous.lang) {
			applyLanguage();
			fillRegionPicker();
		}
		else if (state.regions[0] !== previous.regions[0]) {
			regionSelect.value = state.regions[0] || DEFAULT_REGION;
		}
		document.title = `LLO Monitor – ${t(`tab.${state.tab}`)}`;
		render();
	});
	render();
	fillRegionPicker();
	window.lloEvents = onDataChanged((version) => {
		clearCache();
		showNotice(t('notice.updated', { version: version ?? '?' }));
		fillRegionPicker();
		render();
	});
}

if (!TABS.includes(getState().tab)) {
	update({ tab: 'kerncijfers' }, { replace: true });
}
start();
