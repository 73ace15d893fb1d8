package nl.llomonitor.observation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.llomonitor.api.Lang;
import nl.llomonitor.indicator.IndicatorView;

/**
 * One answer of a data endpoint, in every representation it has: the endpoint's own JSON
 * answer, and the cells of one indicator over some dimensions (region, period, ...) from
 * which {@link DatasetWriter} writes CSV and JSON-stat 2.0. Which one a client gets is
 * chosen by content negotiation ({@code Accept}) or {@code ?format=json|csv|jsonstat}.
 *
 * @param <A> the type of the endpoint's JSON answer (the schema its API documentation
 * shows)
 * @param body the JSON answer (its shape is the endpoint's own)
 * @param name file name of a CSV download, without extension
 * @param indicator the indicator (JSON-stat metric; CSV column {@code indicator})
 * @param dimensions the dimensions of the cells, in order (JSON-stat row-major order)
 * @param columns names of the CSV columns after {@code value}
 * @param cells the cells
 * @param sources attribution
 * @param dataVersion the data version, or null
 * @param asOf the date of an {@code asOf} view, or null
 * @param notes extra CSV comment lines after the attribution
 * @param extension extra JSON-stat extension entries
 * @param lang language of the CSV attribution
 */
public record Dataset<A>(A body, String name, IndicatorView indicator, List<Dimension> dimensions, List<String> columns,
		List<Cell> cells, List<Source> sources, Long dataVersion, LocalDate asOf, List<String> notes,
		Map<String, Object> extension, Lang lang) {

	/**
	 * A dimension of the cells.
	 *
	 * @param id dimension id, also the CSV column of a cell's code ({@code region})
	 * @param label dimension label (JSON-stat): "Dutch / English"
	 * ({@code Regio / region}), given in the language asked for, or one text
	 * @param labelColumn CSV column of a category's label ({@code region_name}), or null
	 * for none
	 * @param categories category code to label, in order
	 */
	public record Dimension(String id, String label, String labelColumn, Map<String, String> categories) {

		/**
		 * @param id dimension id
		 * @param label dimension label
		 * @param labelColumn CSV column of the labels, or null
		 * @return an empty dimension to add categories to
		 */
		public static Dimension of(String id, String label, String labelColumn) {
			return new Dimension(id, label, labelColumn, new LinkedHashMap<>());
		}

	}

	/**
	 * One cell.
	 *
	 * @param coordinates its category code in each dimension, in dimension order
	 * @param value the value, null if missing
	 * @param status definitief, nader_voorlopig, voorlopig (JSON-stat status where not
	 * definitief), or null
	 * @param attributes the values of the CSV columns after {@code value}
	 */
	public record Cell(List<String> coordinates, BigDecimal value, String status, List<Object> attributes) {
	}

	/**
	 * One region's cell of a one-period answer ({@link #ofRegions}).
	 *
	 * @param code region code
	 * @param name region name
	 * @param value the value, or null
	 * @param marginLow lower bound of the published 95 % interval, or null
	 * @param marginHigh upper bound, or null
	 * @param status the value's status, or null where the store holds no cell
	 * @param flags flag letters, or null
	 * @param footnote footnote, or null
	 * @param missingReason why the value is null, or null
	 * @param sourceTable the source table, or null
	 * @param recordedAt when the value became known, or null
	 */
	public record RegionCell(String code, String name, BigDecimal value, BigDecimal marginLow, BigDecimal marginHigh,
			String status, String flags, String footnote, String missingReason, String sourceTable,
			java.time.OffsetDateTime recordedAt) {
	}

	/**
	 * The dataset of an answer for several regions in one period (compare, map): the
	 * dimensions region and period, one cell per region, the CSV columns
	 * {@code margin_low, margin_high, unit, status, flags, footnote, missing_reason,
	 * source_table, recorded_at}.
	 * @param <A> the type of the JSON answer
	 * @param body the JSON answer
	 * @param name the CSV file name, without extension
	 * @param indicator the indicator
	 * @param period the period, or null when the answer has none (no cells then)
	 * @param regions the cells, in order
	 * @param sources attribution
	 * @param dataVersion the data version, or null
	 * @param asOf the date of an {@code asOf} view, or null (then not in the extension)
	 * @param notes extra CSV comment lines
	 * @param extension extra JSON-stat extension entries ({@code asOf} is added)
	 * @param lang language of the attribution
	 * @return the dataset
	 */
	public static <A> Dataset<A> ofRegions(A body, String name, IndicatorView indicator, PeriodRef period,
			List<RegionCell> regions, List<Source> sources, Long dataVersion, LocalDate asOf, List<String> notes,
			Map<String, Object> extension, Lang lang) {
		Dimension region = Dimension.of("region", "Regio / region", "region_name");
		Dimension periods = Dimension.of("period", "Periode / period", null);
		String periodCode = (period != null) ? period.code() : null;
		if (periodCode != null) {
			periods.categories().put(periodCode, period.label());
		}
		List<Cell> cells = new java.util.ArrayList<>();
		for (RegionCell v : regions) {
			region.categories().put(v.code(), v.name());
			cells.add(new Cell(java.util.Arrays.asList(v.code(), periodCode), v.value(), v.status(),
					java.util.Arrays.asList(v.marginLow(), v.marginHigh(), indicator.unit(), v.status(), v.flags(),
							v.footnote(), v.missingReason(), v.sourceTable(), v.recordedAt())));
		}
		Map<String, Object> ext = new LinkedHashMap<>(extension);
		if (asOf != null) {
			ext.put("asOf", asOf.toString());
		}
		return new Dataset<>(
				body, name, indicator, List.of(region, periods), List.of("margin_low", "margin_high", "unit", "status",
						"flags", "footnote", "missing_reason", "source_table", "recorded_at"),
				cells, sources, dataVersion, asOf, notes, ext, lang);
	}

}
