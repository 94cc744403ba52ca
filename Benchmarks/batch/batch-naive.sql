-- The first, straightforward SQL for the decisions of batch.credence (batch.sql is the tuned
-- one; this one is kept to compare against), for the sqlite3 CLI over a
-- `credence db sample` store, as of 2026-01-15 (the date Benchmarks/batch.sh passes to
-- `credence eval --as-of`). Output: one CSV row per decision,
--   learner,decision,enrolment,status,amount,currency,rate,credits
-- the first eight columns of `credence eval --format csv` (the stack's credits, which
-- depend on the awards its allocation picks, are left empty). Rows come in no particular
-- order: the script sorts both outputs before comparing them. No field holds a comma, so
-- list mode with `,` between fields is CSV.
--
-- SQL's NULL logic is Kleene's, so a condition is 1 (met), 0 (not met) or NULL (unknown),
-- as in the policy. Money is summed in integer cents, never in floating point.
.mode list
.separator , "\n"
.headers off

-- bench_stack: three distinct credentials at level 5+, graded B- or better, in five years.
WITH
  params(as_of, five_years_ago) AS (SELECT '2026-01-15', '2021-01-15'),
  grade_rank(mark, rank) AS (VALUES
    ('F', 0), ('D', 1), ('D+', 2), ('C', 3), ('Pass', 3), ('C+', 4), ('B-', 5), ('B', 6),
    ('B+', 7), ('A-', 8), ('A', 9), ('A+', 10)),
  pool AS (
    SELECT a.learner_id, a.credential_code AS code,
           c.level >= 5 AND g.rank >= 5 AND a.awarded_on > p.five_years_ago AS member
    FROM awards a
    JOIN credentials c ON c.code = a.credential_code
    LEFT JOIN grade_rank g ON g.mark = a.grade
    CROSS JOIN params p
    WHERE a.status = 'valid'),
  counted AS (
    SELECT learner_id,
           COUNT(DISTINCT CASE WHEN member = 1 THEN code END) AS certain,
           COUNT(DISTINCT CASE WHEN member IS NOT 0 THEN code END) AS possible
    FROM pool GROUP BY learner_id)
SELECT l.id, 'bench_stack', '',
       CASE WHEN COALESCE(n.certain, 0) >= 3 THEN 'achieved'
            WHEN COALESCE(n.possible, 0) < 3 THEN 'not achieved'
            ELSE 'undetermined' END,
       '', '', '', ''
FROM learners l LEFT JOIN counted n ON n.learner_id = l.id;

-- bench_transfer: GOOG-CYBER as IT2001 (4), each micro-credential 4, each course 2 (at
-- most 6), at most 12 in all; graded C or better in five years; a course taken twice
-- counts once. Credits from options whose pool membership is unknown are counted only if
-- they cannot change the total.
WITH
  params(five_years_ago) AS (SELECT '2021-01-15'),
  grade_rank(mark, rank) AS (VALUES
    ('F', 0), ('D', 1), ('D+', 2), ('C', 3), ('Pass', 3), ('C+', 4), ('B-', 5), ('B', 6),
    ('B+', 7), ('A-', 8), ('A', 9), ('A+', 10)),
  pool AS (
    SELECT a.learner_id, a.credential_code AS code, c.type,
           g.rank >= 3 AND a.awarded_on > p.five_years_ago AS member
    FROM awards a
    JOIN credentials c ON c.code = a.credential_code
    LEFT JOIN grade_rank g ON g.mark = a.grade
    CROSS JOIN params p
    WHERE a.status = 'valid'),
  -- A course taken twice is one credential: it earns its credits once.
  by_code AS (
    SELECT learner_id, code, type, MAX(member IS 1) AS certain, MAX(member IS NOT 0) AS possible
    FROM pool GROUP BY learner_id, code, type),
  counted AS (
    SELECT learner_id,
           MAX(code = 'GOOG-CYBER' AND certain) AS goog,
           SUM(type = 'micro-credential' AND certain) AS micro,
           SUM(type = 'course' AND certain) AS course,
           MAX(code = 'GOOG-CYBER' AND possible) AS goog_possible,
           SUM(type = 'micro-credential' AND possible) AS micro_possible,
           SUM(type = 'course' AND possible) AS course_possible
    FROM by_code GROUP BY learner_id),
  credits AS (
    SELECT l.id,
           MIN(12, 4 * COALESCE(goog, 0) + 4 * COALESCE(micro, 0)
                   + MIN(6, 2 * COALESCE(course, 0))) AS certain,
           MIN(12, 4 * COALESCE(goog_possible, 0) + 4 * COALESCE(micro_possible, 0)
                   + MIN(6, 2 * COALESCE(course_possible, 0))) AS possible
    FROM learners l LEFT JOIN counted n ON n.learner_id = l.id)
SELECT id, 'bench_transfer', '',
       CASE WHEN possible > certain THEN 'undetermined'
            WHEN certain > 0 THEN 'achieved'
            ELSE 'not achieved' END,
       '', '', '',
       CASE WHEN possible > certain THEN NULL ELSE certain END
FROM credits;

