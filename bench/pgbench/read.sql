-- GET /api/v1/series, /api/v1/compare and /api/v1/map: the one statement the app runs for the values
-- (SeriesService.read), with the parameter mix of bench/mix.lua. Variables from bench/api.sh: inds, regs,
-- pv, am, gm (text arrays), ni, nr (the lengths of inds and regs) and shape, the endpoint:
--   1 series   indicator=I&regions=R1,R2,R3&from=YKW01&to=Y+4KW04, Y in 1995-2020
--   2 compare  indicator=I&regions=R1,R2,R3&period=YKWQ, Y in 1995-2024 (for an EBB indicator with a
--              sample base the app runs the same statement for the base population as well, at once)
--   3 map      indicator=I&level=L&period=YKWQ: every current region of the level, Y in 1995-2024
-- Each transaction plans with the values in place (plan_cache_mode=force_custom_plan), so the cases
-- below fold away as they do for the app's own statement.
\set i random(1, :ni)
\set r1 random(1, :nr)
\set r2 random(1, :nr)
\set r3 random(1, :nr)
\set l random(1, 3)
\set y random(1995, case when :shape = 1 then 2020 else 2024 end)
\set q random(1, 4)
\set from_q case when :shape = 1 then 1 else :q end
\set to_y case when :shape = 1 then :y + 4 else :y end
\set to_q case when :shape = 1 then 4 else :q end
select distinct on (region_code, period_code) region_code, period_code, value, margin_low, margin_high, status,
       flags, footnote, source_table, import_run_id, (extract(epoch from recorded_at) * 1000000)::bigint, missing_reason
from observation
where indicator_code = (:inds::text[])[:i]
  and region_code = any (case (:shape)::int
        when 3 then (case (:l)::int when 1 then (:pv)::text when 2 then (:am)::text else (:gm)::text end)::text[]
        else array[(:regs::text[])[:r1], (:regs::text[])[:r2], (:regs::text[])[:r3]] end)
  and breakdown_id = 0 and period_code like '____KW__'
  and period_code >= (:y)::text || 'KW0' || (:from_q)::text
  and period_code <= (:to_y)::text || 'KW0' || (:to_q)::text
order by region_code, period_code, recorded_at desc, id desc;
