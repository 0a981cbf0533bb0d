-- Shared tables every indicator query may use. Run once after the returns are loaded,
-- before any indicator; nothing here depends on the period.

-- Calendar of days with a running count of working days (weekdays that are not English
-- bank holidays). "n working days after d" is the working day whose count is
-- count(d) + n, and "working days from a to b" is count(b) - count(a): the day counted
-- from is day 0, as in "within 20 working days of starting care". Queries join these
-- tables rather than call a scalar macro: a correlated lookup per row is 50 times slower.
CREATE OR REPLACE TABLE calendar AS
WITH days AS (
    SELECT CAST(day AS DATE) AS day
    FROM range(DATE '1980-01-01', DATE '2046-01-01', INTERVAL 1 DAY) AS t(day)
)
SELECT
    day,
    isodow(day) < 6 AND day NOT IN (SELECT day FROM bank_holiday) AS is_working_day,
    sum(CASE WHEN isodow(day) < 6 AND day NOT IN (SELECT day FROM bank_holiday) THEN 1 ELSE 0 END)
        OVER (ORDER BY day ROWS UNBOUNDED PRECEDING) AS working_day_no
FROM days;

CREATE OR REPLACE TABLE working_day AS
SELECT working_day_no, day FROM calendar WHERE is_working_day;

-- Episodes with the start of their period of care (the latest RNE S at or before them)
-- and the day their carer began (the latest S, P or B: T and U are the same carer).
-- A history cut short before its S falls back to the child's first episode.
CREATE OR REPLACE TABLE episode AS
SELECT
    e.*,
    coalesce(
        max(CASE WHEN e.RNE = 'S' THEN e.DECOM END) OVER upto,
        min(e.DECOM) OVER (PARTITION BY e.CHILD)
    ) AS period_start,
    coalesce(
        max(CASE WHEN e.RNE IN ('S', 'P', 'B') THEN e.DECOM END) OVER upto,
        min(e.DECOM) OVER (PARTITION BY e.CHILD)
    ) AS carer_start
FROM episodes e
WINDOW upto AS (PARTITION BY e.CHILD ORDER BY e.DECOM ROWS UNBOUNDED PRECEDING);

-- Children looked after on a day are those with an episode open at the end of that day.
CREATE OR REPLACE MACRO looked_after_on(on_day) AS TABLE
    SELECT CHILD, period_start, carer_start, DECOM, RNE, LS, PLACE
    FROM episode
    WHERE DECOM <= on_day AND (DEC IS NULL OR DEC > on_day);

-- The shapes several indicators share, written once. Each takes the name of a table or
-- CTE (table macros read it through query_table) and returns the indicator's one row.

-- A share: of the rows of `verdict` (CHILD, counted), the % counted, with the children
-- counted. A child with several rows (several assessments) is listed once.
CREATE OR REPLACE MACRO share_counted(verdict) AS TABLE
    SELECT
        100.0 * count(*) FILTER (WHERE counted) / nullif(count(*), 0) AS value,
        count(*) FILTER (WHERE counted) AS numerator,
        count(*) AS denominator,
        coalesce(list(DISTINCT CHILD ORDER BY CHILD) FILTER (WHERE counted), []) AS children
    FROM query_table(verdict);

-- An average wait: of the rows of `waits` (CHILD, days), the average days, with the total
-- days as numerator and every child listed.
CREATE OR REPLACE MACRO average_days(waits) AS TABLE
    SELECT
        CAST(sum(days) AS DOUBLE) / nullif(count(*), 0) AS value,
        coalesce(sum(days), 0) AS numerator,
        count(*) AS denominator,
        coalesce(list(CHILD ORDER BY CHILD), []) AS children
    FROM query_table(waits);

-- On time in working days: each row of `events` (CHILD, from_day, to_day) is counted when
-- to_day is at most `working_days` working days after from_day (from_day is day 0). A day
-- outside the calendar is not on time.
CREATE OR REPLACE MACRO within_working_days(events, working_days) AS TABLE
    SELECT e.CHILD, coalesce(to_day.working_day_no - from_day.working_day_no <= working_days, false) AS counted
    FROM query_table(events) e
    LEFT JOIN calendar from_day ON from_day.day = e.from_day
    LEFT JOIN calendar to_day ON to_day.day = e.to_day;
