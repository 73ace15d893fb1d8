package nl.llomonitor.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.llomonitor.api.Lang;
import nl.llomonitor.api.Messages;
import nl.llomonitor.indicator.IndicatorInfo;
import nl.llomonitor.indicator.IndicatorView;
import nl.llomonitor.observation.PeriodRef;
import nl.llomonitor.observation.ReadModel;
import nl.llomonitor.observation.ValueText;
import nl.llomonitor.observation.Dataset;
import nl.llomonitor.observation.PeriodCode;
import nl.llomonitor.observation.RequestParams;
import nl.llomonitor.observation.SeriesService;
import nl.llomonitor.observation.Source;
import nl.llomonitor.cube.MissingReason;
import nl.llomonitor.cube.Unit;
import nl.llomonitor.region.RegionCatalog;
import nl.llomonitor.region.RegionRef;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Regions side by side for one indicator and period, with every pairwise difference,
 * whether it is statistically significant (see {@link Significance} for the methods) and
 * a sentence saying so.
 */
@Service
record CompareService(ReadModel read) {

	/**
	 * One region's figure in the period: its value with status, flags and footnote, or,
	 * without a value, the reason the source gives ({@code missingReason}, a code of
	 * {@link nl.llomonitor.cube.MissingReason}); its vintage ({@code recordedAt}, the
	 * import run) and source table. All null where the store holds no cell for the
	 * region.
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record RegionValue(RegionRef region, BigDecimal value, BigDecimal marginLow, BigDecimal marginHigh, String status,
			String flags, String footnote, String sourceTable, String missingReason, OffsetDateTime recordedAt,
			Long importRun) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Difference(String a, String b, BigDecimal difference, String unit, Boolean significant, String method,
			Double z, String explanation) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record CompareResponse(IndicatorView indicator, PeriodRef period, Map<String, String> breakdown, long dataVersion,
			List<RegionValue> values, List<Difference> differences, String method, String summary, List<Source> sources,
			LocalDate asOf) {
	}

	/**
	 * @param indicator indicator code (404 if unknown)
	 * @param codes region codes (404 if one is unknown)
	 * @param requested the period, or null for the latest with data
	 * @param breakdown breakdown filter parameter, or null
	 * @param asOf the figures as known at this moment, or null
	 * @param language language of labels and sentences
	 * @return the answer
	 */
	Mono<Dataset<CompareResponse>> compare(String indicator, List<String> codes, PeriodCode requested, String breakdown,
			OffsetDateTime asOf, Lang language) {
		long version = this.read.currentVersion();
		return Mono
			.zip(this.read.indicators().require(indicator, "indicator"),
					this.read.regions().requireAll(codes, "regions"))
			.flatMap((t) -> {
				IndicatorInfo info = t.getT1();
				SortedMap<String, String> filter = SeriesService.parseBreakdown(breakdown, info);
				if (requested != null) {
					SeriesService.requirePeriodType(info, requested.type(), "period");
				}
				Mono<PeriodCode> chosen = (requested != null) ? Mono.just(requested)
						: this.read.series().latestPeriod(info, codes, filter, asOf);
				return chosen.flatMap((p) -> compute(info, t.getT2(), p, filter, asOf, language, version))
					.switchIfEmpty(Mono.fromSupplier(() -> new CompareResponse(info.view(language), null, filter,
							version, List.of(), List.of(), "not-testable", Messages.get(language, "compare.no-data"),
							List.of(), RequestParams.asOfDate(asOf))))
					.map((response) -> dataset(response, language));
			});
	}

