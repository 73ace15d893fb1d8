-- Observation keys are checked once per import, set-based, instead of once per row.
--
-- The five foreign keys of observation (indicator, region, period, breakdown, import_run) made
-- PostgreSQL run five lookups for every row written: for a large import they cost more than the
-- writing itself. Only the import writes observation (nl.llomonitor.importer.store.ObservationStore),
-- and it now checks every key of its staged cells in one pass before it writes any of them (an unknown
-- key fails the import, naming it; nothing is written). The other direction stays guarded by the
-- database: a row of indicator, region, period, breakdown or import_run that an observation refers to
-- cannot be deleted, have its key changed or be truncated away (the triggers below), just as with the
-- foreign keys.
alter table observation
    drop constraint observation_indicator_code_fkey,
    drop constraint observation_region_code_fkey,
    drop constraint observation_period_code_fkey,
    drop constraint observation_breakdown_id_fkey,
    drop constraint observation_import_run_id_fkey;

-- tg_argv[0]: the column of observation; tg_argv[1]: the referenced key column of the trigger's table.
-- Statement level for deletes (one set-based check per statement, over the transition table
-- old_rows), row level for a changed key, statement level for truncate.
create function observation_keys_kept() returns trigger
language plpgsql as $$
declare
    col text := tg_argv[0];
    key text := tg_argv[1];
    referenced text;
begin
    if tg_op = 'TRUNCATE' then
        if exists (select 1 from observation) then
            raise exception 'cannot truncate %: observations refer to its rows', tg_table_name
                using errcode = 'foreign_key_violation';
        end if;
        return null;
    elsif tg_op = 'DELETE' then
        execute format('select o.%1$I::text from observation o where o.%1$I in (select d.%2$I from old_rows d) limit 1',
                       col, key)
            into referenced;
    else
        execute format('select o.%1$I::text from observation o where o.%1$I = ($1).%2$I limit 1', col, key)
            using old
            into referenced;
    end if;
    if referenced is not null then
        raise exception '% % is still referenced by observations (column %)', tg_table_name, referenced, col
            using errcode = 'foreign_key_violation',
                  hint = 'observations are never deleted: they are the store''s history';
    end if;
    -- a row-level trigger before an update lets the row through by returning it
    return case when tg_op = 'UPDATE' then new end;
end;
$$;

create trigger indicator_keeps_observations after delete on indicator
    referencing old table as old_rows for each statement
    execute function observation_keys_kept('indicator_code', 'code');
create trigger indicator_key_kept before update of code on indicator
    for each row when (old.code is distinct from new.code)
    execute function observation_keys_kept('indicator_code', 'code');
create trigger indicator_not_truncated before truncate on indicator
    for each statement execute function observation_keys_kept('indicator_code', 'code');

create trigger region_keeps_observations after delete on region
    referencing old table as old_rows for each statement
    execute function observation_keys_kept('region_code', 'code');
create trigger region_key_kept before update of code on region
    for each row when (old.code is distinct from new.code)
    execute function observation_keys_kept('region_code', 'code');
create trigger region_not_truncated before truncate on region
    for each statement execute function observation_keys_kept('region_code', 'code');

create trigger period_keeps_observations after delete on period
    referencing old table as old_rows for each statement
    execute function observation_keys_kept('period_code', 'code');
create trigger period_key_kept before update of code on period
    for each row when (old.code is distinct from new.code)
    execute function observation_keys_kept('period_code', 'code');
create trigger period_not_truncated before truncate on period
    for each statement execute function observation_keys_kept('period_code', 'code');

create trigger breakdown_keeps_observations after delete on breakdown
    referencing old table as old_rows for each statement
    execute function observation_keys_kept('breakdown_id', 'id');
create trigger breakdown_key_kept before update of id on breakdown
    for each row when (old.id is distinct from new.id)
    execute function observation_keys_kept('breakdown_id', 'id');
create trigger breakdown_not_truncated before truncate on breakdown
    for each statement execute function observation_keys_kept('breakdown_id', 'id');

create trigger import_run_keeps_observations after delete on import_run
    referencing old table as old_rows for each statement
    execute function observation_keys_kept('import_run_id', 'id');
create trigger import_run_key_kept before update of id on import_run
    for each row when (old.id is distinct from new.id)
    execute function observation_keys_kept('import_run_id', 'id');
create trigger import_run_not_truncated before truncate on import_run
    for each statement execute function observation_keys_kept('import_run_id', 'id');
