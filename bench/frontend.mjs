// Front-end benchmark in headless Chromium over the DevTools protocol (no npm packages needed).
// Measures, for a cold load of the first view: time from navigation start to the first chart drawn
// (the page marks it in window.lloFirstChart, from Chart.js' afterRender), and the bytes transferred,
// with and without Chart.js. Optionally writes full-page screenshots of every tab.
//
//   node --experimental-websocket bench/frontend.mjs [--url http://localhost:8080/] [--runs 7]
//        [--screenshots docs/screenshots]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
	if (a.startsWith('--')) {
		acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : 'true']);
	}
	return acc;
}, []));
const URL_ = args.url || process.env.LLO_URL || 'http://localhost:8080/';
const RUNS = Number(args.runs || 7);
const CHROMIUM = process.env.LLO_CHROMIUM || '/usr/bin/chromium';
const CHART_JS = /\/webjars\/chart\.js\//;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function launch() {
	const profile = mkdtempSync(join(tmpdir(), 'llo-bench-'));
	const proc = spawn(CHROMIUM, ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
		'--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
		'--hide-scrollbars', `--user-data-dir=${profile}`, '--remote-debugging-port=0', '--window-size=1366,900',
		'about:blank'], { stdio: ['ignore', 'ignore', 'ignore'] });
	const portFile = join(profile, 'DevToolsActivePort');
	for (let i = 0; i < 200 && !existsSync(portFile); i++) {
		await sleep(50);
	}
	const port = readFileSync(portFile, 'utf8').split('\n')[0];
	return { proc, profile, port };
}

class Cdp {
	constructor(ws) {
		this.ws = ws;
		this.id = 0;
		this.pending = new Map();
		this.handlers = new Map();
		ws.addEventListener('message', (m) => {
			const msg = JSON.parse(m.data);
			if (msg.id && this.pending.has(msg.id)) {
				const { resolve, reject } = this.pending.get(msg.id);
				this.pending.delete(msg.id);
				if (msg.error) {
					reject(new Error(msg.error.message));
				}
				else {
					resolve(msg.result);
				}
			}
			else if (msg.method) {
				(this.handlers.get(msg.method) || []).forEach((h) => h(msg.params));
			}
		});
	}

	static async open(port) {
		const target = await (await fetch(`http://127.0.0.1:${port}/json/new?about:blank`, { method: 'PUT' })).json();
		const ws = new WebSocket(target.webSocketDebuggerUrl);
		await new Promise((resolve, reject) => {
			ws.addEventListener('open', resolve);
			ws.addEventListener('error', reject);
		});
		const cdp = new Cdp(ws);
		cdp.targetId = target.id;
		cdp.port = port;
		return cdp;
	}

	send(method, params = {}) {
		this.id += 1;
		const id = this.id;
		this.ws.send(JSON.stringify({ id, method, params }));
		return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
	}

	on(method, handler) {
		if (!this.handlers.has(method)) {
			this.handlers.set(method, []);
		}
		this.handlers.get(method).push(handler);
	}

	async eval(expression) {
		const r = await this.send('Runtime.evaluate', { expression, returnByValue: true });
		return r.result.value;
	}

	async close() {
		this.ws.close();
		await fetch(`http://127.0.0.1:${this.port}/json/close/${this.targetId}`).catch(() => {});
	}
}

async function waitFor(cdp, expression, timeout = 20000) {
	const start = Date.now();
	while (Date.now() - start < timeout) {
		const v = await cdp.eval(expression);
		if (v != null && v !== false) {
			return v;
		}
		await sleep(10);
	}
	throw new Error(`timeout waiting for ${expression}`);
}

async function measure(port) {
	const cdp = await Cdp.open(port);
	const requests = new Map();
	let lastActivity = Date.now();
	cdp.on('Network.requestWillBeSent', (p) => {
		requests.set(p.requestId, { url: p.request.url, bytes: 0, done: false, stream: false });
		lastActivity = Date.now();
	});
	cdp.on('Network.responseReceived', (p) => {
		const r = requests.get(p.requestId);
		if (r && /event-stream/.test(p.response.mimeType)) {
			r.stream = true;
		}
	});
	cdp.on('Network.dataReceived', (p) => {
		const r = requests.get(p.requestId);
		if (r) {
			r.bytes += p.encodedDataLength;
		}
	});
	cdp.on('Network.loadingFinished', (p) => {
		const r = requests.get(p.requestId);
		if (r) {
			r.bytes = Math.max(r.bytes, p.encodedDataLength);
			r.done = true;
		}
		lastActivity = Date.now();
	});
	await cdp.send('Network.enable');
	await cdp.send('Network.clearBrowserCache');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	await cdp.send('Page.enable');
	await cdp.send('Page.navigate', { url: URL_ });
	const firstChart = await waitFor(cdp, 'window.lloFirstChart || null');
	// the first view is complete when every figure finished loading and the network is quiet
	await waitFor(cdp, "document.querySelector('.figure') && !document.querySelector('.figure.is-loading, .tile--skeleton')");
	while (Date.now() - lastActivity < 500 || [...requests.values()].some((r) => !r.done && !r.stream)) {
		await sleep(50);
	}
	const all = [...requests.values()];
	const chartJs = all.filter((r) => CHART_JS.test(r.url)).reduce((s, r) => s + r.bytes, 0);
	const rest = all.filter((r) => !CHART_JS.test(r.url)).reduce((s, r) => s + r.bytes, 0);
	const errors = await cdp.eval("document.querySelectorAll('.error-box').length");
	await cdp.close();
	return { firstChart, rest, chartJs, requests: all.length, errors };
}

