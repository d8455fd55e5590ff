/* scenario.c — Lua scenario table -> validated ps_model.
**
** Runs the file in a sandbox, applies --set overrides, then reads the scenario,
** its parties, pools and segments (programmes: scenario_programme.c). With
** scenario_read.c, the only code that reads scenario tables. */
#include "scenario/scenario.h"

#include "scenario/ids.h"

#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua/lua_env.h"
#include "scenario/infile.h"
#include "scenario/overrides.h"
#include "sim/rng.h"
#include "scenario/sha256.h"
#include "scenario/utf8.h"
#include "scenario/scenario_read.h"

#define MAX_SCENARIO_BYTES (64 << 20)

static const char *const party_kinds[] = {"government", "bank", "guarantor", "reguarantor", "insurer", NULL};

/* ---- the four lists ---- */

/* the fields each kind of party may have, besides id, kind and name */
static int read_party_terms(const ps_entry *e, ps_party *p) {
  static const char *const bank[] = {"id", "kind", "name", "npl_tolerance", "funding_cost", NULL};
  static const char *const guarantor[] = {"id", "kind", "name", "capital", "leverage_limit", "guarantee_fee", NULL};
  static const char *const reguarantor[] = {"id", "kind", "name", "reguarantee_fee", NULL};
  static const char *const insurer[] = {"id", "kind", "name", "premium", "loss_ratio_cap", NULL};
  static const char *const government[] = {"id", "kind", "name", NULL};
  const char *const *fields[] = {government, bank, guarantor, reguarantor, insurer};
  int rc = ps_read_check_fields(e, fields[p->kind]);
  if (rc) return rc;
  switch (p->kind) {
  case PS_PARTY_BANK:
    if ((rc = ps_read_in_range(e, "npl_tolerance", 0, 0, 0, 1, &p->npl_tolerance))) return rc;
    return ps_read_in_range(e, "funding_cost", 0, 0, 0, 1, &p->funding_cost);
  case PS_PARTY_GUARANTOR:
    if ((rc = ps_read_amount(e, "capital", 0, &p->capital))) return rc;
    if ((rc = ps_read_in_range(e, "leverage_limit", 0, 0, 0, 1000, &p->leverage_limit))) return rc;
    if (p->leverage_limit > 0 && p->capital == 0)
      return ps_read_fail(e, "leverage_limit", "needs the guarantor's capital");
    return ps_read_in_range(e, "guarantee_fee", 0, 0, 0, 1, &p->guarantee_fee);
  case PS_PARTY_REGUARANTOR:
    return ps_read_in_range(e, "reguarantee_fee", 0, 0, 0, 1, &p->reguarantee_fee);
  case PS_PARTY_INSURER:
    if ((rc = ps_read_in_range(e, "premium", 0, 0, 0, 1, &p->premium))) return rc;
    return ps_read_in_range(e, "loss_ratio_cap", 0, 0, 0, 100, &p->loss_ratio_cap);
  default:
    return PS_OK;
  }
}

static int read_parties(const ps_entry *scen, ps_model *m) {
  ps_reader *rd = scen->rd;
  int n, rc = ps_read_open_list(scen, "parties", 1, &n);
  if (rc) return rc;
  m->parties = calloc((size_t)n, sizeof *m->parties);
  if (!m->parties) return PS_ERUNTIME;
  for (int i = 0; i < n; i++) {
    ps_entry e;
    ps_party *p = &m->parties[i];
    if ((rc = ps_read_open_item(rd, "party", "parties", i, &e, &p->id))) return rc;
    m->nparties = i + 1;
    if (ps_find_party(m, p->id) != i) return ps_read_fail(&e, "id", "another party already has the id '%s'", p->id);
    int kind;
    if ((rc = ps_read_choice(&e, "kind", 1, 0, party_kinds, &kind))) return rc;
    p->kind = (ps_party_kind)kind;
    if ((rc = read_party_terms(&e, p))) return rc;
    if ((rc = ps_read_string(&e, "name", 0, &p->name))) return rc;
    if (!p->name && !(p->name = strdup(p->id))) return PS_ERUNTIME;
    lua_pop(rd->L, 1);
  }
  lua_pop(rd->L, 1);
  return PS_OK;
}

