-- What the store covers, kept beside the observations (issue 12). The indicator catalog (period types,
-- first and last period with a value per region level, breakdowns in use) and GET /api/v1/tables
-- (regions, periods, cells per table and indicator) used to read every observation once per data
-- version: seconds at 10 million rows, past the request timeout at 20 million. They now read these two
-- small tables, which statement-level triggers keep in step with observation in the same transaction
-- (set-based over the statement's rows, whatever writes them: the importer, COPY, SQL by hand).
--
-- One row per import run, source table, indicator, region and period type (over all breakdowns, so
-- the table does not grow with them), from the rows one statement wrote (a run written by several
-- statements has several rows; readers aggregate).
create table observation_coverage (
    import_run_id   bigint not null,
    source_table    text not null,
    indicator_code  text not null,
    region_code     text not null,
    period_type     text not null,      -- period.type of the rows: year, quarter, month
    cells           bigint not null,    -- rows, every vintage counted
    first_period    text not null,
    last_period     text not null,
    first_valued    text,               -- first period with a value (not missing); null when none
    last_valued     text
);

create index observation_coverage_run_idx on observation_coverage (import_run_id);

-- The periods each run wrote per source table and indicator (their distinct number per table).
create table observation_coverage_period (
    import_run_id   bigint not null,
    source_table    text not null,
    indicator_code  text not null,
    period_code     text not null
);

create index observation_coverage_period_run_idx on observation_coverage_period (import_run_id);

-- The breakdowns each run wrote per indicator (the dimensions an indicator is split by).
create table observation_coverage_breakdown (
    import_run_id   bigint not null,
    indicator_code  text not null,
    breakdown_id    bigint not null
);

create index observation_coverage_breakdown_run_idx on observation_coverage_breakdown (import_run_id);

comment on table observation_coverage is
    'per import run, table, indicator, region and period type: cells and period range (kept by triggers on observation)';
comment on table observation_coverage_breakdown is
    'per import run and indicator: the breakdowns written (kept by triggers on observation)';
comment on table observation_coverage_period is
    'per import run, table and indicator: the periods written (kept by triggers on observation)';

-- the coverage of these runs, read again from observation (after a delete or an update)
create function observation_coverage_recompute(runs bigint[]) returns void
language plpgsql as $$
begin
    delete from observation_coverage where import_run_id = any (runs);
    delete from observation_coverage_period where import_run_id = any (runs);
    delete from observation_coverage_breakdown where import_run_id = any (runs);
    insert into observation_coverage
    select o.import_run_id, o.source_table, o.indicator_code, o.region_code, p.type, count(*),
           min(o.period_code), max(o.period_code),
           min(o.period_code) filter (where o.value is not null), max(o.period_code) filter (where o.value is not null)
    from observation o join period p on p.code = o.period_code
    where o.import_run_id = any (runs)
    group by 1, 2, 3, 4, 5;
    insert into observation_coverage_period
    select distinct o.import_run_id, o.source_table, o.indicator_code, o.period_code
    from observation o where o.import_run_id = any (runs);
    insert into observation_coverage_breakdown
    select distinct o.import_run_id, o.indicator_code, o.breakdown_id
    from observation o where o.import_run_id = any (runs);
end;
$$;

create function observation_coverage_insert() returns trigger
language plpgsql as $$
begin
    insert into observation_coverage
    select n.import_run_id, n.source_table, n.indicator_code, n.region_code, p.type, count(*),
           min(n.period_code), max(n.period_code),
           min(n.period_code) filter (where n.value is not null), max(n.period_code) filter (where n.value is not null)
    from new_rows n join period p on p.code = n.period_code
    group by 1, 2, 3, 4, 5;
    insert into observation_coverage_period
    select distinct n.import_run_id, n.source_table, n.indicator_code, n.period_code from new_rows n;
    insert into observation_coverage_breakdown
    select distinct n.import_run_id, n.indicator_code, n.breakdown_id from new_rows n;
    return null;
end;
$$;

create function observation_coverage_delete() returns trigger
language plpgsql as $$
begin
    perform observation_coverage_recompute(array(select distinct import_run_id from old_rows));
    return null;
end;
$$;

create function observation_coverage_update() returns trigger
language plpgsql as $$
begin
    perform observation_coverage_recompute(array(select import_run_id from old_rows
                                                 union select import_run_id from new_rows));
    return null;
end;
$$;

create function observation_coverage_truncate() returns trigger
language plpgsql as $$
begin
    truncate observation_coverage, observation_coverage_period, observation_coverage_breakdown;
    return null;
end;
$$;

create trigger observation_coverage_insert after insert on observation
    referencing new table as new_rows for each statement execute function observation_coverage_insert();
create trigger observation_coverage_delete after delete on observation
    referencing old table as old_rows for each statement execute function observation_coverage_delete();
create trigger observation_coverage_update after update on observation
    referencing old table as old_rows new table as new_rows for each statement execute function observation_coverage_update();
create trigger observation_coverage_truncate after truncate on observation
    for each statement execute function observation_coverage_truncate();

-- what the store holds already
select observation_coverage_recompute(array(select distinct import_run_id from observation));
