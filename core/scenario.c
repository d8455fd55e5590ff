/* scenario.c — Lua scenario table -> validated ps_model.
**
** The only code that reads scenario tables. Each entry (party, pool, segment,
** programme) is read through an `entry` that knows its list, id and table, so
** every message can name the field; source_line.c finds the line. */
#include "scenario.h"

#include <errno.h>
#include <gsl/gsl_cdf.h>
#include <lauxlib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua_env.h"
#include "overrides.h"
#include "rng.h"
#include "sha256.h"
#include "source_line.h"

#define MAX_PERIODS 10000
#define MAX_AMOUNT_YUAN 1e15 /* keeps every fen sum far inside int64 */
#define SHARE_TOLERANCE 1e-9
#define MAX_LOANS_ALIVE 2000000000L

typedef struct {
  lua_State *L;
  const ps_model *m; /* what has been read so far */
  const char *file, *src;
  int scenario_line;
  const ps_override *sets;
  int nsets;
  char *err;
  size_t errlen;
} reader;

/* one table being read: `what` names it in messages ("segment"), `list` is its
** list in the scenario ("segments"), id is NULL for the scenario itself */
typedef struct {
  reader *rd;
  const char *what, *list, *id;
  int t;          /* absolute stack index of the table */
  int occurrence; /* how many items read so far share this id, counting this one */
} entry;

/* Format "LOCATION: what 'id': field 'f': message" into rd->err. LOCATION is
** the --set that supplied the field, or FILE:LINE found in the source. */
static int fail(const entry *e, const char *field, const char *fmt, ...) {
  reader *rd = e->rd;
  char msg[512], where[600], subject[300];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);

  const ps_override *set = field ? ps_override_find(rd->sets, rd->nsets, e->list, e->id, field) : NULL;
  if (set) {
    snprintf(where, sizeof where, "--set %s=%s", set->key, set->value);
  } else {
    int line = ps_source_line(rd->src, rd->scenario_line, e->id, e->occurrence, field);
    snprintf(where, sizeof where, "%s:%d", rd->file, line);
  }
  if (e->id) snprintf(subject, sizeof subject, "%s '%s'", e->what, e->id);
  else snprintf(subject, sizeof subject, "%s", e->what);
  if (field) snprintf(rd->err, rd->errlen, "%s: %s: field '%s': %s", where, subject, field, msg);
  else snprintf(rd->err, rd->errlen, "%s: %s: %s", where, subject, msg);
  return PS_EINPUT;
}

/* ---- field readers: each pushes nothing net and returns PS_OK or PS_EINPUT ---- */

/* push field; returns its type */
static int push_field(const entry *e, const char *field) {
  return lua_getfield(e->rd->L, e->t, field);
}

static int read_number(const entry *e, const char *field, int required, double def, double *out) {
  lua_State *L = e->rd->L;
  int type = push_field(e, field);
  if (type == LUA_TNIL) {
    lua_pop(L, 1);
    if (required) return fail(e, field, "missing (a number is required)");
    *out = def;
    return PS_OK;
  }
  if (type != LUA_TNUMBER) {
    lua_pop(L, 1);
    return fail(e, field, "must be a number, got %s", lua_typename(L, type));
  }
  *out = lua_tonumber(L, -1);
  lua_pop(L, 1);
  if (!isfinite(*out)) return fail(e, field, "must be finite, got %g", *out);
  return PS_OK;
}

/* a number in [lo, hi] */
static int read_in_range(const entry *e, const char *field, int required, double def, double lo,
                         double hi, double *out) {
  int rc = read_number(e, field, required, def, out);
  if (rc) return rc;
  if (*out < lo || *out > hi) return fail(e, field, "%g is outside [%g, %g]", *out, lo, hi);
  return PS_OK;
}

