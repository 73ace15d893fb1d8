// Kerncijfers: tiles with the latest figure of each key indicator for one region, plus two charts.
import { api } from '../api.js';
import { h, svg, uid } from '../dom.js';
import {
	formatDifference, formatNumber, formatValue, inSentence, periodLabel, periodType, reasonLabel, statusLabel, t,
} from '../i18n.js';
import { fromSeries } from '../series-model.js';
import { lineSummary } from '../summary.js';
import { renderGrijzeDruk } from './grijze-druk.js';
import { levelOfCode, nearestWith, regionLabel } from '../regions.js';
import { finestType, markBreaks } from './common.js';

const ARROWS = { up: 'M8 3l5 6h-3v4H6V9H3z', down: 'M8 13l5-6h-3V3H6v4H3z', flat: 'M3 6h6V3l5 5-5 5v-3H3z' };

function arrow(direction) {
	return svg('svg', { class: 'tile__arrow', viewBox: '0 0 16 16', 'aria-hidden': 'true', focusable: 'false' },
		svg('path', { d: ARROWS[direction] || ARROWS.flat, fill: 'currentColor' }));
}

/**
 * Whether a group's share of a total, both counts published rounded to `decimals`, is known to within half a
 * percentage point: the rounding (half a unit of the last decimal) of part and total moves the share by at
 * most share × (u / part + u / total). 2 of 4 thousand is 50 % give or take 19 points; 420 of 790 thousand,
 * 53 % give or take 0.1.
 */
export function preciseShare(part, total, decimals) {
	if (!(part > 0) || !(total > 0) || part > total) {
		return false;
	}
	const u = roundingOf(decimals);
	return 100 * (part / total) * (u / part + u / total) < 0.5;
}

/** How far a figure published with `decimals` decimals may lie from its true value: half its last unit. */
function roundingOf(decimals) {
	return 0.5 * 10 ** -(decimals ?? 0);
}

/**
 * For a count: a note when its groups leave part of the total out (a source or download without every group),
 * beyond what the rounding of the published counts explains; else null. A count published as n lies in
 * [n − u, n + u) (u: half its last unit), so n groups and the total can add up only where the gap between
 * them is smaller than (n + 1) × u: 2 thousand men of 3 thousand (a gap of exactly 1 = 2 × 0,5) cannot.
 */
function partialGroups(shares, total, decimals) {
	const valued = shares.filter((s) => s.value != null);
	const u = roundingOf(decimals);
	const sum = valued.reduce((a, s) => a + s.value, 0);
	// a little slack for the floating point of the sum (0,1 + 0,2), never a whole rounding unit
	if (!(total > 0) || total - sum < (valued.length + 1) * u - u * 1e-6) {
		return null;
	}
	return h('p', { class: 'tile__shares-note' }, t('kc.share.partial'));
}

function shareName(share, indicator) {
	const [dimension, member] = Object.entries(share.breakdown || {})[0] || [];
	const members = indicator.breakdowns?.[dimension] || [];
	return members.find((m) => m.code === member)?.name || share.name || member || '';
}

function infoPopup(figure, name) {
	const id = uid('tile-info');
	const button = h('button', {
		type: 'button', class: 'tile__info', 'aria-expanded': 'false', 'aria-controls': id,
		'aria-label': t('kc.info', { name }), title: t('kc.info', { name }),
	}, svg('svg', { viewBox: '0 0 16 16', 'aria-hidden': 'true', focusable: 'false' },
		svg('circle', { cx: 8, cy: 8, r: 7, fill: 'none', stroke: 'currentColor', 'stroke-width': 1.5 }),
		svg('path', { d: 'M7.2 7h1.6v5H7.2zM7.2 4h1.6v1.6H7.2z', fill: 'currentColor' })));
	const close = h('button', { type: 'button', class: 'tile__popup-close', 'aria-label': t('kc.close') }, '×');
	const popup = h('div', { class: 'tile__popup', id, role: 'region', 'aria-label': t('kc.info', { name }), hidden: true },
		h('p', { class: 'tile__popup-title' }, name),
		figure.explanation ? h('p', { class: 'tile__popup-explanation' }, figure.explanation) : null,
		h('p', { class: 'tile__popup-label' }, t('kc.definition')),
		h('p', { class: 'tile__popup-definition' }, figure.definition || figure.indicator?.definition || '–'),
		close);
	const set = (open) => {
		popup.hidden = !open;
		button.setAttribute('aria-expanded', String(open));
	};
	button.addEventListener('click', () => set(popup.hidden));
	close.addEventListener('click', () => {
		set(false);
		button.focus();
	});
	popup.addEventListener('keydown', (e) => {
		if (e.key === 'Escape') {
			set(false);
			button.focus();
		}
	});
	button.addEventListener('keydown', (e) => {
		if (e.key === 'Escape') {
			set(false);
		}
	});
	return { button, popup };
}

