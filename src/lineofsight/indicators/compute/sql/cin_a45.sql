-- code: CIN-A45
-- title: Assessments authorised within 45 working days of the referral
-- definition: Of assessments authorised in the period, the % authorised within 45
--   working days of the referral (the referral day is day 0).
-- polarity: higher
-- unit: percent
-- source: CIN census
-- children: children whose assessment was on time
WITH assessment AS (
    SELECT DISTINCT r.CHILD, r.CINreferralDate AS from_day, a.AssessmentAuthorisationDate AS to_day
    FROM cin_assessment a JOIN cin_referral r ON r.CHILD = a.CHILD AND r.REF = a.REF, params
    WHERE a.AssessmentAuthorisationDate BETWEEN params.period_start AND params.period_end
),
verdict AS (SELECT * FROM within_working_days(assessment, 45))
SELECT * FROM share_counted(verdict);
