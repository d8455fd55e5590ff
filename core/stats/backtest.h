/* backtest.h — the back-test's result as a C value (the struct behind the opaque
** ps_backtest of include/poolsim/backtest.h) and the comparison that makes it:
** per programme the actual file names and per figure it gives (defaults,
** claims), each actual placed in the distribution of the same figure over the
** paths, by period and summed over the file's periods so far, and the verdict
** as findings the renderers put in words. No I/O: the actual file is read by
** scenario/actual.c, the paths are run by sim/montecarlo.c. */
#ifndef PS_STATS_BACKTEST_H
#define PS_STATS_BACKTEST_H

#include "poolsim/backtest.h"
#include "scenario/actual.h"
#include "scenario/model.h"
#include "sim/outcomes.h"

/* the quantiles of a figure's fan chart, per period */
enum { PS_FAN_P005, PS_FAN_P05, PS_FAN_P50, PS_FAN_P95, PS_FAN_P995, PS_FAN_N };

typedef struct {
  int npoints;                   /* 0: the file does not give this figure for the programme */
  ps_backtest_point *points;     /* [npoints] in period order: the period alone */
  ps_backtest_point *cumulative; /* [npoints]: summed over the file's periods up to it */
  double *fan;                   /* [periods * PS_FAN_N]: the figure's forecast quantiles in every period */
} ps_backtest_series;

typedef struct {
  char *id;
  int programme; /* its index in the model */
  ps_backtest_series series[PS_BACKTEST_NMEASURES];
} ps_backtest_entry;

/* one line of the verdict. band 99 or 90: the point (of period `period`, or
** the cumulative figure up to it) lies outside that band, above (direction +1:
** the forecast under-predicted) or below (-1: it over-predicted); band 0: the
** series' summary, how many of its npoints periods lie outside each band */
typedef struct {
  int entry;
  ps_backtest_measure measure;
  int period, cumulative, band, direction;
  int npoints, outside90, outside99;
} ps_backtest_finding;

struct ps_backtest {
  char *name, *file, *sha256; /* the scenario's */
  char *actual_file, actual_sha256[65];
  long paths;
  unsigned long long seed;
  int periods;
  ps_step step;
  int nentries;
  ps_backtest_entry *entries; /* the programmes the actual file names, in the scenario's order */
  int nfindings;
  ps_backtest_finding *findings;
};

/* ps_backtest_track — which programmes the actual file names: track[k] = 1 or 0 (nprogrammes) */
void ps_backtest_track(const ps_model *m, const ps_actual *a, unsigned char *track);

/* ps_backtest_compare — compare a with the outcomes o of m (run with ps_backtest_track's programmes
** tracked; seed: the run's) into a new *out; PS_OK, or PS_ERUNTIME when out of memory */
int ps_backtest_compare(const ps_model *m, const ps_actual *a, const ps_outcomes *o, unsigned long long seed,
                        ps_backtest **out);

/* ps_backtest_place — where x lies among sorted[0..n-1] (ascending): its mid-rank percentile,
** the band quantiles and the two flags, into *p (period left as it is) */
void ps_backtest_place(const double *sorted, size_t n, double x, ps_backtest_point *p);

#endif