async function screenshots(port, dir) {
	mkdirSync(dir, { recursive: true });
	const pages = [
		['kerncijfers', ''],
		['llo', '?tab=llo'],
		['vergelijk', '?tab=vergelijk&indicator=netto_arbeidsparticipatie&level=provincie'],
		['trends', '?tab=trends&indicator=werkloosheidspercentage&regions=PV26,PV21,NL01'],
		['kaart', '?tab=kaart&indicator=werkloosheidspercentage&level=provincie'],
		['kaart-arbeidsmarktregios', '?tab=kaart&indicator=ww_uitkeringen&level=arbeidsmarktregio&regions=AM15'],
		['kerncijfers-en', '?lang=en'],
		['kerncijfers-arbeidsmarktregio', '?region=AM01'],
		['kerncijfers-gemeente', '?region=GM0014'],
		['vergelijk-gemeenten', '?tab=vergelijk&region=GM0014&level=gemeente&indicator=werkloosheidspercentage'],
		['trends-gemeente', '?tab=trends&region=GM0014&indicator=netto_arbeidsparticipatie'],
		['kerncijfers-telefoon', '?region=PV26', 390],
		['vergelijk-mobiel', '?tab=vergelijk&indicator=netto_arbeidsparticipatie&level=provincie', 390],
	];
	for (const [name, query, width = 1366] of pages) {
		const cdp = await Cdp.open(port);
		await cdp.send('Page.enable');
		await cdp.send('Emulation.setDeviceMetricsOverride', { width, height: 900, deviceScaleFactor: 1, mobile: width < 600 });
		await cdp.send('Page.navigate', { url: new URL(query, URL_).href });
		await waitFor(cdp, "document.querySelector('.figure') && !document.querySelector('.figure.is-loading, .tile--skeleton, .tiles[aria-busy]')");
		await sleep(300);
		const height = await cdp.eval('document.documentElement.scrollHeight');
		await cdp.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: width < 600 });
		await sleep(300);
		const shot = await cdp.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true });
		writeFileSync(join(dir, `${name}.png`), Buffer.from(shot.data, 'base64'));
		console.log(`screenshot ${join(dir, `${name}.png`)} (${width}x${height})`);
		await cdp.close();
	}
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { proc, profile, port } = await launch();
try {
	if (args.screenshots) {
		await screenshots(port, args.screenshots);
	}
	else {
		console.log(`LLO Monitor front-end bench: ${URL_} (cold cache, ${RUNS} runs, headless Chromium)`);
		console.log('run  first-chart-ms  kB-excl-chartjs  kB-chartjs  requests');
		const results = [];
		for (let i = 1; i <= RUNS; i++) {
			const r = await measure(port);
			results.push(r);
			console.log(`${String(i).padStart(3)}  ${r.firstChart.toFixed(0).padStart(14)}  ${(r.rest / 1024).toFixed(1).padStart(15)}`
				+ `  ${(r.chartJs / 1024).toFixed(1).padStart(10)}  ${String(r.requests).padStart(8)}${r.errors ? '  (error shown!)' : ''}`);
		}
		const fc = results.map((r) => r.firstChart);
		const bytes = results.map((r) => r.rest);
		console.log(`first chart drawn: median ${median(fc).toFixed(0)} ms, max ${Math.max(...fc).toFixed(0)} ms (target < 1000 ms)`);
		console.log(`first view transferred excl. Chart.js: median ${(median(bytes) / 1024).toFixed(1)} kB, max ${(Math.max(...bytes) / 1024).toFixed(1)} kB (target < 300 kB)`);
		console.log(`Chart.js: ${(results[0].chartJs / 1024).toFixed(1)} kB`);
		console.log(`SUMMARY first_chart_ms=${median(fc).toFixed(0)} first_chart_max_ms=${Math.max(...fc).toFixed(0)}`
			+ ` first_view_kb=${(Math.max(...bytes) / 1024).toFixed(1)} chartjs_kb=${(results[0].chartJs / 1024).toFixed(1)}`
			+ ` errors=${results.filter((r) => r.errors).length}`);
		if (median(fc) >= 1000 || Math.max(...bytes) >= 300 * 1024 || results.some((r) => r.errors)) {
			process.exitCode = 1;
		}
	}
}
finally {
	const exited = new Promise((resolve) => proc.once('exit', resolve));
	proc.kill();
	await Promise.race([exited, sleep(3000)]);
	rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}
