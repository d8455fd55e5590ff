/* policy.c — the Lua hooks of a path: one state per worker, the scenario run in
** it once, and what the hooks can reach put back as it was before each path
** (lua/lua_reset.h; the scenario run again for each path if it draws random
** numbers or prints), hooks kept as registry refs and on the stack, each call under a budget and a
** message handler; the ctx they receive is lua/ctx.c's. */
#include "sim/policy.h"

#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua/ctx.h"
#include "lua/loan_table.h"
#include "lua/lua_env.h"
#include "lua/lua_reset.h"
#include "sim/rng.h"

struct ps_policy {
  const ps_model *m;
  gsl_rng *random; /* math.random inside hooks: the path's policy stream */
  lua_State *L;    /* the worker's state, reset before each path; NULL until the first path or after a failure */
  int on_period, on_default, ctx_ref, chunk_ref; /* registry refs; chunk: the scenario, loaded once */
  int rerun;       /* the scenario draws random numbers or prints as it runs: run it again for each path */
  int *split;      /* per programme: registry ref of its split function */
  int *bare;       /* per programme, then on_default: the hook is a Lua function without upvalues */
  ps_loan_table loans; /* the loan tables hooks receive, at LOANS */
  char *split_who; /* per programme, WHO_SIZE bytes: "split of programme 'id'", for messages */
  const ps_loan_view *split_loan; /* the split under way: its loan and where its fractions go */
  double *split_fractions;
  char *bytecode;  /* the scenario compiled once, run in the worker's state */
  size_t bytecode_len;
  ps_ctx ctx;      /* what ctx sees: the path and period, set before each call */
  int (*interrupted)(void); /* stops the hooks when nonzero; NULL: never */
};

#define WHO_SIZE 128 /* bytes of a split's name in messages */
#define HANDLER 1   /* the stack index of the message handler hooks are called with */
#define LOANS 2       /* the stack index of the first of the loan tables' PS_LOAN_SLOTS slots (lua/loan_table.h) */
#define CTX (LOANS + PS_LOAN_SLOTS) /* the stack index of ctx */
/* the stack indexes of the hooks (copies of their refs, pushed without a lookup): on_period,
** on_default, then the split of each programme */
#define ON_PERIOD (CTX + 1)
#define ON_DEFAULT (CTX + 2)
#define SPLIT(k) (CTX + 3 + (k))

/* ps_policy_new — the hooks of m for one worker (the scenario compiled once); NULL when out of memory */
ps_policy *ps_policy_new(const ps_model *m) {
  ps_policy *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  p->m = m;
  p->ctx.m = m;
  p->split = calloc((size_t)m->nprogrammes + 1, sizeof *p->split);
  p->bare = calloc((size_t)m->nprogrammes + 1, sizeof *p->bare);
  p->split_who = malloc((size_t)(m->nprogrammes + 1) * WHO_SIZE);
  for (int k = 0; p->split_who && k < m->nprogrammes; k++)
    snprintf(p->split_who + (size_t)k * WHO_SIZE, WHO_SIZE, "split of programme '%s'", m->programmes[k].id);
  p->bytecode = ps_lua_compile(m->file, m->source, m->source_len, &p->bytecode_len);
  if (!p->split || !p->bare || !p->split_who || !p->bytecode || !(p->random = ps_rng_new())) {
    free(p->split);
    free(p->bare);
    free(p->split_who);
    free(p->bytecode);
    free(p);
    return NULL;
  }
  return p;
}

/* ps_policy_set_interrupt — stop the hooks of the next paths once interrupted() is nonzero */
void ps_policy_set_interrupt(ps_policy *p, int (*interrupted)(void)) { p->interrupted = interrupted; }

/* ps_policy_free — destroy p and its Lua state (NULL is fine) */
void ps_policy_free(ps_policy *p) {
  if (!p) return;
  ps_lua_free(p->L);
  gsl_rng_free(p->random);
  free(p->split);
  free(p->bare);
  free(p->split_who);
  free(p->bytecode);
  free(p);
}

