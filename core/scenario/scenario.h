/* scenario.h — load a scenario file into a validated ps_model.
**
** The file runs once in a sandboxed Lua state; `--set` overrides are applied to
** the table it returns; then every field is read and checked before any path
** runs. Errors name the file and line of the offending field (or the --set that
** supplied it): "scenarios/x.lua:42: segment 'startup': field 'pd': ...". */
#ifndef PS_SCENARIO_H
#define PS_SCENARIO_H

#include <stddef.h>

#include "scenario/model.h"
#include "poolsim/poolsim.h"

/* Load and validate. Returns PS_OK and fills *m (free with ps_model_destroy), or
** PS_EINPUT with a message in err (bad file, bad field, bad --set), or
** PS_ERUNTIME when memory runs out. */
int ps_scenario_load(const char *file, const ps_override *sets, int nsets, ps_model *m,
                     char *err, size_t errlen);

/* the number a field of the scenario holds (after the overrides), by its --set
** path, e.g. "segments.startup.pd"; PS_OK, or PS_EINPUT with a message */
int ps_scenario_number(const char *file, const ps_override *sets, int nsets, const char *key, double *out, char *err,
                       size_t errlen);

/* ps_scenario_scale_volume — give a Poisson volume of m's a new mean, with its bound
** (scenario_uncertain.c): `size --volume` scales lending */
void ps_scenario_scale_volume(const ps_model *m, ps_demand *v, double mean);

/* every key --set can change in the file as written (with sets applied), one
** a line, sorted, in *out (free() it); PS_OK or an error with its message */
int ps_scenario_keys(const char *file, const ps_override *sets, int nsets, char **out, char *err, size_t errlen);

#endif