/* a whole number in [lo, hi] */
static int read_int(const entry *e, const char *field, int required, long def, long lo, long hi,
                    long *out) {
  double v;
  int rc = read_number(e, field, required, (double)def, &v);
  if (rc) return rc;
  if (v != floor(v)) return fail(e, field, "must be a whole number, got %g", v);
  if (v < (double)lo || v > (double)hi) return fail(e, field, "%g is outside [%ld, %ld]", v, lo, hi);
  *out = (long)v;
  return PS_OK;
}

/* an amount of money in yuan, >= 0, converted to fen */
static int read_amount(const entry *e, const char *field, int required, int64_t *out) {
  double v;
  int rc = read_number(e, field, required, 0, &v);
  if (rc) return rc;
  if (v < 0) return fail(e, field, "an amount cannot be negative, got %g", v);
  if (v > MAX_AMOUNT_YUAN) return fail(e, field, "%g yuan is larger than poolsim handles (1e15)", v);
  *out = (int64_t)llround(v * PS_FEN_PER_YUAN);
  return PS_OK;
}

/* a string (copied); NULL and PS_OK when optional and absent */
static int read_string(const entry *e, const char *field, int required, char **out) {
  lua_State *L = e->rd->L;
  int type = push_field(e, field);
  *out = NULL;
  if (type == LUA_TNIL) {
    lua_pop(L, 1);
    return required ? fail(e, field, "missing (a string is required)") : PS_OK;
  }
  if (type != LUA_TSTRING) {
    lua_pop(L, 1);
    return fail(e, field, "must be a string, got %s", lua_typename(L, type));
  }
  const char *s = lua_tostring(L, -1);
  *out = strdup(s);
  lua_pop(L, 1);
  if (!*out) return PS_ERUNTIME;
  if (!**out) return fail(e, field, "must not be empty");
  return PS_OK;
}

/* one of the words in choices[]; returns its index through *out */
static int read_choice(const entry *e, const char *field, int required, int def,
                       const char *const *choices, int *out) {
  char *s;
  int rc = read_string(e, field, required, &s);
  if (rc) return rc;
  if (!s) {
    *out = def;
    return PS_OK;
  }
  for (int i = 0; choices[i]; i++)
    if (strcmp(s, choices[i]) == 0) {
      *out = i;
      free(s);
      return PS_OK;
    }
  char list[256] = "";
  for (int i = 0; choices[i]; i++) {
    strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
    strncat(list, choices[i], sizeof list - strlen(list) - 1);
  }
  rc = fail(e, field, "'%s' is not one of: %s", s, list);
  free(s);
  return rc;
}

/* A number, or a distribution table made by poolsim.<allowed>{...}. */
static int read_dist(const entry *e, const char *field, const char *allowed, double lo, double hi,
                     ps_dist *d) {
  lua_State *L = e->rd->L;
  int type = push_field(e, field);
  memset(d, 0, sizeof *d);
  if (type == LUA_TNUMBER) {
    lua_pop(L, 1);
    double v;
    int rc = read_in_range(e, field, 1, 0, lo, hi, &v);
    d->kind = PS_DIST_FIXED;
    d->mean = v;
    return rc;
  }
  if (type != LUA_TTABLE) {
    lua_pop(L, 1);
    if (type == LUA_TNIL) return fail(e, field, "missing (a number or poolsim.%s{mean=, sd=})", allowed);
    return fail(e, field, "must be a number or poolsim.%s{mean=, sd=}, got %s", allowed,
                lua_typename(L, type));
  }
  lua_getfield(L, -1, "dist");
  const char *name = lua_tostring(L, -1);
  int ok = name && strcmp(name, allowed) == 0;
  lua_pop(L, 1);
  if (!ok) {
    lua_pop(L, 1);
    return fail(e, field, "a table here must come from poolsim.%s{mean=, sd=}", allowed);
  }
  lua_getfield(L, -1, "mean");
  lua_getfield(L, -2, "sd");
  d->mean = lua_tonumber(L, -2);
  d->sd = lua_tonumber(L, -1);
  lua_pop(L, 3);
  if (d->mean < lo || d->mean > hi)
    return fail(e, field, "mean %g is outside [%g, %g]", d->mean, lo, hi);
  if (strcmp(allowed, "lognormal") == 0) {
    d->kind = PS_DIST_LOGNORMAL;
    d->p2 = sqrt(log1p((d->sd * d->sd) / (d->mean * d->mean)));
    d->p1 = log(d->mean) - 0.5 * d->p2 * d->p2;
  } else {
    d->kind = PS_DIST_BETA;
    double k = d->mean * (1 - d->mean) / (d->sd * d->sd) - 1;
    d->p1 = d->mean * k;
    d->p2 = (1 - d->mean) * k;
  }
  return PS_OK;
}