/* field = { [period] = yuan, ... } into out[1..periods] (fen); *given 0 when the field is absent. The
** notes finish the messages: what the table is (table_note), what its keys are (keys_note), what a
** value is (value_what). PS_OK, or PS_EINPUT naming the field */
static int read_by_period(const ps_entry *e, const ps_model *m, const char *field, const char *table_note,
                          const char *keys_note, const char *value_what, int64_t *out, int *given) {
  lua_State *L = e->rd->L;
  int type = ps_read_push(e, field);
  *given = type != LUA_TNIL;
  if (type != LUA_TTABLE) {
    lua_pop(L, 1);
    return type == LUA_TNIL ? PS_OK
                            : ps_read_fail(e, field, "must be a table { [period] = yuan }%s, got %s", table_note,
                                           lua_typename(L, type));
  }
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    int isint = 0;
    lua_Integer t = lua_tointegerx(L, -2, &isint);
    double v = lua_tonumber(L, -1);
    int vtype = lua_type(L, -1);
    lua_pop(L, 1);
    if (lua_type(L, -1) != LUA_TNUMBER || !isint || t < 1 || t > m->periods) {
      lua_pop(L, 2);
      return ps_read_fail(e, field, "keys must be periods 1..%d%s", m->periods, keys_note);
    }
    if (vtype != LUA_TNUMBER || !isfinite(v) || v < 0 || v > PS_MAX_AMOUNT_YUAN) {
      lua_pop(L, 2);
      return ps_read_fail(e, field, "%s in period %lld must be an amount >= 0 in yuan", value_what, (long long)t);
    }
    out[t] = (int64_t)llround(v * PS_FEN_PER_YUAN);
  }
  lua_pop(L, 1);
  return PS_OK;
}

/* topups = { [period] = yuan, ... }: read into p->topups (fen), the initial balance and the top-ups
** together within what the ledger holds; PS_OK, PS_EINPUT naming the field, PS_ERUNTIME (out of memory) */
static int read_topups(const ps_entry *e, const ps_model *m, ps_pool *p) {
  if (!(p->topups = calloc((size_t)m->periods + 1, sizeof *p->topups))) return PS_ERUNTIME;
  int given, rc = read_by_period(e, m, "topups", "", "", "the top-up", p->topups, &given);
  if (rc || !given) return rc;
  int64_t total = p->initial; /* the ledger must hold what the pool is given; yield is checked as it comes */
  for (int t = 1; t <= m->periods; t++)
    if (__builtin_add_overflow(total, p->topups[t], &total))
      return ps_read_fail(e, "topups", "the initial balance and the top-ups up to period %d add up to more than the ledger "
                          "holds (int64 fen, about 9.2e16 yuan)", t);
  return PS_OK;
}

/* pending = { [period] = yuan, ... }: compensation approved before period 1 and due in those periods
** (SPEC 2.3a), into p->pending (fen; left NULL when absent or all zero); PS_OK, PS_EINPUT naming the
** field, PS_ERUNTIME (out of memory) */
static int read_pending(const ps_entry *e, const ps_model *m, ps_pool *p) {
  if (!(p->pending = calloc((size_t)m->periods + 1, sizeof *p->pending))) return PS_ERUNTIME;
  int given, rc = read_by_period(e, m, "pending", " of claims already approved",
                                 " (the periods the approved claims are due in)", "the claims due", p->pending, &given);
  int64_t total = 0;
  for (int t = 1; rc == PS_OK && t <= m->periods; t++)
    if (__builtin_add_overflow(total, p->pending[t], &total))
      rc = ps_read_fail(e, "pending", "the claims pending add up to more than the ledger holds (int64 fen, about "
                        "9.2e16 yuan)");
  if (rc || total == 0) { /* nothing pending: the pool runs as if the field were absent */
    free(p->pending);
    p->pending = NULL;
  }
  return rc;
}

/* Who a pool's pending claims are paid to: the losses were borne before period 1 by the lenders
** of the loans, so the one bank that lends in every programme the pool pays into; when its
** programmes have several banks (or there is none) the ledger cannot tell which, and the money
** goes to the outside world (docs/model.md, "Claims in the pipeline") */
static void resolve_pending(ps_model *m) {
  for (int i = 0; i < m->npools; i++) {
    ps_pool *pool = &m->pools[i];
    int bank = -1, several = 0;
    for (int g = 0; g < m->nprogrammes; g++)
      for (int k = 0; k < m->programmes[g].nshares; k++)
        if (m->programmes[g].shares[k].account == ps_account_of_pool(m, i)) {
          several |= bank >= 0 && bank != m->programmes[g].bank;
          bank = m->programmes[g].bank;
        }
    pool->pending_to = bank >= 0 && !several ? bank : ps_account_outside(m);
  }
}

/* an optional boolean field (default false) */
static int read_flag(const ps_entry *e, const char *field, int *out) {
  int type = ps_read_push(e, field);
  *out = lua_toboolean(e->rd->L, -1);
  lua_pop(e->rd->L, 1);
  if (type != LUA_TNIL && type != LUA_TBOOLEAN)
    return ps_read_fail(e, field, "must be true or false, got %s", lua_typename(e->rd->L, type));
  return PS_OK;
}

