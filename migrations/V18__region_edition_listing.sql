-- Which regions each edition lists. An edition imported before an edition dated later states its
-- own span only, up to the next edition; but a partial later edition (one arbeidsmarktregio's
-- gemeenten) says nothing of the regions it does not list. Without this record the next edition
-- of any kind bounded every region's span: a complete 2025 edition imported after a partial one of
-- 2027 kept the gemeenten it merged (both Heusdens in AM26) and gave the new gemeente's figures to
-- the old one. Editions imported before this migration have no rows here and are taken to list
-- every region, as before.
create table region_edition_region (
    valid_from   date not null,
    region_code  text not null,
    primary key (valid_from, region_code)
);

comment on table region_edition_region is
    'the regions an edition (region_edition.valid_from) lists; none recorded: taken to list all';
