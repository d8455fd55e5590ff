/* ctx.h — the `ctx` object policy hooks receive (docs/scenario.md, Policies):
** ctx.period, ctx.year, ctx.periods_per_year; ctx:pool(id), ctx:topup(id,
** yuan), ctx:programme(id), ctx:suspend(id), ctx:resume(id),
** ctx:set_share(id [, t]). It reads and acts on a path through the primitives
** of sim/path_state.h, and is read-only to Lua. Called by sim/policy.c. */
#ifndef PS_CTX_H
#define PS_CTX_H

#include <lua.h>

#include "lua/loan_table.h"
#include "scenario/model.h"
#include "sim/path_state.h"

/* what a ctx reads and acts on; its owner sets path and period before each
** hook call */
typedef struct {
  const ps_model *m;
  ps_path *path; /* the path being run */
  int period;    /* the period being run */
  ps_loan_table *loans; /* the state's loan tables, filled before a method reads one raw; NULL: none */
} ps_ctx;

/* ps_ctx_push — push a ctx userdata for c, which must outlive the state. The
** first call in a state builds its metatable and methods table, bound to c:
** make one ctx per state. */
void ps_ctx_push(lua_State *L, ps_ctx *c);

/* ps_ctx_read_fractions — read the table at idx, { payer id = value }, into
** fractions of the loss over programme k's shares: values are fractions
** summing to 1, or (when total > 0) yuan summing to total. Raises a Lua error
** naming `who` otherwise. */
void ps_ctx_read_fractions(lua_State *L, int idx, const ps_model *m, int k, double total, const char *who,
                           double *fractions);
/* ps_ctx_try_fractions — the same, but 0 where it would raise (or the value at idx is not a table),
** 1 when read: it cannot fail, so C may call it outside a protected call */
int ps_ctx_try_fractions(lua_State *L, int idx, const ps_model *m, int k, double total, double *fractions);

#endif
