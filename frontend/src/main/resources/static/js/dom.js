// Tiny DOM helpers: elements are built with properties and text nodes, never from HTML strings.

const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(el, attrs) {
	for (const [key, value] of Object.entries(attrs || {})) {
		if (value == null || value === false) {
			continue;
		}
		if (key === 'class') {
			el.setAttribute('class', value);
		}
		else if (key.startsWith('on') && typeof value === 'function') {
			el.addEventListener(key.slice(2), value);
		}
		else if (key === 'dataset') {
			Object.assign(el.dataset, value);
		}
		else if (key === 'text') {
			el.textContent = value;
		}
		else {
			el.setAttribute(key, value === true ? '' : String(value));
		}
	}
}

function append(el, children) {
	for (const child of children.flat(Infinity)) {
		if (child == null || child === false) {
			continue;
		}
		el.append(child instanceof Node ? child : String(child));
	}
}

/** Create an HTML element: h('p', { class: 'x' }, 'text', child). */
export function h(tag, attrs, ...children) {
	const el = document.createElement(tag);
	apply(el, attrs);
	append(el, children);
	return el;
}

/** Create an SVG element. */
export function svg(tag, attrs, ...children) {
	const el = document.createElementNS(SVG_NS, tag);
	apply(el, attrs);
	append(el, children);
	return el;
}

export function clear(el) {
	while (el.firstChild) {
		el.firstChild.remove();
	}
	return el;
}

let ids = 0;

/** A document-unique id with a readable prefix. */
export function uid(prefix) {
	ids += 1;
	return `${prefix}-${ids}`;
}
