// Strings and number/period formatting for NL (default) and EN.

const STRINGS = {
	nl: {
		'brand.home': 'Naar het begin',
		'brand.tagline': 'Arbeidsmarkt en leven lang ontwikkelen, per regio',
		'skip.content': 'Naar de inhoud',
		'header.region': 'Regio',
		'lang.switch': 'Switch to English',
		'lang.other': 'EN',
		'nav.label': 'Onderdelen',
		'tab.kerncijfers': 'Kerncijfers',
		'tab.llo': 'Leven lang ontwikkelen',
		'tab.vergelijk': "Vergelijk regio's",
		'tab.trends': 'Trends',
		'tab.kaart': 'Kaart',
		'tab.tabellen': 'Alle tabellen',
		'footer.sources': 'Bronnen: CBS StatLine (CC BY 4.0), UWV via CBS, Eurostat. Bewerkingen door LLO Monitor zijn als zodanig gemarkeerd.',
		'footer.api': 'Open data-API',
		'state.loading': 'Cijfers laden…',
		'state.error': 'De cijfers konden niet worden geladen',
		'state.empty': 'Geen cijfers beschikbaar voor deze keuze.',
		'state.retry': 'Opnieuw proberen',
		'notice.updated': 'Nieuwe cijfers geladen (dataversie {version}).',
		'level.land': 'Land',
		'level.landsdeel': 'Landsdelen',
		'level.provincie': 'Provincies',
		'level.arbeidsmarktregio': "Arbeidsmarktregio's",
		'level.corop': 'COROP-gebieden',
		'level.gemeente': 'Gemeenten',
		'figure.table': 'Tabel',
		'figure.tableHide': 'Verberg tabel',
		'figure.csv': 'CSV',
		'figure.csvTitle': 'Download de cijfers van deze grafiek als CSV',
		'figure.embed': 'Insluiten',
		'figure.embedTitle': 'Link naar alleen deze grafiek (om in te sluiten)',
		'figure.share': 'Link kopiëren',
		'figure.copied': 'Link gekopieerd',
		'figure.source': 'Bron',
		'figure.definition': 'Definitie',
		'figure.period': 'Periode',
		'figure.region': 'Regio',
		'figure.series': 'Reeks',
		'figure.value': 'Waarde',
		'figure.margin': '95%-marge',
		'figure.marginLowOnly': 'ondergrens {value}',
		'figure.marginHighOnly': 'bovengrens {value}',
		'figure.status': 'Status',
		'figure.chartOf': 'Grafiek: {title}. {summary}',
		'notes.provisional': 'Cijfers met status voorlopig of nader voorlopig zijn met open punten op een doorgetrokken lijn getekend; ze kunnen nog wijzigen.',
		'notes.provisionalBars': 'Cijfers met status voorlopig of nader voorlopig zijn als lichte staaf met een rand getekend; ze kunnen nog wijzigen.',
		'notes.provisionalMap': 'Cijfers met status voorlopig of nader voorlopig zijn in de tabel zo gemarkeerd; ze kunnen nog wijzigen.',
		'notes.forecast': 'Een gestreepte lijn met open punten is een prognose: wat verwacht wordt, geen waarneming.',
		'notes.derived': 'Reeksen gemarkeerd met ◆ (ruitvormige punten) zijn door LLO Monitor berekend uit gepubliceerde cijfers ({what}); het zijn waarnemingen, geen prognose.',
		'notes.derivedOf': 'Reeksen gemarkeerd met ◆ (ruitvormige punten) zijn door LLO Monitor berekend uit gepubliceerde cijfers ({what}).',
		'notes.adjusted': 'Seizoencorrectie door LLO Monitor (◆, ruitvormige punten; eigen berekening, geen officiële CBS-reeks).',
		'kind.forecast': 'prognose',
		'figure.noValue': 'geen waarde',
		'legend.forecast': 'Prognose',
		'legend.derived': 'Berekend door LLO Monitor',
		'notes.break': 'Trendbreuk vóór {periods}: cijfers daarvoor en daarna zijn niet direct vergelijkbaar.',
		'notes.margins': 'Waar de bron een 95%-marge publiceert, staat die in de tabel (soms alleen een ondergrens), en met beide grenzen als streepje bij de staaf.',
		'notes.marginsTable': 'Waar de bron een 95%-marge publiceert, staat die in de tabel (soms alleen een ondergrens).',
		'notes.marginsLine': 'Waar de bron een 95%-marge publiceert, staat die in de tabel (soms alleen een ondergrens) en bij elk punt in de tooltip.',
		'origin.source': 'bron',
		'origin.forecast': 'prognose',
		'origin.derived': 'afgeleid',
		'origin.adjusted': 'eigen seizoencorrectie',
		'status.definitief': 'definitief',
		'status.nader_voorlopig': 'nader voorlopig',
		'status.voorlopig': 'voorlopig',
		'mark.revised': 'herzien',
		'status.niet_vermeld': 'status niet vermeld',
		'notes.incomplete': 'Onvolledig: tabel {table} is ingelezen uit een download die waarschijnlijk is afgebroken ({why}).',
		'reason.onbekend': 'onbekend',
		'reason.geheim': 'geheim',
		'reason.vertrouwelijk': 'vertrouwelijk',
		'reason.niet_van_toepassing': 'niet van toepassing',
		'reason.niet_beschikbaar': 'niet beschikbaar',
		'reason.anders': 'niet beschikbaar (zie voetnoot)',
		'legend.provisional': 'Voorlopig cijfer',
		'legend.trend': 'Trend {region}',
		'legend.band': 'Trendband {region}',
		'legend.break': 'Trendbreuk',
		'legend.trendBand': 'Trendlijn met 95%-band',
		'kc.title': 'Kerncijfers {region}',
		'kc.intro': 'De belangrijkste cijfers over werk en leren in {region}, steeds met de laatst beschikbare periode. Pijl en kleur geven aan of de verandering gunstig is.',
		'kc.noData': 'Geen cijfers voor deze regio',
		'kc.incomplete': 'Onvolledige bron: {why}.',
		'kc.since': 't.o.v. {period}',
		'kc.info': 'Uitleg bij {name}',
		'kc.close': 'Sluiten',
		'kc.definition': 'Definitie',
		'kc.good': 'gunstig',
		'kc.bad': 'ongunstig',
		'kc.neutral': 'neutraal',
		'kc.up': 'gestegen',
		'kc.down': 'gedaald',
		'kc.flat': 'gelijk gebleven',
		'kc.shares': 'Naar groep',
		'kc.share.none': 'geen cijfer',
		'kc.share.noneWhy': 'geen cijfer ({reason})',
		'kc.share.partial': 'Deze groepen tellen niet op tot het totaal: de monitor heeft niet voor elke groep een cijfer.',
		'kc.by.education_level': 'Naar opleidingsniveau',
		'kc.by.sex': 'Naar geslacht',
		'kc.derivedBadge': 'afgeleid',
		'kc.chartTitle': 'Werkloosheid: {region} en Nederland',
		'kc.chart2Title': 'Netto arbeidsparticipatie: {region} en Nederland',
		'kc.chartTitleNl': 'Werkloosheid: Nederland',
		'kc.chart2TitleNl': 'Netto arbeidsparticipatie: Nederland',
		'kc.netherlands': 'Nederland',
		'kc.same': 'evenveel als {period}',
		'llo.title': 'Leven lang ontwikkelen',
		'llo.intro': 'Hoeveel mensen volgen een opleiding, cursus of training? Per regio (Eurostat, 25–64 jaar, laatste 4 weken) en landelijk naar achtergrond en werk (CBS, 15–75 jaar). De definitie staat onder elke grafiek.',
		'llo.regions': 'Deelname aan onderwijs en training per regio',
		'llo.education': 'Deelname naar opleidingsniveau (Nederland)',
		'llo.type': 'Formeel en niet-formeel leren (Nederland)',
		'llo.position': 'Deelname naar arbeidspositie (Nederland)',
		'llo.relation': 'Werkenden naar arbeidsrelatie: vast, flexibel, zelfstandig (Nederland)',
		'cmp.title': "Vergelijk regio's",
		'cmp.intro': 'Kies een indicator, een periode en regio’s van één niveau. Waar de bron een marge publiceert, staat die bij de staaf; de tekst onder de grafiek zegt of verschillen significant zijn.',
		'cmp.indicator': 'Indicator',
		'cmp.level': 'Niveau',
		'cmp.period': 'Periode',
		'cmp.regions': "Regio's",
		'cmp.all': 'Alle',
		'cmp.none': 'Geen',
		'cmp.chart': '{indicator}, {period}',
		'cmp.differences': 'Verschillen',
		'cmp.more': 'en nog {n} andere regio\'s',
		'cmp.significant': 'significant',
		'cmp.notSignificant': 'niet significant',
		'cmp.notTestable': 'niet toetsbaar',
		'cmp.why': 'Hoe getoetst',
		'cmp.noDifference': 'geen verschil te berekenen, want een van beide heeft geen cijfer',
		'cmp.noFigures': 'Geen cijfers van {indicator} over {period} voor deze regio’s; kies een andere periode.',
		'cmp.higherThan': '{amount} hoger dan {b}',
		'cmp.lowerThan': '{amount} lager dan {b}',
		'cmp.equalTo': 'gelijk aan {b}',
		'cmp.noneTestable': 'Geen van de verschillen met de {total} andere regio’s is te toetsen.',
		'cmp.pickTwo': "Kies minstens één regio.",
		'cmp.sigCount': 'Van de {total} andere regio’s waarvan het verschil te toetsen is, verschilt {region} significant van {count}.',
		'cmp.sigNone': 'Van de {total} andere regio’s waarvan het verschil te toetsen is, verschilt {region} van geen enkele significant.',
		'cmp.countNote': 'Dit cijfer is een aantal: het volgt de omvang van de regio. Een significant verschil zegt alleen dat het geen toeval van de steekproef is, niet dat het in de ene regio beter of slechter gaat; kies een percentage om regio’s van verschillende grootte te vergelijken.',
		'cmp.rankCount': 'In {period} was het cijfer voor {indicator} in {region} {value}: {rank} van de {total} gekozen regio’s.',
		'cmp.highest': 'het hoogste',
		'cmp.nthHighest': 'het {n} hoogste',
		'cmp.method.margins': 'Toets: z-toets op het verschil, met de 95%-marges die de bron publiceert (significant als |z| > 1,96). Regio\'s die gemeenten delen, zoals Nederland en een provincie, worden niet als onafhankelijk getoetst; de toelichting bij elk verschil zegt hoe.',
		'cmp.method.ebb-rule': 'Toets: CBS publiceert geen marges bij EBB-cijfers; LLO Monitor benadert de standaardfout met de EBB-publicatieregel (binomiaal, ca. 200 personen per waarneming in een kwartaal, 50 in een jaar van vier kwartalen). Een benadering, geen CBS-marge; significant als |z| > 1,96. Regio\'s die gemeenten delen, zoals Nederland en een provincie, worden niet als onafhankelijk getoetst; de toelichting bij elk verschil zegt hoe.',
		'cmp.method.not-testable': 'Niet toetsbaar: de bron geeft geen marge en de EBB-regel is niet van toepassing, of de regio\'s delen gemeenten zo dat een toets niets kan zeggen. De toelichting bij elk verschil zegt waarom.',
		'tr.title': 'Trends',
		'tr.intro': 'Ontwikkeling per kwartaal (of per maand of jaar, zoals de bron het cijfer publiceert) met een lineaire trend en de 95%-band daarvan. Trends lopen nooit over een trendbreuk heen.',
		'tr.noChange': 'geen verandering te berekenen: geen cijfer een jaar eerder, of een trendbreuk ertussen',
		'tr.from': 'Vanaf',
		'tr.to': 'Tot en met',
		'tr.yoy.quarter': 'Verandering t.o.v. hetzelfde kwartaal een jaar eerder',
		'tr.yoy.month': 'Verandering t.o.v. dezelfde maand een jaar eerder',
		'tr.yoy.year': 'Verandering t.o.v. het jaar ervoor',
		'tr.noFigures': 'Geen cijfers over {indicator} voor {regions}.',
		'tr.noTotal': 'Geen totaal in deze tabel voor {dimensions}: de grafiek toont {members}. De andere waarden staan in Alle tabellen.',
		'tr.sa': 'Seizoengecorrigeerd (eigen berekening LLO Monitor)',
		'tr.trend': 'Trendlijn en band tonen',
		'tr.chart': '{indicator}',
		'tr.chartYoy': '{indicator}: verandering t.o.v. een jaar eerder',
		'tr.chartSa': '{indicator}, seizoengecorrigeerd (LLO Monitor)',
		'tr.saSummary': 'Seizoengecorrigeerde waarden, berekend door LLO Monitor (geen cijfers van de bron).',
		'tr.saNotApplied': 'Seizoencorrectie niet toegepast voor {region}: {reason}',
		'tr.trendLine': 'Trend {from}–{to}: {slope} per {per}{sig}.',
		'tr.maxLines': 'Een grafiek toont hoogstens {max} regio’s; de eerste {max} zijn gekozen.',
		'tr.per.quarter': 'kwartaal',
		'tr.per.year': 'jaar',
		'tr.per.month': 'maand',
		'tr.yearly': 'Voor dit niveau zijn er geen kwartaalcijfers; de grafiek toont jaarcijfers.',
		'tr.sig': ' (significant)',
		'tr.notSig': ' (niet significant)',
		'map.title': 'Kaart',
		'map.intro': 'Klik op een gebied om het overal op deze site te kiezen. Met Tab loopt u langs de gebieden.',
		'map.chart': '{indicator}, {period}',
		'map.noValue': 'geen cijfer',
		'map.noBoundaries': 'Er zijn nog geen grenzen van de {level} geladen, dus de cijfers staan hier als staven. '
			+ 'Een beheerder kan de kaart laten tekenen door de GeoJSON met de grenzen van de {level} (CBS/PDOK, '
			+ 'gebiedsindelingen) te importeren.',
		'map.legend': 'Legenda',
		'summary.none': 'Er zijn geen cijfers voor deze keuze.',
		'summary.latest': 'In {period} was de {indicator} in {region} {value}',
		'summary.latestCount': 'In {period} was het cijfer voor {indicator} in {region} {value}',
		'summary.latestForecast': 'Volgens de prognose is de {indicator} in {region} in {period} {value}',
		'summary.latestCountForecast': 'Volgens de prognose is het cijfer voor {indicator} in {region} in {period} {value}',
		'summary.vs': ', {diff} {unit} {dir} {other} ({otherValue})',
		'summary.vsCount': 'in {other} {otherValue}',
		'summary.above': 'boven',
		'summary.below': 'onder',
		'summary.equal': 'gelijk aan',
		'summary.change': 'Ten opzichte van {period} ({value}) is dat {diff} {unit} {dir}.',
		'summary.higher': 'hoger',
		'summary.lower': 'lager',
		'summary.unchanged': 'Dat is even hoog als in {period}.',
		'summary.and': 'en',
		'summary.yoy': 'In {period} was de {indicator} in {region} {change} dan een jaar eerder',
		'summary.yoyCount': 'In {period} was het cijfer voor {indicator} in {region} {change} dan een jaar eerder',
		'summary.yoySame': 'In {period} was de {indicator} in {region} even hoog als een jaar eerder',
		'summary.yoyCountSame': 'In {period} was het cijfer voor {indicator} in {region} even hoog als een jaar eerder',
		'summary.yoyOther': 'in {other} {change}',
		'summary.yoyOtherSame': 'in {other} even hoog',
		'summary.map': 'In {period} was de {indicator} het hoogst in {max} ({maxValue}) en het laagst in {min} ({minValue}).',
		'summary.mapCount': 'In {period} had {max} de hoogste waarde voor {indicator} ({maxValue}) en {min} de laagste ({minValue}).',
		'summary.mapRegion': ' {region}: {value}.',
		'summary.mapOne': 'Voor {indicator} is er in {period} alleen een cijfer van {region}: {value}.',
		'summary.breakdown': 'In {period} was de {indicator} het hoogst bij {max} ({maxValue}) en het laagst bij {min} ({minValue}).',
		'unit.pp': 'procentpunt',
		'unit.thousand': 'duizend',
		'unit.persons': 'personen',
		'csv.region': 'regio',
		'csv.regionCode': 'regio_code',
		'csv.series': 'reeks',
		'csv.period': 'periode',
		'csv.periodCode': 'periode_code',
		'csv.value': 'waarde',
		'csv.low': 'marge_onder',
		'csv.high': 'marge_boven',
		'csv.status': 'status',
		'csv.flags': 'vlaggen',
		'csv.footnote': 'voetnoot',
		'csv.reason': 'reden_ontbreekt',
		'csv.origin': 'herkomst',
		'csv.source': 'bron',
		'one.land': 'land',
		'one.landsdeel': 'landsdeel',
		'one.provincie': 'provincie',
		'one.corop': 'COROP-gebied',
		'one.arbeidsmarktregio': 'arbeidsmarktregio',
		'one.gemeente': 'gemeente',
		'picker.region': 'Mijn regio',
		'picker.regionHelp': 'Typ om te zoeken; gemeenten, arbeidsmarktregio’s, provincies en meer.',
		'picker.notFound': 'Geen regio gevonden met de naam “{text}”.',
		'picker.several': 'Er zijn meer regio’s met de naam “{text}”: gekozen is {chosen}; kies in de lijst voor {others}.',
		'picker.filter': 'Zoek in de lijst',
		'picker.allLevel': 'Alle {level}',
		'picker.noneSelected': "Geen regio's gekozen: kies er minstens één, of kies ze allemaal.",
		'picker.mine': '{region} (mijn regio)',
		// what a view changed in a link it could not show as asked, and why (shown above the view)
		'fix.regionUnknown': 'De regiocode ‘{code}’ uit de link is onbekend; getoond wordt {shown}.',
		'fix.regionEnded': '{name} ({code}) bestaat sinds {date} niet meer (opgeheven of samengevoegd); getoond wordt {shown}. Kies bij ‘Mijn regio’ de regio die ervoor in de plaats kwam.',
		'fix.indicator': 'De indicator ‘{code}’ heeft geen cijfers voor {level}; getoond wordt {shown}.',
		'fix.shownLevel': 'het niveau ‘{level}’',
		'fix.indicatorUnknown': 'De indicatorcode ‘{code}’ in de link is onbekend; getoond wordt {shown}.',
		'fix.indicatorForecast': '‘{name}’ is een prognose, en deze weergave toont alleen waarnemingen; getoond wordt {shown}. Prognoses staan bij Kerncijfers en Alle tabellen.',
		'fix.regionsUnknown': 'Onbekende regiocodes uit de link zijn weggelaten: {codes}.',
		'fix.level': 'Deze weergave heeft geen niveau ‘{asked}’; getoond worden {shown}.',
		'fix.levelNoFigures': 'Voor {asked} zijn er geen cijfers die deze weergave kan tonen; getoond worden {shown}.',
		'fix.period': 'Voor {indicator} zijn er geen cijfers over {period}; getoond wordt {shown}, de laatste periode met cijfers.',
		'fix.rangeSwapped': 'De beginperiode ({from}) lag na de eindperiode ({to}); ze zijn omgewisseld.',
		'fix.rangeDropped': 'Voor {indicator} zijn er geen cijfers over {period}; die grens is weggelaten.',
		'fix.sa': 'Seizoencorrectie berekent LLO Monitor alleen voor kwartaalcijfers; deze grafiek toont cijfers per {type}, dus zonder correctie.',
		'fix.saEmpty': 'Voor een seizoencorrectie zijn er te weinig opeenvolgende kwartalen; de grafiek toont de cijfers zelf.',
		'picker.severalMatch': 'Meer regio’s passen bij “{text}”: gekozen is {chosen}; ook {others}.',
		'kc.sig.significant': 'significant {dir} (buiten de marge)',
		'kc.sig.stable': 'stabiel (binnen de marge)',
		'kc.sig.break': 'niet vergelijkbaar (trendbreuk)',
		'kc.sig.not-testable': 'niet toetsbaar (geen marge bekend)',
		'kc.sigDir.up': 'gestegen',
		'kc.sigDir.down': 'gedaald',
		'kc.method.margins': 'Getoetst met de gepubliceerde 95%-marges (waar maar één grens is gepubliceerd, is het interval symmetrisch genomen).',
		'kc.method.ebb-rule': 'Getoetst met de EBB-regel (benaderde steekproefmarge).',
		'kc.reference': 'Nederland: {value} ({period})',
		'kc.referenceNone': 'Nederland: geen cijfer voor {period}',
		'kc.sparkline': 'Verloop {name}, {from} tot {to}',
		'kc.intro2': 'De belangrijkste cijfers over werk en leren in deze regio, steeds met de laatst beschikbare periode. Een pijl en kleur staan er alleen bij als de verandering ten opzichte van een jaar eerder statistisch significant is; Nederland staat steeds ernaast.',
		'kc.intro2nl': 'De belangrijkste cijfers over werk en leren in Nederland, steeds met de laatst beschikbare periode. Een pijl en kleur staan er alleen bij als de verandering ten opzichte van een jaar eerder statistisch significant is.',
		'kc.regionFallback': 'Voor {region} zijn er geen cijfers over {indicator}; de grafiek toont {parent}.',
		'llo.regionFallback': 'Regionale LLO-cijfers bestaan alleen per provincie; voor {region} staat {parent} in de grafiek.',
		'view.noLevel': '{indicator} is er niet voor {level}; getoond: {shown}.',
		'figure.png': 'PNG',
		'figure.svg': 'SVG',
		'figure.pngTitle': 'Download deze grafiek als afbeelding (PNG)',
		'figure.svgTitle': 'Download deze grafiek als SVG',
		'figure.embedCode': 'Code om deze grafiek in te sluiten (iframe)',
		'figure.embedLink': 'Link naar deze grafiek',
		'figure.copyCode': 'Code kopiëren',
		'figure.close': 'Sluiten',
		'map.reference': 'Nederland: {value}',
		'map.counts': 'De kleur volgt het aantal, niet een aandeel van de bevolking: grotere regio’s kleuren daardoor vaak donkerder.',
		'cmp.reference': 'Nederland (referentie)',
		'cmp.otherLevel': 'Niet in deze vergelijking van {level}: {regions} (een ander regioniveau; kies dat niveau om ze te vergelijken).',
		'problem.unknown-region': 'Onbekende regio',
		'problem.unknown-indicator': 'Onbekende indicator',
		'problem.unknown-region.detail': 'De regiocode ‘{value}’ is onbekend.',
		'problem.unknown-indicator.detail': 'De indicatorcode ‘{value}’ is onbekend.',
		'problem.not-found': 'Niet gevonden',
		'problem.invalid-parameter': 'Ongeldige parameter',
		'problem.range-too-wide': 'Te veel gevraagd',
		'problem.unsupported-period-type': 'Periodesoort niet beschikbaar',
		'problem.unsupported-period-type.detail': 'Deze indicator heeft geen cijfers van de gevraagde periodesoort.',
		'problem.parameter': 'De waarde van ‘{parameter}’ in het verzoek is niet bruikbaar.',
		'problem.range-too-wide.parameterDetail': 'Het bereik bij ‘{parameter}’ is te groot voor één verzoek (te veel perioden of regio\'s); kies een kleiner bereik.',
		'problem.method-not-allowed': 'Methode niet toegestaan',
		'problem.not-acceptable': 'Formaat niet beschikbaar',
		'problem.unauthorized': 'Niet aangemeld',
		'problem.forbidden': 'Geen toegang',
		'problem.rate-limited': 'Te veel verzoeken',
		'problem.import-failed': 'Inlezen mislukt',
		'problem.database-unavailable': 'Database niet bereikbaar',
		'problem.internal-error': 'Interne fout',
		'csv.unit': 'eenheid',
	},
	en: {
		'brand.home': 'Home',
		'brand.tagline': 'Labour market and lifelong learning, by region',
		'skip.content': 'Skip to content',
		'header.region': 'Region',
		'lang.switch': 'Schakel naar Nederlands',
		'lang.other': 'NL',
		'nav.label': 'Sections',
		'tab.kerncijfers': 'Key figures',
		'tab.llo': 'Lifelong learning',
		'tab.vergelijk': 'Compare regions',
		'tab.trends': 'Trends',
		'tab.kaart': 'Map',
		'tab.tabellen': 'All tables',
		'footer.sources': 'Sources: CBS StatLine (CC BY 4.0), UWV via CBS, Eurostat. Figures computed by LLO Monitor are marked as such.',
		'footer.api': 'Open data API',
		'state.loading': 'Loading figures…',
		'state.error': 'The figures could not be loaded',
		'state.empty': 'No figures available for this selection.',
		'state.retry': 'Try again',
		'notice.updated': 'New figures loaded (data version {version}).',
		'level.land': 'Country',
		'level.landsdeel': 'Parts of the country',
		'level.provincie': 'Provinces',
		'level.arbeidsmarktregio': 'Labour market regions',
		'level.corop': 'COROP regions',
		'level.gemeente': 'Municipalities',
		'figure.table': 'Table',
		'figure.tableHide': 'Hide table',
		'figure.csv': 'CSV',
		'figure.csvTitle': 'Download the figures of this chart as CSV',
		'figure.embed': 'Embed',
		'figure.embedTitle': 'Link to this chart only (for embedding)',
		'figure.share': 'Copy link',
		'figure.copied': 'Link copied',
		'figure.source': 'Source',
		'figure.definition': 'Definition',
		'figure.period': 'Period',
		'figure.region': 'Region',
		'figure.series': 'Series',
		'figure.value': 'Value',
		'figure.margin': '95% margin',
		'figure.marginLowOnly': 'lower bound {value}',
		'figure.marginHighOnly': 'upper bound {value}',
		'figure.status': 'Status',
		'figure.chartOf': 'Chart: {title}. {summary}',
		'notes.provisional': 'Provisional figures are drawn with hollow points on a solid line; they may still change.',
		'notes.provisionalBars': 'Provisional figures are drawn as light bars with an edge; they may still change.',
		'notes.provisionalMap': 'Provisional figures are marked so in the table; they may still change.',
		'notes.forecast': 'A dashed line with hollow points is a forecast: what is expected, not an observation.',
		'notes.derived': 'Series marked ◆ (diamond points) are computed by LLO Monitor from published figures ({what}); they are observations, not a forecast.',
		'notes.derivedOf': 'Series marked ◆ (diamond points) are computed by LLO Monitor from published figures ({what}).',
		'notes.adjusted': 'Seasonal adjustment by LLO Monitor (◆, diamond points; our own computation, not an official CBS series).',
		'kind.forecast': 'forecast',
		'figure.noValue': 'no value',
		'legend.forecast': 'Forecast',
		'legend.derived': 'Computed by LLO Monitor',
		'notes.break': 'Break in series before {periods}: figures before and after are not directly comparable.',
		'notes.margins': 'Where the source publishes a 95% margin, it is in the table (sometimes a lower bound only), and with both bounds drawn as a whisker on the bar.',
		'notes.marginsTable': 'Where the source publishes a 95% margin, it is in the table (sometimes a lower bound only).',
		'notes.marginsLine': 'Where the source publishes a 95% margin, it is in the table (sometimes a lower bound only) and in the tooltip of each point.',
		'origin.source': 'source',
		'origin.forecast': 'forecast',
		'origin.derived': 'derived',
		'origin.adjusted': 'our seasonal adjustment',
		'status.definitief': 'final',
		'status.nader_voorlopig': 'revised provisional',
		'status.voorlopig': 'provisional',
		'mark.revised': 'revised',
		'status.niet_vermeld': 'status not stated',
		'notes.incomplete': 'Incomplete: table {table} was imported from a download that was probably cut off ({why}).',
		'reason.onbekend': 'unknown',
		'reason.geheim': 'secret',
		'reason.vertrouwelijk': 'confidential',
		'reason.niet_van_toepassing': 'not applicable',
		'reason.niet_beschikbaar': 'not available',
		'reason.anders': 'not available (see footnote)',
		'legend.provisional': 'Provisional figure',
		'legend.trend': 'Trend {region}',
		'legend.band': 'Trend band {region}',
		'legend.break': 'Break in series',
		'legend.trendBand': 'Trend line with 95% band',
		'kc.title': 'Key figures {region}',
		'kc.intro': 'The main figures on work and learning in {region}, each for the latest period available. Arrow and colour show whether the change is favourable.',
		'kc.noData': 'No figures for this region',
		'kc.incomplete': 'Incomplete source: {why}.',
		'kc.since': 'vs {period}',
		'kc.info': 'About {name}',
		'kc.close': 'Close',
		'kc.definition': 'Definition',
		'kc.good': 'favourable',
		'kc.bad': 'unfavourable',
		'kc.neutral': 'neutral',
		'kc.up': 'up',
		'kc.down': 'down',
		'kc.flat': 'unchanged',
		'kc.shares': 'By group',
		'kc.share.none': 'no figure',
		'kc.share.noneWhy': 'no figure ({reason})',
		'kc.share.partial': 'These groups do not add up to the total: the monitor does not hold a figure for every group.',
		'kc.by.education_level': 'By education level',
		'kc.by.sex': 'By sex',
		'kc.derivedBadge': 'derived',
		'kc.chartTitle': 'Unemployment: {region} and the Netherlands',
		'kc.chart2Title': 'Net labour participation: {region} and the Netherlands',
		'kc.chartTitleNl': 'Unemployment: the Netherlands',
		'kc.chart2TitleNl': 'Net labour participation: the Netherlands',
		'kc.netherlands': 'the Netherlands',
		'kc.same': 'the same as {period}',
		'llo.title': 'Lifelong learning',
		'llo.intro': 'How many people take a course or training? By region (Eurostat, age 25–64, last 4 weeks) and nationally by background and job (CBS, age 15–75). The definition is given below each chart.',
		'llo.regions': 'Participation in education and training by region',
		'llo.education': 'Participation by education level (Netherlands)',
		'llo.type': 'Formal and non-formal learning (Netherlands)',
		'llo.position': 'Participation by labour market position (Netherlands)',
		'llo.relation': 'Employed people by employment relationship: permanent, flexible, self-employed (Netherlands)',
		'cmp.title': 'Compare regions',
		'cmp.intro': 'Choose an indicator, a period and regions of one level. Where the source publishes a margin it is drawn on the bar; the text below the chart says whether differences are significant.',
		'cmp.indicator': 'Indicator',
		'cmp.level': 'Level',
		'cmp.period': 'Period',
		'cmp.regions': 'Regions',
		'cmp.all': 'All',
		'cmp.none': 'None',
		'cmp.chart': '{indicator}, {period}',
		'cmp.differences': 'Differences',
		'cmp.more': 'and {n} other regions',
		'cmp.significant': 'significant',
		'cmp.notSignificant': 'not significant',
		'cmp.notTestable': 'not testable',
		'cmp.why': 'How it was tested',
		'cmp.noDifference': 'no difference can be given, as one of the two has no figure',
		'cmp.noFigures': 'No figures of {indicator} for {period} for these regions; choose another period.',
		'cmp.higherThan': '{amount} higher than {b}',
		'cmp.lowerThan': '{amount} lower than {b}',
		'cmp.equalTo': 'equal to {b}',
		'cmp.noneTestable': 'None of the differences with the {total} other regions can be tested.',
		'cmp.pickTwo': 'Choose at least one region.',
		'cmp.sigCount': 'Of the {total} other regions whose difference can be tested, {region} differs significantly from {count}.',
		'cmp.sigNone': 'Of the {total} other regions whose difference can be tested, {region} differs significantly from none.',
		'cmp.countNote': 'This figure is a count: it follows the size of the region. A significant difference only says that it is not chance of sampling, not that one region fares better or worse; choose a rate to compare regions of different size.',
		'cmp.rankCount': 'In {period} the figure for {indicator} in {region} was {value}: the {rank} of the {total} regions chosen.',
		'cmp.highest': 'highest',
		'cmp.nthHighest': '{n} highest',
		'cmp.method.margins': 'Test: z-test on the difference, using the 95% margins the source publishes (significant when |z| > 1.96). Regions that share municipalities, such as the Netherlands and a province, are not tested as independent; the explanation of each difference says how.',
		'cmp.method.ebb-rule': 'Test: CBS publishes no margins for LFS (EBB) figures; LLO Monitor approximates the standard error from the EBB publication rule (binomial, about 200 persons per observation in a quarter, 50 in a year of four quarters). An approximation, not a CBS margin; significant when |z| > 1.96. Regions that share municipalities, such as the Netherlands and a province, are not tested as independent; the explanation of each difference says how.',
		'cmp.method.not-testable': 'Not testable: the source gives no margin and the EBB rule does not apply, or the regions share municipalities in a way no test can settle. The explanation of each difference says why.',
		'tr.title': 'Trends',
		'tr.intro': 'Development per quarter (or per month or year, as the source publishes the figure) with a linear trend and its 95% band. Trends never span a break in series.',
		'tr.noChange': 'no change to compute: no figure a year earlier, or a break in series in between',
		'tr.from': 'From',
		'tr.to': 'To',
		'tr.yoy.quarter': 'Change on the same quarter a year earlier',
		'tr.yoy.month': 'Change on the same month a year earlier',
		'tr.yoy.year': 'Change on the year before',
		'tr.noFigures': 'No figures on {indicator} for {regions}.',
		'tr.noTotal': 'No total in this table for {dimensions}: the chart shows {members}. The other values are in All tables.',
		'tr.sa': 'Seasonally adjusted (our own computation)',
		'tr.trend': 'Show trend line and band',
		'tr.chart': '{indicator}',
		'tr.chartYoy': '{indicator}: change on a year earlier',
		'tr.chartSa': '{indicator}, seasonally adjusted (LLO Monitor)',
		'tr.saSummary': 'Seasonally adjusted values, computed by LLO Monitor (not the source’s figures).',
		'tr.saNotApplied': 'Seasonal adjustment not applied for {region}: {reason}',
		'tr.trendLine': 'Trend {from}–{to}: {slope} per {per}{sig}.',
		'tr.maxLines': 'A chart shows at most {max} regions; the first {max} are chosen.',
		'tr.per.quarter': 'quarter',
		'tr.per.year': 'year',
		'tr.per.month': 'month',
		'tr.yearly': 'There are no quarterly figures at this level; the chart shows yearly figures.',
		'tr.sig': ' (significant)',
		'tr.notSig': ' (not significant)',
		'map.title': 'Map',
		'map.intro': 'Click an area to select it everywhere on this site. Use Tab to move between areas.',
		'map.chart': '{indicator}, {period}',
		'map.noValue': 'no figure',
		'map.noBoundaries': 'No boundaries of the {level} are loaded yet, so the figures are shown as bars. '
			+ 'An administrator can have the map drawn by importing the GeoJSON with the boundaries of the {level} '
			+ '(CBS/PDOK, gebiedsindelingen).',
		'map.legend': 'Legend',
		'summary.none': 'There are no figures for this selection.',
		'summary.latest': 'In {period} the {indicator} in {region} was {value}',
		'summary.latestCount': 'In {period} the figure for {indicator} in {region} was {value}',
		'summary.latestForecast': 'According to the forecast, the {indicator} in {region} in {period} is {value}',
		'summary.latestCountForecast': 'According to the forecast, the figure for {indicator} in {region} in {period} is {value}',
		'summary.vs': ', {diff} {unit} {dir} {other} ({otherValue})',
		'summary.vsCount': 'in {other} {otherValue}',
		'summary.above': 'above',
		'summary.below': 'below',
		'summary.equal': 'equal to',
		'summary.change': 'Compared with {period} ({value}) that is {diff} {unit} {dir}.',
		'summary.higher': 'higher',
		'summary.lower': 'lower',
		'summary.unchanged': 'That is the same as in {period}.',
		'summary.and': 'and',
		'summary.yoy': 'In {period} the {indicator} in {region} was {change} than a year earlier',
		'summary.yoyCount': 'In {period} the figure for {indicator} in {region} was {change} than a year earlier',
		'summary.yoySame': 'In {period} the {indicator} in {region} was the same as a year earlier',
		'summary.yoyCountSame': 'In {period} the figure for {indicator} in {region} was the same as a year earlier',
		'summary.yoyOther': 'in {other} {change}',
		'summary.yoyOtherSame': 'in {other} the same',
		'summary.map': 'In {period} the {indicator} was highest in {max} ({maxValue}) and lowest in {min} ({minValue}).',
		'summary.mapCount': 'In {period} {max} had the highest value for {indicator} ({maxValue}) and {min} the lowest ({minValue}).',
		'summary.mapRegion': ' {region}: {value}.',
		'summary.mapOne': 'For {indicator} in {period} there is a figure for {region} only: {value}.',
		'summary.breakdown': 'In {period} the {indicator} was highest for {max} ({maxValue}) and lowest for {min} ({minValue}).',
		'unit.pp': 'percentage points',
		'unit.thousand': 'thousand',
		'unit.persons': 'persons',
		'csv.region': 'region',
		'csv.regionCode': 'region_code',
		'csv.series': 'series',
		'csv.period': 'period',
		'csv.periodCode': 'period_code',
		'csv.value': 'value',
		'csv.low': 'margin_low',
		'csv.high': 'margin_high',
		'csv.status': 'status',
		'csv.flags': 'flags',
		'csv.footnote': 'footnote',
		'csv.reason': 'missing_reason',
		'csv.origin': 'origin',
		'csv.source': 'source',
		'one.land': 'country',
		'one.landsdeel': 'part of the country',
		'one.provincie': 'province',
		'one.corop': 'COROP region',
		'one.arbeidsmarktregio': 'labour market region',
		'one.gemeente': 'municipality',
		'picker.region': 'My region',
		'picker.regionHelp': 'Type to search: municipalities, labour market regions, provinces and more.',
		'picker.notFound': 'No region found named “{text}”.',
		'picker.several': 'Several regions are named “{text}”: {chosen} is chosen; pick {others} from the list.',
		'picker.filter': 'Search the list',
		'picker.allLevel': 'All {level}',
		'picker.noneSelected': 'No regions chosen: choose at least one, or choose them all.',
		'picker.mine': '{region} (my region)',
		'fix.regionUnknown': 'The region code ‘{code}’ in the link is unknown; {shown} is shown instead.',
		'fix.regionEnded': '{name} ({code}) no longer exists since {date} (abolished or merged); {shown} is shown instead. Choose the region that replaced it under ‘My region’.',
		'fix.indicator': 'The indicator ‘{code}’ has no figures for {level}; {shown} is shown instead.',
		'fix.shownLevel': 'the level ‘{level}’',
		'fix.indicatorUnknown': 'The indicator code ‘{code}’ in the link is unknown; {shown} is shown instead.',
		'fix.indicatorForecast': '‘{name}’ is a forecast, and this view shows observations only; {shown} is shown instead. Forecasts are shown under Key figures and All tables.',
		'fix.regionsUnknown': 'Unknown region codes in the link have been left out: {codes}.',
		'fix.level': 'This view has no level ‘{asked}’; {shown} are shown instead.',
		'fix.levelNoFigures': 'There are no figures for {asked} that this view can show; {shown} are shown instead.',
		'fix.period': 'There are no figures of {indicator} for {period}; {shown} is shown instead, the latest period with figures.',
		'fix.rangeSwapped': 'The first period ({from}) lay after the last one ({to}); they have been swapped.',
		'fix.rangeDropped': 'There are no figures of {indicator} for {period}; that bound is left out.',
		'fix.sa': 'LLO Monitor computes a seasonal adjustment for quarterly figures only; this chart shows figures per {type}, so unadjusted.',
		'fix.saEmpty': 'There are too few consecutive quarters for a seasonal adjustment; the chart shows the figures themselves.',
		'picker.severalMatch': 'Several regions match “{text}”: {chosen} is chosen; also {others}.',
		'kc.sig.significant': 'significantly {dir} (beyond the margin)',
		'kc.sig.stable': 'stable (within the margin)',
		'kc.sig.break': 'not comparable (break in series)',
		'kc.sig.not-testable': 'not testable (no margin known)',
		'kc.sigDir.up': 'up',
		'kc.sigDir.down': 'down',
		'kc.method.margins': 'Tested with the published 95% margins (where only one bound is published, the interval is taken as symmetric).',
		'kc.method.ebb-rule': 'Tested with the publication rule of the Dutch Labour Force Survey (EBB; approximated sampling margin).',
		'kc.reference': 'Netherlands: {value} ({period})',
		'kc.referenceNone': 'Netherlands: no figure for {period}',
		'kc.sparkline': 'History of {name}, {from} to {to}',
		'kc.intro2': 'The main figures on work and learning in this region, each for the latest period available. An arrow and colour appear only when the change on a year earlier is statistically significant; the Netherlands is always shown alongside.',
		'kc.intro2nl': 'The main figures on work and learning in the Netherlands, each for the latest period available. An arrow and colour appear only when the change on a year earlier is statistically significant.',
		'kc.regionFallback': 'There are no figures on {indicator} for {region}; the chart shows {parent}.',
		'llo.regionFallback': 'Regional lifelong-learning figures exist per province only; for {region} the chart shows {parent}.',
		'view.noLevel': '{indicator} does not exist for {level}; shown: {shown}.',
		'figure.png': 'PNG',
		'figure.svg': 'SVG',
		'figure.pngTitle': 'Download this chart as an image (PNG)',
		'figure.svgTitle': 'Download this chart as SVG',
		'figure.embedCode': 'Code to embed this chart (iframe)',
		'figure.embedLink': 'Link to this chart',
		'figure.copyCode': 'Copy code',
		'figure.close': 'Close',
		'map.reference': 'Netherlands: {value}',
		'map.counts': 'The colour follows the count, not a share of the population: larger regions are therefore often darker.',
		'cmp.reference': 'Netherlands (reference)',
		'cmp.otherLevel': 'Not in this comparison of {level}: {regions} (another region level; choose that level to compare them).',
		'problem.unknown-region': 'Unknown region',
		'problem.unknown-indicator': 'Unknown indicator',
		'problem.unknown-region.detail': 'The region code ‘{value}’ is unknown.',
		'problem.unknown-indicator.detail': 'The indicator code ‘{value}’ is unknown.',
		'problem.not-found': 'Not found',
		'problem.invalid-parameter': 'Invalid parameter',
		'problem.range-too-wide': 'Range too wide',
		'problem.unsupported-period-type': 'Period type not available',
		'problem.unsupported-period-type.detail': 'This indicator has no figures of the period type asked.',
		'problem.parameter': 'The value of ‘{parameter}’ in the request cannot be used.',
		'problem.range-too-wide.parameterDetail': 'The range at ‘{parameter}’ is too wide for one request (too many periods or regions); choose a smaller range.',
		'problem.method-not-allowed': 'Method not allowed',
		'problem.not-acceptable': 'Not acceptable',
		'problem.unauthorized': 'Unauthorized',
		'problem.forbidden': 'Forbidden',
		'problem.rate-limited': 'Rate limited',
		'problem.import-failed': 'Import failed',
		'problem.database-unavailable': 'Database unavailable',
		'problem.internal-error': 'Internal error',
		'csv.unit': 'unit',
	},
};

