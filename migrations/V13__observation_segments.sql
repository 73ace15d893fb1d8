-- Large imports are indexed once, after loading, instead of row by row (issue 12).
--
-- Every row written into observation updates its indexes in place. For an import of millions of cells
-- into a store of millions more, that maintenance (insertion points all over indexes larger than
-- memory) costs far more than writing the rows: 10 million cells took 166 s, a COPY of the same rows
-- into a bare table 13 s. A B-tree built from the rows in one sort costs a fraction of that.
--
-- So an import of at least llo.import.segment-cells cells (off by default; for example 1 million for
-- a bulk load) writes them into a segment: a table of its own, observation_segment_<run>, shaped like
-- observation and without indexes. When it is filled, its indexes are built (the same as
-- observation's) and it becomes an inheritance child of observation, so that every read of
-- observation reads its rows as well. Both happen inside the import's transaction: a failed,
-- rolled-back or killed import leaves no segment behind, and a committed one is in the store with its
-- indexes.
--
-- Inheritance rather than partitioning: a store without segments (the default, or every import below
-- the size) reads one plain table as before. A partitioned observation, even with a single partition,
-- cost every read statement planned with its values about a fifth of its throughput. Each segment a
-- store holds costs its reads too (one segment: 10-35 % fewer uncached requests per second), which is
-- why segments are off unless switched on.
--
-- The app role may not create tables (it owns nothing). observation_segment_create and
-- observation_segment_attach, owned by the schema's owner, do exactly these steps for a running import
-- run and nothing else. observation_segments_fold moves every segment's rows into observation itself
-- and drops the segments (for a store whose reads matter more than its next import). A later
-- migration that adds an index to observation adds it to every segment.
--
-- A crash of PostgreSQL itself during a segment's load rolls it back like any transaction, but the
-- files of the uncommitted table stay on disk until removed by hand (PostgreSQL does not remove files
-- of relations created by a transaction that never ended).

-- A table for the cells of import run `run` (running), shaped like observation (its columns, defaults
-- and checks; ids from observation's own sequence), without indexes, that the caller (the session's
-- login role) may fill. Returns its name.
create function observation_segment_create(run bigint) returns text
language plpgsql security definer set search_path = public, pg_temp as $$
declare
    seg text := 'observation_segment_' || run;
begin
    if not exists (select 1 from import_run r where r.id = run and r.status = 'running') then
        raise exception 'import run % is not running', run using errcode = 'invalid_parameter_value';
    end if;
    execute format('create table %I (like observation including defaults including constraints)', seg);
    execute format('alter table %I alter column id set default nextval(%L)', seg,
                   pg_get_serial_sequence('observation', 'id'));
    if session_user <> current_user then
        execute format('grant select, insert on %I to %I', seg, session_user);
        -- the segment's ids come from observation's identity sequence, which inserts into
        -- observation use without a grant of their own
        execute format('grant usage on sequence %s to %I', pg_get_serial_sequence('observation', 'id'),
                       session_user);
    end if;
    return seg;
end;
$$;

-- Moves the rows of table seg (a segment) into observation itself, in the order of the cell index and
-- with the ids the segment gave them (observation's id is generated always), and drops seg. The insert
-- trigger of observation counts the rows into coverage. Returns the number of rows moved. Called by
-- the two functions below, as the schema's owner.
create function observation_segment_move(seg regclass) returns bigint
language plpgsql set search_path = public, pg_temp as $$
declare
    cols text;
    n bigint;
begin
    select string_agg(quote_ident(a.attname), ', ' order by a.attnum) into cols
    from pg_attribute a
    where a.attrelid = 'observation'::regclass and a.attnum > 0 and not a.attisdropped;
    execute format('insert into observation (%1$s) overriding system value select %1$s from %2$s'
                   || ' order by indicator_code, region_code, breakdown_id, period_code', cols, seg);
    get diagnostics n = row_count;
    execute format('drop table %s', seg);
    return n;
end;
$$;

-- Ends the segment of import run `run` (running). With at least min_rows rows it gets every index of
-- observation but its primary key (ids come from one sequence; reads use the others), each built in
-- one sort; it is analysed, becomes a child of observation, and its coverage is added (observation's
-- insert trigger did not see its rows). With fewer (a back-dated first import whose cells later runs
-- of its table cover) its rows are moved into observation and the table is dropped, so that small
-- imports add no segments.
-- Returns whether it was kept as a segment.
create function observation_segment_attach(run bigint, min_rows bigint) returns boolean
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
    execute format('select count(*) from (select 1 from %I limit $1) s', seg) using min_rows into n;
    if n >= min_rows then
        for def in select i.indexrelid from pg_index i
                   where i.indrelid = 'observation'::regclass and not i.indisprimary
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

-- Moves the rows of every segment into observation itself (ids kept; the insert trigger counts them
-- into coverage, which is then recomputed for the runs they belong to) and drops the segments, in
-- the caller's transaction. Returns the number of rows moved. Reads are not blocked while the rows
-- are copied; each segment's table is locked only while it is dropped at the end.
create function observation_segments_fold() returns bigint
language plpgsql security definer set search_path = public, pg_temp as $$
declare
    seg record;
    moved bigint := 0;
    runs bigint[];
begin
    for seg in select i.inhrelid::regclass as rel from pg_inherits i
               where i.inhparent = 'observation'::regclass order by i.inhrelid
    loop
        execute format('select array_agg(distinct import_run_id) from %s', seg.rel) into runs;
        moved := moved + observation_segment_move(seg.rel);
        perform observation_coverage_recompute(coalesce(runs, '{}'));
    end loop;
    return moved;
end;
$$;
