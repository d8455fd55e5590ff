/* lua_reset.c — snapshot and restore of a state's shared tables (lua_reset.h).
** The snapshot is a sequence in the registry of {table, copy, metatable or nil, number of fields}. */
#include "lua/lua_reset.h"

#include <lauxlib.h>

#define SNAPSHOT_KEY "poolsim.snapshot"

/* queue the table at idx unless seen (seen: table -> true, todo: a sequence) */
static void queue(lua_State *L, int seen, int todo, lua_Integer *ntodo, int idx) {
  idx = lua_absindex(L, idx);
  if (!lua_istable(L, idx)) return;
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

/* queue the metatable of the value at idx, if any */
static void queue_metatable(lua_State *L, int seen, int todo, lua_Integer *ntodo, int idx) {
  if (!lua_getmetatable(L, idx)) return;
  queue(L, seen, todo, ntodo, -1);
  lua_pop(L, 1);
}

/* argument 1: the extra root (or nil) */
static int snapshot(lua_State *L) {
  lua_settop(L, 1);
  lua_newtable(L); /* 2: seen */
  lua_newtable(L); /* 3: todo */
  lua_newtable(L); /* 4: the snapshot */
  int seen = 2, todo = 3, snap = 4;
  lua_Integer ntodo = 0, nsnap = 0;
  lua_pushglobaltable(L);
  queue(L, seen, todo, &ntodo, -1);
  lua_pop(L, 1);
  lua_pushliteral(L, "");
  queue_metatable(L, seen, todo, &ntodo, -1);
  lua_pop(L, 1);
  queue(L, seen, todo, &ntodo, 1);
  queue_metatable(L, seen, todo, &ntodo, 1);
  while (ntodo > 0) {
    lua_rawgeti(L, todo, ntodo);
    lua_pushnil(L);
    lua_rawseti(L, todo, ntodo--);
    int t = lua_gettop(L);
    lua_createtable(L, 3, 0); /* the triple */
    lua_pushvalue(L, t);
    lua_rawseti(L, -2, 1);
    lua_newtable(L); /* the copy */
    lua_Integer fields = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
      queue(L, seen, todo, &ntodo, -2);
      queue(L, seen, todo, &ntodo, -1);
      if (!lua_istable(L, -1)) queue_metatable(L, seen, todo, &ntodo, -1);
      lua_pushvalue(L, -2);
      lua_insert(L, -2);
      lua_rawset(L, -4);
      fields++;
    }
    lua_rawseti(L, -2, 2);
    lua_pushinteger(L, fields);
    lua_rawseti(L, -2, 4);
    if (lua_getmetatable(L, t)) {
      queue(L, seen, todo, &ntodo, -1);
      lua_rawseti(L, -2, 3);
    }
    lua_rawseti(L, snap, ++nsnap);
    lua_pop(L, 1);
  }
  lua_setfield(L, LUA_REGISTRYINDEX, SNAPSHOT_KEY);
  return 0;
}

/* one pass over each table: fields the copy lacks removed, changed ones put back (both allowed
** during lua_next); a second pass over the copy only when some of its fields went missing */
static int restore(lua_State *L) {
  lua_getfield(L, LUA_REGISTRYINDEX, SNAPSHOT_KEY);
  int snap = lua_gettop(L);
  lua_Integer n = (lua_Integer)lua_rawlen(L, snap);
  for (lua_Integer i = 1; i <= n; i++) {
    lua_rawgeti(L, snap, i);
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
    lua_pop(L, 3);
  }
  return 0;
}

/* ps_lua_snapshot — see lua_reset.h */
int ps_lua_snapshot(lua_State *L) {
  lua_pushcfunction(L, snapshot);
  lua_insert(L, -2);
  int status = lua_pcall(L, 1, 0, 0);
  if (status != LUA_OK) lua_pop(L, 1);
  return status;
}

/* ps_lua_restore — see lua_reset.h */
int ps_lua_restore(lua_State *L) {
  lua_pushcfunction(L, restore);
  int status = lua_pcall(L, 0, 0, 0);
  if (status != LUA_OK) lua_pop(L, 1);
  return status;
}
