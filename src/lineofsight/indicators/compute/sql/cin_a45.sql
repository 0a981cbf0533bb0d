-- code: CIN-A45
-- title: Assessments authorised within 45 working days of the referral
-- definition: Of assessments authorised in the period, the % authorised within 45
--   working days of the referral (the referral day is day 0).
-- polarity: higher
-- unit: percent
-- source: CIN census
-- children: children whose assessment was on time
WITH assessment AS (
    SELECT DISTINCT r.CHILD, r.CINreferralDate AS referred_on,
           a.AssessmentAuthorisationDate AS authorised_on
    FROM cin_assessment a JOIN cin_referral r ON r.CHILD = a.CHILD AND r.REF = a.REF, params
    WHERE a.AssessmentAuthorisationDate BETWEEN params.period_start AND params.period_end
),
verdict AS (
    SELECT CHILD, coalesce(to_day.working_day_no - from_day.working_day_no <= 45, false) AS on_time
    FROM assessment
    LEFT JOIN calendar from_day ON from_day.day = referred_on
    LEFT JOIN calendar to_day ON to_day.day = authorised_on
)
SELECT
    100.0 * count(*) FILTER (WHERE on_time) / nullif(count(*), 0) AS value,
    count(*) FILTER (WHERE on_time) AS numerator,
    count(*) AS denominator,
    coalesce(list(DISTINCT CHILD ORDER BY CHILD) FILTER (WHERE on_time), []) AS children
FROM verdict;
