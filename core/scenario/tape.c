/* tape.c — loan tapes: `loans = poolsim.csv("tape.csv")` (or a list of them).
**
** Columns: id, bank, amount, rate, start, tenor, pd, lgd, and segment and/or
** programme; optional sector. Each row is one loan. A row's segment is its
** template (rho, sector loading, repayment, LGD downturn, flags) and names its
** programme unless a programme column does. Loans that agree on everything but
** amount, PD, LGD and rate, and whose PDs fall in one bucket (pd_bucket), form
** one group: one cohort that keeps each loan's amount, PD, LGD and rate. Groups are put
** in PD buckets (tape_buckets.c), whose defaults are drawn by thinning
** (sim/tape_defaults.c): a path's cost stays with its buckets and defaults, not its
** groups or loans. Every bad value is reported with the file, line and column, and
** nothing runs. */
#include <errno.h>
#include <limits.h>
#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/confine.h"
#include "scenario/csv.h"
#include "scenario/ids.h"
#include "scenario/scenario_read.h"

/* one row, resolved */
typedef struct {
  int programme, segment, bank, sector, start, tenor, pd_bucket;
  int firm; /* index into m->firms, -1: no firm column */
  double pd, lgd, rate;
  int64_t amount;
  long line;
} tape_row;

static const char *field(const ps_csv_row *r, int col) { return col < 0 ? "" : r->csv->rows[r->row][col]; }

/* a number in [lo, hi] */
static int row_number(const ps_csv_row *r, int col, double lo, double hi, double *out) {
  const char *s = field(r, col);
  char *end;
  errno = 0;
  *out = strtod(s, &end);
  while (*end == ' ') end++;
  if (!*s || *end || errno || !isfinite(*out)) return ps_csv_row_fail(r, col, "'%s' is not a number", s);
  if (*out < lo || *out > hi) return ps_csv_row_fail(r, col, "%s is outside [%g, %g]", s, lo, hi);
  return PS_OK;
}

static int row_int(const ps_csv_row *r, int col, long lo, long hi, int *out) {
  double v;
  int rc = row_number(r, col, (double)lo, (double)hi, &v);
  if (rc) return rc;
  if (v != floor(v)) return ps_csv_row_fail(r, col, "'%s' must be a whole number", field(r, col));
  *out = (int)v;
  return PS_OK;
}

/* the index of a segment id among the scenario's own segments, or -1 */
static int find_segment(const ps_model *m, int nregular, const char *id) {
  for (int i = 0; i < nregular; i++)
    if (strcmp(m->segments[i].id, id) == 0) return i;
  return -1;
}

static int find_programme(const ps_model *m, const char *id) {
  for (int i = 0; i < m->nprogrammes; i++)
    if (strcmp(m->programmes[i].id, id) == 0) return i;
  return -1;
}

/* PDs are grouped ten buckets a decade: within one, p_min / p_max > 10^-0.1 = 0.79,
** so thinning at the bucket's largest PD accepts at least ~4 candidates in 5 when
** the factors are average, while a tape spanning 0.1%..30% needs only 25 buckets
** (one binomial draw each a period). PD 0 has a bucket of its own. */
static int pd_bucket(double pd) { return pd > 0 ? (int)floor(10 * log10(pd)) : INT_MIN; }

/* the index of a firm among m->firms (firms: their index, kind PS_ID_PARTY standing for firm),
** adding it when new; -1 when out of memory */
static int firm_index(ps_model *m, ps_ids *firms, const char *name) {
  int k = ps_ids_find(firms, name, PS_ID_PARTY);
  if (k >= 0) return k;
  char **grown = realloc(m->firms, ((size_t)m->nfirms + 1) * sizeof *grown);
  if (!grown) return -1;
  m->firms = grown;
  if (!(m->firms[m->nfirms] = strdup(name))) return -1;
  k = m->nfirms++;
  return ps_ids_add(firms, m->firms[k], PS_ID_PARTY, k) ? -1 : k;
}

