/* test_study.c — the studies as values (core/stats/study.c): each figure a
** study reports is the figure of the single run it stands for (same file,
** overrides, seed and paths: equal to the last bit), the paired differences
** are what common random numbers make them, the tornado is ordered by its
** swings, the largest volume meets its target; and the drivers' Lua tables
** (core/lua/lua_doc.c) are the tables the JSON documents parse to. */
#include <cJSON.h>
#include <gsl/gsl_errno.h>
#include <lauxlib.h>
#include <lualib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lua/lua_doc.h"
#include "poolsim/poolsim.h"
#include "report/report.h"
#include "report/study_doc.h"
#include "stats/results.h"
#include "stats/study.h"

static const char *const small = "tests/scenarios/small.lua";

/* one run of file with overrides; NULL (and a failed check) when it cannot run */
static ps_results *single_run(const char *file, const ps_override *sets, int nsets, const ps_options *o, ps_model **m) {
  char err[1024];
  ps_results *r = NULL;
  *m = NULL;
  if (ps_model_new(file, sets, nsets, m, err, sizeof err) || ps_scenario_run(*m, o, &r, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    CHECK(0);
    ps_model_free(*m);
    *m = NULL;
    return NULL;
  }
  return r;
}

/* A against B: the figures are each run's own; B - A is the difference of
** their means up to rounding, and its standard error is at most the sum of
** the two runs' (sd(B - A) <= sd(A) + sd(B)); A against A differs by nothing */
static void compare(void) {
  char err[1024];
  ps_options o = {.paths = 400, .seed = 11, .use_seed = 1, .threads = 2, .search = 1};
  ps_override set_b = {"segments.a_small.pd", "0.06"};
  ps_model *a = NULL, *b = NULL;
  ps_results *ra = single_run(small, NULL, 0, &o, &a), *rb = single_run(small, &set_b, 1, &o, &b);
  ps_compare *c = NULL;
  CHECK_EQ_INT(ps_compare_run(a, b, &o, NULL, &c, err, sizeof err), PS_OK);
  if (c && ra && rb) {
    CHECK_EQ_INT(ps_compare_npools(c), 1);
    CHECK(strcmp(ps_compare_pool(c, 0), "fund") == 0);
    CHECK_EQ_INT(ps_compare_paths(c), 400);
    CHECK_EQ_INT((long long)ps_compare_seed(c), 11);
    const ps_pool_result *A = &ra->pools[0], *B = &rb->pools[0];
    ps_difference out = ps_compare_net_outlay(c, 0), dep = ps_compare_depletion(c, 0);
    CHECK(out.a == A->net_outlay.mean && out.b == B->net_outlay.mean);
    CHECK(dep.a == A->depletion.value && dep.b == B->depletion.value);
    CHECK_NEAR(out.diff, out.b - out.a, 1e-9 * (fabs(out.a) + fabs(out.b)));
    CHECK_NEAR(dep.diff, dep.b - dep.a, 1e-12);
    CHECK(out.diff > 0); /* a higher pd claims more on every path's factors */
    CHECK(out.se > 0 && out.se <= (A->net_outlay.se + B->net_outlay.se) * (1 + 1e-9));
    CHECK(out.lo == out.diff - 1.959964 * out.se && out.hi == out.diff + 1.959964 * out.se);
    CHECK_EQ_INT(ps_compare_nalphas(c), 3);
    for (int k = 0; k < ps_compare_nalphas(c); k++) {
      double alpha = ps_compare_alpha(c, k);
      CHECK(ps_compare_required_initial(c, 0, k, 0) == ps_results_required_initial(ra, "fund", alpha));
      CHECK(ps_compare_required_initial(c, 0, k, 1) == ps_results_required_initial(rb, "fund", alpha));
    }
  }
  ps_compare_free(c);
  c = NULL;
  double alpha[1] = {0.2};
  ps_study_options so = {.alphas = alpha, .nalphas = 1};
  CHECK_EQ_INT(ps_compare_run(a, a, &o, &so, &c, err, sizeof err), PS_OK);
  if (c) {
    ps_difference out = ps_compare_net_outlay(c, 0), dep = ps_compare_depletion(c, 0);
    CHECK(out.diff == 0 && out.se == 0 && dep.diff == 0 && dep.se == 0);
    CHECK_EQ_INT(ps_compare_nalphas(c), 1);
    CHECK(ps_compare_alpha(c, 0) == 0.2);
  }
  ps_compare_free(c);
  ps_compare_free(NULL);
  ps_results_free(ra);
  ps_results_free(rb);
  ps_model_free(a);
  ps_model_free(b);
  /* no pool in common but a party: the parties compared */
  ps_model *x = NULL;
  o.paths = 50;
  if (ps_model_new("scenarios/luoyang_2017.lua", NULL, 0, &x, err, sizeof err) == PS_OK &&
      ps_model_new(small, NULL, 0, &a, err, sizeof err) == PS_OK) {
    CHECK_EQ_INT(ps_compare_run(a, x, &o, NULL, &c, err, sizeof err), PS_OK);
    CHECK(c != NULL && ps_compare_npools(c) == 0);
    ps_compare_free(c);
  } else CHECK(0);
  ps_model_free(a);
  ps_model_free(x);
  /* no pool and no party figure in common: refused, nothing made */
  x = a = NULL;
  c = (ps_compare *)&o; /* any non-NULL value: the call must set it */
  if (ps_model_new("scenarios/chongqing_shoutaitao_2017.lua", NULL, 0, &x, err, sizeof err) == PS_OK &&
      ps_model_new(small, NULL, 0, &a, err, sizeof err) == PS_OK) {
    CHECK_EQ_INT(ps_compare_run(a, x, &o, NULL, &c, err, sizeof err), PS_EINPUT);
    CHECK(c == NULL && strstr(err, "no pool id and no party figure in common") != NULL);
  } else CHECK(0);
  ps_model_free(a);
  ps_model_free(x);
}

/* a sweep's rows are single runs with the same overrides, the last key varying fastest */
static void sweep(void) {
  char err[1024];
  ps_options o = {.paths = 300, .seed = 5, .use_seed = 1, .threads = 2, .search = 1};
  ps_vary v[2] = {{.key = "segments.a_small.pd", .values = {"0.02", "0.05"}, .nvalues = 2},
                  {.key = "pools.fund.initial", .values = {"3e6", "6e6", "9e6"}, .nvalues = 3}};
  ps_override base = {"segments.b_term.pd", "0.03"};
  ps_sweep *s = NULL;
  CHECK_EQ_INT(ps_sweep_run(small, &base, 1, v, 2, &o, NULL, &s, err, sizeof err), PS_OK);
  if (!s) return;
  CHECK_EQ_INT(ps_sweep_nrows(s), 6);
  CHECK_EQ_INT(ps_sweep_nkeys(s), 2);
  CHECK(strcmp(ps_sweep_key(s, 1), "pools.fund.initial") == 0);
  for (long row = 0; row < ps_sweep_nrows(s); row++) {
    const char *pd = v[0].values[row / 3], *initial = v[1].values[row % 3];
    CHECK(strcmp(ps_sweep_value(s, row, 0), pd) == 0 && strcmp(ps_sweep_value(s, row, 1), initial) == 0);
    ps_override sets[3] = {base, {v[0].key, pd}, {v[1].key, initial}};
    ps_model *m;
    ps_results *r = single_run(small, sets, 3, &o, &m);
    if (!r) continue;
    CHECK_EQ_INT(ps_sweep_npools(s, row), 1);
    CHECK(strcmp(ps_sweep_pool(s, row, 0), "fund") == 0);
    CHECK(ps_sweep_depletion(s, row, 0) == r->pools[0].depletion.value);
    CHECK(ps_sweep_net_outlay_mean(s, row, 0) == r->pools[0].net_outlay.mean);
    CHECK(ps_sweep_net_outlay_p95(s, row, 0) == r->pools[0].net_outlay.p95);
    for (int k = 0; k < ps_sweep_nalphas(s); k++)
      CHECK(ps_sweep_required_initial(s, row, 0, k) == ps_results_required_initial(r, "fund", ps_sweep_alpha(s, k)));
    ps_results_free(r);
    ps_model_free(m);
  }
  ps_sweep_free(s);
  /* --pool: only that pool; an id no pool has leaves every row empty */
  ps_study_options so = {.pool = "nope"};
  s = NULL;
  CHECK_EQ_INT(ps_sweep_run(small, NULL, 0, v, 1, &o, &so, &s, err, sizeof err), PS_OK);
  if (s) CHECK(ps_sweep_nrows(s) == 2 && ps_sweep_npools(s, 0) == 0 && ps_sweep_npools(s, 1) == 0);
  ps_sweep_free(s);
  /* a value the scenario refuses: the message, nothing made */
  ps_vary bad = {.key = "segments.a_small.pd", .values = {"0.1", "1.5"}, .nvalues = 2};
  s = (ps_sweep *)&o;
  CHECK_EQ_INT(ps_sweep_run(small, NULL, 0, &bad, 1, &o, NULL, &s, err, sizeof err), PS_EINPUT);
  CHECK(s == NULL && strstr(err, "1.5") != NULL);
}

/* the tornado: each end is a single run at the moved value, whole numbers stay
** whole, and the keys come widest swing first */
static void tornado(void) {
  char err[1024];
  ps_options o = {.paths = 300, .seed = 3, .use_seed = 1, .threads = 2, .search = 1};
  const char *keys[] = {"programmes.prog_a.claim_lag", "segments.a_small.pd", "segments.b_term.pd"};
  ps_tornado *t = NULL;
  CHECK_EQ_INT(ps_tornado_run(small, NULL, 0, keys, 3, 0.25, &o, &t, err, sizeof err), PS_OK);
  if (!t) return;
  CHECK_EQ_INT(ps_tornado_nkeys(t), 3);
  CHECK_EQ_INT(ps_tornado_npools(t), 1);
  CHECK(ps_tornado_by(t) == 0.25);
  ps_model *m;
  ps_results *r = single_run(small, NULL, 0, &o, &m);
  if (r) CHECK(ps_tornado_p95(t, 0, 0, 0) == r->pools[0].net_outlay.p95 && ps_tornado_depletion(t, 0, 0, 0) == r->pools[0].depletion.value);
  ps_results_free(r);
  ps_model_free(m);
  double last = INFINITY;
  for (int k = 0; k < 3; k++) {
    double swing = fabs(ps_tornado_p95(t, k, 1, 0) - ps_tornado_p95(t, k, -1, 0));
    CHECK(swing <= last); /* widest first */
    last = swing;
    const char *key = ps_tornado_key(t, k);
    double base = ps_tornado_value(t, k, 0), lo = ps_tornado_value(t, k, -1), hi = ps_tornado_value(t, k, 1);
    if (strcmp(key, "programmes.prog_a.claim_lag") == 0) CHECK(base == 3 && lo == 2 && hi == 4); /* floor 2.25, ceil 3.75 */
    else CHECK(lo == base * 0.75 && hi == base * 1.25);
    for (int side = -1; side <= 1; side += 2) {
      char value[64];
      snprintf(value, sizeof value, "%.17g", side < 0 ? lo : hi);
      ps_override set = {key, value};
      ps_results *e = single_run(small, &set, 1, &o, &m);
      if (e) CHECK(ps_tornado_p95(t, k, side, 0) == e->pools[0].net_outlay.p95 && ps_tornado_depletion(t, k, side, 0) == e->pools[0].depletion.value);
      ps_results_free(e);
      ps_model_free(m);
    }
  }
  ps_tornado_free(t);
  t = (ps_tornado *)&o;
  const char *bad[] = {"segments.nope.pd"};
  CHECK_EQ_INT(ps_tornado_run(small, NULL, 0, bad, 1, 0.2, &o, &t, err, sizeof err), PS_EINPUT);
  CHECK(t == NULL);
}

/* p95 and P(depletion) of key 0 of t at side (-1, 1) are those of a single run with sets */
static void same_as_run(const ps_tornado *t, int side, const ps_override *sets, int nsets, const ps_options *o) {
  ps_model *m;
  ps_results *e = single_run(small, sets, nsets, o, &m);
  if (e) CHECK(ps_tornado_p95(t, 0, side, 0) == e->pools[0].net_outlay.p95 && ps_tornado_depletion(t, 0, side, 0) == e->pools[0].depletion.value);
  ps_results_free(e);
  ps_model_free(m);
}

/* a tornado on a share: its one fixed partner balances it (prog_a: fund 0.4, bank_a 0.6); a "rest"
** partner balances it by itself and a value the others leave no room for is clipped; a share of three
** fixed payers is refused with PS_EINPUT before any path runs */
static void tornado_shares(void) {
  char err[1024];
  ps_options o = {.paths = 200, .seed = 3, .use_seed = 1, .threads = 2};
  const char *fund[] = {"programmes.prog_a.share.fund"};
  ps_tornado *t = NULL;
  CHECK_EQ_INT(ps_tornado_run(small, NULL, 0, fund, 1, 0.5, &o, &t, err, sizeof err), PS_OK);
  if (t) {
    const ps_tornado_bar *b = &t->keys[0];
    CHECK(fabs(b->low - 0.2) < 1e-15 && fabs(b->high - 0.6) < 1e-15 && !b->clipped);
    CHECK(b->partner && strcmp(b->partner, "programmes.prog_a.share.bank_a") == 0 && !b->partner_rest);
    CHECK(fabs(b->partner_low - 0.8) < 1e-15 && fabs(b->partner_high - 0.4) < 1e-15);
    char v[4][32];
    snprintf(v[0], 32, "%.17g", b->low);
    snprintf(v[1], 32, "%.17g", b->partner_low);
    snprintf(v[2], 32, "%.17g", b->high);
    snprintf(v[3], 32, "%.17g", b->partner_high);
    ps_override lo[2] = {{fund[0], v[0]}, {"programmes.prog_a.share.bank_a", v[1]}};
    ps_override hi[2] = {{fund[0], v[2]}, {"programmes.prog_a.share.bank_a", v[3]}};
    same_as_run(t, -1, lo, 2, &o);
    same_as_run(t, 1, hi, 2, &o);
    char *text = ps_report_tornado_text(t, "en"), *json = ps_report_tornado_json(t);
    CHECK(text && strstr(text, "programmes.prog_a.share.fund: bank_a balances it, 0.8 at the low value 0.2 and 0.4 at the high 0.6\n"));
    CHECK(json && strstr(json, "\"balanced_by\":") && strstr(json, "\"payer\":\t\"bank_a\""));
    free(text);
    free(json);
    ps_tornado_free(t);
  }
  ps_override rest[2] = {{"programmes.prog_a.share.bank_a", "rest"}, {"programmes.prog_a.share.fund", "0.8"}};
  CHECK_EQ_INT(ps_tornado_run(small, rest, 2, fund, 1, 0.5, &o, &t, err, sizeof err), PS_OK);
  if (t) {
    const ps_tornado_bar *b = &t->keys[0];
    CHECK(b->clipped && b->partner_rest && b->high == 1 && b->partner_high == 0 && fabs(b->low - 0.4) < 1e-15);
    ps_override hi[2] = {rest[0], {fund[0], "1"}};
    same_as_run(t, 1, hi, 2, &o);
    char *text = ps_report_tornado_text(t, "en");
    CHECK(text && strstr(text, "bank_a takes the rest and so balances it") && strstr(text, "(clipped to the room"));
    free(text);
    ps_tornado_free(t);
  }
  /* capacity.lua's firstloss: fund 0.3, guar 0.3, bank 0.4 */
  const char *three[] = {"segments.lev.pd", "programmes.firstloss.share.fund"};
  t = (ps_tornado *)&o;
  CHECK_EQ_INT(ps_tornado_run("tests/scenarios/capacity.lua", NULL, 0, three, 2, 0.2, &o, &t, err, sizeof err), PS_EINPUT);
  CHECK(t == NULL);
  CHECK(strcmp(err, "sweep --tornado programmes.firstloss.share.fund: the shares of programme 'firstloss' must sum to 1, and "
                    "no single payer can balance a change of this one (2 other payers, none takes the \"rest\"): give one "
                    "of them the rest, e.g. --set programmes.firstloss.share.bank=rest") == 0);
}

/* the largest volume: at each k found, P(depletion) <= alpha, and it is the
** P(depletion) of a single run whose segments lend llround(k x) their loans;
** the lending is those loans times their periods and mean size (nothing is declined: the pool binds) */
static void volume(void) {
  char err[1024];
  ps_options o = {.paths = 300, .seed = 9, .use_seed = 1, .threads = 2, .search = 1};
  double alphas[2] = {0.2, 0.05};
  ps_study_options so = {.alphas = alphas, .nalphas = 2};
  ps_volume *v = NULL;
  CHECK_EQ_INT(ps_volume_run(small, NULL, 0, &o, &so, &v, err, sizeof err), PS_OK);
  if (!v) return;
  CHECK(strcmp(ps_volume_pool(v), "fund") == 0);
  CHECK(ps_volume_base_lending(v) == 10 * 12 * 2e6 + 4 * 12 * 5e6);
  ps_model *m;
  ps_results *r = single_run(small, NULL, 0, &o, &m);
  if (r) CHECK(ps_volume_base_depletion(v) == r->pools[0].depletion.value);
  ps_results_free(r);
  ps_model_free(m);
  CHECK_EQ_INT(ps_volume_nalphas(v), 2);
  for (int k = 0; k < ps_volume_nalphas(v); k++) {
    double scale = ps_volume_scale(v, k);
    long long na = llround(10 * scale), nb = llround(4 * scale);
    CHECK(ps_volume_alpha(v, k) == alphas[k]);
    CHECK(scale > 0 && scale < 1024);
    CHECK(ps_volume_depletion(v, k) <= alphas[k]);
    double lent = (double)na * 12 * 2e6 + (double)nb * 12 * 5e6;
    CHECK(fabs(ps_volume_lending(v, k) - lent) <= 1e-9 * lent);
    CHECK(fabs(ps_volume_lending_per_year(v, k) - lent) <= 1e-9 * lent); /* 12 months of lending: one year */
    CHECK(fabs(ps_volume_loans_per_period(v, k) - (double)(na + nb)) <= 1e-9);
    CHECK(strcmp(ps_volume_binds(v, k), "pool") == 0);
    char a[32], b[32];
    snprintf(a, sizeof a, "%lld", na);
    snprintf(b, sizeof b, "%lld", nb);
    ps_override sets[2] = {{"segments.a_small.new_loans", a}, {"segments.b_term.new_loans", b}};
    ps_results *e = single_run(small, sets, 2, &o, &m);
    if (e) CHECK(ps_volume_depletion(v, k) == e->pools[0].depletion.value);
    ps_results_free(e);
    ps_model_free(m);
  }
  ps_volume_free(v);
  so.pool = "nope";
  v = (ps_volume *)&o;
  CHECK_EQ_INT(ps_volume_run(small, NULL, 0, &o, &so, &v, err, sizeof err), PS_EINPUT);
  CHECK(v == NULL && strstr(err, "--pool nope") != NULL);
}

/* ---- the drivers' tables ---------------------------------------------------- */

/* a JSON value as the drivers used to get it: parsed text, numbers as floats, null as nil */
static void push_json(lua_State *L, const cJSON *j) { /* NOLINT(misc-no-recursion): the schema's depth */
  if (cJSON_IsNumber(j)) lua_pushnumber(L, j->valuedouble);
  else if (cJSON_IsString(j)) lua_pushstring(L, j->valuestring);
  else if (cJSON_IsBool(j)) lua_pushboolean(L, cJSON_IsTrue(j));
  else if (cJSON_IsArray(j)) {
    lua_createtable(L, cJSON_GetArraySize(j), 0);
    int i = 1;
    for (const cJSON *e = j->child; e; e = e->next, i++) {
      push_json(L, e);
      lua_rawseti(L, -2, i);
    }
  } else if (cJSON_IsObject(j)) {
    lua_newtable(L);
    for (const cJSON *e = j->child; e; e = e->next) {
      push_json(L, e);
      lua_setfield(L, -2, e->string);
    }
  } else lua_pushnil(L);
}

/* deep equality of two Lua values, number subtypes included */
static const char same_source[] =
    "local function same(a, b)\n"
    "  if type(a) ~= type(b) then return false end\n"
    "  if type(a) == 'number' then return math.type(a) == math.type(b) and (a == b or (a ~= a and b ~= b)) end\n"
    "  if type(a) ~= 'table' then return a == b end\n"
    "  for k, v in pairs(a) do if not same(v, b[k]) then return false end end\n"
    "  for k in pairs(b) do if a[k] == nil then return false end end\n"
    "  return true\n"
    "end\n"
    "return same\n";

/* the table walk builds equals the one its printed JSON parses to */
static void check_tables(lua_State *L, ps_doc_walk *walk, const void *value, const char *what) {
  char *text = ps_doc_json(walk, value);
  cJSON *doc = text ? cJSON_Parse(text) : NULL;
  CHECK(doc != NULL);
  if (luaL_loadstring(L, same_source) != LUA_OK || lua_pcall(L, 0, 1, 0) != LUA_OK) {
    CHECK(0);
    lua_settop(L, 0);
  } else {
    ps_lua_push_doc(L, walk, value);
    push_json(L, doc);
    int ok = lua_pcall(L, 2, 1, 0) == LUA_OK && lua_toboolean(L, -1);
    if (!ok) fprintf(stderr, "%s: the Lua tables differ from the JSON's\n", what);
    CHECK(ok);
    lua_settop(L, 0);
  }
  cJSON_Delete(doc);
  free(text);
}

static void tables(void) {
  char err[1024];
  lua_State *L = luaL_newstate();
  if (!L) {
    CHECK(0);
    return;
  }
  luaL_openlibs(L);
  ps_options o = {.paths = 200, .seed = 2, .use_seed = 1, .threads = 2, .search = 1};
  const char *files[] = {small, "tests/scenarios/all_rules.lua", "tests/scenarios/parties_guarantor.lua"};
  double at[2] = {1e6, 5e6};
  ps_report_options ro = {.at = at, .nat = 2};
  for (int f = 0; f < 3; f++) {
    ps_model *m;
    ps_results *r = single_run(files[f], NULL, 0, &o, &m);
    ps_run_doc d = {r, &ro};
    if (r) check_tables(L, ps_results_doc, &d, files[f]);
    ps_results_free(r);
    ps_model_free(m);
  }
  ps_model *a = NULL;
  ps_compare *c = NULL;
  if (ps_model_new(small, NULL, 0, &a, err, sizeof err) == PS_OK && ps_compare_run(a, a, &o, NULL, &c, err, sizeof err) == PS_OK)
    check_tables(L, ps_compare_doc, c, "compare");
  else CHECK(0);
  ps_compare_free(c);
  ps_model_free(a);
  ps_vary v = {.key = "pools.fund.initial", .values = {"3e6", "6e6"}, .nvalues = 2};
  ps_sweep *s = NULL;
  if (ps_sweep_run(small, NULL, 0, &v, 1, &o, NULL, &s, err, sizeof err) == PS_OK) check_tables(L, ps_sweep_doc, s, "sweep");
  else CHECK(0);
  ps_sweep_free(s);
  lua_close(L);
}

/* the largest volume where the programme's leverage binds (tests/scenarios/volume_leverage.lua): leverage 1
** on a 3亿 fund allows 30 one-year loans of 1000万 at risk, so lending stops at 30 loans a period and 3亿 a
** year however many are wanted: the answer stops there (at k = 8, where 32 are wanted, 2 declined, and
** k = 16 lends no more), not at the search's end, and the text and JSON name the leverage */
static void volume_leverage(void) {
  char err[1024];
  ps_options o = {.paths = 200, .seed = 3, .use_seed = 1, .threads = 2};
  double alpha = 0.05;
  ps_study_options so = {.alphas = &alpha, .nalphas = 1};
  ps_volume *v = NULL;
  CHECK_EQ_INT(ps_volume_run("tests/scenarios/volume_leverage.lua", NULL, 0, &o, &so, &v, err, sizeof err), PS_OK);
  if (!v) return;
  CHECK(ps_volume_base_lending(v) == 3 * 4 * 1e7);
  CHECK(strcmp(ps_volume_binds(v, 0), "leverage") == 0);
  CHECK(ps_volume_scale(v, 0) == 8);
  CHECK(ps_volume_loans_per_period(v, 0) == 30);
  CHECK(ps_volume_lending_per_year(v, 0) == 3e8);
  CHECK(ps_volume_lending(v, 0) == 9e8);
  CHECK(ps_volume_depletion(v, 0) == 0);
  char *text = ps_report_volume_text(v, "en"), *json = ps_report_volume_json(v);
  CHECK(text && strstr(text, "the leverage of programme 'p' (1× of 3.000亿, City finance bureau's allocation) binds before "
                             "the pool: loans at risk cannot pass 3.000亿; lending stops at 30.0 loans a period, 3.000亿 a year"));
  cJSON *doc = json ? cJSON_Parse(json) : NULL;
  cJSON *row = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "max_volume"), "rows"), 0);
  CHECK(cJSON_IsString(cJSON_GetObjectItem(row, "binds")) &&
        strcmp(cJSON_GetObjectItem(row, "binds")->valuestring, "leverage") == 0);
  cJSON *limit = cJSON_GetObjectItem(row, "limit");
  CHECK(cJSON_GetNumberValue(cJSON_GetObjectItem(limit, "cap")) == 3e8);
  CHECK(cJSON_GetNumberValue(cJSON_GetObjectItem(row, "declined")) == 2.0 / 32);
  cJSON_Delete(doc);
  free(text);
  free(json);
  ps_volume_free(v);
  /* the same with a guarantor's capacity (tests/scenarios/volume_guarantor.lua): 3 x 1亿 of capital */
  v = NULL;
  CHECK_EQ_INT(ps_volume_run("tests/scenarios/volume_guarantor.lua", NULL, 0, &o, &so, &v, err, sizeof err), PS_OK);
  if (!v) return;
  CHECK(strcmp(ps_volume_binds(v, 0), "guarantor") == 0);
  CHECK(ps_volume_loans_per_period(v, 0) == 30 && ps_volume_lending_per_year(v, 0) == 3e8);
  CHECK(v->rows[0].party && strcmp(v->rows[0].party, "City guarantee company") == 0 && v->rows[0].cap == 3e8);
  ps_volume_free(v);
}

int main(void) {
  gsl_set_error_handler_off();
  compare();
  sweep();
  tornado();
  tornado_shares();
  volume();
  volume_leverage();
  tables();
  return check_summary("test_study");
}
