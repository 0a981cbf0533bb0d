-- code: CIN-ICPC15
-- title: Initial CP conferences within 15 working days of the S47 starting
-- definition: Of initial child protection conferences held in the period, the % held
--   within 15 working days of the start of the section 47 enquiry (the start day is day 0);
--   conferences dated before their enquiry started are left out as recording errors.
-- polarity: higher
-- unit: percent
-- source: CIN census
-- children: children whose conference was on time
WITH conference AS (
    SELECT DISTINCT s.CHILD, s.S47ActualStartDate AS started_on, s.DateOfInitialCPC AS held_on
    FROM cin_s47 s, params
    WHERE s.DateOfInitialCPC BETWEEN params.period_start AND params.period_end
      AND s.S47ActualStartDate IS NOT NULL
      AND s.DateOfInitialCPC >= s.S47ActualStartDate
),
verdict AS (
    SELECT CHILD, coalesce(to_day.working_day_no - from_day.working_day_no <= 15, false) AS on_time
    FROM conference
    LEFT JOIN calendar from_day ON from_day.day = started_on
    LEFT JOIN calendar to_day ON to_day.day = held_on
)
SELECT
    100.0 * count(*) FILTER (WHERE on_time) / nullif(count(*), 0) AS value,
    count(*) FILTER (WHERE on_time) AS numerator,
    count(*) AS denominator,
    coalesce(list(DISTINCT CHILD ORDER BY CHILD) FILTER (WHERE on_time), []) AS children
FROM verdict;
