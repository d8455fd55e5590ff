/* ctx.c — the ctx object of policy hooks (ctx.h): its methods in a table
** that is the metatable's __index (as liolib.c's createmeta does), so that
** ctx:pool(...) costs a table lookup; the data fields (period, year,
** periods_per_year) come from that table's own __index when the lookup misses. */
#include "lua/ctx.h"

#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define CONTEXT_MT "poolsim.Context"
#define MAX_TOPUP_YUAN 1e15
#define FRACTION_TOLERANCE 1e-9

static ps_ctx *ctx_of(lua_State *L) { return *(ps_ctx **)luaL_checkudata(L, 1, CONTEXT_MT); }

static int find_pool(const ps_model *m, const char *id) {
  for (int i = 0; i < m->npools; i++)
    if (strcmp(m->pools[i].id, id) == 0) return i;
  return -1;
}

/* the programme named by argument 2 of a ctx method, or an error */
static int check_programme(lua_State *L, const ps_model *m, const char *method) {
  const char *id = luaL_checkstring(L, 2);
  for (int i = 0; i < m->nprogrammes; i++)
    if (strcmp(m->programmes[i].id, id) == 0) return i;
  return luaL_error(L, "ctx:%s: no programme with id '%s'", method, id);
}

/* the id of a programme's share i (pool or party) */
static const char *share_id(const ps_model *m, const ps_programme *prog, int i) {
  int a = prog->shares[i].account;
  return a < m->nparties ? m->parties[a].id : m->pools[a - m->nparties].id;
}

/* a payer table (at idx, a table) into share fractions: 1; or, where the table is wrong, raise the
** message (raise) or return 0 with the stack as it was */
static int read_fractions(lua_State *L, int idx, const ps_model *m, int k, double total, const char *who,
                          double *fractions, int raise) {
  const ps_programme *prog = &m->programmes[k];
  for (int i = 0; i < prog->nshares; i++) fractions[i] = 0;
  double sum = 0;
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    const char *key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
    int slot = -1;
    for (int i = 0; i < prog->nshares && slot < 0; i++)
      if (strcmp(share_id(m, prog, i), key) == 0) slot = i;
    double v = lua_tonumber(L, -1);
    int bad = slot < 0 || lua_type(L, -1) != LUA_TNUMBER || !(v >= 0) || !isfinite(v);
    if (bad && !raise) {
      lua_pop(L, 2);
      return 0;
    }
    if (slot < 0) luaL_error(L, "%s: '%s' is not a payer of programme '%s'", who, key, prog->id);
    if (bad) luaL_error(L, "%s: the value for '%s' must be a number >= 0", who, key);
    fractions[slot] = v;
    sum += v;
    lua_pop(L, 1);
  }
  if (fabs(sum - 1) <= FRACTION_TOLERANCE) return 1;
  if (total > 0 && fabs(sum - total) <= 0.005) { /* amounts in yuan, to half a fen */
    for (int i = 0; i < prog->nshares; i++) fractions[i] /= total;
    return 1;
  }
  if (!raise) return 0;
  char msg[256];
  if (total > 0)
    snprintf(msg, sizeof msg, "%s: values sum to %.10g; fractions must sum to 1, amounts to the loss %.2f", who, sum,
             total);
  else snprintf(msg, sizeof msg, "%s: fractions sum to %.10g, expected 1", who, sum);
  return luaL_error(L, "%s", msg);
}

/* ps_ctx_read_fractions — a payer table into share fractions, or a Lua error (ctx.h) */
void ps_ctx_read_fractions(lua_State *L, int idx, const ps_model *m, int k, double total, const char *who,
                           double *fractions) {
  luaL_checktype(L, idx, LUA_TTABLE);
  read_fractions(L, lua_absindex(L, idx), m, k, total, who, fractions, 1);
}

/* ps_ctx_try_fractions — the same without raising (ctx.h) */
int ps_ctx_try_fractions(lua_State *L, int idx, const ps_model *m, int k, double total, double *fractions) {
  return lua_type(L, idx) == LUA_TTABLE && read_fractions(L, lua_absindex(L, idx), m, k, total, NULL, fractions, 0);
}

/* ctx:pool(id) -> { id = id, balance = yuan } */
static int ctx_pool(lua_State *L) {
  const ps_ctx *c = ctx_of(L);
  const char *id = luaL_checkstring(L, 2);
  int pool = find_pool(c->m, id);
  if (pool < 0) return luaL_error(L, "ctx:pool: no pool with id '%s'", id);
  lua_createtable(L, 0, 2);
  lua_pushstring(L, id);
  lua_setfield(L, -2, "id");
  lua_pushnumber(L, (double)ps_path_pool_balance(c->path, pool) / PS_FEN_PER_YUAN);
  lua_setfield(L, -2, "balance");
  return 1;
}

