-- code: NI66
-- title: Children looked after whose reviews were all on time
-- definition: Of children looked after at the period end who had been in their current
--   period of care for at least 20 working days, the % whose reviews were all on time:
--   first within 20 working days of the period of care starting, second within 3 months
--   of the first, then at most 6 months apart (Care Planning Regulations 2010, reg 33).
--   A review counts against the period if it was held late within the period, or if a
--   review fell due on or before the period end and had not been held.
-- polarity: higher
-- unit: percent
-- source: SSDA903 episodes, reviews
-- children: children whose reviews were all on time
WITH cohort AS (
    SELECT l.CHILD, l.period_start, first_due.day AS first_due
    FROM params, looked_after_on(params.period_end) l
    JOIN calendar c ON c.day = l.period_start
    JOIN working_day first_due ON first_due.working_day_no = c.working_day_no + 20
    WHERE first_due.day <= params.period_end
),
held AS (
    -- Reviews of the current period of care, each with the one before it.
    SELECT r.CHILD, r.REVIEW, c.first_due,
           row_number() OVER w AS review_no,
           lag(r.REVIEW) OVER w AS previous_review
    FROM (SELECT DISTINCT CHILD, REVIEW FROM reviews) r
    JOIN cohort c ON c.CHILD = r.CHILD, params
    WHERE r.REVIEW >= c.period_start AND r.REVIEW <= params.period_end
    WINDOW w AS (PARTITION BY r.CHILD ORDER BY r.REVIEW)
),
held_late AS (
    SELECT DISTINCT CHILD
    FROM held, params
    WHERE REVIEW >= params.period_start
      AND REVIEW > CASE review_no
                       WHEN 1 THEN first_due
                       WHEN 2 THEN previous_review + INTERVAL 3 MONTH
                       ELSE previous_review + INTERVAL 6 MONTH
                   END
),
last_review AS (
    SELECT CHILD, max(review_no) AS reviews_held, max(REVIEW) AS last_held
    FROM held GROUP BY CHILD
),
verdict AS (
    -- Late if a review was held late, or the next one fell due by the period end unheld.
    SELECT c.CHILD,
           h.CHILD IS NOT NULL
           OR CASE coalesce(l.reviews_held, 0)
                  WHEN 0 THEN c.first_due
                  WHEN 1 THEN l.last_held + INTERVAL 3 MONTH
                  ELSE l.last_held + INTERVAL 6 MONTH
              END <= params.period_end AS late
    FROM cohort c
    LEFT JOIN last_review l ON l.CHILD = c.CHILD
    LEFT JOIN held_late h ON h.CHILD = c.CHILD, params
)
SELECT
    100.0 * count(*) FILTER (WHERE NOT late) / nullif(count(*), 0) AS value,
    count(*) FILTER (WHERE NOT late) AS numerator,
    count(*) AS denominator,
    coalesce(list(CHILD ORDER BY CHILD) FILTER (WHERE NOT late), []) AS children
FROM verdict;