const MONTHS = {
	nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober',
		'november', 'december'],
	en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
		'November', 'December'],
};

let current = 'nl';
const formatters = new Map();

export function setLang(lang) {
	current = lang === 'en' ? 'en' : 'nl';
	document.documentElement.lang = current;
}

export function getLang() {
	return current;
}

export function locale() {
	return current === 'en' ? 'en-GB' : 'nl-NL';
}

/** Translate a key, filling {placeholders} from params. */
export function t(key, params = {}) {
	const text = STRINGS[current][key] ?? STRINGS.nl[key] ?? key;
	return text.replace(/\{(\w+)\}/g, (m, name) => (params[name] ?? m));
}

/** Apply translations to static markup carrying data-i18n attributes. */
export function translateStatic(root = document) {
	root.querySelectorAll('[data-i18n]').forEach((el) => {
		el.textContent = t(el.dataset.i18n);
	});
	root.querySelectorAll('[data-i18n-aria]').forEach((el) => {
		el.setAttribute('aria-label', t(el.dataset.i18nAria));
	});
	root.querySelectorAll('[data-i18n-title]').forEach((el) => {
		el.setAttribute('title', t(el.dataset.i18nTitle));
	});
}

function numberFormat(decimals, signed) {
	const key = `${current}|${decimals}|${signed}`;
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.NumberFormat(locale(), {
			minimumFractionDigits: decimals,
			maximumFractionDigits: decimals,
			signDisplay: signed ? 'exceptZero' : 'negative',
		});
		formatters.set(key, f);
	}
	return f;
}

