-- code: NI66
-- title: Children looked after whose reviews were all on time
-- definition: Of children looked after at the period end who had been in their current
--   period of care for at least 20 working days, the % whose reviews were all on time:
--   first within 20 working days of the period of care starting, second within 3 months
--   of the first, then at most 6 months apart (Care Planning Regulations 2010, reg 33).
--   A review counts against the period if it was held late within the period, or if a
--   review fell due on or before the period end and had not been held.
-- polarity: higher
-- unit: %
-- source: SSDA903 episodes, reviews
-- children: children whose reviews were all on time
WITH cohort AS (
    SELECT l.CHILD, l.period_start
    FROM params, looked_after_on(params.period_end) l
    WHERE add_working_days(l.period_start, 20) <= params.period_end
),
held AS (
    -- Reviews of the current period of care, each with the one before it.
    SELECT r.CHILD, r.REVIEW, c.period_start,
           row_number() OVER w AS review_no,
           lag(r.REVIEW) OVER w AS previous_review
    FROM (SELECT DISTINCT CHILD, REVIEW FROM reviews) r
    JOIN cohort c ON c.CHILD = r.CHILD, params
    WHERE r.REVIEW >= c.period_start AND r.REVIEW <= params.period_end
    WINDOW w AS (PARTITION BY r.CHILD ORDER BY r.REVIEW)
),
due AS (
    SELECT CHILD, REVIEW, review_no,
           CASE review_no
               WHEN 1 THEN add_working_days(period_start, 20)
               WHEN 2 THEN previous_review + INTERVAL 3 MONTH
               ELSE previous_review + INTERVAL 6 MONTH
           END AS due_by
    FROM held
),
last_review AS (
    SELECT CHILD, max(review_no) AS reviews_held, max(REVIEW) AS last_held
    FROM held GROUP BY CHILD
),
verdict AS (
    SELECT c.CHILD,
           EXISTS (
               SELECT 1 FROM due d, params
               WHERE d.CHILD = c.CHILD AND d.REVIEW > d.due_by
                 AND d.REVIEW >= params.period_start
           )
           OR CASE coalesce(l.reviews_held, 0)
                  WHEN 0 THEN add_working_days(c.period_start, 20)
                  WHEN 1 THEN l.last_held + INTERVAL 3 MONTH
                  ELSE l.last_held + INTERVAL 6 MONTH
              END <= params.period_end AS late
    FROM cohort c LEFT JOIN last_review l ON l.CHILD = c.CHILD, params
)
SELECT
    100.0 * count(*) FILTER (WHERE NOT late) / nullif(count(*), 0) AS value,
    count(*) FILTER (WHERE NOT late) AS numerator,
    count(*) AS denominator,
    coalesce(list(CHILD ORDER BY CHILD) FILTER (WHERE NOT late), []) AS children
FROM verdict;
