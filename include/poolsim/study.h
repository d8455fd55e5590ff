/* study.h — studies: several runs on common random numbers (the same seed and
** paths, so differences come from the policy): compare two scenarios, sweep
** keys over values, a tornado of sensitivities, the largest lending a pool
** supports.
**
** A study is a value: ps_<study>_run computes it (no files, no printing) into
** a heap object read through the getters below and freed with ps_<study>_free
** (NULL is fine). The renderers turn it into bytes: the JSON document of
** docs/json-schema.md, the terminal text, an HTML page; each returns a string
** to free(), or NULL when out of memory. Amounts in yuan, probabilities as
** fractions. Every function is thread-safe on distinct objects.
**
**   ps_compare *c; char err[1024];
**   if (ps_compare_run(a, b, &o, NULL, &c, err, sizeof err)) ...
**   ps_difference d = ps_compare_depletion(c, 0);  // B − A with its 95% interval
**   char *json = ps_report_compare_json(c);
**   free(json); ps_compare_free(c); */
#ifndef POOLSIM_STUDY_H
#define POOLSIM_STUDY_H

#include <stddef.h>

#include "poolsim/poolsim.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PS_MAX_VARY 2   /* keys in one sweep: a line or a grid */
#define PS_MAX_VALUES 64

/* one --vary KEY=V1,V2,... */
typedef struct {
  const char *key;
  const char *values[PS_MAX_VALUES];
  int nvalues;
} ps_vary;

/* what a study sizes for and which pool it looks at; NULL options: the defaults */
typedef struct {
  const double *alphas; /* depletion targets to size for; NULL: 0.10, 0.05, 0.01 */
  int nalphas;
  const char *pool;     /* sweep: only this pool; max volume: this pool (NULL: the first) */
} ps_study_options;

typedef struct ps_compare ps_compare;
typedef struct ps_sweep ps_sweep;
typedef struct ps_tornado ps_tornado;
typedef struct ps_volume ps_volume;
typedef struct ps_breakeven ps_breakeven;

/* A's and B's figure and the paired difference B − A over paths, with its
** standard error and 95% interval (diff ∓ 1.959964 se) */
typedef struct {
  double a, b, diff, se, lo, hi;
} ps_difference;

/* ---- every party -------------------------------------------------------------
** Each study also shows figures of the scenario's parties, in its order of parties: a
** government's total outlay ("outlay", yuan) and PV cost ("cost_pv", yuan, docs/model.md §10), an
** insurer's mean loss ratio ("loss_ratio"), a guarantor's mean payout rate ("payout_rate"), a
** bank's NPL breach probability ("npl_breach", banks with an npl_tolerance). Figure f of a study
** is party <study>_figure_party(f)'s measure <study>_figure_measure(f); each value is a
** ps_difference paired path by path on common random numbers. */

/* ---- compare ---------------------------------------------------------------
** Run a and b with the same options (give them the same seed and paths): per
** pool id they share (in a's order), each one's mean net outlay, P(depletion)
** and sizing, and the paired differences. PS_OK, PS_EINPUT (no pool in common,
** or more paths than memory holds) or PS_ERUNTIME, with a message in err. */
int ps_compare_run(const ps_model *a, const ps_model *b, const ps_options *opt, const ps_study_options *so,
                   ps_compare **out, char *err, size_t errlen);
void ps_compare_free(ps_compare *c);
long ps_compare_paths(const ps_compare *c);
unsigned long long ps_compare_seed(const ps_compare *c);
int ps_compare_npools(const ps_compare *c);
const char *ps_compare_pool(const ps_compare *c, int pool); /* the id of shared pool `pool` */
ps_difference ps_compare_net_outlay(const ps_compare *c, int pool);
ps_difference ps_compare_depletion(const ps_compare *c, int pool);
int ps_compare_nalphas(const ps_compare *c);
double ps_compare_alpha(const ps_compare *c, int k);
/* the smallest initial balance with P(depletion) <= alpha k, of A (side 0) or B (side 1) */
double ps_compare_required_initial(const ps_compare *c, int pool, int k, int side);
/* the party figures A and B share (the same party id and kind): a of A, b of B, diff B − A */
int ps_compare_nfigures(const ps_compare *c);
const char *ps_compare_figure_party(const ps_compare *c, int f);
const char *ps_compare_figure_measure(const ps_compare *c, int f);
ps_difference ps_compare_figure(const ps_compare *c, int f);

