/* script.c — `poolsim script DRIVER.lua [args]`: a study written in Lua.
**
** The driver runs in the same sandbox as scenarios (with --trust: also io and
** os) and gets, besides the scenario helpers:
**   poolsim.run(file, opts)          -> results: the JSON document's tables
**   poolsim.size(file, opts)         -> the same, sizing by search where rules feed back
**   poolsim.compare(a, b, opts)      -> the compare document
**   poolsim.sweep(file, key, values, opts) -> { {value = v, results = ...}, ... }
**   poolsim.backtest(file, actual_csv, opts) -> the backtest document (docs/backtest.md)
** opts: { paths =, seed =, threads =, alpha = {0.05, 0.01}, set = { ["pools.fund.initial"] = 2.5e8 } };
** poolsim.size also takes serve = 0.95 (as size --serve). alpha (a number or a list) is --alpha: the
** depletion targets sized for, the smallest of them the one tail sampling aims at.
** Every run of a driver uses the same seed unless opts.seed says otherwise, so
** runs are paired on common random numbers. print() writes to stdout. The
** tables are built from the C values (lua/lua_doc.h walks the documents of
** report/report.h and report/study_doc.h), never from JSON text.
**
** Without --trust the scenario files a driver names are confined like loan
** tapes (scenario/confine.h): below the driver's folder, by name and through
** links; a refused file is never opened, so no message quotes it or tells
** whether it exists, and the refusal is bad input (PS_EINPUT, exit 2). */
#include "lua/script.h"

#include <lauxlib.h>
#include <lualib.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua/lua_doc.h"
#include "lua/lua_env.h"
#include "report/report.h"
#include "report/report_backtest.h"
#include "report/study_doc.h"
#include "scenario/confine.h"
#include "scenario/infile.h"
#include "sim/rng.h"
#include "stats/study.h"

#define MAX_SETS 128
#define MAX_ALPHAS 32
#define OWNED "poolsim.Owned"
#define MAX_DRIVER_BYTES (64 << 20)

/* what poolsim.run / size / sweep / compare share (their upvalue): the driver,
** whose folder confines the files it names unless trusted, and the last refusal,
** by which ps_script_run tells bad input from a failing driver */
typedef struct {
  const char *driver;
  int trust;
  char refused[2048];
} driver_ctx;

/* raise unless `file` may be read: with --trust anything, else below the driver's folder (rule: the refusal's words) */
static void check_confined_as(lua_State *L, const char *file, const char *rule) {
  driver_ctx *d = lua_touserdata(L, lua_upvalueindex(1));
  char err[1024];
  if (d->trust || ps_confine(d->driver, file, rule, err, sizeof err) == PS_OK) return;
  luaL_where(L, 1);
  snprintf(d->refused, sizeof d->refused, "%s%s", lua_tostring(L, -1), err);
  lua_pushstring(L, d->refused);
  lua_error(L);
}

/* raise unless scenario `file` may be run */
static void check_confined(lua_State *L, const char *file) {
  check_confined_as(L, file, "without --trust, a scenario a driver runs must be inside the driver's folder");
}

/* A C value Lua holds while its document is pushed, so that it is freed (by
** __gc) even when pushing raises; release() frees it at once. */
typedef struct {
  void *value;
  void (*free)(void *);
} owned;

static void release(owned *o) {
  if (o->value) o->free(o->value);
  o->value = NULL;
}

static int owned_gc(lua_State *L) {
  release(luaL_checkudata(L, 1, OWNED));
  return 0;
}

/* push an empty holder that frees its value with f */
static owned *own(lua_State *L, void (*f)(void *)) {
  owned *o = lua_newuserdatauv(L, sizeof *o, 0);
  o->value = NULL;
  o->free = f;
  luaL_setmetatable(L, OWNED);
  return o;
}

static void close_model(void *m) { ps_model_free(m); }
static void free_results(void *r) { ps_results_free(r); }
static void free_compare(void *c) { ps_compare_free(c); }
static void free_breakeven(void *b) { ps_breakeven_free(b); }
static void free_backtest(void *b) { ps_backtest_free(b); }
static void free_shift(void *s) { free(s); }

