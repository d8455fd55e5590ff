/* sampling.h — tail sampling: the shift of the systemic factor's innovations (docs/model.md,
** "Tail sampling").
**
** Under sampling = "importance" each path draws the innovations e_t of the systemic factor
** (z_1 = e_1, z_t = phi z_{t-1} + sqrt(1 - phi^2) e_t) from N(mu_t, 1) instead of N(0, 1) and
** carries the likelihood ratio w = exp(-sum mu_t e_t + sum mu_t^2 / 2) (sim/factors.c); every
** statistic is then weighted by w (stats/weighted.h). The shift is chosen here, analytically and
** from the model and the sizing level alone (so not from threads or ranks), in the manner of
** Glasserman and Li (2005): the losses are driven by the factor's average over the horizon,
** Zbar = sum_t z_t, a linear form v'e in the innovations; the tail event {Zbar below its
** alpha-quantile} is {v'e / |v| < Phi^-1(alpha)}, whose most likely point is
** mu = Phi^-1(alpha) v / |v|: the shift moves the innovations' mean there. */
#ifndef PS_SAMPLING_H
#define PS_SAMPLING_H

#include "scenario/model.h"

/* the sizing level the shift aims at when none is given: the smallest of the targets every report
** shows (stats/sizing.h ps_alphas) */
#define PS_SAMPLING_ALPHA 0.01

/* ps_sampling_shift — mu[1..periods] for m and the depletion target alpha (0 < alpha < 1; <= 0:
** PS_SAMPLING_ALPHA); mu[0] = 0. mu has room for m->periods + 1. */
void ps_sampling_shift(const ps_model *m, double alpha, double *mu);

/* ps_sampling_refuse — PS_EINPUT with a message naming `what` (a study, "backtest") when m asks for
** tail sampling, which only run and size weight; else PS_OK */
int ps_sampling_refuse(const ps_model *m, const char *what, char *err, size_t errlen);

#endif
