-- Regions by edition, and forecast tables.
--
-- Every import of a "Gebieden in Nederland" file (85755NED) is an edition with a validity date.
-- An edition states the direct links of the regions it lists (gemeente in provincie, in COROP, in
-- arbeidsmarktregio, ...). A link that a later edition no longer states is ended (valid_to = the
-- later edition's date), never duplicated; a new link starts at the edition's date. A complete
-- edition (one that lists gemeenten in every provincie the store knows) also ends the gemeenten it
-- no longer lists (a merger). Editions are applied in date order: an edition dated before the
-- newest one already imported is refused.
create table region_edition (
    valid_from     date primary key,
    import_run_id  bigint not null references import_run (id),
    file_name      text not null,
    complete       boolean not null,   -- lists every provincie: regions it does not list are ended
    gemeenten      integer not null,   -- gemeenten it lists
    links_started  integer not null,
    links_ended    integer not null,
    regions_ended  integer not null
);

comment on table region_edition is
    'one imported "Gebieden in Nederland" edition: its validity date and what it changed';

-- Every containment is a direct link of its edition. The built-in list used to link an
-- arbeidsmarktregio to each provincie of its gemeenten; ten arbeidsmarktregio's cross province
-- borders, so a gemeente reached a provincie through its arbeidsmarktregio that it does not lie in.
-- Those links were never stated by an edition: remove them.
delete from region_parent p
using region c, region r
where c.code = p.child_code and r.code = p.parent_code
  and c.level = 'arbeidsmarktregio' and r.level in ('provincie', 'landsdeel');

create index region_parent_child_idx on region_parent (child_code, valid_from);

-- Source tables whose values are forecasts, not observations (a CBS regional population forecast
-- such as 82220NED). Declared in the table's mapping file (kind: forecast, baseYear) and recorded at
-- start-up and at every import of the table. A value whose source_table is listed here is a forecast:
-- the API marks it (kind = forecast) and compare, kerncijfers, trend and map never use it as an
-- observation.
create table source_table_kind (
    table_id    text primary key,
    kind        text not null check (kind in ('observation', 'forecast')),
    base_year   smallint,           -- the forecast's base year (the last observed year it starts from)
    title       text
);

comment on table source_table_kind is 'whether a source table publishes observations or forecasts';
