-- code: NI148
-- title: Care leavers aged 19–21 in education, employment or training
-- definition: Of care leavers whose 19th, 20th or 21st birthday fell in the period
--   (the OC3 cohort) and who had not died, the % in education, employment or training (ACTIV F1, P1, F2, P2, F4, P4, F5 or P5).
-- polarity: higher
-- unit: percent
-- source: SSDA903 oc3
-- children: care leavers in education, employment or training
WITH verdict AS (
    SELECT CHILD, coalesce(ACTIV IN ('F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5'), false) AS counted FROM care_leaver_cohort
)
SELECT * FROM share_counted(verdict);
