/* policy.h — Lua policy hooks called inside a path: on_period(ctx),
** on_default(loan, ctx) and each programme's split(loss, loan, ctx).
**
** A worker owns one ps_policy and one sandboxed Lua state. Before each path the
** state's shared tables (globals, libraries, the string and ctx metatables) are
** restored to a snapshot taken when it was new and the compiled scenario runs
** again, so every hook, upvalue and global is fresh: a hook cannot carry state
** from one path to the next, and results stay the same whatever the thread
** count or path order. Hooks
** see `ctx` (lua/ctx.h; docs/scenario.md): ctx.period, ctx:pool(id), ctx:topup(id, yuan),
** ctx:programme(id), ctx:suspend(id), ctx:resume(id), ctx:set_share(id, t). */
#ifndef PS_POLICY_H
#define PS_POLICY_H

#include <stddef.h>
#include <stdint.h>

#include "scenario/model.h"
#include "sim/loan_view.h"
#include "sim/path_state.h"

/* ps_policy_new — the hooks of m for one worker (the scenario compiled once);
** NULL when out of memory */
ps_policy *ps_policy_new(const ps_model *m);
/* ps_policy_set_interrupt — from the next path on, a hook (or the scenario's re-run) stops as soon
** as interrupted() returns nonzero, failing its path (montecarlo.c passes ps_stop_signal) */
void ps_policy_set_interrupt(ps_policy *p, int (*interrupted)(void));
/* ps_policy_free — destroy p and its Lua state (NULL is fine) */
void ps_policy_free(ps_policy *p);

/* ps_policy_on_period — the start of period t: call on_period(ctx) if the scenario has it; PS_OK, or
** PS_EINPUT (the hook failed) with a message naming the hook and period */
int ps_policy_on_period(ps_policy *p, ps_path *w, int t, char *err, size_t errlen);

/* ps_policy_on_default — on_default(loan, ctx): may return { lgd = x } to change the loss given default;
** PS_OK, or PS_EINPUT (the hook failed) with a message */
int ps_policy_on_default(ps_policy *p, ps_path *w, ps_loan_view *loan, char *err, size_t errlen);

/* ps_policy_split — the programme's split(loss, loan, ctx): fractions of the loss per share of
** the programme (in its share order) into fractions[]; PS_OK, or PS_EINPUT (the hook failed) with a
** message */
int ps_policy_split(ps_policy *p, ps_path *w, const ps_loan_view *loan, double *fractions, char *err,
                    size_t errlen);

/* ps_policy_begin_path — start path `index`: a fresh state, math.random on the path's policy stream;
** PS_OK, or PS_ERUNTIME (out of memory, or the compiled scenario failed to run again) with a message */
int ps_policy_begin_path(ps_policy *p, uint64_t seed, long index, char *err, size_t errlen);

#endif
