// A figure: title, chart (or map), data-table toggle, CSV download, embed link, text summary and
// source/status notes, with loading and error states. Every chart on the site is one of these.
import { clear, h, uid } from './dom.js';
import { barConfig, lineConfig } from './charts.js';
import { formatValue, reasonLabel, statusLabel, t } from './i18n.js';
import {
	breaks, hasMargins, hasProvisional, isEmpty, nonSource, toCsv, toTable,
} from './series-model.js';
import { periodLabel } from './i18n.js';
import { getState, linkTo } from './url-state.js';

function cellText(point, indicator) {
	if (!point || point.value == null) {
		return point?.reason ? reasonLabel(point.reason) : '–';
	}
	let text = formatValue(point.value, indicator);
	if (point.status && point.status !== 'definitief' && point.status !== 'niet_vermeld') {
		text += ` (${statusLabel(point.status)})`;
	}
	if (point.revised) {
		text += ` · ${t('mark.revised')}`;
	}
	return text;
}

function fileName(text) {
	return (text || 'llo-monitor').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'llo-monitor';
}

export class Figure {
	/**
	 * @param {object} options id (stable, used by ?chart= in embeds), title, subtitle, onRetry
	 */
	constructor({ id, title, subtitle, onRetry, tall = false }) {
		this.id = id;
		this.onRetry = onRetry;
		this.chart = null;
		this.csvUrl = null;
		const titleId = uid('fig-title');
		const tableId = uid('fig-table');
		this.titleEl = h('h3', { class: 'figure__title', id: titleId }, title || '');
		this.subtitleEl = h('p', { class: 'figure__subtitle' }, subtitle || '');
		this.tableButton = h('button', {
			type: 'button', class: 'tool', 'aria-expanded': 'false', 'aria-controls': tableId,
			onclick: () => this.toggleTable(),
		}, t('figure.table'));
		this.csvLink = h('a', {
			class: 'tool tool--csv', role: 'button', 'aria-disabled': 'true', title: t('figure.csvTitle'), href: '#',
			onclick: (e) => {
				if (!this.csvUrl) {
					e.preventDefault();
				}
			},
		}, t('figure.csv'));
		this.embedLink = h('a', { class: 'tool', href: linkTo({ embed: true, chart: id }), title: t('figure.embedTitle') },
			t('figure.embed'));
		this.body = h('div', { class: `figure__body${tall ? ' figure__body--tall' : ''}` });
		this.stateEl = h('div', { class: 'figure__state', role: 'status', 'aria-live': 'polite' });
		this.tableWrap = h('div', { class: 'figure__table', id: tableId, hidden: true });
		this.summaryEl = h('p', { class: 'figure__summary' });
		this.notesEl = h('ul', { class: 'figure__notes' });
		this.el = h('section', { class: 'figure', 'aria-labelledby': titleId, dataset: { figure: id } },
			h('div', { class: 'figure__head' },
				h('div', { class: 'figure__heading' }, this.titleEl, this.subtitleEl),
				h('div', { class: 'figure__tools' }, this.tableButton, this.csvLink, this.embedLink)),
			h('div', { class: 'figure__frame' }, this.body, this.stateEl),
			this.tableWrap, this.summaryEl, this.notesEl);
		if (getState().embed && getState().chart === id) {
			this.el.classList.add('is-embedded');
		}
		this.loading();
	}

	setTitle(title, subtitle) {
		this.titleEl.textContent = title;
		if (subtitle != null) {
			this.subtitleEl.textContent = subtitle;
		}
	}

	loading() {
		this.el.classList.add('is-loading');
		this.el.classList.remove('has-error');
		this.el.setAttribute('aria-busy', 'true');
		clear(this.stateEl).append(h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('state.loading'));
	}

