-- code: NI147
-- title: Care leavers aged 19–21 in suitable accommodation
-- definition: Of care leavers whose 19th, 20th or 21st birthday fell in the period
--   (the OC3 cohort) and who had not died, the % in suitable accommodation (ACCOM ending in 1).
-- polarity: higher
-- unit: percent
-- source: SSDA903 oc3
-- children: care leavers in suitable accommodation
WITH verdict AS (
    SELECT CHILD, coalesce(ACCOM LIKE '%1', false) AS counted FROM care_leaver_cohort
)
SELECT * FROM share_counted(verdict);
