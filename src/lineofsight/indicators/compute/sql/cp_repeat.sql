-- code: CP-REPEAT
-- title: Child protection plans that were a second or later plan
-- definition: Of child protection plans starting in the period, the % for a child who
--   had an earlier plan in any census loaded.
-- polarity: lower
-- unit: percent
-- source: CIN census
-- children: children on a second or later plan
WITH plan AS (
    SELECT CHILD, started_on,
           row_number() OVER (PARTITION BY CHILD ORDER BY started_on) AS plan_no
    FROM (SELECT DISTINCT CHILD, CPPstartDate AS started_on FROM cin_cpp)
),
verdict AS (
    SELECT CHILD, plan_no > 1 AS repeat
    FROM plan, params
    WHERE started_on BETWEEN params.period_start AND params.period_end
)
SELECT
    100.0 * count(*) FILTER (WHERE repeat) / nullif(count(*), 0) AS value,
    count(*) FILTER (WHERE repeat) AS numerator,
    count(*) AS denominator,
    coalesce(list(DISTINCT CHILD ORDER BY CHILD) FILTER (WHERE repeat), []) AS children
FROM verdict;
