package nl.llomonitor.importer.catalog;

import java.util.List;

/**
 * One region of the project's region list ({@code data/regions/regions.csv}).
 *
 * @param code the CBS code, trimmed (PV26)
 * @param level the region level (land, landsdeel, provincie, corop, arbeidsmarktregio,
 * gemeente)
 * @param nameNl Dutch name
 * @param nameEn English name
 * @param parents every region that contains this one (all ancestors)
 * @param aliases other names: label forms, NUTS codes, earlier names
 */
public record RegionEntry(String code, String level, String nameNl, String nameEn, List<String> parents,
		List<Alias> aliases) {

	/**
	 * @param scheme {@code cbs-label}, {@code nuts2016} or {@code name}
	 * @param alias the alias
	 */
	public record Alias(String scheme, String alias) {

		@Override
		public String toString() {
			return this.scheme + "=" + this.alias;
		}

	}

}
