-- Observation is partitioned by indicator (issue 12: imports near the speed of COPY).
--
-- A large import wrote every row through four B-tree indexes of a table that holds every indicator:
-- at 10 million rows that cost about nine times the COPY of the same rows into a bare table. Each
-- indicator now has a partition of its own (observation_<16 hex digits of md5(code)>, commented with
-- its code), made and attached when the indicator is made (trigger indicator_partition below). An
-- import that is the first of all its indicators (nl.llomonitor.importer.store.ObservationStore)
-- writes them into new tables without indexes, builds the indexes once, sorted, and swaps the new
-- tables in for the empty partitions, all inside its own transaction; any other import writes through
-- observation as before. Readers name an indicator in every query, so PostgreSQL reads only its
-- partition (app connections plan with plan_cache_mode = force_custom_plan).
--
-- The table is otherwise the same: same columns, checks, indexes and triggers. The id comes from a
-- sequence (a primary key of a partitioned table must hold the partition key; ids are never looked
-- up, observation_cell_idx holds them for the order of vintages).

drop view observation_current;
alter table observation rename to observation_v10;
alter index observation_pkey rename to observation_v10_pkey;
alter index observation_cell_idx rename to observation_v10_cell_idx;
alter index observation_latest_idx rename to observation_v10_latest_idx;
alter index observation_run_region_idx rename to observation_v10_run_region_idx;
alter table observation_v10 alter column id drop identity;

create sequence observation_id_seq;
select setval('observation_id_seq', coalesce((select max(id) from observation_v10), 0) + 1, false);

create table observation (
    id              bigint not null default nextval('observation_id_seq'),
    indicator_code  text not null,
    region_code     text not null,
    period_code     text not null,
    breakdown_id    bigint not null default 0,
    import_run_id   bigint not null,
    recorded_at     timestamptz not null,
    value           numeric,
    margin_low      numeric,
    margin_high     numeric,
    status          text not null
                    check (status in ('definitief', 'nader_voorlopig', 'voorlopig', 'niet_vermeld')),
    flags           text not null default '' check (flags ~ '^[a-z]*$'),
    footnote        text,
    source_table    text not null,
    missing_reason  text
                    check (missing_reason in ('onbekend', 'geheim', 'vertrouwelijk', 'niet_van_toepassing',
                                              'niet_beschikbaar', 'anders')),
    constraint observation_check check (margin_low is null or margin_high is null or margin_low <= margin_high),
    constraint observation_value_or_reason check ((value is null) = (missing_reason is not null))
) partition by list (indicator_code);

alter sequence observation_id_seq owned by observation.id;

-- one indicator x some regions x a period range, newest vintage first ("current value" and "as of")
create index observation_cell_idx
    on observation (indicator_code, region_code, breakdown_id, period_code, recorded_at desc, id desc);
-- latest period per region for an indicator (kerncijfers, maps)
create index observation_latest_idx
    on observation (indicator_code, breakdown_id, period_code desc, region_code);
-- what a run wrote for a region (change feed)
create index observation_run_region_idx on observation (import_run_id, region_code);

comment on table observation is
    'every vintage of every cell, append-only; one partition per indicator (observation_partition_name)';
comment on column observation.value is 'the published value; null when missing_reason says why there is none';
comment on column observation.missing_reason is 'why the cell has no value (nl.llomonitor.cube.MissingReason); null when it has one';
comment on column observation.status is 'definitief, nader_voorlopig, voorlopig, or niet_vermeld when the source states none';
comment on column observation.flags is 'flag letters in alphabetical order (nl.llomonitor.cube.Flag): b c d e f n p r s u z';
comment on column observation.recorded_at is
    'when this vintage became known: its import run''s start, or the publication date of a back-dated run';

-- the name of an indicator's partition: 'observation_' and 16 hex digits of the md5 of its code
create function observation_partition_name(code text) returns text
language sql immutable
return 'observation_' || substr(md5(code), 1, 16);

