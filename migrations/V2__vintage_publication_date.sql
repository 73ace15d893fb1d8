-- A vintage is placed in time by when its source published it, where that is known: an import of an
-- older download after a newer one must not make the older figures current again.
--   published_at: the source's own date (OData v3 TableInfos.Modified, v4 Properties.Modified) or the
--                 date given with the import (CLI --published, admin form field 'published'); null when
--                 unknown. The observations of the run are then recorded at that moment instead of the
--                 import time, so observation_current (newest recorded_at) and ?asOf follow publication.
alter table import_run add column published_at timestamptz;

comment on column import_run.published_at is
    'when the source published this vintage, if known; its observations are recorded at this moment';
comment on column observation.recorded_at is
    'when this vintage became known: its publication date if known, otherwise its import run''s start';