/* the options and overrides of an opts table at idx */
typedef struct {
  ps_options o;
  ps_override sets[MAX_SETS];
  char values[MAX_SETS][64];
  int nsets;
  double alphas[MAX_ALPHAS]; /* opts.alpha; none: the defaults (ps_alphas) */
  int nalphas;
} run_opts;

/* opts.alpha at the top of the stack, as --alpha: one probability or a list of them; the smallest
** is what tail sampling aims at (ps_options.sampling_alpha) */
static void read_alphas(lua_State *L, run_opts *r) {
  int list = lua_istable(L, -1), n = list ? (int)lua_rawlen(L, -1) : 1;
  if (n < 1 || n > MAX_ALPHAS) luaL_error(L, "opts.alpha: give 1 to %d probabilities, got %d", MAX_ALPHAS, n);
  for (int k = 0; k < n; k++) {
    if (list) lua_rawgeti(L, -1, k + 1);
    if (lua_type(L, -1) != LUA_TNUMBER) luaL_error(L, "opts.alpha needs probabilities in (0, 1), got a %s", luaL_typename(L, -1));
    double a = lua_tonumber(L, -1);
    if (!(a >= 1e-9 && a <= 0.999999)) /* as --alpha takes them (cli/args.c) */
      luaL_error(L, "opts.alpha needs probabilities in (0, 1), got %f", a);
    if (list) lua_pop(L, 1);
    r->alphas[k] = a;
    if (k == 0 || a < r->o.sampling_alpha) r->o.sampling_alpha = a;
  }
  r->nalphas = n;
}

