/* lua_poolsim.c — the `poolsim` module of every sandboxed state: the helpers
** that build scenario values (wan, yi, lognormal, beta, uniform, poisson, uncertain,
** tiered, csv, scenario) and the library modules compiled in from scripts/ (lua_poolsim.h). */
#include "lua/lua_poolsim.h"

#include <lauxlib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lua/scripts.h"

#define SCENARIO_MT "poolsim.Scenario"

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

/* poolsim.uniform{min=, max=}: equally likely anywhere in [min, max]; mean and sd
** ride along for reports */
static int helper_uniform(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  double lo = dist_field(L, "uniform", "min"), hi = dist_field(L, "uniform", "max");
  if (!(lo < hi)) return raise(L, "poolsim.uniform: min must be < max, got min %g and max %g", lo, hi);
  push_dist(L, "uniform", (lo + hi) / 2, (hi - lo) / sqrt(12));
  lua_pushnumber(L, lo);
  lua_setfield(L, -2, "min");
  lua_pushnumber(L, hi);
  lua_setfield(L, -2, "max");
  return 1;
}

/* poolsim.poisson{mean=}: a count drawn each period, Poisson with that mean (> 0) */
static int helper_poisson(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  double mean = dist_field(L, "poisson", "mean");
  if (!(mean > 0)) return raise(L, "poolsim.poisson: mean must be > 0, got %g", mean);
  lua_createtable(L, 0, 2);
  lua_pushliteral(L, "poisson");
  lua_setfield(L, -2, "dist");
  lua_pushnumber(L, mean);
  lua_setfield(L, -2, "mean");
  return 1;
}

/* poolsim.uncertain(dist): a copy of the distribution table marked uncertain = true, which the
** loader draws once per path where a number would be (pd, lgd, rho, cycle) */
static int helper_uncertain(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_getfield(L, 1, "dist");
  const char *name = lua_tostring(L, -1);
  if (lua_type(L, -1) != LUA_TSTRING ||
      (strcmp(name, "beta") != 0 && strcmp(name, "uniform") != 0 && strcmp(name, "lognormal") != 0))
    return raise(L, "poolsim.uncertain: give it poolsim.beta{}, poolsim.uniform{} or poolsim.lognormal{}");
  lua_pop(L, 1);
  lua_createtable(L, 0, 6);
  lua_pushnil(L);
  while (lua_next(L, 1)) {
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_rawset(L, -4);
  }
  lua_pushboolean(L, 1);
  lua_setfield(L, -2, "uncertain");
  return 1;
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
    {"beta", helper_beta}, {"uniform", helper_uniform}, {"tiered", helper_tiered}, {"csv", helper_csv}, {"scenario", helper_scenario},
    {"poisson", helper_poisson}, {"uncertain", helper_uncertain},
    {NULL, NULL}};

/* ps_lua_is_scenario — is the value at idx a table poolsim.scenario{...} made? */
int ps_lua_is_scenario(lua_State *L, int idx) {
  if (!lua_istable(L, idx) || !lua_getmetatable(L, idx)) return 0;
  luaL_getmetatable(L, SCENARIO_MT);
  int is_scenario = lua_rawequal(L, -1, -2);
  lua_pop(L, 2);
  return is_scenario;
}

/* ps_lua_open_poolsim — the scenario registry, then the global `poolsim` */
void ps_lua_open_poolsim(lua_State *L) {
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
}