	private Mono<CompareResponse> compute(IndicatorInfo info, List<RegionCatalog.Region> regionList, PeriodCode period,
			SortedMap<String, String> filter, OffsetDateTime asOf, Lang lang, long version) {
		List<String> codes = regionList.stream().map(RegionCatalog.Region::code).toList();
		String type = SeriesService.periodType(info, period.type(), period, period);
		Mono<Map<String, List<SeriesService.Value>>> values = this.read.series()
			.observedValues(new SeriesService.Query(info, codes, type, period, period, filter, asOf));
		Mono<Map<String, Double>> bases = ebbBases(info, codes, type, period, filter, asOf);
		return Mono.zip(values, bases, this.read.sources().all(), this.read.regions().snapshot()).map((t) -> {
			Map<String, SeriesService.Value> byRegion = new HashMap<>();
			t.getT1().forEach((code, list) -> list.stream().findFirst().ifPresent((v) -> byRegion.put(code, v)));
			List<RegionValue> regionValues = new ArrayList<>();
			for (RegionCatalog.Region region : regionList) {
				SeriesService.Value v = byRegion.get(region.code());
				regionValues.add(new RegionValue(region.ref(lang), (v != null) ? v.value() : null,
						(v != null) ? v.marginLow() : null, (v != null) ? v.marginHigh() : null,
						(v != null) ? v.status() : null, (v != null) ? v.flags() : null,
						(v != null) ? v.footnote(lang) : null, (v != null) ? v.sourceTable() : null,
						(v != null) ? v.missingReason() : null, (v != null) ? v.recordedAt() : null,
						(v != null) ? v.importRun() : null));
			}
			Map<String, Set<String>> gemeenten = t.getT4().members(codes, period.start());
			List<Difference> differences = new ArrayList<>();
			for (int i = 0; i < regionList.size(); i++) {
				for (int j = i + 1; j < regionList.size(); j++) {
					// two regions of one name ("Groningen", the province and the
					// arbeidsmarktregio) are told apart by their level in the sentences
					RegionCatalog.Region ra = named(regionList.get(i), regionList.get(j));
					RegionCatalog.Region rb = named(regionList.get(j), regionList.get(i));
					differences.add(difference(info, type, ra, byRegion.get(ra.code()), rb, byRegion.get(rb.code()),
							relation(gemeenten, ra, rb), t.getT2(), period, lang));
				}
			}
			Set<String> methods = new LinkedHashSet<>();
			differences.forEach((d) -> methods.add(d.method()));
			String method = methods.isEmpty() ? "not-testable" : String.join(",", methods);
			return new CompareResponse(info.view(lang), PeriodRef.of(period, lang), new LinkedHashMap<>(filter),
					version, regionValues, differences, method,
					summary(differences.stream().filter((d) -> d.a().equals(regionList.get(0).code())).toList(),
							differences.isEmpty()),
					Source.of(regionList.stream().map((r) -> byRegion.get(r.code())).toList(), t.getT3(), lang),
					RequestParams.asOfDate(asOf));
		});
	}

	private Mono<Map<String, Double>> ebbBases(IndicatorInfo info, List<String> codes, String type, PeriodCode period,
			SortedMap<String, String> filter, OffsetDateTime asOf) {
		// the sample rule's base population and survey are data (data/indicators.yaml,
		// survey of the mapping file), decided as for a change on a year earlier
		String baseCode = ChangeVerdictService.ebbBase(info);
		if (baseCode == null) {
			return Mono.just(Map.of());
		}
		return this.read.indicators().all().flatMap((all) -> {
			IndicatorInfo base = all.get(baseCode);
			SortedMap<String, String> group = (base != null) ? baseBreakdown(info, base, filter) : null;
			if (group == null) {
				return Mono.just(Map.<String, Double>of());
			}
			return this.read.series()
				.observedValues(new SeriesService.Query(base, codes, type, period, period, group, asOf))
				.map((values) -> {
					Map<String, Double> result = new HashMap<>();
					values.forEach((code, list) -> list.stream()
						.findFirst()
						.filter((v) -> v.value() != null)
						.ifPresent((v) -> result.put(code, v.value().doubleValue())));
					return result;
				});
		});
	}

