/* lua_reset.c — snapshot and restore of what some roots reach (lua_reset.h).
** The snapshot is a sequence in the registry of entries {table, copy, metatable
** or nil, number of fields} and {Lua function, number of upvalues, upvalue 1, ...}. */
#include "lua/lua_reset.h"

#include <lauxlib.h>

#define SNAPSHOT_KEY "poolsim.snapshot"

/* queue the table or function at idx unless seen (seen: value -> true, todo: a sequence) */
static void queue(lua_State *L, int seen, int todo, lua_Integer *ntodo, int idx) {
  idx = lua_absindex(L, idx);
  if (!lua_istable(L, idx) && !lua_isfunction(L, idx)) return;
  lua_pushvalue(L, idx);
  if (lua_rawget(L, seen) != LUA_TNIL) {
    lua_pop(L, 1);
    return;
  }
  lua_pop(L, 1);
  lua_pushvalue(L, idx);
  lua_pushboolean(L, 1);
  lua_rawset(L, seen);
  lua_pushvalue(L, idx);
  lua_rawseti(L, todo, ++*ntodo);
}

/* queue the value at idx, and its metatable if it is not a table (a table's is recorded with it) */
static void queue_value(lua_State *L, int seen, int todo, lua_Integer *ntodo, int idx) {
  idx = lua_absindex(L, idx);
  queue(L, seen, todo, ntodo, idx);
  if (!lua_istable(L, idx) && lua_getmetatable(L, idx)) {
    queue(L, seen, todo, ntodo, -1);
    lua_pop(L, 1);
  }
}

/* the entry of the table at t: {t, copy, metatable or nil, number of fields}, queueing what it holds */
static void record_table(lua_State *L, int seen, int todo, lua_Integer *ntodo, int t) {
  lua_createtable(L, 4, 0);
  lua_pushvalue(L, t);
  lua_rawseti(L, -2, 1);
  lua_newtable(L); /* the copy */
  lua_Integer fields = 0;
  lua_pushnil(L);
  while (lua_next(L, t)) {
    queue_value(L, seen, todo, ntodo, -2);
    queue_value(L, seen, todo, ntodo, -1);
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_rawset(L, -4);
    fields++;
  }
  lua_rawseti(L, -2, 2);
  lua_pushinteger(L, fields);
  lua_rawseti(L, -2, 4);
  if (lua_getmetatable(L, t)) {
    queue(L, seen, todo, ntodo, -1);
    lua_rawseti(L, -2, 3);
  }
}

/* the entry of the Lua function at f: {f, n, upvalues 1..n}, queueing them; for a C function, only
** queue its upvalues (what it may hand out) and push nothing; 1 if an entry was pushed */
static int record_function(lua_State *L, int seen, int todo, lua_Integer *ntodo, int f) {
  int lua = !lua_iscfunction(L, f), n = 0;
  if (lua) lua_newtable(L);
  while (lua_getupvalue(L, f, n + 1)) {
    n++;
    queue_value(L, seen, todo, ntodo, -1);
    if (lua) lua_rawseti(L, -2, n + 2);
    else lua_pop(L, 1);
  }
  if (!lua) return 0;
  if (n == 0) { /* nothing in it can change */
    lua_pop(L, 1);
    return 0;
  }
  lua_pushvalue(L, f);
  lua_rawseti(L, -2, 1);
  lua_pushinteger(L, n);
  lua_rawseti(L, -2, 2);
  return 1;
}

/* arguments: the roots; returns the number of entries */
static int snapshot(lua_State *L) {
  int nroots = lua_gettop(L);
  lua_newtable(L); /* seen */
  lua_newtable(L); /* todo */
  lua_newtable(L); /* the snapshot */
  int seen = nroots + 1, todo = nroots + 2, snap = nroots + 3;
  lua_Integer ntodo = 0, nsnap = 0;
  for (int i = 1; i <= nroots; i++) queue_value(L, seen, todo, &ntodo, i);
  while (ntodo > 0) {
    lua_rawgeti(L, todo, ntodo);
    lua_pushnil(L);
    lua_rawseti(L, todo, ntodo--);
    int v = lua_gettop(L);
    if (lua_istable(L, v)) record_table(L, seen, todo, &ntodo, v);
    else if (!record_function(L, seen, todo, &ntodo, v)) {
      lua_pop(L, 1);
      continue;
    }
    lua_rawseti(L, snap, ++nsnap);
    lua_pop(L, 1);
  }
  lua_pushvalue(L, snap);
  lua_setfield(L, LUA_REGISTRYINDEX, SNAPSHOT_KEY);
  lua_pushinteger(L, nsnap);
  return 1;
}