	/** Show an API error: its problem+json title (and detail), never an empty chart. */
	error(err) {
		this.destroyChart();
		clear(this.body);
		this.el.classList.remove('is-loading');
		this.el.classList.add('has-error');
		this.el.removeAttribute('aria-busy');
		const title = err?.title || err?.message || t('state.error');
		const box = h('div', { class: 'error-box', role: 'alert' },
			h('p', { class: 'error-box__title' }, `${t('state.error')}: ${title}`),
			err?.detail ? h('p', { class: 'error-box__detail' }, err.detail) : null);
		if (this.onRetry) {
			box.append(h('button', { type: 'button', class: 'button', onclick: () => this.onRetry() }, t('state.retry')));
		}
		clear(this.stateEl).append(box);
		this.summaryEl.textContent = '';
		clear(this.notesEl);
		this.setCsv(null);
		if (err && !(err.name === 'ApiError')) {
			console.warn(err); // eslint-disable-line no-console
		}
	}

	done() {
		this.el.classList.remove('is-loading', 'has-error');
		this.el.removeAttribute('aria-busy');
		clear(this.stateEl);
	}

	empty() {
		this.destroyChart();
		clear(this.body);
		this.done();
		this.el.classList.add('is-empty');
		clear(this.stateEl).append(h('p', { class: 'empty' }, t('state.empty')));
		this.summaryEl.textContent = t('summary.none');
	}

	destroyChart() {
		if (this.chart) {
			this.chart.destroy();
			this.chart = null;
		}
	}

	canvas(label, height) {
		this.destroyChart();
		clear(this.body);
		const canvas = h('canvas', { role: 'img', 'aria-label': label });
		const wrap = h('div', { class: 'chart' }, canvas);
		if (height) {
			wrap.style.height = `${height}px`; // CSSOM, allowed by the CSP (no inline style attribute in markup)
		}
		this.body.append(wrap);
		return canvas;
	}

	/** Draw a line chart of the model. */
	line(model, { summary, trends, showTrend, notes = [] } = {}) {
		return this.draw(model, summary, notes, () => lineConfig(model, { trends, showTrend }));
	}

	/** Draw horizontal bars of the model (one point per series). */
	bar(model, { summary, highlight, notes = [] } = {}) {
		const height = Math.max(220, model.series.length * 30 + 60);
		return this.draw(model, summary, notes, () => barConfig(model, { highlight }), height);
	}

	draw(model, summary, notes, config, height) {
		if (isEmpty(model)) {
			this.model = model;
			this.renderTable(model);
			this.renderNotes(model, notes);
			this.empty();
			return;
		}
		this.el.classList.remove('is-empty');
		const canvas = this.canvas(t('figure.chartOf', { title: this.titleEl.textContent, summary }), height);
		this.chart = new window.Chart(canvas, config());
		this.finish(model, summary, notes);
	}

	/** For custom bodies (the map): the caller has filled this.body. */
	finish(model, summary, notes = []) {
		this.model = model;
		this.summaryEl.textContent = summary || '';
		this.renderTable(model);
		this.renderNotes(model, notes);
		this.setCsv(model);
		this.done();
	}

	setCsv(model) {
		if (this.csvUrl) {
			URL.revokeObjectURL(this.csvUrl);
			this.csvUrl = null;
		}
		if (!model) {
			this.csvLink.setAttribute('href', '#');
			this.csvLink.setAttribute('aria-disabled', 'true');
			this.csvLink.removeAttribute('download');
			return;
		}
		const blob = new Blob([toCsv(model)], { type: 'text/csv;charset=utf-8' });
		this.csvUrl = URL.createObjectURL(blob);
		this.csvLink.setAttribute('href', this.csvUrl);
		this.csvLink.setAttribute('download', `${fileName(this.titleEl.textContent)}.csv`);
		this.csvLink.removeAttribute('aria-disabled');
	}

	toggleTable(force) {
		const show = force ?? this.tableWrap.hidden;
		this.tableWrap.hidden = !show;
		this.tableButton.setAttribute('aria-expanded', String(show));
		this.tableButton.textContent = show ? t('figure.tableHide') : t('figure.table');
	}

