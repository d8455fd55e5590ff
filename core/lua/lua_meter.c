/* lua_meter.c — a state's memory and instruction budgets, and charging the
** sandbox's library calls to them (lua_meter.h). The wrapper calls the
** library's C function directly, in its own frame, so error messages keep the
** script's line and the function's name. */
#include "lua/lua_meter.h"

#include <lauxlib.h>
#include <lualib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BUDGET_STEP 1000      /* instructions between budget checks */
#define ALLOC_INSTRUCTIONS 16 /* what one allocation costs of the budget, besides its bytes */
#define CALL_INSTRUCTIONS 16  /* what a call costs of the budget, besides its operands */
#define ERROR_INSTRUCTIONS 48 /* what an error caught by pcall costs: the throw, the unwinding */

/* per-state bookkeeping, reached through lua_getextraspace */
typedef struct {
  size_t used, limit;
  long long remaining;
  int stopped;              /* a ps_lua_stop reason once a budget is spent, else PS_LUA_RUNNING */
  const char *why;          /* the reason the message gives once stopped */
  double deadline, seconds; /* CLOCK_MONOTONIC seconds (0: none), and how long it allowed */
  int (*interrupted)(void); /* nonzero when the program is asked to stop; NULL: never */
  unsigned long effects;    /* calls counted by ps_lua_note_effect */
  lua_State *L;             /* the main state, for the allocator */
} meter;

static meter *meter_of(lua_State *L) { return *(meter **)lua_getextraspace(L); }

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void budget_hook(lua_State *L, lua_Debug *ar);

/* the state stops for `reason`: from now on the count hook raises at every
** instruction, and pcall and xpcall pass the error on */
static void stop(meter *mt, int reason, const char *why) {
  if (mt->stopped) return;
  mt->stopped = reason;
  mt->why = why;
  lua_sethook(mt->L, budget_hook, LUA_MASKCOUNT, 1);
}

/* raise the stop's error, with the position of the Lua function at `level` */
static int raise_stop(lua_State *L, int level) {
  meter *mt = meter_of(L);
  char seconds[32];
  snprintf(seconds, sizeof seconds, "%g", mt->seconds);
  luaL_where(L, level);
  switch (mt->stopped) {
  case PS_LUA_OVER_TIME: lua_pushfstring(L, "time limit exceeded (ran for more than %s s)", seconds); break;
  case PS_LUA_INTERRUPTED: lua_pushliteral(L, "interrupted by a signal"); break;
  case PS_LUA_OUT_OF_MEMORY: lua_pushliteral(L, "not enough memory"); break;
  case PS_LUA_STRING_TOO_LONG: lua_pushliteral(L, "not enough memory (a string longer than 16 MiB)"); break;
  default: lua_pushfstring(L, "instruction budget exceeded (%s)", mt->why); break;
  }
  lua_concat(L, 2);
  return lua_error(L);
}

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
  if (!ptr && osize == LUA_TSTRING && nsize > PS_LUA_STRING_LIMIT) {
    stop(mt, PS_LUA_STRING_TOO_LONG, NULL);
    return NULL;
  }
  void *p = realloc(ptr, nsize);
  if (p) mt->used = mt->used - old + nsize;
  if (p && nsize > old)
    mt->remaining -= ALLOC_INSTRUCTIONS + (long long)((double)(nsize - old) / PS_LUA_BYTES_PER_INSTRUCTION);
  return p;
}

/* count hook: every BUDGET_STEP instructions, spend them and look at the
** deadline and the stop request; once stopped, raise at every instruction (the
** hook is then called at each), so nothing in the state runs again */
static void budget_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  meter *mt = meter_of(L);
  if (!mt->stopped) {
    mt->remaining -= BUDGET_STEP;
    if (mt->remaining < 0) stop(mt, PS_LUA_OVER_BUDGET, "a loop that does not end?");
    else if (mt->interrupted && mt->interrupted()) stop(mt, PS_LUA_INTERRUPTED, NULL);
    else if (mt->deadline > 0 && now() > mt->deadline) stop(mt, PS_LUA_OVER_TIME, NULL);
    else return;
  }
  raise_stop(L, 0); /* inside a hook, level 0 is the Lua function that runs */
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
  mt->L = L;
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

/* ps_lua_set_budget — re-arm the instruction budget, without a deadline */
void ps_lua_set_budget(lua_State *L, long long instructions) {
  meter *mt = meter_of(L);
  mt->remaining = instructions;
  mt->deadline = 0;
  if (mt->stopped) lua_sethook(L, budget_hook, LUA_MASKCOUNT, BUDGET_STEP);
  mt->stopped = PS_LUA_RUNNING;
}