static int read_pools(const ps_entry *scen, ps_model *m) {
  static const char *const fields[] = {"id",     "name",         "owner",     "initial", "topups",
                                       "yield", "refill",       "refill_below", "wind_down", "pending", NULL};
  static const char *const refills[] = {"none", "last_year", NULL};
  ps_reader *rd = scen->rd;
  int type = ps_read_push(scen, "pools");
  lua_pop(rd->L, 1);
  if (type == LUA_TNIL) return ps_read_fail(scen, "pools", "missing (a list is required; pools = {} for a scheme without a pool)");
  int n, rc = ps_read_open_list(scen, "pools", 0, &n); /* pools = {}: no pool (SPEC 2.3b) */
  if (rc) return rc;
  m->pools = calloc((size_t)n + 1, sizeof *m->pools);
  if (!m->pools) return PS_ERUNTIME;
  for (int i = 0; i < n; i++) {
    ps_entry e;
    ps_pool *p = &m->pools[i];
    if ((rc = ps_read_open_item(rd, "pool", "pools", i, &e, &p->id))) return rc;
    m->npools = i + 1;
    if ((rc = ps_read_check_fields(&e, fields))) return rc;
    if (ps_find_pool(m, p->id) != i || ps_find_party(m, p->id) >= 0)
      return ps_read_fail(&e, "id", "the id '%s' is already used by another pool or party", p->id);
    char *owner;
    if ((rc = ps_read_string(&e, "owner", 1, &owner))) return rc;
    p->owner = ps_find_party(m, owner);
    int bad_owner = p->owner < 0 || m->parties[p->owner].kind != PS_PARTY_GOVERNMENT;
    if (bad_owner) rc = ps_read_fail(&e, "owner", "'%s' is not a party of kind government", owner);
    free(owner);
    if (rc) return rc;
    if ((rc = ps_read_amount(&e, "initial", 1, &p->initial))) return rc;
    if ((rc = ps_read_in_range(&e, "yield", 0, 0, 0, 1, &p->yield))) return rc;
    p->yield_per_period = pow(1 + p->yield, m->dt) - 1;
    if ((rc = read_topups(&e, m, p)) || (rc = read_pending(&e, m, p))) return rc;
    if ((rc = ps_read_choice(&e, "refill", 0, 0, refills, &p->refill_last_year))) return rc;
    if ((rc = ps_read_in_range(&e, "refill_below", 0, 0, 0, 1, &p->refill_below))) return rc;
    if ((rc = read_flag(&e, "wind_down", &p->wind_down))) return rc;
    lua_pop(rd->L, 1);
  }
  lua_pop(rd->L, 1);
  return PS_OK;
}

/* flags = { "first_loan", "ip_pledge", ... }: loan features that earn points in tiered shares */
static int read_flags(const ps_entry *e, ps_segment *s) {
  lua_State *L = e->rd->L;
  int type = ps_read_push(e, "flags");
  if (type == LUA_TNIL) {
    lua_pop(L, 1);
    return PS_OK;
  }
  int n = type == LUA_TTABLE ? (int)lua_rawlen(L, -1) : -1;
  if (n < 0) {
    lua_pop(L, 1);
    return ps_read_fail(e, "flags", "must be a list of words, e.g. { \"first_loan\", \"ip_pledge\" }");
  }
  if (!(s->flags = calloc((size_t)n + 1, sizeof *s->flags))) {
    lua_pop(L, 1);
    return PS_ERUNTIME;
  }
  for (int i = 0; i < n; i++) {
    lua_rawgeti(L, -1, i + 1);
    const char *flag = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    int rc = !flag ? ps_read_fail(e, "flags", "item %d must be a word (a string)", i + 1)
             : !(s->flags[i] = strdup(flag)) ? PS_ERUNTIME : PS_OK;
    lua_pop(L, 1);
    if (rc) {
      lua_pop(L, 1);
      return rc;
    }
    s->nflags = i + 1;
  }
  lua_pop(L, 1);
  return PS_OK;
}

/* each segment's flag points for each share of its programme (tiered shares) */
static int resolve_share_points(ps_model *m) {
  for (int s = 0; s < m->nsegments; s++) {
    ps_segment *seg = &m->segments[s];
    const ps_programme *p = &m->programmes[seg->programme];
    if (!(seg->share_points = calloc((size_t)p->nshares, sizeof(double)))) return PS_ERUNTIME;
    for (int i = 0; i < p->nshares; i++)
      for (int b = 0; b < p->shares[i].nbonus; b++)
        for (int f = 0; f < seg->nflags; f++)
          if (strcmp(p->shares[i].bonus[b].flag, seg->flags[f]) == 0) seg->share_points[i] += p->shares[i].bonus[b].points;
  }
  return PS_OK;
}

