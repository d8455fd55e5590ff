/* lua_meter.c — a state's memory and instruction budgets, and charging the
** sandbox's library calls to them (lua_meter.h). The wrapper calls the
** library's C function directly, in its own frame, so error messages keep the
** script's line and the function's name. */
#include "lua/lua_meter.h"

#include <lauxlib.h>
#include <lualib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define BUDGET_STEP 1000      /* instructions between budget checks */
#define ALLOC_INSTRUCTIONS 16 /* what one allocation costs of the budget, besides its bytes */
#define CALL_INSTRUCTIONS 16  /* what a call costs of the budget, besides its operands */

/* per-state bookkeeping, reached through lua_getextraspace */
typedef struct {
  size_t used, limit;
  long long remaining;
} meter;

static meter *meter_of(lua_State *L) { return *(meter **)lua_getextraspace(L); }

/* the allocator refuses to grow a state past its memory limit, and charges
** every allocation to the instruction budget (the count hook raises once it is
** spent): a loop that allocates at every step — {} or "a" .. i — costs many
** times the instructions it counts, and would run for tens of seconds */
static void *budget_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  meter *mt = ud;
  size_t old = ptr ? osize : 0;
  if (nsize == 0) {
    mt->used -= old;
    free(ptr);
    return NULL;
  }
  if (nsize > old && mt->used + (nsize - old) > mt->limit) return NULL;
  void *p = realloc(ptr, nsize);
  if (p) mt->used = mt->used - old + nsize;
  if (p && nsize > old)
    mt->remaining -= ALLOC_INSTRUCTIONS + (long long)((double)(nsize - old) / PS_LUA_BYTES_PER_INSTRUCTION);
  return p;
}

/* count hook: raise once the instruction budget is spent, and again at every
** later check, so a pcall inside the script cannot keep the script running */
static void budget_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  meter *mt = meter_of(L);
  mt->remaining -= BUDGET_STEP;
  if (mt->remaining < 0) {
    luaL_where(L, 0); /* inside a hook, level 0 is the Lua function that ran out */
    lua_pushliteral(L, "instruction budget exceeded (a loop that does not end?)");
    lua_concat(L, 2);
    lua_error(L);
  }
}

/* ps_lua_meter_new — a bare state on the metered allocator and count hook */
lua_State *ps_lua_meter_new(size_t memory_limit) {
  meter *mt = calloc(1, sizeof *mt);
  if (!mt) return NULL;
  mt->limit = memory_limit;
  lua_State *L = lua_newstate(budget_alloc, mt);
  if (!L) {
    free(mt);
    return NULL;
  }
  *(meter **)lua_getextraspace(L) = mt;
  lua_sethook(L, budget_hook, LUA_MASKCOUNT, BUDGET_STEP);
  return L;
}

/* ps_lua_free — the state and its meter */
void ps_lua_free(lua_State *L) {
  if (!L) return;
  meter *mt = meter_of(L);
  lua_close(L);
  free(mt);
}

/* ps_lua_set_budget — re-arm the instruction budget */
void ps_lua_set_budget(lua_State *L, long long instructions) { meter_of(L)->remaining = instructions; }

/* ps_lua_charge — spend budget on work done in C; raise once it is spent */
void ps_lua_charge(lua_State *L, double instructions, const char *why) {
  meter *mt = meter_of(L);
  if (instructions < 1) return;
  mt->remaining = instructions > (double)mt->remaining ? -1 : mt->remaining - (long long)instructions;
  if (mt->remaining < 0) {
    luaL_where(L, 1); /* the script's line that called the library function */
    lua_pushfstring(L, "instruction budget exceeded (%s)", why ? why : "a loop that does not end?");
    lua_concat(L, 2);
    lua_error(L);
  }
}

enum { PLAIN, PATTERN, GMATCH, FIND, RANGE, SORT }; /* what a call costs beyond its operands */

/* an upper bound of the steps of Lua's matcher for a pattern of m bytes on a
** subject of n: m per start position, times n for every repetition ('*', '+',
** '-'), back-reference or %b that can backtrack over the subject, times 2 for
** every '?'; an anchored pattern has one start position */
static double pattern_steps(const char *p, size_t m, size_t n, int anchorable) {
  double exponent = 1, branches = 1;
  size_t i = 0;
  if (anchorable && m > 0 && p[0] == '^') exponent = 0, i = 1;
  while (i < m) {
    char c = p[i++];
    if (c == '%' && i < m) {
      char d = p[i++];
      if (d == 'b') exponent++, i += 2;
      else if (d >= '1' && d <= '9') exponent++;
    } else if (c == '[') { /* a set: its '-' and quantifier characters are literal */
      if (i < m && p[i] == '^') i++;
      if (i < m) i++; /* a ']' first in the set is literal */
      while (i < m && p[i] != ']') i += p[i] == '%' ? 2 : 1;
      i++;
    } else if (c == '*' || c == '+' || c == '-') exponent++;
    else if (c == '?') branches *= 2;
  }
  return ((double)m + 1) * branches * pow((double)n + 1, exponent);
}

