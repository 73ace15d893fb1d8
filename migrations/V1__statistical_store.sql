-- LLO Monitor statistical store.
-- Regions, periods, indicators and breakdowns describe the cube; observations hold the figures.
-- Observations are append-only: each import run is a vintage, and the newest vintage of a cell
-- is its current value. Nothing is overwritten, so every figure can be shown "as known on" a date.

-- Regions -------------------------------------------------------------------------------------

create table region_level (
    code       text primary key,
    rank       smallint not null unique,
    name_nl    text not null,
    name_en    text not null
);

insert into region_level (code, rank, name_nl, name_en) values
    ('land',              1, 'Land',              'Country'),
    ('landsdeel',         2, 'Landsdeel',         'Part of the country'),
    ('provincie',         3, 'Provincie',         'Province'),
    ('corop',             4, 'COROP-gebied',      'COROP region'),
    ('arbeidsmarktregio', 5, 'Arbeidsmarktregio', 'Labour market region'),
    ('gemeente',          6, 'Gemeente',          'Municipality');

-- code as CBS writes it, trimmed: NL01, LD01, PV21, PV26, CR17, AM15, GM0344
create table region (
    code        text primary key check (code ~ '^[A-Z]{2}[0-9]{2,4}$'),
    level       text not null references region_level (code),
    name_nl     text not null,
    name_en     text not null,
    valid_from  date not null default date '1900-01-01',
    valid_to    date,
    check (valid_to is null or valid_to > valid_from)
);

create index region_level_idx on region (level);

-- Earlier or alternative names (Friesland -> Fryslan since 2023, label forms such as 'Utrecht (PV)',
-- NUTS codes such as NL31). Importers resolve labels to codes through this table.
create table region_alias (
    scheme       text not null,          -- 'cbs-label', 'nuts2016', 'name'
    alias        text not null,
    region_code  text not null references region (code) on delete cascade,
    valid_from   date not null default date '1900-01-01',
    valid_to     date,
    primary key (scheme, alias, valid_from)
);

create index region_alias_region_idx on region_alias (region_code);

-- A region can have several parents at once (a gemeente lies in a COROP area, an arbeidsmarktregio
-- and a provincie). Links carry their own validity, since municipal mergers move them.
create table region_parent (
    child_code   text not null references region (code) on delete cascade,
    parent_code  text not null references region (code) on delete cascade,
    valid_from   date not null default date '1900-01-01',
    valid_to     date,
    primary key (child_code, parent_code, valid_from),
    check (child_code <> parent_code)
);

create index region_parent_parent_idx on region_parent (parent_code);

create table region_geometry (
    region_code  text not null references region (code) on delete cascade,
    edition      text not null,          -- e.g. '2023', '2024': the boundary set the shape belongs to
    geojson      jsonb not null,         -- a GeoJSON geometry object (Polygon or MultiPolygon), WGS84
    source       text not null,
    primary key (region_code, edition)
);

-- Periods -------------------------------------------------------------------------------------

-- CBS period codes: 2023JJ00 (year), 2023KW02 (quarter), 2024MM11 (month)
create table period (
    code        text primary key check (code ~ '^[0-9]{4}(JJ00|KW0[1-4]|MM(0[1-9]|1[0-2]))$'),
    type        text not null check (type in ('year', 'quarter', 'month')),
    year        smallint not null,
    number      smallint not null,       -- 0 for a year, 1-4 for a quarter, 1-12 for a month
    start_date  date not null,
    end_date    date not null,
    check (end_date >= start_date)
);

create index period_type_start_idx on period (type, start_date);

-- Indicators and breakdowns -------------------------------------------------------------------

create table indicator (
    code                 text primary key check (code ~ '^[a-z][a-z0-9_]*$'),
    name_nl              text not null,
    name_en              text not null,
    unit                 text not null,     -- 'percent', 'x1000', 'persons', 'ratio', 'index'
    decimals             smallint not null default 1,
    definition_nl        text not null,
    definition_en        text not null,
    explanation_nl       text,
    explanation_en       text,
    source_table         text,              -- CBS table id (85268NED), Eurostat dataset (trng_lfse_04), or null if derived
    higher_is_better     boolean,           -- null: neither direction is good or bad
    seasonally_adjusted  boolean not null default false,
    -- a ratio computed by us: value = numerator / denominator * multiplier
    numerator_code       text references indicator (code),
    denominator_code     text references indicator (code),
    multiplier           numeric,
    check ((numerator_code is null) = (denominator_code is null))
);

