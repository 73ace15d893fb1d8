-- The period types an indicator has for some regions (SeriesService.finestPeriodType) are read from
-- what the store covers (observation_coverage, V10), not from every row of the regions' cells over all
-- breakdowns and vintages: an index to find an indicator's rows for some regions.
create index observation_coverage_indicator_region_idx on observation_coverage (indicator_code, region_code);
