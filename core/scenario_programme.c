/* scenario_programme.c — reading programmes: who pays what share of each
** default, caps, timing and triggers (docs/scenario.md, docs/rules.md). */
#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scenario_read.h"

static int cmp_share(const void *a, const void *b) {
  const ps_share *x = a, *y = b;
  return (x->account > y->account) - (x->account < y->account);
}

/* share = { pool_or_party_id = fraction, ... }, summing to 1 */
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
  p->shares = calloc((size_t)n + 1, sizeof *p->shares);
  if (!p->shares) {
    lua_pop(L, 1);
    return PS_ERUNTIME;
  }
  int rc = PS_OK;
  lua_pushnil(L);
  while (rc == PS_OK && lua_next(L, -2)) {
    const char *key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
    double v = lua_tonumber(L, -1);
    int vnum = lua_type(L, -1) == LUA_TNUMBER;
    lua_pop(L, 1);
    if (!key) rc = ps_read_fail(e, "share", "keys must be pool or party ids");
    else if (!vnum || !isfinite(v) || v < 0 || v > 1)
      rc = ps_read_fail(e, "share", "the share of '%s' must be a fraction in [0, 1]", key);
    else {
      int pool = ps_find_pool(m, key), party = ps_find_party(m, key);
      int account = pool >= 0 ? ps_account_of_pool(m, pool) : party;
      if (account < 0) rc = ps_read_fail(e, "share", "'%s' is not a pool or party id", key);
      else if (party >= 0 && m->parties[party].kind == PS_PARTY_BANK && party != p->bank)
        rc = ps_read_fail(e, "share", "'%s' is a bank other than this programme's bank '%s'", key,
                  m->parties[p->bank].id);
      else p->shares[p->nshares++] = (ps_share){.account = account, .share = v};
    }
  }
  if (rc) {
    lua_pop(L, 2); /* key, table */
    return rc;
  }
  lua_pop(L, 1);
  qsort(p->shares, (size_t)p->nshares, sizeof *p->shares, cmp_share);
  double sum = 0;
  for (int i = 0; i < p->nshares; i++) sum += p->shares[i].share;
  if (fabs(sum - 1) > PS_SHARE_TOLERANCE)
    return ps_read_fail(e, "share", "shares sum to %.10g, expected 1", sum);
  return PS_OK;
}

/* segments = { "id", ... }: each segment is covered by one programme only */
static int read_covered_segments(const ps_entry *e, ps_model *m, int self, ps_programme *p) {
  lua_State *L = e->rd->L;
  int type = ps_read_push(e, "segments");
  lua_Integer len = type == LUA_TTABLE ? (lua_Integer)lua_rawlen(L, -1) : 0;
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

int ps_read_programmes(const ps_entry *scen, ps_model *m) {
  static const char *const fields[] = {"id", "name", "segments", "bank", "share", "cap_per_loan",
                                       "claim_lag", "recovery_lag", NULL};
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
    char *bank;
    if ((rc = ps_read_string(&e, "bank", 1, &bank))) return rc;
    p->bank = ps_find_party(m, bank);
    if (p->bank < 0 || m->parties[p->bank].kind != PS_PARTY_BANK)
      rc = ps_read_fail(&e, "bank", "'%s' is not a party of kind bank", bank);
    free(bank);
    if (rc) return rc;
    if ((rc = read_covered_segments(&e, m, i, p))) return rc;
    if ((rc = read_shares(&e, m, p))) return rc;
    if ((rc = ps_read_amount(&e, "cap_per_loan", 0, &p->cap_per_loan))) return rc;
    long v;
    if ((rc = ps_read_int(&e, "claim_lag", 0, 0, 0, PS_MAX_PERIODS, &v))) return rc;
    p->claim_lag = (int)v;
    if ((rc = ps_read_int(&e, "recovery_lag", 0, p->claim_lag, 0, PS_MAX_PERIODS, &v))) return rc;
    p->recovery_lag = (int)v;
    if (p->recovery_lag < p->claim_lag)
      return ps_read_fail(&e, "recovery_lag", "%d is shorter than claim_lag (%d): recoveries are shared back "
                  "pro rata to what each payer paid, so they cannot arrive before the claim is paid",
                  p->recovery_lag, p->claim_lag);
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