/** significant, stable, break or not-testable: whether the change on a year earlier is real (see the API). */
function verdictOf(figure) {
	return figure.significance?.verdict || 'not-testable';
}

/** A small line of the figure's recent history; a series break splits the line. */
function sparkline(figure, name) {
	const points = (figure.history || []).filter((p) => p.value != null);
	if (points.length < 2) {
		return null;
	}
	const W = 120;
	const H = 28;
	const values = points.map((p) => p.value);
	const min = Math.min(...values);
	const max = Math.max(...values);
	const span = max - min || 1;
	const x = (i) => ((i / (points.length - 1)) * (W - 4) + 2).toFixed(1);
	const y = (v) => (H - 3 - ((v - min) / span) * (H - 6)).toFixed(1);
	let d = '';
	points.forEach((p, i) => {
		d += `${i === 0 || (p.flags || '').includes('b') ? 'M' : 'L'}${x(i)},${y(p.value)}`;
	});
	const last = points.length - 1;
	const label = t('kc.sparkline', { name, from: periodLabel(points[0].period), to: periodLabel(points[last].period) });
	return svg('svg', { class: 'tile__spark', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': label },
		svg('title', {}, label),
		svg('path', { d, fill: 'none', stroke: 'currentColor', 'stroke-width': 1.5, 'stroke-linejoin': 'round' }),
		svg('circle', { cx: x(last), cy: y(points[last].value), r: 2.5, fill: 'currentColor' }));
}

/** Nederland in the tile's own period (and period type), the reference on every tile. */
async function reference(figure, national) {
	const period = figure.period?.code;
	if (!period || figure.value == null) {
		return null;
	}
	const code = figure.indicator?.code;
	const hit = national?.history?.find((p) => p.period === period);
	if (hit) {
		return hit.value;
	}
	if (national?.period?.code === period) {
		return national.value;
	}
	const response = await api.series({ indicator: code, regions: ['NL01'], periodType: periodType(period), from: period, to: period });
	const value = response.series?.[0]?.points?.find((p) => p.period === period)?.value;
	return Number.isFinite(value) ? value : null;
}

function tile(figure) {
	const indicator = figure.indicator || {};
	const name = indicator.name || indicator.code;
	const { button, popup } = infoPopup(figure, name);
	const hasValue = figure.value != null;
	const honest = verdictOf(figure) === 'significant' && figure.direction !== 'flat';
	const assessment = hasValue ? (honest ? (figure.assessment || 'neutral') : 'neutral') : 'none';
	const article = h('article', { class: `tile tile--${assessment}`, dataset: { indicator: indicator.code || '' } },
		h('div', { class: 'tile__head' }, h('h3', { class: 'tile__name' }, name), button));
	if (!hasValue) {
		article.append(h('p', { class: 'tile__value tile__value--none' }, t('kc.noData')),
			h('p', { class: 'tile__explanation' }, figure.explanation || ''));
		article.append(popup);
		return article;
	}
	// number and unit ("35,9 duizend") wrap between them, never inside a word, in a narrow tile
	const [number, ...unit] = formatValue(figure.value, indicator).split('\u00a0');
	const words = unit.length && /[a-z]/i.test(unit.join('')) ? [h('span', {}, number), ' ', h('span', {}, unit.join('\u00a0'))]
		: [h('span', {}, [number, ...unit].join('\u00a0'))];
	article.append(h('p', { class: 'tile__value' }, ...words));
	if (figure.category) {
		article.append(h('p', { class: `tile__category tile__category--${figure.category.code}` }, figure.category.label));
	}
	if (figure.incomplete) {
		// the figure comes from a download that was probably cut off: said on the tile itself
		article.append(h('p', { class: 'tile__incomplete' }, t('kc.incomplete', { why: figure.incomplete })));
	}
	if (figure.change != null && figure.previous) {
		let d = formatDifference(figure.change, indicator);
		if (figure.change !== 0 && /^0([.,]0*)?$/.test(d.text)) {
			// a real change that rounds to nothing at the indicator's precision: show one decimal more
			d = formatDifference(figure.change, { ...indicator, decimals: (indicator.decimals ?? 1) + 1 });
		}
		const sign = figure.change > 0 ? '+' : figure.change < 0 ? '−' : '';
		const since = figure.previous.period?.label || '';
		// no change at all reads as "evenveel als …", not as "0 duizend t.o.v. …"
		const changeText = figure.change === 0 ? t('kc.same', { period: since })
			: `${sign}${d.text}${d.unit ? ` ${d.unit}` : ''} ${t('kc.since', { period: since })}`;
		const verdict = verdictOf(figure);
		const significant = verdict === 'significant' && figure.direction !== 'flat';
		article.dataset.verdict = verdict;
		const verdictText = significant ? t('kc.sig.significant', { dir: t(`kc.sigDir.${figure.direction}`) })
			: t(`kc.sig.${verdict}`);
		article.append(h('p', { class: 'tile__change' },
			significant ? arrow(figure.direction) : null,
			h('span', {}, changeText),
			h('span', { class: 'tile__verdict' }, verdictText),
			significant && figure.assessment !== 'neutral'
				? h('span', { class: 'tile__assessment' }, t(`kc.${figure.assessment}`)) : null));
		const method = figure.significance?.method;
		if (method) {
			article.append(h('p', { class: 'tile__method' }, t(`kc.method.${method}`)));
		}
	}
	const spark = sparkline(figure, name);
	if (spark) {
		article.append(spark);
	}
	article.append(h('p', { class: 'tile__reference', dataset: { reference: indicator.code || '' } }, '\u00a0'));
	// every group, also one without a figure (with the source's reason): a tile that showed only
	// "Mannen" read as if the figure were all men
	const shares = figure.shares || [];
	// a split without any figure says nothing: left out (the tile's own value stands)
	if (shares.some((s) => s.value != null)) {
		// a rate (percent) is shown per group; a count as the group's share of the total, where the rounding
		// of the published counts cannot move that share by half a point, else as the count itself
		const rate = indicator.unit === 'percent';
		const dimension = Object.keys(shares[0].breakdown || {})[0];
		article.append(h('div', { class: 'tile__shares' },
			h('p', { class: 'tile__shares-title' }, t(`kc.by.${dimension}`) !== `kc.by.${dimension}` ? t(`kc.by.${dimension}`)
				: t('kc.shares')),
			h('ul', {}, shares.map((s) => {
				const name = h('span', { class: 'share__name' }, s.label || shareName(s, indicator));
				const meter = h('span', { class: 'share__bar' }, h('span', { class: 'share__fill' }));
				if (s.value == null) {
					return h('li', { class: 'share share--none' }, name, meter, h('span', { class: 'share__value' },
						s.missingReason ? t('kc.share.noneWhy', { reason: reasonLabel(s.missingReason) })
							: t('kc.share.none')));
				}
				const pct = rate ? s.value : (s.value / (figure.value || 1)) * 100;
				const shown = rate || preciseShare(s.value, figure.value, indicator.decimals);
				// the bar only where its length means what it seems to: a rate, or a share the rounding allows
				if (shown) {
					meter.firstChild.style.width = `${Math.max(0, Math.min(100, pct))}%`; // CSSOM, CSP-safe
				}
				const text = rate ? formatValue(s.value, indicator)
					: shown ? `${formatNumber(pct, 0)}\u00a0%` : formatValue(s.value, indicator);
				return h('li', { class: 'share' }, name, meter, h('span', { class: 'share__value' }, text));
			})),
			rate ? null : partialGroups(shares, figure.value, indicator.decimals)));
	}
	const meta = [figure.period?.label, figure.sourceTable ? `${t('figure.source')}: ${figure.sourceTable}` : null];
	if (figure.status && figure.status !== 'definitief') {
		meta.push(statusLabel(figure.status));
	}
	if (figure.revised) {
		meta.push(t('mark.revised'));
	}
	article.append(h('p', { class: 'tile__meta' }, meta.filter(Boolean).join(' · '),
		figure.origin && figure.origin !== 'source'
			? h('span', { class: 'badge badge--derived', title: t('notes.derived', { what: t('origin.derived') }) },
				`◆ ${t('kc.derivedBadge')}`) : null));
	article.append(popup);
	return article;
}

function skeleton(n) {
	return Array.from({ length: n }, () => h('div', { class: 'tile tile--skeleton', 'aria-hidden': 'true' }));
}

/** The first period code of a type in a year. */
function startOf(type, year) {
	return type === 'year' ? `${year}JJ00` : type === 'month' ? `${year}MM01` : `${year}KW01`;
}

async function chart(ctx, figure, code, regionCode, titleKey) {
	try {
		const indicator = (await api.indicators()).find((i) => i.code === code);
		// the list of all regions (for the parents) is needed only where the region's level lacks the indicator
		const own = (indicator?.regionLevels || []).includes(levelOfCode(regionCode));
		const catalogue = own ? null : await ctx.regions();
		const region = catalogue?.byCode.get(regionCode) || { code: regionCode, level: levelOfCode(regionCode), parents: [] };
		// a level without this indicator shows the nearest parent that has it, and says so
		let shown = nearestWith(region, indicator) || 'NL01';
		const regions = shown === 'NL01' ? ['NL01'] : [shown, 'NL01'];
		const type = await finestType(indicator, shown);
		// the recent years keep the first view light and readable; the trends tab has the whole series
		const from = startOf(type, new Date().getFullYear() - 6);
		// the series with the breaks the trend analysis finds in them (the EBB redesign of 2021), as Trends
		// shows them
		const [response, ...trends] = await Promise.all([
			api.series({ indicator: code, regions, from, periodType: type || undefined }),
			...regions.map((r) => api.trend({ indicator: code, region: r, from, periodType: type || undefined })
				.catch(() => null))]);
		if (!ctx.alive()) {
			return;
		}
		const model = fromSeries(response);
		markBreaks(model, (c) => trends[regions.indexOf(c)]?.breaks);
		const hasValues = (s) => (s?.points || []).some((p) => p.value != null);
		if (shown !== 'NL01' && !hasValues(model.series.find((x) => x.regionCode === shown))) {
			// the region (or its parent) has no figures at all: Nederland alone, and say so
			shown = 'NL01';
			model.series = model.series.filter((x) => x.regionCode === 'NL01');
		}
		// the name with its level (Groningen the province, the arbeidsmarktregio or the gemeente)
		const found = model.series.find((x) => x.regionCode === shown);
		const name = found ? regionLabel({ name: found.regionName, level: levelOfCode(shown) }) : regionCode;
		const notes = [];
		if (shown !== regionCode) {
			const own = catalogue?.byCode.get(regionCode) || (await ctx.regions().catch(() => null))?.byCode.get(regionCode);
			notes.push(t('kc.regionFallback', { region: regionLabel(own) || regionCode, indicator: inSentence(indicator?.name || code),
				parent: shown === 'NL01' ? t('kc.netherlands') : regionLabel(catalogue?.byCode.get(shown)) || shown }));
		}
		// Nederland alone is titled without "en Nederland"
		figure.setTitle(t(shown === 'NL01' ? `${titleKey}Nl` : titleKey, { region: name }), model.indicator.name
			? `${model.indicator.name}${model.indicator.unit === 'percent' ? ' (%)' : ''}` : '');
		figure.line(model, { summary: lineSummary(model, { subject: shown }), notes });
	}
	catch (err) {
		if (ctx.alive()) {
			figure.error(err);
		}
	}
}

/** Nederland beside every tile (not on Nederland's own page). */
async function fillReferences(ctx, grid, figures, nationalPromise) {
	const national = await nationalPromise;
	if (!national || !ctx.alive()) {
		grid.querySelectorAll('.tile__reference').forEach((el) => el.remove());
		return;
	}
	const byCode = new Map((national.figures || []).map((f) => [f.code, f]));
	await Promise.all(figures.map(async (figure) => {
		const el = grid.querySelector(`.tile__reference[data-reference="${CSS.escape(figure.indicator?.code || figure.code)}"]`);
		if (!el) {
			return;
		}
		const value = await reference(figure, byCode.get(figure.code)).catch(() => null);
		if (!ctx.alive()) {
			return;
		}
		const indicator = figure.indicator || {};
		el.textContent = value != null
			? t('kc.reference', { value: formatValue(value, indicator), period: figure.period?.label || '' })
			: t('kc.referenceNone', { period: figure.period?.label || '' });
	}));
}

export async function render(panel, ctx) {
	const region = ctx.primaryRegion();
	const heading = h('h2', { class: 'panel__title panel__title--region' }, t('kc.title', { region: '…' }));
	// Nederland is shown beside every other region; beside itself it is not
	const intro = h('p', { class: 'panel__intro' }, t(region === 'NL01' ? 'kc.intro2nl' : 'kc.intro2'));
	const grid = h('div', { class: 'tiles', 'aria-busy': 'true' }, skeleton(9));
	const retry = () => ctx.update({});
	const f1 = ctx.figure({ id: 'kc-werkloosheid', title: t('kc.chartTitle', { region: '…' }), onRetry: retry });
	const f2 = ctx.figure({ id: 'kc-participatie', title: t('kc.chart2Title', { region: '…' }), onRetry: retry });
	const f3 = ctx.figure({ id: 'kc-grijze-druk', title: '', onRetry: retry });
	panel.append(h('div', { class: 'panel__header' }, heading, intro), grid,
		h('div', { class: 'figures figures--two' }, f1.el, f2.el), h('div', { class: 'figures' }, f3.el));

	const charts = Promise.all([
		chart(ctx, f1, 'werkloosheidspercentage', region, 'kc.chartTitle'),
		chart(ctx, f2, 'netto_arbeidsparticipatie', region, 'kc.chart2Title'),
		renderGrijzeDruk(ctx, f3, region),
	]);
	const national = region === 'NL01' ? null : api.kerncijfers('NL01').catch(() => null);
	try {
		const data = await api.kerncijfers(region);
		if (!ctx.alive()) {
			return;
		}
		const name = data.region?.name || region;
		const catalogue = await ctx.regions().catch(() => null);
		const label = regionLabel(catalogue?.byCode.get(region)) || name;
		heading.textContent = t('kc.title', { region: label });
		grid.replaceChildren(...(data.figures || []).map(tile));
		grid.removeAttribute('aria-busy');
		await fillReferences(ctx, grid, data.figures || [], national);
	}
	catch (err) {
		grid.removeAttribute('aria-busy');
		grid.replaceChildren(h('div', { class: 'error-box', role: 'alert' },
			h('p', { class: 'error-box__title' }, `${t('state.error')}: ${err.title || err.message}`),
			err.detail ? h('p', { class: 'error-box__detail' }, err.detail) : null));
	}
	await charts;
}
