// Every sentence the page generates from data, for every indicator with data, every level it has and
// every region of that level, in NL and EN: run in the browser by DashboardTrustBrowserIntegrationTests.
// Reports { checked, problems }: a problem is a placeholder left in, a missing word ("undefined",
// "NaN"), doubled or stray spaces and punctuation, a missing full stop, or the other language's words.
const done = arguments[arguments.length - 1];
const DUTCH = /\b(de|het|een|telde|boven|onder|hoger|lager|ten opzichte van|procentpunt|duizend|kwartaal)\b/;
const ENGLISH = /\b(the|above|below|higher|lower|compared with|percentage points|thousand|quarter)\b/;
Promise.all([import('/js/api.js'), import('/js/i18n.js'), import('/js/series-model.js'), import('/js/summary.js')])
	.then(async ([client, i18n, m, summary]) => {
		const problems = [];
		let checked = 0;
		let changes = 0;
		const check = (lang, where, text, names) => {
			checked += 1;
			// region and indicator names are proper names in either language: leave them out of the word check
			let bare = text || '';
			for (const n of names) {
				bare = bare.split(n).join('');
			}
			const wrong = lang === 'en' ? DUTCH.test(bare) || /\b(in|above|below|than|to|from|for|of) Netherlands\b/.test(text)
				: ENGLISH.test(bare);
			if (!text || /undefined|null|NaN|[{}]|\s{2,}|\s[.,;:]|,,|\.\.|^[a-z]/.test(text) || !/[.]$/.test(text) || wrong) {
				problems.push(`${lang} ${where}: ${text}`);
			}
		};
		for (const lang of ['nl', 'en']) {
			i18n.setLang(lang);
			const indicators = (await client.api.indicators()).filter((i) => i.lastPeriod != null);
			for (const indicator of indicators) {
				for (const level of indicator.regionLevels || []) {
					const map = await client.api.map({ indicator: indicator.code, level });
					const model = m.fromMap(map);
					const names = [indicator.name, ...model.series.map((s) => s.label)];
					for (const s of model.series) {
						check(lang, `map ${indicator.code} ${level} ${s.regionCode}`, summary.mapSummary(model, { selected: s.regionCode }), names);
					}
					const regions = model.series.slice(0, 2).map((s) => s.regionCode).filter((r) => r !== 'NL01');
					const series = await client.api.series({ indicator: indicator.code, regions: [...regions, 'NL01'] });
					const line = m.fromSeries(series);
					check(lang, `line ${indicator.code} ${level}`, summary.lineSummary(line),
						[indicator.name, ...line.series.map((s) => s.label)]);
					// the change on a year earlier (Trends): told as a change, about the region asked for
					const before = (code) => `${Number(code.slice(0, 4)) - 1}${code.slice(4)}`;
					const yoy = m.mapValues(line, (p, s) => {
						const b = s.points.find((q) => q.period === before(p.period));
						return p.value != null && b?.value != null ? p.value - b.value : null;
					}, { origin: 'derived', change: 'year',
						indicator: line.indicator.unit === 'percent' ? { ...line.indicator, unit: 'pp' } : line.indicator });
					const subject = line.series[line.series.length - 1]?.regionCode;
					const told = summary.lineSummary(yoy, { subject });
					if (told !== i18n.t('summary.none')) {
						changes += 1;
						check(lang, `yoy ${indicator.code} ${level}`, told, [indicator.name, ...line.series.map((s) => s.label)]);
						const name = line.series[line.series.length - 1].label;
						if (!(lang === 'nl' ? / een jaar eerder\b/ : / a year earlier\b/).test(told)
							|| !told.includes(` ${i18n.regionInSentence(name)} `)) {
							problems.push(`${lang} yoy-subject ${indicator.code} ${level}: ${told}`);
						}
					}
				}
			}
		}
		// Vergelijk's list of differences: Nederland as the reference is 'the Netherlands (reference)' in English
		const { differenceText } = await import('/js/views/vergelijk.js');
		i18n.setLang('en');
		const pair = differenceText({ a: 'PV26', b: 'NL01', difference: 0.5, method: 'ebb-rule', significant: true, z: 2.1 },
			{ indicator: { unit: 'percent', decimals: 1 }, series: [{ regionCode: 'PV26', label: 'Utrecht' },
				{ regionCode: 'NL01', label: i18n.t('cmp.reference') }] });
		checked += 1;
		if (!pair.includes(' than the Netherlands (reference),')) {
			problems.push(`en difference-reference: ${pair}`);
		}
		i18n.setLang('nl');
		// one example per language, kind and indicator, with how often it occurred
		const grouped = new Map();
		for (const p of problems) {
			const key = p.split(' ').slice(0, 3).join(' ');
			const g = grouped.get(key) || { example: p, count: 0 };
			g.count += 1;
			grouped.set(key, g);
		}
		done({ checked, changes, problems: [...grouped.values()].map((g) => `${g.count}x ${g.example}`) });
	})
	.catch((e) => done({ checked: 0, problems: [String(e && e.stack || e)] }));
