/*
 * The read floor of a batch: steps every row `credence eval --all` reads from a store, with
 * the same SELECTs in the same order (Sources/CredenceStore/Reading: Catalogue.swift, then
 * LearnerStream.swift's five cursors merged by learner id, facts left out as they are for a
 * policy that declares none), on one thread, touching every column, and evaluating nothing.
 * What a batch costs beyond this is the cost of deciding and writing.
 *
 *   cc -O2 -o read-floor read-floor.c -lsqlite3
 *   read-floor STORE     prints the rows read per table and a checksum of the columns
 *
 * Benchmarks/batch.sh builds and times it (user + system CPU from /usr/bin/time).
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* A checksum of every column read, printed so that no read can be optimised away. */
static uint64_t checksum = 0;

static void fail(sqlite3 *db, const char *what) {
  fprintf(stderr, "read-floor: %s: %s\n", what, sqlite3_errmsg(db));
}

/* Reads every column of the current row as Credence's reader would: its type, then the value
 * in its stored form (the bytes of a text, the integer of an integer). */
static void touch(sqlite3_stmt *statement) {
  int columns = sqlite3_column_count(statement);
  for (int column = 0; column < columns; column++) {
    switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER:
      checksum = checksum * 31 + (uint64_t)sqlite3_column_int64(statement, column);
      break;
    case SQLITE_FLOAT:
      checksum = checksum * 31 + (uint64_t)(int64_t)sqlite3_column_double(statement, column);
      break;
    case SQLITE_NULL:
      checksum = checksum * 31 + 7;
      break;
    default: {
      const unsigned char *text = sqlite3_column_text(statement, column);
      int length = sqlite3_column_bytes(statement, column);
      checksum = checksum * 31 + (uint64_t)length + (length > 0 ? text[length - 1] : 0);
    }
    }
  }
}

/* A SELECT whose rows belong to learners (column 0 is the learner id), stepped as far as the
 * current learner's rows go. */
struct cursor {
  sqlite3_stmt *statement;
  int has_row; /* a stepped row not yet taken */
  int done;
  long rows;
};

static int step(sqlite3 *db, struct cursor *cursor) {
  int code = sqlite3_step(cursor->statement);
  if (code == SQLITE_ROW) {
    cursor->has_row = 1;
    return 0;
  }
  cursor->has_row = 0;
  cursor->done = 1;
  if (code == SQLITE_DONE) return 0;
  fail(db, "step");
  return 1;
}

/* Takes the rows of the learner whose id is `id` (`length` bytes), as ChildRows.take does. */
static int take(sqlite3 *db, struct cursor *cursor, const unsigned char *id, int length) {
  for (;;) {
    if (!cursor->has_row && !cursor->done && step(db, cursor)) return 1;
    if (!cursor->has_row) return 0;
    const unsigned char *owner = sqlite3_column_text(cursor->statement, 0);
    int owner_length = sqlite3_column_bytes(cursor->statement, 0);
    int order = memcmp(owner, id, (size_t)(owner_length < length ? owner_length : length));
    if (order == 0) order = owner_length - length;
    if (order > 0) return 0; /* the next learner's row: keep it for later */
    touch(cursor->statement);
    cursor->rows++;
    cursor->has_row = 0; /* a row of an earlier id (none in a valid store) is read and dropped */
  }
}

static int prepare(sqlite3 *db, const char *sql, struct cursor *cursor) {
  memset(cursor, 0, sizeof *cursor);
  if (sqlite3_prepare_v2(db, sql, -1, &cursor->statement, NULL) != SQLITE_OK) {
    fail(db, sql);
    return 1;
  }
  return 0;
}

/* Steps a whole SELECT (the catalogue's), touching every row. */
static int drain(sqlite3 *db, const char *sql, long *rows) {
  struct cursor cursor;
  if (prepare(db, sql, &cursor)) return 1;
  int failed = 0;
  while (!(failed = step(db, &cursor)) && cursor.has_row) {
    touch(cursor.statement);
    (*rows)++;
  }
  sqlite3_finalize(cursor.statement);
  return failed;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: read-floor STORE\n");
    return 2;
  }
  sqlite3 *db;
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
    fail(db, argv[1]);
    return 1;
  }
  /* One read transaction for the whole read, as Credence's reader has. */
  if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
    fail(db, "BEGIN");
    return 1;
  }
  long tags = 0, credentials = 0;
  if (drain(db, "SELECT credential_code, tag FROM credential_tags ORDER BY tag COLLATE BINARY",
            &tags) ||
      drain(db,
            "SELECT code, title, provider, type, credits, credit_system, level, field, hours, "
            "fee, currency FROM credentials",
            &credentials))
    return 1;

  struct cursor learners, awards, enrolments, ledger;
  if (prepare(db,
              "SELECT id, name, birth_date, citizenship, residency FROM learners WHERE 1 "
              "ORDER BY id COLLATE BINARY",
              &learners) ||
      prepare(db,
              "SELECT learner_id, id, credential_code, awarded_on, expires_on, grade, score, "
              "status, source FROM awards WHERE status IS NOT 'revoked' AND 1 "
              "ORDER BY learner_id COLLATE BINARY, id COLLATE BINARY",
              &awards) ||
      prepare(db,
              "SELECT learner_id, id, credential_code, start_on, end_on, fee, currency, status "
              "FROM enrolments WHERE 1 ORDER BY learner_id COLLATE BINARY, id COLLATE BINARY",
              &enrolments) ||
      prepare(db,
              "SELECT learner_id, id, scheme, amount, currency, posted_on, expires_on, memo "
              "FROM funding_ledger WHERE 1 ORDER BY learner_id COLLATE BINARY, id",
              &ledger))
    return 1;

  /* The learner's id is copied once per learner, as LearnerStream does, since stepping the
   * learners' cursor would invalidate the column's bytes. */
  unsigned char id[256];
  for (;;) {
    if (step(db, &learners)) return 1;
    if (!learners.has_row) break;
    const unsigned char *text = sqlite3_column_text(learners.statement, 0);
    int length = sqlite3_column_bytes(learners.statement, 0);
    if (text == NULL || length > (int)sizeof id) continue;
    memcpy(id, text, (size_t)length);
    touch(learners.statement);
    learners.rows++;
    if (take(db, &awards, id, length) || take(db, &enrolments, id, length) ||
        take(db, &ledger, id, length))
      return 1;
  }
  sqlite3_finalize(learners.statement);
  sqlite3_finalize(awards.statement);
  sqlite3_finalize(enrolments.statement);
  sqlite3_finalize(ledger.statement);
  sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close(db);
  printf("read-floor: %ld learners, %ld awards, %ld enrolments, %ld ledger rows, "
         "%ld credentials, %ld tags; checksum %016llx\n",
         learners.rows, awards.rows, enrolments.rows, ledger.rows, credentials, tags,
         (unsigned long long)checksum);
  return 0;
}
