/* scenario_programme.c — reading programmes: who pays what share of each
** default, caps, timing and triggers (docs/scenario.md, docs/rules.md). */
#include <lauxlib.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/scenario_read.h"

static int cmp_share(const void *a, const void *b) {
  const ps_share *x = a, *y = b;
  return (x->account > y->account) - (x->account < y->account);
}

/* a number field of the table at the stack top within [lo, hi] (nil when nil_ok) */
static int number_field_in(lua_State *L, const char *field, int nil_ok, double lo, double hi) {
  int type = lua_getfield(L, -1, field);
  double v = lua_tonumber(L, -1);
  lua_pop(L, 1);
  return (type == LUA_TNIL && nil_ok) || (type == LUA_TNUMBER && v >= lo && v <= hi);
}

/* what is wrong with the {dist = "tiered", ...} table at the stack top, or NULL:
** poolsim.tiered{} makes it right, but a script can write or change one by hand */
static const char *tiered_problem(lua_State *L) {
  if (!number_field_in(L, "ceiling", 0, 0, 1)) return "ceiling must be a fraction in [0, 1]";
  const char *problem = NULL;
  if (lua_getfield(L, -1, "bands") != LUA_TTABLE || lua_rawlen(L, -1) == 0) problem = "bands must be a list of bands";
  double last = -1;
  for (lua_Integer i = 1, n = problem ? 0 : (lua_Integer)lua_rawlen(L, -1); i <= n && !problem; i++) {
    if (lua_rawgeti(L, -1, i) != LUA_TTABLE) problem = "each band must be a table {upto =, ratio =}";
    else if (!number_field_in(L, "ratio", 0, 0, 1)) problem = "a band's ratio must be in [0, 1]";
    else {
      int type = lua_getfield(L, -1, "upto");
      double upto = lua_tonumber(L, -1);
      lua_pop(L, 1);
      if (type == LUA_TNIL ? i < n : !(type == LUA_TNUMBER && upto > last && upto <= 1e15))
        problem = "upto must rise from band to band (only the last band may leave it out)";
      last = upto;
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  if (problem) return problem;
  int type = lua_getfield(L, -1, "bonus");
  if (type != LUA_TNIL && type != LUA_TTABLE) problem = "bonus must be a table {flag = points}";
  if (type == LUA_TTABLE)
    for (lua_pushnil(L); lua_next(L, -2);) {
      double points = lua_tonumber(L, -1);
      if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TNUMBER || !(points >= 0 && points <= 1))
        problem = "bonus entries must be flag = points in [0, 1]";
      lua_pop(L, 1);
    }
  lua_pop(L, 1);
  return problem;
}

/* flags in the order of their names (qsort) */
static int bonus_by_flag(const void *a, const void *b) {
  return strcmp(((const ps_bonus *)a)->flag, ((const ps_bonus *)b)->flag);
}

/* a tiered share made by poolsim.tiered{} (on the stack top, checked) -> sh */
static int read_tiered(const ps_entry *e, ps_share *sh) {
  lua_State *L = e->rd->L;
  lua_getfield(L, -1, "ceiling");
  sh->ceiling = lua_tonumber(L, -1);
  lua_pop(L, 1);
  lua_getfield(L, -1, "bands");
  int n = (int)lua_rawlen(L, -1);
  sh->tiers = calloc((size_t)n, sizeof *sh->tiers);
  if (!sh->tiers) {
    lua_pop(L, 1);
    return PS_ERUNTIME;
  }
  for (int i = 0; i < n; i++) {
    lua_rawgeti(L, -1, i + 1);
    lua_getfield(L, -1, "upto");
    lua_getfield(L, -2, "ratio");
    sh->tiers[i].upto = lua_isnil(L, -2) ? INT64_MAX : (int64_t)llround(lua_tonumber(L, -2) * PS_FEN_PER_YUAN);
    sh->tiers[i].ratio = lua_tonumber(L, -1);
    lua_pop(L, 3);
  }
  sh->ntiers = n;
  lua_pop(L, 1);
  if (lua_getfield(L, -1, "bonus") == LUA_TNIL) {
    lua_pop(L, 1);
    lua_newtable(L);
  }
  int nb = 0;
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    lua_pop(L, 1);
    nb++;
  }
  sh->bonus = calloc((size_t)nb + 1, sizeof *sh->bonus);
  int rc = sh->bonus ? PS_OK : PS_ERUNTIME;
  lua_pushnil(L);
  while (rc == PS_OK && lua_next(L, -2)) {
    ps_bonus *b = &sh->bonus[sh->nbonus];
    b->points = lua_tonumber(L, -1);
    lua_pop(L, 1);
    if (!(b->flag = strdup(lua_tostring(L, -1)))) rc = PS_ERUNTIME;
    else sh->nbonus++;
  }
  lua_pop(L, rc == PS_OK ? 1 : 2);
  /* pairs() order varies from one Lua state to the next: sorted by flag, the
  ** points add up in one order (the same bits) and reports list them alike */
  if (rc == PS_OK && sh->bonus && sh->nbonus > 1) qsort(sh->bonus, (size_t)sh->nbonus, sizeof *sh->bonus, bonus_by_flag);
  return rc;
}

