-- Open world: any CBS table imports without a mapping file (issue 9).
-- A table imported without a curated mapping gets indicators and breakdown dimensions of its own,
-- named after the table so that they never collide with the curated ones of data/indicators.yaml:
--   indicator  cbs_<table>__<measure key>   e.g. cbs_85624ned__deelnemerslevenlangontwikkelen_1
--   dimension  cbs_<table>__<dimension key> e.g. cbs_85624ned__onderwijsniveau
-- (lower case; curated codes may not start with 'cbs_<5 digits><3 letters>__').

-- Every table whose data the store holds: what it is and whether it was imported generically.
create table source_table_info (
    id           text primary key,           -- the table id as the source writes it (85624NED, 60039fvw)
    title        text,                       -- from the table's metadata, null until known
    description  text,
    publisher    text not null default 'CBS',
    generic      boolean not null default false,  -- imported with its own measures (not only through a mapping)
    updated_at   timestamptz not null default now()
);

comment on table source_table_info is
    'tables imported into the store; generic = their own measures are stored as table-scoped indicators';

-- the key a generated indicator, dimension or member has in its source table (CBS measure key,
-- dimension key, member key); null for curated ones
alter table indicator add column source_key text;
alter table dimension add column source_table text;
alter table dimension add column source_key text;
alter table dimension_member add column source_key text;

create index indicator_source_table_idx on indicator (lower(source_table));

-- Mapping files uploaded through the admin API (POST /api/admin/mappings). They take precedence over
-- files in LLO_MAPPINGS_DIR and in the jar, and survive a restart.
create table mapping_file (
    table_id     text primary key,           -- upper case table id
    content      text not null,              -- the YAML as uploaded
    uploaded_at  timestamptz not null default now()
);
