/* overrides.c — apply --set paths to the scenario table. */
#include "scenario/overrides.h"

#include <lauxlib.h>
#include <stdio.h>
#include <string.h>

/* Is the table at idx a list of items with ids? Then push the item whose id is
** `step` (or nil) and return 1; otherwise return 0 and push nothing. */
static int push_item_by_id(lua_State *L, int idx, const char *step) {
  if (lua_rawlen(L, idx) == 0) return 0;
  lua_rawgeti(L, idx, 1);
  int is_list = lua_istable(L, -1);
  lua_pop(L, 1);
  if (!is_list) return 0;
  for (lua_Integer i = 1, n = (lua_Integer)lua_rawlen(L, idx); i <= n; i++) {
    lua_rawgeti(L, idx, i);
    if (lua_istable(L, -1)) {
      lua_getfield(L, -1, "id");
      int match = lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), step) == 0;
      lua_pop(L, 1);
      if (match) return 1;
    }
    lua_pop(L, 1);
  }
  lua_pushnil(L);
  return 1;
}

/* push the key for a path step: an integer when it is one, else the string */
static void push_key(lua_State *L, const char *step) {
  if (lua_stringtonumber(L, step)) {
    if (lua_isinteger(L, -1)) return;
    lua_pop(L, 1);
  }
  lua_pushstring(L, step);
}

/* the value of KEY=VALUE: true, false, nil (the field removed), a number, else the string */
static void push_value(lua_State *L, const char *value) {
  if (strcmp(value, "nil") == 0) lua_pushnil(L);
  else if (strcmp(value, "true") == 0) lua_pushboolean(L, 1);
  else if (strcmp(value, "false") == 0) lua_pushboolean(L, 0);
  else if (!lua_stringtonumber(L, value)) lua_pushstring(L, value);
}

/* Push the table that holds the last step of `key` (item ids in lists) and copy
** that step into last. `label` begins error messages ("--set K=V"). */
static int walk_to_parent(lua_State *L, int scenario, const char *key, char *last, size_t lastlen, const char *label,
                          char *err, size_t errlen) {
  char path[512];
  if (snprintf(path, sizeof path, "%s", key) >= (int)sizeof path || !*path) {
    snprintf(err, errlen, "%s: the key is empty or too long", label);
    return PS_EINPUT;
  }
  size_t n = strlen(path);
  if (path[0] == '.' || path[n - 1] == '.' || strstr(path, "..")) {
    snprintf(err, errlen, "%s: the key has an empty step (a '.' too many)", label);
    return PS_EINPUT;
  }
  lua_pushvalue(L, scenario);
  char *save = NULL, walked[512] = "";
  char *step = strtok_r(path, ".", &save);
  for (char *next; step && (next = strtok_r(NULL, ".", &save)); step = next) {
    int t = lua_gettop(L);
    int in_list = push_item_by_id(L, t, step);
    if (!in_list) {
      push_key(L, step);
      lua_gettable(L, t);
    }
    lua_remove(L, t);
    if (in_list && lua_isnil(L, -1)) {
      snprintf(err, errlen, "%s: '%s' has no item with the id '%s'", label, *walked ? walked : "scenario", step);
      lua_pop(L, 1);
      return PS_EINPUT;
    }
    strncat(walked, *walked ? "." : "", sizeof walked - strlen(walked) - 1);
    strncat(walked, step, sizeof walked - strlen(walked) - 1);
    if (!lua_istable(L, -1)) {
      snprintf(err, errlen, "%s: the scenario has no table '%s'", label, walked);
      lua_pop(L, 1);
      return PS_EINPUT;
    }
  }
  snprintf(last, lastlen, "%s", step ? step : "");
  return PS_OK;
}

static int apply_one(lua_State *L, int scenario, const ps_override *set, char *err, size_t errlen) {
  char label[600], last[512];
  snprintf(label, sizeof label, "--set %s=%s", set->key, set->value);
  int rc = walk_to_parent(L, scenario, set->key, last, sizeof last, label, err, errlen);
  if (rc) return rc;
  /* the items of a list are not fields: segments.a_small=3 would add a key to the list */
  if (push_item_by_id(L, lua_gettop(L), last)) {
    int found = !lua_isnil(L, -1);
    lua_pop(L, 2);
    int parent = (int)(strlen(set->key) - strlen(last) - 1);
    if (found)
      snprintf(err, errlen, "%s: '%s' is a whole item of '%.*s': --set changes one of its fields, %s.FIELD=VALUE",
               label, set->key, parent, set->key, set->key);
    else snprintf(err, errlen, "%s: '%.*s' has no item with the id '%s'", label, parent, set->key, last);
    return PS_EINPUT;
  }
  push_key(L, last);
  push_value(L, set->value);
  lua_settable(L, -3);
  lua_pop(L, 1);
  return PS_OK;
}

