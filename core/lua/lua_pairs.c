/* lua_pairs.c — `pairs` in a fixed order (lua_pairs.h). */
#include "lua/lua_pairs.h"

#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lua/lua_meter.h"

/* one key as the sort sees it: its rank of type, its value, where the table's own order put it */
typedef struct {
  int rank; /* 0 number, 1 string, 2 boolean, 3 anything else */
  double number;
  const char *string;
  size_t length;
  int boolean;
  lua_Integer integer;
  int is_integer;
  size_t at; /* 1-based place in the keys table, in next's order */
} key;

static int compare(const void *pa, const void *pb) {
  const key *a = pa, *b = pb;
  if (a->rank != b->rank) return a->rank < b->rank ? -1 : 1;
  switch (a->rank) {
  case 0:
    if (a->is_integer && b->is_integer) {
      if (a->integer != b->integer) return a->integer < b->integer ? -1 : 1;
    } else if (a->number != b->number) {
      return a->number < b->number ? -1 : 1;
    }
    break;
  case 1: {
    size_t n = a->length < b->length ? a->length : b->length;
    int c = memcmp(a->string, b->string, n);
    if (c) return c;
    if (a->length != b->length) return a->length < b->length ? -1 : 1;
    break;
  }
  case 2:
    if (a->boolean != b->boolean) return a->boolean < b->boolean ? -1 : 1;
    break;
  default: break;
  }
  return (a->at > b->at) - (a->at < b->at); /* ties (other keys): the table's order */
}

/* the iterator: upvalue 1 the sorted keys, upvalue 2 how many were visited; (t, _) -> k, t[k],
** skipping keys cleared during the loop */
static int sorted_next(lua_State *L) {
  lua_Integer i = lua_tointeger(L, lua_upvalueindex(2));
  lua_Integer n = (lua_Integer)lua_rawlen(L, lua_upvalueindex(1));
  while (i < n) {
    i++;
    lua_rawgeti(L, lua_upvalueindex(1), i); /* the key */
    lua_pushvalue(L, -1);
    lua_rawget(L, 1); /* its value now */
    if (!lua_isnil(L, -1)) {
      lua_pushinteger(L, i);
      lua_replace(L, lua_upvalueindex(2));
      return 2;
    }
    lua_pop(L, 2);
  }
  lua_pushinteger(L, n);
  lua_replace(L, lua_upvalueindex(2));
  return 0;
}

/* pairs(t): __pairs when t has one, else sorted_next over t's keys */
static int sorted_pairs(lua_State *L) {
  luaL_checkany(L, 1);
  if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
    lua_pushvalue(L, 1);
    lua_call(L, 1, 3);
    return 3;
  }
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_newtable(L); /* 2: the keys in next's order, then sorted */
  size_t n = 0;
  lua_pushnil(L);
  while (lua_next(L, 1)) {
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_rawseti(L, 2, (lua_Integer)(++n));
  }
  ps_lua_charge(L, (double)n * (log2((double)n + 1) + 4), "pairs");
  key *keys = lua_newuserdatauv(L, (n ? n : 1) * sizeof *keys, 0); /* 3: in the state's memory budget */
  for (size_t i = 0; i < n; i++) {
    key *k = &keys[i];
    memset(k, 0, sizeof *k);
    k->at = i + 1;
    lua_rawgeti(L, 2, (lua_Integer)i + 1);
    switch (lua_type(L, -1)) {
    case LUA_TNUMBER:
      k->rank = 0;
      k->is_integer = lua_isinteger(L, -1);
      if (k->is_integer) k->integer = lua_tointeger(L, -1);
      k->number = lua_tonumber(L, -1);
      break;
    case LUA_TSTRING:
      k->rank = 1;
      k->string = lua_tolstring(L, -1, &k->length); /* kept alive by the keys table */
      break;
    case LUA_TBOOLEAN:
      k->rank = 2;
      k->boolean = lua_toboolean(L, -1);
      break;
    default: k->rank = 3; break;
    }
    lua_pop(L, 1);
  }
  qsort(keys, n, sizeof *keys, compare);
  lua_createtable(L, (int)(n < 1u << 30 ? n : 0), 0); /* 4: the keys sorted */
  for (size_t i = 0; i < n; i++) {
    lua_rawgeti(L, 2, (lua_Integer)keys[i].at);
    lua_rawseti(L, 4, (lua_Integer)i + 1);
  }
  lua_pushinteger(L, 0);
  lua_pushcclosure(L, sorted_next, 2);
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  return 3;
}

/* ps_lua_open_pairs — see lua_pairs.h */
void ps_lua_open_pairs(lua_State *L) {
  lua_pushcfunction(L, sorted_pairs);
  lua_setglobal(L, "pairs");
}
