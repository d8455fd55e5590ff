/* lua_env.c — the sandbox: allocator and instruction budgets, allowed
** libraries, deterministic math.random, and the `poolsim` helpers that build
** scenario values (wan, yi, lognormal, beta, scenario). */
#include "lua/lua_env.h"

#include "lua/scripts.h"

#include <lauxlib.h>
#include <lualib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCENARIO_MT "poolsim.Scenario"

/* ps_lua_print — print(...)'s arguments, tab-separated, and a newline to f; returns 0 */
int ps_lua_print(lua_State *L, FILE *f) {
  int n = lua_gettop(L);
  for (int i = 1; i <= n; i++) {
    size_t len;
    const char *s = luaL_tolstring(L, i, &len);
    if (i > 1) fputc('\t', f);
    fwrite(s, 1, len, f);
    lua_pop(L, 1);
  }
  fputc('\n', f);
  return 0;
}

/* print(...) to stderr, so stdout stays clean for `--json -` */
static int sandbox_print(lua_State *L) { return ps_lua_print(L, stderr); }

/* load(chunk [, name [, mode [, env]]]) with text chunks only: bytecode can
** break out of any sandbox */
static int sandbox_load(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  const char *name = luaL_optstring(L, 2, s);
  int env = !lua_isnone(L, 4) ? 4 : 0;
  if (luaL_loadbufferx(L, s, len, name, "t") != LUA_OK) {
    lua_pushnil(L);
    lua_insert(L, -2);
    return 2;
  }
  if (env) {
    lua_pushvalue(L, env);
    if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
  }
  return 1;
}

/* setmetatable, refusing a __gc field: Lua runs finalizers with hooks off, so
** a __gc that loops would escape the instruction budget (and hang lua_close);
** the check at setmetatable is enough, since only a metatable that has __gc
** then marks its table for finalization. Upvalue 1: Lua's own setmetatable. */
static int sandbox_setmetatable(lua_State *L) {
  if (lua_type(L, 2) == LUA_TTABLE && (lua_pushliteral(L, "__gc"), lua_rawget(L, 2)) != LUA_TNIL)
    return luaL_error(L, "setmetatable: __gc (finalizers) is not allowed in a scenario: finalizers run outside "
                         "the instruction budget");
  lua_settop(L, 2);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, 2, 1);
  return 1;
}

/* math.random with Lua's signatures, drawn from the state's poolsim stream
** (upvalue 1, a light userdata) */
static int sandbox_random(lua_State *L) {
  gsl_rng *r = lua_touserdata(L, lua_upvalueindex(1));
  double u = gsl_rng_uniform(r);
  lua_Integer lo, hi;
  switch (lua_gettop(L)) {
  case 0: lua_pushnumber(L, u); return 1;
  case 1: lo = 1; hi = luaL_checkinteger(L, 1); break;
  case 2: lo = luaL_checkinteger(L, 1); hi = luaL_checkinteger(L, 2); break;
  default: return luaL_error(L, "wrong number of arguments");
  }
  luaL_argcheck(L, lo <= hi, lua_gettop(L), "interval is empty");
  double span = (double)hi - (double)lo + 1.0;
  lua_Integer k = lo + (lua_Integer)floor(u * span);
  lua_pushinteger(L, k > hi ? hi : k);
  return 1;
}

static int sandbox_randomseed(lua_State *L) {
  return luaL_error(L, "math.randomseed is disabled: poolsim seeds every path itself (use --seed)");
}

/* poolsim.wan(x) = x * 1e4 yuan; poolsim.yi(x) = x * 1e8 yuan */
static int helper_wan(lua_State *L) { lua_pushnumber(L, luaL_checknumber(L, 1) * 1e4); return 1; }
static int helper_yi(lua_State *L) { lua_pushnumber(L, luaL_checknumber(L, 1) * 1e8); return 1; }