-- bench_subsidy: per SSG-funded enrolment applied for, enrolled or completed; 90% for
-- citizens aged 40+ at the course start, 70% for other citizens, 50% for permanent
-- residents; the fee rounded to cents, half away from zero.
WITH
  claims AS (
    SELECT e.learner_id, e.id,
           l.citizenship = 'SG' OR l.residency = 'permanent_resident' AS eligible,
           -- whole years from the birth date to the start (29 February: 1 March)
           l.citizenship = 'SG' AND
             CAST(substr(e.start_on, 1, 4) AS INTEGER) - CAST(substr(l.birth_date, 1, 4) AS INTEGER)
             - (substr(e.start_on, 6, 5) < substr(l.birth_date, 6, 5)) >= 40 AS older,
           l.citizenship = 'SG' AS citizen,
           CASE WHEN e.fee IS NOT NULL THEN CAST(round(e.fee * 100) AS INTEGER)
                ELSE CAST(round(c.fee * 100) AS INTEGER) END AS fee_cents,
           CASE WHEN e.fee IS NOT NULL THEN COALESCE(e.currency, c.currency)
                ELSE c.currency END AS currency
    FROM enrolments e
    JOIN learners l ON l.id = e.learner_id
    JOIN credentials c ON c.code = e.credential_code
    WHERE e.status IN ('applied', 'enrolled', 'completed')
      AND EXISTS (SELECT 1 FROM credential_tags t
                  WHERE t.credential_code = e.credential_code AND t.tag = 'ssg-funded')),
  rated AS (
    SELECT *,
           CASE WHEN older IS NULL THEN NULL WHEN older THEN 90
                WHEN citizen IS NULL THEN NULL WHEN citizen THEN 70
                ELSE 50 END AS rate
    FROM claims),
  decided AS (
    SELECT *,
           CASE WHEN eligible = 0 THEN 'ineligible'
                WHEN eligible IS NULL OR rate IS NULL OR fee_cents IS NULL THEN 'undetermined'
                ELSE 'eligible' END AS status,
           (fee_cents * rate + 50) / 100 AS cents
    FROM rated)
SELECT learner_id, 'bench_subsidy', id, status,
       CASE status WHEN 'ineligible' THEN '0'
                   WHEN 'eligible' THEN printf('%d.%02d', cents / 100, cents % 100) END,
       CASE status WHEN 'eligible' THEN currency END,
       -- an undetermined eligibility leaves the rate unreported
       CASE WHEN status = 'ineligible' THEN 0 WHEN eligible IS NULL THEN NULL ELSE rate END,
       ''
FROM decided;

-- bench_credit_left: balance("sfc-opening") + balance("sfc-top-up-2020") as of 2026-01-15
-- (language.md §11). Each scheme has one grant in the sample. A claim draws on it when
-- posted on or after the grant's day (grants come first within a day) and by its
-- expires_on, in posting order (date, then id); the part of a claim the grant cannot cover
-- is dropped, never a debt. A scheme's balance is what its grant still holds, at least 0,
-- and 0 once the grant lapsed. A balance carries cents when a claim written with cents was
-- drawn in full (an exact decimal keeps its scale), and so does the total.
WITH
  params(as_of) AS (SELECT '2026-01-15'),
  rows AS (
    SELECT f.id, f.learner_id, f.scheme, f.posted_on, f.expires_on,
           CAST(round(f.amount * 100) AS INTEGER) AS cents,
           typeof(f.amount) = 'text' AND instr(f.amount, '.') > 0 AS with_cents
    FROM funding_ledger f CROSS JOIN params p
    WHERE f.scheme IN ('sfc-opening', 'sfc-top-up-2020') AND f.posted_on <= p.as_of),
  grants AS (
    SELECT learner_id, scheme, posted_on, cents,
           COALESCE(expires_on, '9999-12-31') AS lapses
    FROM rows WHERE cents > 0),
  claims AS (
    SELECT r.learner_id, r.scheme, -r.cents AS cents, r.with_cents,
           -- everything the scheme's claims asked for up to this one, in posting order
           SUM(-r.cents) OVER (PARTITION BY r.learner_id, r.scheme
                               ORDER BY r.posted_on, r.id) AS asked
    FROM rows r JOIN grants g ON g.learner_id = r.learner_id AND g.scheme = r.scheme
    WHERE r.cents < 0 AND r.posted_on >= g.posted_on AND r.posted_on <= g.lapses),
  schemes AS (
    SELECT g.learner_id,
           CASE WHEN g.lapses >= p.as_of
                THEN MAX(0, g.cents - COALESCE((SELECT SUM(c.cents) FROM claims c
                                                WHERE c.learner_id = g.learner_id
                                                  AND c.scheme = g.scheme), 0))
                ELSE 0 END AS cents,
           g.lapses >= p.as_of
             AND EXISTS (SELECT 1 FROM claims c
                         WHERE c.learner_id = g.learner_id AND c.scheme = g.scheme
                           AND c.with_cents AND c.asked <= g.cents) AS with_cents
    FROM grants g CROSS JOIN params p),
  balances AS (
    SELECT learner_id, SUM(cents) AS cents, MAX(with_cents) AS with_cents
    FROM schemes GROUP BY learner_id)
SELECT l.id, 'bench_credit_left', '',
       CASE WHEN b.cents > 0 THEN 'eligible' ELSE 'ineligible' END,
       CASE WHEN b.cents > 0 AND b.with_cents THEN printf('%d.%02d', b.cents / 100, b.cents % 100)
            WHEN b.cents > 0 THEN b.cents / 100
            ELSE '0' END,
       CASE WHEN b.cents > 0 THEN 'SGD' END,
       '', ''
FROM learners l LEFT JOIN balances b ON b.learner_id = l.id;
