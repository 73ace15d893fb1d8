// The registry of views: one entry per tab, in tab order. A new view is one entry here plus its module;
// the tabs, the URL state and the page title all read this list. Modules load on first use.

export const VIEWS = [
	{ id: 'kerncijfers', load: () => import('./kerncijfers.js') },
	{ id: 'llo', load: () => import('./llo.js') },
	{ id: 'vergelijk', load: () => import('./vergelijk.js') },
	{ id: 'trends', load: () => import('./trends.js') },
	{ id: 'kaart', load: () => import('./kaart.js') },
	// "Alle tabellen" (open-world import): any imported table
	{ id: 'tabellen', load: () => import('./tabellen.js') },
];

export const VIEW_IDS = VIEWS.map((v) => v.id);

export function viewOf(id) {
	return VIEWS.find((v) => v.id === id) || VIEWS[0];
}