static int read_segments(const ps_entry *scen, ps_model *m) {
  static const char *const fields[] = {"id", "name", "kind", "new_loans", "originate", "loan", "tenor", "repayment",
                                       "rate", "pd", "lgd", "rho", "flags", "sector", "rho_sector", "lgd_downturn",
                                       "demand_rho", NULL};
  static const char *const repayments[] = {"bullet", "amortizing", NULL};
  static const char *const kinds[] = {"loan", "policy", "bridge", NULL};
  ps_reader *rd = scen->rd;
  /* loans on a tape with a programme column need no segment: then the list may be left out */
  int type = ps_read_push(scen, "loans");
  lua_pop(rd->L, 1);
  int n, rc = ps_read_open_list(scen, "segments", type == LUA_TNIL, &n);
  if (rc) return rc;
  m->segments = calloc((size_t)n + 1, sizeof *m->segments);
  if (!m->segments) return PS_ERUNTIME;
  for (int i = 0; i < n; i++) {
    ps_entry e;
    ps_segment *s = &m->segments[i];
    if ((rc = ps_read_open_item(rd, "segment", "segments", i, &e, &s->id))) return rc;
    m->nsegments = i + 1;
    s->programme = -1;
    int kind;
    if ((rc = ps_read_choice(&e, "kind", 0, PS_SEGMENT_LOAN, kinds, &kind))) return rc;
    s->kind = (ps_segment_kind)kind;
    if ((rc = ps_read_check_fields(&e, s->kind == PS_SEGMENT_POLICY   ? ps_policy_fields
                                       : s->kind == PS_SEGMENT_BRIDGE ? ps_bridge_fields
                                                                      : fields)))
      return rc;
    if (ps_find_segment(m, s->id) != i) return ps_read_fail(&e, "id", "another segment already has the id '%s'", s->id);
    if ((rc = ps_read_string(&e, "name", 0, &s->name))) return rc;
    if (!s->name && !(s->name = strdup(s->id))) return PS_ERUNTIME;
    if (s->kind != PS_SEGMENT_LOAN) { /* insurance policies (scenario_policy.c), bridge loans (scenario_bridge.c) */
      if ((rc = s->kind == PS_SEGMENT_POLICY ? ps_read_policy_segment(&e, m, s) : ps_read_bridge_segment(&e, m, s)))
        return rc;
      lua_pop(rd->L, 1);
      continue;
    }
    long v;
    /* a template of loan-tape rows (no loan of its own, SPEC 2.3a) needs neither new_loans nor
    ** what the tape gives (loan, tenor, pd, lgd); a segment that originates loans needs them all */
    type = ps_read_push(&e, "loan");
    lua_pop(rd->L, 1);
    int tpl = type == LUA_TNIL;
    type = ps_read_push(&e, "new_loans");
    lua_pop(rd->L, 1);
    if ((!tpl || type != LUA_TNIL) && (rc = ps_read_volume(&e, "new_loans", m, &s->new_loans, &s->volume))) return rc;
    m->has_volumes |= s->volume.poisson;
    int generates = s->new_loans > 0 || s->volume.poisson;
    if ((rc = ps_read_origination(&e, m, s))) return rc;
    if ((generates || !tpl) && (rc = ps_read_dist(&e, "loan", "lognormal|uniform", 0, PS_MAX_AMOUNT_YUAN, &s->loan)))
      return rc;
    if (!tpl && s->loan.kind == PS_DIST_FIXED && s->loan.mean <= 0)
      return ps_read_fail(&e, "loan", "a loan amount must be > 0, got %g", s->loan.mean);
    if ((rc = ps_read_int(&e, "tenor", generates, 1, 1, PS_MAX_PERIODS, &v))) return rc;
    s->tenor = (int)v;
    if ((rc = ps_read_volume_alive(&e, "new_loans", s->new_loans, &s->volume, s->tenor))) return rc;
    if ((rc = ps_read_choice(&e, "repayment", 0, 0, repayments, &s->amortizing))) return rc;
    if ((rc = ps_read_in_range(&e, "rate", 0, 0, 0, 1, &s->rate))) return rc;
    if ((rc = ps_read_segment_risk(&e, m, s))) return rc;
    type = ps_read_push(&e, "lgd");
    lua_pop(rd->L, 1);
    int uncertain = 0;
    if ((generates || type != LUA_TNIL) &&
        (rc = ps_read_uncertain(&e, "lgd", m, i, PS_UNCERTAIN_LGD, &s->lgd.mean, &uncertain)))
      return rc;
    if ((generates || type != LUA_TNIL) && !uncertain && (rc = ps_read_dist(&e, "lgd", "beta|uniform", 0, 1, &s->lgd)))
      return rc;
    if ((rc = read_flags(&e, s))) return rc;
    lua_pop(rd->L, 1);
  }
  lua_pop(rd->L, 1);
  return PS_OK;
}

