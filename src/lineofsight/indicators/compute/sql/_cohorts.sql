-- Cohorts that depend on the period, shared by several indicators. Run after `params` is
-- set for the period (a view is bound when it is created, so it cannot precede `params`).

-- The OC3 cohort: care leavers whose 19th, 20th or 21st birthday fell in the period and
-- who had not died. NI147, NI148 and CLA48 each count a share of it.
CREATE OR REPLACE TEMP VIEW care_leaver_cohort AS
SELECT DISTINCT o.CHILD, o.IN_TOUCH, o.ACTIV, o.ACCOM
FROM oc3 o, params
WHERE (o.DOB + INTERVAL 19 YEAR BETWEEN params.period_start AND params.period_end
    OR o.DOB + INTERVAL 20 YEAR BETWEEN params.period_start AND params.period_end
    OR o.DOB + INTERVAL 21 YEAR BETWEEN params.period_start AND params.period_end)
  AND o.IN_TOUCH IS DISTINCT FROM 'DIED';
