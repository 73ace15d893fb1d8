-- Value classes of an indicator as data (data/indicators.yaml, `classes`), not Java: e.g. UWV's
-- classes of the spanningsindicator (zeer ruim < 0.25 <= ruim < 0.67 <= gemiddeld < 1.5 <= krap
-- < 4 <= zeer krap). Written by the catalog load at every start; read by the key-figures page
-- and given with the indicator in the API.
alter table indicator
    add column classes jsonb check (classes is null or jsonb_typeof(classes) = 'array');

comment on column indicator.classes is
    'ordered value classes [{"code","nameNl","nameEn","below"}]: a value falls in the first class whose '
    'exclusive bound "below" lies above it; the last class has none; null: no classes';
