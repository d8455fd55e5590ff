/* sampling.h — tail sampling: the shift of the systemic factor's innovations (docs/model.md,
** "Tail sampling").
**
** Under sampling = "importance" each path draws the innovations e_t of the systemic factor
** (z_1 = e_1, z_t = phi z_{t-1} + sqrt(1 - phi^2) e_t) from N(mu_t, 1) instead of N(0, 1) and
** carries the likelihood ratio w = exp(-sum mu_t e_t + sum mu_t^2 / 2) (sim/factors.c); every
** statistic is then weighted by w (stats/weighted.h).
**
** The shift mu = -m d is chosen here, deterministically from the model, the seed and the sizing
** level alpha (never from threads, ranks or the number of paths), in the manner of Glasserman and
** Li (2005):
** - its direction d is that of the horizon's average factor Zbar = sum_t z_t over the periods whose
**   factors are drawn (1..ps_factors_horizon, sim/factors.h), a linear form v'e
**   of the innovations: d = v / |v|, so Y = d'e is a standard normal that drives the losses;
** - its size m minimises the variance of the estimate of a tail probability alpha in a one-factor
**   reduction: if the pool's required balance R is driven by X = beta Y + sqrt(1 - beta^2) eps,
**   the estimator of P(X < -c), c = Phi^-1(1 - alpha), under the shift has second moment
**   exp(m^2) Phi(-c - beta m), least where 2 m Phi(-c - beta m) = beta phi(c + beta m)
**   (m = c for beta = 1, the Glasserman-Li point; smaller as beta falls);
** - beta is the correlation of Y with the first pool's required balance over a pilot of
**   PS_SAMPLING_PILOT plain paths on streams of their own (path indices from
**   PS_SAMPLING_PILOT_FIRST, which no run reaches), one thread. */
#ifndef PS_SAMPLING_H
#define PS_SAMPLING_H

#include <stddef.h>
#include <stdint.h>

#include "scenario/model.h"

/* the sizing level the shift aims at when none is given: the smallest of the targets every report
** shows (stats/sizing.h ps_alphas) */
#define PS_SAMPLING_ALPHA 0.01
#define PS_SAMPLING_PILOT 1000L
#define PS_SAMPLING_PILOT_FIRST (1L << 40)

/* ps_sampling_choose — mu[0..periods] (mu[0] = 0) for m, the run's seed, its initial balances (fen
** per pool, or NULL: the scenario's) and the depletion target alpha (0 < alpha < 1; else
** PS_SAMPLING_ALPHA). PS_OK; PS_EINPUT or PS_ERUNTIME as ps_path_run (a hook failed, memory), with
** a message. */
int ps_sampling_choose(const ps_model *m, uint64_t seed, const int64_t *initial, double alpha, double *mu, char *err,
                       size_t errlen);

/* ps_sampling_size — the m that minimises exp(m^2) Phi(-c - beta m) (see above); 0 when c <= 0 */
double ps_sampling_size(double c, double beta);

/* ps_sampling_refuse — PS_EINPUT with a message naming `what` ("backtest") when m asks for tail
** sampling, which run, size and the studies weight; else PS_OK */
int ps_sampling_refuse(const ps_model *m, const char *what, char *err, size_t errlen);

#endif
