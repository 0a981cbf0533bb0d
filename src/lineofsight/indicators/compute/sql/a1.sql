-- code: A1
-- title: Average days from entering care to moving in with the adoptive family
-- definition: For children adopted in the 3 years ending at the period end, the average
--   number of days from the start of the period of care that ended in adoption to the
--   first placement for adoption (PLACE A3 to A6) in it.
-- polarity: lower
-- unit: days
-- window: 3 years
-- source: SSDA903 episodes, ad1
-- children: children adopted
WITH waits AS (
    SELECT CHILD, placed_on - entered_care AS days FROM adoption WHERE placed_on IS NOT NULL
)
SELECT * FROM average_days(waits);
