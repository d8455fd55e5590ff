/* test_lua_env.c — what the sandbox (core/lua_env.c, core/lua_meter.c) charges
** to a script's instruction budget, and what it refuses to hand to the C
** reader. Each loop is compared with the same loop doing only Lua arithmetic:
** a loop that allocates or calls a library function at every step must run out
** of budget in far fewer steps (uncharged, these ran 10 to 200 seconds within
** the load budget; found by tests/fuzz/fuzz_scenario). */
#include <lauxlib.h>
#include <string.h>

#include "check.h"
#include "lua/lua_env.h"
#include "sim/rng.h"

/* runs src with a budget of 1e6 instructions; returns the steps the global
** `count` reached, and the message in err */
static double steps_until_spent(gsl_rng *r, const char *src, char *err, size_t errlen) {
  lua_State *L = ps_lua_new(r);
  if (!L) return -1;
  luaL_loadbufferx(L, src, strlen(src), "@loop.lua", "t");
  ps_lua_set_budget(L, 1000000);
  err[0] = '\0';
  if (ps_lua_pcall(L, 0, 0) != LUA_OK) snprintf(err, errlen, "%s", lua_tostring(L, -1));
  lua_getglobal(L, "count");
  double count = lua_tonumber(L, -1);
  ps_lua_free(L);
  return count;
}

/* the message for scenario source src */
static void run_scenario(gsl_rng *r, const char *src, char *err, size_t errlen) {
  lua_State *L = ps_lua_new(r);
  err[0] = '\0';
  if (L && ps_lua_run_scenario(L, "s.lua", src, strlen(src), err, errlen) == 0) snprintf(err, errlen, "(accepted)");
  ps_lua_free(L);
}

#define SCENARIO_END                                                                                       \
  "  name = 'x', periods = 1, parties = {}, pools = {}, segments = {}, programmes = {} }\n"

int main(void) {
  gsl_rng *r = ps_rng_new();
  char err[512];
  double plain = steps_until_spent(r, "count = 0 while true do count = count + 1 end", err, sizeof err);
  CHECK(strstr(err, "loop.lua:1: instruction budget exceeded") != NULL);
  CHECK(plain > 100000);

  double allocating = steps_until_spent(r, "count = 0 while true do count = count + 1; local t = {} end", err, sizeof err);
  CHECK(strstr(err, "instruction budget exceeded") != NULL);
  CHECK(allocating > 0 && allocating < plain / 3);

  double calling = steps_until_spent(r, "count = 0 local s = '' while true do count = count + 1; s:upper() end", err,
                                     sizeof err);
  CHECK(calling > 0 && calling < plain / 3);

  double copying = steps_until_spent(r, "local s = ('x'):rep(1 << 16) count = 0 while true do count = count + 1; "
                                        "local t = s:upper() end", err, sizeof err);
  CHECK(copying > 0 && copying < plain / 1000);

  double moving = steps_until_spent(r, "count = 0 while true do count = count + 1; table.move({}, 1, 1e5, 2) end", err,
                                    sizeof err);
  CHECK(moving > 0 && moving < plain / 1000);

  /* one search that would backtrack for hours is refused before it starts */
  steps_until_spent(r, "count = 0 local s = ('a'):rep(3000) s:find('.-.-.-b') count = 1", err, sizeof err);
  CHECK(strstr(err, "loop.lua:1: instruction budget exceeded (the pattern could backtrack") != NULL);
  /* ... while ordinary ones still work, with the script's line in their errors */
  CHECK_NEAR(steps_until_spent(r, "count = (('city_bank'):gsub('_bank', '')) == 'city' and ('a,b,c'):match('^(.-),') "
                                  "== 'a' and #table.concat({('x'):rep(10)}, ',') == 10 and 1 or -1", err, sizeof err),
             1, 0);
  lua_State *L = ps_lua_new(r);
  const char *bad = "string.rep()";
  luaL_loadbufferx(L, bad, strlen(bad), "@bad.lua", "t");
  CHECK(ps_lua_pcall(L, 0, 0) != LUA_OK && strstr(lua_tostring(L, -1), "bad.lua:1: bad argument #1 to 'rep'"));
  ps_lua_free(L);

  /* tables the C reader would meet with a metamethod are refused */
  run_scenario(r, "return poolsim.scenario{ extra = setmetatable({}, {__index = error}),\n" SCENARIO_END, err,
               sizeof err);
  CHECK(strstr(err, "s.lua:1: extra has a metatable") != NULL);
  run_scenario(r, "local t = {}\nreturn poolsim.scenario{ list = { {t}, [t] = 1 }, ok = getmetatable(poolsim.scenario{}),\n"
                  SCENARIO_END, err, sizeof err);
  CHECK(strcmp(err, "(accepted)") == 0);
  run_scenario(r, "local s = poolsim.scenario{\n" SCENARIO_END "return setmetatable(s, {})", err, sizeof err);
  CHECK(strstr(err, "cannot change a protected metatable") != NULL);
  run_scenario(r, "error({})", err, sizeof err);
  CHECK(strncmp(err, "s.lua:1: (error object is a table value)", 41) == 0);
  gsl_rng_free(r);
  return check_summary("test_lua_env");
}
