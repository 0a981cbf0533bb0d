-- code: CIN-RR
-- title: Re-referrals within 12 months
-- definition: Of referrals in the period, the % made within 12 months of the same
--   child's previous referral. Earlier referrals come from every census loaded, so give
--   last year's census as well to see referrals from before this one began.
-- polarity: lower
-- unit: percent
-- source: CIN census
-- children: children re-referred
WITH referral AS (
    SELECT CHILD, referred_on,
           lag(referred_on) OVER (PARTITION BY CHILD ORDER BY referred_on) AS previous_on
    FROM (SELECT DISTINCT CHILD, CINreferralDate AS referred_on FROM cin_referral)
),
verdict AS (
    SELECT CHILD, coalesce(previous_on >= referred_on - INTERVAL 12 MONTH, false) AS counted
    FROM referral, params
    WHERE referred_on BETWEEN params.period_start AND params.period_end
)
SELECT * FROM share_counted(verdict);
