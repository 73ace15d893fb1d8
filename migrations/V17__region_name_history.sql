-- Names by edition. A region's name in the API used to be the newest edition's for every date:
-- regions/GM0820?date=2024-06-01 answered "Nuenen" for a gemeente that was "Nuenen, Gerwen en
-- Nederwetten" until the edition of 2025. Each edition now states the names of the regions it
-- lists for its own span (from its date to the next edition's, or open), as it states their links;
-- region.name_nl and name_en stay the newest names.
create table region_name (
    region_code  text not null references region (code) on delete cascade,
    valid_from   date not null,
    valid_to     date,
    name_nl      text not null,
    name_en      text not null,
    primary key (region_code, valid_from),
    check (valid_to is null or valid_to > valid_from)
);

comment on table region_name is
    'a region''s names in a span of editions: valid_from inclusive, valid_to exclusive or null (open)';

-- the names known so far, from the start: earlier names were not dated before this migration
-- (they stay aliases, so files that use them still resolve)
insert into region_name (region_code, valid_from, valid_to, name_nl, name_en)
select code, date '1900-01-01', null, name_nl, name_en from region;