/* A seasoned row (start <= 0) with an `outstanding` column: its principal at the start of period 1.
** A bullet loan keeps it to maturity; an amortizing one repays it in straight line to zero, as if
** lent at amount' = outstanding x tenor / (tenor - age at period 1), whose schedule leaves exactly
** `outstanding` (to the fen) at period 1: the loan's amount becomes amount'. */
static int row_outstanding(const ps_csv_row *r, const ps_model *m, int col, tape_row *out) {
  if (!*field(r, col)) return PS_OK;
  if (out->start >= 1)
    return ps_csv_row_fail(r, col, "only a seasoned loan (start <= 0) has a principal outstanding at period 1; leave it empty");
  double v;
  int rc = row_number(r, col, 0.01, (double)out->amount / PS_FEN_PER_YUAN, &v);
  if (rc) return rc;
  int age = 1 - out->start;
  int amortizing = out->segment >= 0 && m->segments[out->segment].amortizing;
  double fen = v * PS_FEN_PER_YUAN * (amortizing ? (double)out->tenor / (double)(out->tenor - age) : 1);
  if (fen > PS_MAX_AMOUNT_YUAN * PS_FEN_PER_YUAN)
    return ps_csv_row_fail(r, col, "%s left after %d of %d periods puts the straight-line schedule's amount above %g yuan",
                    field(r, col), age, out->tenor, PS_MAX_AMOUNT_YUAN);
  out->amount = (int64_t)llround(fen);
  return PS_OK;
}

/* read and check one row */
static int read_row(const ps_csv_row *r, ps_model *m, int nregular, const int *col, ps_ids *firms, tape_row *out) {
  enum { ID, BANK, SEGMENT, AMOUNT, RATE, START, TENOR, PD, LGD, SECTOR, PROGRAMME, OUTSTANDING, FIRM };
  int rc;
  memset(out, 0, sizeof *out);
  out->line = r->csv->line[r->row];
  if (!*field(r, col[ID])) return ps_csv_row_fail(r, col[ID], "every loan needs an id");
  out->bank = ps_find_party(m, field(r, col[BANK]));
  if (out->bank < 0 || m->parties[out->bank].kind != PS_PARTY_BANK)
    return ps_csv_row_fail(r, col[BANK], "'%s' is not a party of kind bank", field(r, col[BANK]));
  out->segment = -1;
  if (*field(r, col[SEGMENT]) && (out->segment = find_segment(m, nregular, field(r, col[SEGMENT]))) < 0)
    return ps_csv_row_fail(r, col[SEGMENT], "'%s' is not a segment id", field(r, col[SEGMENT]));
  out->programme = out->segment >= 0 ? m->segments[out->segment].programme : -1;
  if (*field(r, col[PROGRAMME]) && (out->programme = find_programme(m, field(r, col[PROGRAMME]))) < 0)
    return ps_csv_row_fail(r, col[PROGRAMME], "'%s' is not a programme id", field(r, col[PROGRAMME]));
  if (out->programme < 0)
    return ps_csv_row_fail(r, col[SEGMENT] >= 0 ? col[SEGMENT] : col[PROGRAMME], "give a segment or a programme for the loan");
  if (m->programmes[out->programme].insurer >= 0) /* policy segments are not loans */
    return ps_csv_row_fail(r, *field(r, col[PROGRAMME]) ? col[PROGRAMME] : col[SEGMENT],
                    "programme '%s' is an insurer programme of policy segments: a loan tape holds loans only",
                    m->programmes[out->programme].id);
  if (m->programmes[out->programme].lender >= 0)
    return ps_csv_row_fail(r, col[SEGMENT] >= 0 ? col[SEGMENT] : col[PROGRAMME], "programme '%s' is a bridge fund's: tape loans "
                    "need a loan programme", m->programmes[out->programme].id);
  if (m->programmes[out->programme].bank != out->bank)
    return ps_csv_row_fail(r, col[BANK], "the loan's programme '%s' is lent by '%s', not '%s'", m->programmes[out->programme].id,
                    m->parties[m->programmes[out->programme].bank].id, field(r, col[BANK]));
  double amount;
  if ((rc = row_number(r, col[AMOUNT], 0.01, PS_MAX_AMOUNT_YUAN, &amount))) return rc;
  out->amount = (int64_t)llround(amount * PS_FEN_PER_YUAN);
  if ((rc = row_number(r, col[RATE], 0, 1, &out->rate)) ||
      (rc = row_int(r, col[START], 1 - PS_MAX_PERIODS, m->periods, &out->start)) ||
      (rc = row_int(r, col[TENOR], 1, PS_MAX_PERIODS, &out->tenor)) || (rc = row_number(r, col[PD], 0, 1, &out->pd)) ||
      (rc = row_number(r, col[LGD], 0, 1, &out->lgd)))
    return rc;
  /* a seasoned loan (start <= 0) is at risk in periods 1 .. start + tenor - 1 */
  if (out->start + out->tenor - 1 < 1)
    return ps_csv_row_fail(r, col[START], "a loan lent in period %d for %d periods ended in period %d, before period 1: it "
                    "is no longer on the books; leave it off the tape", out->start, out->tenor, out->start + out->tenor - 1);
  if (col[OUTSTANDING] >= 0 && (rc = row_outstanding(r, m, col[OUTSTANDING], out))) return rc;
  out->firm = -1;
  if (col[FIRM] >= 0) { /* an empty firm is refused: a per-firm cap must know every loan's firm */
    if (!*field(r, col[FIRM])) return ps_csv_row_fail(r, col[FIRM], "every loan of a tape with a firm column needs its firm");
    if ((out->firm = firm_index(m, firms, field(r, col[FIRM]))) < 0) return PS_ERUNTIME;
  }
  out->pd_bucket = pd_bucket(out->pd);
  out->sector = out->segment >= 0 ? m->segments[out->segment].sector : -1;
  if (*field(r, col[SECTOR])) {
    out->sector = -1;
    for (int k = 0; k < m->nsectors; k++)
      if (strcmp(m->sectors[k].id, field(r, col[SECTOR])) == 0) out->sector = k;
    if (out->sector < 0) return ps_csv_row_fail(r, col[SECTOR], "'%s' is not a sector id", field(r, col[SECTOR]));
  }
  return PS_OK;
}