/* raise an error at the caller's line with a printf-style message (Lua's own
** formatter knows no %g) */
static int raise(lua_State *L, const char *fmt, ...) {
  char msg[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  return luaL_error(L, "%s", msg);
}

/* read a finite numeric field of the argument table, raising at the caller's line */
static double dist_field(lua_State *L, const char *dist, const char *field) {
  lua_getfield(L, 1, field);
  if (!lua_isnumber(L, -1) || lua_type(L, -1) != LUA_TNUMBER)
    luaL_error(L, "poolsim.%s: field '%s' must be a number", dist, field);
  double v = lua_tonumber(L, -1);
  lua_pop(L, 1);
  if (!isfinite(v)) luaL_error(L, "poolsim.%s: field '%s' must be finite", dist, field);
  return v;
}

/* build {dist = name, mean = m, sd = s} after the caller's checks */
static int push_dist(lua_State *L, const char *name, double mean, double sd) {
  lua_createtable(L, 0, 3);
  lua_pushstring(L, name);
  lua_setfield(L, -2, "dist");
  lua_pushnumber(L, mean);
  lua_setfield(L, -2, "mean");
  lua_pushnumber(L, sd);
  lua_setfield(L, -2, "sd");
  return 1;
}

/* poolsim.lognormal{mean=, sd=}: a positive amount with that mean and sd */
static int helper_lognormal(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  double mean = dist_field(L, "lognormal", "mean"), sd = dist_field(L, "lognormal", "sd");
  if (mean <= 0) return raise(L, "poolsim.lognormal: mean must be > 0, got %g", mean);
  if (sd < 0) return raise(L, "poolsim.lognormal: sd must be >= 0, got %g", sd);
  return push_dist(L, "lognormal", mean, sd);
}

/* poolsim.beta{mean=, sd=}: a fraction in (0,1); needs sd^2 < mean(1-mean) */
static int helper_beta(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  double mean = dist_field(L, "beta", "mean"), sd = dist_field(L, "beta", "sd");
  if (!(mean > 0 && mean < 1)) return raise(L, "poolsim.beta: mean must be in (0, 1), got %g", mean);
  if (!(sd > 0 && sd * sd < mean * (1 - mean)))
    return raise(L, "poolsim.beta: sd must be in (0, sqrt(mean*(1-mean))) = (0, %.4g), got %g",
                      sqrt(mean * (1 - mean)), sd);
  return push_dist(L, "beta", mean, sd);
}

/* poolsim.tiered{ {upto = yuan, ratio = r}, ..., bonus = {flag = points}, ceiling = c }:
** a share that depends on the loan amount (bands in increasing order; the last
** may leave out upto to cover every larger loan) plus points for flagged loans,
** never above the ceiling (default 1) */
static int helper_tiered(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_Integer n = (lua_Integer)lua_rawlen(L, 1);
  if (n == 0) return raise(L, "poolsim.tiered: give at least one band {upto = yuan, ratio = r}");
  double last = -1;
  lua_createtable(L, (int)n, 0);
  for (lua_Integer i = 1; i <= n; i++) {
    if (lua_rawgeti(L, 1, i) != LUA_TTABLE) return raise(L, "poolsim.tiered: band %d must be a table {upto =, ratio =}", (int)i);
    lua_getfield(L, -1, "ratio");
    lua_getfield(L, -2, "upto");
    int ratio_ok = lua_type(L, -2) == LUA_TNUMBER, upto_type = lua_type(L, -1);
    double ratio = lua_tonumber(L, -2), upto = lua_tonumber(L, -1);
    lua_pop(L, 2);
    if (!ratio_ok || !(ratio >= 0 && ratio <= 1)) return raise(L, "poolsim.tiered: band %d: ratio must be in [0, 1]", (int)i);
    if (upto_type == LUA_TNIL) {
      if (i < n) return raise(L, "poolsim.tiered: band %d: only the last band may leave out upto", (int)i);
    } else if (upto_type != LUA_TNUMBER || !(upto > last && upto <= 1e15)) {
      return raise(L, "poolsim.tiered: band %d: upto must be an amount in yuan above the previous band's", (int)i);
    }
    last = upto;
    lua_rawseti(L, -2, i); /* bands[i] = the band table */
  }
  lua_createtable(L, 0, 4);
  lua_insert(L, -2);
  lua_setfield(L, -2, "bands");
  lua_pushliteral(L, "tiered");
  lua_setfield(L, -2, "dist");
  lua_getfield(L, 1, "ceiling");
  double ceiling = lua_isnil(L, -1) ? 1 : lua_tonumber(L, -1);
  if (!(lua_isnil(L, -1) || lua_type(L, -1) == LUA_TNUMBER) || !(ceiling >= 0 && ceiling <= 1))
    return raise(L, "poolsim.tiered: ceiling must be a fraction in [0, 1]");
  lua_pop(L, 1);
  lua_pushnumber(L, ceiling);
  lua_setfield(L, -2, "ceiling");
  lua_createtable(L, 0, 4);
  if (lua_getfield(L, 1, "bonus") != LUA_TNIL) {
    if (!lua_istable(L, -1)) return raise(L, "poolsim.tiered: bonus must be a table {flag = points}");
    lua_pushnil(L);
    while (lua_next(L, -2)) {
      if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TNUMBER || !(lua_tonumber(L, -1) >= 0 && lua_tonumber(L, -1) <= 1))
        return raise(L, "poolsim.tiered: bonus entries must be flag = points in [0, 1]");
      lua_pushvalue(L, -2);
      lua_insert(L, -2);
      lua_settable(L, -5); /* bonus copy [flag] = points */
    }
  }
  lua_pop(L, 1);
  lua_setfield(L, -2, "bonus");
  return 1;
}