/* registry ref of field `name` of the table on the stack top (LUA_REFNIL if absent) */
static int ref_field(lua_State *L, const char *name) {
  lua_getfield(L, -1, name);
  return luaL_ref(L, LUA_REGISTRYINDEX);
}

/* is the function behind ref a Lua function without upvalues? */
static int bare_hook(lua_State *L, int ref) {
  lua_Debug ar;
  lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
  if (!lua_isfunction(L, -1)) {
    lua_pop(L, 1);
    return 0;
  }
  return lua_getinfo(L, ">Su", &ar) && strcmp(ar.what, "Lua") == 0 && ar.nups == 0;
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
    p->bare[k] = bare_hook(L, p->split[k]);
  }
  p->bare[p->m->nprogrammes] = bare_hook(L, p->on_default);
  return 0;
}

/* forget the worker's state after a failure: the next path starts from a new one */
static void drop_state(ps_policy *p) {
  ps_lua_free(p->L);
  p->L = NULL;
}

/* drop the hooks' refs of the previous run of the scenario */
static void unref_hooks(ps_policy *p) {
  luaL_unref(p->L, LUA_REGISTRYINDEX, p->on_period);
  luaL_unref(p->L, LUA_REGISTRYINDEX, p->on_default);
  for (int k = 0; k < p->m->nprogrammes; k++) luaL_unref(p->L, LUA_REGISTRYINDEX, p->split[k]);
  p->on_period = p->on_default = LUA_NOREF;
  for (int k = 0; k < p->m->nprogrammes; k++) p->split[k] = LUA_NOREF;
}

/* run the compiled scenario and take its hooks; PS_OK, or PS_ERUNTIME (it failed to run again, or
** out of memory) with a message */
static int run_scenario(ps_policy *p, long index, char *err, size_t errlen) {
  unref_hooks(p);
  /* the scenario ran when it was loaded: its compiled form failing here is PS_ERUNTIME */
  lua_rawgeti(p->L, LUA_REGISTRYINDEX, p->chunk_ref);
  if (ps_lua_call_chunk(p->L, p->m->file, err, errlen)) return PS_ERUNTIME;
  lua_pushcfunction(p->L, read_hooks);
  lua_pushlightuserdata(p->L, p);
  lua_pushvalue(p->L, -3);
  if (ps_lua_pcall(p->L, 2, 0) != LUA_OK) {
    const char *msg = lua_tostring(p->L, -1);
    snprintf(err, errlen, "%s: reading the hooks of path %ld: %s", p->m->file, index, msg ? msg : "out of memory");
    return PS_ERUNTIME;
  }
  lua_pop(p->L, 1);
  lua_rawgeti(p->L, LUA_REGISTRYINDEX, p->on_period);
  lua_replace(p->L, ON_PERIOD);
  lua_rawgeti(p->L, LUA_REGISTRYINDEX, p->on_default);
  lua_replace(p->L, ON_DEFAULT);
  for (int k = 0; k < p->m->nprogrammes; k++) {
    lua_rawgeti(p->L, LUA_REGISTRYINDEX, p->split[k]);
    lua_replace(p->L, SPLIT(k));
  }
  return PS_OK;
}

/* push the hooks (as roots of a snapshot); how many */
static int push_hooks(ps_policy *p) {
  int n = 0;
  lua_rawgeti(p->L, LUA_REGISTRYINDEX, p->on_period), n++;
  lua_rawgeti(p->L, LUA_REGISTRYINDEX, p->on_default), n++;
  for (int k = 0; k < p->m->nprogrammes; k++) lua_rawgeti(p->L, LUA_REGISTRYINDEX, p->split[k]), n++;
  return n;
}

/* push what the hooks could reach besides their own upvalues: the globals, a string (for the
** string metatable) and ctx (for its metatable); how many */
static int push_shared(ps_policy *p) {
  lua_pushglobaltable(p->L);
  lua_pushliteral(p->L, "");
  lua_pushvalue(p->L, CTX);
  return 3;
}

