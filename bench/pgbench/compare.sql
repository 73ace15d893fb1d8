-- GET /api/v1/compare?indicator=I&regions=R1,R2,R3&period=P: the statement the app runs for the values
-- (SeriesService.read for one period); for an EBB indicator with a sample base the app runs the same
-- statement for the base population as well, at the same time.
\set i random(1, :ni)
\set r1 random(1, :nr)
\set r2 random(1, :nr)
\set r3 random(1, :nr)
\set y random(1995, 2024)
\set q random(1, 4)
select distinct on (region_code, period_code) region_code, period_code, value, margin_low, margin_high, status,
       flags, footnote, source_table, import_run_id, (extract(epoch from recorded_at) * 1000000)::bigint, missing_reason
from observation
where indicator_code = (:inds::text[])[:i]
  and region_code = any (array[(:regs::text[])[:r1], (:regs::text[])[:r2], (:regs::text[])[:r3]])
  and breakdown_id = 0 and period_code like '____KW__'
  and period_code >= (:y)::text || 'KW0' || (:q)::text and period_code <= (:y)::text || 'KW0' || (:q)::text
order by region_code, period_code, recorded_at desc, id desc;