/* Every key of the table must be one of allowed[]; a typo gets a suggestion.
** Keys are checked in sorted order so the message is the same on every run. */
static int check_fields(const entry *e, const char *const *allowed) {
  lua_State *L = e->rd->L;
  const char *bad = NULL;
  int bad_is_string = 1;
  lua_pushnil(L);
  while (lua_next(L, e->t)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) != LUA_TSTRING) {
      bad_is_string = 0;
      continue;
    }
    const char *k = lua_tostring(L, -1);
    int known = 0;
    for (int i = 0; allowed[i] && !known; i++) known = strcmp(k, allowed[i]) == 0;
    if (!known && (!bad || strcmp(k, bad) < 0)) bad = k; /* stays alive: the key is in the table */
  }
  if (bad) {
    const char *hint = ps_closest_word(bad, allowed);
    if (hint) return fail(e, bad, "unknown field (did you mean '%s'?)", hint);
    return fail(e, bad, "unknown field");
  }
  if (!bad_is_string) return fail(e, NULL, "has a key that is not a field name (a list item where a field was expected?)");
  return PS_OK;
}

/* Push the list field `name` of the scenario; checks it is a list of tables.
** Returns its length through *n (0 when absent and optional). */
static int open_list(const entry *scen, const char *name, int required, int *n) {
  lua_State *L = scen->rd->L;
  int type = push_field(scen, name);
  *n = 0;
  if (type == LUA_TNIL && !required) return PS_OK;
  if (type != LUA_TTABLE) {
    lua_pop(L, 1);
    return fail(scen, name, type == LUA_TNIL ? "missing (a list is required)" : "must be a list of tables, got %s",
                lua_typename(L, type));
  }
  lua_Integer len = (lua_Integer)lua_rawlen(L, -1);
  lua_Integer count = 0;
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    lua_pop(L, 1);
    count++;
  }
  if (count != len) {
    lua_pop(L, 1);
    return fail(scen, name, "must be a list { {...}, {...} } without named keys or holes");
  }
  if (required && len == 0) {
    lua_pop(L, 1);
    return fail(scen, name, "must not be empty");
  }
  for (lua_Integer i = 1; i <= len; i++) {
    if (lua_rawgeti(L, -1, i) != LUA_TTABLE) {
      lua_pop(L, 2);
      return fail(scen, name, "item %lld must be a table", (long long)i);
    }
    lua_pop(L, 1);
  }
  *n = (int)len;
  return PS_OK;
}

/* 1 + the number of items already read (in list order: parties, pools,
** segments, programmes) whose id is `id` — which written `id = "..."` this is */
static int occurrence_of(const ps_model *m, const char *id, int nsegments_read) {
  int k = 1;
  for (int i = 0; i < m->nparties; i++) k += strcmp(m->parties[i].id, id) == 0;
  for (int i = 0; i < m->npools; i++) k += strcmp(m->pools[i].id, id) == 0;
  for (int i = 0; i < nsegments_read; i++) k += strcmp(m->segments[i].id, id) == 0;
  for (int i = 0; i < m->nprogrammes; i++) k += strcmp(m->programmes[i].id, id) == 0;
  return k;
}

