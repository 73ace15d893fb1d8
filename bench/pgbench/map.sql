-- GET /api/v1/map?indicator=I&level=L&period=P: the statement the app runs (SeriesService.read for every
-- current region of the level, one period). Variables pv, am, gm: the level's region codes as arrays.
\set i random(1, :ni)
\set l random(1, 3)
\set y random(1995, 2024)
\set q random(1, 4)
select distinct on (region_code, period_code) region_code, period_code, value, margin_low, margin_high, status,
       flags, footnote, source_table, import_run_id, (extract(epoch from recorded_at) * 1000000)::bigint, missing_reason
from observation
where indicator_code = (:inds::text[])[:i]
  and region_code = any ((case (:l)::int when 1 then (:pv)::text when 2 then (:am)::text else (:gm)::text end)::text[])
  and breakdown_id = 0 and period_code like '____KW__'
  and period_code >= (:y)::text || 'KW0' || (:q)::text and period_code <= (:y)::text || 'KW0' || (:q)::text
order by region_code, period_code, recorded_at desc, id desc;
