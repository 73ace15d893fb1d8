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

}
