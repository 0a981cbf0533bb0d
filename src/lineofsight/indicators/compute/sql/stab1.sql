-- code: NI62
-- title: Children looked after with 3 or more placements in the period (STAB1)
-- definition: Of children looked after at the period end, the % who had 3 or more
--   placements during the period: the placement they were in as it began (an episode
--   open past its first day), plus every episode starting within it that began care or a
--   placement (RNE S, P, B, T or U; L is a change of legal status only).
-- polarity: lower
-- unit: percent
-- source: SSDA903 episodes
-- children: children with 3 or more placements
WITH cohort AS (
    SELECT DISTINCT l.CHILD FROM params, looked_after_on(params.period_end) l
),
placements AS (
    SELECT e.CHILD,
           count(*) FILTER (
               WHERE e.DECOM BETWEEN params.period_start AND params.period_end
                 AND e.RNE IN ('S', 'P', 'B', 'T', 'U')
           )
           + CASE WHEN bool_or(e.DECOM < params.period_start
                               AND (e.DEC IS NULL OR e.DEC > params.period_start))
                  THEN 1 ELSE 0 END AS placements
    FROM episode e JOIN cohort USING (CHILD), params
    GROUP BY e.CHILD
)
SELECT
    100.0 * count(*) FILTER (WHERE placements >= 3) / nullif(count(*), 0) AS value,
    count(*) FILTER (WHERE placements >= 3) AS numerator,
    count(*) AS denominator,
    coalesce(list(CHILD ORDER BY CHILD) FILTER (WHERE placements >= 3), []) AS children
FROM placements;
