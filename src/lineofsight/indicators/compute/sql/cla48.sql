-- code: CLA48
-- title: Care leavers aged 19–21 in touch with the council
-- definition: Of care leavers whose 19th, 20th or 21st birthday fell in the period
--   (the OC3 cohort) and who had not died, the % in touch with the council (IN_TOUCH YES).
-- polarity: higher
-- unit: percent
-- source: SSDA903 oc3
-- children: care leavers in touch
WITH verdict AS (
    SELECT CHILD, coalesce(IN_TOUCH = 'YES', false) AS counted FROM care_leaver_cohort
)
SELECT * FROM share_counted(verdict);
