/* copula.h — the default threshold of the scenario's copula: a loan defaults
** in a period when its latent variable falls below the threshold of its
** hazard. The loader precomputes it per age (scenario_risk.c); paths under a
** PD stress recompute it (sim/factors.c). */
#ifndef PS_COPULA_H
#define PS_COPULA_H

#include "scenario/model.h"

/* Φ⁻¹(hazard) for the Gaussian copula, t_ν⁻¹(hazard) for the t copula;
** -inf for hazard <= 0, +inf for hazard >= 1 */
double ps_copula_threshold(const ps_model *m, double hazard);

/* the moral-hazard factor on a segment's PD: 1 + its programme's moral_hazard x the share of a
** mean-size loan's loss that payers other than the bank cover (scenario_risk.c) */
double ps_segment_uplift(const ps_model *m, const ps_segment *seg);

#endif