/* poolsim.csv(path): a loan tape, read by the scenario loader (relative to the
** scenario's folder, never outside it) */
static int helper_csv(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  if (path[0] == '/' || strstr(path, "..") || !*path)
    return raise(L, "poolsim.csv: '%s' must be a path inside the scenario's folder (no leading / and no ..)", path);
  lua_createtable(L, 0, 1);
  lua_pushstring(L, path);
  lua_setfield(L, -2, "tape");
  return 1;
}

/* poolsim.scenario{...}: marks the table as a scenario and remembers the line */
static int helper_scenario(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 1);
  lua_Debug ar;
  int line = 0;
  if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar)) line = ar.currentline;
  luaL_getmetatable(L, SCENARIO_MT);
  lua_setmetatable(L, 1);
  /* registry[SCENARIO_MT][table] = line */
  lua_getfield(L, LUA_REGISTRYINDEX, SCENARIO_MT);
  lua_pushvalue(L, 1);
  lua_pushinteger(L, line);
  lua_rawset(L, -3);
  lua_pop(L, 1);
  return 1;
}

/* ps_lua_scenario_line — the line of the poolsim.scenario{...} call that built the table at idx (0 if
** unknown) */
int ps_lua_scenario_line(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  lua_getfield(L, LUA_REGISTRYINDEX, SCENARIO_MT);
  lua_pushvalue(L, idx);
  lua_rawget(L, -2);
  int line = (int)lua_tointeger(L, -1);
  lua_pop(L, 2);
  return line;
}

/* poolsim.<name> for a library module compiled in from scripts/: loaded on
** first use, then kept in the table */
static int load_library(lua_State *L) {
  const char *name = luaL_checkstring(L, 2);
  for (const ps_script *s = ps_scripts; s->name; s++) {
    if (strcmp(s->name, name) != 0) continue;
    if (luaL_loadbufferx(L, s->source, strlen(s->source), s->chunk, "t") != LUA_OK) return lua_error(L);
    lua_call(L, 0, 1);
    lua_pushvalue(L, -1);
    lua_setfield(L, 1, name);
    return 1;
  }
  return luaL_error(L, "poolsim has no '%s'", name);
}