-- Breakdown dimensions (education level, labour position, age group, sex, LLO type, sector, ...)
-- are data, not columns: a new dimension needs rows, not a schema change.
create table dimension (
    code     text primary key check (code ~ '^[a-z][a-z0-9_]*$'),
    name_nl  text not null,
    name_en  text not null
);

create table dimension_member (
    dimension_code  text not null references dimension (code) on delete cascade,
    code            text not null,
    name_nl         text not null,
    name_en         text not null,
    sort_order      integer not null default 0,
    is_total        boolean not null default false,
    primary key (dimension_code, code)
);

-- One row per combination of members that occurs. The total over every dimension is the empty
-- combination (id 0, key ''). key is canonical: 'dim=member' pairs sorted by dimension, joined by ';'.
create table breakdown (
    id   bigint generated by default as identity primary key,
    key  text not null unique
);

insert into breakdown (id, key) overriding system value values (0, '');

create table breakdown_member (
    breakdown_id    bigint not null references breakdown (id) on delete cascade,
    dimension_code  text not null,
    member_code     text not null,
    primary key (breakdown_id, dimension_code),
    foreign key (dimension_code, member_code) references dimension_member (dimension_code, code)
);

create index breakdown_member_member_idx on breakdown_member (dimension_code, member_code);

-- Imports and vintages ------------------------------------------------------------------------

create table import_run (
    id              bigint generated always as identity primary key,
    format          text not null,           -- 'cbs-csv', 'cbs-odata3', 'cbs-odata4', 'eurostat-tsv', 'regions', 'geojson', 'demo'
    file_name       text not null,
    checksum        text not null,           -- sha-256 of the bytes read, hex
    table_id        text,
    started_at      timestamptz not null default now(),
    finished_at     timestamptz,
    status          text not null default 'running'
                    check (status in ('running', 'succeeded', 'unchanged', 'failed')),
    rows_read       bigint not null default 0,
    rows_inserted   bigint not null default 0,   -- new cells and new vintages
    rows_unchanged  bigint not null default 0,   -- identical to the current vintage: not written again
    report          jsonb not null default '{}'::jsonb,  -- warnings, e.g. "exactly 10,000 rows: probably cut off"
    error           text
);

create index import_run_checksum_idx on import_run (checksum, status);

-- Observations --------------------------------------------------------------------------------

create table observation (
    id              bigint generated always as identity primary key,
    indicator_code  text not null references indicator (code),
    region_code     text not null references region (code),
    period_code     text not null references period (code),
    breakdown_id    bigint not null default 0 references breakdown (id),
    import_run_id   bigint not null references import_run (id),
    recorded_at     timestamptz not null,    -- when this vintage became known (its import run's start)
    value           numeric,                 -- null: suppressed or not available (then footnote says why)
    margin_low      numeric,                 -- published 95% interval, where the source gives one
    margin_high     numeric,
    status          text not null default 'definitief'
                    check (status in ('definitief', 'nader_voorlopig', 'voorlopig')),
    flags           text not null default '' check (flags ~ '^[a-z]*$'),  -- Eurostat-style: b = break in series, u = low reliability, e = estimated
    footnote        text,
    source_table    text not null,
    check (margin_low is null or margin_high is null or margin_low <= margin_high)
);

-- one indicator x some regions x a period range, newest vintage first ("current value" and "as of")
create index observation_cell_idx
    on observation (indicator_code, region_code, breakdown_id, period_code, recorded_at desc, id desc);
-- latest period per region for an indicator (kerncijfers, maps)
create index observation_latest_idx
    on observation (indicator_code, breakdown_id, period_code desc, region_code);
create index observation_run_idx on observation (import_run_id);

-- The current value of every cell: its newest vintage.
create view observation_current as
select distinct on (indicator_code, region_code, breakdown_id, period_code) *
from observation
order by indicator_code, region_code, breakdown_id, period_code, recorded_at desc, id desc;

-- Data version: bumped by every import that changes data. The API derives ETags from it, and
-- every change is announced on the channel 'llo_data_changed' (LISTEN/NOTIFY) to all instances.
create table data_version (
    id          smallint primary key default 1 check (id = 1),
    version     bigint not null,
    changed_at  timestamptz not null default now()
);

insert into data_version (id, version) values (1, 0);

create function bump_data_version() returns bigint
language plpgsql as $$
declare
    v bigint;
begin
    update data_version set version = version + 1, changed_at = now() where id = 1 returning version into v;
    perform pg_notify('llo_data_changed', v::text);
    return v;
end;
$$;
