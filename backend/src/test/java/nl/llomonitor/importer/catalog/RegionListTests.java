package nl.llomonitor.importer.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed region list equals what {@link RegionListTool} makes from the shared CBS
 * files, and resolves the label forms, NUTS codes and earlier names the sources use.
 */
class RegionListTests {

	@Test
	void committedRegionListMatchesTheSharedCbsFiles() throws IOException {
		String committed;
		try (InputStream in = new ClassPathResource(RegionDirectory.RESOURCE).getInputStream()) {
			committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(committed).isEqualTo(RegionListTool.render(RegionListTool.build()));
	}

	@Test
	void hierarchyAndCountsFollowGebiedenInNederland() {
		RegionDirectory regions = RegionDirectory.load();
		assertThat(regions.entries().stream().filter((e) -> e.level().equals("provincie"))).hasSize(12);
		assertThat(regions.entries().stream().filter((e) -> e.level().equals("landsdeel"))).hasSize(4);
		assertThat(regions.entries().stream().filter((e) -> e.level().equals("corop"))).hasSize(40);
		assertThat(regions.entries().stream().filter((e) -> e.level().equals("arbeidsmarktregio"))).hasSize(35);
		assertThat(regions.entries().stream().filter((e) -> e.level().equals("gemeente")).count())
			.isGreaterThanOrEqualTo(342);
		assertThat(regions.get("PV26").parents()).containsExactly("NL01", "LD03");
		assertThat(regions.get("GM0344").parents()).containsExactly("NL01", "LD03", "PV26", "CR17", "AM13");
		assertThat(regions.get("PV21").nameNl()).isEqualTo("Fryslân");
		assertThat(regions.get("NL01").nameEn()).isEqualTo("Netherlands");
	}

	@Test
	void labelsNutsCodesAndEarlierNamesResolve() {
		RegionDirectory regions = RegionDirectory.load();
		assertThat(regions.resolveLabel("Utrecht (PV)")).isEqualTo("PV26");
		assertThat(regions.resolveLabel("Utrecht (gemeente)")).isEqualTo("GM0344");
		assertThat(regions.resolveLabel("Utrecht (CR)")).isEqualTo("CR17");
		assertThat(regions.resolveLabel("Fryslân (PV)")).isEqualTo("PV21");
		assertThat(regions.resolveLabel("Friesland (PV)")).isEqualTo("PV21");
		assertThat(regions.resolveLabel("Friesland")).isEqualTo("PV21");
		assertThat(regions.resolveLabel("Friesland (AM)")).isEqualTo("AM02");
		assertThat(regions.resolveLabel("Groningen (AM)")).isEqualTo("AM01");
		assertThat(regions.resolveLabel("Nederland")).isEqualTo("NL01");
		assertThat(regions.resolveLabel("Noord-Nederland (LD)")).isEqualTo("LD01");
		assertThat(regions.resolveLabel("Amsterdam")).isEqualTo("GM0363");
		assertThat(regions.resolveLabel("'s-Gravenhage (gemeente)")).isEqualTo("GM0518");
		assertThat(regions.resolveLabel("Stedendriehoek en Noordwest Veluwe (AM)")).isEqualTo("AM06");
		assertThat(regions.resolveLabel("Veluwe Stedendriehoek (AM)")).isEqualTo("AM06");
		assertThat(regions.resolveLabel("PV26  ")).isEqualTo("PV26");
		assertThat(regions.resolveLabel("Atlantis (PV)")).isNull();
		assertThat(regions.resolveNuts("NL31")).isEqualTo("PV26");
		assertThat(regions.resolveNuts("NL12")).isEqualTo("PV21");
		assertThat(regions.resolveNuts("NL")).isEqualTo("NL01");
		assertThat(regions.resolveNuts("NL3")).isEqualTo("LD03");
	}

	@Test
	void everyAliasPointsToOneRegionAndEveryParentExists() {
		RegionDirectory regions = RegionDirectory.load();
		Set<String> aliases = new HashSet<>();
		for (RegionEntry entry : regions.entries()) {
			for (RegionEntry.Alias alias : entry.aliases()) {
				assertThat(aliases.add(alias.toString())).as("alias %s given twice", alias).isTrue();
			}
			for (String parent : entry.parents()) {
				assertThat(regions.get(parent)).as("parent %s of %s", parent, entry.code()).isNotNull();
			}
		}
		assertThat(List.copyOf(aliases)).contains("nuts2016=NL31", "cbs-label=Utrecht (PV)");
	}

}