/* read the `id` of list item i (the list is at the top of the stack), leaving
** the item on the stack and filling *e */
static int open_item(reader *rd, const char *what, const char *list, int i, entry *e, char **id) {
  lua_State *L = rd->L;
  lua_rawgeti(L, -1, i + 1);
  *e = (entry){rd, what, list, NULL, lua_gettop(L), 1};
  char *s;
  int rc = read_string(e, "id", 0, &s);
  if (rc) return rc;
  if (!s) {
    char label[64];
    snprintf(label, sizeof label, "%s #%d", what, i + 1);
    entry anon = *e;
    anon.what = label;
    return fail(&anon, "id", "missing (every %s needs an id)", what);
  }
  *id = s;
  e->id = s;
  e->occurrence = occurrence_of(rd->m, s, rd->m->nsegments);
  return PS_OK;
}

/* ---- lookups over what has been read so far ---- */

static int find_party(const ps_model *m, const char *id) {
  for (int i = 0; i < m->nparties; i++)
    if (strcmp(m->parties[i].id, id) == 0) return i;
  return -1;
}

static int find_pool(const ps_model *m, const char *id) {
  for (int i = 0; i < m->npools; i++)
    if (strcmp(m->pools[i].id, id) == 0) return i;
  return -1;
}

static int find_segment(const ps_model *m, const char *id) {
  for (int i = 0; i < m->nsegments; i++)
    if (strcmp(m->segments[i].id, id) == 0) return i;
  return -1;
}

static const char *const party_kinds[] = {"government", "bank", "guarantor", "reguarantor", "insurer", NULL};

/* ---- the four lists ---- */

static int read_parties(const entry *scen, ps_model *m) {
  static const char *const fields[] = {"id", "kind", "name", NULL};
  reader *rd = scen->rd;
  int n, rc = open_list(scen, "parties", 1, &n);
  if (rc) return rc;
  m->parties = calloc((size_t)n, sizeof *m->parties);
  if (!m->parties) return PS_ERUNTIME;
  for (int i = 0; i < n; i++) {
    entry e;
    ps_party *p = &m->parties[i];
    if ((rc = open_item(rd, "party", "parties", i, &e, &p->id))) return rc;
    m->nparties = i + 1;
    if ((rc = check_fields(&e, fields))) return rc;
    if (find_party(m, p->id) != i) return fail(&e, "id", "another party already has the id '%s'", p->id);
    int kind;
    if ((rc = read_choice(&e, "kind", 1, 0, party_kinds, &kind))) return rc;
    p->kind = (ps_party_kind)kind;
    if ((rc = read_string(&e, "name", 0, &p->name))) return rc;
    if (!p->name && !(p->name = strdup(p->id))) return PS_ERUNTIME;
    lua_pop(rd->L, 1);
  }
  lua_pop(rd->L, 1);
  return PS_OK;
}

/* topups = { [period] = yuan, ... } */
static int read_topups(const entry *e, const ps_model *m, ps_pool *p) {
  lua_State *L = e->rd->L;
  p->topups = calloc((size_t)m->periods + 1, sizeof *p->topups);
  if (!p->topups) return PS_ERUNTIME;
  int type = push_field(e, "topups");
  if (type == LUA_TNIL) {
    lua_pop(L, 1);
    return PS_OK;
  }
  if (type != LUA_TTABLE) {
    lua_pop(L, 1);
    return fail(e, "topups", "must be a table { [period] = yuan }, got %s", lua_typename(L, type));
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
      return fail(e, "topups", "keys must be periods 1..%d", m->periods);
    }
    if (vtype != LUA_TNUMBER || !isfinite(v) || v < 0 || v > MAX_AMOUNT_YUAN) {
      lua_pop(L, 2);
      return fail(e, "topups", "the top-up in period %lld must be an amount >= 0 in yuan", (long long)t);
    }
    p->topups[t] = (int64_t)llround(v * PS_FEN_PER_YUAN);
  }
  lua_pop(L, 1);
  return PS_OK;
}

