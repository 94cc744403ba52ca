-- The decisions of batch2.credence, hand-written in SQL for the sqlite3 CLI over a
-- `credence db sample` store with the covering indexes of batch2-indexes.sql, as of
-- 2025-06-30 (the date Benchmarks/batch.sh passes to `credence eval --as-of`). Output: one
-- CSV line per decision,
--   learner,decision,enrolment,status,amount,currency,rate,credits
-- the first eight columns of `credence eval --format csv` (the stack's credits, which
-- depend on the awards its allocation picks, are left empty). Lines come in no particular
-- order: the script sorts both outputs before comparing them. No field holds a comma.
--
-- Written for speed, as Benchmarks/batch/batch.sql is, and checked with EXPLAIN QUERY PLAN
-- (no temporary B-tree anywhere) and callgrind: one pass over the learners in key order;
-- for each, one seek into the awards' and the ledger's covering indexes, whose entries for
-- the learner are read in index order (no sort, no table row looked up), aggregated at once
-- and printed as the learner's lines; then one pass over the claims. What the decisions need
-- of the catalogue and the grade scale is worked out once beforehand, in temporary tables. A
-- subquery whose columns are used several times ends in `LIMIT -1 OFFSET 0`, which keeps
-- SQLite from copying its expressions into every use.
--
-- SQL's NULL logic is Kleene's, so a condition is 1 (met), 0 (not met) or NULL (unknown),
-- as in the policy. Money is summed in integer cents and credits in tenths, never in
-- floating point.
.mode list
.headers off
.output /dev/null
PRAGMA cache_size = -262144;
PRAGMA mmap_size = 1073741824;
PRAGMA temp_store = memory;
.output

-- What the decisions need of each credential, one row per code.
CREATE TEMP TABLE bench2_catalogue (
  code TEXT PRIMARY KEY,
  short INTEGER,          -- a micro-credential, course or module: the stack's kind
  credits_tenths INTEGER, -- its credits in tenths; NULL when not recorded
  module_credits INTEGER, -- what the equivalence table grants for it; NULL without a row
  claimable INTEGER,      -- SSG-funded or on the Mid-Career list: the subsidy's courses
  mid_career INTEGER,     -- on the Mid-Career list
  level INTEGER,
  fee_cents INTEGER,
  currency TEXT
) WITHOUT ROWID;
INSERT INTO bench2_catalogue
WITH module(code, credits) AS (VALUES
    ('CYB101', 4), ('CYB108', 4), ('CYB115', 2), ('CYB122', 3), ('CYB129', 4),
    ('CYB136', 6), ('CYB143', 2), ('CYB150', 4), ('CYB157', 3), ('CYB164', 4),
    ('DAT101', 4), ('DAT108', 2), ('DAT115', 4), ('DAT122', 6), ('DAT129', 3),
    ('DAT136', 4), ('DAT143', 4), ('DAT150', 2), ('DAT157', 4), ('DAT164', 3),
    ('SWE101', 4), ('SWE108', 4), ('SWE115', 6), ('SWE122', 2), ('SWE129', 4),
    ('SWE136', 3), ('SWE143', 4), ('SWE150', 4), ('SWE157', 2), ('SWE164', 4),
    ('CLD101', 3), ('CLD108', 4), ('CLD115', 4), ('CLD122', 2), ('CLD129', 6),
    ('CLD136', 4), ('CLD143', 3), ('CLD150', 4), ('CLD157', 4), ('CLD164', 2))
SELECT c.code,
       c.type IN ('micro-credential', 'course', 'module'),
       CAST(round(c.credits * 10) AS INTEGER),
       m.credits,
       EXISTS (SELECT 1 FROM credential_tags t
               WHERE t.credential_code = c.code AND t.tag IN ('ssg-funded', 'mid-career-list')),
       EXISTS (SELECT 1 FROM credential_tags t
               WHERE t.credential_code = c.code AND t.tag = 'mid-career-list'),
       c.level,
       CAST(round(c.fee * 100) AS INTEGER),
       c.currency
