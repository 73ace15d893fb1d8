package nl.llomonitor.importer.format;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

import nl.llomonitor.cube.ImportWarning;
import nl.llomonitor.importer.ImportJob;
import nl.llomonitor.importer.ReadResult;
import nl.llomonitor.importer.catalog.RegionEntry;
import nl.llomonitor.importer.catalog.RegionListBuilder;
import nl.llomonitor.importer.store.RegionWriter;

/**
 * Imports one edition of CBS "Gebieden in Nederland" (85755NED: gemeenten with their
 * arbeidsmarktregio, COROP area, provincie and landsdeel) into {@code region},
 * {@code region_parent}, {@code region_alias} and {@code region_edition}. The edition is
 * valid from the date given with the import ({@code --valid-from}, admin form field
 * {@code validFrom}), else from the day of the import; see
 * {@link RegionWriter#applyEdition}.
 */
public final class RegionsImporter implements FormatReader {

	/** The earliest date an edition can be valid from: CBS was founded in 1899. */
	static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	/**
	 * How many years ahead an edition may be dated: CBS announces a gemeente's merger a
	 * year or two ahead; planning editions go further, a typo (2205) does not.
	 */
	static final int AHEAD_YEARS = 10;

	@Override
	public ReadResult read(InputStream in, ImportJob job) throws IOException {
		ReadResult.Builder found = ReadResult.builder(job);
		List<RegionEntry> entries = new RegionListBuilder().gebieden(in, job.fileName()).build();
		LocalDate validFrom = (job.validFrom() != null) ? job.validFrom() : LocalDate.now();
		LocalDate latest = LocalDate.of(LocalDate.now().getYear() + AHEAD_YEARS, 1, 1);
		if (validFrom.isBefore(EARLIEST) || validFrom.isAfter(latest)) {
			// a typo (2205 for 2025) would make the edition the newest, which every
			// question without a date answers with, or put it before all others
			throw job.error(null, "validFrom", validFrom.toString(),
					"a date from " + EARLIEST + " to " + latest
							+ ", such as 2025-01-01 (CLI --valid-from, admin form field validFrom)",
					"edition date out of range");
		}
		// a complete edition that is probably cut off is refused, or with allowIncomplete
		// applied as a partial one (ending nothing) and the run marked incomplete
		RegionWriter.EditionResult result = RegionWriter.applyEdition(job.tx(), entries, validFrom, job.fileName(),
				job.runId(), job.options().allowIncomplete());
		if (result.cutOff() != null) {
			found.incomplete(result.cutOff());
		}
		found.rows(result.gemeenten(), result.changed(),
				Math.max(0, entries.size() - result.regionsAdded() - result.regionsRenamed()));
		found.warn(ImportWarning.of(ImportWarning.REGION_EDITION, String.valueOf(validFrom), result.regionsAdded(),
				result.regionsRenamed(), result.linksStarted(), result.linksEnded(), result.regionsEnded()));
		if (!result.complete()) {
			found.warn(ImportWarning.of(ImportWarning.PARTIAL_EDITION, result.gemeenten()));
		}
		// names that several regions of one level have on the edition's date: a CSV label
		// of that name then resolves to one of them only
		// (by the names of that date: an older edition is not judged by later renames)
		List<String> shared = job.tx().fetch("""
				select coalesce(n.name_nl, r.name_nl) || ' (' || string_agg(r.code, ', ' order by r.code) || ')'
				from region r
				left join region_name n on n.region_code = r.code and n.valid_from <= ?
				  and (n.valid_to is null or n.valid_to > ?)
				where r.level <> 'land' and r.valid_from <= ? and (r.valid_to is null or r.valid_to > ?)
				group by r.level, coalesce(n.name_nl, r.name_nl) having count(*) > 1
				order by 1""", validFrom, validFrom, validFrom, validFrom).getValues(0, String.class);
		warnNaming(found, ImportWarning.REGION_NAME_SHARED, shared);
		warnNaming(found, ImportWarning.REGION_WITH_DATA_KEPT, result.keptWithData());
		warnNaming(found, ImportWarning.REGION_GAP_KEPT, result.gapsKept());
		return found.build();
	}

	/**
	 * A warning with how many regions (or names) it concerns and the first ten of them;
	 * none when there are none.
	 */
	private static void warnNaming(ReadResult.Builder found, String key, List<String> named) {
		if (!named.isEmpty()) {
			found.warn(ImportWarning.of(key, named.size(),
					String.join(", ", named.subList(0, Math.min(10, named.size())))));
		}
	}

}
