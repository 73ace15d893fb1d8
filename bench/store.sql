-- A generated store shaped like CBS regional labour-market data, written set-based straight into
-- the app's tables (run by bench/store.sh against the app's own database, after the app created the
-- schema and loaded the regions from data/regions/regions.csv). psql variable :rows = target number
-- of observations. Shape, whatever the size:
--   regions    every current gemeente, arbeidsmarktregio, provincie and Nederland (394 in 2024)
--   periods    1995-2024: 30 years and 120 quarters
--   indicators the curated ones with a source table (data/indicators.yaml; forecast tables left out),
--              then generated ones of generated CBS-like tables 90001NED, 90002NED, ... imported
--              without a mapping (cbs_90001ned__m01, ...), up to 150 indicators in all
--   breakdowns the total; beyond 150 indicators the store grows by breakdowns (sex, age_group)
--   vintages   every table imported three times (January, June, October 2025): the first run holds
--              every cell, the later ones revise part of the recent cells (2 or 3 recorded_at)
--   statuses   2024 voorlopig, 2023 nader_voorlopig, older definitief; a later vintage firms them
--   missing    about 2 % of the gemeente cells of counts are 'geheim' (no value, reason given)
-- The rows are what an import writes: each belongs to a succeeded import_run of its table
-- (recorded_at = the run's start), its table is in source_table_info and source, its indicator and
-- breakdown exist. The last run of one generated table is marked incomplete, as a cut-off download
-- imported with allowIncomplete would be.
\set ON_ERROR_STOP on
\timing on
set client_min_messages = warning;
-- referential integrity is guaranteed by construction below: skip the per-row FK triggers
set session_replication_role = replica;
set maintenance_work_mem = '512MB';

begin;

-- periods 1995-2024 (the importer adds the periods it meets; same rule here)
insert into period (code, type, year, number, start_date, end_date)
select y || 'JJ00', 'year', y, 0, make_date(y, 1, 1), make_date(y, 12, 31)
from generate_series(1995, 2024) y
union all
select y || 'KW0' || q, 'quarter', y, q, make_date(y, 3 * q - 2, 1), (make_date(y, 3 * q - 2, 1) + interval '3 months' - interval '1 day')::date
from generate_series(1995, 2024) y, generate_series(1, 4) q
on conflict (code) do nothing;

create temp table gen_region as
select (row_number() over (order by l.rank, r.code) - 1)::int as r, r.code, r.level
from region r join region_level l on l.code = r.level
where r.level in ('land', 'provincie', 'arbeidsmarktregio', 'gemeente') and r.valid_to is null;

create temp table gen_period as
select (row_number() over (order by p.type, p.code) - 1)::int as p, p.code, p.year
from period p where p.year between 1995 and 2024 and p.type in ('year', 'quarter');

-- cells of one indicator for one breakdown, and rows with their later vintages (about 1.05 x)
select count(*) * (select count(*) from gen_period) as cells_per_indicator from gen_region \gset
select greatest(1, ceil(:rows / (:cells_per_indicator * 1.05)))::int as wanted \gset
-- indicator x breakdown pairs: the first 150 on the total, further ones by breakdown
select least(150, :wanted) as n_indicators, ceil(:wanted / 150.0)::int as n_breakdowns \gset

-- curated indicators first (they feed kerncijfers, compare and the map), then generated ones
create temp table gen_indicator as
with curated as (
    select i.code, i.source_table, i.unit, row_number() over (order by i.code) as n
    from indicator i
    left join source_table_kind k on lower(k.table_id) = lower(i.source_table)
    where i.numerator_code is null and i.source_table is not null and coalesce(k.kind, 'observation') <> 'forecast'
), generated as (
    select 'cbs_' || (90000 + 1 + (g - 1) / 10) || 'ned__m' || lpad(g::text, 3, '0') as code,
           (90000 + 1 + (g - 1) / 10) || 'NED' as source_table,
           case when g % 3 = 0 then 'x1000' else 'percent' end as unit,
           (select count(*) from curated) + g as n
    from generate_series(1, 150) g
)
select (n - 1)::int as i, code, source_table, unit, (code not like 'cbs\_9%') as curated
from (select * from curated union all select * from generated) a
where n <= :n_indicators;

-- the generated tables, as an import without a mapping records them
insert into source_table_info (id, title, description, publisher, generic)
select distinct source_table, 'Gegenereerde tabel ' || source_table || ' (benchmark)', null, 'CBS', true
from gen_indicator where not curated
on conflict (id) do nothing;
insert into source (table_id, publisher, licence, url)
select distinct source_table, 'CBS', 'CC BY 4.0', 'https://opendata.cbs.nl/statline/#/CBS/nl/dataset/' || source_table
from gen_indicator where not curated
on conflict do nothing;
insert into source_table_info (id, title, publisher, generic)
select distinct g.source_table, k.title, 'CBS', false
from gen_indicator g left join source_table_kind k on lower(k.table_id) = lower(g.source_table)
where g.curated
on conflict (id) do nothing;
insert into indicator (code, name_nl, name_en, unit, decimals, definition_nl, definition_en, source_table, source_key)
select code, 'Maatstaf ' || right(code, 3) || ' (' || source_table || ')', 'Measure ' || right(code, 3) || ' (' || source_table || ')',
       unit, case unit when 'percent' then 1 else 0 end,
       'CBS ' || source_table || ', m' || right(code, 3) || ' (generated for the benchmark)',
       'CBS ' || source_table || ', m' || right(code, 3) || ' (generated for the benchmark)',
       source_table, 'M' || right(code, 3)
from gen_indicator where not curated
on conflict (code) do nothing;

-- breakdowns: the total (0), then sex and age group members
create temp table gen_breakdown_key as
select (row_number() over (order by d.dimension_code desc, d.code))::int as b, d.dimension_code || '=' || d.code as key,
       d.dimension_code, d.code
from dimension_member d
where d.dimension_code in ('sex', 'age_group') and not d.is_total;
insert into breakdown (key) select key from gen_breakdown_key where b < :n_breakdowns on conflict (key) do nothing;
insert into breakdown_member (breakdown_id, dimension_code, member_code)
select bd.id, k.dimension_code, k.code from gen_breakdown_key k join breakdown bd on bd.key = k.key
where k.b < :n_breakdowns
on conflict do nothing;
create temp table gen_breakdown as
select 0 as b, 0::bigint as id
union all
select k.b, bd.id from gen_breakdown_key k join breakdown bd on bd.key = k.key where k.b < :n_breakdowns;
create temp table gen_pair as
select i.*, b.b, b.id as breakdown_id
from gen_indicator i cross join gen_breakdown b
order by b.b, i.i
limit :wanted;

-- three import runs per table
create temp table gen_run (table_id text, vintage int, id bigint, at timestamptz);
with tables as (select distinct source_table from gen_indicator),
runs as (
    insert into import_run (format, file_name, checksum, table_id, started_at, finished_at, status, rows_read,
                            rows_inserted, published_at, complete, incomplete_reason)
    select 'cbs-csv', t.source_table || '_' || v || '.csv', md5(t.source_table || v), t.source_table,
           timestamptz '2025-01-15 10:00+00' + (v - 1) * interval '5 months',
           timestamptz '2025-01-15 10:05+00' + (v - 1) * interval '5 months', 'succeeded', 0, 0,
           timestamptz '2025-01-14 00:00+00' + (v - 1) * interval '5 months',
           not (v = 3 and t.source_table = '90002NED'),
           case when v = 3 and t.source_table = '90002NED'
                then 'exactly 10,000 rows: probably cut off (generated for the benchmark)' end
    from tables t, generate_series(1, 3) v
    order by t.source_table, v
    returning id, table_id, started_at, file_name
)
insert into gen_run select table_id, substring(file_name from '_([0-9])\.csv$')::int, id, started_at from runs;

commit;

-- the observations, indexes built after the load (their definitions are kept as they are)
create temp table gen_index as
select indexname, indexdef from pg_indexes
where schemaname = 'public' and tablename = 'observation' and indexname <> 'observation_pkey';
select format('drop index %I', indexname) from gen_index \gexec

-- vintage 1: every cell; 2: a quarter of the cells from 2020 on, revised; 3: an eighth of 2023-2024
insert into observation (indicator_code, region_code, period_code, breakdown_id, import_run_id, recorded_at,
                         value, margin_low, margin_high, status, flags, footnote, source_table, missing_reason)
select i.code, r.code, p.code, i.breakdown_id, run.id, run.at,
       case when secret then null
            when i.unit = 'percent' then round((40 + (h % 500) / 10.0 + v.v * 0.3)::numeric, 1)
            else round((case r.level when 'land' then 9000 when 'provincie' then 800 when 'arbeidsmarktregio' then 250
                          else 20 end * (1 + (h % 97) / 200.0) + v.v)::numeric, 0) end,
       case when i.unit = 'percent' and not secret and r.level <> 'gemeente' then round((38 + (h % 500) / 10.0)::numeric, 1) end,
       case when i.unit = 'percent' and not secret and r.level <> 'gemeente' then round((42 + (h % 500) / 10.0 + v.v * 0.6)::numeric, 1) end,
       case p.year when 2024 then (array['voorlopig', 'nader_voorlopig', 'definitief'])[v.v]
                   when 2023 then (array['nader_voorlopig', 'definitief', 'definitief'])[v.v]
                   else 'definitief' end,
       case when h % 211 = 0 then 'b' else '' end,
       case when h % 307 = 0 then 'Trendbreuk: nieuwe methode' end,
       i.source_table,
       case when secret then 'geheim' end
from gen_pair i
cross join gen_region r
cross join gen_period p
cross join lateral (select abs((i.i * 7919 + r.r * 104729 + p.p * 1299709 + i.b * 15485863) % 1000003) as h) hh
cross join lateral (select (i.unit <> 'percent' and r.level = 'gemeente' and hh.h % 50 = 0) as secret) s
cross join generate_series(1, 3) v(v)
join gen_run run on run.table_id = i.source_table and run.vintage = v.v
where v.v = 1
   or (v.v = 2 and p.year >= 2020 and hh.h % 4 = 0)
   or (v.v = 3 and p.year >= 2023 and hh.h % 8 = 0);

select indexdef from gen_index \gexec
-- the coverage the triggers on observation keep (they do not fire in replica mode)
select observation_coverage_recompute(array(select id from gen_run));

update import_run u set rows_read = c.n, rows_inserted = c.n
from (select import_run_id, count(*) n from observation group by 1) c
where c.import_run_id = u.id and u.id in (select id from gen_run);
analyze;
select bump_data_version();
select count(*) as observations from observation;
