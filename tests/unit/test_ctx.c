/* test_ctx.c — the ctx object of policy hooks (core/lua/ctx.c) on a path of
** tests/scenarios/hook_topup.lua: its data fields, its methods (a table that
** is the metatable's __index, so a method is the same function on every
** access), what they do to the path, and its error messages, which hooks see
** word for word (docs/scenario.md, Policies). */
#include <gsl/gsl_errno.h>
#include <lauxlib.h>
#include <string.h>

#include "check.h"
#include "lua/ctx.h"
#include "lua/lua_env.h"
#include "scenario/scenario.h"
#include "sim/rng.h"

/* run src (with the global ctx) and return its first result as a string, or
** its error message, in out */
static void run(lua_State *L, const char *src, char *out, size_t outlen) {
  out[0] = '\0';
  ps_lua_set_budget(L, 1000000);
  if (luaL_loadbufferx(L, src, strlen(src), "@hook.lua", "t") != LUA_OK || ps_lua_pcall(L, 0, 1) != LUA_OK) {
    snprintf(out, outlen, "error: %s", lua_tostring(L, -1));
  } else {
    const char *s = luaL_tolstring(L, -1, NULL);
    snprintf(out, outlen, "%s", s);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

#define CHECK_RUN(L, src, want)                                                  \
  do {                                                                           \
    char got_[512];                                                              \
    run(L, src, got_, sizeof got_);                                              \
    CHECK(strcmp(got_, want) == 0);                                              \
    if (strcmp(got_, want) != 0) fprintf(stderr, "  %s\n  got  %s\n  want %s\n", src, got_, want); \
  } while (0)

int main(void) {
  gsl_set_error_handler_off();
  ps_model m;
  char err[1024];
  if (ps_scenario_load("tests/scenarios/hook_topup.lua", NULL, 0, &m, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    CHECK(0);
    return check_summary("test_ctx");
  }
  gsl_rng *r = ps_rng_new();
  ps_path *w = ps_path_new(&m, NULL, 1);
  lua_State *L = r ? ps_lua_new(r) : NULL;
  CHECK(w && L && ps_path_reset(w) == 0);
  if (!w || !L) return check_summary("test_ctx");
  ps_ctx c = {&m, w, 14, NULL}; /* monthly: twelve periods a year */
  ps_ctx_push(L, &c);
  lua_setglobal(L, "ctx");

  /* data fields, read when asked */
  CHECK_RUN(L, "return ctx.period .. ' ' .. ctx.year .. ' ' .. ctx.periods_per_year", "14 2 12");
  c.period = 25;
  CHECK_RUN(L, "return ctx.period .. ' ' .. ctx.year", "25 3");
  /* methods: one table, the same function each time */
  CHECK_RUN(L, "return type(getmetatable(ctx).__index)", "table");
  CHECK_RUN(L, "return ctx.pool == ctx.pool and getmetatable(ctx).__index.topup == ctx.topup", "true");
  CHECK_RUN(L, "return getmetatable(ctx).__name", "poolsim.Context");
  CHECK_RUN(L, "return (tostring(ctx):gsub(': .*', ''))", "poolsim.Context");

  /* what the methods do to the path */
  CHECK_RUN(L, "ctx:topup('fund', 1.5) return ctx:pool('fund').balance", "1.5");
  CHECK_EQ_INT(ps_path_pool_balance(w, 0), 150);
  CHECK_RUN(L, "ctx:suspend('prog') return ctx:programme('prog').paused", "true");
  ps_programme_view v;
  ps_path_programme_view(w, 0, &v);
  CHECK_EQ_INT(v.paused, 1);
  CHECK_RUN(L, "ctx:resume('prog') return ctx:programme('prog').paused", "false");
  CHECK_RUN(L, "local p = ctx:programme('prog') return p.id .. p.npl_ratio .. p.defaults .. p.originated", "prog0.000");

  /* messages */
  CHECK_RUN(L, "return ctx.nope", "error: hook.lua:1: ctx has no field 'nope' (see docs/scenario.md, Policies)");
  CHECK_RUN(L, "return ctx[1]", "error: hook.lua:1: ctx has no field '1' (see docs/scenario.md, Policies)");
  CHECK_RUN(L, "return ctx[true]", "error: hook.lua:1: bad argument #2 to 'index' (string expected, got boolean)");
  CHECK_RUN(L, "ctx.period = 3",
            "error: hook.lua:1: ctx is read-only: act through its methods (ctx:topup, ctx:suspend, ...)");
  CHECK_RUN(L, "ctx.pool = print",
            "error: hook.lua:1: ctx is read-only: act through its methods (ctx:topup, ctx:suspend, ...)");
  CHECK_RUN(L, "return ctx.pool('fund')",
            "error: hook.lua:1: bad argument #1 to 'pool' (poolsim.Context expected, got string)");
  CHECK_RUN(L, "return ctx:pool('nope')", "error: hook.lua:1: ctx:pool: no pool with id 'nope'");
  CHECK_RUN(L, "return ctx:topup('fund', -1)",
            "error: hook.lua:1: ctx:topup: the amount must be a number of yuan in [0, 1e15], got -1.0");
  CHECK_RUN(L, "return ctx:programme('x')", "error: hook.lua:1: ctx:programme: no programme with id 'x'");
  CHECK_RUN(L, "return ctx:suspend()", "error: hook.lua:1: bad argument #1 to 'suspend' (string expected, got no value)");
  CHECK_RUN(L, "return ctx:set_share('prog', { fund = 0.3 })",
            "error: hook.lua:1: ctx:set_share: fractions sum to 0.3, expected 1");
  CHECK_RUN(L, "return ctx:set_share('prog', { x = 1 })",
            "error: hook.lua:1: ctx:set_share: 'x' is not a payer of programme 'prog'");
  CHECK_RUN(L, "return ctx:set_share('prog', 5)",
            "error: hook.lua:1: bad argument #2 to 'set_share' (table expected, got number)");

  ps_lua_free(L);
  ps_path_free(w);
  gsl_rng_free(r);
  ps_model_destroy(&m);
  return check_summary("test_ctx");
}