/**
 * A plain number with the given decimals, in the current locale (75,5 in NL), negative with a true minus
 * sign (−0,4, U+2212) as the tiles write it, not a hyphen.
 */
export function formatNumber(value, decimals = 1, signed = false) {
	if (value == null || !Number.isFinite(value)) {
		return '–';
	}
	return numberFormat(decimals, signed).format(value).replace('-', '\u2212');
}

function decimalsOf(indicator) {
	return Number.isInteger(indicator?.decimals) ? indicator.decimals : 1;
}

/** A value with its unit: 75,5 % / 717 duizend / 123.456. */
export function formatValue(value, indicator, { signed = false, short = false } = {}) {
	if (value == null || !Number.isFinite(value)) {
		return '–';
	}
	const n = formatNumber(value, decimalsOf(indicator), signed);
	switch (indicator?.unit) {
	case 'percent':
		return current === 'nl' ? `${n}\u00a0%` : `${n}%`;
	case 'x1000':
		return short ? n : `${n}\u00a0${t('unit.thousand')}`;
	case 'pp':
		return short ? n : `${n}\u00a0${t('unit.pp')}`;
	default:
		return n;
	}
}

/** A difference between two values: "2,9 procentpunt" for percentages, else in the unit. */
export function formatDifference(diff, indicator) {
	const abs = Math.abs(diff);
	if (indicator?.unit === 'percent' || indicator?.unit === 'pp') {
		return { text: formatNumber(abs, decimalsOf(indicator)), unit: t('unit.pp') };
	}
	if (indicator?.unit === 'x1000') {
		return { text: formatNumber(abs, decimalsOf(indicator)), unit: t('unit.thousand') };
	}
	if (indicator?.unit === 'persons') {
		return { text: formatNumber(abs, decimalsOf(indicator)), unit: t('unit.persons') };
	}
	return { text: formatNumber(abs, decimalsOf(indicator)), unit: '' };
}

