-- code: CLA39
-- title: Children looked after who went missing
-- definition: Number of children with at least one missing episode (MISSING M, not A
--   "away without authorisation") starting in the period.
-- polarity: lower
-- unit: count
-- source: SSDA903 missing
-- children: children who went missing
SELECT
    CAST(count(DISTINCT m.CHILD) AS DOUBLE) AS value,
    count(DISTINCT m.CHILD) AS numerator,
    CAST(NULL AS BIGINT) AS denominator,
    coalesce(list(DISTINCT m.CHILD ORDER BY m.CHILD), []) AS children
FROM missing m, params
WHERE m.MISSING = 'M' AND m.MIS_START BETWEEN params.period_start AND params.period_end;
