-- code: A10
-- title: A1 adjusted for adoptions by foster carers
-- definition: A1, except that when the child's foster carer adopts (AD1 FOSTER_CARE 1)
--   the clock stops on the day the child began living with that carer.
-- polarity: lower
-- unit: days
-- window: 3 years
-- source: SSDA903 episodes, ad1
-- children: children adopted
WITH waits AS (
    SELECT CHILD,
           CASE WHEN by_foster_carer THEN carer_start ELSE placed_on END - entered_care AS days
    FROM adoption
    WHERE placed_on IS NOT NULL
)
SELECT * FROM average_days(waits);