/* the most a share can ever take of one loss */
static double share_max(const ps_share *sh) {
  if (sh->rest) return 0;
  if (!sh->ntiers) return sh->share;
  double top = 0, points = 0;
  for (int i = 0; i < sh->ntiers; i++)
    if (sh->tiers[i].ratio > top) top = sh->tiers[i].ratio;
  for (int i = 0; i < sh->nbonus; i++) points += sh->bonus[i].points;
  return fmin(sh->ceiling, top + points);
}

/* one share value: a fraction, "rest", or poolsim.tiered{} (on the stack top) */
static int read_share_value(const ps_entry *e, const char *key, ps_share *sh) {
  lua_State *L = e->rd->L;
  int type = lua_type(L, -1);
  if (type == LUA_TNUMBER) {
    sh->share = lua_tonumber(L, -1);
    if (!isfinite(sh->share) || sh->share < 0 || sh->share > 1)
      return ps_read_fail(e, "share", "the share of '%s' must be a fraction in [0, 1]", key);
    return PS_OK;
  }
  if (type == LUA_TSTRING && strcmp(lua_tostring(L, -1), "rest") == 0) {
    sh->rest = 1;
    return PS_OK;
  }
  if (type == LUA_TTABLE) {
    lua_getfield(L, -1, "dist");
    int tiered = lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "tiered") == 0;
    lua_pop(L, 1);
    const char *problem = tiered ? tiered_problem(L) : NULL;
    if (problem) return ps_read_fail(e, "share", "the share of '%s' is not a valid poolsim.tiered{...}: %s", key, problem);
    if (tiered) return read_tiered(e, sh);
  }
  return ps_read_fail(e, "share", "the share of '%s' must be a fraction, \"rest\" or poolsim.tiered{...}", key);
}

/* share = { pool_or_party_id = fraction | "rest" | poolsim.tiered{...}, ... }:
** fractions sum to 1, or one payer takes the rest and the others can never
** take more than the whole loss */
static int read_shares(const ps_entry *e, const ps_model *m, ps_programme *p) {
  lua_State *L = e->rd->L;
  int type = ps_read_push(e, "share");
  if (type != LUA_TTABLE) {
    lua_pop(L, 1);
    return ps_read_fail(e, "share", type == LUA_TNIL ? "missing (e.g. share = { fund = 0.4, bank = 0.6 })"
                                             : "must be a table { id = fraction }, got %s",
                lua_typename(L, type));
  }
  int n = 0;
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    lua_pop(L, 1);
    n++;
  }
  if (n > PS_MAX_SHARES) {
    lua_pop(L, 1);
    return ps_read_fail(e, "share", "%d payers; poolsim allows at most %d", n, PS_MAX_SHARES);
  }
  p->shares = calloc((size_t)n + 1, sizeof *p->shares);
  if (!p->shares) {
    lua_pop(L, 1);
    return PS_ERUNTIME;
  }
  int rc = PS_OK;
  lua_pushnil(L);
  while (rc == PS_OK && lua_next(L, -2)) {
    const char *key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
    int pool = key ? ps_find_pool(m, key) : -1, party = key ? ps_find_party(m, key) : -1;
    int account = pool >= 0 ? ps_account_of_pool(m, pool) : party;
    if (!key) rc = ps_read_fail(e, "share", "keys must be pool or party ids");
    else if (account < 0) rc = ps_read_fail(e, "share", "'%s' is not a pool or party id", key);
    else if (party >= 0 && m->parties[party].kind == PS_PARTY_BANK && p->insurer >= 0)
      rc = ps_read_fail(e, "share", "'%s' is a bank: an insurer programme has no bank", key);
    else if (party >= 0 && m->parties[party].kind == PS_PARTY_BANK && party != p->bank)
      rc = ps_read_fail(e, "share", "'%s' is a bank other than this programme's bank '%s'", key,
                        m->parties[p->bank].id);
    else {
      ps_share *sh = &p->shares[p->nshares++];
      sh->account = account;
      rc = read_share_value(e, key, sh);
    }
    lua_pop(L, 1);
  }
  if (rc) {
    lua_pop(L, 2); /* key, table */
    return rc;
  }
  lua_pop(L, 1);
  qsort(p->shares, (size_t)p->nshares, sizeof *p->shares, cmp_share);
  int rests = 0, tiered = 0;
  double sum = 0;
  for (int i = 0; i < p->nshares; i++) {
    rests += p->shares[i].rest;
    tiered += p->shares[i].ntiers > 0;
    sum += share_max(&p->shares[i]);
  }
  if (rests > 1) return ps_read_fail(e, "share", "only one payer can take the \"rest\"");
  if (tiered && !rests)
    return ps_read_fail(e, "share", "a tiered share needs another payer to take the \"rest\" (e.g. bank = \"rest\")");
  if (rests && sum > 1 + PS_SHARE_TOLERANCE)
    return ps_read_fail(e, "share", "the shares other than the rest can reach %.10g of a loss, more than 1", sum);
  if (!rests && fabs(sum - 1) > PS_SHARE_TOLERANCE)
    return ps_read_fail(e, "share", "shares sum to %.10g, expected 1", sum);
  return PS_OK;
}

