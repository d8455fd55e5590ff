/* floor.c — the benchmarks' randomness floor: for each path, only the random
** numbers a scenario's path must draw, with the engine's generator (sim/rng.c,
** the same streams), the same GSL calls and the engine's Phi, and nothing else (no ledger, no
** claims, no statistics). `make bench` divides its instructions a path by a
** scenario's to say what fraction of the floor the engine runs at.
**
**   floor SCENARIO PATHS [KEY=VALUE ...]     (KEY=VALUE as poolsim's --set)
**
** What a path must draw (issue 18): the systemic factor's T normals (and the
** sector factors', and the t copula's chi-squares); in each period, for each
** segment with something at risk, one Phi for the conditional PD (one per
** cohort when the PD depends on age, and for insurance policies) and one binomial
** for the number of defaults (claims; a bridge segment's declines, a binomial
** without a Phi), each as the engine computes it — Phi from the table with its
** proven bound (sim/phi.h), the binomial as gsl_ran_binomial's count inline
** (sim/binomial.h) — so that the floor stays what a path must draw, not what a
** slower Phi or call costs; for loan tapes, the same per PD bucket (m->tape_buckets:
** the groups that share a template, a sector and a PD bucket) at its bound, as the
** engine draws them; a Poisson volume's draw each period of its window. The numbers
** at risk follow the defaults drawn (spread over the cohorts in proportion, which
** draws nothing), so each binomial has the n of a real path. Not counted, as a floor should not: which loans default (the
** engine's cohort or candidate draws), drawn LGDs, amounts and recovery lags,
** a tape's per-loan PDs. Prints `"seconds": S` (the drawing only) and the sum
** of the defaults drawn (so the compiler cannot drop the work), exits 0; or
** prints the error and exits 2. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>

#include "scenario/scenario.h"
#include "sim/binomial.h"
#include "sim/phi.h"
#include "sim/rng.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* the cohorts of segment s at risk in period t: [*lo, *hi] (empty when lo > hi) */
static void window(const ps_segment *seg, int t, int *lo, int *hi) {
  *lo = t - seg->tenor + 1 > seg->first ? t - seg->tenor + 1 : seg->first;
  *hi = t < seg->last ? t : seg->last;
}

/* period t's draws of the loan-tape groups (those lent in t originated first): one Phi (at the
** bound) and one binomial per PD bucket with loans at risk, over all its groups' loans (the
** defaults spread over the groups in proportion, which draws nothing); returns the defaults drawn */
static double tape_buckets(const ps_model *m, int t, double **alive, const double *z, const double *s,
                           gsl_rng *default_rng) {
  double drawn = 0;
  for (int b = 0; b < m->ntape_buckets; b++) {
    const ps_tape_bucket *bucket = &m->tape_buckets[b];
    double total = 0;
    for (int j = bucket->live_at[t]; j < bucket->live_at[t + 1]; j++) {
      const ps_segment *seg = &m->segments[bucket->live[j]];
      double *a = &alive[bucket->live[j]][seg->first - (seg->first < 1 ? seg->first : 1)];
      if (seg->first == t) *a = seg->loan.nitems;
      total += *a;
    }
    if (total < 1) continue;
    const ps_segment *lead = &m->segments[bucket->live[bucket->live_at[t]]];
    double systematic = sqrt(lead->rho) * z[t] +
                        (lead->sector >= 0 ? sqrt(lead->rho_sector) * s[t * m->nsectors + lead->sector] : 0);
    double p = ps_phi((bucket->threshold - systematic) / sqrt(1 - lead->rho - lead->rho_sector));
    double d = (double)ps_binomial(default_rng, p, (unsigned)total);
    drawn += d;
    for (int j = bucket->live_at[t]; j < bucket->live_at[t + 1]; j++) {
      const ps_segment *seg = &m->segments[bucket->live[j]];
      double *a = &alive[bucket->live[j]][seg->first - (seg->first < 1 ? seg->first : 1)];
      *a -= d * *a / total;
    }
  }
  return drawn;
}

