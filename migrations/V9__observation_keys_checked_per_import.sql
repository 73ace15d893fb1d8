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

-- On each referenced table (its key column, and the column of observation that refers to it):
-- <table>_keeps_observations after a delete, <table>_key_kept before a change of the key and
-- <table>_not_truncated before a truncate.
do $$
declare
    ref record;
begin
    for ref in select * from (values ('indicator', 'code', 'indicator_code'),
                                     ('region', 'code', 'region_code'),
                                     ('period', 'code', 'period_code'),
                                     ('breakdown', 'id', 'breakdown_id'),
                                     ('import_run', 'id', 'import_run_id')) as r (tab, key, col)
    loop
        execute format('create trigger %I after delete on %I referencing old table as old_rows for each statement'
                       || ' execute function observation_keys_kept(%L, %L)',
                       ref.tab || '_keeps_observations', ref.tab, ref.col, ref.key);
        execute format('create trigger %I before update of %3$I on %2$I for each row'
                       || ' when (old.%3$I is distinct from new.%3$I) execute function observation_keys_kept(%4$L, %3$L)',
                       ref.tab || '_key_kept', ref.tab, ref.key, ref.col);
        execute format('create trigger %I before truncate on %I for each statement'
                       || ' execute function observation_keys_kept(%L, %L)',
                       ref.tab || '_not_truncated', ref.tab, ref.col, ref.key);
    end loop;
end;
$$;