static const luaL_Reg poolsim_helpers[] = {
    {"wan", helper_wan},   {"yi", helper_yi},           {"lognormal", helper_lognormal},
    {"beta", helper_beta}, {"tiered", helper_tiered}, {"csv", helper_csv}, {"scenario", helper_scenario},
    {NULL, NULL}};

/* open the allowed libraries and replace what must not be reachable;
** argument 1: math.random's generator (a light userdata) */
static int open_sandbox(lua_State *L) {
  static const luaL_Reg libs[] = {{LUA_GNAME, luaopen_base},
                                  {LUA_TABLIBNAME, luaopen_table},
                                  {LUA_STRLIBNAME, luaopen_string},
                                  {LUA_MATHLIBNAME, luaopen_math},
                                  {LUA_UTF8LIBNAME, luaopen_utf8},
                                  {NULL, NULL}};
  for (const luaL_Reg *lib = libs; lib->func; lib++) {
    luaL_requiref(L, lib->name, lib->func, 1);
    lua_pop(L, 1);
  }
  static const char *const removed[] = {"dofile", "loadfile", "collectgarbage", NULL};
  for (const char *const *name = removed; *name; name++) {
    lua_pushnil(L);
    lua_setglobal(L, *name);
  }
  lua_register(L, "print", sandbox_print);
  lua_register(L, "load", sandbox_load);
  lua_getglobal(L, "setmetatable");
  lua_pushcclosure(L, sandbox_setmetatable, 1);
  lua_setglobal(L, "setmetatable");
  lua_getglobal(L, LUA_MATHLIBNAME);
  lua_pushvalue(L, 1);
  lua_pushcclosure(L, sandbox_random, 1);
  lua_setfield(L, -2, "random");
  lua_pushcfunction(L, sandbox_randomseed);
  lua_setfield(L, -2, "randomseed");
  lua_pop(L, 1);
  ps_lua_meter_libraries(L);

  lua_newtable(L); /* scenario table -> line, weak keys; also the scenario tables' metatable */
  lua_createtable(L, 0, 1);
  lua_pushstring(L, "k");
  lua_setfield(L, -2, "__mode");
  lua_setmetatable(L, -2);
  lua_pushliteral(L, "poolsim.scenario"); /* what getmetatable shows; setmetatable refuses to change it */
  lua_setfield(L, -2, "__metatable");
  lua_setfield(L, LUA_REGISTRYINDEX, SCENARIO_MT);

  luaL_newlib(L, poolsim_helpers);
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, load_library);
  lua_setfield(L, -2, "__index");
  lua_setmetatable(L, -2);
  lua_setglobal(L, "poolsim");
  return 0;
}

/* ps_lua_new — a new sandboxed state; random is the generator math.random reads, for the state's life */
lua_State *ps_lua_new(gsl_rng *random) {
  lua_State *L = ps_lua_meter_new(PS_LUA_MEMORY_LIMIT);
  if (!L) return NULL;
  ps_lua_set_budget(L, PS_LUA_LOAD_INSTRUCTIONS);
  lua_pushcfunction(L, open_sandbox);
  lua_pushlightuserdata(L, random);
  if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
    ps_lua_close(L);
    return NULL;
  }
  return L;
}

/* the path of the table at idx inside the scenario, from seen[table] (at `seen`) */
static const char *path_of(lua_State *L, int seen, int idx) {
  lua_pushvalue(L, idx);
  lua_rawget(L, seen);
  const char *path = lua_tostring(L, -1);
  lua_pop(L, 1);
  return path;
}