/* ---- sweep -----------------------------------------------------------------
** Run the scenario once per combination of the varied values (on top of
** `sets`; the last key varies fastest): a row per combination, a column per
** pool. PS_OK, PS_EINPUT (a bad file, key or value) or PS_ERUNTIME. */
int ps_sweep_run(const char *file, const ps_override *sets, int nsets, const ps_vary *vary, int nvary,
                 const ps_options *opt, const ps_study_options *so, ps_sweep **out, char *err, size_t errlen);
void ps_sweep_free(ps_sweep *s);
int ps_sweep_nkeys(const ps_sweep *s);
const char *ps_sweep_key(const ps_sweep *s, int k);
long ps_sweep_nrows(const ps_sweep *s);
const char *ps_sweep_value(const ps_sweep *s, long row, int k); /* the value of key k in that row, as given */
int ps_sweep_npools(const ps_sweep *s, long row); /* the pools shown in that row (in the scenario's order) */
const char *ps_sweep_pool(const ps_sweep *s, long row, int pool);
double ps_sweep_depletion(const ps_sweep *s, long row, int pool);
double ps_sweep_net_outlay_mean(const ps_sweep *s, long row, int pool);
double ps_sweep_net_outlay_p95(const ps_sweep *s, long row, int pool);
int ps_sweep_nalphas(const ps_sweep *s);
double ps_sweep_alpha(const ps_sweep *s, int k);
double ps_sweep_required_initial(const ps_sweep *s, long row, int pool, int k);
/* the party figures of each row: a the first row's, b this row's, diff this row's − the first's */
int ps_sweep_nfigures(const ps_sweep *s);
const char *ps_sweep_figure_party(const ps_sweep *s, int f);
const char *ps_sweep_figure_measure(const ps_sweep *s, int f);
ps_difference ps_sweep_figure(const ps_sweep *s, long row, int f);

/* ---- tornado ---------------------------------------------------------------
** Sensitivity: move each key's value by -by and +by (relative to the
** scenario's; a whole number of 1 or more stays whole) and measure each pool's
** p95 net outlay and P(depletion); keys ordered by how far the p95 swings,
** widest first. PS_OK, PS_EINPUT (a bad file or key) or PS_ERUNTIME. */
int ps_tornado_run(const char *file, const ps_override *sets, int nsets, const char *const *keys, int nkeys,
                   double by, const ps_options *opt, ps_tornado **out, char *err, size_t errlen);
void ps_tornado_free(ps_tornado *t);
double ps_tornado_by(const ps_tornado *t);
int ps_tornado_nkeys(const ps_tornado *t);
const char *ps_tornado_key(const ps_tornado *t, int k); /* k-th widest swing */
int ps_tornado_npools(const ps_tornado *t);
const char *ps_tornado_pool(const ps_tornado *t, int pool);
/* side -1: the key moved down, 0: the scenario's own value (any k), +1: up */
double ps_tornado_value(const ps_tornado *t, int k, int side);
double ps_tornado_p95(const ps_tornado *t, int k, int side, int pool);
double ps_tornado_depletion(const ps_tornado *t, int k, int side, int pool);
/* the party figures: the scenario's own value, and for key k a moved down, b moved up, diff the
** swing b − a with its interval */
int ps_tornado_nfigures(const ps_tornado *t);
const char *ps_tornado_figure_party(const ps_tornado *t, int f);
const char *ps_tornado_figure_measure(const ps_tornado *t, int f);
double ps_tornado_figure_base(const ps_tornado *t, int f);
ps_difference ps_tornado_figure(const ps_tornado *t, int k, int f);

/* ---- largest volume --------------------------------------------------------
** The largest lending a pool supports: every segment whose programme pays into
** the pool lends k times its new loans (rounded to whole loans), and k is the
** largest (to 1%) with P(the pool runs short) <= alpha at the pool's own
** initial balance, found by bisection on common random numbers (k from 0 to
** 1024). PS_OK, PS_EINPUT (a bad file or pool id) or PS_ERUNTIME. */
int ps_volume_run(const char *file, const ps_override *sets, int nsets, const ps_options *opt,
                  const ps_study_options *so, ps_volume **out, char *err, size_t errlen);