static int read_pools(const entry *scen, ps_model *m) {
  static const char *const fields[] = {"id", "name", "owner", "initial", "topups", "yield", NULL};
  reader *rd = scen->rd;
  int n, rc = open_list(scen, "pools", 1, &n);
  if (rc) return rc;
  m->pools = calloc((size_t)n, sizeof *m->pools);
  if (!m->pools) return PS_ERUNTIME;
  for (int i = 0; i < n; i++) {
    entry e;
    ps_pool *p = &m->pools[i];
    if ((rc = open_item(rd, "pool", "pools", i, &e, &p->id))) return rc;
    m->npools = i + 1;
    if ((rc = check_fields(&e, fields))) return rc;
    if (find_pool(m, p->id) != i || find_party(m, p->id) >= 0)
      return fail(&e, "id", "the id '%s' is already used by another pool or party", p->id);
    char *owner;
    if ((rc = read_string(&e, "owner", 1, &owner))) return rc;
    p->owner = find_party(m, owner);
    int bad_owner = p->owner < 0 || m->parties[p->owner].kind != PS_PARTY_GOVERNMENT;
    if (bad_owner) rc = fail(&e, "owner", "'%s' is not a party of kind government", owner);
    free(owner);
    if (rc) return rc;
    if ((rc = read_amount(&e, "initial", 1, &p->initial))) return rc;
    if ((rc = read_in_range(&e, "yield", 0, 0, 0, 1, &p->yield))) return rc;
    p->yield_per_period = pow(1 + p->yield, m->dt) - 1;
    if ((rc = read_topups(&e, m, p))) return rc;
    lua_pop(rd->L, 1);
  }
  lua_pop(rd->L, 1);
  return PS_OK;
}

/* originate = {first, last}, default the whole horizon */
static int read_origination(const entry *e, const ps_model *m, ps_segment *s) {
  lua_State *L = e->rd->L;
  int type = push_field(e, "originate");
  s->first = 1;
  s->last = m->periods;
  if (type == LUA_TNIL) {
    lua_pop(L, 1);
    return PS_OK;
  }
  int isint1 = 0, isint2 = 0;
  lua_Integer a = 0, b = 0;
  if (type == LUA_TTABLE && lua_rawlen(L, -1) == 2) {
    lua_rawgeti(L, -1, 1);
    lua_rawgeti(L, -2, 2);
    a = lua_tointegerx(L, -2, &isint1);
    b = lua_tointegerx(L, -1, &isint2);
    lua_pop(L, 2);
  }
  lua_pop(L, 1);
  if (!isint1 || !isint2 || a < 1 || b < a || b > m->periods)
    return fail(e, "originate", "must be {first, last} with 1 <= first <= last <= periods (%d)", m->periods);
  s->first = (int)a;
  s->last = (int)b;
  return PS_OK;
}