/* segments = { "id", ... }: each segment is covered by one programme only */
static int read_covered_segments(const ps_entry *e, ps_model *m, int self, ps_programme *p) {
  lua_State *L = e->rd->L;
  int type = ps_read_push(e, "segments");
  lua_Integer len = type == LUA_TTABLE ? (lua_Integer)lua_rawlen(L, -1) : 0;
  if (type == LUA_TNIL) { /* loans on a tape only: ps_read_tapes checks it has some */
    lua_pop(L, 1);
    return PS_OK;
  }
  if (len == 0) {
    lua_pop(L, 1);
    return ps_read_fail(e, "segments", "must be a non-empty list of segment ids");
  }
  p->segments = calloc((size_t)len, sizeof *p->segments);
  if (!p->segments) {
    lua_pop(L, 1);
    return PS_ERUNTIME;
  }
  int rc = PS_OK;
  for (lua_Integer i = 1; i <= len && rc == PS_OK; i++) {
    lua_rawgeti(L, -1, i);
    const char *id = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    int s = id ? ps_find_segment(m, id) : -1;
    if (!id) rc = ps_read_fail(e, "segments", "item %lld must be a segment id (a string)", (long long)i);
    else if (s < 0) rc = ps_read_fail(e, "segments", "'%s' is not a segment id", id);
    else if (m->segments[s].programme >= 0)
      rc = ps_read_fail(e, "segments", "segment '%s' is already covered by programme '%s' (a loan draws on one programme only)",
                id, m->programmes[m->segments[s].programme].id);
    else {
      m->segments[s].programme = self;
      p->segments[p->nsegments++] = s;
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return rc;
}

/* triggers = { {kind =, above = | below =, resume =, action =, pool =}, ... } */
static int read_triggers(const ps_entry *e, const ps_model *m, ps_programme *p) {
  static const char *const fields[] = {"kind", "above", "below", "resume", "action", "pool", "during", NULL};
  static const char *const periods[] = {"lending", "always", NULL};
  static const char *const kinds[] = {"npl_ratio", "annual_loss_rate", "pool_floor", "payout_rate", "loss_ratio", NULL};
  static const char *const actions[] = {"pause", "stop_lending", NULL};
  lua_State *L = e->rd->L;
  int type = ps_read_push(e, "triggers");
  if (type == LUA_TNIL) {
    lua_pop(L, 1);
    return PS_OK;
  }
  int n = type == LUA_TTABLE ? (int)lua_rawlen(L, -1) : 0;
  if (n == 0) {
    lua_pop(L, 1);
    return ps_read_fail(e, "triggers", "must be a list of triggers { {kind = \"npl_ratio\", above = 0.03, action = \"pause\"} }");
  }
  if (!(p->triggers = calloc((size_t)n, sizeof *p->triggers))) {
    lua_pop(L, 1);
    return PS_ERUNTIME;
  }
  int rc = PS_OK;
  for (int i = 0; i < n && rc == PS_OK; i++) {
    if (lua_rawgeti(L, -1, i + 1) != LUA_TTABLE) {
      lua_pop(L, 2);
      return ps_read_fail(e, "triggers", "item %d must be a table", i + 1);
    }
    char what[64];
    snprintf(what, sizeof what, "trigger #%d of programme", i + 1);
    ps_entry t = {e->rd, what, "programmes", p->id, lua_gettop(L), e->occurrence};
    ps_trigger *tr = &p->triggers[i];
    int kind = 0, action = 0;
    if ((rc = ps_read_check_fields(&t, fields)) || (rc = ps_read_choice(&t, "kind", 1, 0, kinds, &kind)) ||
        (rc = ps_read_choice(&t, "action", 1, 0, actions, &action))) {
      lua_pop(L, 2);
      return rc;
    }
    tr->kind = (ps_trigger_kind)kind;
    tr->action = (ps_trigger_action)action;
    tr->pool = -1;
    if (tr->kind == PS_TRIGGER_POOL_FLOOR) {
      char *pool;
      if (!(rc = ps_read_string(&t, "pool", 1, &pool))) {
        tr->pool = ps_find_pool(m, pool);
        if (tr->pool < 0) rc = ps_read_fail(&t, "pool", "'%s' is not a pool id", pool);
        free(pool);
      }
      if (!rc) rc = ps_read_in_range(&t, "below", 1, 0, 0, PS_MAX_AMOUNT_YUAN, &tr->threshold);
      if (!rc) rc = ps_read_in_range(&t, "resume", 0, tr->threshold, tr->threshold, PS_MAX_AMOUNT_YUAN, &tr->resume);
    } else {
      double top = tr->kind == PS_TRIGGER_LOSS_RATIO ? 100 : 1;
      rc = ps_read_in_range(&t, "above", 1, 0, 0, top, &tr->threshold);
      if (!rc) rc = ps_read_in_range(&t, "resume", 0, tr->threshold, 0, tr->threshold, &tr->resume);
    }
    /* an npl_ratio trigger is watched while the programme lends, or (during = "always") in run-off too */
    if (!rc && tr->kind != PS_TRIGGER_NPL_RATIO) {
      int given = ps_read_push(&t, "during") != LUA_TNIL;
      lua_pop(L, 1);
      if (given) rc = ps_read_fail(&t, "during", "only an npl_ratio trigger has a period to be watched in");
    }
    if (!rc && tr->kind == PS_TRIGGER_NPL_RATIO) rc = ps_read_choice(&t, "during", 0, 0, periods, &tr->run_off);
    /* a payout-rate or loss-ratio trigger watches the programme's (first) guarantor or insurer */
    if (!rc && (tr->kind == PS_TRIGGER_PAYOUT_RATE || tr->kind == PS_TRIGGER_LOSS_RATIO)) {
      ps_party_kind want = tr->kind == PS_TRIGGER_PAYOUT_RATE ? PS_PARTY_GUARANTOR : PS_PARTY_INSURER;
      tr->party = want == PS_PARTY_INSURER ? p->insurer : -1; /* an insurer programme's own insurer */
      for (int s = 0; s < p->nshares && tr->party < 0; s++)
        if (p->shares[s].account < m->nparties && m->parties[p->shares[s].account].kind == want)
          tr->party = p->shares[s].account;
      if (tr->party < 0)
        rc = ps_read_fail(&t, "kind", "a %s trigger needs a %s among the programme's payers",
                          tr->kind == PS_TRIGGER_PAYOUT_RATE ? "payout_rate" : "loss_ratio",
                          tr->kind == PS_TRIGGER_PAYOUT_RATE ? "guarantor" : "insurer");
    }
    p->ntriggers = i + 1;
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return rc;
}

/* excess_layer = { payer = pool or party, of = insurer, above_loss_ratio = 1.2, share = 0.8 } */
static int read_layer(const ps_entry *e, const ps_model *m, ps_programme *p) {
  static const char *const fields[] = {"payer", "of", "above_loss_ratio", "share", NULL};
  lua_State *L = e->rd->L;
  p->layer.insurer = -1;
  int type = ps_read_push(e, "excess_layer");
  if (type == LUA_TNIL) {
    lua_pop(L, 1);
    return PS_OK;
  }
  if (type != LUA_TTABLE) {
    lua_pop(L, 1);
    return ps_read_fail(e, "excess_layer", "must be a table { payer =, of =, above_loss_ratio =, share = }");
  }
  ps_entry t = {e->rd, "excess_layer of programme", "programmes", e->id, lua_gettop(L), e->occurrence};
  char *payer = NULL, *of = NULL;
  int account = -1;
  int rc = ps_read_check_fields(&t, fields);
  if (!rc) rc = ps_read_string(&t, "payer", 1, &payer);
  if (!rc) {
    int pool = ps_find_pool(m, payer), party = ps_find_party(m, payer);
    account = pool >= 0 ? ps_account_of_pool(m, pool) : party;
    if (account < 0) rc = ps_read_fail(&t, "payer", "'%s' is not a pool or party id", payer);
  }
  free(payer); /* freed before the next read: a read may raise a Lua error */
  if (!rc) rc = ps_read_string(&t, "of", 1, &of);
  if (!rc) {
    p->layer.insurer = ps_find_party(m, of);
    int in_shares = 0;
    for (int i = 0; i < p->nshares; i++) in_shares |= p->shares[i].account == p->layer.insurer;
    if (p->layer.insurer < 0 || m->parties[p->layer.insurer].kind != PS_PARTY_INSURER || !in_shares)
      rc = ps_read_fail(&t, "of", "'%s' is not an insurer with a share in this programme", of);
    else if (account == p->layer.insurer)
      rc = ps_read_fail(&t, "payer", "'%s' is the insurer the layer reimburses (of): it cannot reimburse itself", of);
  }
  free(of);
  if (!rc) rc = ps_read_in_range(&t, "above_loss_ratio", 1, 0, 0, 100, &p->layer.above);
  if (!rc) rc = ps_read_in_range(&t, "share", 1, 0, 0, 1, &p->layer.share);
  lua_pop(L, 1);
  p->layer.payer = account;
  return rc;
}

/* the share index of a pool or party id among p's payers, or -1 */
static int share_of(const ps_model *m, const ps_programme *p, const char *id) {
  int pool = ps_find_pool(m, id), party = ps_find_party(m, id);
  int account = pool >= 0 ? ps_account_of_pool(m, pool) : party;
  for (int i = 0; account >= 0 && i < p->nshares; i++)
    if (p->shares[i].account == account) return i;
  return -1;
}

/* leverage = 10, allocation = yuan (default: the initial balance of the first
** pool among the payers): 放大倍数, the bank lends at most leverage x allocation */
static int read_capacity(const ps_entry *e, const ps_model *m, ps_programme *p) {
  int rc = ps_read_in_range(e, "leverage", 0, 0, 0, 1000, &p->leverage);
  if (!rc) rc = ps_read_amount(e, "allocation", 0, &p->allocation);
  if (rc || p->leverage == 0 || p->allocation > 0) return rc;
  for (int i = 0; i < p->nshares; i++)
    if (ps_is_pool_account(m, p->shares[i].account)) {
      p->allocation = m->pools[p->shares[i].account - m->nparties].initial;
      return PS_OK;
    }
  return ps_read_fail(e, "leverage", "needs an allocation (yuan), or a pool among the payers to take it from");
}

/* first_loss = { payer = id among the payers, limit = yuan } */
static int read_first_loss(const ps_entry *e, const ps_model *m, ps_programme *p) {
  static const char *const fields[] = {"payer", "limit", NULL};
  lua_State *L = e->rd->L;
  p->first_loss_share = -1;
  int type = ps_read_push(e, "first_loss");
  if (type == LUA_TNIL) {
    lua_pop(L, 1);
    return PS_OK;
  }
  if (type != LUA_TTABLE) {
    lua_pop(L, 1);
    return ps_read_fail(e, "first_loss", "must be a table { payer = id, limit = yuan }");
  }
  ps_entry t = {e->rd, "first_loss of programme", "programmes", e->id, lua_gettop(L), e->occurrence};
  char *payer = NULL;
  int rc = ps_read_check_fields(&t, fields);
  if (!rc) rc = ps_read_string(&t, "payer", 1, &payer);
  if (!rc && (p->first_loss_share = share_of(m, p, payer)) < 0)
    rc = ps_read_fail(&t, "payer", "'%s' is not among the programme's payers (share)", payer);
  free(payer);
  if (!rc) rc = ps_read_amount(&t, "limit", 1, &p->first_loss);
  lua_pop(L, 1);
  return rc;
}

/* payer_caps = { id = yuan a fiscal year, ... } for payers of the programme */
static int read_payer_caps(const ps_entry *e, const ps_model *m, ps_programme *p) {
  lua_State *L = e->rd->L;
  int type = ps_read_push(e, "payer_caps");
  if (type == LUA_TNIL) {
    lua_pop(L, 1);
    return PS_OK;
  }
  int rc = type == LUA_TTABLE ? PS_OK : ps_read_fail(e, "payer_caps", "must be a table { payer = yuan a year }");
  if (type == LUA_TTABLE) {
    lua_pushnil(L);
    while (rc == PS_OK && lua_next(L, -2)) {
      const char *key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
      double v = lua_tonumber(L, -1);
      int slot = share_of(m, p, key);
      if (slot < 0) rc = ps_read_fail(e, "payer_caps", "'%s' is not among the programme's payers (share)", key);
      else if (lua_type(L, -1) != LUA_TNUMBER || !(v > 0 && v <= PS_MAX_AMOUNT_YUAN))
        rc = ps_read_fail(e, "payer_caps", "the cap of '%s' must be an amount > 0 in yuan", key);
      else p->shares[slot].cap_per_year = (int64_t)llround(v * PS_FEN_PER_YUAN);
      lua_pop(L, 1);
    }
    if (rc) lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return rc;
}

/* interest_subsidy / fee_subsidy / premium_subsidy = { share =, payer =, ... } */
static int read_subsidy(const ps_entry *e, const ps_model *m, const char *field, ps_subsidy *s) {
  static const char *const interest_fields[] = {"share", "of_principal", "payer", "cap_per_loan", "after_repayment", NULL};
  static const char *const other_fields[] = {"share", "payer", NULL};
  int is_interest = strcmp(field, "interest_subsidy") == 0;
  lua_State *L = e->rd->L;
  s->payer = -1;
  int type = ps_read_push(e, field);
  if (type == LUA_TNIL) {
    lua_pop(L, 1);
    return PS_OK;
  }
  if (type != LUA_TTABLE) {
    lua_pop(L, 1);
    return ps_read_fail(e, field, "must be a table { share =, payer = }, got %s", lua_typename(L, type));
  }
  char what[64];
  snprintf(what, sizeof what, "%s of programme", field);
  ps_entry t = {e->rd, what, "programmes", e->id, lua_gettop(L), e->occurrence};
  char *payer = NULL;
  int rc = ps_read_check_fields(&t, is_interest ? interest_fields : other_fields);
  if (!rc) rc = ps_read_string(&t, "payer", 1, &payer);
  if (!rc) {
    s->payer = ps_find_party(m, payer);
    if (s->payer < 0 || m->parties[s->payer].kind != PS_PARTY_GOVERNMENT)
      rc = ps_read_fail(&t, "payer", "'%s' is not a party of kind government", payer);
  }
  free(payer);
  if (!rc) rc = ps_read_in_range(&t, "share", !is_interest, 0, 0, 1, &s->share);
  if (!rc && is_interest) {
    rc = ps_read_in_range(&t, "of_principal", 0, 0, 0, 1, &s->of_principal);
    if (!rc && (s->share > 0) == (s->of_principal > 0))
      rc = ps_read_fail(&t, "share", "give either share (of interest) or of_principal (a rate on principal), not both");
    if (!rc) rc = ps_read_amount(&t, "cap_per_loan", 0, &s->cap_per_loan);
    if (!rc) {
      int type_after = ps_read_push(&t, "after_repayment");
      s->after_repayment = lua_toboolean(L, -1);
      lua_pop(L, 1);
      if (type_after != LUA_TNIL && type_after != LUA_TBOOLEAN)
        rc = ps_read_fail(&t, "after_repayment", "must be true or false");
    }
  }
  lua_pop(L, 1);
  return rc;
}

/* a programme that names `lender =`: the bridge fund's (SPEC 2.3b). The lender pool bears every
** unrepaid bridge (its one share); no bank, caps, subsidies or layers. */
static int read_bridge_programme(const ps_entry *e, ps_model *m, int self, ps_programme *p) {
  static const char *const fields[] = {"id", "name", "segments", "lender", "recovery_lag", "triggers", NULL};
  int type = ps_read_push(e, "bank");
  lua_pop(e->rd->L, 1);
  if (type != LUA_TNIL)
    return ps_read_fail(e, "bank", "a bridge programme lends from its lender pool: it names no bank");
  int rc = ps_read_check_fields(e, fields);
  char *lender;
  if (rc || (rc = ps_read_string(e, "lender", 1, &lender))) return rc;
  p->lender = ps_find_pool(m, lender);
  if (p->lender < 0) rc = ps_read_fail(e, "lender", "'%s' is not a pool: a bridge fund lends from a pool", lender);
  free(lender);
  if (rc) return rc;
  p->bank = p->excess_to = p->insurer = -1;
  p->first_loss_share = -1;
  p->layer.insurer = -1;
  p->interest_subsidy.payer = p->fee_subsidy.payer = p->premium_subsidy.payer = p->lending_reward.payer = -1;
  if (!(p->shares = calloc(1, sizeof *p->shares))) return PS_ERUNTIME;
  p->shares[0] = (ps_share){.account = ps_account_of_pool(m, p->lender), .share = 1};
  p->nshares = 1;
  if ((rc = read_covered_segments(e, m, self, p))) return rc;
  for (int k = 0; k < p->nsegments; k++)
    if (m->segments[p->segments[k]].kind != PS_SEGMENT_BRIDGE)
      return ps_read_fail(e, "segments", "'%s' is not a bridge segment: a programme with a lender covers bridges only",
                          m->segments[p->segments[k]].id);
  long v;
  if ((rc = ps_read_int(e, "recovery_lag", 0, 0, 0, PS_MAX_PERIODS, &v))) return rc;
  p->recovery_lag = p->recovery_lag_max = (int)v;
  return read_triggers(e, m, p);
}

/* is party one of p's payers that can leave part of its share unpaid (a
** guarantor with its capital, an insurer with its loss-ratio cap)? What it
** leaves unpaid falls to excess_to, so excess_to cannot be it. */
static int leaves_unpaid(const ps_model *m, const ps_programme *p, int party) {
  const ps_party *q = &m->parties[party];
  int limited = (q->kind == PS_PARTY_GUARANTOR && q->capital > 0) || (q->kind == PS_PARTY_INSURER && q->loss_ratio_cap > 0);
  for (int i = 0; limited && i < p->nshares; i++)
    if (p->shares[i].account == party) return 1;
  return 0;
}

/* insurer = id: an insurer programme (policy segments), whose claims are paid to
** the insured firms and which has no bank; p->insurer -1 when absent */
static int read_insurer(const ps_entry *e, const ps_model *m, ps_programme *p) {
  static const char *const loan_only[] = {"bank",     "covers",     "interest_subsidy", "fee_subsidy", "lending_reward",
                                          "leverage", "allocation", "moral_hazard",     "split",       NULL};
  char *insurer;
  p->insurer = -1;
  int rc = ps_read_string(e, "insurer", 0, &insurer);
  if (rc || !insurer) return rc;
  p->insurer = ps_find_party(m, insurer);
  if (p->insurer < 0 || m->parties[p->insurer].kind != PS_PARTY_INSURER)
    rc = ps_read_fail(e, "insurer", "'%s' is not a party of kind insurer", insurer);
  free(insurer);
  for (int k = 0; !rc && loan_only[k]; k++) {
    int type = ps_read_push(e, loan_only[k]);
    lua_pop(e->rd->L, 1);
    if (type != LUA_TNIL)
      rc = ps_read_fail(e, loan_only[k], k == 0 ? "an insurer programme names no bank: its claims are paid to the "
                                                  "insured firms (remove bank, or insurer for a loan programme)"
                                                : "applies to loan programmes, not to an insurer programme");
  }
  p->bank = ps_account_firms(m);
  return rc;
}

/* a programme with a bank covers loan segments, an insurer programme policy segments */
static int check_segment_kinds(const ps_entry *e, const ps_model *m, const ps_programme *p) {
  for (int i = 0; i < p->nsegments; i++) {
    const ps_segment *seg = &m->segments[p->segments[i]];
    if ((seg->kind == PS_SEGMENT_POLICY) != (p->insurer >= 0))
      return ps_read_fail(e, "segments", p->insurer >= 0 ? "'%s' is not a policy segment: an insurer programme covers "
                                                           "segments of kind = \"policy\" only"
                                                         : "'%s' is a policy segment: its programme names insurer = "
                                                           "(an insurer party), not bank =",
                          seg->id);
  }
  return PS_OK;
}

/* recovery_lag = whole periods, or poolsim.uniform{min =, max =}: each default's lag uniform on the
** whole periods min..max (min, max whole and >= 0); at least recognition_lag + claim_lag either way
** (checked by the caller on the fixed lag or the min) */
static int read_recovery_lag(const ps_entry *e, int claim_delay, ps_programme *p) {
  int type = ps_read_push(e, "recovery_lag");
  lua_pop(e->rd->L, 1);
  long v;
  if (type != LUA_TTABLE) {
    int rc = ps_read_int(e, "recovery_lag", 0, claim_delay, 0, PS_MAX_PERIODS, &v);
    p->recovery_lag = p->recovery_lag_max = (int)v;
    return rc;
  }
  ps_dist d;
  int rc = ps_read_dist(e, "recovery_lag", "uniform", 0, PS_MAX_PERIODS, &d);
  if (rc) return rc;
  if (d.p1 != floor(d.p1) || d.p2 != floor(d.p2))
    return ps_read_fail(e, "recovery_lag", "poolsim.uniform{min = %g, max = %g}: a lag is whole periods, so min and max "
                        "must be whole numbers (each of min..max is equally likely)", d.p1, d.p2);
  p->recovery_lag = (int)d.p1;
  p->recovery_lag_max = (int)d.p2;
  return PS_OK;
}

int ps_read_programmes(const ps_entry *scen, ps_model *m) {
  static const char *const fields[] = {"id", "name", "segments", "bank", "share", "covers", "cap_per_loan",
                                       "cap_per_year", "cap_total", "cap_rate", "cap_loss_share", "excess_to",
                                       "recognition_lag",
                                       "claim_lag", "first_payment", "recovery_lag", "triggers", "interest_subsidy",
                                       "fee_subsidy", "premium_subsidy", "lending_reward", "excess_layer", "split",
                                       "leverage", "allocation", "first_loss", "payer_caps", "moral_hazard", "insurer",
                                       "cap_per_firm", "lender", NULL};
  static const char *const covers[] = {"principal", "principal+interest", NULL};
  ps_reader *rd = scen->rd;
  int n, rc = ps_read_open_list(scen, "programmes", 1, &n);
  if (rc) return rc;
  m->programmes = calloc((size_t)n, sizeof *m->programmes);
  if (!m->programmes) return PS_ERUNTIME;
  for (int i = 0; i < n; i++) {
    ps_entry e;
    ps_programme *p = &m->programmes[i];
    if ((rc = ps_read_open_item(rd, "programme", "programmes", i, &e, &p->id))) return rc;
    m->nprogrammes = i + 1;
    if ((rc = ps_read_check_fields(&e, fields))) return rc;
    for (int j = 0; j < i; j++)
      if (strcmp(m->programmes[j].id, p->id) == 0)
        return ps_read_fail(&e, "id", "another programme already has the id '%s'", p->id);
    p->lender = -1;
    if (ps_read_push(&e, "lender") != LUA_TNIL) { /* a bridge fund's programme */
      lua_pop(rd->L, 1);
      if ((rc = read_bridge_programme(&e, m, i, p))) return rc;
      lua_pop(rd->L, 1);
      continue;
    }
    lua_pop(rd->L, 1);
    if ((rc = read_insurer(&e, m, p))) return rc;
    if (p->insurer < 0) {
      char *bank;
      if ((rc = ps_read_string(&e, "bank", 1, &bank))) return rc;
      p->bank = ps_find_party(m, bank);
      if (p->bank < 0 || m->parties[p->bank].kind != PS_PARTY_BANK)
        rc = ps_read_fail(&e, "bank", "'%s' is not a party of kind bank", bank);
      free(bank);
      if (rc) return rc;
    }
    if ((rc = read_covered_segments(&e, m, i, p))) return rc;
    if ((rc = check_segment_kinds(&e, m, p))) return rc;
    for (int k = 0; k < p->nsegments; k++)
      if (m->segments[p->segments[k]].kind == PS_SEGMENT_BRIDGE)
        return ps_read_fail(&e, "segments", "'%s' is a bridge segment: its programme lends from a pool (lender =), "
                            "not a bank", m->segments[p->segments[k]].id);
    if ((rc = read_shares(&e, m, p))) return rc;
    if ((rc = ps_read_choice(&e, "covers", 0, 0, covers, &p->covers_interest))) return rc;
    if ((rc = ps_read_amount(&e, "cap_per_loan", 0, &p->cap_per_loan))) return rc;
    if ((rc = ps_read_amount(&e, "cap_per_firm", 0, &p->cap_per_firm))) return rc;
    if ((rc = ps_read_amount(&e, "cap_per_year", 0, &p->cap_per_year))) return rc;
    if ((rc = ps_read_amount(&e, "cap_total", 0, &p->cap_total))) return rc;
    if ((rc = ps_read_in_range(&e, "cap_rate", 0, 0, 0, 1, &p->cap_rate))) return rc;
    if ((rc = ps_read_in_range(&e, "cap_loss_share", 0, 0, 0, 1, &p->cap_loss_share))) return rc;
    char *excess;
    if ((rc = ps_read_string(&e, "excess_to", 0, &excess))) return rc;
    p->excess_to = excess ? ps_find_party(m, excess) : p->bank;
    if (p->excess_to < 0) rc = ps_read_fail(&e, "excess_to", "'%s' is not a party id", excess);
    else if (excess && leaves_unpaid(m, p, p->excess_to))
      rc = ps_read_fail(&e, "excess_to", "'%s' is a payer whose unpaid share falls to excess_to: it would bear "
                        "its own unpaid share (a loop); name another party, or leave excess_to out (the bank)", excess);
    free(excess);
    if (rc) return rc;
    long v;
    if ((rc = ps_read_int(&e, "recognition_lag", 0, 0, 0, PS_MAX_PERIODS, &v))) return rc;
    p->recognition_lag = (int)v;
    if ((rc = ps_read_int(&e, "claim_lag", 0, 0, 0, PS_MAX_PERIODS, &v))) return rc;
    p->claim_lag = (int)v;
    if ((rc = ps_read_in_range(&e, "first_payment", 0, 1, 0, 1, &p->first_payment))) return rc;
    int claim_delay = p->recognition_lag + p->claim_lag;
    if ((rc = read_recovery_lag(&e, claim_delay, p))) return rc;
    if (p->recovery_lag < claim_delay)
      return ps_read_fail(&e, "recovery_lag", "%s%d is shorter than recognition_lag + claim_lag (%d): recoveries are "
                  "shared back pro rata to what each payer paid, so they cannot arrive before the claim is paid",
                  p->recovery_lag_max > p->recovery_lag ? "poolsim.uniform's min " : "", p->recovery_lag, claim_delay);
    if ((rc = read_triggers(&e, m, p))) return rc;
    if ((rc = read_subsidy(&e, m, "interest_subsidy", &p->interest_subsidy)) ||
        (rc = read_subsidy(&e, m, "fee_subsidy", &p->fee_subsidy)) ||
        (rc = read_subsidy(&e, m, "premium_subsidy", &p->premium_subsidy)) ||
        (rc = ps_read_lending_reward(&e, m, &p->lending_reward)))
      return rc;
    if ((rc = read_layer(&e, m, p))) return rc;
    int split = ps_read_push(&e, "split");
    lua_pop(rd->L, 1);
    if (split != LUA_TNIL && split != LUA_TFUNCTION)
      return ps_read_fail(&e, "split", "must be a function(loss, loan, ctx), got %s", lua_typename(rd->L, split));
    p->has_split = split == LUA_TFUNCTION;
    if ((rc = read_capacity(&e, m, p)) || (rc = read_first_loss(&e, m, p)) || (rc = read_payer_caps(&e, m, p)))
      return rc;
    if ((rc = ps_read_in_range(&e, "moral_hazard", 0, 0, 0, 10, &p->moral_hazard))) return rc;
    lua_pop(rd->L, 1);
  }
  lua_pop(rd->L, 1);
  for (int s = 0; s < m->nsegments; s++)
    if (m->segments[s].programme < 0) {
      ps_entry e = {rd, "segment", "segments", m->segments[s].id, 0, ps_read_occurrence(m, m->segments[s].id, s)};
      return ps_read_fail(&e, NULL, "is not covered by any programme (add it to a programme's segments)");
    }
  return PS_OK;
}