/* ps_lua_set_deadline — stop the state `seconds` from now */
void ps_lua_set_deadline(lua_State *L, double seconds) {
  meter *mt = meter_of(L);
  mt->deadline = now() + seconds;
  mt->seconds = seconds;
}

/* ps_lua_set_interrupt — stop the state once interrupted() returns nonzero */
void ps_lua_set_interrupt(lua_State *L, int (*interrupted)(void)) { meter_of(L)->interrupted = interrupted; }

/* ps_lua_stopped — why the state stopped since its budget was last set */
int ps_lua_stopped(lua_State *L) { return meter_of(L)->stopped; }

/* ps_lua_charge — spend budget on work done in C; raise once it is spent */
void ps_lua_charge(lua_State *L, double instructions, const char *why) {
  meter *mt = meter_of(L);
  if (!mt->stopped && instructions >= 1) {
    mt->remaining = instructions > (double)mt->remaining ? -1 : mt->remaining - (long long)instructions;
    if (mt->remaining < 0) stop(mt, PS_LUA_OVER_BUDGET, why ? why : "a loop that does not end?");
  }
  if (mt->stopped) raise_stop(L, 1); /* the script's line that called the library function */
}

/* ps_lua_note_effect, ps_lua_effects — see lua_meter.h */
void ps_lua_note_effect(lua_State *L) { meter_of(L)->effects++; }
unsigned long ps_lua_effects(lua_State *L) { return meter_of(L)->effects; }

/* what pcall and xpcall do after the protected call: a stopped state passes
** the error on (a memory error stops it too), a caught error is charged */
static int after_pcall(lua_State *L, int status, int first) {
  meter *mt = meter_of(L);
  if (status == LUA_ERRMEM) stop(mt, PS_LUA_OUT_OF_MEMORY, NULL);
  if (mt->stopped) return lua_error(L); /* the error object on top, as it came */
  if (status != LUA_OK) ps_lua_charge(L, ERROR_INSTRUCTIONS, NULL);
  lua_pushboolean(L, status == LUA_OK);
  lua_replace(L, first);
  return lua_gettop(L) - first + 1;
}

/* pcall(f, ...) as Lua's, except that it cannot catch a stop */
static int sandbox_pcall(lua_State *L) {
  luaL_checkany(L, 1);
  ps_lua_charge(L, CALL_INSTRUCTIONS, NULL);
  lua_pushnil(L); /* the slot of the status */
  lua_insert(L, 1);
  return after_pcall(L, lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 0), 1);
}

/* xpcall's message handler: the user's (upvalue 1), skipped once stopped */
static int sandbox_handler(lua_State *L) {
  if (meter_of(L)->stopped) return 1;
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  return 1;
}

/* xpcall(f, msgh, ...) as Lua's, except that it cannot catch a stop and the
** handler does not run once the state is stopped */
static int sandbox_xpcall(lua_State *L) {
  luaL_checktype(L, 2, LUA_TFUNCTION);
  ps_lua_charge(L, CALL_INSTRUCTIONS, NULL);
  lua_pushvalue(L, 2);
  lua_pushcclosure(L, sandbox_handler, 1); /* stack: f, msgh, args..., handler */
  lua_replace(L, 2);
  lua_pushvalue(L, 1);
  lua_pushvalue(L, 2);
  lua_replace(L, 1);
  lua_replace(L, 2); /* handler, f, args... */
  return after_pcall(L, lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 1), 1);
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

/* the cost of a call beyond its operands, in instructions (one per step of a
** pattern search: a step can test a character class, as slow as an
** instruction), from its arguments */
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
    return to >= from ? (double)to - (double)from + 1 : 0;
  }
  case SORT: {
    double items = (double)lua_rawlen(L, 1);
    return items * log2(items + 2);
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
  ps_lua_charge(L, CALL_INSTRUCTIONS + steps / PS_LUA_BYTES_PER_INSTRUCTION + extra,
                kind != RANGE && kind != SORT && extra > steps ? "the pattern could backtrack over this string for too long" : NULL);
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
  lua_pushglobaltable(L); /* of the base library: load, print, and what reads a whole string */
  static const char *const globals[] = {"load", "print", "tonumber", "rawequal", NULL};
  for (const char *const *name = globals; *name; name++) {
    lua_getfield(L, -1, *name);
    lua_pushinteger(L, PLAIN);
    lua_pushcclosure(L, metered, 2);
    lua_setfield(L, -2, *name);
  }
  lua_pushcfunction(L, sandbox_pcall);
  lua_setfield(L, -2, "pcall");
  lua_pushcfunction(L, sandbox_xpcall);
  lua_setfield(L, -2, "xpcall");
  lua_pop(L, 1);
}