/* a new state for the worker, the scenario run in it (math.random on the path's stream, already
** seeded) and its hooks taken: the sandbox, ctx, and the snapshot restores go back to; PS_OK, or
** PS_ERUNTIME with a message.
** When the scenario drew random numbers or printed as it ran, each path runs it again (p->rerun): the
** snapshot is of what the libraries, poolsim and ctx reach before it runs. Otherwise it runs once
** per worker and the snapshot is of what the hooks reach after it: their upvalues, and the tables
** and functions those reach; and, when there is any, the globals and the string and ctx
** metatables too (a hook that reaches a table or a changeable upvalue may reach getmetatable). */
static int new_state(ps_policy *p, long index, char *err, size_t errlen) {
  if (!(p->L = ps_lua_new(p->random))) {
    snprintf(err, errlen, "out of memory creating the Lua state of path %ld", index);
    return PS_ERUNTIME;
  }
  ps_lua_set_interrupt(p->L, p->interrupted);
  lua_gc(p->L, LUA_GCGEN, 0, 0); /* a path's garbage is young: collecting it need not go over what lasts */
  ps_lua_push_message_handler(p->L); /* at index HANDLER for the state's life */
  ps_loan_table_open(p->L, &p->loans, p->m); /* at LOANS */
  p->ctx.loans = &p->loans;
  ps_ctx_push(p->L, &p->ctx); /* at CTX */
  lua_pushvalue(p->L, CTX);
  p->ctx_ref = luaL_ref(p->L, LUA_REGISTRYINDEX);
  if (!lua_checkstack(p->L, p->m->nprogrammes + 2 + LUA_MINSTACK)) {
    snprintf(err, errlen, "out of memory creating the Lua state of path %ld", index);
    return PS_ERUNTIME;
  }
  lua_settop(p->L, SPLIT(p->m->nprogrammes - 1)); /* the hooks' slots, nil */
  p->on_period = p->on_default = LUA_NOREF;
  for (int k = 0; k < p->m->nprogrammes; k++) p->split[k] = LUA_NOREF;
  char chunkname[1024];
  snprintf(chunkname, sizeof chunkname, "@%s", p->m->file);
  if (luaL_loadbufferx(p->L, p->bytecode, p->bytecode_len, chunkname, "b") != LUA_OK) {
    const char *msg = lua_tostring(p->L, -1);
    snprintf(err, errlen, "%s: loading the compiled scenario: %s", p->m->file, msg ? msg : "out of memory");
    return PS_ERUNTIME;
  }
  p->chunk_ref = luaL_ref(p->L, LUA_REGISTRYINDEX);
  int status = ps_lua_snapshot(p->L, push_shared(p), NULL);
  unsigned long effects = ps_lua_effects(p->L);
  if (status == LUA_OK) {
    if (run_scenario(p, index, err, errlen)) return PS_ERUNTIME;
    p->rerun = ps_lua_effects(p->L) != effects;
  }
  long recorded = 0;
  if (status == LUA_OK && !p->rerun) status = ps_lua_snapshot(p->L, push_hooks(p), &recorded);
  if (status == LUA_OK && recorded > 0) {
    int n = push_hooks(p);
    status = ps_lua_snapshot(p->L, n + push_shared(p), NULL);
  }
  if (status != LUA_OK) {
    snprintf(err, errlen, "out of memory creating the Lua state of path %ld", index);
    return PS_ERUNTIME;
  }
  return PS_OK;
}

/* ps_policy_begin_path — start path `index`: math.random on the path's policy stream, and the
** worker's state as new: what the hooks can reach restored (lua/lua_reset.h), the scenario run again
** first if it is one that draws random numbers or prints, so every hook, local, upvalue and global
** is as fresh as in a new state; PS_OK, or PS_ERUNTIME (out of memory, or the compiled scenario
** failed to run again) with a message */
int ps_policy_begin_path(ps_policy *p, uint64_t seed, long index, char *err, size_t errlen) {
  ps_rng_seed_stream(p->random, seed, (uint64_t)index, PS_STREAM_POLICY);
  int rc = PS_OK;
  if (!p->L) rc = new_state(p, index, err, errlen);
  else if (ps_lua_restore(p->L) != LUA_OK) {
    snprintf(err, errlen, "out of memory resetting the Lua state of path %ld", index);
    rc = PS_ERUNTIME;
  } else if (p->rerun) rc = run_scenario(p, index, err, errlen);
  if (rc) drop_state(p);
  return rc;
}

