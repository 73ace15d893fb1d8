-- A segment's cells are checked for a cell given twice by the segment's own cell index (issue 12).
--
-- A first import written into a segment (V13) is sorted into the order of the cell index as it is
-- written, and a window over each series marked a cell given twice (written without its run, so that
-- the insert failed). That window and the join it needs before the sort cost about a fifth of the
-- write: 87 s against 67 s for 10 million cells (psql on this project's machine). Writing the cells
-- unsorted instead (30 s) does not pay: the indexes built on the unsorted segment then take 47 s and
-- 45 s instead of 12 s and 30 s.
--
-- So a segment's cell index is now built as a unique index on the cell and its recording moment
-- (indicator_code, region_code, breakdown_id, period_code, recorded_at desc). Every row of a
-- segment belongs to one import run and has its recording moment, so the index is unique exactly
-- when no cell is given twice; a cell given twice fails the build (23505, constraint name
-- observation_segment_<run>_cell) and the import, which then names both lines of the file
-- (nl.llomonitor.importer.store.ObservationStore). The index has observation_cell_idx's columns
-- but its last (id desc): within a segment a cell has one row, so reads that order a cell's rows
-- by recorded_at desc, id desc get them in that order (PostgreSQL adds an incremental sort over
-- the index order where it needs one). The other indexes of observation are built as before. The
-- unique index is built first, whatever the number of rows (a segment moved into observation, with
-- fewer than min_rows rows, is one of a back-dated run, whose write marks a cell given twice itself).
--
-- Segments attached before this migration keep the indexes they were built with.

create or replace function observation_segment_attach(run bigint, min_rows bigint) returns boolean
language plpgsql security definer set search_path = public, pg_temp set maintenance_work_mem = '256MB' as $$
declare
    seg text := 'observation_segment_' || run;
    n bigint;
    def record;
begin
    if not exists (select 1 from import_run r where r.id = run and r.status = 'running') then
        raise exception 'import run % is not running', run using errcode = 'invalid_parameter_value';
    end if;
    if min_rows is null or min_rows < 1 then
        raise exception 'min_rows must be at least 1, not %', min_rows using errcode = 'invalid_parameter_value';
    end if;
    if session_user <> current_user then
        -- from now on its rows are read through observation
        execute format('revoke all on %I from %I', seg, session_user);
    end if;
    -- fails (unique_violation) where a cell is given twice; all rows have the run's moment
    execute format('create unique index %I on %I (indicator_code, region_code, breakdown_id, period_code,'
                   || ' recorded_at desc)', seg || '_cell', seg);
    execute format('select count(*) from (select 1 from %I limit $1) s', seg) using min_rows into n;
    if n >= min_rows then
        for def in select i.indexrelid from pg_index i
                   where i.indrelid = 'observation'::regclass and not i.indisprimary
                     and i.indexrelid <> 'observation_cell_idx'::regclass
        loop
            -- the index's definition on the segment, under a name PostgreSQL chooses
            execute regexp_replace(pg_get_indexdef(def.indexrelid),
                                   '^CREATE (UNIQUE )?INDEX \S+ ON \S+ ',
                                   format('CREATE \1INDEX ON %I ', seg));
        end loop;
        -- statistics for the planner at once (a sample), not when autovacuum comes by: the
        -- segment's own, and then those of observation with its children
        execute format('analyze %I', seg);
        execute format('alter table %I inherit observation', seg);
        analyze observation;
        perform observation_coverage_recompute(array[run]);
        return true;
    end if;
    perform observation_segment_move(seg::regclass);
    return false;
end;
$$;

-- The coverage of the cells written (V10) is counted per indicator, region and period type: a few
-- thousand groups for millions of cells. The planner multiplies the distinct counts of the grouped
-- columns, expects about a group per few rows, and sorted every row to group them: 3.5 s of the
-- 4.5 s the coverage of 2 million cells took, where grouping them in a hash table (which spills to
-- disk when the groups do not fit in work_mem) takes 0.7 s. Both functions that count coverage
-- group without sorting.
alter function observation_coverage_recompute(bigint[]) set enable_sort = off;
alter function observation_coverage_insert() set enable_sort = off;
