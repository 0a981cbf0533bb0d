-- code: A2
-- title: Average days from court authority to place to the match with adopters
-- definition: For children adopted in the 3 years ending at the period end, the average
--   number of days from court authority to place (the first LS E1 or D1 episode in the
--   period of care) to the match decision (AD1 DATE_MATCH); a match made before the
--   authority counts as 0 days.
-- polarity: lower
-- unit: days
-- window: 3 years
-- source: SSDA903 episodes, ad1
-- children: children adopted
WITH waits AS (
    SELECT CHILD, greatest(matched_on - authorised_on, 0) AS days
    FROM adoption
    WHERE authorised_on IS NOT NULL AND matched_on IS NOT NULL
)
SELECT * FROM average_days(waits);