/* push the hook in slot, or fail: the scenario ran differently in this state; PS_OK, or
** PS_EINPUT with a message */
static int push_hook(ps_policy *p, int slot, const char *name, char *err, size_t errlen) {
  lua_pushvalue(p->L, slot);
  if (lua_isfunction(p->L, -1)) return PS_OK;
  lua_pop(p->L, 1);
  snprintf(err, errlen, "%s: %s is not a function when the scenario is re-run (does it depend on something outside the file?)",
           p->m->file, name);
  return PS_EINPUT;
}

/* call the hook (its function from stack slot `slot`, pushed with nargs arguments after it) with ctx
** after them, keeping nresults; PS_OK, or PS_EINPUT (the hook failed) with a message */
static int call_hook(ps_policy *p, ps_path *w, int slot, int nargs, int nresults, const char *name, char *err,
                     size_t errlen) {
  lua_State *L = p->L;
  p->ctx.path = w;
  lua_pushvalue(L, CTX);
  ps_lua_set_budget(L, PS_LUA_HOOK_INSTRUCTIONS);
  ps_lua_set_deadline(L, PS_LUA_HOOK_SECONDS);
  if (lua_pcall(L, nargs + 1, nresults, HANDLER) == LUA_OK) return PS_OK;
  const char *msg = lua_tostring(L, -1);
  ps_lua_full_position(p->m->file, msg ? msg : "out of memory", err, errlen);
  if (strncmp(err, p->m->file, strlen(p->m->file)) != 0) { /* error(x, 0 or 2): no position, so the hook's line */
    lua_Debug ar;
    lua_pushvalue(L, slot);
    int line = lua_getinfo(L, ">S", &ar) ? ar.linedefined : 0;
    if (line > 0) snprintf(err, errlen, "%s:%d: %s", p->m->file, line, msg ? msg : "out of memory");
    else snprintf(err, errlen, "%s: %s", p->m->file, msg ? msg : "out of memory");
  }
  size_t n = strlen(err);
  snprintf(err + n, errlen - n, " (in %s, period %d)", name, p->ctx.period);
  drop_state(p); /* a budget may have stopped it: the next path starts from a new state */
  return PS_EINPUT;
}

/* "FILE:LINE" for what a hook returned: the line where the hook is written (after the call its
** return statement is gone, and the function is the place to look) */
static void hook_position(ps_policy *p, int ref, char *out, size_t n) {
  lua_Debug ar;
  lua_rawgeti(p->L, LUA_REGISTRYINDEX, ref);
  if (lua_getinfo(p->L, ">S", &ar) && ar.linedefined > 0) snprintf(out, n, "%s:%d", p->m->file, ar.linedefined);
  else snprintf(out, n, "%s", p->m->file);
}

/* ps_policy_on_period — the start of period t: call on_period(ctx) if the scenario has it; PS_OK, or
** PS_EINPUT (the hook failed) with a message naming the hook and period */
int ps_policy_on_period(ps_policy *p, ps_path *w, int t, char *err, size_t errlen) {
  p->ctx.period = t;
  if (!p->m->has_on_period) return PS_OK;
  if (push_hook(p, ON_PERIOD, "on_period", err, errlen)) return PS_EINPUT;
  return call_hook(p, w, ON_PERIOD, 0, 0, "on_period", err, errlen);
}

