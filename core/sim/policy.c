/* policy.c — the Lua hooks and their ctx object. */
#include "sim/policy.h"

#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua/lua_env.h"
#include "sim/path_state.h"
#include "sim/rng.h"

#define CONTEXT_MT "poolsim.Context"
#define MAX_TOPUP_YUAN 1e15
#define FRACTION_TOLERANCE 1e-9

struct ps_policy {
  const ps_model *m;
  gsl_rng *random; /* math.random inside hooks: the path's policy stream */
  lua_State *L;    /* this path's state */
  int on_period, on_default, ctx; /* registry refs */
  int *split;      /* per programme: registry ref of its split function */
  char *bytecode;  /* the scenario compiled once, run in each path's fresh state */
  size_t bytecode_len;
  ps_path *path;   /* set during a call */
  int period;
};

ps_policy *ps_policy_new(const ps_model *m) {
  ps_policy *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  p->m = m;
  p->split = calloc((size_t)m->nprogrammes + 1, sizeof *p->split);
  p->bytecode = ps_lua_compile(m->file, m->source, m->source_len, &p->bytecode_len);
  if (!p->split || !p->bytecode || !(p->random = ps_rng_alloc())) {
    free(p->split);
    free(p->bytecode);
    free(p);
    return NULL;
  }
  return p;
}

