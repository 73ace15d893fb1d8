-- Large imports are indexed once, after loading, instead of row by row (issue 12).
--
-- Every row written into observation updated its three indexes in place. For an import of millions
-- of cells into a store of millions more, that maintenance (random insertion points all over indexes
-- larger than memory) cost far more than writing the rows: 10 million cells took 166 s, a COPY of the
-- same rows into a bare table 13 s. A btree built from sorted input at the end costs a fraction of that.
--
-- So observation becomes a table partitioned by segment (list): segment 0 holds every import below
-- the size at which building beats maintaining (llo.import.segment-cells, default 1 million cells)
-- and every row written by other means; an import at or above that size writes its cells into a
-- table of its own, observation_segment_<run>, with no index, and then attaches it as the partition
-- for segment = its run id, which builds that partition's indexes from its rows in one pass each.
-- Both happen inside the import's transaction: a failed, rolled-back or killed import leaves no
-- segment behind, and a committed one is in the store with its indexes. Reads are unchanged: they
-- read the partitioned table, whose few partitions all carry the same indexes.
--
-- The app role may not create tables (it owns nothing); observation_segment_create and
-- observation_segment_attach, owned by the schema's owner, do exactly the two steps for a running
-- import run and nothing else.

-- the current table becomes segment 0; its indexes keep serving it under names of its own
alter table observation rename to observation_segment_0;
alter index observation_pkey rename to observation_segment_0_pkey;
alter index observation_cell_idx rename to observation_segment_0_cell_idx;
alter index observation_latest_idx rename to observation_segment_0_latest_idx;
alter index observation_run_region_idx rename to observation_segment_0_run_region_idx;
drop view observation_current;
drop trigger observation_coverage_insert on observation_segment_0;
drop trigger observation_coverage_delete on observation_segment_0;
drop trigger observation_coverage_update on observation_segment_0;
drop trigger observation_coverage_truncate on observation_segment_0;

-- ids keep coming from one sequence, now shared by every segment (an identity column would belong to
-- segment 0 alone)
alter table observation_segment_0 alter column id drop identity;
create sequence observation_id_seq;
select setval('observation_id_seq', coalesce((select max(id) from observation_segment_0), 0) + 1, false);
alter table observation_segment_0 alter column id set default nextval('observation_id_seq');
-- A key of a partitioned table must hold the partition key, and (id, segment) would be one more
-- index to build for every segment: ids are unique by construction (one sequence, never given by
-- a writer), and the cell index, which ends with the id, is what reads use.
alter table observation_segment_0 drop constraint observation_segment_0_pkey;

alter table observation_segment_0 add column segment bigint not null default 0;
alter table observation_segment_0 add constraint observation_segment_0_segment check (segment = 0);

create table observation (like observation_segment_0 including defaults including constraints)
    partition by list (segment);
alter table observation drop constraint observation_segment_0_segment;
alter sequence observation_id_seq owned by observation.id;
alter table observation attach partition observation_segment_0 for values in (0);

comment on column observation.segment is
    '0, or the id of the import run whose cells were loaded as a partition of their own (observation_segment_<run>)';

-- the same indexes as before (segment 0's own are attached to them, not built again)
create index observation_cell_idx
    on observation (indicator_code, region_code, breakdown_id, period_code, recorded_at desc, id desc);
create index observation_latest_idx
    on observation (indicator_code, breakdown_id, period_code desc, region_code);
create index observation_run_region_idx on observation (import_run_id, region_code);

create view observation_current as
select distinct on (indicator_code, region_code, breakdown_id, period_code) *
from observation
order by indicator_code, region_code, breakdown_id, period_code, recorded_at desc, id desc;

create trigger observation_coverage_insert after insert on observation
    referencing new table as new_rows for each statement execute function observation_coverage_insert();
create trigger observation_coverage_delete after delete on observation
    referencing old table as old_rows for each statement execute function observation_coverage_delete();
create trigger observation_coverage_update after update on observation
    referencing old table as old_rows new table as new_rows for each statement execute function observation_coverage_update();
create trigger observation_coverage_truncate after truncate on observation
    for each statement execute function observation_coverage_truncate();

-- A table for the cells of import run `run` (running), shaped like observation, with no index, that
-- the caller (the login role of the session) may fill; returns its name. Segment = run is checked per
-- row, which lets the attach skip a scan of the rows.
create function observation_segment_create(run bigint) returns text
language plpgsql security definer set search_path = public, pg_temp as $$
declare
    seg text := 'observation_segment_' || run;
begin
    if not exists (select 1 from import_run r where r.id = run and r.status = 'running') then
        raise exception 'import run % is not running', run using errcode = 'invalid_parameter_value';
    end if;
    execute format('create table %I (like observation including defaults including constraints)', seg);
    execute format('alter table %I alter column segment set default %s, add constraint %I check (segment = %s)',
                   seg, run, seg || '_segment', run);
    if session_user <> current_user then
        execute format('grant select, insert on %I to %I', seg, session_user);
    end if;
    return seg;
end;
$$;

-- Ends the segment of import run `run` (running): with at least min_rows rows it is attached as the
-- partition for segment = run, which builds its indexes (one sort each), and its coverage is added
-- (the insert trigger of observation did not see its rows); with fewer (a new vintage of a large
-- table that changed little) its rows are moved into segment 0 and the table is dropped, so that
-- small vintages do not add partitions. Returns whether it was attached.
create function observation_segment_attach(run bigint, min_rows bigint) returns boolean
language plpgsql security definer set search_path = public, pg_temp set maintenance_work_mem = '256MB' as $$
declare
    seg text := 'observation_segment_' || run;
    n bigint;
    cols text;
begin
    if not exists (select 1 from import_run r where r.id = run and r.status = 'running') then
        raise exception 'import run % is not running', run using errcode = 'invalid_parameter_value';
    end if;
    if session_user <> current_user then
        -- from now on its rows are reached through observation, as every other segment's
        execute format('revoke all on %I from %I', seg, session_user);
    end if;
    execute format('select count(*) from (select 1 from %I limit $1) s', seg) using min_rows into n;
    if n >= min_rows then
        execute format('alter table observation attach partition %I for values in (%s)', seg, run);
        perform observation_coverage_recompute(array[run]);
        return true;
    end if;
    select string_agg(quote_ident(a.attname), ', ' order by a.attnum) into cols
    from pg_attribute a
    where a.attrelid = 'observation'::regclass and a.attnum > 0 and not a.attisdropped and a.attname <> 'segment';
    execute format('insert into observation (%1$s) select %1$s from %2$I order by indicator_code, region_code,'
                   || ' breakdown_id, period_code', cols, seg);
    execute format('drop table %I', seg);
    return false;
end;
$$;