/* rows that may share a group: everything but the id, the amount, the LGD, the
** rate and the PD within its bucket */
static int same_group(const tape_row *a, const tape_row *b) {
  return a->programme == b->programme && a->segment == b->segment && a->sector == b->sector &&
         a->start == b->start && a->tenor == b->tenor && a->pd_bucket == b->pd_bucket;
}

static int cmp_rows(const void *x, const void *y) {
  const tape_row *a = x, *b = y;
#define CMP(f) \
  if (a->f != b->f) return a->f < b->f ? -1 : 1
  CMP(programme);
  CMP(segment);
  CMP(sector);
  CMP(start);
  CMP(tenor);
  CMP(pd_bucket);
  CMP(line);
#undef CMP
  return 0;
}

static char *copy_string(const char *s) { return s ? strdup(s) : NULL; }

/* a segment for the rows[0..n) of one group */
static int make_segment(ps_model *m, const char *file, const tape_row *rows, long n, ps_segment *s) {
  const tape_row *r = &rows[0];
  const ps_segment *tpl = r->segment >= 0 ? &m->segments[r->segment] : NULL;
  char id[1100];
  snprintf(id, sizeof id, "%.1024s:%ld", file, r->line);
  memset(s, 0, sizeof *s);
  if (!(s->id = strdup(id)) || !(s->name = strdup(id))) return PS_ERUNTIME;
  s->new_loans = (int)n;
  s->first = s->last = r->start;
  s->tenor = r->tenor;
  s->rate = r->rate;
  s->programme = r->programme;
  s->sector = r->sector;
  s->driver = r->segment; /* its template, or -1: the slot for tape loans without one */
  s->loan = (ps_dist){.kind = PS_DIST_LIST, .nitems = n};
  if (!(s->loan.items = malloc((size_t)n * sizeof(int64_t)))) return PS_ERUNTIME;
  double sum = 0, lgd_sum = 0, pd_max = 0, interest = 0;
  int same_pd = 1, same_lgd = 1, same_rate = 1;
  for (long i = 0; i < n; i++) {
    sum += (double)(s->loan.items[i] = rows[i].amount);
    lgd_sum += rows[i].lgd;
    interest += (double)rows[i].amount * rows[i].rate;
    pd_max = fmax(pd_max, rows[i].pd);
    same_pd &= rows[i].pd == r->pd;
    same_lgd &= rows[i].lgd == r->lgd;
    same_rate &= rows[i].rate == r->rate;
  }
  s->loan.mean = sum / (double)n / PS_FEN_PER_YUAN;
  if (!same_rate) s->rate = sum > 0 ? interest / sum : r->rate;
  s->pd = pd_max;
  s->lgd = (ps_dist){.kind = PS_DIST_FIXED, .mean = same_lgd ? r->lgd : lgd_sum / (double)n};
  /* per-loan values only where they differ: a homogeneous group costs nothing extra */
  if (!same_pd && !(s->loan_pd = malloc((size_t)n * sizeof(double)))) return PS_ERUNTIME;
  if (!same_lgd && !(s->loan_lgd = malloc((size_t)n * sizeof(double)))) return PS_ERUNTIME;
  if (!same_rate && !(s->loan_rate = malloc((size_t)n * sizeof(double)))) return PS_ERUNTIME;
  if (r->firm >= 0 && !(s->loan_firm = malloc((size_t)n * sizeof(int)))) return PS_ERUNTIME;
  for (long i = 0; i < n; i++) {
    if (s->loan_firm) s->loan_firm[i] = rows[i].firm;
    if (s->loan_pd) s->loan_pd[i] = rows[i].pd;
    if (s->loan_lgd) s->loan_lgd[i] = rows[i].lgd;
    if (s->loan_rate) s->loan_rate[i] = rows[i].rate;
  }
  if (tpl) {
    s->amortizing = tpl->amortizing;
    s->rho = tpl->rho;
    s->rho_sector = s->sector == tpl->sector ? tpl->rho_sector : 0;
    s->lgd_downturn = tpl->lgd_downturn;
    if (tpl->nflags && !(s->flags = calloc((size_t)tpl->nflags, sizeof(char *)))) return PS_ERUNTIME;
    for (int f = 0; f < tpl->nflags; f++, s->nflags++)
      if (!(s->flags[f] = copy_string(tpl->flags[f]))) return PS_ERUNTIME;
  }
  return PS_OK;
}