void ps_policy_free(ps_policy *p) {
  if (!p) return;
  ps_lua_close(p->L);
  gsl_rng_free(p->random);
  free(p->split);
  free(p->bytecode);
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

/* Read the table at idx, { payer id = value }, into fractions of the loss over
** the programme's shares: values are fractions summing to 1, or (when total > 0)
** yuan summing to total. Raises a Lua error naming `who` otherwise. */
static void read_fractions(lua_State *L, int idx, const ps_model *m, int k, double total, const char *who,
                           double *fractions) {
  const ps_programme *prog = &m->programmes[k];
  luaL_checktype(L, idx, LUA_TTABLE);
  for (int i = 0; i < prog->nshares; i++) fractions[i] = 0;
  double sum = 0;
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    const char *key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
    int slot = -1;
    for (int i = 0; i < prog->nshares && slot < 0; i++)
      if (strcmp(share_id(m, prog, i), key) == 0) slot = i;
    if (slot < 0) luaL_error(L, "%s: '%s' is not a payer of programme '%s'", who, key, prog->id);
    double v = lua_tonumber(L, -1);
    if (lua_type(L, -1) != LUA_TNUMBER || !(v >= 0) || !isfinite(v))
      luaL_error(L, "%s: the value for '%s' must be a number >= 0", who, key);
    fractions[slot] = v;
    sum += v;
    lua_pop(L, 1);
  }
  if (fabs(sum - 1) <= FRACTION_TOLERANCE) return;
  if (total > 0 && fabs(sum - total) <= 0.005) { /* amounts in yuan, to half a fen */
    for (int i = 0; i < prog->nshares; i++) fractions[i] /= total;
    return;
  }
  char msg[256];
  if (total > 0)
    snprintf(msg, sizeof msg, "%s: values sum to %.10g; fractions must sum to 1, amounts to the loss %.2f", who, sum,
             total);
  else snprintf(msg, sizeof msg, "%s: fractions sum to %.10g, expected 1", who, sum);
  luaL_error(L, "%s", msg);
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

/* ctx:programme(id) -> { id, npl_ratio, performing, defaults, originated, paused, stopped } */
static int ctx_programme(lua_State *L) {
  ps_policy *p = policy_of(L);
  int k = check_programme(L, p->m, "programme");
  ps_programme_view v;
  ps_path_programme_view(p->path, k, &v);
  lua_createtable(L, 0, 7);
  lua_pushstring(L, p->m->programmes[k].id);
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
  ps_policy *p = policy_of(L);
  ps_path_suspend(p->path, check_programme(L, p->m, "suspend"), 1);
  return 0;
}

static int ctx_resume(lua_State *L) {
  ps_policy *p = policy_of(L);
  ps_path_suspend(p->path, check_programme(L, p->m, "resume"), 0);
  return 0;
}

/* ctx:set_share(id, { payer = fraction, ... }) for later defaults; ctx:set_share(id) restores */
static int ctx_set_share(lua_State *L) {
  ps_policy *p = policy_of(L);
  int k = check_programme(L, p->m, "set_share");
  if (lua_isnoneornil(L, 3)) {
    ps_path_set_share(p->path, k, NULL);
    return 0;
  }
  double fractions[PS_MAX_SHARES];
  read_fractions(L, 3, p->m, k, 0, "ctx:set_share", fractions);
  ps_path_set_share(p->path, k, fractions);
  return 0;
}

static int ctx_index(lua_State *L) {
  static const luaL_Reg methods[] = {{"pool", ctx_pool},       {"topup", ctx_topup},   {"programme", ctx_programme},
                                     {"suspend", ctx_suspend}, {"resume", ctx_resume}, {"set_share", ctx_set_share},
                                     {NULL, NULL}};
  ps_policy *p = policy_of(L);
  const char *key = luaL_checkstring(L, 2);
  int per_year = ps_periods_per_year(p->m->step);
  if (strcmp(key, "period") == 0) {
    lua_pushinteger(L, p->period);
    return 1;
  }
  if (strcmp(key, "periods_per_year") == 0) {
    lua_pushinteger(L, per_year);
    return 1;
  }
  if (strcmp(key, "year") == 0) { /* the fiscal year of the period, from 1 */
    lua_pushinteger(L, (p->period - 1) / per_year + 1);
    return 1;
  }
  for (const luaL_Reg *r = methods; r->name; r++)
    if (strcmp(key, r->name) == 0) {
      lua_pushcfunction(L, r->func);
      return 1;
    }
  return luaL_error(L, "ctx has no field '%s' (see docs/scenario.md, Policies)", key);
}

static int ctx_newindex(lua_State *L) {
  return luaL_error(L, "ctx is read-only: act through its methods (ctx:topup, ctx:suspend, ...)");
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

/* registry ref of field `name` of the table on the stack top (LUA_REFNIL if absent) */
static int ref_field(lua_State *L, const char *name) {
  lua_getfield(L, -1, name);
  return luaL_ref(L, LUA_REGISTRYINDEX);
}

/* the hooks of the scenario table (argument 2), called under lua_pcall: a
** read can run the scenario's metatable code, which may fail */
static int read_hooks(lua_State *L) {
  ps_policy *p = lua_touserdata(L, 1);
  lua_settop(L, 2);
  p->on_period = ref_field(L, "on_period");
  p->on_default = ref_field(L, "on_default");
  lua_getfield(L, -1, "programmes");
  for (int k = 0; k < p->m->nprogrammes; k++) {
    lua_rawgeti(L, -1, k + 1);
    p->split[k] = lua_istable(L, -1) ? ref_field(L, "split") : LUA_REFNIL;
    lua_pop(L, 1);
  }
  return 0;
}

int ps_policy_begin_path(ps_policy *p, uint64_t seed, long index, char *err, size_t errlen) {
  ps_lua_close(p->L);
  ps_rng_seed_stream(p->random, seed, (uint64_t)index, PS_STREAM_POLICY);
  if (!(p->L = ps_lua_new(p->random))) {
    snprintf(err, errlen, "out of memory creating the Lua state of path %ld", index);
    return -1;
  }
  if (ps_lua_run_chunk(p->L, p->m->file, p->bytecode, p->bytecode_len, "b", err, errlen)) return -1;
  lua_pushcfunction(p->L, read_hooks);
  lua_pushlightuserdata(p->L, p);
  lua_pushvalue(p->L, -3);
  if (ps_lua_pcall(p->L, 2, 0) != LUA_OK) {
    const char *msg = lua_tostring(p->L, -1);
    snprintf(err, errlen, "%s: reading the hooks of path %ld: %s", p->m->file, index, msg ? msg : "out of memory");
    return -1;
  }
  lua_pop(p->L, 1);
  make_context(p);
  return 0;
}

/* push the function behind ref, or fail: the scenario ran differently in this state */
static int push_hook(ps_policy *p, int ref, const char *name, char *err, size_t errlen) {
  lua_rawgeti(p->L, LUA_REGISTRYINDEX, ref);
  if (lua_isfunction(p->L, -1)) return 0;
  lua_pop(p->L, 1);
  snprintf(err, errlen, "%s: %s is not a function when the scenario is re-run (does it depend on something outside the file?)",
           p->m->file, name);
  return -1;
}

/* call the hook with nargs arguments (and ctx after them), keeping nresults */
static int call_hook(ps_policy *p, ps_path *w, int nargs, int nresults, const char *name, char *err, size_t errlen) {
  lua_State *L = p->L;
  p->path = w;
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->ctx);
  ps_lua_set_budget(L, PS_LUA_HOOK_INSTRUCTIONS);
  if (ps_lua_pcall(L, nargs + 1, nresults) == LUA_OK) return 0;
  const char *msg = lua_tostring(L, -1);
  snprintf(err, errlen, "%s (in %s, period %d)", msg ? msg : "out of memory", name, p->period);
  lua_pop(L, 1);
  return -1;
}

int ps_policy_on_period(ps_policy *p, ps_path *w, int t, char *err, size_t errlen) {
  p->period = t;
  if (!p->m->has_on_period) return 0;
  if (push_hook(p, p->on_period, "on_period", err, errlen)) return -1;
  return call_hook(p, w, 0, 0, "on_period", err, errlen);
}

/* push the loan table hooks receive */
static void push_loan(lua_State *L, const ps_model *m, const ps_loan_view *loan) {
  lua_createtable(L, 0, 7);
  lua_pushstring(L, m->programmes[loan->programme].id);
  lua_setfield(L, -2, "programme");
  lua_pushstring(L, m->segments[loan->segment].id);
  lua_setfield(L, -2, "segment");
  lua_pushinteger(L, loan->period);
  lua_setfield(L, -2, "period");
  lua_pushinteger(L, loan->age);
  lua_setfield(L, -2, "age");
  lua_pushnumber(L, loan->amount);
  lua_setfield(L, -2, "amount");
  lua_pushnumber(L, loan->exposure);
  lua_setfield(L, -2, "exposure");
  lua_pushnumber(L, loan->lgd);
  lua_setfield(L, -2, "lgd");
}

int ps_policy_on_default(ps_policy *p, ps_path *w, ps_loan_view *loan, char *err, size_t errlen) {
  lua_State *L = p->L;
  if (push_hook(p, p->on_default, "on_default", err, errlen)) return -1;
  push_loan(L, p->m, loan);
  if (call_hook(p, w, 1, 1, "on_default", err, errlen)) return -1;
  int rc = 0;
  if (lua_istable(L, -1)) {
    lua_pushliteral(L, "lgd");
    lua_rawget(L, -2); /* raw: a metamethod raising here, outside any pcall, would abort poolsim */
    if (!lua_isnil(L, -1)) {
      double lgd = lua_tonumber(L, -1);
      if (lua_type(L, -1) != LUA_TNUMBER || !(lgd >= 0 && lgd <= 1)) {
        snprintf(err, errlen, "%s: on_default returned lgd that is not a fraction in [0, 1] (period %d)", p->m->file,
                 p->period);
        rc = -1;
      } else loan->lgd = lgd;
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return rc;
}

/* protected part of ps_policy_split: read the returned table (arg 1) */
static int read_split_result(lua_State *L) {
  ps_policy *p = lua_touserdata(L, lua_upvalueindex(1));
  const ps_loan_view *loan = lua_touserdata(L, lua_upvalueindex(2));
  double *fractions = lua_touserdata(L, lua_upvalueindex(3));
  char who[128];
  snprintf(who, sizeof who, "split of programme '%s'", p->m->programmes[loan->programme].id);
  if (!lua_istable(L, 1)) return luaL_error(L, "%s must return a table { payer = fraction or yuan }", who);
  read_fractions(L, 1, p->m, loan->programme, loan->exposure, who, fractions);
  return 0;
}

int ps_policy_split(ps_policy *p, ps_path *w, const ps_loan_view *loan, double *fractions, char *err,
                    size_t errlen) {
  lua_State *L = p->L;
  if (push_hook(p, p->split[loan->programme], "split", err, errlen)) return -1;
  lua_pushnumber(L, loan->exposure);
  push_loan(L, p->m, loan);
  if (call_hook(p, w, 2, 1, "split", err, errlen)) return -1;
  lua_pushlightuserdata(L, p);
  lua_pushlightuserdata(L, (void *)loan);
  lua_pushlightuserdata(L, fractions);
  lua_pushcclosure(L, read_split_result, 3);
  lua_insert(L, -2);
  if (ps_lua_pcall(L, 1, 0) != LUA_OK) {
    snprintf(err, errlen, "%s: %s (period %d)", p->m->file, lua_tostring(L, -1), p->period);
    lua_pop(L, 1);
    return -1;
  }
  return 0;
}
