-- code: CP-REPEAT
-- title: Child protection plans that were a second or later plan
-- definition: Of child protection plans starting in the period, the % for a child who
--   had an earlier plan: one starting on an earlier day in any census loaded, or, where
--   the census records it, a NumberOfPreviousCPP of 1 or more on the plan (plans from
--   before the censuses loaded). A blank NumberOfPreviousCPP leaves the census history to
--   decide; a 0 does not overrule an earlier plan the censuses show.
-- polarity: lower
-- unit: percent
-- source: CIN census
-- children: children on a second or later plan
WITH plan AS (
    -- A plan reported in two censuses (same child, same start day) is one plan; if the
    -- censuses disagree on its earlier plans, the larger count is taken.
    SELECT CHILD, started_on, recorded_before,
           row_number() OVER (PARTITION BY CHILD ORDER BY started_on) AS plan_no
    FROM (
        SELECT CHILD, CPPstartDate AS started_on, max(NumberOfPreviousCPP) AS recorded_before
        FROM cin_cpp
        GROUP BY CHILD, CPPstartDate
    )
),
verdict AS (
    SELECT CHILD, plan_no > 1 OR coalesce(recorded_before, 0) > 0 AS counted
    FROM plan, params
    WHERE started_on BETWEEN params.period_start AND params.period_end
)
SELECT * FROM share_counted(verdict);