	/**
	 * The breakdown of the sample base that the EBB rule needs for a figure of a group. A
	 * percentage of a group rests on the sample of that group, so its base is the group's
	 * own, read with the same breakdown; where the base indicator lacks that breakdown,
	 * the rule cannot be applied (the whole population's base would understate the error
	 * many times over). A count of a group is a share of the whole population, whose base
	 * is the right one.
	 * @param info the indicator compared
	 * @param base its sample base indicator
	 * @param filter the breakdown compared (empty for the totals)
	 * @return the breakdown to read the base with, or null when the rule does not apply
	 */
	static SortedMap<String, String> baseBreakdown(IndicatorInfo info, IndicatorInfo base,
			SortedMap<String, String> filter) {
		if (filter.isEmpty() || !Unit.PERCENT.code().equals(info.unit())) {
			return new TreeMap<>();
		}
		for (Map.Entry<String, String> part : filter.entrySet()) {
			IndicatorInfo.Dimension dimension = base.dimensions().get(part.getKey());
			if (dimension == null || dimension.members().stream().noneMatch((m) -> m.code().equals(part.getValue()))) {
				return null;
			}
		}
		return new TreeMap<>(filter);
	}

	/**
	 * @return the region, its names followed by its level where the other region has the
	 * same name ("Groningen (provincie)" beside "Groningen (arbeidsmarktregio)")
	 */
	static RegionCatalog.Region named(RegionCatalog.Region region, RegionCatalog.Region other) {
		if (!region.nameNl().equalsIgnoreCase(other.nameNl()) && !region.nameEn().equalsIgnoreCase(other.nameEn())) {
			return region;
		}
		return region.withLevelInName();
	}

	/**
	 * @param gemeenten the gemeenten of each region in the period (of the edition valid
	 * on its first day)
	 * @return how {@code a} lies towards {@code b}; Nederland holds every region even
	 * where no edition links them
	 */
	static RegionCatalog.Relation relation(Map<String, Set<String>> gemeenten, RegionCatalog.Region a,
			RegionCatalog.Region b) {
		RegionCatalog.Relation relation = RegionCatalog.Relation.of(gemeenten.get(a.code()), gemeenten.get(b.code()));
		if (relation == RegionCatalog.Relation.UNKNOWN && "land".equals(a.level()) != "land".equals(b.level())) {
			return "land".equals(a.level()) ? RegionCatalog.Relation.CONTAINS : RegionCatalog.Relation.WITHIN;
		}
		return relation;
	}

	/**
	 * Why no difference is given: the region (or both) without a value in the period,
	 * each with the source's reason where it gives one ("Geen waarde voor Utrecht
	 * (vertrouwelijk) en Fryslân in 1990.").
	 * @param first a region without a value
	 * @param firstValue its cell, or null where the store holds none
	 * @param second the other region if it has no value either, else null
	 * @param secondValue its cell, or null
	 */
	static String noValue(RegionCatalog.Region first, SeriesService.Value firstValue, RegionCatalog.Region second,
			SeriesService.Value secondValue, PeriodCode period, Lang lang) {
		String names = withReason(first, firstValue, lang);
		if (second != null) {
			names = Messages.get(lang, "compare.no-value.both", names, withReason(second, secondValue, lang));
		}
		return Messages.get(lang, "compare.no-value", names, period.label(lang));
	}

	private static String withReason(RegionCatalog.Region region, SeriesService.Value value, Lang lang) {
		String name = Texts.region(region, lang);
		if (value != null && value.forecast()) {
			// a forecast is never compared as an observation: said, not left as a gap
			return name + " (" + Messages.get(lang, "compare.no-value.forecast") + ")";
		}
		MissingReason reason = (value != null) ? MissingReason.fromCode(value.missingReason()) : null;
		return (reason != null) ? name + " (" + reason.label(lang == Lang.EN) + ")" : name;
	}

