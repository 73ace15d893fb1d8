-- Domain knowledge as data (docs/architecture.md): who publishes a source table, under which
-- licence, and from which survey; and the roles an indicator plays on the read side. Filled at
-- every start from data/mappings/*.yaml and data/indicators.yaml (validated by data/schema/).

-- One row per source table that has a mapping file.
create table source (
    table_id   text primary key,             -- as in the mapping file: 85268NED, 80072ned, trng_lfse_04
    publisher  text not null,                -- CBS, Eurostat
    licence    text not null,                -- re-use licence, e.g. CC BY 4.0
    url        text not null,                -- where the table is published
    survey     text                          -- the survey behind the figures (EBB), or null
);

-- A table id is unique without regard to case (the importer finds mappings case-insensitively).
create unique index source_table_id_lower on source (lower(table_id));

alter table indicator
    add column kerncijfer_order    smallint, -- position on the key-figures page; null: not shown
    add column kerncijfer_fallback boolean not null default false, -- shown only when the indicator at the same position has no data
    add column share_dimensions    text[] not null default '{}', -- dimensions the key figure is split by, first present wins
    add column sample_base         text;     -- indicator whose value is the base population of a sample rule (EBB)
