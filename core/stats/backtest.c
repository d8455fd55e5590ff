/* backtest.c — place each actual figure in its forecast distribution (backtest.h).
**
** A programme's figure of path i in period t is the difference of what the path
** kept up to t and up to t - 1 (outcomes.h: defaults, and claims in fen, so the
** differences and their sums are exact and ties with the actual are exact too).
** Over the paths the figure has an empirical distribution; the actual's
** percentile is its mid-rank (#below + #equal / 2) / paths, so an actual equal
** to every path's value (a point mass) sits at 50%, and the bands are the
** type-1 quantiles of stats.h. Nothing here reads or writes a file. */
#include "stats/backtest.h"

#include <stdlib.h>
#include <string.h>

#include "stats/stats.h"

/* ps_backtest_track — which programmes the actual file names */
void ps_backtest_track(const ps_model *m, const ps_actual *a, unsigned char *track) {
  memset(track, 0, (size_t)m->nprogrammes);
  for (long r = 0; r < a->nrows; r++) track[a->rows[r].programme] = 1;
}

/* the first index of sorted[0..n-1] whose value is >= x (strict: > x) */
static size_t bound(const double *sorted, size_t n, double x, int strict) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strict ? sorted[mid] <= x : sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* ps_backtest_place — where x lies among sorted[0..n-1]: mid-rank, bands, flags */
void ps_backtest_place(const double *sorted, size_t n, double x, ps_backtest_point *p) {
  size_t below = bound(sorted, n, x, 0), upto = bound(sorted, n, x, 1);
  p->actual = x;
  p->percentile = n ? ((double)below + 0.5 * (double)(upto - below)) / (double)n : 0;
  p->p005 = ps_quantile_sorted(sorted, n, 0.005);
  p->p05 = ps_quantile_sorted(sorted, n, 0.05);
  p->p50 = ps_quantile_sorted(sorted, n, 0.5);
  p->p95 = ps_quantile_sorted(sorted, n, 0.95);
  p->p995 = ps_quantile_sorted(sorted, n, 0.995);
  p->outside90 = x > p->p95 ? 1 : x < p->p05 ? -1 : 0;
  p->outside99 = x > p->p995 ? 1 : x < p->p005 ? -1 : 0;
}

/* a point of fen in yuan */
static void to_yuan(ps_backtest_point *p) {
  double *v[] = {&p->actual, &p->p005, &p->p05, &p->p50, &p->p95, &p->p995};
  for (size_t i = 0; i < sizeof v / sizeof *v; i++) *v[i] /= PS_FEN_PER_YUAN;
}

/* the figure of path i in period t (1-based) from what the path kept up to each period */
static double figure(const double *kept, size_t base, int t) {
  return kept[base + (size_t)(t - 1)] - (t > 1 ? kept[base + (size_t)(t - 2)] : 0);
}

/* the rows of a giving measure `what` for programme k, in period order, into rows; returns how many */
static int rows_of(const ps_actual *a, int k, ps_backtest_measure what, const ps_actual_row **rows) {
  int n = 0;
  for (long r = 0; r < a->nrows; r++) {
    const ps_actual_row *row = &a->rows[r];
    if (row->programme != k || !(what == PS_BACKTEST_DEFAULTS ? row->has_defaults : row->has_claims)) continue;
    int j = n++;
    for (; j > 0 && rows[j - 1]->period > row->period; j--) rows[j] = rows[j - 1];
    rows[j] = row;
  }
  return n;
}

/* one series: points, cumulative points and fan; scratch holds 3 x paths doubles; PS_OK or PS_ERUNTIME */
static int series_fill(ps_backtest_series *s, const ps_model *m, const ps_actual *a, const ps_outcomes *o, int k,
                       ps_backtest_measure what, const ps_actual_row **rows, double *scratch) {
  size_t n = (size_t)o->paths;
  const double *kept = what == PS_BACKTEST_DEFAULTS ? o->track_defaults : o->track_claims;
  double *x = scratch, *sum = scratch + n, *sorted = scratch + 2 * n, actual_sum = 0;
  s->npoints = rows_of(a, k, what, rows);
  if (s->npoints == 0) return PS_OK;
  s->points = calloc((size_t)s->npoints, sizeof *s->points);
  s->cumulative = calloc((size_t)s->npoints, sizeof *s->cumulative);
  s->fan = malloc((size_t)m->periods * PS_FAN_N * sizeof *s->fan);
  if (!s->points || !s->cumulative || !s->fan) return PS_ERUNTIME;
  memset(sum, 0, n * sizeof *sum);
  for (int j = 0; j < s->npoints; j++) {
    int t = rows[j]->period;
    double actual = what == PS_BACKTEST_DEFAULTS ? (double)rows[j]->defaults : (double)rows[j]->claims;
    actual_sum += actual;
    for (size_t i = 0; i < n; i++) {
      x[i] = figure(kept, ps_track_slot(o, k, (long)i), t);
      sum[i] += x[i];
    }
    memcpy(sorted, x, n * sizeof *x);
    if (ps_sort_doubles(sorted, n)) return PS_ERUNTIME;
    ps_backtest_place(sorted, n, actual, &s->points[j]);
    memcpy(sorted, sum, n * sizeof *sum);
    if (ps_sort_doubles(sorted, n)) return PS_ERUNTIME;
    ps_backtest_place(sorted, n, actual_sum, &s->cumulative[j]);
    s->points[j].period = s->cumulative[j].period = t;
    if (what == PS_BACKTEST_CLAIMS) {
      to_yuan(&s->points[j]);
      to_yuan(&s->cumulative[j]);
    }
  }
  static const double q[PS_FAN_N] = {0.005, 0.05, 0.5, 0.95, 0.995};
  double unit = what == PS_BACKTEST_CLAIMS ? PS_FEN_PER_YUAN : 1;
  for (int t = 1; t <= m->periods; t++) {
    for (size_t i = 0; i < n; i++) sorted[i] = figure(kept, ps_track_slot(o, k, (long)i), t);
    if (ps_sort_doubles(sorted, n)) return PS_ERUNTIME;
    for (int f = 0; f < PS_FAN_N; f++) s->fan[(size_t)(t - 1) * PS_FAN_N + f] = ps_quantile_sorted(sorted, n, q[f]) / unit;
  }
  return PS_OK;
}