	static Difference difference(IndicatorInfo info, String type, RegionCatalog.Region ra, SeriesService.Value a,
			RegionCatalog.Region rb, SeriesService.Value b, RegionCatalog.Relation relation, Map<String, Double> bases,
			PeriodCode period, Lang lang) {
		String unit = Texts.differenceUnit(info.unit(), lang);
		boolean noA = a == null || a.value() == null;
		boolean noB = b == null || b.value() == null;
		if (noA || noB) {
			return new Difference(ra.code(), rb.code(), null, unit, null, "not-testable", null, noValue(noA ? ra : rb,
					noA ? a : b, (noA && noB) ? rb : null, (noA && noB) ? b : null, period, lang));
		}
		BigDecimal diff = a.value().subtract(b.value()).setScale(info.decimals(), RoundingMode.HALF_UP);
		double va = a.value().doubleValue();
		double vb = b.value().doubleValue();
		Significance.Test test;
		String explanation;
		Double marginSeA = marginSe(a);
		Double marginSeB = marginSe(b);
		if (relation == RegionCatalog.Relation.SAME) {
			// two codes for one area (an arbeidsmarktregio that is a province): the same
			// population, so a difference comes from the sources, not from sampling
			test = Significance.Test.notTestable();
			explanation = Messages.get(lang, "compare.same-area", Texts.upperFirst(Texts.region(ra, lang)),
					Texts.region(rb, lang));
		}
		else if (relation == RegionCatalog.Relation.UNKNOWN && Texts.count(info.unit())) {
			// no edition links one of them to gemeenten: one may hold the other, and then
			// their difference is one of size, whatever a test would say
			test = Significance.Test.notTestable();
			explanation = Messages.get(lang, "compare.unknown-count", Texts.upperFirst(Texts.region(ra, lang)),
					Texts.region(rb, lang));
		}
		else if (relation.overlapping() && Texts.count(info.unit())) {
			// a count of a region holds the counts of the regions within it (and part
			// of those it overlaps): the two are not independent estimates, and their
			// difference is one of size, so it is not tested
			test = Significance.Test.notTestable();
			explanation = (relation == RegionCatalog.Relation.OVERLAPS)
					? Messages.get(lang, "compare.overlap-count", Texts.region(ra, lang), Texts.region(rb, lang))
					: Messages.get(lang, "compare.nested-count",
							Texts.upperFirst(
									Texts.region((relation == RegionCatalog.Relation.CONTAINS) ? ra : rb, lang)),
							Texts.region((relation == RegionCatalog.Relation.CONTAINS) ? rb : ra, lang));
		}
		else if (marginSeA != null && marginSeB != null) {
			test = Significance.zTest(va, marginSeA, vb, marginSeB, "margins");
			boolean oneSided = a.marginHigh() == null || a.marginLow() == null || b.marginHigh() == null
					|| b.marginLow() == null;
			explanation = Messages.get(lang, "compare.margins",
					oneSided ? Messages.get(lang, "compare.margins.one-sided") : "",
					ValueText.number(test.z(), 2, lang));
		}
		else if (bases.containsKey(ra.code()) && bases.containsKey(rb.code())) {
			boolean percent = Unit.PERCENT.code().equals(info.unit());
			double seA = Significance.ebbStandardError(va, percent, bases.get(ra.code()), type);
			double seB = Significance.ebbStandardError(vb, percent, bases.get(rb.code()), type);
			test = (Double.isNaN(seA) || Double.isNaN(seB)) ? Significance.Test.notTestable()
					: Significance.zTest(va, seA, vb, seB, "ebb-rule");
			explanation = test.method().equals("ebb-rule")
					? Messages.get(lang, "compare.ebb", ValueText.number(test.seA(), 2, lang),
							ValueText.number(test.seB(), 2, lang), ValueText.number(test.z(), 2, lang))
					: Messages.get(lang, "compare.ebb.too-few");
		}
		else {
			test = Significance.Test.notTestable();
			explanation = Messages.get(lang, "compare.not-testable");
		}
		if ((relation.overlapping() || relation == RegionCatalog.Relation.UNKNOWN) && test.significant() != null) {
			// a rate of a region and of a region within it (or overlapping it) share
			// sample: their estimates covary, and a test that treats them as independent
			// overstates the error of their difference
			Overlapped overlapped = overlapped(test, relation, ra, rb, bases, lang);
			test = overlapped.test();
			explanation = explanation + " " + overlapped.explanation();
		}
		if (relation == RegionCatalog.Relation.DISJOINT && Texts.count(info.unit()) && test.significant() != null) {
			// a test of two counts says whether their difference lies beyond sampling
			// error, which for regions of different size it nearly always does: it says
			// nothing about how the regions fare, which a rate of each does
			explanation = explanation + " " + Messages.get(lang, "compare.disjoint-count");
		}
		String sentence = sentence(info, period, ra, va, rb, vb, diff, test, lang);
		return new Difference(ra.code(), rb.code(), diff, unit, test.significant(), test.method(),
				Double.isNaN(test.z()) ? null : Math.round(test.z() * 100) / 100.0, sentence + " " + explanation);
	}

