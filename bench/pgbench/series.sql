-- GET /api/v1/series?indicator=I&regions=R1,R2,R3&from=YKW01&to=Y+4KW04: the one statement the app runs
-- (SeriesService.read), with the parameter mix of bench/mix.lua. Variables from bench/api.sh:
-- inds, regs (text arrays), ni, nr (their lengths).
\set i random(1, :ni)
\set r1 random(1, :nr)
\set r2 random(1, :nr)
\set r3 random(1, :nr)
\set y random(1995, 2020)
select distinct on (region_code, period_code) region_code, period_code, value, margin_low, margin_high, status,
       flags, footnote, source_table, import_run_id, (extract(epoch from recorded_at) * 1000000)::bigint, missing_reason
from observation
where indicator_code = (:inds::text[])[:i]
  and region_code = any (array[(:regs::text[])[:r1], (:regs::text[])[:r2], (:regs::text[])[:r3]])
  and breakdown_id = 0 and period_code like '____KW__'
  and period_code >= (:y)::text || 'KW01' and period_code <= (:y + 4)::text || 'KW04'
order by region_code, period_code, recorded_at desc, id desc;