void ps_volume_free(ps_volume *v);
const char *ps_volume_pool(const ps_volume *v);
double ps_volume_base_lending(const ps_volume *v);   /* the scenario's covered lending (k = 1) */
double ps_volume_base_depletion(const ps_volume *v); /* and its P(depletion) */
int ps_volume_nalphas(const ps_volume *v);
double ps_volume_alpha(const ps_volume *v, int k);
double ps_volume_scale(const ps_volume *v, int k);     /* the largest k for alpha k */
double ps_volume_lending(const ps_volume *v, int k);   /* the covered lending at that k */
double ps_volume_depletion(const ps_volume *v, int k); /* P(depletion) at that k, at most alpha k */
/* the party figures for alpha k: a at k = 1, b at the largest k, diff b − a */
int ps_volume_nfigures(const ps_volume *v);
const char *ps_volume_figure_party(const ps_volume *v, int f);
const char *ps_volume_figure_measure(const ps_volume *v, int f);
ps_difference ps_volume_figure(const ps_volume *v, int k, int f);
double ps_volume_loans_per_period(const ps_volume *v, int k); /* the lending originated there: loans a period */
double ps_volume_lending_per_year(const ps_volume *v, int k); /* ... and yuan a year */
/* what stops the lending at that k: "pool" (P(depletion) would pass alpha k), "leverage" (a
** programme's 放大倍数), "guarantor" (a guarantor's leverage_limit), "stopped" (a trigger stops
** lending), "other" (lending stops growing otherwise) or "search" (nothing up to k = 512) */
const char *ps_volume_binds(const ps_volume *v, int k);

/* ---- break-even terms -------------------------------------------------------
** The value of a rate or share field (a --set key, e.g. "parties.reg.reguarantee_fee") at which a
** party's expected cost in present value is zero, or (with use_target) an insurer's expected loss
** ratio or a guarantor's expected payout rate equals target. A government's cost is the one of
** docs/model.md §10; another party's is minus its net result, its flows discounted alike. Each
** value is a run on common random numbers (the same seed and paths); bisection to 1/10 000 of
** the range finds the value where the expected figure crosses the target, and again where it
** plus and minus 1.96 standard errors does, which bound its 95% interval. PS_OK; PS_EINPUT for a
** bad file, key, party, range, or a target no value in the range reaches (the message says what
** the figure is at both ends); PS_ERUNTIME. */
typedef struct {
  const char *field;  /* the key varied */
  const char *party;  /* whose figure: NULL, the first government (or, with use_target, insurer) */
  int use_target;     /* 0: PV cost zero; 1: the party's loss ratio or payout rate equals target */
  double target;
  double lo, hi;      /* the range searched; lo = hi = 0: [0, 1] */
} ps_breakeven_options;

int ps_breakeven_run(const char *file, const ps_override *sets, int nsets, const ps_options *opt,
                     const ps_breakeven_options *bo, ps_breakeven **out, char *err, size_t errlen);
void ps_breakeven_free(ps_breakeven *b);
const char *ps_breakeven_field(const ps_breakeven *b);
const char *ps_breakeven_party(const ps_breakeven *b);
const char *ps_breakeven_measure(const ps_breakeven *b); /* "pv_cost", "loss_ratio" or "payout_rate" */
double ps_breakeven_target(const ps_breakeven *b);
double ps_breakeven_value(const ps_breakeven *b);
/* the 95% interval of the value; a side no value in the range reaches is the range's end, with
** *open set (open may be NULL) */
double ps_breakeven_ci(const ps_breakeven *b, int side, int *open); /* side 0: low, 1: high */
int ps_breakeven_nruns(const ps_breakeven *b);

/* ---- renderers -------------------------------------------------------------
** JSON: the document of docs/json-schema.md. Text: the terminal summary the
** CLI prints, and HTML one self-contained page with one chart, each with labels in lang
** ("zh" or "en"; NULL: zh when the scenario's name has Chinese). Each returns a
** string to free(), NULL when out of memory. */
char *ps_report_compare_json(const ps_compare *c);
char *ps_report_compare_text(const ps_compare *c, const char *lang);
char *ps_report_compare_html(const ps_compare *cmp, const char *lang);
char *ps_report_sweep_json(const ps_sweep *s);
char *ps_report_sweep_text(const ps_sweep *s, const char *lang);
char *ps_report_sweep_html(const ps_sweep *s, const char *lang);
char *ps_report_tornado_json(const ps_tornado *t);
char *ps_report_tornado_text(const ps_tornado *t, const char *lang);
char *ps_report_tornado_html(const ps_tornado *t, const char *lang);
char *ps_report_volume_json(const ps_volume *v);
char *ps_report_volume_text(const ps_volume *v, const char *lang);
char *ps_report_volume_html(const ps_volume *v, const char *lang);
char *ps_report_breakeven_json(const ps_breakeven *b);
char *ps_report_breakeven_text(const ps_breakeven *b, const char *lang);
char *ps_report_breakeven_html(const ps_breakeven *b, const char *lang);

#ifdef __cplusplus
}
#endif

#endif