/* the scenario's own fields */
static int read_scenario(ps_reader *rd, ps_model *m) {
  static const char *const fields[] = {"name", "description", "periods", "step", "seed", "paths", "cycle",
                                       "parties", "pools", "segments", "programmes", "on_period", "on_default",
                                       "copula", "nu", "sectors", "sector_correlation", "stress", "loans", "discount_rate",
                                       "sampling",
                                       NULL};
  static const char *const steps[] = {"month", "quarter", "year", NULL};
  ps_entry scen = {rd, "scenario", NULL, NULL, lua_gettop(rd->L), 1};
  int rc;
  long v;
  if ((rc = ps_read_check_fields(&scen, fields))) return rc;
  if ((rc = ps_read_string(&scen, "name", 1, &m->name))) return rc;
  if ((rc = ps_read_int(&scen, "periods", 1, 0, 1, PS_MAX_PERIODS, &v))) return rc;
  m->periods = (int)v;
  int step;
  if ((rc = ps_read_choice(&scen, "step", 0, PS_STEP_MONTH, steps, &step))) return rc;
  m->step = (ps_step)step;
  m->dt = 1.0 / ps_periods_per_year(m->step);
  double seed;
  if ((rc = ps_read_number(&scen, "seed", 0, 1, &seed))) return rc;
  if (seed < 0 || seed != floor(seed) || seed >= 9007199254740992.0)
    return ps_read_fail(&scen, "seed", "must be a whole number in [0, 2^53), got %g", seed);
  m->seed = (uint64_t)seed;
  if ((rc = ps_read_int(&scen, "paths", 0, 10000, 1, PS_MAX_PATHS, &v))) return rc;
  m->paths = v;
  int uncertain;
  if ((rc = ps_read_uncertain(&scen, "cycle", m, -1, PS_UNCERTAIN_CYCLE, &m->cycle, &uncertain))) return rc;
  if (!uncertain && (rc = ps_read_in_range(&scen, "cycle", 0, 0, -0.999, 0.999, &m->cycle))) return rc;
  if ((rc = ps_read_in_range(&scen, "discount_rate", 0, 0, 0, 1, &m->discount_rate))) return rc;
  int type = ps_read_push(&scen, "on_period");
  lua_pop(rd->L, 1);
  if (type != LUA_TNIL && type != LUA_TFUNCTION)
    return ps_read_fail(&scen, "on_period", "must be a function(ctx), got %s", lua_typename(rd->L, type));
  m->has_on_period = type == LUA_TFUNCTION;
  type = ps_read_push(&scen, "on_default");
  lua_pop(rd->L, 1);
  if (type != LUA_TNIL && type != LUA_TFUNCTION)
    return ps_read_fail(&scen, "on_default", "must be a function(loan, ctx), got %s", lua_typename(rd->L, type));
  m->has_on_default = type == LUA_TFUNCTION;
  if ((rc = ps_read_risk(&scen, m))) return rc;
  if ((rc = read_parties(&scen, m))) return rc;
  if ((rc = read_pools(&scen, m))) return rc;
  if ((rc = read_segments(&scen, m))) return rc;
  m->nown_segments = m->nsegments;
  if ((rc = ps_read_programmes(&scen, m)) || (rc = ps_read_tapes(&scen, m))) return rc;
  resolve_pending(m);
  m->ndrivers = m->nown_segments;
  for (int s = 0; s < m->nsegments; s++) {
    if (s < m->nown_segments) m->segments[s].driver = s;
    else if (m->segments[s].driver < 0) m->ndrivers = m->nown_segments + 1;
  }
  for (int s = m->nown_segments; s < m->nsegments; s++)
    if (m->segments[s].driver < 0) m->segments[s].driver = m->nown_segments;
  m->has_hooks = m->has_on_period || m->has_on_default;
  for (int i = 0; i < m->nprogrammes; i++) m->has_hooks |= m->programmes[i].has_split;
  m->balance_feedback = m->has_hooks;
  for (int i = 0; i < m->npools; i++) m->balance_feedback |= m->pools[i].refill_below > 0 || m->pools[i].refill_last_year;
  for (int i = 0; i < m->nprogrammes; i++) m->balance_feedback |= m->programmes[i].lender >= 0; /* bridges: cash-days */
  for (int i = 0; i < m->nprogrammes; i++)
    for (int k = 0; k < m->programmes[i].ntriggers; k++)
      m->balance_feedback |= m->programmes[i].triggers[k].kind == PS_TRIGGER_POOL_FLOOR;
  if ((rc = resolve_share_points(m)) || (rc = ps_derive_hazards(m))) return rc;
  return ps_tape_buckets(m);
}