/* bytes of the strings and items of the tables among the values from..to */
static double operand_size(lua_State *L, int from, int to) {
  double size = 0;
  for (int i = from; i <= to; i++) {
    int type = lua_type(L, i);
    if (type == LUA_TSTRING || type == LUA_TTABLE) size += (double)lua_rawlen(L, i);
  }
  return size;
}

/* the cost of a call beyond its operands, in steps, from its arguments */
static double extra_steps(lua_State *L, int kind) {
  size_t n, m;
  switch (kind) {
  case PATTERN:
  case GMATCH:
  case FIND: {
    const char *s = lua_tolstring(L, 1, &n), *p = lua_tolstring(L, 2, &m);
    if (!s || !p) return 0; /* the function reports the bad argument */
    if (kind == FIND && lua_toboolean(L, 4)) return ((double)m + 1) * ((double)n + 1); /* plain */
    return pattern_steps(p, m, n, kind != GMATCH);
  }
  case RANGE: { /* table.move(a, f, e, ...) and table.unpack(t, i, j): e - f + 1 items */
    lua_Integer from = luaL_optinteger(L, 2, 1);
    lua_Integer to = lua_isnoneornil(L, 3) ? (lua_Integer)lua_rawlen(L, 1) : luaL_checkinteger(L, 3);
    return to >= from ? ((double)to - (double)from + 1) * PS_LUA_BYTES_PER_INSTRUCTION : 0;
  }
  case SORT: {
    double items = (double)lua_rawlen(L, 1);
    return items * log2(items + 2) * PS_LUA_BYTES_PER_INSTRUCTION;
  }
  default:
    return 0;
  }
}

/* the wrapper: upvalue 1 the library function, 2 its kind */
static int metered(lua_State *L) {
  lua_CFunction f = lua_tocfunction(L, lua_upvalueindex(1));
  int kind = (int)lua_tointeger(L, lua_upvalueindex(2));
  double steps = operand_size(L, 1, lua_gettop(L)), extra = extra_steps(L, kind);
  ps_lua_charge(L, CALL_INSTRUCTIONS + (steps + extra) / PS_LUA_BYTES_PER_INSTRUCTION,
                extra > steps ? "the pattern could backtrack over this string for too long" : NULL);
  int nresults = f(L);
  int top = lua_gettop(L);
  ps_lua_charge(L, operand_size(L, top - nresults + 1, top) / PS_LUA_BYTES_PER_INSTRUCTION, NULL);
  return nresults;
}

/* replaces every C function of the table at the stack top by its wrapper */
static void meter_table(lua_State *L) {
  static const struct { const char *name; int kind; } kinds[] = {
      {"find", FIND}, {"match", PATTERN}, {"gsub", PATTERN}, {"gmatch", GMATCH},
      {"move", RANGE}, {"unpack", RANGE}, {"sort", SORT}};
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    lua_CFunction f = lua_tocfunction(L, -1);
    if (f && lua_type(L, -2) == LUA_TSTRING) {
      int kind = PLAIN;
      for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(lua_tostring(L, -2), kinds[i].name) == 0) kind = kinds[i].kind;
      lua_pushcfunction(L, f);
      lua_pushinteger(L, kind);
      lua_pushcclosure(L, metered, 2);
      lua_pushvalue(L, -3);
      lua_insert(L, -2);
      lua_rawset(L, -5); /* replacing the value of an existing key keeps lua_next going */
    }
    lua_pop(L, 1);
  }
}

/* ps_lua_meter_libraries — wrap the library functions that work in proportion to their operands */
void ps_lua_meter_libraries(lua_State *L) {
  static const char *const libraries[] = {LUA_STRLIBNAME, LUA_TABLIBNAME, LUA_UTF8LIBNAME, NULL};
  for (const char *const *name = libraries; *name; name++) {
    lua_getglobal(L, *name);
    meter_table(L);
    lua_pop(L, 1);
  }
  lua_pushglobaltable(L); /* load and print, nothing else of the base library */
  static const char *const globals[] = {"load", "print", NULL};
  for (const char *const *name = globals; *name; name++) {
    lua_getfield(L, -1, *name);
    lua_pushinteger(L, PLAIN);
    lua_pushcclosure(L, metered, 2);
    lua_setfield(L, -2, *name);
  }
  lua_pop(L, 1);
}