/* the verdict of one series, appended to b->findings (room for npoints + 2 more) */
static void series_verdict(ps_backtest *b, int e, ps_backtest_measure what) {
  const ps_backtest_series *s = &b->entries[e].series[what];
  if (s->npoints == 0) return;
  ps_backtest_finding sum = {e, what, 0, 0, 0, 0, s->npoints, 0, 0};
  for (int j = 0; j < s->npoints; j++) {
    const ps_backtest_point *p = &s->points[j];
    sum.outside90 += p->outside90 != 0;
    sum.outside99 += p->outside99 != 0;
    if (p->outside99) b->findings[b->nfindings++] = (ps_backtest_finding){e, what, p->period, 0, 99, p->outside99, 0, 0, 0};
  }
  const ps_backtest_point *last = &s->cumulative[s->npoints - 1];
  if (s->npoints > 1 && last->outside90)
    b->findings[b->nfindings++] = (ps_backtest_finding){
        e, what, last->period, 1, last->outside99 ? 99 : 90, last->outside99 ? last->outside99 : last->outside90, 0, 0, 0};
  b->findings[b->nfindings++] = sum;
}

static char *copy_string(const char *s) {
  size_t n = strlen(s) + 1;
  char *c = malloc(n);
  if (c) memcpy(c, s, n);
  return c;
}

/* ps_backtest_compare — compare a with the outcomes o of m into a new *out */
int ps_backtest_compare(const ps_model *m, const ps_actual *a, const ps_outcomes *o, unsigned long long seed,
                        ps_backtest **out) {
  *out = NULL;
  ps_backtest *b = calloc(1, sizeof *b);
  if (!b) return PS_ERUNTIME;
  b->paths = o->paths;
  b->seed = seed;
  b->periods = m->periods;
  b->step = m->step;
  memcpy(b->actual_sha256, a->sha256, sizeof b->actual_sha256);
  b->name = copy_string(m->name);
  b->file = copy_string(m->file);
  b->sha256 = copy_string(m->sha256);
  b->actual_file = copy_string(a->file);
  b->entries = calloc((size_t)m->nprogrammes + 1, sizeof *b->entries);
  b->findings = calloc(2 * (size_t)a->nrows + 4 * (size_t)m->nprogrammes + 1, sizeof *b->findings);
  double *scratch = malloc(3 * (size_t)o->paths * sizeof *scratch);
  const ps_actual_row **rows = malloc(((size_t)a->nrows + 1) * sizeof(const ps_actual_row *));
  int rc = b->name && b->file && b->sha256 && b->actual_file && b->entries && b->findings && scratch && rows
               ? PS_OK : PS_ERUNTIME;
  for (int k = 0; rc == PS_OK && k < m->nprogrammes; k++) {
    if (o->track_slot[k] < 0) continue;
    ps_backtest_entry *e = &b->entries[b->nentries++];
    e->programme = k;
    if (!(e->id = copy_string(m->programmes[k].id))) rc = PS_ERUNTIME;
    for (int w = 0; rc == PS_OK && w < PS_BACKTEST_NMEASURES; w++)
      rc = series_fill(&e->series[w], m, a, o, k, (ps_backtest_measure)w, rows, scratch);
  }
  for (int e = 0; rc == PS_OK && e < b->nentries; e++)
    for (int w = 0; w < PS_BACKTEST_NMEASURES; w++) series_verdict(b, e, (ps_backtest_measure)w);
  free(scratch);
  free(rows);
  if (rc) {
    ps_backtest_free(b);
    return rc;
  }
  *out = b;
  return PS_OK;
}

void ps_backtest_free(ps_backtest *b) {
  if (!b) return;
  for (int e = 0; b->entries && e < b->nentries; e++) {
    free(b->entries[e].id);
    for (int w = 0; w < PS_BACKTEST_NMEASURES; w++) {
      free(b->entries[e].series[w].points);
      free(b->entries[e].series[w].cumulative);
      free(b->entries[e].series[w].fan);
    }
  }
  free(b->entries);
  free(b->findings);
  free(b->name);
  free(b->file);
  free(b->sha256);
  free(b->actual_file);
  free(b);
}

long ps_backtest_paths(const ps_backtest *b) { return b->paths; }
unsigned long long ps_backtest_seed(const ps_backtest *b) { return b->seed; }
int ps_backtest_nprogrammes(const ps_backtest *b) { return b->nentries; }
const char *ps_backtest_programme(const ps_backtest *b, int k) {
  return k >= 0 && k < b->nentries ? b->entries[k].id : NULL;
}
int ps_backtest_npoints(const ps_backtest *b, int k, ps_backtest_measure what) {
  return k >= 0 && k < b->nentries && what < PS_BACKTEST_NMEASURES ? b->entries[k].series[what].npoints : 0;
}
ps_backtest_point ps_backtest_point_at(const ps_backtest *b, int k, ps_backtest_measure what, int i, int cumulative) {
  ps_backtest_point none = {0};
  if (i < 0 || i >= ps_backtest_npoints(b, k, what)) return none;
  const ps_backtest_series *s = &b->entries[k].series[what];
  return cumulative ? s->cumulative[i] : s->points[i];
}
