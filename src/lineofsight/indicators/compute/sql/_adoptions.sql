-- Children adopted in the 3-year window ending at the period end, with the dates the
-- adoption scorecard measures between. Run for each period before A1, A2 and A10.
CREATE OR REPLACE TEMP TABLE adoption AS
WITH adopted AS (
    SELECT e.CHILD, e.period_start AS entered_care, e.DEC AS adopted_on
    FROM episode e, params
    WHERE e.REC IN ('E11', 'E12') AND e.DEC BETWEEN params.window_start AND params.period_end
),
adoptive_placement AS (
    -- The first placement for adoption (PLACE A3 to A6) in the period of care that
    -- ended in adoption, and the day that carer began (earlier when a foster carer adopts).
    SELECT e.CHILD, min(e.DECOM) AS placed_on, arg_min(e.carer_start, e.DECOM) AS carer_start
    FROM episode e JOIN adopted a ON a.CHILD = e.CHILD AND e.period_start = a.entered_care
    WHERE e.PLACE IN ('A3', 'A4', 'A5', 'A6')
    GROUP BY e.CHILD
),
authority AS (
    -- Court authority to place: the first placement order or freeing order (LS E1, D1).
    SELECT e.CHILD, min(e.DECOM) AS authorised_on
    FROM episode e JOIN adopted a ON a.CHILD = e.CHILD AND e.period_start = a.entered_care
    WHERE e.LS IN ('E1', 'D1')
    GROUP BY e.CHILD
)
SELECT a.CHILD, a.entered_care, a.adopted_on, p.placed_on, p.carer_start,
       au.authorised_on, ad.DATE_MATCH AS matched_on, ad.FOSTER_CARE = '1' AS by_foster_carer
FROM adopted a
LEFT JOIN adoptive_placement p ON p.CHILD = a.CHILD
LEFT JOIN authority au ON au.CHILD = a.CHILD
LEFT JOIN (SELECT CHILD, max(DATE_MATCH) AS DATE_MATCH, max(FOSTER_CARE) AS FOSTER_CARE
           FROM ad1 GROUP BY CHILD) ad ON ad.CHILD = a.CHILD;