FROM credentials c
LEFT JOIN module m ON m.code = c.code;

-- The grade scale as ranks; marks off the scale ("S") are not in it (their rank is unknown).
CREATE TEMP TABLE bench2_grade (mark TEXT PRIMARY KEY, rank INTEGER) WITHOUT ROWID;
INSERT INTO bench2_grade VALUES
  ('F', 0), ('D', 1), ('D+', 2), ('C', 3), ('Pass', 3), ('C+', 4), ('B-', 5), ('B', 6),
  ('B+', 7), ('A-', 8), ('A', 9), ('A+', 10);

-- The decisions read from awards and the ledger, as each learner's lines.
SELECT
  -- bench2_stack and bench2_transfer, from the learner's valid awards grouped by credential:
  -- per code, whether some award is certainly (1) or possibly (not 0) in each pool.
  (SELECT printf('%s,bench2_stack,,%s,,,,' || char(10) || '%s,bench2_transfer,,%s,,,,%s',
            l.id,
            -- four credentials and 12 credits; a credential whose credits are not recorded
            -- counts as a credential and may bring any credits
            CASE WHEN sum(s_certain) >= 4 AND sum(s_certain * credits_tenths) >= 120
                   THEN 'achieved'
                 WHEN coalesce(sum(s_possible), 0) < 4
                   OR (sum(s_possible AND credits_tenths IS NULL) = 0
                       AND coalesce(sum(s_possible * credits_tenths), 0) < 120)
                   THEN 'not achieved'
                 ELSE 'undetermined' END,
            l.id,
            -- the credits granted, capped; undetermined when awards not known to be in the
            -- pool could add to them
            CASE WHEN min(20, coalesce(sum(t_possible * module_credits), 0))
                      > min(20, coalesce(sum(t_certain * module_credits), 0))
                   THEN 'undetermined'
                 WHEN sum(t_certain * module_credits) > 0 THEN 'achieved'
                 ELSE 'not achieved' END,
            CASE WHEN min(20, coalesce(sum(t_possible * module_credits), 0))
                      > min(20, coalesce(sum(t_certain * module_credits), 0))
                   THEN NULL
                 ELSE min(20, coalesce(sum(t_certain * module_credits), 0)) END)
   FROM (
     SELECT c.credits_tenths, c.module_credits,
            c.short AND max(s_member IS 1) AS s_certain,
            c.short AND max(s_member IS NOT 0) AS s_possible,
            max(t_member IS 1) AS t_certain,
            max(t_member IS NOT 0) AS t_possible
     FROM (
       SELECT credential_code,
              -- graded B or better in four years (the kind is the credential's)
              g.rank >= 6 AND awarded_on > '2021-06-30' AS s_member,
              -- graded C or better in six years
              g.rank >= 3 AND awarded_on > '2019-06-30' AS t_member
       FROM awards LEFT JOIN bench2_grade g ON g.mark = grade
       WHERE learner_id = l.id AND status = 'valid') AS pool
     JOIN bench2_catalogue c ON c.code = pool.credential_code
     GROUP BY pool.credential_code))
  || char(10) ||
  -- bench2_credit and bench2_mid_career, from the learner's ledger rows posted by the date
  -- (language.md §11). Each scheme has one grant in the sample. A claim draws on it when
  -- posted on or after the grant's day (grants come first within a day) and by its
  -- expires_on, in posting order (date, then id); the part of a claim the grant cannot cover
  -- is dropped, never a debt. A scheme's balance is what its grant still holds, at least 0,
  -- and 0 once the grant lapsed (none has by 2025-06-30). A balance carries cents when a
  -- claim written with cents was drawn in full (an exact decimal keeps its scale), and so
  -- does a sum of balances. Each grant is joined with its usable claims by a seek into the
  -- ledger's index, and the running sum a cut-short claim needs is taken only for schemes
  -- that were over-claimed: window functions over running sums for every learner gave the
  -- same results at 2.2 x the instructions (a sort per learner).
  (SELECT printf('%s,bench2_credit,,%s,%s,%s,,' || char(10) || '%s,bench2_mid_career,,%s,%s,%s,,',
            l.id,
            CASE credit_ok WHEN 1 THEN 'eligible' WHEN 0 THEN 'ineligible' ELSE 'undetermined' END,
            CASE credit_ok
              WHEN 1 THEN CASE WHEN credit_with_cents
                            THEN printf('%d.%02d', credit_cents / 100, credit_cents % 100)
                            ELSE credit_cents / 100 END
              WHEN 0 THEN '0' END,
            CASE credit_ok WHEN 1 THEN 'SGD' END,
            l.id,
            CASE mid_ok WHEN 1 THEN 'eligible' WHEN 0 THEN 'ineligible' ELSE 'undetermined' END,
            CASE mid_ok
              WHEN 1 THEN CASE WHEN mid_with_cents
                            THEN printf('%d.%02d', mid_cents / 100, mid_cents % 100)
                            ELSE mid_cents / 100 END
              WHEN 0 THEN '0' END,
            CASE mid_ok WHEN 1 THEN 'SGD' END)
   FROM (
     SELECT coalesce(credit_cents, 0) AS credit_cents, credit_with_cents,
            coalesce(mid_cents, 0) AS mid_cents, mid_with_cents,
            -- a citizen, 25 or older by year of birth, with some credit left
            l.citizenship = 'SG' AND 2025 - CAST(substr(l.birth_date, 1, 4) AS INTEGER) >= 25
              AND coalesce(credit_cents, 0) > 0 AS credit_ok,
            -- a citizen aged 40 or older (whole years; born 29 February: from 1 March)
            l.citizenship = 'SG'
              AND 2025 - CAST(substr(l.birth_date, 1, 4) AS INTEGER)
                  - ('06-30' < substr(l.birth_date, 6, 5)) >= 40 AS mid_ok
     FROM (
       SELECT sum(balance) FILTER (WHERE scheme IN ('sfc-opening', 'sfc-top-up-2020'))
                AS credit_cents,
              max(with_cents) FILTER (WHERE scheme IN ('sfc-opening', 'sfc-top-up-2020'))
                AS credit_with_cents,
              sum(balance) FILTER (WHERE scheme IN ('sfc-mid-career', 'sfc-mid-career-support-2020'))
                AS mid_cents,
              max(with_cents)
                FILTER (WHERE scheme IN ('sfc-mid-career', 'sfc-mid-career-support-2020'))
                AS mid_with_cents
       FROM (
         -- one line per scheme with a grant (one per scheme in the sample): what the grant
         -- still holds after its usable claims (posted from the grant's day to its lapse),
         -- at least 0
         SELECT g.scheme,
                CASE WHEN g.lapses >= '2025-06-30'
                     THEN max(0, g.granted - coalesce(sum(-c.cents), 0)) ELSE 0 END AS balance,
                g.lapses >= '2025-06-30' AND coalesce(
                  CASE WHEN coalesce(sum(-c.cents), 0) <= g.granted
                         -- nothing over-claimed: every claim was drawn in full
                         THEN max(c.with_cents)
                       -- over-claimed (rare): a claim was drawn in full when what the usable
                       -- claims asked up to it, in posting order, is within the grant
                       ELSE max(CASE WHEN c.with_cents THEN
                                  (SELECT sum(-CAST(round(amount * 100) AS INTEGER))
                                   FROM funding_ledger
                                   WHERE learner_id = l.id AND scheme = g.scheme
                                     AND posted_on >= g.day
                                     AND CAST(round(amount * 100) AS INTEGER) < 0
                                     AND (posted_on, id) <= (c.posted_on, c.id)) <= g.granted
                                END) END, 0) AS with_cents
         FROM (
           SELECT scheme, posted_on AS day, CAST(round(amount * 100) AS INTEGER) AS granted,
                  coalesce(expires_on, '9999-12-31') AS lapses
           FROM funding_ledger
           WHERE learner_id = l.id AND posted_on <= '2025-06-30'
             AND CAST(round(amount * 100) AS INTEGER) > 0) AS g
         LEFT JOIN (
           SELECT id, scheme, posted_on, CAST(round(amount * 100) AS INTEGER) AS cents,
                  typeof(amount) = 'text' AND instr(amount, '.') > 0 AS with_cents
           FROM funding_ledger
           WHERE learner_id = l.id AND posted_on <= '2025-06-30'
             AND CAST(round(amount * 100) AS INTEGER) < 0) AS c
           ON c.scheme = g.scheme AND c.posted_on >= g.day AND c.posted_on <= g.lapses
         GROUP BY g.scheme))
     -- computed once (not copied into each use of its columns above)
     LIMIT -1 OFFSET 0))
FROM learners l;

-- bench2_subsidy, one line per SSG-funded or Mid-Career-listed enrolment applied for or
-- enrolled in: the rate by the first row that holds (an unknown row leaves it unknown), the
-- fee rounded to cents, half away from zero. Few enrolments are claims, so this is one pass
-- over the enrolments' index rather than a seek per learner; each claim finds its learner by
-- key.
SELECT printf('%s,bench2_subsidy,%s,%s,%s,%s,%s,', learner_id, id, status,
         CASE status WHEN 'ineligible' THEN '0'
                     WHEN 'eligible' THEN printf('%d.%02d', cents / 100, cents % 100) END,
         CASE status WHEN 'eligible' THEN currency END,
         -- an undetermined eligibility leaves the rate unreported
         CASE WHEN status = 'ineligible' THEN 0 WHEN eligible IS NULL THEN NULL ELSE rate END)
FROM (
  SELECT *,
         CASE WHEN eligible = 0 THEN 'ineligible'
              WHEN eligible IS NULL OR rate IS NULL OR fee_cents IS NULL THEN 'undetermined'
              ELSE 'eligible' END AS status,
         (fee_cents * rate + 50) / 100 AS cents
  FROM (
    SELECT learner_id, id, eligible,
           CASE WHEN first IS NULL THEN NULL WHEN first THEN 90
                WHEN second IS NULL THEN NULL WHEN second THEN 80
                WHEN citizenship IS NULL THEN NULL WHEN citizenship = 'SG' THEN 70
                ELSE 50 END AS rate,
           fee_cents, currency
    FROM (
      SELECT e.learner_id, e.id, l.citizenship,
             l.citizenship = 'SG' OR l.residency = 'permanent_resident' AS eligible,
             -- on the Mid-Career list, 40 or older when the course starts (whole years;
             -- born 29 February: from 1 March)
             c.mid_career
               AND CAST(substr(e.start_on, 1, 4) AS INTEGER)
                   - CAST(substr(l.birth_date, 1, 4) AS INTEGER)
                   - (substr(e.start_on, 6, 5) < substr(l.birth_date, 6, 5)) >= 40 AS first,
             -- a citizen, on a course at level 6 or above
             l.citizenship = 'SG' AND c.level >= 6 AS second,
             -- the enrolment's own fee, or else the catalogue's
             CASE WHEN e.fee IS NOT NULL THEN CAST(round(e.fee * 100) AS INTEGER)
                  ELSE c.fee_cents END AS fee_cents,
             CASE WHEN e.fee IS NOT NULL THEN coalesce(e.currency, c.currency)
                  ELSE c.currency END AS currency
      FROM enrolments e
      JOIN bench2_catalogue c ON c.code = e.credential_code
      JOIN learners l ON l.id = e.learner_id
      WHERE e.status IN ('applied', 'enrolled') AND c.claimable
      -- each layer computed once (not copied into every use of its columns)
      LIMIT -1 OFFSET 0)
    LIMIT -1 OFFSET 0));