static void read_opts(lua_State *L, int idx, run_opts *r) {
  memset(r, 0, sizeof *r);
  r->o.use_seed = 1;
  r->o.seed = 1;
  if (lua_isnoneornil(L, idx)) return;
  luaL_checktype(L, idx, LUA_TTABLE);
  lua_getfield(L, idx, "paths");
  r->o.paths = (long)luaL_optinteger(L, -1, 0);
  lua_getfield(L, idx, "seed");
  r->o.seed = (unsigned long long)luaL_optinteger(L, -1, 1);
  lua_getfield(L, idx, "threads");
  r->o.threads = (int)luaL_optinteger(L, -1, 0);
  lua_pop(L, 3);
  if (r->o.paths < 0 || r->o.paths > PS_MAX_PATHS) luaL_error(L, "opts.paths must be 1..1e8");
  if (lua_getfield(L, idx, "alpha") != LUA_TNIL) read_alphas(L, r);
  lua_pop(L, 1);
  if (lua_getfield(L, idx, "set") == LUA_TTABLE) {
    lua_pushnil(L);
    while (lua_next(L, -2)) {
      if (r->nsets == MAX_SETS) luaL_error(L, "opts.set: at most %d overrides", MAX_SETS);
      if (lua_type(L, -2) != LUA_TSTRING) luaL_error(L, "opts.set: keys must be strings like \"pools.fund.initial\"");
      lua_pushvalue(L, -1);
      const char *v = luaL_tolstring(L, -1, NULL);
      snprintf(r->values[r->nsets], sizeof r->values[r->nsets], "%s", v);
      lua_pop(L, 2);
      /* the key string stays alive while the opts table does */
      r->sets[r->nsets] = (ps_override){lua_tostring(L, -2), r->values[r->nsets]};
      r->nsets++;
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
}

/* run one scenario file and push its results document */
static int run_file(lua_State *L, const char *file, run_opts *r, int search) {
  char err[2048];
  owned *model = own(L, close_model), *results = own(L, free_results);
  ps_model *m = NULL;
  ps_results *res = NULL;
  r->o.search = search;
  if (ps_model_new(file, r->sets, r->nsets, &m, err, sizeof err)) return luaL_error(L, "%s", err);
  model->value = m;
  if (ps_scenario_run(m, &r->o, &res, err, sizeof err)) return luaL_error(L, "%s", err);
  results->value = res;
  ps_report_options ro = {.alphas = r->nalphas ? r->alphas : NULL, .nalphas = r->nalphas};
  ps_run_doc doc = {res, &ro};
  ps_lua_push_doc(L, ps_results_doc, &doc);
  release(results); /* the results refer to the model: freed first */
  release(model);
  lua_insert(L, -3); /* the document below the two holders, which go */
  lua_pop(L, 2);
  return 1;
}

static int script_run(lua_State *L) {
  run_opts r;
  check_confined(L, luaL_checkstring(L, 1));
  read_opts(L, 2, &r);
  return run_file(L, luaL_checkstring(L, 1), &r, 0);
}

static int script_size(lua_State *L) {
  run_opts r;
  check_confined(L, luaL_checkstring(L, 1));
  read_opts(L, 2, &r);
  if (lua_istable(L, 2)) { /* opts.serve: as size --serve (ps_options.serve) */
    lua_getfield(L, 2, "serve");
    r.o.serve = luaL_optnumber(L, -1, 0);
    lua_pop(L, 1);
  }
  return run_file(L, luaL_checkstring(L, 1), &r, 1);
}

/* poolsim.sweep(file, key, {v1, v2, ...}, opts) */
/* the override key = the sweep's i-th value (argument 3), as text, in r's next slot (not yet counted) */
static void sweep_value(lua_State *L, run_opts *r, const char *key, int i) {
  lua_rawgeti(L, 3, i);
  snprintf(r->values[r->nsets], sizeof r->values[r->nsets], "%s", luaL_tolstring(L, -1, NULL));
  lua_pop(L, 2); /* the value and its text */
  r->sets[r->nsets] = (ps_override){key, r->values[r->nsets]};
}

static int script_sweep(lua_State *L) {
  const char *file = luaL_checkstring(L, 1), *key = luaL_checkstring(L, 2);
  check_confined(L, file);
  luaL_checktype(L, 3, LUA_TTABLE);
  run_opts r;
  read_opts(L, 4, &r);
  if (r.nsets == MAX_SETS) return luaL_error(L, "opts.set: too many overrides for a sweep");
  int n = (int)lua_rawlen(L, 3);
  /* under tail sampling every run takes the first value's shift, as the sweep command's rows do, so
  ** that the runs pair path by path (stats/study.h) */
  owned *shift = own(L, free_shift);
  if (n > 0) {
    sweep_value(L, &r, key, 1);
    char err[2048];
    ps_model *m = NULL;
    int rc = ps_model_new(file, r.sets, r.nsets + 1, &m, err, sizeof err);
    double *mu = NULL;
    if (rc == PS_OK) rc = ps_study_sampling(m, &r.o, &mu, err, sizeof err);
    shift->value = mu;
    ps_model_free(m);
    if (rc) return luaL_error(L, "%s", err);
  }
  lua_createtable(L, n, 0);
  for (int i = 1; i <= n; i++) {
    sweep_value(L, &r, key, i);
    r.nsets++;
    lua_createtable(L, 0, 2);
    lua_rawgeti(L, 3, i);
    lua_setfield(L, -2, "value");
    run_file(L, file, &r, 1);
    lua_setfield(L, -2, "results");
    lua_rawseti(L, -2, i); /* the row into the list */
    r.nsets--;
  }
  return 1;
}

/* poolsim.compare(a, b, opts): the compare document */
static int script_compare(lua_State *L) {
  const char *a = luaL_checkstring(L, 1), *b = luaL_checkstring(L, 2);
  check_confined(L, a);
  check_confined(L, b);
  run_opts r;
  read_opts(L, 3, &r);
  r.o.search = 1;
  char err[2048];
  owned *model_a = own(L, close_model), *model_b = own(L, close_model), *study = own(L, free_compare);
  ps_model *ma = NULL, *mb = NULL;
  ps_compare *c = NULL;
  if (ps_model_new(a, r.sets, r.nsets, &ma, err, sizeof err)) return luaL_error(L, "%s", err);
  model_a->value = ma;
  if (ps_model_new(b, r.sets, r.nsets, &mb, err, sizeof err)) return luaL_error(L, "%s", err);
  model_b->value = mb;
  ps_study_options so = {r.nalphas ? r.alphas : NULL, r.nalphas, NULL};
  if (ps_compare_run(ma, mb, &r.o, &so, &c, err, sizeof err)) return luaL_error(L, "%s", err);
  study->value = c;
  ps_lua_push_doc(L, ps_compare_doc, c);
  release(study);
  release(model_b);
  release(model_a);
  lua_insert(L, -4); /* the document below the three holders, which go */
  lua_pop(L, 3);
  return 1;
}

/* poolsim.breakeven(file, {field =, party =, target =, range = {lo, hi}}, opts): the breakeven
** document (docs/json-schema.md) */
static int script_breakeven(lua_State *L) {
  const char *file = luaL_checkstring(L, 1);
  check_confined(L, file);
  luaL_checktype(L, 2, LUA_TTABLE);
  ps_breakeven_options bo = {0};
  lua_getfield(L, 2, "field");
  bo.field = luaL_checkstring(L, -1); /* the spec table keeps the strings alive */
  lua_getfield(L, 2, "party");
  bo.party = luaL_optstring(L, -1, NULL);
  lua_getfield(L, 2, "target");
  bo.use_target = !lua_isnil(L, -1);
  bo.target = luaL_optnumber(L, -1, 0);
  if (lua_getfield(L, 2, "range") == LUA_TTABLE) {
    lua_rawgeti(L, -1, 1);
    lua_rawgeti(L, -2, 2);
    bo.lo = luaL_checknumber(L, -2);
    bo.hi = luaL_checknumber(L, -1);
    lua_pop(L, 2);
  }
  lua_pop(L, 4);
  run_opts r;
  read_opts(L, 3, &r);
  char err[2048];
  owned *study = own(L, free_breakeven);
  ps_breakeven *b = NULL;
  if (ps_breakeven_run(file, r.sets, r.nsets, &r.o, &bo, &b, err, sizeof err)) return luaL_error(L, "%s", err);
  study->value = b;
  ps_lua_push_doc(L, ps_breakeven_doc, b);
  release(study);
  lua_insert(L, -2); /* the document below the holder, which goes */
  lua_pop(L, 1);
  return 1;
}

/* poolsim.backtest(file, actual, opts): the backtest document (the actual file confined as the scenario is) */
static int script_backtest(lua_State *L) {
  const char *file = luaL_checkstring(L, 1), *actual = luaL_checkstring(L, 2);
  check_confined(L, file);
  check_confined_as(L, actual, "without --trust, an actual file a driver reads must be inside the driver's folder");
  run_opts r;
  read_opts(L, 3, &r);
  char err[2048];
  owned *model = own(L, close_model), *study = own(L, free_backtest);
  ps_model *m = NULL;
  ps_backtest *b = NULL;
  if (ps_model_new(file, r.sets, r.nsets, &m, err, sizeof err)) return luaL_error(L, "%s", err);
  model->value = m;
  if (ps_backtest_run(m, actual, &r.o, &b, err, sizeof err)) return luaL_error(L, "%s", err);
  study->value = b;
  ps_lua_push_doc(L, ps_backtest_doc, b);
  release(study);
  release(model);
  lua_insert(L, -3); /* the document below the two holders, which go */
  lua_pop(L, 2);
  return 1;
}

/* load the driver as a text chunk named "@DRIVER", as luaL_loadfilex would (a UTF-8
** BOM and a first line starting with # are skipped, the line count kept), but
** opened through ps_infile_open: a FIFO or a device is refused, never waited on */
static int load_driver(lua_State *L, const char *driver, char *err, size_t errlen) {
  FILE *f;
  if (ps_infile_open(driver, "Lua driver", &f, err, errlen)) return PS_EINPUT;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    n += fread(buf + n, 1, cap - n, f);
    if (n < cap || n > MAX_DRIVER_BYTES) break;
    char *bigger = realloc(buf, cap *= 2);
    if (!bigger) free(buf);
    buf = bigger;
  }
  int bad = ferror(f);
  (void)fclose(f);
  if (!buf) {
    snprintf(err, errlen, "out of memory");
    return PS_ERUNTIME;
  }
  int rc = PS_EINPUT;
  if (bad) snprintf(err, errlen, "%s: read error", driver);
  else if (n > MAX_DRIVER_BYTES) snprintf(err, errlen, "%s: larger than %d MiB (the limit)", driver, MAX_DRIVER_BYTES >> 20);
  else {
    size_t at = n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (at < n && buf[at] == '#')
      while (at < n && buf[at] != '\n') at++; /* the newline stays: the lines keep their numbers */
    lua_pushfstring(L, "@%s", driver);
    if (luaL_loadbufferx(L, buf + at, n - at, lua_tostring(L, -1), "t") == LUA_OK) {
      lua_remove(L, -2); /* the chunk name */
      rc = PS_OK;
    } else {
      ps_lua_full_position(driver, lua_tostring(L, -1), err, errlen); /* a syntax error */
    }
  }
  free(buf);
  return rc;
}

/* print(...) to stdout: a driver's own output */
static int script_print(lua_State *L) { return ps_lua_print(L, stdout); }

int ps_script_run(const char *driver, int argc, char **argv, int trust, char *err, size_t errlen) {
  static const luaL_Reg functions[] = {{"run", script_run},
                                       {"size", script_size},
                                       {"sweep", script_sweep},
                                       {"compare", script_compare},
                                       {"breakeven", script_breakeven},
                                       {"backtest", script_backtest},
                                       {NULL, NULL}};
  gsl_rng *random = ps_rng_new();
  lua_State *L = random ? ps_lua_new(random) : NULL;
  if (!L) {
    if (random) gsl_rng_free(random);
    snprintf(err, errlen, "out of memory");
    return PS_ERUNTIME;
  }
  ps_rng_seed_stream(random, 0, 0, PS_STREAM_POLICY);
  ps_lua_set_budget(L, LLONG_MAX); /* a study may run as long as it needs */
  luaL_newmetatable(L, OWNED);
  lua_pushcfunction(L, owned_gc);
  lua_setfield(L, -2, "__gc");
  lua_pop(L, 1);
  driver_ctx ctx = {driver, trust, ""};
  lua_getglobal(L, "poolsim");
  lua_pushlightuserdata(L, &ctx);
  luaL_setfuncs(L, functions, 1);
  lua_pop(L, 1);
  lua_register(L, "print", script_print);
  if (trust) { /* the user's own driver: files and the clock too */
    luaL_requiref(L, LUA_IOLIBNAME, luaopen_io, 1);
    luaL_requiref(L, LUA_OSLIBNAME, luaopen_os, 1);
    lua_pop(L, 2);
  }
  lua_createtable(L, argc, 1);
  lua_pushstring(L, driver);
  lua_rawseti(L, -2, 0);
  for (int i = 0; i < argc; i++) {
    lua_pushstring(L, argv[i]);
    lua_rawseti(L, -2, i + 1);
  }
  lua_setglobal(L, "arg");
  int rc = load_driver(L, driver, err, errlen);
  if (rc == PS_OK && ps_lua_pcall(L, 0, 0) != LUA_OK) {
    const char *msg = lua_tostring(L, -1);
    ps_lua_full_position(driver, msg ? msg : "out of memory", err, errlen);
    /* a file refused by the confinement is bad input; anything else, the driver failing */
    rc = msg && ctx.refused[0] && strcmp(msg, ctx.refused) == 0 ? PS_EINPUT : PS_ERUNTIME;
  }
  (void)fflush(stdout);
  ps_lua_free(L);
  gsl_rng_free(random);
  return rc;
}