/* remember a data file and its sha256 for the report */
static int note_file(ps_model *m, const char *name, const char sha256[65]) {
  char **files = realloc(m->data_files, ((size_t)m->ndata + 1) * sizeof *files);
  if (!files) return PS_ERUNTIME;
  m->data_files = files;
  char(*sha)[65] = realloc(m->data_sha256, ((size_t)m->ndata + 1) * sizeof *sha);
  if (!sha) return PS_ERUNTIME;
  m->data_sha256 = sha;
  memcpy(m->data_sha256[m->ndata], sha256, 65);
  if (!(m->data_files[m->ndata] = strdup(name))) return PS_ERUNTIME;
  m->ndata++;
  return PS_OK;
}

/* read one tape into new segments */
static int read_tape(ps_reader *rd, ps_model *m, int nregular, ps_ids *firms, const char *rel) {
  char name[1024];
  const char *slash = strrchr(m->file, '/');
  int dirlen = slash && rel[0] != '/' ? (int)(slash - m->file) + 1 : 0; /* an absolute name stays as it is */
  snprintf(name, sizeof name, "%.*s%s", dirlen, m->file, rel);
  ps_csv csv;
  char sha256[65];
  int rc = ps_confine(m->file, name, "a data file must be inside the scenario's folder", rd->err, rd->errlen);
  if (rc || (rc = ps_csv_read_hashed(name, &csv, sha256, rd->err, rd->errlen))) return rc;
  rc = note_file(m, name, sha256);
  static const char *const names[] = {"id", "bank", "segment", "amount", "rate", "start", "tenor",
                                      "pd", "lgd", "sector", "programme", "outstanding", "firm"};
  static const int required[] = {1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0};
  int col[13];
  for (int i = 0; rc == PS_OK && i < 13; i++) {
    col[i] = ps_csv_column(&csv, names[i]);
    if (required[i] && col[i] < 0) {
      snprintf(rd->err, rd->errlen, "%s:1: the loan tape has no column '%s' (it needs id, bank, amount, rate, start, "
               "tenor, pd, lgd, and segment or programme)", name, names[i]);
      rc = PS_EINPUT;
    }
  }
  if (rc == PS_OK && col[2] < 0 && col[10] < 0) {
    snprintf(rd->err, rd->errlen, "%s:1: the loan tape needs a segment or a programme column", name);
    rc = PS_EINPUT;
  }
  tape_row *rows = rc == PS_OK ? malloc((size_t)csv.nrows * sizeof *rows) : NULL;
  if (rc == PS_OK && !rows) rc = PS_ERUNTIME;
  for (long i = 0; rc == PS_OK && i < csv.nrows; i++) {
    ps_csv_row r = {name, &csv, i, rd->err, rd->errlen};
    rc = read_row(&r, m, nregular, col, firms, &rows[i]);
  }
  long nrows = csv.nrows;
  ps_csv_destroy(&csv); /* the text is no longer needed: a large tape's peak memory is lower */
  /* loans differing only in id, amount, LGD and PD within a bucket share a group */
  if (rc == PS_OK) qsort(rows, (size_t)nrows, sizeof *rows, cmp_rows);
  for (long i = 0; rc == PS_OK && i < nrows;) {
    long j = i + 1;
    while (j < nrows && same_group(&rows[i], &rows[j])) j++;
    ps_segment *grown = realloc(m->segments, ((size_t)m->nsegments + 1) * sizeof *grown);
    if (!grown) {
      rc = PS_ERUNTIME;
      break;
    }
    m->segments = grown;
    rc = make_segment(m, name, &rows[i], j - i, &m->segments[m->nsegments]);
    m->nsegments++; /* counted even when incomplete, so ps_model_destroy frees it */
    if (rc == PS_OK && m->ids) rc = ps_ids_add(m->ids, m->segments[m->nsegments - 1].id, PS_ID_SEGMENT, m->nsegments - 1);
    i = j;
  }
  free(rows);
  return rc;
}