	record Overlapped(Significance.Test test, String explanation) {
	}

	/**
	 * The test of two rates whose regions overlap. Where one region lies within the other
	 * and the sample bases of both are known, the covariance is taken into account: with
	 * {@code w} the smaller region's share of the larger one's base, the larger estimate
	 * is {@code w} times the smaller one plus {@code 1 - w} times an independent rest, so
	 * {@code cov = w se_small^2} and
	 * {@code var(a - b) = se_a^2 + se_b^2 - 2 w se_small^2} (the variance of a weighted
	 * mean of independent parts). Otherwise the independent test overstates that variance
	 * (the covariance of overlapping parts is never negative): a difference it finds
	 * significant is so, one it does not find cannot be ruled out, and is left untested.
	 * The same holds where how the two lie is {@link RegionCatalog.Relation#UNKNOWN
	 * unknown} (no edition links one of them to gemeenten): they may overlap.
	 * @param test the test as if the two were independent
	 * @return the test and the sentence that says how the overlap was handled
	 */
	static Overlapped overlapped(Significance.Test test, RegionCatalog.Relation relation, RegionCatalog.Region ra,
			RegionCatalog.Region rb, Map<String, Double> bases, Lang lang) {
		boolean aContains = relation == RegionCatalog.Relation.CONTAINS;
		RegionCatalog.Region large = aContains ? ra : rb;
		RegionCatalog.Region small = aContains ? rb : ra;
		Double largeBase = bases.get(large.code());
		Double smallBase = bases.get(small.code());
		if ((relation == RegionCatalog.Relation.CONTAINS || relation == RegionCatalog.Relation.WITHIN)
				&& largeBase != null && smallBase != null && largeBase > 0 && smallBase <= largeBase) {
			double share = smallBase / largeBase;
			double seSmall = aContains ? test.seB() : test.seA();
			double seLarge = aContains ? test.seA() : test.seB();
			// the model holds only where the larger estimate is at least as precise as
			// its part of the smaller one allows (var_large >= w^2 var_small); otherwise
			// the standard errors do not fit it, and the overlap is handled as unknown
			Significance.Test nested = (seLarge >= share * seSmall)
					? Significance.zTest(test, share * seSmall * seSmall) : Significance.Test.notTestable();
			if (nested.significant() != null) {
				return new Overlapped(nested,
						Messages.get(lang, "compare.nested-rate", Texts.upperFirst(Texts.region(small, lang)),
								Texts.region(large, lang), ValueText.number(share * 100, 0, lang),
								ValueText.number(nested.z(), 2, lang), ValueText.number(test.z(), 2, lang)));
			}
		}
		String a = Texts.upperFirst(Texts.region(ra, lang));
		String b = Texts.region(rb, lang);
		String kind = (relation == RegionCatalog.Relation.UNKNOWN) ? "unknown" : "overlap";
		if (Boolean.TRUE.equals(test.significant())) {
			return new Overlapped(test, Messages.get(lang, "compare." + kind + "-rate.significant", a, b));
		}
		return new Overlapped(Significance.Test.notTestable(),
				Messages.get(lang, "compare." + kind + "-rate.undecided", a, b));
	}

