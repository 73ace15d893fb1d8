-- Why an import was incomplete is stored since this version as keys with their counts
-- (import_run.report -> 'incompleteReasons', see cube/IncompleteReason), so that every reader gets it in
-- their own language. Runs stored before hold only the English text (import_run.incomplete_reason): this
-- reads the keys back from that text, for the six kinds of cut-off the importers report, and leaves a run
-- whose text is none of them as it is (it is then shown in English, as before).

-- The reasons of an English incomplete_reason (several are joined by '; '), as stored in the report:
-- [{"key": "rows-at-cbs-limit", "args": [10000]}, ...]; null when a part is none of the known kinds.
create function incomplete_reasons_of(reason text) returns jsonb
    language plpgsql immutable as $$
declare
    part text;
    m text[];
    result jsonb := '[]'::jsonb;
begin
    if reason is null then
        return null;
    end if;
    foreach part in array string_to_array(reason, '; ') loop
        m := regexp_match(part, '^exactly ([0-9,]+) data rows: the file was probably cut off at CBS''s download limit$');
        if m is not null then
            result := result || jsonb_build_array(jsonb_build_object('key', 'rows-at-cbs-limit',
                'args', jsonb_build_array(replace(m[1], ',', '')::bigint)));
            continue;
        end if;
        m := regexp_match(part, '^exactly ([0-9,]+) data rows: the file was probably cut off at a download limit$');
        if m is not null then
            result := result || jsonb_build_array(jsonb_build_object('key', 'rows-at-limit',
                'args', jsonb_build_array(replace(m[1], ',', '')::bigint)));
            continue;
        end if;
        m := regexp_match(part, '^a page of exactly ([0-9,]+) records without odata\.nextLink \((.*)\): cut off at the API''s limit$');
        if m is not null then
            result := result || jsonb_build_array(jsonb_build_object('key', 'page-at-limit',
                'args', jsonb_build_array(replace(m[1], ',', '')::bigint, m[2])));
            continue;
        end if;
        m := regexp_match(part, '^a page with odata\.nextLink \((.*)\) whose next page is not in the folder: the rest of the table is missing$');
        if m is not null then
            result := result || jsonb_build_array(jsonb_build_object('key', 'next-page-missing',
                'args', jsonb_build_array(m[1])));
            continue;
        end if;
        m := regexp_match(part, '^([0-9,]+) records read but the response counts ([0-9,]+) \(@odata\.count\)$');
        if m is not null then
            result := result || jsonb_build_array(jsonb_build_object('key', 'fewer-than-counted',
                'args', jsonb_build_array(replace(m[1], ',', '')::bigint, replace(m[2], ',', '')::bigint)));
            continue;
        end if;
        m := regexp_match(part, '^([0-9,]+) observations read but the table has ([0-9,]+) \(Properties\.ObservationCount\)$');
        if m is not null then
            result := result || jsonb_build_array(jsonb_build_object('key', 'fewer-than-table',
                'args', jsonb_build_array(replace(m[1], ',', '')::bigint, replace(m[2], ',', '')::bigint)));
            continue;
        end if;
        -- none of the known kinds: the run keeps its English text only
        return null;
    end loop;
    return result;
end $$;

comment on function incomplete_reasons_of(text) is
    'the keys and counts of an English import_run.incomplete_reason (cube/IncompleteReason), or null';

update import_run
set report = jsonb_set(report, '{incompleteReasons}', incomplete_reasons_of(incomplete_reason))
where incomplete_reason is not null
  and not report ? 'incompleteReasons'
  and incomplete_reasons_of(incomplete_reason) is not null;

-- A measure of a table imported without its metadata said so in English in both languages.
update indicator
set definition_nl = left(definition_nl, length(definition_nl) - length(' (no description in this download)'))
                    || ' (geen omschrijving in deze download)'
where definition_nl like '% (no description in this download)';
