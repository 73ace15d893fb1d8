package nl.llomonitor.importer.store;

import java.util.Collection;

import nl.llomonitor.importer.catalog.TableMapping;
import org.jooq.DSLContext;

import static nl.llomonitor.db.Tables.SOURCE_TABLE_KIND;

/**
 * Records whether a source table publishes observations or forecasts
 * ({@code source_table_kind}), as its mapping file declares ({@code kind},
 * {@code baseYear}). The read side marks every value of a forecast table as a forecast.
 */
public final class TableKinds {

	private TableKinds() {
	}

	/**
	 * @param tx a transaction
	 * @param mappings the mappings whose declaration to record
	 * @return rows inserted or changed
	 */
	public static int record(DSLContext tx, Collection<TableMapping> mappings) {
		int changed = 0;
		for (TableMapping m : mappings) {
			Short baseYear = (m.baseYear() != null) ? m.baseYear().shortValue() : null;
			changed += tx.insertInto(SOURCE_TABLE_KIND)
				.set(SOURCE_TABLE_KIND.TABLE_ID, m.table())
				.set(SOURCE_TABLE_KIND.KIND, m.kind())
				.set(SOURCE_TABLE_KIND.BASE_YEAR, baseYear)
				.set(SOURCE_TABLE_KIND.TITLE, m.title())
				.onConflict(SOURCE_TABLE_KIND.TABLE_ID)
				.doUpdate()
				.set(SOURCE_TABLE_KIND.KIND, m.kind())
				.set(SOURCE_TABLE_KIND.BASE_YEAR, baseYear)
				.set(SOURCE_TABLE_KIND.TITLE, m.title())
				.where(org.jooq.impl.DSL
					.row(SOURCE_TABLE_KIND.KIND, SOURCE_TABLE_KIND.BASE_YEAR, SOURCE_TABLE_KIND.TITLE)
					.isDistinctFrom(m.kind(), baseYear, m.title()))
				.execute();
		}
		return changed;
	}

}