/* one path's draws; alive: per segment, per cohort (offset by the earliest cohort), scratch */
static double path(const ps_model *m, gsl_rng *factor_rng, gsl_rng *default_rng, gsl_rng *volume_rng,
                   double **alive, double *z, double *s) {
  int T = m->periods, n = m->nsectors;
  double phi = m->cycle, sd = sqrt(1 - phi * phi), drawn = 0;
  z[1] = gsl_ran_gaussian_ziggurat(factor_rng, 1.0);
  for (int t = 2; t <= T; t++) z[t] = phi * z[t - 1] + sd * gsl_ran_gaussian_ziggurat(factor_rng, 1.0);
  for (int t = 1; t <= T; t++)
    for (int k = 0; k < n; k++) s[t * n + k] = gsl_ran_gaussian_ziggurat(factor_rng, 1.0);
  if (m->copula == PS_COPULA_T)
    for (int t = 1; t <= T; t++) drawn += gsl_ran_chisq(factor_rng, m->nu);
  for (int g = 0; g < m->nsegments; g++) {
    const ps_segment *seg = &m->segments[g];
    int origin = seg->first < 1 ? seg->first : 1;
    if (g >= m->nown_segments) { /* a loan-tape group: its one cohort */
      alive[g][seg->first - origin] = seg->first < 1 ? seg->loan.nitems : 0;
      continue;
    }
    for (int c = origin; c <= T; c++) alive[g][c - origin] = 0;
    if (seg->first < 1) alive[g][seg->first - origin] = seg->new_loans;
  }
  for (int t = 1; t <= T; t++) {
    for (int g = 0; g < m->nown_segments; g++) { /* loan-tape groups: by PD bucket, below */
      const ps_segment *seg = &m->segments[g];
      int origin = seg->first < 1 ? seg->first : 1, lo, hi;
      double *a = alive[g] - origin; /* a[c]: cohort c */
      if (t >= seg->first && t <= seg->last) { /* this period's originations */
        double count = seg->kind == PS_SEGMENT_BRIDGE ? seg->requests : seg->new_loans;
        if (seg->volume.poisson) count = (double)gsl_ran_poisson(volume_rng, seg->volume.mean);
        a[t] = count;
      }
      window(seg, t, &lo, &hi);
      if (seg->kind == PS_SEGMENT_BRIDGE) lo = hi = t;
      double systematic = sqrt(seg->rho) * z[t] + (seg->sector >= 0 ? sqrt(seg->rho_sector) * s[t * n + seg->sector] : 0);
      double scale = sqrt(1 - seg->rho - seg->rho_sector);
      int by_cohort = seg->pd_by_year != NULL || seg->kind == PS_SEGMENT_POLICY; /* policies: by issue cohort */
      double total = 0;
      for (int c = lo; c <= hi; c++) total += a[c];
      if (total < 1) continue;
      for (int c = by_cohort ? lo : hi; c <= hi; c++) {
        double at_risk = by_cohort ? a[c] : total;
        if (at_risk < 1) continue;
        int age = by_cohort ? t - c : 0;
        double p = seg->kind == PS_SEGMENT_BRIDGE ? seg->hazard[0] /* declines do not load on the factors */
                                                  : ps_phi((seg->threshold[age] - systematic) / scale);
        double d = (double)ps_binomial(default_rng, p, (unsigned)at_risk);
        drawn += d;
        if (by_cohort) a[c] -= d;
        else
          for (int k = lo; k <= hi; k++) a[k] -= d * a[k] / total;
      }
    }
    if (m->ntape_buckets) drawn += tape_buckets(m, t, alive, z, s, default_rng);
  }
  return drawn;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: floor SCENARIO PATHS [KEY=VALUE ...]\n");
    return PS_EINPUT;
  }
  gsl_set_error_handler_off();
  int nsets = argc - 3;
  ps_override sets[64];
  if (nsets > 64) nsets = 64;
  for (int i = 0; i < nsets; i++) {
    char *eq = strchr(argv[3 + i], '=');
    if (!eq) {
      fprintf(stderr, "floor: %s: KEY=VALUE expected\n", argv[3 + i]);
      return PS_EINPUT;
    }
    *eq = 0;
    sets[i] = (ps_override){argv[3 + i], eq + 1};
  }
  ps_model m;
  char err[2048];
  if (ps_scenario_load(argv[1], sets, nsets, &m, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    ps_model_destroy(&m);
    return PS_EINPUT;
  }
  long paths = atol(argv[2]);
  int T = m.periods;
  double **alive = calloc((size_t)m.nsegments + 1, sizeof *alive);
  double *z = calloc((size_t)T + 1, sizeof *z), *s = calloc(((size_t)T + 1) * ((size_t)m.nsectors + 1), sizeof *s);
  gsl_rng *factor_rng = ps_rng_new(), *default_rng = ps_rng_new(), *volume_rng = ps_rng_new();
  int ok = alive && z && s && factor_rng && default_rng && volume_rng;
  for (int g = 0; ok && g < m.nsegments; g++) {
    int origin = m.segments[g].first < 1 ? m.segments[g].first : 1;
    ok = (alive[g] = calloc((size_t)(T - origin + 2), sizeof **alive)) != NULL;
  }
  double sum = 0, t0 = now();
  for (long i = 0; ok && i < paths; i++) {
    ps_rng_seed_stream(factor_rng, m.seed, (uint64_t)i, PS_STREAM_FACTORS);
    ps_rng_seed_stream(default_rng, m.seed, (uint64_t)i, PS_STREAM_DEFAULTS);
    ps_rng_seed_stream(volume_rng, m.seed, (uint64_t)i, PS_STREAM_VOLUMES);
    sum += path(&m, factor_rng, default_rng, volume_rng, alive, z, s);
  }
  double seconds = now() - t0;
  if (ok) printf("\"seconds\": %.9g,\n\"defaults\": %.17g\n", seconds, sum);
  else fprintf(stderr, "floor: out of memory\n");
  for (int g = 0; alive && g < m.nsegments; g++) free(alive[g]);
  free(alive);
  free(z);
  free(s);
  gsl_rng_free(factor_rng);
  gsl_rng_free(default_rng);
  gsl_rng_free(volume_rng);
  ps_model_destroy(&m);
  return ok ? PS_OK : PS_ERUNTIME;
}
