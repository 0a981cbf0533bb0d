-- code: CLA40
-- title: Missing episodes of children looked after
-- definition: Number of missing episodes (MISSING M) starting in the period; the same
--   child and start day recorded twice counts once.
-- polarity: lower
-- unit: count
-- source: SSDA903 missing
-- children: children who went missing
WITH episode_missing AS (
    SELECT DISTINCT m.CHILD, m.MIS_START
    FROM missing m, params
    WHERE m.MISSING = 'M' AND m.MIS_START BETWEEN params.period_start AND params.period_end
)
SELECT
    CAST(count(*) AS DOUBLE) AS value,
    count(*) AS numerator,
    CAST(NULL AS BIGINT) AS denominator,
    coalesce(list(DISTINCT CHILD ORDER BY CHILD), []) AS children
FROM episode_missing;
