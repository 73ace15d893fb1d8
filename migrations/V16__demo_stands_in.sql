-- The demo data set stands in for real data until they arrive: it is no publication of record,
-- so a real vintage of a cell replaces the demo's instead of standing beside it. Before, the
-- demo's vintage stayed in the cell's history (listed by revisions) and, where a real download
-- was imported with an earlier publication date (back-dated), stayed the current value.
alter table import_run add column stand_in boolean not null default false;

comment on column import_run.stand_in is
    'a stand-in data set (the demo data set loaded at start-up): the first real vintage of a cell '
    'replaces its vintage of that cell (ObservationStore.merge)';

update import_run set stand_in = true where format = 'demo' and file_name = 'demo/observations.csv';

-- the demo's vintages of cells that real imports have written since, looked up from the demo's own
-- rows (its run id as a constant, so that the plan starts from them and not from the whole store)
do $$
declare
    ids bigint[];
begin
    select array_agg(id) into ids from import_run where stand_in;
    if ids is not null then
        execute format($sql$
            delete from observation d
            where d.import_run_id = any(%L::bigint[])
              and exists (select 1 from observation n join import_run r on r.id = n.import_run_id
                          where not r.stand_in
                            and n.indicator_code = d.indicator_code and n.region_code = d.region_code
                            and n.breakdown_id = d.breakdown_id and n.period_code = d.period_code)$sql$, ids);
    end if;
end
$$;