/* ps_policy_on_default — on_default(loan, ctx): may return { lgd = x } to change the loss given
** default, or nothing; PS_OK, or PS_EINPUT (the hook failed or returned something else) with a
** message at the hook's line */
int ps_policy_on_default(ps_policy *p, ps_path *w, ps_loan_view *loan, char *err, size_t errlen) {
  lua_State *L = p->L;
  if (push_hook(p, ON_DEFAULT, "on_default", err, errlen)) return PS_EINPUT;
  int bare = p->bare[p->m->nprogrammes];
  ps_loan_table_push(L, &p->loans, loan, bare);
  if (call_hook(p, w, ON_DEFAULT, 1, 1, "on_default", err, errlen)) return PS_EINPUT;
  if (bare) ps_loan_table_after(L, &p->loans);
  int type = lua_type(L, -1);
  const char *wrong = NULL;
  if (type == LUA_TTABLE) {
    ps_loan_table_fill(L, &p->loans, -1);
    lua_pushliteral(L, "lgd");
    lua_rawget(L, -2); /* raw: a metamethod raising here, outside any pcall, would abort poolsim */
    double lgd = lua_tonumber(L, -1);
    if (lua_isnil(L, -1)) {}
    else if (lua_type(L, -1) != LUA_TNUMBER || !(lgd >= 0 && lgd <= 1)) wrong = "lgd that is not a fraction in [0, 1]";
    else loan->lgd = lgd;
    lua_pop(L, 1);
  } else if (type != LUA_TNIL) wrong = lua_typename(L, type);
  lua_pop(L, 1);
  if (!wrong) return PS_OK;
  char at[1200];
  hook_position(p, p->on_default, at, sizeof at);
  if (type == LUA_TTABLE) snprintf(err, errlen, "%s: on_default returned %s (period %d)", at, wrong, p->ctx.period);
  else snprintf(err, errlen, "%s: on_default must return nothing or a table { lgd = fraction }, got a %s (period %d)",
                at, wrong, p->ctx.period);
  return PS_EINPUT;
}

/* protected part of ps_policy_split: read the returned table (argument 1) into the fractions of the
** split under way (argument 2: p) */
static int read_split_result(lua_State *L) {
  ps_policy *p = lua_touserdata(L, 2);
  const ps_loan_view *loan = p->split_loan;
  const char *who = p->split_who + (size_t)loan->programme * WHO_SIZE;
  if (!lua_istable(L, 1)) return luaL_error(L, "%s must return a table { payer = fraction or yuan }", who);
  ps_ctx_read_fractions(L, 1, p->m, loan->programme, loan->exposure, who, p->split_fractions);
  return 0;
}

/* ps_policy_split — the programme's split(loss, loan, ctx): fractions of the loss per share of the
** programme (in its share order) into fractions[]; PS_OK, or PS_EINPUT (the hook failed) with a
** message */
int ps_policy_split(ps_policy *p, ps_path *w, const ps_loan_view *loan, double *fractions, char *err,
                    size_t errlen) {
  lua_State *L = p->L;
  if (push_hook(p, SPLIT(loan->programme), "split", err, errlen)) return PS_EINPUT;
  lua_pushnumber(L, loan->exposure);
  int bare = p->bare[loan->programme];
  ps_loan_table_push(L, &p->loans, loan, bare);
  if (call_hook(p, w, SPLIT(loan->programme), 2, 1, "split", err, errlen)) return PS_EINPUT;
  if (bare) ps_loan_table_after(L, &p->loans);
  ps_loan_table_fill(L, &p->loans, -1);
  if (ps_ctx_try_fractions(L, -1, p->m, loan->programme, loan->exposure, fractions)) { /* no error to catch */
    lua_pop(L, 1);
    return PS_OK;
  }
  p->split_loan = loan; /* read again under a protected call, for its message */
  p->split_fractions = fractions;
  lua_pushcfunction(L, read_split_result);
  lua_insert(L, -2);
  lua_pushlightuserdata(L, p);
  if (lua_pcall(L, 2, 0, HANDLER) != LUA_OK) {
    char at[1200];
    hook_position(p, p->split[loan->programme], at, sizeof at);
    const char *msg = lua_tostring(L, -1);
    snprintf(err, errlen, "%s: %s (period %d)", at, msg ? msg : "out of memory", p->ctx.period);
    lua_pop(L, 1);
    return PS_EINPUT;
  }
  return PS_OK;
}