int ps_overrides_get(lua_State *L, int idx, const char *key, double *out, char *err, size_t errlen) {
  char label[600], last[512];
  snprintf(label, sizeof label, "%s", key);
  int rc = walk_to_parent(L, lua_absindex(L, idx), key, last, sizeof last, label, err, errlen);
  if (rc) return rc;
  push_key(L, last);
  lua_gettable(L, -2);
  int ok = lua_type(L, -1) == LUA_TNUMBER;
  *out = lua_tonumber(L, -1);
  lua_pop(L, 2);
  if (!ok) {
    snprintf(err, errlen, "%s: not a number in the scenario", key);
    return PS_EINPUT;
  }
  return PS_OK;
}

int ps_overrides_apply(lua_State *L, int idx, const ps_override *sets, int nsets, char *err, size_t errlen) {
  idx = lua_absindex(L, idx);
  for (int i = 0; i < nsets; i++) {
    int rc = apply_one(L, idx, &sets[i], err, errlen);
    if (rc) return rc;
  }
  return PS_OK;
}

#define KEYS_DEPTH 8 /* scenario tables nest less deep: distributions in a share tier, say */

/* the step of the key on the stack (below its value) in the table at t, into
** step: an item of a list of items (by_id) by its id, else the key; "" when none */
static void key_step(lua_State *L, int by_id, char *step, size_t len) {
  *step = '\0';
  if (by_id && lua_istable(L, -1)) {
    lua_getfield(L, -1, "id");
    if (lua_type(L, -1) == LUA_TSTRING) snprintf(step, len, "%s", lua_tostring(L, -1));
    lua_pop(L, 1);
  } else if (lua_type(L, -2) == LUA_TSTRING) snprintf(step, len, "%s", lua_tostring(L, -2));
  else if (lua_isinteger(L, -2)) snprintf(step, len, "%lld", (long long)lua_tointeger(L, -2));
}

void ps_overrides_keys(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  luaL_checkstack(L, 8, "listing the keys");
  lua_newtable(L);
  int keys = lua_gettop(L);
  lua_newtable(L); /* the tables still to list: table, its path, its depth, ... */
  int todo = lua_gettop(L);
  lua_pushvalue(L, idx);
  lua_rawseti(L, todo, 1);
  lua_pushliteral(L, "");
  lua_rawseti(L, todo, 2);
  lua_pushinteger(L, 0);
  lua_rawseti(L, todo, 3);
  lua_Integer n = 3;
  for (lua_Integer at = 1; at < n; at += 3) {
    lua_rawgeti(L, todo, at);
    int t = lua_gettop(L);
    lua_rawgeti(L, todo, at + 1);
    const char *prefix = lua_tostring(L, -1);
    lua_rawgeti(L, todo, at + 2);
    lua_Integer depth = lua_tointeger(L, -1);
    lua_pop(L, 1);
    int by_id = lua_rawgeti(L, t, 1) == LUA_TTABLE;
    lua_pop(L, 1);
    lua_pushnil(L);
    while (lua_next(L, t)) {
      char path[512], step[256];
      key_step(L, by_id, step, sizeof step);
      snprintf(path, sizeof path, "%s%s%s", prefix, *prefix ? "." : "", step);
      int type = lua_type(L, -1);
      if (*step && type == LUA_TTABLE && depth < KEYS_DEPTH) {
        lua_pushvalue(L, -1);
        lua_rawseti(L, todo, n + 1);
        lua_pushstring(L, path);
        lua_rawseti(L, todo, n + 2);
        lua_pushinteger(L, depth + 1);
        lua_rawseti(L, todo, n + 3);
        n += 3;
      } else if (*step && (type == LUA_TNUMBER || type == LUA_TSTRING || type == LUA_TBOOLEAN)) {
        lua_pushstring(L, path);
        lua_rawseti(L, keys, (lua_Integer)lua_rawlen(L, keys) + 1);
      }
      lua_pop(L, 1);
    }
    lua_settop(L, todo);
  }
  lua_pop(L, 1);
  lua_getglobal(L, "table");
  lua_getfield(L, -1, "sort");
  lua_pushvalue(L, keys);
  lua_call(L, 1, 0);
  lua_getfield(L, -1, "concat");
  lua_pushvalue(L, keys);
  lua_pushliteral(L, "\n");
  lua_call(L, 2, 1);
  lua_replace(L, keys);
  lua_settop(L, keys);
}

/* does key equal prefix, or continue it with '.'? */
static int key_starts(const char *key, const char *prefix) {
  size_t n = strlen(prefix);
  return strncmp(key, prefix, n) == 0 && (key[n] == '\0' || key[n] == '.');
}

const ps_override *ps_override_find(const ps_override *sets, int nsets, const char *list, const char *id,
                                    const char *field) {
  char prefix[512];
  if (list && id) snprintf(prefix, sizeof prefix, "%s.%s.%s", list, id, field);
  else snprintf(prefix, sizeof prefix, "%s", field);
  /* the last override of a field is the one that took effect */
  for (int i = nsets - 1; i >= 0; i--)
    if (key_starts(sets[i].key, prefix)) return &sets[i];
  return NULL;
}