	/**
	 * @return the standard error from the published 95 % interval; with only one bound
	 * published, the interval is taken as symmetric around the value; null without
	 * margins
	 */
	static Double marginSe(SeriesService.Value v) {
		if (v.marginLow() != null && v.marginHigh() != null) {
			return Significance.seFromMargins(v.marginLow().doubleValue(), v.marginHigh().doubleValue());
		}
		if (v.marginLow() != null) {
			return (v.value().doubleValue() - v.marginLow().doubleValue()) / Significance.Z95;
		}
		if (v.marginHigh() != null) {
			return (v.marginHigh().doubleValue() - v.value().doubleValue()) / Significance.Z95;
		}
		return null;
	}

	private static String sentence(IndicatorInfo info, PeriodCode period, RegionCatalog.Region ra, double va,
			RegionCatalog.Region rb, double vb, BigDecimal diff, Significance.Test test, Lang lang) {
		// a count reads "the figure for job vacancies in ... was", which agrees with
		// plural names too
		String name = Messages.get(lang, Texts.count(info.unit()) ? "compare.subject.count" : "compare.subject",
				Texts.lowerFirst(info.name(lang)));
		String a = Texts.region(ra, lang) + " (" + ValueText.value(va, info.unit(), info.decimals(), lang) + ")";
		String b = Texts.region(rb, lang) + " (" + ValueText.value(vb, info.unit(), info.decimals(), lang) + ")";
		String amount = ValueText.number(diff.abs().doubleValue(), info.decimals(), lang) + " "
				+ Texts.differenceUnit(info.unit(), lang);
		String verdict = Messages.get(lang, (test.significant() == null) ? "compare.verdict.untestable"
				: test.significant() ? "compare.verdict.significant" : "compare.verdict.not-significant");
		if (diff.signum() == 0) {
			return Messages.get(lang, "compare.equal", period.label(lang), name, a, b);
		}
		return Messages.get(lang, (diff.signum() > 0) ? "compare.above" : "compare.below", period.label(lang), name, a,
				amount.trim(), b, verdict);
	}

	private static String summary(List<Difference> withFirst, boolean none) {
		if (none) {
			return "";
		}
		StringBuilder sb = new StringBuilder();
		for (Difference d : withFirst) {
			// a pair with a missing value has only its one sentence; otherwise the
			// sentence
			// before the explanation of the test
			String explanation = d.explanation();
			int end = explanation.indexOf(". ");
			String first = (end > 0 && d.difference() != null) ? explanation.substring(0, end + 1) : explanation;
			if (sb.length() > 0) {
				sb.append(' ');
			}
			sb.append(first);
		}
		return sb.toString();
	}

	private static Dataset<CompareResponse> dataset(CompareResponse response, Lang lang) {
		List<String> notes = new ArrayList<>();
		for (Difference d : response.differences()) {
			notes.add(d.a() + " - " + d.b() + ": " + d.explanation());
		}
		Map<String, Object> extension = new LinkedHashMap<>();
		extension.put("breakdown", response.breakdown());
		extension.put("differences", response.differences());
		extension.put("summary", response.summary());
		return Dataset.ofRegions(response, "compare-" + response.indicator().code(), response.indicator(),
				response.period(),
				response.values()
					.stream()
					.map((v) -> new Dataset.RegionCell(v.region().code(), v.region().name(), v.value(), v.marginLow(),
							v.marginHigh(), v.status(), v.flags(), v.footnote(), v.missingReason(), v.sourceTable(),
							v.recordedAt()))
					.toList(),
				response.sources(), response.dataVersion(), response.asOf(), notes, extension, lang);
	}

}
