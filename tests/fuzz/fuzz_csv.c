/* fuzz_csv.c — the loan-tape reader on arbitrary bytes.
**
** Each input is a CSV file. It is parsed from memory (ps_csv_parse) and read
** from a file (ps_csv_read, the 64 KiB streaming path): both must agree on the
** verdict, the message and every field, and what they accept must keep csv.h's
** promises (a non-empty header of unique, trimmed names, every row as wide as
** the header, fields within PS_CSV_MAX_FIELD, row lines increasing). An
** accepted file is then loaded as the loan tape of a small scenario, which
** drives core/tape.c (column lookup, number and id checks, cohort grouping). */
#include <stdint.h>
#include <string.h>

#include "scenario/csv.h"
#include "fuzz_tmp.h"
#include "poolsim/poolsim.h"

/* tests/scenarios/tape_small.lua, reading tape.csv, with a sector to name */
static const char scenario[] =
    "return poolsim.scenario{\n"
    "  name = 'fuzz tape', periods = 3, step = 'year', seed = 1, paths = 1,\n"
    "  sectors = { {id = 'tech'}, {id = 'farm'} },\n"
    "  parties = { {id = 'gov', kind = 'government'}, {id = 'bank', kind = 'bank'} },\n"
    "  pools = { {id = 'fund', owner = 'gov', initial = poolsim.wan(1000)} },\n"
    "  segments = { {id = 'tpl', new_loans = 0, loan = 1, tenor = 1, pd = 0, lgd = 0.5} },\n"
    "  programmes = { {id = 'p', segments = {'tpl'}, bank = 'bank', share = {fund = 0.4, bank = 0.6}} },\n"
    "  loans = poolsim.csv('tape.csv'),\n"
    "}\n";

/* what csv.h promises of an accepted file */
static void check_accepted(const ps_csv *c) {
  FUZZ_ASSERT(c->ncols >= 1 && c->ncols <= PS_CSV_MAX_FIELDS);
  FUZZ_ASSERT(c->nrows >= 1 && c->nrows <= PS_CSV_MAX_ROWS);
  for (int j = 0; j < c->ncols; j++) {
    const char *h = c->header[j];
    size_t n = strlen(h);
    FUZZ_ASSERT(n > 0 && n <= PS_CSV_MAX_FIELD);
    FUZZ_ASSERT(h[0] != ' ' && h[0] != '\t' && h[n - 1] != ' ' && h[n - 1] != '\t');
    FUZZ_ASSERT(ps_csv_column(c, h) == j); /* names are unique */
  }
  for (long i = 0; i < c->nrows; i++) {
    FUZZ_ASSERT(c->line[i] >= 2 && (i == 0 || c->line[i] > c->line[i - 1]));
    for (int j = 0; j < c->ncols; j++) FUZZ_ASSERT(strlen(c->rows[i][j]) <= PS_CSV_MAX_FIELD);
  }
}

/* the memory and file readers gave the same tape */
static void check_same(const ps_csv *a, const ps_csv *b) {
  FUZZ_ASSERT(a->ncols == b->ncols && a->nrows == b->nrows);
  for (int j = 0; j < a->ncols; j++) FUZZ_ASSERT(strcmp(a->header[j], b->header[j]) == 0);
  for (long i = 0; i < a->nrows; i++) {
    FUZZ_ASSERT(a->line[i] == b->line[i]);
    for (int j = 0; j < a->ncols; j++) FUZZ_ASSERT(strcmp(a->rows[i][j], b->rows[i][j]) == 0);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static char scen[512];
  char tape[512], err[1024], ferr[1024];
  fuzz_tmp_write("tape.csv", data, size, tape, sizeof tape);
  ps_csv mem, file;
  int rc = ps_csv_parse(tape, (const char *)data, size, &mem, err, sizeof err);
  int frc = ps_csv_read(tape, &file, ferr, sizeof ferr);
  FUZZ_ASSERT(rc == frc);
  if (rc == 0) {
    check_accepted(&mem);
    check_same(&mem, &file);
  } else {
    FUZZ_ASSERT(strncmp(err, tape, strlen(tape)) == 0); /* every message names the file */
    FUZZ_ASSERT(strcmp(err, ferr) == 0);
    FUZZ_ASSERT(mem.header == NULL && mem.rows == NULL && mem.ncols == 0 && mem.nrows == 0);
  }
  ps_csv_destroy(&mem);
  ps_csv_destroy(&file);
  if (rc != 0) return 0;

  static int written;
  if (!written++) fuzz_tmp_write("tape.lua", scenario, sizeof scenario - 1, scen, sizeof scen);
  ps_model *m;
  int lrc = ps_model_new(scen, NULL, 0, &m, err, sizeof err);
  FUZZ_ASSERT(lrc == PS_OK || lrc == PS_EINPUT);
  if (lrc == PS_EINPUT) FUZZ_ASSERT(strncmp(err, tape, strlen(tape)) == 0); /* the tape is the only thing wrong */
  ps_model_free(m);
  return 0;
}
