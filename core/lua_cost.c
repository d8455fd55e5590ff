/* lua_cost.c — count a pattern's repetitions (Lua 5.4 manual, 6.4.1) and a
** sort's comparisons, and charge them to the instruction budget. */
#include "lua_cost.h"

#include <stdio.h>

#include <ctype.h>
#include <lauxlib.h>
#include <math.h>
#include <string.h>

#include "lua_env.h"

/* the index just past the set that starts at p[i] == '[' */
static size_t skip_set(const char *p, size_t n, size_t i) {
  i++;
  if (i < n && p[i] == '^') i++;
  do { /* the first character is part of the set even when it is ']' */
    if (i >= n) return n;
    if (p[i++] == '%' && i < n) i++;
  } while (i < n && p[i] != ']');
  return i < n ? i + 1 : n;
}

double ps_lua_pattern_cost(const char *p, size_t n, size_t len) {
  double repeats = 0, optional = 0;
  size_t i = n > 0 && p[0] == '^' ? 1 : 0;
  while (i < n) {
    char c = p[i];
    if (c == '(' || c == ')') {
      i++;
      continue;
    }
    if (c == '%' && i + 1 < n && (p[i + 1] == 'b' || isdigit((unsigned char)p[i + 1]))) {
      i += p[i + 1] == 'b' ? 4 : 2; /* a balance or a back-reference: linear */
      continue;
    }
    if (c == '%' && i + 1 < n && p[i + 1] == 'f') { /* a frontier: no repetition */
      i += 2;
      if (i < n && p[i] == '[') i = skip_set(p, n, i);
      continue;
    }
    if (c == '[') i = skip_set(p, n, i);
    else i += c == '%' ? 2 : 1; /* %x, or one character (a final $ too) */
    if (i < n && (p[i] == '*' || p[i] == '+' || p[i] == '-')) {
      repeats++;
      i++;
    } else if (i < n && p[i] == '?') {
      optional++;
      i++;
    }
  }
  return pow((double)len + 1, repeats + 1) * pow(2, optional);
}

/* check, then call the original function (upvalue 1) with the same arguments;
** find's fourth argument, when true, asks for a plain search: no pattern */
static int guard(lua_State *L, int is_find) {
  size_t len, plen;
  luaL_checklstring(L, 1, &len);
  const char *p = luaL_checklstring(L, 2, &plen);
  if (!(is_find && lua_toboolean(L, 4))) { /* find(s, p, init, true) is a plain search: no pattern */
    char what[160];
    snprintf(what, sizeof what, "pattern '%s' on a string of %zu bytes: its repetitions may backtrack",
             plen > 40 ? "(long pattern)" : p, len);
    ps_lua_charge(L, ps_lua_pattern_cost(p, plen, len), what);
  }
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

static int guarded_find(lua_State *L) { return guard(L, 1); }
static int guarded(lua_State *L) { return guard(L, 0); }

/* table.sort: n log2 n comparisons; with a Lua comparator they are counted
** anyway, and charged twice does no harm at the sizes a hook sorts */
static int guarded_sort(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  double n = (double)luaL_len(L, 1);
  ps_lua_charge(L, n * log2(n + 1), "table.sort of a long list");
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 0);
  return 0;
}

/* replace t[name] with fn, the original as its upvalue */
static void wrap(lua_State *L, const char *name, lua_CFunction fn) {
  lua_getfield(L, -1, name);
  lua_pushcclosure(L, fn, 1);
  lua_setfield(L, -2, name);
}

void ps_lua_guard_costly(lua_State *L) {
  lua_getglobal(L, "string");
  wrap(L, "find", guarded_find);
  wrap(L, "match", guarded);
  wrap(L, "gmatch", guarded);
  wrap(L, "gsub", guarded);
  lua_pop(L, 1);
  lua_getglobal(L, "table");
  wrap(L, "sort", guarded_sort);
  lua_pop(L, 1);
}
