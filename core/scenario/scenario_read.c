/* scenario_read.c — field readers and messages for the scenario loader. */
#include "scenario/scenario_read.h"

#include "scenario/ids.h"

#include <lauxlib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/overrides.h"
#include "scenario/source_line.h"

/* Format "LOCATION: what 'id': field 'f': message" into rd->err. LOCATION is
** the --set that supplied the field, or FILE:LINE found in the source. */
int ps_read_fail(const ps_entry *e, const char *field, const char *fmt, ...) {
  ps_reader *rd = e->rd;
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

/* push field; returns its type. Remembers the field: a Lua error while
** reading it (a metatable's __index that fails or loops) is reported there. */
int ps_read_push(const ps_entry *e, const char *field) {
  ps_reader *rd = e->rd;
  rd->at_list = e->list, rd->at_id = e->id, rd->at_field = field, rd->at_occurrence = e->occurrence;
  snprintf(rd->at_what, sizeof rd->at_what, "%s", e->what);
  return lua_getfield(rd->L, e->t, field);
}

int ps_read_fail_raised(ps_reader *rd, const char *message) {
  ps_entry at = {rd, rd->at_what, rd->at_list, rd->at_id, 0, rd->at_occurrence};
  if (!rd->at_field) at.what = "scenario";
  return ps_read_fail(&at, rd->at_field, "cannot be read: %s", message);
}

/* a number as messages show it: NaN without the sign printf may give it */
static const char *shown(double v, char *buf, size_t len) {
  if (isnan(v)) snprintf(buf, len, "nan");
  else snprintf(buf, len, "%g", v);
  return buf;
}

int ps_read_number(const ps_entry *e, const char *field, int required, double def, double *out) {
  lua_State *L = e->rd->L;
  int type = ps_read_push(e, field);
  *out = def; /* also when failing: callers never see an unset value */
  if (type == LUA_TNIL) {
    lua_pop(L, 1);
    if (required) return ps_read_fail(e, field, "missing (a number is required)");
    return PS_OK;
  }
  if (type != LUA_TNUMBER) {
    int uncertain = ps_read_is_uncertain(L, -1);
    lua_pop(L, 1);
    if (uncertain) return ps_read_fail(e, field, "%s", PS_UNCERTAIN_ONLY);
    return ps_read_fail(e, field, "must be a number, got %s", lua_typename(L, type));
  }
  *out = lua_tonumber(L, -1);
  lua_pop(L, 1);
  char buf[32];
  if (!isfinite(*out)) return ps_read_fail(e, field, "must be a finite number, got %s", shown(*out, buf, sizeof buf));
  return PS_OK;
}

/* a number in [lo, hi] */
int ps_read_in_range(const ps_entry *e, const char *field, int required, double def, double lo,
                         double hi, double *out) {
  int rc = ps_read_number(e, field, required, def, out);
  if (rc) return rc;
  if (*out < lo || *out > hi) return ps_read_fail(e, field, "%g is outside [%g, %g]", *out, lo, hi);
  return PS_OK;
}

/* a whole number in [lo, hi] */
int ps_read_int(const ps_entry *e, const char *field, int required, long def, long lo, long hi,
                    long *out) {
  double v;
  int rc = ps_read_number(e, field, required, (double)def, &v);
  if (rc) return rc;
  if (v != floor(v)) return ps_read_fail(e, field, "must be a whole number, got %g", v);
  if (v < (double)lo || v > (double)hi) return ps_read_fail(e, field, "%g is outside [%ld, %ld]", v, lo, hi);
  *out = (long)v;
  return PS_OK;
}

/* an amount of money in yuan, >= 0, converted to fen */
int ps_read_amount(const ps_entry *e, const char *field, int required, int64_t *out) {
  double v;
  int rc = ps_read_number(e, field, required, 0, &v);
  if (rc) return rc;
  if (v < 0) return ps_read_fail(e, field, "an amount cannot be negative, got %g", v);
  if (v > PS_MAX_AMOUNT_YUAN) return ps_read_fail(e, field, "%g yuan is larger than poolsim handles (1e15)", v);
  *out = (int64_t)llround(v * PS_FEN_PER_YUAN);
  return PS_OK;
}

/* a string (copied); NULL and PS_OK when optional and absent */
int ps_read_string(const ps_entry *e, const char *field, int required, char **out) {
  lua_State *L = e->rd->L;
  int type = ps_read_push(e, field);
  *out = NULL;
  if (type == LUA_TNIL) {
    lua_pop(L, 1);
    return required ? ps_read_fail(e, field, "missing (a string is required)") : PS_OK;
  }
  if (type != LUA_TSTRING) {
    lua_pop(L, 1);
    return ps_read_fail(e, field, "must be a string, got %s", lua_typename(L, type));
  }
  const char *s = lua_tostring(L, -1);
  if (!*s) {
    lua_pop(L, 1);
    return ps_read_fail(e, field, "must not be empty");
  }
  *out = strdup(s);
  lua_pop(L, 1);
  return *out ? PS_OK : PS_ERUNTIME;
}

/* one of the words in choices[]; returns its index through *out */
int ps_read_choice(const ps_entry *e, const char *field, int required, int def,
                       const char *const *choices, int *out) {
  char *s;
  int rc = ps_read_string(e, field, required, &s);
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
  rc = ps_read_fail(e, field, "'%s' is not one of: %s", s, list);
  free(s);
  return rc;
}

/* how a distribution named `name` is written, for messages */
static const char *written(const char *name) {
  if (strcmp(name, "uniform") == 0) return "poolsim.uniform{min=, max=}";
  if (strcmp(name, "lognormal") == 0) return "poolsim.lognormal{mean=, sd=}";
  return "poolsim.beta{mean=, sd=}";
}

/* the helpers `allowed` ("lognormal|uniform") names, as "poolsim.lognormal{mean=, sd=} or
** poolsim.uniform{min=, max=}" */
static void forms(const char *allowed, char *buf, size_t len) {
  char names[64];
  snprintf(names, sizeof names, "%s", allowed);
  buf[0] = '\0';
  char *save = NULL;
  for (char *name = strtok_r(names, "|", &save); name; name = strtok_r(NULL, "|", &save)) {
    if (strcmp(name, "uncertain") == 0) continue; /* a mark, not a distribution */
    size_t n = strlen(buf);
    snprintf(buf + n, len - n, "%s%s", n ? " or " : "", written(name));
  }
}

/* is `name` one of the '|'-separated names of allowed? */
static int is_allowed(const char *allowed, const char *name) {
  size_t n = strlen(name);
  for (const char *p = allowed; (p = strstr(p, name)); p += n)
    if ((p == allowed || p[-1] == '|') && (p[n] == '\0' || p[n] == '|')) return 1;
  return 0;
}

/* poolsim.uniform{min=, max=} at the stack top (popped): lo <= min < max <= hi */
static int read_uniform(const ps_entry *e, const char *field, double lo, double hi, ps_dist *d) {
  lua_State *L = e->rd->L;
  lua_getfield(L, -1, "min");
  lua_getfield(L, -2, "max");
  int numbers = lua_type(L, -2) == LUA_TNUMBER && lua_type(L, -1) == LUA_TNUMBER;
  double a = lua_tonumber(L, -2), b = lua_tonumber(L, -1);
  lua_pop(L, 3);
  char sa[32], sb[32];
  if (!numbers) return ps_read_fail(e, field, "a poolsim.uniform table needs numbers min and max");
  if (!isfinite(a) || !isfinite(b) || !(a < b))
    return ps_read_fail(e, field, "poolsim.uniform needs finite min < max, got min %s and max %s",
                        shown(a, sa, sizeof sa), shown(b, sb, sizeof sb));
  if (a < lo || b > hi) return ps_read_fail(e, field, "[%g, %g] is outside [%g, %g]", a, b, lo, hi);
  *d = (ps_dist){.kind = PS_DIST_UNIFORM, .mean = (a + b) / 2, .sd = (b - a) / sqrt(12), .p1 = a, .p2 = b};
  return PS_OK;
}

/* A number, or a distribution table made by one of the helpers `allowed` names
** ("lognormal", "beta", "uniform", '|'-separated; "uncertain" lets poolsim.uncertain() through). */
int ps_read_dist(const ps_entry *e, const char *field, const char *allowed, double lo, double hi,
                     ps_dist *d) {
  lua_State *L = e->rd->L;
  int type = ps_read_push(e, field);
  memset(d, 0, sizeof *d);
  if (type == LUA_TNUMBER) {
    lua_pop(L, 1);
    double v;
    int rc = ps_read_in_range(e, field, 1, 0, lo, hi, &v);
    d->kind = PS_DIST_FIXED;
    d->mean = v;
    return rc;
  }
  char accepted[160];
  forms(allowed, accepted, sizeof accepted);
  if (type != LUA_TTABLE) {
    lua_pop(L, 1);
    if (type == LUA_TNIL) return ps_read_fail(e, field, "missing (a number or %s)", accepted);
    return ps_read_fail(e, field, "must be a number or %s, got %s", accepted, lua_typename(L, type));
  }
  if (ps_read_is_uncertain(L, -1) && !is_allowed(allowed, "uncertain")) {
    lua_pop(L, 1);
    return ps_read_fail(e, field, "%s", PS_UNCERTAIN_ONLY);
  }
  lua_getfield(L, -1, "dist");
  char name[16] = "";
  if (lua_type(L, -1) == LUA_TSTRING) snprintf(name, sizeof name, "%s", lua_tostring(L, -1));
  lua_pop(L, 1);
  if (!*name || !is_allowed(allowed, name)) {
    lua_pop(L, 1);
    return ps_read_fail(e, field, "a table here must come from %s", accepted);
  }
  if (strcmp(name, "uniform") == 0) return read_uniform(e, field, lo, hi, d);
  lua_getfield(L, -1, "mean");
  lua_getfield(L, -2, "sd");
  int numbers = lua_type(L, -2) == LUA_TNUMBER && lua_type(L, -1) == LUA_TNUMBER;
  d->mean = lua_tonumber(L, -2);
  d->sd = lua_tonumber(L, -1);
  lua_pop(L, 3);
  /* a table written by hand rather than by the helper gets the helper's checks */
  char mean[32], sd[32];
  if (!numbers) return ps_read_fail(e, field, "a poolsim.%s table needs numbers mean and sd", name);
  if (!isfinite(d->mean) || !isfinite(d->sd))
    return ps_read_fail(e, field, "mean and sd must be finite numbers, got mean %s and sd %s", shown(d->mean, mean, sizeof mean),
                        shown(d->sd, sd, sizeof sd));
  if (d->mean < lo || d->mean > hi)
    return ps_read_fail(e, field, "mean %g is outside [%g, %g]", d->mean, lo, hi);
  int is_lognormal = strcmp(name, "lognormal") == 0;
  if (is_lognormal ? !(d->mean > 0 && d->sd >= 0) : !(d->mean > 0 && d->mean < 1 && d->sd > 0 && d->sd * d->sd < d->mean * (1 - d->mean)))
    return ps_read_fail(e, field, "mean %g and sd %g do not make a %s distribution (see poolsim.%s)", d->mean, d->sd,
                        name, name);
  if (is_lognormal) {
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
int ps_read_check_fields(const ps_entry *e, const char *const *allowed) {
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
    if (hint) return ps_read_fail(e, bad, "unknown field (did you mean '%s'?)", hint);
    return ps_read_fail(e, bad, "unknown field");
  }
  if (!bad_is_string) return ps_read_fail(e, NULL, "has a key that is not a field name (a list item where a field was expected?)");
  return PS_OK;
}

/* Push the list field `name` of the scenario; checks it is a list of tables.
** Returns its length through *n (0 when absent and optional). */
int ps_read_open_list(const ps_entry *scen, const char *name, int required, int *n) {
  lua_State *L = scen->rd->L;
  int type = ps_read_push(scen, name);
  *n = 0;
  if (type == LUA_TNIL && !required) return PS_OK;
  if (type != LUA_TTABLE) {
    lua_pop(L, 1);
    return ps_read_fail(scen, name, type == LUA_TNIL ? "missing (a list is required)" : "must be a list of tables, got %s",
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
    return ps_read_fail(scen, name, "must be a list { {...}, {...} } without named keys or holes");
  }
  if (required && len == 0) {
    lua_pop(L, 1);
    return ps_read_fail(scen, name, "must not be empty");
  }
  if (len > PS_MAX_LIST_ITEMS) {
    lua_pop(L, 1);
    return ps_read_fail(scen, name, "has %lld items, more than the %d a list may have", (long long)len,
                        PS_MAX_LIST_ITEMS);
  }
  for (lua_Integer i = 1; i <= len; i++) {
    if (lua_rawgeti(L, -1, i) != LUA_TTABLE) {
      lua_pop(L, 2);
      return ps_read_fail(scen, name, "item %lld must be a table", (long long)i);
    }
    lua_pop(L, 1);
  }
  *n = (int)len;
  return PS_OK;
}

/* 1 + the number of items already read (in list order: parties, pools,
** segments, programmes) whose id is `id` — which written `id = "..."` this is */
int ps_read_occurrence(const ps_model *m, const char *id, int nsegments_read) {
  if (m->ids) { /* every item read; less the segments from nsegments_read on (ids are unique among segments) */
    int k = 1 + ps_ids_count(m->ids, id, PS_ID_KINDS);
    if (ps_ids_find(m->ids, id, PS_ID_SEGMENT) >= nsegments_read) k -= ps_ids_count(m->ids, id, PS_ID_SEGMENT);
    return k;
  }
  int k = 1;
  for (int i = 0; i < m->nparties; i++) k += strcmp(m->parties[i].id, id) == 0;
  for (int i = 0; i < m->npools; i++) k += strcmp(m->pools[i].id, id) == 0;
  for (int i = 0; i < nsegments_read; i++) k += strcmp(m->segments[i].id, id) == 0;
  for (int i = 0; i < m->nprogrammes; i++) k += strcmp(m->programmes[i].id, id) == 0;
  return k;
}

/* read the `id` of list item i (the list is at the top of the stack), leaving
** the item on the stack and filling *e */
int ps_read_open_item(ps_reader *rd, const char *what, const char *list, int i, ps_entry *e, char **id) {
  lua_State *L = rd->L;
  lua_rawgeti(L, -1, i + 1);
  *e = (ps_entry){rd, what, list, NULL, lua_gettop(L), 1};
  char *s;
  int rc = ps_read_string(e, "id", 0, &s);
  if (rc) return rc;
  if (!s) {
    char label[64];
    snprintf(label, sizeof label, "%s #%d", what, i + 1);
    ps_entry anon = *e;
    anon.what = label;
    return ps_read_fail(&anon, "id", "missing (every %s needs an id)", what);
  }
  *id = s;
  e->id = s;
  e->occurrence = ps_read_occurrence(rd->m, s, rd->m->nsegments);
  static const char *const lists[PS_ID_KINDS] = {"parties", "pools", "segments", "programmes"};
  for (int k = 0; rd->m->ids && k < PS_ID_KINDS; k++)
    if (strcmp(list, lists[k]) == 0) return ps_ids_add(rd->m->ids, s, (ps_id_kind)k, i);
  return PS_OK;
}

/* ---- lookups over what has been read so far ---- */

int ps_find_party(const ps_model *m, const char *id) {
  if (m->ids) return ps_ids_find(m->ids, id, PS_ID_PARTY);
  for (int i = 0; i < m->nparties; i++)
    if (strcmp(m->parties[i].id, id) == 0) return i;
  return -1;
}

int ps_find_pool(const ps_model *m, const char *id) {
  if (m->ids) return ps_ids_find(m->ids, id, PS_ID_POOL);
  for (int i = 0; i < m->npools; i++)
    if (strcmp(m->pools[i].id, id) == 0) return i;
  return -1;
}

int ps_find_segment(const ps_model *m, const char *id) {
  if (m->ids) return ps_ids_find(m->ids, id, PS_ID_SEGMENT);
  for (int i = 0; i < m->nsegments; i++)
    if (strcmp(m->segments[i].id, id) == 0) return i;
  return -1;
}

/* ps_read_origination — originate = {first, last}, default the whole horizon (scenario_read.h) */
int ps_read_origination(const ps_entry *e, const ps_model *m, ps_segment *s) {
  lua_State *L = e->rd->L;
  int type = ps_read_push(e, "originate");
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
    return ps_read_fail(e, "originate", "must be {first, last} with 1 <= first <= last <= periods (%d)", m->periods);
  s->first = (int)a;
  s->last = (int)b;
  return PS_OK;
}

/* ps_read_is_uncertain — is the value at idx a table poolsim.uncertain() made? */
int ps_read_is_uncertain(lua_State *L, int idx) {
  if (lua_type(L, idx) != LUA_TTABLE) return 0;
  idx = lua_absindex(L, idx);
  lua_pushliteral(L, "uncertain");
  lua_rawget(L, idx); /* raw: a field's metatable is not run to ask */
  int marked = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return marked;
}