typedef struct {
  ps_reader *rd;
  ps_model *m;
} model_read;

/* read_scenario for call_protected: the table is at stack slot 1, the top */
static int read_model(lua_State *L, void *read) {
  (void)L;
  model_read *r = read;
  return read_scenario(r->rd, r->m);
}

/* read the whole file into memory (the workers re-run it from this copy) */
static int slurp(const char *file, char **out, size_t *len, char *err, size_t errlen) {
  FILE *f;
  if (ps_infile_open(file, "scenario file", &f, err, errlen)) return PS_EINPUT;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    n += fread(buf + n, 1, cap - n, f);
    if (n < cap || n > MAX_SCENARIO_BYTES) break;
    char *bigger = realloc(buf, cap *= 2);
    if (!bigger) free(buf);
    buf = bigger;
  }
  int bad = ferror(f);
  (void)fclose(f);
  if (!buf) return PS_ERUNTIME;
  if (bad || n == 0 || n > MAX_SCENARIO_BYTES) {
    free(buf);
    if (bad) snprintf(err, errlen, "%s: read error", file);
    else if (n == 0) snprintf(err, errlen, "%s: empty file: a scenario ends with 'return poolsim.scenario{...}'", file);
    else snprintf(err, errlen, "%s: larger than %d MiB (the limit): loans in bulk belong in a tape, poolsim.csv()", file,
                  MAX_SCENARIO_BYTES >> 20);
    return PS_EINPUT;
  }
  buf[n < cap ? n : cap - 1] = '\0';
  long bad_byte = ps_utf8_invalid(buf, n);
  if (bad_byte >= 0) {
    long line = 1, start = 0;
    for (long i = 0; i < bad_byte; i++)
      if (buf[i] == '\n') line++, start = i + 1;
    snprintf(err, errlen, "%s:%ld: invalid UTF-8 at byte %ld of the line (0x%02X): save the scenario as UTF-8 "
             "(a GBK/GB18030 file converts with iconv -f GB18030 -t UTF-8)", file, line, bad_byte - start + 1,
             (unsigned char)buf[bad_byte]);
    free(buf);
    return PS_EINPUT;
  }
  *out = buf;
  *len = n;
  return PS_OK;
}

/* ---- C reading Lua tables under lua_pcall ----
** Reading a field can run the scenario's own code (a metatable's __index or
** __newindex) and that code can fail, loop or run out of memory; outside a
** protected call Lua would abort the process. So every read runs inside one:
** the table at the top of the stack is passed to fn as stack slot 1. */
typedef struct {
  int (*fn)(lua_State *L, void *ud);
  void *ud;
  int rc;
} protected_call;

static int run_protected(lua_State *L) {
  protected_call *pc = lua_touserdata(L, 1);
  lua_remove(L, 1);
  pc->rc = pc->fn(L, pc->ud);
  return 0;
}

/* fn's PS_* code; when Lua raised an error, *raised is set to 1 and the
** message, copied to msg, is what went wrong */
static int call_protected(lua_State *L, int (*fn)(lua_State *, void *), void *ud, int *raised, char *msg,
                          size_t msglen) {
  protected_call pc = {fn, ud, PS_OK};
  int table = lua_gettop(L);
  lua_pushcfunction(L, run_protected);
  lua_pushlightuserdata(L, &pc);
  lua_pushvalue(L, table);
  int status = ps_lua_pcall(L, 2, 0);
  *raised = status != LUA_OK;
  if (!*raised) return pc.rc;
  const char *text = status == LUA_ERRMEM ? "out of memory" : lua_tostring(L, -1);
  snprintf(msg, msglen, "%s", text ? text : "error");
  lua_pop(L, 1);
  return PS_EINPUT;
}

static int apply_override(lua_State *L, void *set) {
  ps_reader *rd = set;
  return ps_overrides_apply(L, 1, rd->sets, 1, rd->err, rd->errlen);
}

