// Form controls for the views' toolbars. Each carries a data-focus key so focus survives a re-render.
import { h, uid } from './dom.js';
import { t } from './i18n.js';
import { searchKey } from './regions.js';

/** A labelled select. options: [{ value, label, group? }]. */
export function select({ key, label, options, value, onChange }) {
	const id = uid(key);
	const el = h('select', { id, class: 'select', dataset: { focus: key } });
	const groups = new Map();
	for (const o of options) {
		const option = h('option', { value: o.value }, o.label);
		if (o.value === value) {
			option.selected = true;
		}
		if (o.group) {
			if (!groups.has(o.group)) {
				const g = h('optgroup', { label: o.group });
				groups.set(o.group, g);
				el.append(g);
			}
			groups.get(o.group).append(option);
		}
		else {
			el.append(option);
		}
	}
	el.addEventListener('change', () => onChange(el.value));
	return h('div', { class: 'field' }, h('label', { class: 'field__label', for: id }, label), el);
}

/** A radio group as a segmented control. */
export function segmented({ key, label, options, value, onChange }) {
	const name = uid(key);
	return h('fieldset', { class: 'field segmented' },
		h('legend', { class: 'field__label' }, label),
		h('div', { class: 'segmented__options' }, options.map((o) => {
			const input = h('input', {
				type: 'radio', name, value: o.value, id: `${name}-${o.value}`, checked: o.value === value,
				dataset: { focus: `${key}-${o.value}` },
			});
			input.addEventListener('change', () => input.checked && onChange(o.value));
			return h('span', { class: 'segmented__option' }, input, h('label', { for: `${name}-${o.value}` }, o.label));
		})));
}

/** A checkbox with its label. */
export function toggle({ key, label, checked, onChange, disabled = false }) {
	const id = uid(key);
	const input = h('input', { type: 'checkbox', id, checked, disabled, dataset: { focus: key } });
	input.addEventListener('change', () => onChange(input.checked));
	return h('div', { class: 'toggle' }, input, h('label', { for: id }, label));
}

/**
 * A list of checkboxes (regions) with "all of this level" and "none" buttons and, for long lists,
 * a search field that filters the visible items (the choice itself is kept).
 */
export function checklist({ key, label, options, selected, onChange, all = true, none = true, allLabel, filter = false }) {
	const chosen = new Set(selected);
	const items = options.map((o) => {
		const id = uid(`${key}-${o.value}`);
		const input = h('input', { type: 'checkbox', id, value: o.value, checked: chosen.has(o.value),
			dataset: { focus: `${key}-${o.value}` } });
		input.addEventListener('change', () => {
			const values = options.map((x) => x.value).filter((v) => (v === o.value ? input.checked : chosen.has(v)));
			onChange(values);
		});
		const li = h('li', { class: 'checklist__item' }, input, h('label', { for: id }, o.label));
		return { li, text: searchKey(o.label) };
	});
	let search = null;
	if (filter && options.length > 12) {
		const id = uid(`${key}-filter`);
		const input = h('input', { type: 'search', id, class: 'input', autocomplete: 'off', dataset: { focus: `${key}-filter` } });
		// as the region search in the header: case, diacritics, apostrophes and hyphens do not count ("fryslan"
		// finds Súdwest-Fryslân)
		input.addEventListener('input', () => {
			const q = searchKey(input.value);
			items.forEach((i) => {
				i.li.hidden = q !== '' && !i.text.includes(q);
			});
		});
		search = h('div', { class: 'checklist__filter' }, h('label', { class: 'field__label', for: id }, t('picker.filter')), input);
	}
	return h('fieldset', { class: 'field checklist' },
		h('legend', { class: 'field__label' }, label),
		(all || none) ? h('div', { class: 'checklist__actions' },
			all ? h('button', { type: 'button', class: 'link-button', dataset: { focus: `${key}-all` },
				onclick: () => onChange(options.map((o) => o.value)) }, allLabel || t('cmp.all')) : null,
			none ? h('button', { type: 'button', class: 'link-button', dataset: { focus: `${key}-none` },
				onclick: () => onChange([]) }, t('cmp.none')) : null) : null,
		search,
		h('ul', { class: 'checklist__items' }, items.map((i) => i.li)));
}

/** A toolbar holding controls. */
export function toolbar(...children) {
	return h('div', { class: 'toolbar controls' }, children);
}
