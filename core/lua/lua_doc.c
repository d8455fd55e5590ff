/* lua_doc.c — the Lua sink of report/doc.h: the tables of a document walk,
** each member set in the walk's order, each array presized to its length.
** An object's table raises an error when a driver reads a field it does not
** have (a misspelt name would otherwise be a silent nil): its metatable's
** __index names the fields there are. A member whose value is nil (a number
** JSON gives as null) is a field: its name is kept, true, in the metatable's
** table "nil" (a table apart, so no field name can be taken for a metamethod). */
#include "lua/lua_doc.h"

#include <float.h>
#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 16 /* the schema's documents nest 7 deep at most */

typedef struct {
  ps_doc_sink sink; /* first: the walk's sink pointer is this struct's */
  lua_State *L;
  int depth;
  const char *key[MAX_DEPTH]; /* each open table's member name in its parent (NULL: an element) */
  int length[MAX_DEPTH];      /* elements set so far, for arrays */
} lua_sink;

/* set the value on top into the innermost open table, as key or as its next element */
static void attach(lua_sink *t, const char *key) {
  if (key && lua_isnil(t->L, -1) && lua_getmetatable(t->L, -2)) { /* [table, nil, metatable] */
    luaL_checkstack(t->L, 2, "building the results");
    if (lua_getfield(t->L, -1, "nil") != LUA_TTABLE) {
      lua_pop(t->L, 1);
      lua_newtable(t->L);
      lua_pushvalue(t->L, -1);
      lua_setfield(t->L, -3, "nil");
    }
    lua_pushboolean(t->L, 1);
    lua_setfield(t->L, -2, key);
    lua_pop(t->L, 3);
  } else if (key) lua_setfield(t->L, -2, key);
  else lua_rawseti(t->L, -2, ++t->length[t->depth - 1]);
}

static int by_name(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* __index of a result object (table, key): nil for a field whose value is nil, else an error naming the fields */
static int no_field(lua_State *L) {
  int nils = lua_getmetatable(L, 1) && lua_getfield(L, -1, "nil") == LUA_TTABLE; /* on top when there */
  if (nils && lua_type(L, 2) == LUA_TSTRING) {
    lua_pushvalue(L, 2);
    if (lua_rawget(L, -2) == LUA_TBOOLEAN) return 0;
    lua_pop(L, 1);
  }
  const char *names[256] = {0};
  int n = 0;
  for (int from = 1; from <= 1 + nils; from++) { /* the table's string keys, then its nil fields */
    int t = from == 1 ? 1 : lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, t)) {
      if (lua_type(L, -2) == LUA_TSTRING && n < 256) names[n++] = lua_tostring(L, -2); /* the key stays in the table */
      lua_pop(L, 1);
    }
  }
  qsort(names, (size_t)n, sizeof names[0], by_name);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (int i = 0; i < n; i++) {
    if (i) luaL_addstring(&b, ", ");
    luaL_addstring(&b, names[i]);
  }
  luaL_pushresult(&b);
  const char *fields = lua_tostring(L, -1), *key = luaL_tolstring(L, 2, NULL);
  return luaL_error(L, "no field '%s' in a poolsim result (fields: %s)", key, fields);
}

static void sink_open(ps_doc_sink *s, const char *key, int n) {
  lua_sink *t = (lua_sink *)s;
  if (t->depth == MAX_DEPTH) luaL_error(t->L, "poolsim: a document nests more than %d deep", MAX_DEPTH);
  luaL_checkstack(t->L, 2, "building the results");
  if (n < 0) {
    luaL_checkstack(t->L, 3, "building the results");
    lua_newtable(t->L);
    lua_createtable(t->L, 0, 1);
    lua_pushcfunction(t->L, no_field);
    lua_setfield(t->L, -2, "__index");
    lua_setmetatable(t->L, -2);
  } else lua_createtable(t->L, n, 0);
  t->key[t->depth] = key;
  t->length[t->depth++] = 0;
}

static void sink_end(ps_doc_sink *s) {
  lua_sink *t = (lua_sink *)s;
  if (--t->depth > 0) attach(t, t->key[t->depth]); /* the root stays on the stack */
}

/* The number as drivers have always got it: as the JSON text gives it back.
** cJSON (1.7) prints 15 significant digits when they read back within a
** relative DBL_EPSILON of the number, else 17 (exact); so a driver sees the
** 15-digit value, which can differ from the number in its last bit. */
static double as_printed(double v) {
  char text[32];
  snprintf(text, sizeof text, "%1.15g", v);
  double back = strtod(text, NULL);
  return fabs(back - v) <= fmax(fabs(back), fabs(v)) * DBL_EPSILON ? back : v;
}

static void sink_number(ps_doc_sink *s, const char *key, double v) {
  lua_sink *t = (lua_sink *)s;
  if (isfinite(v)) lua_pushnumber(t->L, as_printed(v));
  else lua_pushnil(t->L);
  attach(t, key);
}

static void sink_string(ps_doc_sink *s, const char *key, const char *v) {
  lua_sink *t = (lua_sink *)s;
  lua_pushstring(t->L, v);
  attach(t, key);
}

static void sink_boolean(ps_doc_sink *s, const char *key, int v) {
  lua_sink *t = (lua_sink *)s;
  lua_pushboolean(t->L, v);
  attach(t, key);
}

/* ps_lua_push_doc — the tables of the walk of value on top of L (lua_doc.h) */
void ps_lua_push_doc(lua_State *L, ps_doc_walk *walk, const void *value) {
  lua_sink t = {.sink = {sink_open, sink_end, sink_number, sink_string, sink_boolean}, .L = L};
  walk(value, &t.sink);
}
