-- The decisions of batch.credence, hand-written in SQL for the sqlite3 CLI over a
-- `credence db sample` store with the covering indexes of batch-indexes.sql, as of
-- 2026-01-15 (the date Benchmarks/batch.sh passes to `credence eval --as-of`). Output: one
-- CSV line per decision,
--   learner,decision,enrolment,status,amount,currency,rate,credits
-- the first eight columns of `credence eval --format csv` (the stack's credits, which
-- depend on the awards its allocation picks, are left empty). Lines come in no particular
-- order: the script sorts both outputs before comparing them. No field holds a comma.
--
-- Written for speed (batch-naive.sql is the first, plain version) and checked with
-- EXPLAIN QUERY PLAN (no temporary B-tree anywhere) and callgrind: one pass over the
-- learners in key order; for each, one seek into the awards' and the ledger's covering
-- indexes, whose entries for the learner are read in index order (no sort, no table row
-- looked up), aggregated at once and printed as the learner's lines; then one pass over the
-- claims. What the decisions need of the catalogue and the grade scale is worked out once
-- beforehand, in temporary tables. A subquery whose columns are used several times ends in
-- `LIMIT -1 OFFSET 0`, which keeps SQLite from copying its expressions into every use.
--
-- SQL's NULL logic is Kleene's, so a condition is 1 (met), 0 (not met) or NULL (unknown),
-- as in the policy. Money is summed in integer cents, never in floating point.
.mode list
.headers off
.output /dev/null
PRAGMA cache_size = -262144;
PRAGMA mmap_size = 1073741824;
PRAGMA temp_store = memory;
.output

-- What the decisions need of each credential, one row per code.
CREATE TEMP TABLE bench_catalogue (
  code TEXT PRIMARY KEY,
  level5 INTEGER,     -- at level 5 or above (NULL when the level is not recorded)
  kind INTEGER,       -- what the transfer grants for it: 1 GOOG-CYBER, 2 a micro-credential,
                      -- 3 a course, 0 nothing
  funded INTEGER,     -- tagged SSG-funded: the subsidy's courses
  fee_cents INTEGER,
  currency TEXT
) WITHOUT ROWID;
INSERT INTO bench_catalogue
SELECT code,
       level >= 5,
       CASE WHEN code = 'GOOG-CYBER' THEN 1 WHEN type = 'micro-credential' THEN 2
            WHEN type = 'course' THEN 3 ELSE 0 END,
       EXISTS (SELECT 1 FROM credential_tags t
               WHERE t.credential_code = code AND t.tag = 'ssg-funded'),
       CAST(round(fee * 100) AS INTEGER),
       currency
FROM credentials;

-- The grade scale as ranks; marks off the scale ("S") are not in it (their rank is unknown).
CREATE TEMP TABLE bench_grade (mark TEXT PRIMARY KEY, rank INTEGER) WITHOUT ROWID;
INSERT INTO bench_grade VALUES
  ('F', 0), ('D', 1), ('D+', 2), ('C', 3), ('Pass', 3), ('C+', 4), ('B-', 5), ('B', 6),
  ('B+', 7), ('A-', 8), ('A', 9), ('A+', 10);