/* ctx:topup(id, yuan): the pool's owner pays yuan into it now */
static int ctx_topup(lua_State *L) {
  const ps_ctx *c = ctx_of(L);
  const char *id = luaL_checkstring(L, 2);
  double yuan = luaL_checknumber(L, 3);
  int pool = find_pool(c->m, id);
  if (pool < 0) return luaL_error(L, "ctx:topup: no pool with id '%s'", id);
  if (!isfinite(yuan) || yuan < 0 || yuan > MAX_TOPUP_YUAN)
    return luaL_error(L, "ctx:topup: the amount must be a number of yuan in [0, 1e15], got %f", yuan);
  int64_t fen = (int64_t)llround(yuan * PS_FEN_PER_YUAN);
  int rc = fen > 0 ? ps_path_topup(c->path, pool, fen) : PS_OK;
  if (rc == PS_EINPUT) {
    char why[512];
    ps_path_overflow(c->path, why, sizeof why);
    return luaL_error(L, "ctx:topup: %s", why);
  }
  if (rc) return luaL_error(L, "ctx:topup: out of memory");
  return 0;
}

/* ctx:programme(id) -> { id, npl_ratio, performing, defaults, originated, paused, stopped } */
static int ctx_programme(lua_State *L) {
  const ps_ctx *c = ctx_of(L);
  int k = check_programme(L, c->m, "programme");
  ps_programme_view v;
  ps_path_programme_view(c->path, k, &v);
  lua_createtable(L, 0, 7);
  lua_pushstring(L, c->m->programmes[k].id);
  lua_setfield(L, -2, "id");
  lua_pushnumber(L, v.npl_ratio);
  lua_setfield(L, -2, "npl_ratio");
  lua_pushnumber(L, v.performing);
  lua_setfield(L, -2, "performing");
  lua_pushinteger(L, v.defaults);
  lua_setfield(L, -2, "defaults");
  lua_pushinteger(L, v.originated);
  lua_setfield(L, -2, "originated");
  lua_pushboolean(L, v.paused);
  lua_setfield(L, -2, "paused");
  lua_pushboolean(L, v.stopped);
  lua_setfield(L, -2, "stopped");
  return 1;
}

static int ctx_suspend(lua_State *L) {
  const ps_ctx *c = ctx_of(L);
  ps_path_suspend(c->path, check_programme(L, c->m, "suspend"), 1);
  return 0;
}

static int ctx_resume(lua_State *L) {
  const ps_ctx *c = ctx_of(L);
  ps_path_suspend(c->path, check_programme(L, c->m, "resume"), 0);
  return 0;
}

/* ctx:set_share(id, { payer = fraction, ... }) for later defaults; ctx:set_share(id) restores */
static int ctx_set_share(lua_State *L) {
  const ps_ctx *c = ctx_of(L);
  int k = check_programme(L, c->m, "set_share");
  if (lua_isnoneornil(L, 3)) {
    ps_path_set_share(c->path, k, NULL);
    return 0;
  }
  double fractions[PS_MAX_SHARES];
  if (c->loans) ps_loan_table_fill(L, c->loans, 3); /* a hook's own loan table, read raw below */
  ps_ctx_read_fractions(L, 3, c->m, k, 0, "ctx:set_share", fractions);
  ps_path_set_share(c->path, k, fractions);
  return 0;
}

static int ctx_newindex(lua_State *L) {
  return luaL_error(L, "ctx is read-only: act through its methods (ctx:topup, ctx:suspend, ...)");
}

/* __index of the methods table, for what is not a method: the data fields,
** read now, or an error. Upvalue 1: the state's ps_ctx (a light userdata). */
static int ctx_field(lua_State *L) {
  const ps_ctx *c = lua_touserdata(L, lua_upvalueindex(1));
  const char *key = luaL_checkstring(L, 2);
  int per_year = ps_periods_per_year(c->m->step);
  if (strcmp(key, "period") == 0) {
    lua_pushinteger(L, c->period);
    return 1;
  }
  if (strcmp(key, "periods_per_year") == 0) {
    lua_pushinteger(L, per_year);
    return 1;
  }
  if (strcmp(key, "year") == 0) { /* the fiscal year of the period, from 1 */
    lua_pushinteger(L, (c->period - 1) / per_year + 1);
    return 1;
  }
  return luaL_error(L, "ctx has no field '%s' (see docs/scenario.md, Policies)", key);
}

/* ps_ctx_push — the userdata, and once per state its metatable and methods */
void ps_ctx_push(lua_State *L, ps_ctx *c) {
  static const luaL_Reg methods[] = {{"pool", ctx_pool},       {"topup", ctx_topup},   {"programme", ctx_programme},
                                     {"suspend", ctx_suspend}, {"resume", ctx_resume}, {"set_share", ctx_set_share},
                                     {NULL, NULL}};
  *(ps_ctx **)lua_newuserdatauv(L, sizeof(ps_ctx *), 0) = c;
  if (luaL_newmetatable(L, CONTEXT_MT)) { /* its __name names the type in messages */
    luaL_newlib(L, methods);
    lua_createtable(L, 0, 1); /* the methods table's metatable */
    lua_pushlightuserdata(L, c);
    lua_pushcclosure(L, ctx_field, 1);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, ctx_newindex);
    lua_setfield(L, -2, "__newindex");
  }
  lua_setmetatable(L, -2);
}