/* queues the table at idx (a key or value found in the table at `from`, whose
** key is at key_idx) unless already seen, recording its path */
static void queue_table(lua_State *L, int seen, int todo, lua_Integer *ntodo, int idx, int from, int key_idx) {
  idx = lua_absindex(L, idx), key_idx = lua_absindex(L, key_idx);
  if (!lua_istable(L, idx)) return;
  lua_pushvalue(L, idx);
  if (lua_rawget(L, seen) != LUA_TNIL) {
    lua_pop(L, 1);
    return;
  }
  lua_pop(L, 1);
  const char *parent = path_of(L, seen, from);
  if (strlen(parent) > 200) lua_pushstring(L, parent); /* deep enough to find it */
  else if (idx == key_idx) lua_pushfstring(L, "a key of %s", *parent ? parent : "the scenario");
  else if (lua_type(L, key_idx) == LUA_TSTRING)
    lua_pushfstring(L, "%s%s%s", parent, *parent ? "." : "", lua_tostring(L, key_idx));
  else if (lua_isinteger(L, key_idx)) lua_pushfstring(L, "%s[%d]", parent, (int)lua_tointeger(L, key_idx));
  else lua_pushfstring(L, "%s[?]", parent);
  lua_pushvalue(L, idx);
  lua_insert(L, -2);
  lua_rawset(L, seen);
  lua_pushvalue(L, idx);
  lua_rawseti(L, todo, ++*ntodo);
}

/* Every table reachable from the scenario table (argument 1) through keys and
** values must be plain, without a metatable: C reads them outside any pcall,
** where a metamethod's error would abort the program. Raises naming the first
** table that has one. */
static int check_plain(lua_State *L) {
  lua_settop(L, 1);
  lua_newtable(L); /* 2: seen, table -> its path */
  lua_newtable(L); /* 3: tables still to look into */
  int seen = 2, todo = 3;
  lua_Integer ntodo = 0;
  lua_pushvalue(L, 1);
  lua_pushliteral(L, ""); /* paths start at the scenario's fields */
  lua_rawset(L, seen);
  lua_pushvalue(L, 1);
  lua_rawseti(L, todo, ++ntodo);
  while (ntodo > 0) {
    lua_rawgeti(L, todo, ntodo);
    lua_pushnil(L);
    lua_rawseti(L, todo, ntodo--);
    int t = lua_gettop(L);
    if (!lua_rawequal(L, t, 1) && lua_getmetatable(L, t))
      return luaL_error(L, "%s has a metatable: a scenario must be made of plain tables", path_of(L, seen, t));
    lua_pushnil(L);
    while (lua_next(L, t)) {
      queue_table(L, seen, todo, &ntodo, -2, t, -2);
      queue_table(L, seen, todo, &ntodo, -1, t, -2);
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  return 0;
}

/* message handler: keep the message, turn non-strings into text that says
** where they were raised (the innermost Lua line, as Lua's own messages do) */
static int message_handler(lua_State *L) {
  if (lua_type(L, 1) == LUA_TSTRING) return 1;
  if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
  lua_Debug ar;
  lua_pushliteral(L, "");
  for (int level = 1; lua_getstack(L, level, &ar); level++)
    if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
      lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
      break;
    }
  lua_pushfstring(L, "%s(error object is a %s value)", lua_tostring(L, -1), luaL_typename(L, 1));
  return 1;
}

/* ps_lua_pcall — lua_pcall with a traceback-free message handler that keeps "file:line:" */
int ps_lua_pcall(lua_State *L, int nargs, int nresults) {
  int base = lua_gettop(L) - nargs;
  lua_pushcfunction(L, message_handler);
  lua_insert(L, base);
  int status = lua_pcall(L, nargs, nresults, base);
  lua_remove(L, base);
  return status;
}

/* a growing byte buffer for lua_dump */
typedef struct {
  char *data;
  size_t len, cap;
  int failed;
} dump_buffer;

static int dump_writer(lua_State *L, const void *p, size_t size, void *ud) {
  (void)L;
  dump_buffer *b = ud;
  if (b->len + size > b->cap) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + size) cap *= 2;
    char *data = realloc(b->data, cap);
    if (!data) return b->failed = 1;
    b->data = data;
    b->cap = cap;
  }
  memcpy(b->data + b->len, p, size);
  b->len += size;
  return 0;
}

