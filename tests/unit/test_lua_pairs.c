/* test_lua_pairs.c — the sandbox's `pairs` (core/lua/lua_pairs.c) visits keys in a fixed order:
** numbers ascending, strings bytewise, then booleans, whatever order the keys were added in and
** whatever the state's random string-hash seed; it skips keys cleared during the loop, follows
** __pairs, and refuses what is not a table. */
#include <lauxlib.h>
#include <string.h>

#include "check.h"
#include "lua/lua_env.h"
#include "sim/rng.h"

/* runs src (which sets the global `out` to a string) in a new sandbox; out's copy in buf, or the
** error message; returns the pcall's status */
static int run(gsl_rng *r, const char *src, char *buf, size_t n) {
  lua_State *L = ps_lua_new(r);
  if (!L) return -1;
  luaL_loadbufferx(L, src, strlen(src), "@pairs.lua", "t");
  ps_lua_set_budget(L, 10000000);
  int rc = ps_lua_pcall(L, 0, 0);
  if (rc == LUA_OK) lua_getglobal(L, "out");
  snprintf(buf, n, "%s", lua_tostring(L, -1) ? lua_tostring(L, -1) : "(nil)");
  ps_lua_free(L);
  return rc;
}

/* the keys as pairs visits them, space-separated */
#define VISIT "local o = {} for k in pairs(t) do o[#o + 1] = tostring(k) end out = table.concat(o, ' ') "

int main(void) {
  gsl_rng *r = ps_rng_new();
  char a[4096], b[4096];
  printf("1. numbers ascending, then strings bytewise, then false and true\n");
  CHECK_EQ_INT(run(r, "local t = { zeta = 1, [true] = 1, alpha = 2, [3] = 'c', [-1.5] = 0, Beta = 1, [1] = 'a', "
                      "[false] = 0, ab = 1, a = 1 } " VISIT,
                   a, sizeof a),
               LUA_OK);
  printf("  %s\n", a);
  CHECK(strcmp(a, "-1.5 1 3 Beta a ab alpha zeta false true") == 0);

  printf("2. the same order whatever the order of insertion and the state (its hash seed)\n");
  const char *forward = "local t = {} for i = 1, 300 do t['k' .. i] = i end " VISIT;
  const char *backward = "local t = {} for i = 300, 1, -1 do t['k' .. i] = i end t.extra = 1 t.extra = nil " VISIT;
  int same = 1;
  CHECK_EQ_INT(run(r, forward, a, sizeof a), LUA_OK);
  for (int k = 0; k < 8; k++) { /* new states: new random string-hash seeds */
    CHECK_EQ_INT(run(r, k % 2 ? forward : backward, b, sizeof b), LUA_OK);
    same &= strcmp(a, b) == 0;
  }
  CHECK(same);
  CHECK(strncmp(a, "k1 k10 k100 k101", 16) == 0);

  printf("3. keys cleared during the loop are skipped; values changed are seen\n");
  CHECK_EQ_INT(run(r, "local t = { a = 1, b = 2, c = 3, d = 4 } local o = {} "
                      "for k, v in pairs(t) do o[#o + 1] = k .. v if k == 'a' then t.c = nil t.d = 40 end end "
                      "out = table.concat(o, ' ')",
                   a, sizeof a),
               LUA_OK);
  CHECK(strcmp(a, "a1 b2 d40") == 0);

  printf("4. __pairs is followed, as by the stock pairs\n");
  CHECK_EQ_INT(run(r, "local t = setmetatable({}, { __pairs = function(t) return function(_, k) if not k then "
                      "return 'only', 1 end end, t, nil end }) " VISIT,
                   a, sizeof a),
               LUA_OK);
  CHECK(strcmp(a, "only") == 0);

  printf("5. what is not a table is refused\n");
  CHECK(run(r, "for k in pairs(42) do end", a, sizeof a) != LUA_OK);
  CHECK(strstr(a, "table expected") != NULL);

  printf("6. sorting is charged: pairs over 20 000 keys in a loop runs out of budget\n");
  CHECK(run(r, "local t = {} for i = 1, 20000 do t['k' .. i] = i end "
               "for n = 1, 1000 do for k in pairs(t) do break end end out = 'done'",
            a, sizeof a) != LUA_OK);
  CHECK(strstr(a, "budget") != NULL);
  gsl_rng_free(r);
  return check_summary("test_lua_pairs");
}
