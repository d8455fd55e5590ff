/* actual.c — the back-test's actual file (actual.h): read with the CSV reader,
** each cell checked against the model, every fault named by file, line and
** column. */
#include "scenario/actual.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/csv.h"
#include "scenario/scenario_read.h"
#include "scenario/sha256.h"

enum { PERIOD, PROGRAMME, DEFAULTS, CLAIMS, NCOLS };
static const char *const column_names[NCOLS] = {"period", "programme", "defaults", "claims"};

#define MAX_DEFAULTS 1e12 /* loans in one period of one programme */

/* a number <= hi, whole when asked, and >= 0 unless signed: PS_OK, or PS_EINPUT with the message */
static int cell_number(const ps_csv_row *r, int col, double hi, int whole, int is_signed, double *out) {
  const char *s = r->csv->rows[r->row][col];
  char *end;
  errno = 0;
  *out = strtod(s, &end);
  while (*end == ' ') end++;
  while (*s == ' ') s++;
  if (!*s || *end || errno || !isfinite(*out)) return ps_csv_row_fail(r, col, "'%s' is not a number", s);
  if (*out < 0 && !is_signed) return ps_csv_row_fail(r, col, "%s is negative: %s must be 0 or more", s, r->csv->header[col]);
  if (whole && *out != floor(*out)) return ps_csv_row_fail(r, col, "'%s' must be a whole number", s);
  if (*out > hi) return ps_csv_row_fail(r, col, "%s is more than %g", s, hi);
  return PS_OK;
}

/* is the cell empty (or only spaces)? */
static int blank(const char *s) {
  while (*s == ' ') s++;
  return !*s;
}

/* one data row into *row */
static int read_row(const ps_csv_row *r, const ps_model *m, const int *col, ps_actual_row *row) {
  char *const *f = r->csv->rows[r->row];
  double v;
  int rc;
  memset(row, 0, sizeof *row);
  row->line = r->csv->line[r->row];
  const char *period = f[col[PERIOD]];
  if (blank(period)) return ps_csv_row_fail(r, col[PERIOD], "every row needs a period");
  if ((rc = cell_number(r, col[PERIOD], 1e9, 1, 1, &v))) return rc;
  if (v < 1 || v > m->periods)
    return ps_csv_row_fail(r, col[PERIOD], "period %s is outside the scenario's periods 1..%d", period, m->periods);
  row->period = (int)v;
  const char *id = f[col[PROGRAMME]];
  row->programme = -1;
  for (int k = 0; k < m->nprogrammes; k++)
    if (strcmp(m->programmes[k].id, id) == 0) row->programme = k;
  if (row->programme < 0) return ps_csv_row_fail(r, col[PROGRAMME], "'%s' is not a programme id of the scenario", id);
  if (col[DEFAULTS] >= 0 && !blank(f[col[DEFAULTS]])) {
    if ((rc = cell_number(r, col[DEFAULTS], MAX_DEFAULTS, 1, 0, &v))) return rc;
    row->has_defaults = 1;
    row->defaults = (int64_t)v;
  }
  if (col[CLAIMS] >= 0 && !blank(f[col[CLAIMS]])) {
    if ((rc = cell_number(r, col[CLAIMS], PS_MAX_AMOUNT_YUAN, 0, 0, &v))) return rc;
    row->has_claims = 1;
    row->claims = (int64_t)llround(v * PS_FEN_PER_YUAN);
  }
  if (!row->has_defaults && !row->has_claims)
    return ps_csv_row_fail(r, col[DEFAULTS] >= 0 ? col[DEFAULTS] : col[CLAIMS], "the row gives neither defaults nor claims");
  return PS_OK;
}