/* every programme has loans: a segment, or a tape group (a programme whose
** `segments` are left out lends on its tapes only) */
static int check_programmes(ps_reader *rd, const ps_model *m) {
  unsigned char *some = calloc((size_t)m->nprogrammes + 1, 1);
  if (!some) return PS_ERUNTIME;
  for (int s = 0; s < m->nsegments; s++) some[m->segments[s].programme] = 1;
  int g = 0;
  while (g < m->nprogrammes && some[g]) g++;
  free(some);
  if (g == m->nprogrammes) return PS_OK;
  ps_entry e = {rd, "programme", "programmes", m->programmes[g].id, 0, 1};
  return ps_read_fail(&e, "segments", "missing: the programme has no loans; list its segments, or name it in a "
                      "loan tape's programme column");
}

int ps_read_tapes(const ps_entry *scen, ps_model *m) {
  lua_State *L = scen->rd->L;
  int type = ps_read_push(scen, "loans"), nregular = m->nsegments, rc = PS_OK;
  if (type == LUA_TNIL) {
    lua_pop(L, 1);
    return check_programmes(scen->rd, m);
  }
  if (type != LUA_TTABLE) {
    lua_pop(L, 1);
    return ps_read_fail(scen, "loans", "must be poolsim.csv(\"tape.csv\") or a list of them");
  }
  lua_getfield(L, -1, "tape");
  int single = lua_type(L, -1) == LUA_TSTRING;
  lua_pop(L, 1);
  int n = single ? 1 : (int)lua_rawlen(L, -1);
  ps_ids *firms = ps_ids_new(); /* the firms of firm columns, across the tapes */
  if (!firms) rc = PS_ERUNTIME;
  else if (n == 0) rc = ps_read_fail(scen, "loans", "must be poolsim.csv(\"tape.csv\") or a list of them");
  for (int i = 0; rc == PS_OK && i < n; i++) {
    if (single) lua_pushvalue(L, -1);
    else lua_rawgeti(L, -1, i + 1);
    int ok = 0;
    char *rel = NULL;
    if (lua_istable(L, -1)) {
      ok = lua_getfield(L, -1, "tape") == LUA_TSTRING;
      if (ok) rel = strdup(lua_tostring(L, -1));
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
    if (!ok) rc = ps_read_fail(scen, "loans", "item %d must be poolsim.csv(\"tape.csv\")", i + 1);
    else if (!rel) rc = PS_ERUNTIME;
    else rc = read_tape(scen->rd, m, nregular, firms, rel);
    free(rel);
  }
  ps_ids_free(firms);
  lua_pop(L, 1);
  return rc ? rc : check_programmes(scen->rd, m);
}