static int read_segments(const entry *scen, ps_model *m) {
  static const char *const fields[] = {"id", "name", "new_loans", "originate", "loan", "tenor", "repayment",
                                       "rate", "pd", "lgd", "rho", NULL};
  static const char *const repayments[] = {"bullet", "amortizing", NULL};
  reader *rd = scen->rd;
  int n, rc = open_list(scen, "segments", 1, &n);
  if (rc) return rc;
  m->segments = calloc((size_t)n, sizeof *m->segments);
  if (!m->segments) return PS_ERUNTIME;
  for (int i = 0; i < n; i++) {
    entry e;
    ps_segment *s = &m->segments[i];
    if ((rc = open_item(rd, "segment", "segments", i, &e, &s->id))) return rc;
    m->nsegments = i + 1;
    s->programme = -1;
    if ((rc = check_fields(&e, fields))) return rc;
    if (find_segment(m, s->id) != i) return fail(&e, "id", "another segment already has the id '%s'", s->id);
    if ((rc = read_string(&e, "name", 0, &s->name))) return rc;
    if (!s->name && !(s->name = strdup(s->id))) return PS_ERUNTIME;
    long v;
    if ((rc = read_int(&e, "new_loans", 1, 0, 0, 100000000, &v))) return rc;
    s->new_loans = (int)v;
    if ((rc = read_origination(&e, m, s))) return rc;
    if ((rc = read_dist(&e, "loan", "lognormal", 0, MAX_AMOUNT_YUAN, &s->loan))) return rc;
    if (s->loan.kind == PS_DIST_FIXED && s->loan.mean <= 0)
      return fail(&e, "loan", "a loan amount must be > 0, got %g", s->loan.mean);
    if ((rc = read_int(&e, "tenor", 1, 0, 1, MAX_PERIODS, &v))) return rc;
    s->tenor = (int)v;
    /* the loans alive at once are drawn as one binomial, whose count is 32-bit */
    if ((double)s->new_loans * s->tenor > (double)MAX_LOANS_ALIVE)
      return fail(&e, "new_loans", "%d loans a period over a tenor of %d periods is more than %ld loans alive at once",
                  s->new_loans, s->tenor, (long)MAX_LOANS_ALIVE);
    if ((rc = read_choice(&e, "repayment", 0, 0, repayments, &s->amortizing))) return rc;
    if ((rc = read_in_range(&e, "rate", 0, 0, 0, 1, &s->rate))) return rc;
    if ((rc = read_in_range(&e, "pd", 1, 0, 0, 1, &s->pd))) return rc;
    if ((rc = read_dist(&e, "lgd", "beta", 0, 1, &s->lgd))) return rc;
    if ((rc = read_in_range(&e, "rho", 0, 0, 0, 0.999, &s->rho))) return rc;
    s->hazard = 1 - pow(1 - s->pd, m->dt);
    s->threshold = gsl_cdf_ugaussian_Pinv(s->hazard); /* -inf at 0, +inf at 1 */
    lua_pop(rd->L, 1);
  }
  lua_pop(rd->L, 1);
  return PS_OK;
}

static int cmp_share(const void *a, const void *b) {
  const ps_share *x = a, *y = b;
  return (x->account > y->account) - (x->account < y->account);
}