-- The decisions read from awards and the ledger, as each learner's lines.
SELECT
  -- bench_stack and bench_transfer, from the learner's valid awards grouped by credential:
  -- per code, whether some award is certainly (1) or possibly (not 0) in the stack's pool,
  -- and whether some award is certainly or possibly in the transfer's.
  (SELECT printf('%s,bench_stack,,%s,,,,' || char(10) || '%s,bench_transfer,,%s,,,,%s',
            l.id,
            -- three different credentials
            CASE WHEN sum(s_certain) >= 3 THEN 'achieved'
                 WHEN coalesce(sum(s_possible), 0) < 3 THEN 'not achieved'
                 ELSE 'undetermined' END,
            l.id,
            -- GOOG-CYBER as IT2001 (4), each micro-credential 4, each course 2 (at most 6),
            -- at most 12 in all; undetermined when awards not known to be in the pool could
            -- add to the credits
            CASE WHEN possible > certain THEN 'undetermined'
                 WHEN certain > 0 THEN 'achieved'
                 ELSE 'not achieved' END,
            CASE WHEN possible > certain THEN NULL ELSE certain END)
   FROM (
     SELECT sum(s_certain) AS s_certain, sum(s_possible) AS s_possible,
            min(12, 4 * coalesce(max(kind = 1 AND t_certain > 0), 0)
                    + 4 * coalesce(sum(t_certain) FILTER (WHERE kind = 2), 0)
                    + min(6, 2 * coalesce(sum(t_certain) FILTER (WHERE kind = 3), 0)))
              AS certain,
            min(12, 4 * coalesce(max(kind = 1 AND t_possible > 0), 0)
                    + 4 * coalesce(sum(t_possible) FILTER (WHERE kind = 2), 0)
                    + min(6, 2 * coalesce(sum(t_possible) FILTER (WHERE kind = 3), 0)))
              AS possible
     FROM (
       SELECT c.kind,
              c.level5 IS 1 AND max(s_member IS 1) AS s_certain,
              c.level5 IS NOT 0 AND max(s_member IS NOT 0) AS s_possible,
              -- a course taken twice is one credential: it earns its credits once
              max(t_member IS 1) AS t_certain,
              max(t_member IS NOT 0) AS t_possible
       FROM (
         SELECT credential_code,
                -- graded B- or better in five years (the level is the credential's)
                g.rank >= 5 AND awarded_on > '2021-01-15' AS s_member,
                -- graded C or better in five years
                g.rank >= 3 AND awarded_on > '2021-01-15' AS t_member
         FROM awards LEFT JOIN bench_grade g ON g.mark = grade
         WHERE learner_id = l.id AND status = 'valid') AS pool
       JOIN bench_catalogue c ON c.code = pool.credential_code
       GROUP BY pool.credential_code)))
  || char(10) ||
  -- bench_credit_left: balance("sfc-opening") + balance("sfc-top-up-2020") as of 2026-01-15
  -- (language.md §11). Each scheme has one grant in the sample. A claim draws on it when
  -- posted on or after the grant's day (grants come first within a day) and by its
  -- expires_on; the part of a claim the grant cannot cover is dropped, never a debt, so a
  -- scheme's balance is what its grant still holds, at least 0, and 0 once the grant lapsed.
  -- As of 2026-01-15 the top-up has lapsed, so at most one scheme holds money: no claim of
  -- that scheme was cut short when its balance is above 0, and the amount prints with cents
  -- when one of its claims was written with cents. Each grant is joined with its usable
  -- claims by a seek into the ledger's index: window functions over running sums gave the
  -- same results at 1.5 x the instructions (a sort per learner).
  (SELECT printf('%s,bench_credit_left,,%s,%s,%s,,', l.id,
            CASE WHEN cents > 0 THEN 'eligible' ELSE 'ineligible' END,
            CASE WHEN cents > 0 AND with_cents THEN printf('%d.%02d', cents / 100, cents % 100)
                 WHEN cents > 0 THEN cents / 100
                 ELSE '0' END,
            CASE WHEN cents > 0 THEN 'SGD' END)
   FROM (
     SELECT coalesce(sum(balance), 0) AS cents, max(with_cents) AS with_cents
     FROM (
       -- one line per scheme with a grant (one per scheme in the sample): what the grant
       -- still holds after its usable claims (posted from the grant's day to its lapse), at
       -- least 0
       SELECT CASE WHEN g.lapses >= '2026-01-15'
                   THEN max(0, g.granted - coalesce(sum(-c.cents), 0)) ELSE 0 END AS balance,
              g.lapses >= '2026-01-15' AND max(c.with_cents) AS with_cents
       FROM (
         SELECT scheme, posted_on AS day, CAST(round(amount * 100) AS INTEGER) AS granted,
                coalesce(expires_on, '9999-12-31') AS lapses
         FROM funding_ledger
         WHERE learner_id = l.id AND +scheme IN ('sfc-opening', 'sfc-top-up-2020')
           AND posted_on <= '2026-01-15' AND CAST(round(amount * 100) AS INTEGER) > 0) AS g
       LEFT JOIN (
         SELECT scheme, posted_on, CAST(round(amount * 100) AS INTEGER) AS cents,
                typeof(amount) = 'text' AND instr(amount, '.') > 0 AS with_cents
         FROM funding_ledger
         WHERE learner_id = l.id AND posted_on <= '2026-01-15'
           AND CAST(round(amount * 100) AS INTEGER) < 0) AS c
         ON c.scheme = g.scheme AND c.posted_on >= g.day AND c.posted_on <= g.lapses
       GROUP BY g.scheme)
     -- computed once (not copied into each use of `cents` below)
     LIMIT -1 OFFSET 0))
FROM learners l;

-- bench_subsidy, one line per SSG-funded enrolment applied for, enrolled in or completed:
-- 90% for citizens aged 40+ at the course start, 70% for other citizens, 50% for permanent
-- residents; the fee rounded to cents, half away from zero. Few enrolments are claims, so
-- this is one pass over the enrolments' index rather than a seek per learner; each claim
-- finds its learner by key.
SELECT printf('%s,bench_subsidy,%s,%s,%s,%s,%s,', learner_id, id, status,
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
           CASE WHEN older IS NULL THEN NULL WHEN older THEN 90
                WHEN citizenship IS NULL THEN NULL WHEN citizenship = 'SG' THEN 70
                ELSE 50 END AS rate,
           fee_cents, currency
    FROM (
      SELECT e.learner_id, e.id, l.citizenship,
             l.citizenship = 'SG' OR l.residency = 'permanent_resident' AS eligible,
             -- a citizen aged 40 or older at the start (whole years; born 29 February: from
             -- 1 March)
             l.citizenship = 'SG'
               AND CAST(substr(e.start_on, 1, 4) AS INTEGER)
                   - CAST(substr(l.birth_date, 1, 4) AS INTEGER)
                   - (substr(e.start_on, 6, 5) < substr(l.birth_date, 6, 5)) >= 40 AS older,
             -- the enrolment's own fee, or else the catalogue's
             CASE WHEN e.fee IS NOT NULL THEN CAST(round(e.fee * 100) AS INTEGER)
                  ELSE c.fee_cents END AS fee_cents,
             CASE WHEN e.fee IS NOT NULL THEN coalesce(e.currency, c.currency)
                  ELSE c.currency END AS currency
      FROM enrolments e
      JOIN bench_catalogue c ON c.code = e.credential_code
      JOIN learners l ON l.id = e.learner_id
      WHERE e.status IN ('applied', 'enrolled', 'completed') AND c.funded
      -- each layer computed once (not copied into every use of its columns)
      LIMIT -1 OFFSET 0)
    LIMIT -1 OFFSET 0));
