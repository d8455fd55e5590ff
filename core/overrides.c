/* overrides.c — apply --set paths to the scenario table. */
#include "overrides.h"

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

static void push_value(lua_State *L, const char *value) {
  if (strcmp(value, "true") == 0) lua_pushboolean(L, 1);
  else if (strcmp(value, "false") == 0) lua_pushboolean(L, 0);
  else if (!lua_stringtonumber(L, value)) lua_pushstring(L, value);
}

static int apply_one(lua_State *L, int scenario, const ps_override *set, char *err, size_t errlen) {
  char path[512];
  if (snprintf(path, sizeof path, "%s", set->key) >= (int)sizeof path || !*path) {
    snprintf(err, errlen, "--set %s=%s: the key is empty or too long", set->key, set->value);
    return PS_EINPUT;
  }
  int top = lua_gettop(L);
  lua_pushvalue(L, scenario);
  char *save = NULL;
  char *step = strtok_r(path, ".", &save);
  char walked[512] = "";
  while (step) {
    char *next = strtok_r(NULL, ".", &save);
    int t = lua_gettop(L);
    if (!next) {
      push_key(L, step);
      push_value(L, set->value);
      lua_settable(L, t);
      break;
    }
    if (!push_item_by_id(L, t, step)) {
      push_key(L, step);
      lua_gettable(L, t);
    }
    strncat(walked, *walked ? "." : "", sizeof walked - strlen(walked) - 1);
    strncat(walked, step, sizeof walked - strlen(walked) - 1);
    if (!lua_istable(L, -1)) {
      snprintf(err, errlen, "--set %s=%s: the scenario has no table '%s'", set->key, set->value, walked);
      lua_settop(L, top);
      return PS_EINPUT;
    }
    step = next;
  }
  lua_settop(L, top);
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
