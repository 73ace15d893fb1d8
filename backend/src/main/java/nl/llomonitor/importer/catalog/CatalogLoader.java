package nl.llomonitor.importer.catalog;

import java.util.Comparator;
import java.util.List;

import nl.llomonitor.importer.store.RegionWriter;
import org.jooq.DSLContext;
import tools.jackson.databind.json.JsonMapper;

import static nl.llomonitor.db.Tables.DIMENSION;
import static nl.llomonitor.db.Tables.DIMENSION_MEMBER;
import static nl.llomonitor.db.Tables.INDICATOR;
import static nl.llomonitor.db.Tables.SOURCE;
import static nl.llomonitor.db.Tables.REGION_EDITION;

/**
 * Upserts the indicator catalog ({@code data/indicators.yaml}) and, until the first
 * "Gebieden in Nederland" edition is imported, the built-in region list
 * ({@code data/regions/regions.csv}) into the store. Idempotent; bumps the data version
 * only when something changed.
 */
public final class CatalogLoader {

	/** Writes an indicator's value classes as stored in {@code indicator.classes}. */
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CatalogLoader() {
	}

	/**
	 * Upserts the attribution of every mapped table (publisher, licence, URL, survey)
	 * into {@code source}.
	 * @param jdbc the store
	 * @param mappings the mapping files
	 * @return rows changed
	 */
	public static long loadSources(DSLContext jdbc, MappingRegistry mappings) {
		return jdbc.transactionResult((cfg) -> {
			DSLContext tx = cfg.dsl();
			long changed = 0;
			for (TableMapping m : mappings.all()) {
				var source = tx.newRecord(SOURCE);
				source.setTableId(m.table());
				source.setPublisher(m.publisher());
				source.setLicence(m.licence());
				source.setUrl(m.url());
				source.setSurvey(m.survey());
				// table ids are unique without regard to case: a mapping may change the
				// case of its id
				changed += tx.update(SOURCE)
					.set(source)
					.where(org.jooq.impl.DSL.lower(SOURCE.TABLE_ID).eq(m.table().toLowerCase(java.util.Locale.ROOT)))
					.and(org.jooq.impl.DSL.row(SOURCE.fields())
						.isDistinctFrom(org.jooq.impl.DSL.row(source.valuesRow().fields())))
					.execute();
				changed += tx.insertInto(SOURCE).set(source).onConflictDoNothing().execute();
			}
			if (changed > 0) {
				tx.fetchValue("select bump_data_version()");
			}
			return changed;
		});
	}

	public static long load(DSLContext jdbc, Catalog catalog, RegionDirectory regions) {
		return jdbc.transactionResult((cfg) -> {
			DSLContext tx = cfg.dsl();
			long changed = 0;
			List<Catalog.Indicator> ordered = catalog.indicators()
				.stream()
				.sorted(Comparator.comparing(Catalog.Indicator::derived))
				.toList();
			for (Catalog.Indicator i : ordered) {
				var values = tx.newRecord(INDICATOR);
				values.setCode(i.code());
				values.setNameNl(i.name().nl());
				values.setNameEn(i.name().en());
				values.setUnit(i.unit());
				values.setDecimals((short) ((i.decimals() != null) ? i.decimals() : 1));
				values.setDefinitionNl(i.definition().nl());
				values.setDefinitionEn(i.definition().en());
				values.setExplanationNl((i.explanation() != null) ? i.explanation().nl() : null);
				values.setExplanationEn((i.explanation() != null) ? i.explanation().en() : null);
				values.setSourceTable(i.sourceTable());
				values.setHigherIsBetter(i.higherIsBetter());
				values.setSeasonallyAdjusted(Boolean.TRUE.equals(i.seasonallyAdjusted()));
				values.setNumeratorCode(i.numerator());
				values.setDenominatorCode(i.denominator());
				values.setMultiplier(i.multiplier());
				values.setKerncijferOrder((i.kerncijfer() != null) ? (short) i.kerncijfer().order() : null);
				values.setKerncijferFallback((i.kerncijfer() != null) && i.kerncijfer().fallback());
				values.setShareDimensions(i.shareDimensions().toArray(String[]::new));
				values.setSampleBase(i.sampleBase());
				values.setClasses(i.classes().isEmpty() ? null
						: org.jooq.JSONB.valueOf(JSON.writeValueAsString(i.valueClasses())));
				changed += tx.insertInto(INDICATOR)
					.set(values)
					.onConflict(INDICATOR.CODE)
					.doUpdate()
					.set(values)
					.where(org.jooq.impl.DSL.row(INDICATOR.fields())
						.isDistinctFrom(org.jooq.impl.DSL.row(values.valuesRow().fields())))
					.execute();
			}
			for (Catalog.Dimension d : catalog.dimensions()) {
				changed += tx.insertInto(DIMENSION)
					.set(DIMENSION.CODE, d.code())
					.set(DIMENSION.NAME_NL, d.name().nl())
					.set(DIMENSION.NAME_EN, d.name().en())
					.onConflict(DIMENSION.CODE)
					.doUpdate()
					.set(DIMENSION.NAME_NL, d.name().nl())
					.set(DIMENSION.NAME_EN, d.name().en())
					.where(DIMENSION.NAME_NL.ne(d.name().nl()).or(DIMENSION.NAME_EN.ne(d.name().en())))
					.execute();
				int order = 0;
				for (Catalog.Member m : d.members()) {
					order += 10;
					// its source_key is the importer's: neither written nor compared here
					var member = tx.newRecord(DIMENSION_MEMBER);
					member.setDimensionCode(d.code());
					member.setCode(m.code());
					member.setNameNl(m.nl());
					member.setNameEn(m.en());
					member.setSortOrder(order);
					member.setIsTotal(m.total());
					changed += tx.insertInto(DIMENSION_MEMBER)
						.set(member)
						.onConflict(DIMENSION_MEMBER.DIMENSION_CODE, DIMENSION_MEMBER.CODE)
						.doUpdate()
						.set(member)
						.where(org.jooq.impl.DSL
							.row(DIMENSION_MEMBER.NAME_NL, DIMENSION_MEMBER.NAME_EN, DIMENSION_MEMBER.SORT_ORDER,
									DIMENSION_MEMBER.IS_TOTAL)
							.isDistinctFrom(m.nl(), m.en(), order, m.total()))
						.execute();
				}
			}
			// the built-in region list seeds the store until the first edition is
			// imported; from then on the store's editions decide
			if (!tx.fetchExists(REGION_EDITION)) {
				changed += RegionWriter.upsert(tx, regions.entries());
			}
			if (changed > 0) {
				tx.fetchValue("select bump_data_version()");
			}
			return changed;
		});
	}

}
