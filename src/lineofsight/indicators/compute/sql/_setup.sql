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
