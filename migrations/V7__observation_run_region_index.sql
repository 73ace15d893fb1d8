-- The change feed (GET /api/v1/feeds/changes.atom?region=) reads what the newest import runs wrote for
-- one region. An index on the run alone makes that read every row of a run (10 million for the largest
-- bench table) to keep one region's; with the region in the index it reads only that region's rows.
-- The new index also serves every lookup by run alone, so it replaces observation_run_idx.
create index observation_run_region_idx on observation (import_run_id, region_code);
drop index observation_run_idx;
