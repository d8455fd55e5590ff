/* test_lua_env.c — what the sandbox (core/lua_env.c, core/lua_meter.c) charges
** to a script's instruction budget, and what it refuses to hand to the C
** reader. Each loop is compared with the same loop doing only Lua arithmetic:
** a loop that allocates or calls a library function at every step must run out
** of budget in far fewer steps (uncharged, these ran 10 to 200 seconds within
** the load budget; found by tests/fuzz/fuzz_scenario). */
#include <lauxlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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

static double seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int asked_to_stop(void) { return 1; }

/* runs src with a hook's instruction budget and a deadline (and an
** interrupt when interrupt is set), as policy.c runs a hook; returns the
** seconds it took to stop, with the message in err, the global `count` in
** *count and why the state stopped in *why */
static double stop_time(gsl_rng *r, const char *src, double deadline, int interrupt, char *err, size_t errlen,
                        double *count, int *why) {
  lua_State *L = ps_lua_new(r);
  if (!L) return -1;
  luaL_loadbufferx(L, src, strlen(src), "@attack.lua", "t");
  ps_lua_set_budget(L, PS_LUA_HOOK_INSTRUCTIONS);
  ps_lua_set_deadline(L, deadline);
  if (interrupt) ps_lua_set_interrupt(L, asked_to_stop);
  double t0 = seconds();
  err[0] = '\0';
  if (ps_lua_pcall(L, 0, 0) != LUA_OK) snprintf(err, errlen, "%s", lua_tostring(L, -1));
  double t = seconds() - t0;
  *why = ps_lua_stopped(L);
  lua_getglobal(L, "count");
  *count = lua_tonumber(L, -1);
  ps_lua_free(L);
  return t;
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

/* Ways past the budget (issue 14): once it is spent nothing in the state runs
** again. Each attack must stop with its message, quickly, and leave `count`
** (which it raises only if the script went on after the stop) at 0. */
static void attacks(gsl_rng *r) {
  static const struct {
    const char *src, *message;
    int why;
  } cases[] = {
      /* 1: a message handler that runs once the budget is spent */
      {"count = 0 xpcall(function() while true do end end, function() while true do end end)",
       "attack.lua:1: instruction budget exceeded (a loop that does not end?)", PS_LUA_OVER_BUDGET},
      {"count = 0 xpcall(function() while true do end end, function(e) count = 1 return e end)",
       "attack.lua:1: instruction budget exceeded (a loop that does not end?)", PS_LUA_OVER_BUDGET},
      {"count = 0 local function h(e) return h(e) .. '' end xpcall(function() while true do end end, h)",
       "attack.lua:1: instruction budget exceeded (a loop that does not end?)", PS_LUA_OVER_BUDGET},
      {"count = 0 xpcall(function() while true do end end, function() count = 1 while true do end end)",
       "attack.lua:1: instruction budget exceeded (a loop that does not end?)", PS_LUA_OVER_BUDGET},
      /* 2: pcall in a loop, with a __close handler, with a charge or a memory error */
      {"count = 0 while true do pcall(function() while true do end end) count = count + 1 end",
       "attack.lua:1: instruction budget exceeded (a loop that does not end?)", PS_LUA_OVER_BUDGET},
      {"count = 0 while true do pcall(function() local x <close> = setmetatable({}, {__close = function() "
       "while true do end end}) while true do end end) count = count + 1 end",
       "attack.lua:1: instruction budget exceeded (a loop that does not end?)", PS_LUA_OVER_BUDGET},
      {"count = 0 local s = ('a'):rep(3000) while true do pcall(s.find, s, '.-.-.-b') count = count + 1 end",
       "instruction budget exceeded (the pattern could backtrack over this string for too long)", PS_LUA_OVER_BUDGET},
      {"count = 0 while true do pcall(string.rep, 'x', 17 << 20) count = count + 1 end", "not enough memory",
       PS_LUA_STRING_TOO_LONG},
      {"count = 0 while true do pcall(pcall, pcall, error) end", /* nested: the inner ones pass it on */
       "instruction budget exceeded (a loop that does not end?)", PS_LUA_OVER_BUDGET},
      /* 3: work in C that costs one instruction: refused above 16 MiB, charged, or stopped by the clock */
      {"count = 0 local a = ('a'):rep(16 << 20) .. 'b'", "not enough memory", PS_LUA_STRING_TOO_LONG},
      {"count = 0 local a, b = ('a'):rep((16 << 20) - 64) .. 'b', ('a'):rep((16 << 20) - 64) .. 'c' "
       "while true do local _ = a == b end", "attack.lua:1: time limit exceeded", PS_LUA_OVER_TIME},
      {"count = 0 local a, b = ('a'):rep((16 << 20) - 64) .. 'b', ('a'):rep((16 << 20) - 64) .. 'c' "
       "while true do local _ = a < b end", "attack.lua:1: time limit exceeded", PS_LUA_OVER_TIME},
      {"count = 0 local a, b = ('a'):rep(1 << 20) .. 'b', ('a'):rep(1 << 20) .. 'c' "
       "while true do local _ = rawequal(a, b) end", "attack.lua:1: instruction budget exceeded", PS_LUA_OVER_BUDGET},
      {"count = 0 local a = (' '):rep(1 << 20) .. '1' while true do local _ = tonumber(a) end",
       "attack.lua:1: instruction budget exceeded", PS_LUA_OVER_BUDGET},
      /* 5: slow stops */
      {"count = 0 while true do pcall(error) end", "attack.lua:1: instruction budget exceeded", PS_LUA_OVER_BUDGET},
      {"count = 0 local p = '[' .. ('%a%d%s'):rep(1000) .. ']' local s = ('!'):rep(1000) while true do s:find(p) end",
       "attack.lua:1: instruction budget exceeded", PS_LUA_OVER_BUDGET},
  };
  char err[512];
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    double count = -1;
    int why = -1;
    /* a short deadline where the clock must stop it, else one the budget comes well before */
    double t = stop_time(r, cases[i].src, cases[i].why == PS_LUA_OVER_TIME ? 0.2 : 60, 0, err, sizeof err, &count, &why);
    if (strstr(err, cases[i].message) == NULL || why != cases[i].why || count != 0 || !(t >= 0 && t < 10))
      fprintf(stderr, "attack %zu: %s\n  took %.2f s, count %g, reason %d, message: %s\n", i, cases[i].src, t, count,
              why, err);
    CHECK(strstr(err, cases[i].message) != NULL);
    CHECK_EQ_INT(why, cases[i].why);
    CHECK_NEAR(count, 0, 0);
    CHECK(t >= 0 && t < 10); /* about 0.05 to 1 s alone; room for sanitizers on a busy machine */
  }
  /* 4: a stop request reaches a loop under way, and its pcall cannot catch it */
  double count = -1;
  int why = -1;
  double t = stop_time(r, "count = 0 while true do pcall(function() while true do end end) count = count + 1 end", 60,
                       1, err, sizeof err, &count, &why);
  CHECK(strstr(err, "attack.lua:1: interrupted by a signal") != NULL);
  CHECK_EQ_INT(why, PS_LUA_INTERRUPTED);
  CHECK(count == 0 && t < 10);
  /* pcall and xpcall still work for what is not a stop */
  stop_time(r, "local ok, e = pcall(error, 'x', 0) local ok2, e2 = xpcall(error, function(m) return m .. '!' end, 'y', 0) "
               "count = (not ok and e == 'x' and not ok2 and e2 == 'y!' and select('#', pcall(string.rep, 'a', 2)) == 2) "
               "and 0 or -1",
            60, 0, err, sizeof err, &count, &why);
  CHECK(err[0] == '\0' && count == 0 && why == PS_LUA_RUNNING);
}

int main(void) {
  alarm(120); /* a hang is a failure, not a stuck test run */
  gsl_rng *r = ps_rng_new();
  char err[512];
  attacks(r);
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
