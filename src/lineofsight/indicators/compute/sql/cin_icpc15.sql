-- code: CIN-ICPC15
-- title: Initial CP conferences within 15 working days of the S47 starting
-- definition: Of initial child protection conferences held in the period, the % held
--   within 15 working days of the start of the section 47 enquiry (the start day is day 0);
--   conferences dated before their enquiry started are left out as recording errors.
-- polarity: higher
-- unit: percent
-- source: CIN census
-- children: children whose conference was on time
WITH conference AS (
    SELECT DISTINCT s.CHILD, s.S47ActualStartDate AS from_day, s.DateOfInitialCPC AS to_day
    FROM cin_s47 s, params
    WHERE s.DateOfInitialCPC BETWEEN params.period_start AND params.period_end
      AND s.S47ActualStartDate IS NOT NULL
      AND s.DateOfInitialCPC >= s.S47ActualStartDate
),
verdict AS (SELECT * FROM within_working_days(conference, 15))
SELECT * FROM share_counted(verdict);