-- The functions that make, attach, detach or drop tables run with the rights of the schema's owner
-- (security definer): the app's role (llo_app in embedded mode) may write rows, not change tables.

-- An empty table shaped as a partition of observation for this indicator: its columns, defaults and
-- checks, and a check on the indicator, so that attaching it needs no scan of its rows. Not attached.
create function observation_partition_table(code text, name text) returns void
language plpgsql security definer set search_path = public, pg_temp as $$
begin
    execute format('create table %I (like observation including defaults including constraints)', name);
    execute format('alter table %I add constraint %I check (indicator_code = %L)', name, name || '_indicator', code);
    execute format('comment on table %I is %L', name, 'observations of indicator ' || code);
end;
$$;

-- Observation's indexes (their definitions as they are) on a table of the shape above, each named
-- as the partition's own: the partition's name, '_', what follows 'observation_' in the index's name,
-- then tail. Attaching the table takes them as the partitions of observation's indexes.
create function observation_partition_indexes(tab text, part text, tail text) returns void
language plpgsql security definer set search_path = public, pg_temp as $$
declare
    idx record;
begin
    for idx in select substr(c.relname, 13) as suffix, pg_get_indexdef(i.indexrelid) as def
               from pg_index i join pg_class c on c.oid = i.indexrelid
               where i.indrelid = 'observation'::regclass loop
        execute regexp_replace(idx.def, '^CREATE (UNIQUE )?INDEX \S+ ON (ONLY )?\S+',
                               'CREATE \1INDEX ' || quote_ident(part || '_' || idx.suffix || tail)
                               || ' ON ' || quote_ident(tab));
    end loop;
end;
$$;

-- The partition of an indicator, made and attached when missing. Attaching takes a SHARE UPDATE
-- EXCLUSIVE lock on observation, which readers do not wait for.
create function observation_add_partition(code text) returns regclass
language plpgsql security definer set search_path = public, pg_temp as $$
declare
    part text := observation_partition_name(code);
begin
    if to_regclass(part) is null then
        perform observation_partition_table(code, part);
        perform observation_partition_indexes(part, part, '');
        execute format('alter table observation attach partition %I for values in (%L)', part, code);
    end if;
    return part::regclass;
end;
$$;

-- Every indicator has its partition from the moment it exists; a deleted or re-coded indicator's
-- (empty) partition goes with its old code. The delete of an indicator with observations is refused
-- here, before V9's statement trigger indicator_keeps_observations would refuse it (row triggers run
-- first), so that no partition with rows is ever dropped; V9's indicator_key_kept refuses a change
-- of its code before the row changes.
create function indicator_partition() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
declare
    part text;
    kept boolean;
begin
    if tg_op in ('DELETE', 'UPDATE') then
        part := observation_partition_name(old.code);
        if to_regclass(part) is not null then
            execute format('select exists (select 1 from %I)', part) into kept;
            if kept then
                raise exception 'indicator % is still referenced by observations', old.code
                    using errcode = 'foreign_key_violation';
            end if;
            execute format('drop table %I', part);
        end if;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform observation_add_partition(new.code);
    end if;
    return null;
end;
$$;

create trigger indicator_partition_insert after insert on indicator
    for each row execute function indicator_partition();
create trigger indicator_partition_delete after delete on indicator
    for each row execute function indicator_partition();
-- (an upsert sets the code to itself: nothing to do then)
create trigger indicator_partition_update after update of code on indicator
    for each row when (old.code is distinct from new.code) execute function indicator_partition();

