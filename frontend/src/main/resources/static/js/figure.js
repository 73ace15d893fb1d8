// A figure: title, chart (or map), data-table toggle, CSV download, embed link, text summary and
// source/status notes, with loading and error states. Every chart on the site is one of these.
import { api } from './api.js';
import { clear, h, uid } from './dom.js';
import { barConfig, lineConfig } from './charts.js';
import { formatValue, marginText, reasonLabel, statusLabel, t } from './i18n.js';
import {
	breaks, csvDialect, hasForecast, hasMargins, hasProvisional, isEmpty, nonSource, toCsv, toTable,
} from './series-model.js';
import { getLang, periodLabel } from './i18n.js';
import { getState, linkTo } from './url-state.js';

/** A value of the data table: the number with its unit, or '–' where it is missing (its status cell says why). */
function valueText(point, indicator) {
	return point?.value != null ? formatValue(point.value, indicator) : '–';
}

/**
 * The status of a value of the data table, as the API gives it: for a missing value why it is missing
 * (reason), else its status; a forecast says "prognose" (with its status only when that is not final),
 * and a value the source revised says so.
 */
export function statusText(point) {
	if (!point) {
		return t('figure.noValue');
	}
	// a missing value's footnote says more of why ("zie voetnoot"): it is given beside the reason
	// a forecast is first of all a forecast: "definitief" beside it would read as a final figure, so its
	// status is added only where the source calls the forecast itself provisional
	const forecast = point.value != null && point.kind === 'forecast';
	const parts = point.value == null
		? [point.reason ? reasonLabel(point.reason) : (point.why || t('figure.noValue')), point.footnote]
		: forecast ? [t('kind.forecast'), point.status !== 'definitief' ? statusLabel(point.status) : null]
			: [statusLabel(point.status)];
	if (point.revised) {
		parts.push(t('mark.revised'));
	}
	return parts.filter(Boolean).join(' · ');
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
		const embedId = uid('fig-embed');
		this.pngButton = h('button', { type: 'button', class: 'tool', title: t('figure.pngTitle'), disabled: true,
			dataset: { download: 'png' }, onclick: () => this.download('png') }, t('figure.png'));
		this.svgButton = h('button', { type: 'button', class: 'tool', title: t('figure.svgTitle'), disabled: true,
			dataset: { download: 'svg' }, onclick: () => this.download('svg') }, t('figure.svg'));
		this.embedButton = h('button', {
			type: 'button', class: 'tool', 'aria-expanded': 'false', 'aria-controls': embedId, title: t('figure.embedTitle'),
			onclick: () => this.toggleEmbed(),
		}, t('figure.embed'));
		this.embedPanel = h('div', { class: 'figure__embed', id: embedId, hidden: true });
		this.body = h('div', { class: `figure__body${tall ? ' figure__body--tall' : ''}` });
		this.stateEl = h('div', { class: 'figure__state', role: 'status', 'aria-live': 'polite' });
		this.tableWrap = h('div', { class: 'figure__table', id: tableId, hidden: true });
		this.summaryEl = h('p', { class: 'figure__summary' });
		this.notesEl = h('ul', { class: 'figure__notes' });
		this.el = h('section', { class: 'figure', 'aria-labelledby': titleId, dataset: { figure: id } },
			h('div', { class: 'figure__head' },
				h('div', { class: 'figure__heading' }, this.titleEl, this.subtitleEl),
				h('div', { class: 'figure__tools' }, this.tableButton, this.csvLink, this.pngButton, this.svgButton,
					this.embedButton)),
			this.embedPanel,
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
		// a 4xx (an unknown code, a bad parameter) fails the same way again: no retry for it
		const clientError = err?.status >= 400 && err?.status < 500;
		if (this.onRetry && !clientError) {
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

	/** Nothing to draw, and why (default: no figures for this choice); a state, not an error. */
	empty(message = t('state.empty')) {
		this.destroyChart();
		clear(this.body);
		this.done();
		this.el.classList.add('is-empty');
		clear(this.stateEl).append(h('p', { class: 'empty' }, message));
		// the state says it once; the summary under the chart does not repeat it
		this.summaryEl.textContent = '';
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
		this.shape = 'line';
		return this.draw(model, summary, notes, () => lineConfig(model, { trends, showTrend }));
	}

	/** Draw horizontal bars of the model (one point per series). */
	bar(model, { summary, highlight, reference, notes = [] } = {}) {
		this.shape = 'bar';
		const height = Math.max(220, model.series.length * 30 + 60);
		return this.draw(model, summary, notes, () => barConfig(model, { highlight, reference }), height);
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

	/**
	 * For custom bodies (the map): the caller has filled this.body, and sets this.shape ('map') so the notes
	 * explain its marks.
	 */
	finish(model, summary, notes = []) {
		this.model = model;
		this.summaryEl.textContent = summary || '';
		this.renderTable(model);
		this.renderNotes(model, notes);
		this.setCsv(model);
		this.done();
	}

	setCsv(model) {
		this.pngButton.disabled = !model;
		this.svgButton.disabled = !model;
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
		// a byte order mark, so that spreadsheets read UTF-8; Dutch ones get ';' and a decimal comma
		const blob = new Blob(['\ufeff', toCsv(model, csvDialect(getLang()))], { type: 'text/csv;charset=utf-8' });
		this.csvUrl = URL.createObjectURL(blob);
		this.csvLink.setAttribute('href', this.csvUrl);
		this.csvLink.setAttribute('download', `${fileName(this.titleEl.textContent)}.csv`);
		this.csvLink.removeAttribute('aria-disabled');
	}

	/** The embed panel: iframe code and the link, each with a copy button. */
	toggleEmbed(force) {
		const show = force ?? this.embedPanel.hidden;
		if (show) {
			const url = linkTo({ embed: true, chart: this.id });
			const title = this.titleEl.textContent;
			const code = `<iframe src="${url.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" title="${title.replace(/&/g, '&amp;')
				.replace(/"/g, '&quot;')}" width="100%" height="520" style="border:0" loading="lazy"></iframe>`;
			const codeId = uid('embed-code');
			const linkId = uid('embed-link');
			const codeField = h('textarea', { id: codeId, class: 'input embed__code', rows: 3, readonly: true }, code);
			const linkField = h('input', { id: linkId, class: 'input embed__link', type: 'text', readonly: true, value: url });
			const status = h('p', { class: 'embed__status', role: 'status', 'aria-live': 'polite' });
			const copy = (field, text) => async () => {
				try {
					await navigator.clipboard.writeText(text);
				}
				catch {
					field.select();
					document.execCommand?.('copy');
				}
				status.textContent = t('figure.copied');
			};
			clear(this.embedPanel).append(
				h('label', { for: codeId, class: 'field__label' }, t('figure.embedCode')), codeField,
				h('div', { class: 'embed__actions' },
					h('button', { type: 'button', class: 'button', dataset: { copy: 'code' }, onclick: copy(codeField, code) },
						t('figure.copyCode')),
					h('button', { type: 'button', class: 'button', dataset: { copy: 'link' }, onclick: copy(linkField, url) },
						t('figure.share'))),
				h('label', { for: linkId, class: 'field__label' }, t('figure.embedLink')), linkField, status);
		}
		this.embedPanel.hidden = !show;
		this.embedButton.setAttribute('aria-expanded', String(show));
	}

	/** The drawing as an SVG document: the map's own SVG, or the chart's pixels inside an SVG. */
	async svgText() {
		const map = this.body.querySelector('svg.map');
		const title = this.titleEl.textContent;
		if (map) {
			const copy = map.cloneNode(true);
			copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
			copy.querySelectorAll('[tabindex],[role],[aria-label],[aria-pressed]').forEach((el) => {
				['tabindex', 'role', 'aria-label', 'aria-pressed'].forEach((a) => el.removeAttribute(a));
			});
			copy.setAttribute('stroke', '#ffffff');
			return new XMLSerializer().serializeToString(copy);
		}
		const canvas = this.body.querySelector('canvas');
		if (!canvas) {
			return null;
		}
		const png = this.pngCanvas(canvas).toDataURL('image/png');
		const w = canvas.width;
		const hgt = canvas.height;
		const esc = (x) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;');
		return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}" height="${hgt}" `
			+ `viewBox="0 0 ${w} ${hgt}"><title>${esc(title)}</title><image width="${w}" height="${hgt}" href="${png}"/></svg>`;
	}

	/** The chart on a white background (a transparent PNG is unreadable on dark backgrounds). */
	pngCanvas(source) {
		const out = document.createElement('canvas');
		out.width = source.width;
		out.height = source.height;
		const g = out.getContext('2d');
		g.fillStyle = '#ffffff';
		g.fillRect(0, 0, out.width, out.height);
		g.drawImage(source, 0, 0);
		return out;
	}

	async download(kind) {
		const name = fileName(this.titleEl.textContent);
		let blob = null;
		if (kind === 'svg') {
			const text = await this.svgText();
			blob = text ? new Blob([text], { type: 'image/svg+xml' }) : null;
		}
		else {
			let canvas = this.body.querySelector('canvas');
			if (!canvas) {
				const text = await this.svgText();
				if (!text) {
					return;
				}
				const image = new Image();
				const box = this.body.querySelector('svg.map').viewBox.baseVal;
				image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
				await image.decode();
				canvas = document.createElement('canvas');
				canvas.width = box.width * 2;
				canvas.height = box.height * 2;
				canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
			}
			blob = await new Promise((resolve) => this.pngCanvas(canvas).toBlob(resolve, 'image/png'));
		}
		if (!blob) {
			return;
		}
		const url = URL.createObjectURL(blob);
		const a = h('a', { href: url, download: `${name}.${kind}`, hidden: true });
		document.body.append(a);
		a.click();
		a.remove();
		window.setTimeout(() => URL.revokeObjectURL(url), 10000);
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
				h('td', { class: 'num' }, marginText(r.point, indicator) || '–'),
				h('td', { class: 'status', dataset: { status: r.point?.status || '' } }, statusText(r.point))));
		}
		else {
			// every series a value and a status column: a value is never shown without its status, a missing one
			// never without why
			const [periodColumn, ...seriesColumns] = table.columns;
			head = [
				h('tr', {}, h('th', { scope: 'col', rowspan: '2' }, periodColumn),
					seriesColumns.map((c) => h('th', { scope: 'colgroup', colspan: '2', class: 'num' }, c))),
				h('tr', {}, seriesColumns.flatMap(() => [h('th', { scope: 'col', class: 'num' }, t('figure.value')),
					h('th', { scope: 'col' }, t('figure.status'))])),
			];
			rows = table.rows.map((r) => h('tr', {},
				h('th', { scope: 'row' }, r.header),
				r.cells.flatMap((p) => [h('td', { class: 'num' }, valueText(p, indicator)),
					h('td', { class: 'status', dataset: { status: p?.status || '' } }, statusText(p))])));
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
			// a licence that has brackets of its own follows a comma, not nested brackets
			const licence = !s.licence ? '' : s.licence.includes('(') ? `, ${s.licence}` : ` (${s.licence})`;
			const text = [s.publisher, s.table].filter(Boolean).join(' ') + licence;
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
			const { numerator, denominator } = model.indicator;
			// "observations, not a forecast" only where no computed point rests on a forecast
			const key = derived.some((s) => s.origin === 'derived' && s.points.some((p) => p.kind === 'forecast'))
				? 'notes.derivedOf' : 'notes.derived';
			const note = h('li', { class: 'note note--derived' }, t(key, { what: t('origin.derived') }));
			this.notesEl.append(note);
			if (numerator && denominator) {
				// the terms by their names in the page's language, never their codes
				api.indicators().then((list) => {
					const name = (term) => term.name || list.find((i) => i.code === term)?.name;
					const [a, b] = [name(numerator), name(denominator)];
					if (a && b) {
						note.textContent = t(key, { what: `${a} / ${b}` });
					}
				}).catch(() => {});
			}
		}
		if (derived.some((s) => s.origin === 'adjusted')) {
			this.notesEl.append(h('li', { class: 'note note--derived' }, t('notes.adjusted')));
		}
		// what each mark means (charts.js): open points on a solid line, a dashed line, diamonds
		if (hasProvisional(model)) {
			this.notesEl.append(h('li', { class: 'note note--provisional' },
				t({ bar: 'notes.provisionalBars', map: 'notes.provisionalMap' }[this.shape] || 'notes.provisional')));
		}
		if (hasForecast(model)) {
			this.notesEl.append(h('li', { class: 'note note--forecast' }, t('notes.forecast')));
		}
		const b = breaks(model);
		if (b.length) {
			this.notesEl.append(h('li', { class: 'note note--break' },
				t('notes.break', { periods: b.map((p) => periodLabel(p)).join(', ') })));
		}
		if (hasMargins(model)) {
			// whiskers are drawn on bars only: a line gives its margins in its tooltips, a map in its table
			const margins = { bar: 'notes.margins', line: 'notes.marginsLine' }[this.shape] || 'notes.marginsTable';
			this.notesEl.append(h('li', { class: 'note' }, t(margins)));
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