const PERIOD = /^(\d{4})(JJ00|KW0([1-4])|MM(\d{2}))$/;

/** Full period label: 2023 2e kwartaal / 2023 Q2 / november 2024. */
export function periodLabel(code) {
	return formatPeriod(code, false);
}

/** Short period label for chart axes: 2023 K2 / 2023 Q2 / nov 2024. */
export function periodShort(code) {
	return formatPeriod(code, true);
}

function formatPeriod(code, short) {
	const m = PERIOD.exec(code ?? '');
	if (!m) {
		return code ?? '';
	}
	if (m[2] === 'JJ00') {
		return m[1];
	}
	if (m[3]) {
		if (current !== 'nl') {
			return `${m[1]} Q${m[3]}`;
		}
		return short ? `${m[1]} K${m[3]}` : `${m[1]} ${m[3]}e kwartaal`;
	}
	const month = MONTHS[current][Number(m[4]) - 1];
	return `${short ? month.slice(0, 3) : month} ${m[1]}`;
}

export function periodType(code) {
	const m = PERIOD.exec(code ?? '');
	if (!m) {
		return null;
	}
	return m[2] === 'JJ00' ? 'year' : (m[3] ? 'quarter' : 'month');
}

/** Lower-case an indicator name for use inside a sentence ("de netto arbeidsparticipatie"). */
export function inSentence(name) {
	if (!name) {
		return '';
	}
	if (name.length > 1 && name[1] === name[1].toUpperCase() && name[1] !== name[1].toLowerCase()) {
		return name; // WW-uitkeringen, LLO: keep acronyms
	}
	return name[0].toLowerCase() + name.slice(1);
}