-- The first import of its indicators (nl.llomonitor.importer.store.FreshPartitions), in its own
-- transaction: observation_fresh_begin makes import_fresh, a partitioned table with a new table per
-- indicator (import_fresh_0, _1, ... in the order of codes) and observation's coverage trigger; the
-- import writes its rows into import_fresh; observation_fresh_finish builds observation's indexes on
-- each new table (their definitions as they are, named as the partition's own), then swaps it in
-- for the indicator's empty partition and attaches it, which needs no scan (its check on the
-- indicator implies the partition's bound; its indexes are taken as the partitions of observation's).
-- Until the swap, readers see the empty partitions and wait for nothing; the swap holds an ACCESS
-- EXCLUSIVE lock on observation (for the detach) until the import commits, which follows at once.
create function observation_fresh_begin(codes text[]) returns void
language plpgsql security definer set search_path = public, pg_temp as $$
begin
    create table import_fresh (like observation including defaults including constraints)
        partition by list (indicator_code);
    create trigger import_fresh_coverage after insert on import_fresh
        referencing new table as new_rows for each statement execute function observation_coverage_insert();
    for n in 1 .. cardinality(codes) loop
        perform observation_partition_table(codes[n], 'import_fresh_' || n);
        execute format('alter table import_fresh attach partition %I for values in (%L)', 'import_fresh_' || n, codes[n]);
    end loop;
end;
$$;

create function observation_fresh_finish(codes text[]) returns void
language plpgsql security definer set search_path = public, pg_temp
set maintenance_work_mem = '256MB' as $$
declare
    loaded text;
    part text;
    suffix text;
begin
    for n in 1 .. cardinality(codes) loop
        execute format('alter table import_fresh detach partition %I', 'import_fresh_' || n);
    end loop;
    drop table import_fresh;
    for n in 1 .. cardinality(codes) loop
        loaded := 'import_fresh_' || n;
        part := observation_partition_name(codes[n]);
        perform observation_partition_indexes(loaded, part, '_new');
    end loop;
    for n in 1 .. cardinality(codes) loop
        loaded := 'import_fresh_' || n;
        part := observation_partition_name(codes[n]);
        execute format('alter table observation detach partition %I', part);
        execute format('drop table %I', part);
        execute format('alter table %I rename to %I', loaded, part);
        execute format('alter table %I rename constraint %I to %I', part, loaded || '_indicator', part || '_indicator');
        for suffix in select substr(c.relname, 13) from pg_index i join pg_class c on c.oid = i.indexrelid
                      where i.indrelid = 'observation'::regclass loop
            execute format('alter index %I rename to %I', part || '_' || suffix || '_new', part || '_' || suffix);
        end loop;
        execute format('alter table observation attach partition %I for values in (%L)', part, codes[n]);
        execute format('analyze %I', part);
    end loop;
end;
$$;

-- the rows of today, each in its indicator's partition
select observation_add_partition(code) from indicator;
insert into observation (id, indicator_code, region_code, period_code, breakdown_id, import_run_id, recorded_at,
                         value, margin_low, margin_high, status, flags, footnote, source_table, missing_reason)
select id, indicator_code, region_code, period_code, breakdown_id, import_run_id, recorded_at,
       value, margin_low, margin_high, status, flags, footnote, source_table, missing_reason
from observation_v10
order by indicator_code, region_code, breakdown_id, period_code, recorded_at desc, id desc;
drop table observation_v10;

-- the coverage triggers of V10 (its tables hold the coverage of the rows moved above already)
create trigger observation_coverage_insert after insert on observation
    referencing new table as new_rows for each statement execute function observation_coverage_insert();
create trigger observation_coverage_delete after delete on observation
    referencing old table as old_rows for each statement execute function observation_coverage_delete();
create trigger observation_coverage_update after update on observation
    referencing old table as old_rows new table as new_rows for each statement execute function observation_coverage_update();
create trigger observation_coverage_truncate after truncate on observation
    for each statement execute function observation_coverage_truncate();

-- The current value of every cell: its newest vintage.
create view observation_current as
select distinct on (indicator_code, region_code, breakdown_id, period_code) *
from observation
order by indicator_code, region_code, breakdown_id, period_code, recorded_at desc, id desc;

-- The period types an indicator has for some regions (SeriesService.finestPeriodType) are read from
-- what the store covers, not from every row of the regions' cells.
create index observation_coverage_indicator_region_idx on observation_coverage (indicator_code, region_code);
