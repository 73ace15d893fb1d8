-- When a source published a vintage, and whether the vintage is placed at that moment.
--   published_at: the source's own date (OData v3 TableInfos.Modified, v4 Properties.Modified) or the
--                 date given with the import (CLI --published, admin form field 'published'); null
--                 when unknown.
--   backdated:    true when the date was given with the import (an older download): its observations
--                 are then recorded at published_at instead of the import time, as history. Such a
--                 vintage never replaces a value of a later vintage of the same table. A date read
--                 from metadata is only recorded: an undated file imported earlier may be older.
alter table import_run add column published_at timestamptz;
alter table import_run add column backdated boolean not null default false;
alter table import_run add constraint import_run_backdated_has_date check (not backdated or published_at is not null);

comment on column import_run.published_at is 'when the source published this vintage, if known';
comment on column import_run.backdated is 'observations recorded at published_at (an older download) instead of the import time';
comment on column observation.recorded_at is
    'when this vintage became known: its import run''s start, or the publication date of a back-dated run';