/* one pass over the table of the entry on the stack top: fields the copy lacks removed, changed ones
** put back (both allowed during lua_next); a second pass over the copy only when some of its fields
** went missing; then the metatable */
static void restore_table(lua_State *L) {
  lua_rawgeti(L, -1, 1); /* the table */
  lua_rawgeti(L, -2, 2); /* its copy */
  int t = lua_gettop(L) - 1, copy = t + 1;
  lua_rawgeti(L, t - 1, 4);
  lua_Integer fields = lua_tointeger(L, -1), matched = 0;
  lua_pop(L, 1);
  lua_pushnil(L);
  while (lua_next(L, t)) { /* key, value */
    lua_pushvalue(L, -2);
    if (lua_rawget(L, copy) == LUA_TNIL) { /* key, value, nil */
      lua_pushvalue(L, -3);
      lua_pushnil(L);
      lua_rawset(L, t);
    } else {
      matched++;
      if (!lua_rawequal(L, -1, -2)) {
        lua_pushvalue(L, -3);
        lua_insert(L, -2);
        lua_rawset(L, t);
        lua_pushnil(L); /* keep the pops below even */
      }
    }
    lua_pop(L, 2);
  }
  if (matched < fields) {
    lua_pushnil(L);
    while (lua_next(L, copy)) {
      lua_pushvalue(L, -2);
      lua_insert(L, -2);
      lua_rawset(L, t);
    }
  }
  lua_rawgeti(L, -3, 3); /* the metatable, or nil */
  lua_setmetatable(L, t);
  lua_pop(L, 2);
}

/* the upvalues of the function of the entry on the stack top put back where they changed */
static void restore_function(lua_State *L) {
  lua_rawgeti(L, -1, 1); /* the function */
  lua_rawgeti(L, -2, 2);
  int f = lua_gettop(L) - 1, n = (int)lua_tointeger(L, -1);
  lua_pop(L, 1);
  for (int i = 1; i <= n; i++) {
    lua_getupvalue(L, f, i);
    lua_rawgeti(L, f - 1, i + 2);
    if (lua_rawequal(L, -1, -2)) lua_pop(L, 2);
    else {
      lua_setupvalue(L, f, i);
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
}

static int restore(lua_State *L) {
  lua_getfield(L, LUA_REGISTRYINDEX, SNAPSHOT_KEY);
  int snap = lua_gettop(L);
  lua_Integer n = (lua_Integer)lua_rawlen(L, snap);
  for (lua_Integer i = 1; i <= n; i++) {
    lua_rawgeti(L, snap, i);
    if (lua_rawgeti(L, -1, 1) == LUA_TTABLE) {
      lua_pop(L, 1);
      restore_table(L);
    } else {
      lua_pop(L, 1);
      restore_function(L);
    }
    lua_pop(L, 1);
  }
  return 0;
}

/* ps_lua_snapshot — see lua_reset.h */
int ps_lua_snapshot(lua_State *L, int nroots, long *recorded) {
  lua_pushcfunction(L, snapshot);
  lua_insert(L, -nroots - 1);
  int status = lua_pcall(L, nroots, 1, 0);
  if (status == LUA_OK && recorded) *recorded = (long)lua_tointeger(L, -1);
  lua_pop(L, 1);
  return status;
}

/* ps_lua_restore — see lua_reset.h */
int ps_lua_restore(lua_State *L) {
  lua_pushcfunction(L, restore);
  int status = lua_pcall(L, 0, 0, 0);
  if (status != LUA_OK) lua_pop(L, 1);
  return status;
}