/* apply the overrides one by one, each protected */
static int apply_overrides(lua_State *L, const ps_override *sets, int nsets, char *err, size_t errlen) {
  for (int i = 0; i < nsets; i++) {
    ps_reader one = {.L = L, .sets = &sets[i], .nsets = 1, .err = err, .errlen = errlen};
    char msg[512];
    int raised, rc = call_protected(L, apply_override, &one, &raised, msg, sizeof msg);
    if (raised) snprintf(err, errlen, "--set %s=%s: cannot be applied: %s", sets[i].key, sets[i].value, msg);
    if (rc) return rc;
  }
  return PS_OK;
}

/* Run the scenario source in a fresh sandbox and apply the overrides, leaving
** its table on the stack of *L (close it and free *random after). */
static int open_table(const char *file, const char *src, size_t len, const ps_override *sets, int nsets,
                      lua_State **L, gsl_rng **random, char *err, size_t errlen) {
  *random = ps_rng_new();
  *L = *random ? ps_lua_new(*random) : NULL;
  if (!*L) {
    if (*random) gsl_rng_free(*random);
    snprintf(err, errlen, "out of memory");
    return PS_ERUNTIME;
  }
  ps_rng_seed_stream(*random, 0, 0, PS_STREAM_POLICY); /* math.random while loading: fixed */
  int rc = ps_lua_run_scenario(*L, file, src, len, err, errlen);
  if (rc == PS_OK) rc = apply_overrides(*L, sets, nsets, err, errlen);
  if (rc) {
    ps_lua_free(*L);
    gsl_rng_free(*random);
  }
  return rc;
}

int ps_scenario_load(const char *file, const ps_override *sets, int nsets, ps_model *m, char *err,
                     size_t errlen) {
  memset(m, 0, sizeof *m);
  if (!(m->ids = ps_ids_new())) return PS_ERUNTIME;
  int rc = slurp(file, &m->source, &m->source_len, err, errlen);
  if (rc) return rc;
  if (!(m->file = strdup(file))) return PS_ERUNTIME;
  if (nsets > 0) {
    m->set_keys = calloc((size_t)nsets, sizeof(char *));
    m->set_values = calloc((size_t)nsets, sizeof(char *));
    if (!m->set_keys || !m->set_values) return PS_ERUNTIME;
    for (; m->nsets < nsets; m->nsets++)
      if (!(m->set_keys[m->nsets] = strdup(sets[m->nsets].key)) ||
          !(m->set_values[m->nsets] = strdup(sets[m->nsets].value)))
        return PS_ERUNTIME;
  }
  ps_sha256 h;
  ps_sha256_init(&h);
  ps_sha256_update(&h, m->source, m->source_len);
  ps_sha256_final_hex(&h, m->sha256);

  gsl_rng *random;
  lua_State *L;
  if ((rc = open_table(file, m->source, m->source_len, sets, nsets, &L, &random, err, errlen))) return rc;
  ps_reader rd = {.L = L, .m = m, .file = file, .src = m->source, .scenario_line = ps_lua_scenario_line(L, -1),
                  .sets = sets, .nsets = nsets, .err = err, .errlen = errlen};
  char msg[512];
  int raised;
  model_read read = {&rd, m};
  rc = call_protected(L, read_model, &read, &raised, msg, sizeof msg);
  if (raised) ps_read_fail_raised(&rd, msg);
  if (rc == PS_ERUNTIME) snprintf(err, errlen, "out of memory while reading %s", file);
  ps_lua_free(L);
  gsl_rng_free(random);
  return rc;
}

typedef struct {
  const char *key;
  double *out;
  char *err;
  size_t errlen;
} number_query;

static int get_number(lua_State *L, void *query) {
  number_query *q = query;
  return ps_overrides_get(L, 1, q->key, q->out, q->err, q->errlen);
}

/* run fn(L, ud) in a protected call on the scenario table of file with the overrides applied, for
** a question about the file rather than its model; *raised, with msg, when fn raised a Lua error;
** PS_OK or fn's code, or the loading's code with its message in err */
static int query_table(const char *file, const ps_override *sets, int nsets, int (*fn)(lua_State *, void *), void *ud,
                       int *raised, char *msg, size_t msglen, char *err, size_t errlen) {
  char *src;
  size_t len;
  *raised = 0;
  int rc = slurp(file, &src, &len, err, errlen);
  if (rc) return rc;
  gsl_rng *random;
  lua_State *L;
  if ((rc = open_table(file, src, len, sets, nsets, &L, &random, err, errlen)) == PS_OK) {
    rc = call_protected(L, fn, ud, raised, msg, msglen);
    ps_lua_free(L);
    gsl_rng_free(random);
  }
  free(src);
  return rc;
}

