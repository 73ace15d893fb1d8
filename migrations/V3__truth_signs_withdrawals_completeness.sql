-- Every value tells the truth: status "not stated", the reason of a missing value, and how complete
-- an import was.

-- A status is never invented: a value whose source states none is 'niet_vermeld', and there is no
-- default any more (an importer must say what the source said).
alter table observation drop constraint observation_status_check;
alter table observation add constraint observation_status_check
    check (status in ('definitief', 'nader_voorlopig', 'voorlopig', 'niet_vermeld'));
alter table observation alter column status drop default;

-- Why a cell has no value (nl.llomonitor.cube.MissingReason): CBS '.' onbekend, 'x' geheim, an empty
-- cell niet_van_toepassing, v4 Confidential / Eurostat c vertrouwelijk, Eurostat ':' niet_beschikbaar,
-- an unknown v4 attribute anders (its code in footnote). A cell has a value or a reason, never both
-- nor neither. A later vintage without a value where an earlier one had a number is a withdrawal.
alter table observation add column missing_reason text
    check (missing_reason in ('onbekend', 'geheim', 'vertrouwelijk', 'niet_van_toepassing',
                              'niet_beschikbaar', 'anders'));
alter table observation add constraint observation_value_or_reason
    check ((value is null) = (missing_reason is not null));

comment on column observation.value is 'the published value; null when missing_reason says why there is none';
comment on column observation.missing_reason is 'why the cell has no value (nl.llomonitor.cube.MissingReason); null when it has one';
comment on column observation.status is 'definitief, nader_voorlopig, voorlopig, or niet_vermeld when the source states none';
comment on column observation.flags is 'flag letters in alphabetical order (nl.llomonitor.cube.Flag): b c d e f n p r s u z';

-- the view's * was expanded when it was made: make it again to include the new column
create or replace view observation_current as
select distinct on (indicator_code, region_code, breakdown_id, period_code) *
from observation
order by indicator_code, region_code, breakdown_id, period_code, recorded_at desc, id desc;

-- What an import found: how many cells carried each special sign, how many published values it
-- withdrew, and whether the source was complete (an incomplete one is imported only when asked).
alter table import_run add column signs jsonb not null default '{}'::jsonb;
alter table import_run add column cells_withdrawn bigint not null default 0;
alter table import_run add column complete boolean not null default true;
alter table import_run add column incomplete_reason text;
alter table import_run add constraint import_run_incomplete_has_reason
    check (complete or incomplete_reason is not null);

comment on column import_run.signs is 'cells per CBS sign or Eurostat flag read, e.g. {"-": 3, ".": 10, "x": 2, "empty": 1}';
comment on column import_run.cells_withdrawn is 'cells that had a number and have none from this run on';
comment on column import_run.complete is 'false: the source was probably cut off and imported with allowIncomplete';
comment on column import_run.incomplete_reason is 'why the source is probably incomplete';