	renderTable(model) {
		const table = toTable(model);
		const indicator = model.indicator;
		const caption = h('caption', {}, this.titleEl.textContent);
		let head;
		let rows;
		if (table.orientation === 'series') {
			head = h('tr', {}, table.columns.map((c, i) => h('th', { scope: 'col', class: i ? 'num' : null }, c)));
			rows = table.rows.map((r) => h('tr', {},
				h('th', { scope: 'row' }, r.header),
				h('td', { class: 'num' }, r.point?.value != null ? formatValue(r.point.value, indicator)
					: (r.point?.reason ? reasonLabel(r.point.reason) : '–')),
				h('td', { class: 'num' }, r.point?.low != null && r.point?.high != null
					? `${formatValue(r.point.low, indicator)} – ${formatValue(r.point.high, indicator)}` : '–'),
				h('td', { class: 'num' }, r.point ? [statusLabel(r.point.status), r.point.revised ? t('mark.revised') : null]
					.filter(Boolean).join(' · ') : '')));
		}
		else {
			head = h('tr', {}, table.columns.map((c, i) => h('th', { scope: 'col', class: i ? 'num' : null }, c)));
			rows = table.rows.map((r) => h('tr', {},
				h('th', { scope: 'row' }, r.header),
				r.cells.map((p) => h('td', { class: 'num' }, cellText(p, indicator)))));
		}
		clear(this.tableWrap).append(h('div', { class: 'table-scroll', tabindex: '0', role: 'region',
			'aria-label': this.titleEl.textContent },
		h('table', { class: 'data-table' }, caption, h('thead', {}, head), h('tbody', {}, rows))));
	}

	renderNotes(model, extra) {
		clear(this.notesEl);
		if (model.indicator?.definition) {
			this.notesEl.append(h('li', { class: 'note note--definition' },
				`${t('figure.definition')}: ${model.indicator.definition}`));
		}
		const sources = model.sources.map((s) => {
			const text = [s.publisher, s.table].filter(Boolean).join(' ') + (s.licence ? ` (${s.licence})` : '');
			return s.url ? h('a', { href: s.url, rel: 'noopener' }, text) : text;
		});
		if (sources.length) {
			this.notesEl.append(h('li', { class: 'note note--source' }, `${t('figure.source')}: `,
				sources.flatMap((s, i) => (i ? ['; ', s] : [s]))));
		}
		// a source imported from a probably cut-off download says so, with the reason
		for (const s of model.sources.filter((source) => source.incomplete)) {
			this.notesEl.append(h('li', { class: 'note note--incomplete' },
				t('notes.incomplete', { table: s.table, why: s.incomplete })));
		}
		const derived = nonSource(model);
		if (derived.some((s) => s.origin === 'derived')) {
			const what = model.indicator.numerator && model.indicator.denominator
				? `${model.indicator.numerator.name || model.indicator.numerator} / ${model.indicator.denominator.name
					|| model.indicator.denominator}`
				: t('origin.derived');
			this.notesEl.append(h('li', { class: 'note note--derived' }, t('notes.derived', { what })));
		}
		if (derived.some((s) => s.origin === 'adjusted')) {
			this.notesEl.append(h('li', { class: 'note note--derived' }, t('notes.adjusted')));
		}
		if (hasProvisional(model)) {
			this.notesEl.append(h('li', { class: 'note note--provisional' }, t('notes.provisional')));
		}
		const b = breaks(model);
		if (b.length) {
			this.notesEl.append(h('li', { class: 'note note--break' },
				t('notes.break', { periods: b.map((p) => periodLabel(p)).join(', ') })));
		}
		if (hasMargins(model)) {
			this.notesEl.append(h('li', { class: 'note' }, t('notes.margins')));
		}
		for (const note of extra) {
			if (note) {
				this.notesEl.append(h('li', { class: 'note' }, note));
			}
		}
	}

	destroy() {
		this.destroyChart();
		if (this.csvUrl) {
			URL.revokeObjectURL(this.csvUrl);
		}
	}
}
