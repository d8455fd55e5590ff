/* test_lua_cost.c — the sandbox's bound on library calls that run in C: how
** many repetitions a pattern has (sets, escapes, balances and frontiers read as
** Lua reads them), that guarded calls still work like Lua's own, and that they
** spend their worst case from the instruction budget. */
#include <lauxlib.h>
#include <string.h>

#include "check.h"
#include "lua_env.h"
#include "lua_cost.h"

/* the number of repetitions r and optional items o the cost implies, for a
** subject of 9 bytes: cost = 10^(r + 1) * 2^o */
static double cost9(const char *p) { return ps_lua_pattern_cost(p, strlen(p), 9); }

/* run a chunk in a fresh sandbox with this budget; 1 when it raised an error
** containing `needle`, 0 when it ran, -1 on another error */
static int run(const char *chunk, long long budget, const char *needle) {
  lua_State *L = ps_lua_new(NULL);
  if (!L) return -1;
  ps_lua_set_budget(L, budget);
  int rc = luaL_loadstring(L, chunk) == LUA_OK && ps_lua_pcall(L, 0, 0) == LUA_OK ? 0 : -1;
  if (rc && needle && strstr(lua_tostring(L, -1), needle)) rc = 1;
  else if (rc) fprintf(stderr, "%s\n", lua_tostring(L, -1));
  ps_lua_close(L);
  return rc;
}

int main(void) {
  /* plain characters, classes, anchors, captures: no repetition */
  CHECK_NEAR(cost9("abc"), 10, 0);
  CHECK_NEAR(cost9("^%d%a(x)$"), 10, 0);
  CHECK_NEAR(cost9("()"), 10, 0);
  /* each * + - multiplies by (len + 1); ? by 2 */
  CHECK_NEAR(cost9("a*"), 100, 0);
  CHECK_NEAR(cost9(".-.-b"), 1000, 0);
  CHECK_NEAR(cost9("^(%d+)-(%d+)$"), 1000, 0); /* the '-' after ')' is a plain character */
  CHECK_NEAR(cost9("a?b?"), 40, 0);
  /* an escaped quantifier is a character; a set's contents are not quantifiers */
  CHECK_NEAR(cost9("%*%+%-"), 10, 0);
  CHECK_NEAR(cost9("[*+-]"), 10, 0);
  CHECK_NEAR(cost9("[]*]"), 10, 0);   /* ']' first in a set is a member */
  CHECK_NEAR(cost9("[^]]*"), 100, 0);
  CHECK_NEAR(cost9("[%]]+x"), 100, 0); /* an escaped ']' does not close the set */
  CHECK_NEAR(cost9("[a-z]*"), 100, 0);
  /* %b and back-references are linear; a frontier takes a set but repeats nothing */
  CHECK_NEAR(cost9("%b()"), 10, 0);
  CHECK_NEAR(cost9("(a)%1"), 10, 0);
  CHECK_NEAR(cost9("%f[%w]%w+"), 100, 0);
  /* malformed patterns are read to their end without overrun (Lua reports them) */
  CHECK(cost9("[abc") >= 10);
  CHECK(cost9("%") >= 10);
  CHECK(cost9("%b(") >= 10);
  CHECK(cost9("%f") >= 10);

  /* guarded functions behave as Lua's own */
  CHECK_EQ_INT(run("assert(('hello world'):find('o w') == 5)\n"
                   "assert(select(2, ('a.b'):find('.', 1, true)) == 2)\n"
                   "assert(('k=v'):match('^(%w+)=(%w+)$') == 'k')\n"
                   "local n = 0 for w in ('a b c'):gmatch('%a') do n = n + 1 end assert(n == 3)\n"
                   "assert(select(2, string.gsub('aaa', 'a', 'b')) == 3)\n",
                   1000000, NULL),
               0);
  /* a bomb is refused before it starts, a plain find of the same size is not */
  CHECK_EQ_INT(run("return ('a'):rep(3000):find('.-.-.-.-.-.-b')", 200000000LL, "instruction budget exceeded (pattern"), 1);
  CHECK_EQ_INT(run("return ('a'):rep(3000):find('.-.-.-.-.-.-b', 1, true)", 1000000, NULL), 0);
  /* affordable calls add up: 100 calls of (201)^2 = 40 401 steps need 4 040 100 */
  const char *loop = "for i = 1, 100 do local s = ('a'):rep(200) s:find('.-b') end";
  CHECK_EQ_INT(run(loop, 5000000, NULL), 0);
  CHECK_EQ_INT(run(loop, 3000000, "instruction budget exceeded (pattern"), 1);
  /* table.sort sorts as before; a long list pays n log2 n comparisons */
  CHECK_EQ_INT(run("local t = {3, 1, 2} table.sort(t) assert(t[1] == 1 and t[3] == 3)\n"
                   "table.sort(t, function(a, b) return a > b end) assert(t[1] == 3)",
                   1000000, NULL),
               0);
  const char *sort = "local t = {} for i = 1, 100000 do t[i] = -i end table.sort(t)"; /* 1.66e6 + 3e5 */
  CHECK_EQ_INT(run(sort, 2500000, NULL), 0);
  CHECK_EQ_INT(run(sort, 1500000, "instruction budget exceeded (table.sort"), 1);
  /* pcall cannot swallow it: the budget stays spent, so the next budget check
  ** (every 1 000 instructions) raises again, long before 2e8 would run out */
  CHECK_EQ_INT(run("pcall(string.find, ('a'):rep(3000), '.-.-.-b') for i = 1, 5000 do end", 200000000LL,
                   "instruction budget exceeded"),
               1);
  CHECK_EQ_INT(run("pcall(error, 'x') for i = 1, 5000 do end", 200000000LL, NULL), 0);
  return check_summary("test_lua_cost");
}