/* NOLINTNEXTLINE(readability-non-const-parameter): out is written through the query, q.out */
int ps_scenario_number(const char *file, const ps_override *sets, int nsets, const char *key, double *out, char *err,
                       size_t errlen) {
  number_query q = {key, out, err, errlen};
  char msg[512];
  int raised, rc = query_table(file, sets, nsets, get_number, &q, &raised, msg, sizeof msg, err, errlen);
  if (raised) snprintf(err, errlen, "%s: cannot be read: %s", key, msg);
  return rc;
}

/* what get_keys answers to: the file's keys as text, and where a failure is told */
typedef struct {
  const char *file;
  char **out;
  char *err;
  size_t errlen;
} keys_query;

static int get_keys(lua_State *L, void *query) {
  keys_query *q = query;
  ps_overrides_keys(L, 1);
  size_t n;
  const char *text = lua_tolstring(L, -1, &n);
  char *copy = malloc(n + 2);
  if (!copy) {
    snprintf(q->err, q->errlen, "out of memory listing the keys of %s", q->file);
    return PS_ERUNTIME;
  }
  memcpy(copy, text, n);
  memcpy(copy + n, n ? "\n" : "", n ? 2 : 1);
  *q->out = copy;
  return PS_OK;
}

int ps_scenario_keys(const char *file, const ps_override *sets, int nsets, char **out, char *err, size_t errlen) {
  *out = NULL;
  keys_query q = {file, out, err, errlen};
  char msg[512];
  int raised, rc = query_table(file, sets, nsets, get_keys, &q, &raised, msg, sizeof msg, err, errlen);
  if (raised) snprintf(err, errlen, "%s: cannot list its keys: %s", file, msg);
  return rc;
}

void ps_model_destroy(ps_model *m) {
  if (!m) return;
  ps_ids_free(m->ids);
  for (int i = 0; i < m->nparties; i++) {
    free(m->parties[i].id);
    free(m->parties[i].name);
  }
  for (int i = 0; i < m->npools; i++) {
    free(m->pools[i].id);
    free(m->pools[i].topups);
    free(m->pools[i].pending);
  }
  for (int i = 0; i < m->nsegments; i++) {
    free(m->segments[i].id);
    free(m->segments[i].name);
    for (int f = 0; f < m->segments[i].nflags; f++) free(m->segments[i].flags[f]);
    free(m->segments[i].flags);
    free(m->segments[i].share_points);
    free(m->segments[i].pd_by_year);
    free(m->segments[i].loan.items);
    free(m->segments[i].hazard);
    free(m->segments[i].threshold);
    free(m->segments[i].loan_pd);
    free(m->segments[i].loan_lgd);
    free(m->segments[i].loan_rate);
    free(m->segments[i].loan_firm);
    free(m->segments[i].loan_hazard);
    free(m->segments[i].loan_threshold);
  }
  for (int i = 0; i < m->nprogrammes; i++) {
    free(m->programmes[i].id);
    free(m->programmes[i].segments);
    for (int k = 0; k < m->programmes[i].nshares; k++) {
      ps_share *sh = &m->programmes[i].shares[k];
      free(sh->tiers);
      for (int b = 0; b < sh->nbonus; b++) free(sh->bonus[b].flag);
      free(sh->bonus);
    }
    free(m->programmes[i].shares);
    free(m->programmes[i].triggers);
  }
  for (int i = 0; i < m->nfirms; i++) free(m->firms[i]);
  for (int i = 0; i < m->ntape_buckets; i++) {
    free(m->tape_buckets[i].live);
    free(m->tape_buckets[i].live_at);
    free(m->tape_buckets[i].groups);
  }
  free(m->tape_buckets);
  free(m->tape_groups);
  free(m->tape_periods.live);
  free(m->tape_periods.live_at);
  free(m->tape_periods.enter);
  free(m->tape_periods.enter_at);
  free(m->tape_periods.leave);
  free(m->tape_periods.leave_at);
  free(m->firms);
  for (int i = 0; i < m->nsets; i++) {
    free(m->set_keys[i]);
    free(m->set_values[i]);
  }
  free(m->set_keys);
  free(m->set_values);
  for (int i = 0; i < m->nsectors; i++) free(m->sectors[i].id);
  free(m->sectors);
  free(m->sector_chol);
  for (int i = 0; i < m->ndata; i++) free(m->data_files[i]);
  free(m->data_files);
  free(m->data_sha256);
  free(m->stress_shift);
  free(m->stress_pd);
  for (int i = 0; i < m->nuncertain; i++) free(m->uncertain[i].key);
  free(m->uncertain);
  free(m->parties);
  free(m->pools);
  free(m->segments);
  free(m->programmes);
  free(m->name);
  free(m->file);
  free(m->source);
  memset(m, 0, sizeof *m);
}
