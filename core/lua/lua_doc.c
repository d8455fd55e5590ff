/* lua_doc.c — the Lua sink of report/doc.h: the tables of a document walk,
** each member set in the walk's order, each array presized to its length. */
#include "lua/lua_doc.h"

#include <float.h>
#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

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
  if (key) lua_setfield(t->L, -2, key);
  else lua_rawseti(t->L, -2, ++t->length[t->depth - 1]);
}

static void sink_open(ps_doc_sink *s, const char *key, int n) {
  lua_sink *t = (lua_sink *)s;
  if (t->depth == MAX_DEPTH) luaL_error(t->L, "poolsim: a document nests more than %d deep", MAX_DEPTH);
  luaL_checkstack(t->L, 2, "building the results");
  if (n < 0) lua_newtable(t->L);
  else lua_createtable(t->L, n, 0);
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