/* the bytes of a UTF-8 byte order mark at the start of a source (Windows
** editors write one; Lua's loader only skips it in files it opens itself) */
static size_t bom_length(const char *src, size_t len) {
  return len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* ps_lua_compile — compile scenario source (text) to Lua bytecode once, so each path's fresh state can
** skip parsing it */
char *ps_lua_compile(const char *file, const char *src, size_t len, size_t *outlen) {
  size_t bom = bom_length(src, len);
  src += bom, len -= bom;
  lua_State *L = luaL_newstate();
  if (!L) return NULL;
  char chunkname[1024];
  snprintf(chunkname, sizeof chunkname, "@%s", file);
  dump_buffer b = {0};
  if (luaL_loadbufferx(L, src, len, chunkname, "t") != LUA_OK || lua_dump(L, dump_writer, &b, 0) || b.failed) {
    free(b.data);
    b.data = NULL;
  }
  lua_close(L);
  *outlen = b.len;
  return b.data;
}

/* ps_lua_run_scenario — run a scenario chunk (source text, chunk name "@file") and leave the table it
** returned on the stack */
int ps_lua_run_scenario(lua_State *L, const char *file, const char *src, size_t len,
                        char *err, size_t errlen) {
  return ps_lua_run_chunk(L, file, src, len, "t", err, errlen);
}

/* ps_lua_run_chunk — ps_lua_run_scenario for a chunk in `mode` ("t" for text, "b" for the bytecode of
** ps_lua_compile) */
int ps_lua_run_chunk(lua_State *L, const char *file, const char *src, size_t len, const char *mode,
                     char *err, size_t errlen) {
  char chunkname[1024];
  snprintf(chunkname, sizeof chunkname, "@%s", file);
  ps_lua_set_budget(L, PS_LUA_LOAD_INSTRUCTIONS);
  size_t bom = bom_length(src, len);
  int status = luaL_loadbufferx(L, src + bom, len - bom, chunkname, mode);
  if (status == LUA_OK) status = ps_lua_pcall(L, 0, 1);
  if (status != LUA_OK) {
    const char *msg = lua_tostring(L, -1);
    if (status == LUA_ERRMEM || !msg)
      snprintf(err, errlen, "%s: out of memory: a scenario may use at most %zu MiB", file, PS_LUA_MEMORY_LIMIT >> 20);
    else if (strncmp(msg, file, strlen(file)) != 0) /* error(x, 0) or a non-string error: no position */
      snprintf(err, errlen, "%s: %s", file, msg);
    else snprintf(err, errlen, "%s", msg);
    lua_pop(L, 1);
    return -1;
  }
  if (!lua_istable(L, -1) || !lua_getmetatable(L, -1)) {
    snprintf(err, errlen, "%s: the file must end with 'return poolsim.scenario{...}'", file);
    lua_pop(L, 1);
    return -1;
  }
  luaL_getmetatable(L, SCENARIO_MT);
  int is_scenario = lua_rawequal(L, -1, -2);
  lua_pop(L, 2);
  if (!is_scenario) {
    snprintf(err, errlen, "%s: the file must end with 'return poolsim.scenario{...}'", file);
    lua_pop(L, 1);
    return -1;
  }
  lua_pushcfunction(L, check_plain);
  lua_pushvalue(L, -2);
  status = lua_pcall(L, 1, 0, 0);
  if (status != LUA_OK) {
    const char *msg = status == LUA_ERRMEM ? NULL : lua_tostring(L, -1);
    snprintf(err, errlen, "%s:%d: %s", file, ps_lua_scenario_line(L, -2), msg ? msg : "out of memory");
    lua_pop(L, 2);
    return -1;
  }
  return 0;
}
