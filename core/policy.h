/* policy.h — Lua policy hooks called inside a path.
**
** A worker owns one ps_policy. Each path gets a fresh sandboxed Lua state
** running the scenario text, so a hook cannot carry state from one path to the
** next: results stay the same whatever the thread count or path order. The
** hook sees `ctx`: ctx.period, ctx:pool(id).balance (yuan), ctx:topup(id, yuan). */
#ifndef PS_POLICY_H
#define PS_POLICY_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "path.h"

/* NULL when out of memory */
ps_policy *ps_policy_new(const ps_model *m);
void ps_policy_free(ps_policy *p);

/* call on_period(ctx) for period t of path `index`; 0, or -1 with a message
** naming the hook, path and period */
int ps_policy_on_period(ps_policy *p, ps_path *w, long index, int t, char *err, size_t errlen);

/* start path `index`: a fresh state, math.random on the path's policy stream */
int ps_policy_begin_path(ps_policy *p, uint64_t seed, long index, char *err, size_t errlen);

#endif
