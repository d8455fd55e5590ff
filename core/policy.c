/* policy.c — the on_period hook and its ctx object. */
#include "policy.h"

#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua_env.h"
#include "rng.h"

#define CONTEXT_MT "poolsim.Context"
#define MAX_TOPUP_YUAN 1e15

struct ps_policy {
  const ps_model *m;
  gsl_rng *random; /* math.random inside hooks: the path's policy stream */
  lua_State *L;    /* this path's state */
  int on_period;   /* registry refs */
  int ctx;
  ps_path *path;   /* set during a call */
  int period;
};

ps_policy *ps_policy_new(const ps_model *m) {
  ps_policy *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  p->m = m;
  if (!(p->random = ps_rng_alloc())) {
    free(p);
    return NULL;
  }
  return p;
}

void ps_policy_free(ps_policy *p) {
  if (!p) return;
  ps_lua_close(p->L);
  gsl_rng_free(p->random);
  free(p);
}

static ps_policy *policy_of(lua_State *L) {
  return *(ps_policy **)luaL_checkudata(L, 1, CONTEXT_MT);
}

static int find_pool(const ps_model *m, const char *id) {
  for (int i = 0; i < m->npools; i++)
    if (strcmp(m->pools[i].id, id) == 0) return i;
  return -1;
}

/* ctx:pool(id) -> { id = id, balance = yuan } */
static int ctx_pool(lua_State *L) {
  ps_policy *p = policy_of(L);
  const char *id = luaL_checkstring(L, 2);
  int pool = find_pool(p->m, id);
  if (pool < 0) return luaL_error(L, "ctx:pool: no pool with id '%s'", id);
  lua_createtable(L, 0, 2);
  lua_pushstring(L, id);
  lua_setfield(L, -2, "id");
  lua_pushnumber(L, (double)ps_path_pool_balance(p->path, pool) / PS_FEN_PER_YUAN);
  lua_setfield(L, -2, "balance");
  return 1;
}

/* ctx:topup(id, yuan): the pool's owner pays yuan into it now */
static int ctx_topup(lua_State *L) {
  ps_policy *p = policy_of(L);
  const char *id = luaL_checkstring(L, 2);
  double yuan = luaL_checknumber(L, 3);
  int pool = find_pool(p->m, id);
  if (pool < 0) return luaL_error(L, "ctx:topup: no pool with id '%s'", id);
  if (!isfinite(yuan) || yuan < 0 || yuan > MAX_TOPUP_YUAN)
    return luaL_error(L, "ctx:topup: the amount must be a number of yuan in [0, 1e15], got %f", yuan);
  int64_t fen = (int64_t)llround(yuan * PS_FEN_PER_YUAN);
  if (fen > 0 && ps_path_topup(p->path, pool, fen)) return luaL_error(L, "ctx:topup: out of memory");
  return 0;
}

static int ctx_index(lua_State *L) {
  ps_policy *p = policy_of(L);
  const char *key = luaL_checkstring(L, 2);
  if (strcmp(key, "period") == 0) lua_pushinteger(L, p->period);
  else if (strcmp(key, "pool") == 0) lua_pushcfunction(L, ctx_pool);
  else if (strcmp(key, "topup") == 0) lua_pushcfunction(L, ctx_topup);
  else return luaL_error(L, "ctx has no field '%s' (it has ctx.period, ctx:pool(id), ctx:topup(id, yuan))", key);
  return 1;
}

static int ctx_newindex(lua_State *L) {
  return luaL_error(L, "ctx is read-only: act through ctx:topup(id, yuan)");
}

/* make the ctx userdata of this state and keep it in the registry */
static void make_context(ps_policy *p) {
  lua_State *L = p->L;
  *(ps_policy **)lua_newuserdatauv(L, sizeof(ps_policy *), 0) = p;
  if (luaL_newmetatable(L, CONTEXT_MT)) {
    lua_pushcfunction(L, ctx_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, ctx_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushliteral(L, "poolsim.Context");
    lua_setfield(L, -2, "__name");
  }
  lua_setmetatable(L, -2);
  p->ctx = luaL_ref(L, LUA_REGISTRYINDEX);
}

int ps_policy_begin_path(ps_policy *p, uint64_t seed, long index, char *err, size_t errlen) {
  ps_lua_close(p->L);
  ps_rng_seed_stream(p->random, seed, (uint64_t)index, PS_STREAM_POLICY);
  if (!(p->L = ps_lua_new(p->random))) {
    snprintf(err, errlen, "out of memory creating the Lua state of path %ld", index);
    return -1;
  }
  if (ps_lua_run_scenario(p->L, p->m->file, p->m->source, p->m->source_len, err, errlen)) return -1;
  lua_getfield(p->L, -1, "on_period");
  p->on_period = luaL_ref(p->L, LUA_REGISTRYINDEX);
  lua_pop(p->L, 1);
  make_context(p);
  return 0;
}

int ps_policy_on_period(ps_policy *p, ps_path *w, long index, int t, char *err, size_t errlen) {
  lua_State *L = p->L;
  p->path = w;
  p->period = t;
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->on_period);
  if (!lua_isfunction(L, -1)) { /* the scenario ran differently in this state */
    lua_pop(L, 1);
    snprintf(err, errlen, "%s: on_period is not a function when the scenario is re-run (does it depend on something outside the file?)",
             p->m->file);
    return -1;
  }
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->ctx);
  ps_lua_set_budget(L, PS_LUA_HOOK_INSTRUCTIONS);
  if (ps_lua_pcall(L, 1, 0) != LUA_OK) {
    const char *msg = lua_tostring(L, -1);
    snprintf(err, errlen, "%s (in on_period, path %ld, period %d)", msg ? msg : "out of memory", index, t);
    lua_pop(L, 1);
    return -1;
  }
  return 0;
}