/** Why a value is missing (nl.llomonitor.cube.MissingReason code), for people. */
export function reasonLabel(reason) {
	return reason ? t(`reason.${reason}`) : '';
}

/** A region's name inside a sentence: in English the country takes its article ("above the Netherlands"). */
export function regionInSentence(name) {
	// 'Netherlands' and 'Netherlands (reference)' take 'the' inside an English sentence
	return current === 'en' && /^Netherlands( \(|$)/.test(name || '') ? `the ${name}` : name;
}

export function statusLabel(status) {
	return status ? t(`status.${status}`) : '';
}

/**
 * A unit for people (CSV downloads): % for percent, duizend / thousand for x1000, procentpunt /
 * percentage points, personen / persons; any other unit code (ratio, index, unknown) as it is.
 */
export function unitLabel(unit) {
	switch (unit) {
	case 'percent':
		return '%';
	case 'x1000':
		return t('unit.thousand');
	case 'pp':
		return t('unit.pp');
	case 'persons':
		return t('unit.persons');
	default:
		return unit || '';
	}
}

/**
 * The published 95% margin of a point: both bounds, or the one bound the source publishes (WW benefits,
 * 85554NED, publish a lower bound only), or '' where it publishes none.
 */
export function marginText(point, indicator) {
	const low = point?.low;
	const high = point?.high;
	if (low != null && high != null) {
		return `${formatValue(low, indicator)} – ${formatValue(high, indicator)}`;
	}
	if (low != null) {
		return t('figure.marginLowOnly', { value: formatValue(low, indicator) });
	}
	if (high != null) {
		return t('figure.marginHighOnly', { value: formatValue(high, indicator) });
	}
	return '';
}