/* the columns of the header into col (-1: absent); PS_OK or PS_EINPUT */
static int read_header(const char *name, const ps_csv *csv, int *col, char *err, size_t errlen) {
  for (int i = 0; i < NCOLS; i++) col[i] = ps_csv_column(csv, column_names[i]);
  for (int j = 0; j < csv->ncols; j++) {
    int known = 0;
    for (int i = 0; i < NCOLS; i++) known |= strcmp(csv->header[j], column_names[i]) == 0;
    if (!known) {
      snprintf(err, errlen, "%s:1: column %d (%s): not a column of an actual file (period, programme, defaults, claims)",
               name, j + 1, csv->header[j]);
      return PS_EINPUT;
    }
  }
  for (int i = PERIOD; i <= PROGRAMME; i++)
    if (col[i] < 0) {
      snprintf(err, errlen, "%s:1: the actual file has no column '%s' (it needs period, programme, and defaults "
               "and/or claims)", name, column_names[i]);
      return PS_EINPUT;
    }
  if (col[DEFAULTS] < 0 && col[CLAIMS] < 0) {
    snprintf(err, errlen, "%s:1: the actual file needs a defaults or a claims column, or both", name);
    return PS_EINPUT;
  }
  return PS_OK;
}

/* the rows of csv into out, checked (a second row for a period and programme is refused) */
static int read_rows(const char *name, const ps_csv *csv, const ps_model *m, ps_actual *out, char *err,
                     size_t errlen) {
  int col[NCOLS], rc;
  if ((rc = read_header(name, csv, col, err, errlen))) return rc;
  out->has_defaults = col[DEFAULTS] >= 0;
  out->has_claims = col[CLAIMS] >= 0;
  /* the line of the row seen for each (programme, period), 0: none yet */
  long *seen = calloc((size_t)m->nprogrammes * (size_t)m->periods + 1, sizeof *seen);
  out->rows = malloc((size_t)csv->nrows * sizeof *out->rows);
  if (!seen || !out->rows) {
    free(seen);
    snprintf(err, errlen, "out of memory");
    return PS_ERUNTIME;
  }
  for (long i = 0; rc == PS_OK && i < csv->nrows; i++) {
    ps_csv_row r = {name, csv, i, err, errlen};
    ps_actual_row *row = &out->rows[i];
    if ((rc = read_row(&r, m, col, row))) break;
    long *first = &seen[(size_t)row->programme * (size_t)m->periods + (size_t)(row->period - 1)];
    if (*first)
      rc = ps_csv_row_fail(&r, col[PERIOD], "a second row for period %d of programme '%s' (the first is on line %ld)",
                     row->period, m->programmes[row->programme].id, *first);
    *first = row->line;
    out->nrows = i + 1;
  }
  free(seen);
  return rc;
}

static int copy_name(ps_actual *out, const char *name, char *err, size_t errlen) {
  size_t n = strlen(name) + 1;
  if (!(out->file = malloc(n))) {
    snprintf(err, errlen, "out of memory");
    return PS_ERUNTIME;
  }
  memcpy(out->file, name, n);
  return PS_OK;
}

/* ps_actual_read — read and check `path` against m into *out */
int ps_actual_read(const char *path, const ps_model *m, ps_actual *out, char *err, size_t errlen) {
  memset(out, 0, sizeof *out);
  ps_csv csv;
  int rc = copy_name(out, path, err, errlen);
  if (rc || (rc = ps_csv_read_hashed(path, &csv, out->sha256, err, errlen))) return rc;
  rc = read_rows(path, &csv, m, out, err, errlen);
  ps_csv_destroy(&csv);
  return rc;
}

/* ps_actual_parse — the same from memory; `name` stands for the file in messages */
int ps_actual_parse(const char *name, const char *data, size_t len, const ps_model *m, ps_actual *out, char *err,
                    size_t errlen) {
  memset(out, 0, sizeof *out);
  ps_csv csv;
  int rc = copy_name(out, name, err, errlen);
  if (rc || (rc = ps_csv_parse(name, data, len, &csv, err, errlen))) return rc;
  ps_sha256 h;
  ps_sha256_init(&h);
  ps_sha256_update(&h, data, len);
  ps_sha256_final_hex(&h, out->sha256);
  rc = read_rows(name, &csv, m, out, err, errlen);
  ps_csv_destroy(&csv);
  return rc;
}

void ps_actual_destroy(ps_actual *a) {
  free(a->file);
  free(a->rows);
  memset(a, 0, sizeof *a);
}
