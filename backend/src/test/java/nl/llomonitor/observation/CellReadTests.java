package nl.llomonitor.observation;

import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellReadTests {

	private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");

	/**
	 * Every shape numbers its parameters 1..n in the order {@link CellRead#read} binds
	 * them: indicator, regions, breakdown (an array of them with several), period
	 * pattern, then from, to and asOf where given. A jOOQ placeholder ({@code ?}) or a
	 * gap would bind a value to the wrong condition.
	 */
	@Test
	void everyShapeNumbersItsParametersInBindingOrder() {
		for (int shape = 0; shape < 32; shape++) {
			String sql = CellRead.render(shape);
			int expected = 4 + Integer.bitCount(shape & 7);
			TreeSet<Integer> numbers = new TreeSet<>();
			Matcher m = PARAMETER.matcher(sql);
			while (m.find()) {
				numbers.add(Integer.parseInt(m.group(1)));
			}
			assertThat(sql).as("shape %d", shape).doesNotContain("?");
			assertThat(numbers).as("shape %d", shape).hasSize(expected);
			assertThat(numbers.first()).isEqualTo(1);
			assertThat(numbers.last()).isEqualTo(expected);
			assertThat(sql).contains("\"indicator_code\" = $1", "any (cast($2 as varchar[]))", "like $4");
			boolean several = (shape & 16) != 0;
			assertThat(sql).as("shape %d", shape)
				.contains(several ? "\"breakdown_id\" = any (cast($3 as bigint[]))" : "\"breakdown_id\" = $3");
			// several breakdowns: each cell is a breakdown's, in the newest row and in
			// the
			// window of its vintages
			assertThat(sql
				.startsWith("select distinct on (\"observation\".\"region_code\", \"observation\".\"breakdown_id\", "))
				.as("shape %d", shape)
				.isEqualTo(several);
			assertThat(sql.contains("partition by \"observation\".\"region_code\", \"observation\".\"breakdown_id\", "))
				.as("shape %d", shape)
				.isEqualTo(several && (shape & 8) != 0);
			assertThat(sql.contains("is distinct from")).as("revisions read in shape %d", shape)
				.isEqualTo((shape & 8) != 0);
		}
		assertThat(CellRead.render(1 | 2 | 4)).contains("\"period_code\" >= $5", "\"period_code\" <= $6",
				"\"recorded_at\" < cast($7 as timestamp with time zone)");
		assertThat(CellRead.render(2 | 4)).contains("\"period_code\" <= $5",
				"\"recorded_at\" < cast($6 as timestamp with time zone)");
		assertThat(CellRead.render(4)).contains("\"recorded_at\" < cast($5 as timestamp with time zone)");
	}

}