/* share = { pool_or_party_id = fraction, ... }, summing to 1 */
static int read_shares(const entry *e, const ps_model *m, ps_programme *p) {
  lua_State *L = e->rd->L;
  int type = push_field(e, "share");
  if (type != LUA_TTABLE) {
    lua_pop(L, 1);
    return fail(e, "share", type == LUA_TNIL ? "missing (e.g. share = { fund = 0.4, bank = 0.6 })"
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
    if (!key) rc = fail(e, "share", "keys must be pool or party ids");
    else if (!vnum || !isfinite(v) || v < 0 || v > 1)
      rc = fail(e, "share", "the share of '%s' must be a fraction in [0, 1]", key);
    else {
      int pool = find_pool(m, key), party = find_party(m, key);
      int account = pool >= 0 ? ps_account_of_pool(m, pool) : party;
      if (account < 0) rc = fail(e, "share", "'%s' is not a pool or party id", key);
      else if (party >= 0 && m->parties[party].kind == PS_PARTY_BANK && party != p->bank)
        rc = fail(e, "share", "'%s' is a bank other than this programme's bank '%s'", key,
                  m->parties[p->bank].id);
      else p->shares[p->nshares++] = (ps_share){account, v};
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
  if (fabs(sum - 1) > SHARE_TOLERANCE)
    return fail(e, "share", "shares sum to %.10g, expected 1", sum);
  return PS_OK;
}

/* segments = { "id", ... }: each segment is covered by one programme only */
static int read_covered_segments(const entry *e, ps_model *m, int self, ps_programme *p) {
  lua_State *L = e->rd->L;
  int type = push_field(e, "segments");
  lua_Integer len = type == LUA_TTABLE ? (lua_Integer)lua_rawlen(L, -1) : 0;
  if (len == 0) {
    lua_pop(L, 1);
    return fail(e, "segments", "must be a non-empty list of segment ids");
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
    int s = id ? find_segment(m, id) : -1;
    if (!id) rc = fail(e, "segments", "item %lld must be a segment id (a string)", (long long)i);
    else if (s < 0) rc = fail(e, "segments", "'%s' is not a segment id", id);
    else if (m->segments[s].programme >= 0)
      rc = fail(e, "segments", "segment '%s' is already covered by programme '%s' (a loan draws on one programme only)",
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

static int read_programmes(const entry *scen, ps_model *m) {
  static const char *const fields[] = {"id", "name", "segments", "bank", "share", "cap_per_loan",
                                       "claim_lag", "recovery_lag", NULL};
  reader *rd = scen->rd;
  int n, rc = open_list(scen, "programmes", 1, &n);
  if (rc) return rc;
  m->programmes = calloc((size_t)n, sizeof *m->programmes);
  if (!m->programmes) return PS_ERUNTIME;
  for (int i = 0; i < n; i++) {
    entry e;
    ps_programme *p = &m->programmes[i];
    if ((rc = open_item(rd, "programme", "programmes", i, &e, &p->id))) return rc;
    m->nprogrammes = i + 1;
    if ((rc = check_fields(&e, fields))) return rc;
    for (int j = 0; j < i; j++)
      if (strcmp(m->programmes[j].id, p->id) == 0)
        return fail(&e, "id", "another programme already has the id '%s'", p->id);
    char *bank;
    if ((rc = read_string(&e, "bank", 1, &bank))) return rc;
    p->bank = find_party(m, bank);
    if (p->bank < 0 || m->parties[p->bank].kind != PS_PARTY_BANK)
      rc = fail(&e, "bank", "'%s' is not a party of kind bank", bank);
    free(bank);
    if (rc) return rc;
    if ((rc = read_covered_segments(&e, m, i, p))) return rc;
    if ((rc = read_shares(&e, m, p))) return rc;
    if ((rc = read_amount(&e, "cap_per_loan", 0, &p->cap_per_loan))) return rc;
    long v;
    if ((rc = read_int(&e, "claim_lag", 0, 0, 0, MAX_PERIODS, &v))) return rc;
    p->claim_lag = (int)v;
    if ((rc = read_int(&e, "recovery_lag", 0, p->claim_lag, 0, MAX_PERIODS, &v))) return rc;
    p->recovery_lag = (int)v;
    if (p->recovery_lag < p->claim_lag)
      return fail(&e, "recovery_lag", "%d is shorter than claim_lag (%d): recoveries are shared back "
                  "pro rata to what each payer paid, so they cannot arrive before the claim is paid",
                  p->recovery_lag, p->claim_lag);
    lua_pop(rd->L, 1);
  }
  lua_pop(rd->L, 1);
  for (int s = 0; s < m->nsegments; s++)
    if (m->segments[s].programme < 0) {
      entry e = {rd, "segment", "segments", m->segments[s].id, 0, occurrence_of(m, m->segments[s].id, s)};
      return fail(&e, NULL, "is not covered by any programme (add it to a programme's segments)");
    }
  return PS_OK;
}

/* the scenario's own fields */
static int read_scenario(reader *rd, ps_model *m) {
  static const char *const fields[] = {"name", "description", "periods", "step", "seed", "paths", "cycle",
                                       "parties", "pools", "segments", "programmes", "on_period", NULL};
  static const char *const steps[] = {"month", "quarter", "year", NULL};
  entry scen = {rd, "scenario", NULL, NULL, lua_gettop(rd->L), 1};
  int rc;
  long v;
  if ((rc = check_fields(&scen, fields))) return rc;
  if ((rc = read_string(&scen, "name", 1, &m->name))) return rc;
  if ((rc = read_int(&scen, "periods", 1, 0, 1, MAX_PERIODS, &v))) return rc;
  m->periods = (int)v;
  int step;
  if ((rc = read_choice(&scen, "step", 0, PS_STEP_MONTH, steps, &step))) return rc;
  m->step = (ps_step)step;
  m->dt = 1.0 / ps_periods_per_year(m->step);
  double seed;
  if ((rc = read_number(&scen, "seed", 0, 1, &seed))) return rc;
  if (seed < 0 || seed != floor(seed) || seed >= 9007199254740992.0)
    return fail(&scen, "seed", "must be a whole number in [0, 2^53), got %g", seed);
  m->seed = (uint64_t)seed;
  if ((rc = read_int(&scen, "paths", 0, 10000, 1, 1000000000, &v))) return rc;
  m->paths = v;
  if ((rc = read_in_range(&scen, "cycle", 0, 0, -0.999, 0.999, &m->cycle))) return rc;
  int type = push_field(&scen, "on_period");
  lua_pop(rd->L, 1);
  if (type != LUA_TNIL && type != LUA_TFUNCTION)
    return fail(&scen, "on_period", "must be a function(ctx), got %s", lua_typename(rd->L, type));
  m->has_on_period = type == LUA_TFUNCTION;
  if ((rc = read_parties(&scen, m))) return rc;
  if ((rc = read_pools(&scen, m))) return rc;
  if ((rc = read_segments(&scen, m))) return rc;
  return read_programmes(&scen, m);
}

/* read the whole file into memory (the workers re-run it from this copy) */
static int slurp(const char *file, char **out, size_t *len, char *err, size_t errlen) {
  FILE *f = fopen(file, "rb");
  if (!f) {
    snprintf(err, errlen, "%s: cannot open: %s", file, strerror(errno));
    return PS_EINPUT;
  }
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    n += fread(buf + n, 1, cap - n, f);
    if (n < cap) break;
    char *bigger = realloc(buf, cap *= 2);
    if (!bigger) free(buf);
    buf = bigger;
  }
  int bad = ferror(f);
  fclose(f);
  if (!buf) return PS_ERUNTIME;
  if (bad) {
    free(buf);
    snprintf(err, errlen, "%s: read error", file);
    return PS_EINPUT;
  }
  buf[n < cap ? n : cap - 1] = '\0';
  *out = buf;
  *len = n;
  return PS_OK;
}

int ps_scenario_load(const char *file, const ps_override *sets, int nsets, ps_model *m, char *err,
                     size_t errlen) {
  memset(m, 0, sizeof *m);
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

  gsl_rng *random = ps_rng_alloc();
  lua_State *L = random ? ps_lua_new(random) : NULL;
  if (!L) {
    if (random) gsl_rng_free(random);
    snprintf(err, errlen, "out of memory");
    return PS_ERUNTIME;
  }
  ps_rng_seed_stream(random, 0, 0, PS_STREAM_POLICY); /* math.random while loading: fixed */
  rc = ps_lua_run_scenario(L, file, m->source, m->source_len, err, errlen) ? PS_EINPUT : PS_OK;
  if (rc == PS_OK) {
    reader rd = {L, m, file, m->source, ps_lua_scenario_line(L, -1), sets, nsets, err, errlen};
    rc = ps_overrides_apply(L, lua_gettop(L), sets, nsets, err, errlen);
    if (rc == PS_OK) rc = read_scenario(&rd, m);
    if (rc == PS_ERUNTIME) snprintf(err, errlen, "out of memory while reading %s", file);
  }
  ps_lua_close(L);
  gsl_rng_free(random);
  return rc;
}

void ps_model_free(ps_model *m) {
  if (!m) return;
  for (int i = 0; i < m->nparties; i++) {
    free(m->parties[i].id);
    free(m->parties[i].name);
  }
  for (int i = 0; i < m->npools; i++) {
    free(m->pools[i].id);
    free(m->pools[i].topups);
  }
  for (int i = 0; i < m->nsegments; i++) {
    free(m->segments[i].id);
    free(m->segments[i].name);
  }
  for (int i = 0; i < m->nprogrammes; i++) {
    free(m->programmes[i].id);
    free(m->programmes[i].segments);
    free(m->programmes[i].shares);
  }
  for (int i = 0; i < m->nsets; i++) {
    free(m->set_keys[i]);
    free(m->set_values[i]);
  }
  free(m->set_keys);
  free(m->set_values);
  free(m->parties);
  free(m->pools);
  free(m->segments);
  free(m->programmes);
  free(m->name);
  free(m->file);
  free(m->source);
  memset(m, 0, sizeof *m);
}
