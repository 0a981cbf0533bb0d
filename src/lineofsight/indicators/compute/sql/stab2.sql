-- code: NI63
-- title: Long-term stability of children looked after (STAB2)
-- definition: Of children under 16 at the period end who had been looked after
--   continuously for at least 2.5 years, the % who had lived with the same carer for at
--   least 2 years (a change with RNE T or U keeps the same carer, so the clock runs on,
--   which also covers a foster placement that becomes the adoptive one).
-- polarity: higher
-- unit: percent
-- source: SSDA903 header, episodes
-- children: children in the same placement for 2 years
WITH cohort AS (
    SELECT l.CHILD, l.carer_start
    FROM params, looked_after_on(params.period_end) l
    JOIN header h ON h.CHILD = l.CHILD
    WHERE h.DOB + INTERVAL 16 YEAR > params.period_end
      AND l.period_start + INTERVAL 30 MONTH <= params.period_end
),
verdict AS (
    SELECT CHILD, carer_start + INTERVAL 2 YEAR <= params.period_end AS stable
    FROM cohort, params
)
SELECT
    100.0 * count(*) FILTER (WHERE stable) / nullif(count(*), 0) AS value,
    count(*) FILTER (WHERE stable) AS numerator,
    count(*) AS denominator,
    coalesce(list(CHILD ORDER BY CHILD) FILTER (WHERE stable), []) AS children
FROM verdict;
