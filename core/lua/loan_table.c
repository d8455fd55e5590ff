/* loan_table.c — the `loan` table policy hooks receive (loan_table.h). */
#include "lua/loan_table.h"

#include <lauxlib.h>

/* the fields, in the order they are set */
static const char *const loan_keys[] = {"programme", "segment", "period", "age", "amount", "exposure", "lgd"};
#define NKEYS PS_LOAN_FIELDS
/* the slots from base: the keys, the ids, the reused table, its metatable */
#define IDS(lt) ((lt)->base + NKEYS)
#define TABLE(lt) ((lt)->base + NKEYS + 1)
#define META(lt) ((lt)->base + NKEYS + 2)
/* the upvalues of the metamethods: lt, the keys, the ids */
#define UP_KEY0 lua_upvalueindex(2)
#define UP_IDS lua_upvalueindex(NKEYS + 2)

#define EAGER_READS 1 /* a call that reads more fields than this: the next calls get the table filled (a read
                        ** through __index costs about what filling the table costs for two) */

/* push field i of loan (the ids table at ids), in the order of loan_keys */
static void push_field(lua_State *L, const ps_model *m, const ps_loan_view *loan, int i, int ids) {
  switch (i) {
  case 0: lua_rawgeti(L, ids, loan->programme + 1); break;
  case 1: lua_rawgeti(L, ids, m->nprogrammes + loan->segment + 1); break;
  case 2: lua_pushinteger(L, loan->period); break;
  case 3: lua_pushinteger(L, loan->age); break;
  case 4: lua_pushnumber(L, loan->amount); break;
  case 5: lua_pushnumber(L, loan->exposure); break;
  default: lua_pushnumber(L, loan->lgd); break;
  }
}

/* set the fields of loan in the table at t (an absolute index, or -3: the stack's top before the
** fill) with raw sets: the keys at key0, key0 + step, ... (step 1 on the stack, -1 among upvalues),
** the ids table at ids (spelt out: the loop over push_field costs a sixth more) */
static void fill(lua_State *L, int t, const ps_model *m, const ps_loan_view *loan, int key0, int step, int ids) {
  int k = key0;
  lua_pushvalue(L, k);
  lua_rawgeti(L, ids, loan->programme + 1);
  lua_rawset(L, t);
  lua_pushvalue(L, k += step);
  lua_rawgeti(L, ids, m->nprogrammes + loan->segment + 1);
  lua_rawset(L, t);
  lua_pushvalue(L, k += step);
  lua_pushinteger(L, loan->period);
  lua_rawset(L, t);
  lua_pushvalue(L, k += step);
  lua_pushinteger(L, loan->age);
  lua_rawset(L, t);
  lua_pushvalue(L, k += step);
  lua_pushnumber(L, loan->amount);
  lua_rawset(L, t);
  lua_pushvalue(L, k += step);
  lua_pushnumber(L, loan->exposure);
  lua_rawset(L, t);
  lua_pushvalue(L, k + step);
  lua_pushnumber(L, loan->lgd);
  lua_rawset(L, t);
}

/* which field the key at idx names, or -1: the keys are short strings, so Lua holds one copy of
** each, kept alive in lt's slots, and a key is one of them when it is the same object */
static int field_of(lua_State *L, const ps_loan_table *lt, int idx) {
  if (lua_type(L, idx) != LUA_TSTRING) return -1;
  const void *k = lua_topointer(L, idx);
  for (int i = 0; i < NKEYS; i++)
    if (k == lt->keys[i]) return i;
  return -1;
}

/* fill the reused table (argument 1) from a metamethod, if it is still empty */
static ps_loan_table *fill_lazily(lua_State *L) {
  ps_loan_table *lt = lua_touserdata(L, lua_upvalueindex(1));
  if (!lt->filled) {
    fill(L, 1, lt->m, lt->loan, UP_KEY0, -1, UP_IDS);
    lt->filled = 1;
  }
  return lt;
}

/* the fill for C code that reads the table (argument 1) raw, kept in the metatable under lt */
static int loan_fill(lua_State *L) {
  fill_lazily(L);
  return 0;
}

/* __index (t, k): while t is empty, the field k of the call's loan (nil for a key the loan has
** not), read from the loan, t left empty; once filled, nil (a key t has not, or one the hook
** cleared) */
static int loan_index(lua_State *L) {
  ps_loan_table *lt = lua_touserdata(L, lua_upvalueindex(1));
  int i = -1;
  if (!lt->filled) i = field_of(L, lt, 2), lt->reads++;
  if (i < 0) lua_pushnil(L);
  else push_field(L, lt->m, lt->loan, i, UP_IDS);
  return 1;
}

/* __newindex (t, k, v), for a key t has not: refuse the keys Lua refuses, with its messages; t
** filled if it was still empty (the write then replaces a field); a key t still has not is added,
** and noted */
static int loan_newindex(lua_State *L) {
  lua_settop(L, 3);
  if (lua_isnil(L, 2)) return luaL_error(L, "index is nil");
  if (lua_type(L, 2) == LUA_TNUMBER && lua_tonumber(L, 2) != lua_tonumber(L, 2)) return luaL_error(L, "index is NaN");
  ps_loan_table *lt = lua_touserdata(L, lua_upvalueindex(1));
  int was_filled = lt->filled;
  fill_lazily(L);
  lua_pushvalue(L, 2);
  if (was_filled || lua_rawget(L, 1) == LUA_TNIL) lt->grown = 1;
  lua_settop(L, 3);
  lua_rawset(L, 1);
  return 0;
}

/* a new empty reused table at TABLE(lt), with the metatable */
static void new_table(lua_State *L, ps_loan_table *lt) {
  lua_createtable(L, 0, NKEYS);
  lua_pushvalue(L, META(lt));
  lua_setmetatable(L, -2);
  lua_replace(L, TABLE(lt));
  lt->filled = lt->grown = lt->reads = 0;
}

/* ps_loan_table_open — see loan_table.h */
void ps_loan_table_open(lua_State *L, ps_loan_table *lt, const ps_model *m) {
  lt->m = m;
  lt->loan = NULL;
  lt->base = lua_gettop(L) + 1;
  for (int i = 0; i < NKEYS; i++) {
    lua_pushstring(L, loan_keys[i]);
    lt->keys[i] = lua_topointer(L, -1);
  }
  lua_createtable(L, m->nprogrammes + m->nsegments, 0); /* at IDS */
  for (int k = 0; k < m->nprogrammes; k++) {
    lua_pushstring(L, m->programmes[k].id);
    lua_rawseti(L, IDS(lt), k + 1);
  }
  for (int s = 0; s < m->nsegments; s++) {
    lua_pushstring(L, m->segments[s].id);
    lua_rawseti(L, IDS(lt), m->nprogrammes + s + 1);
  }
  lua_pushnil(L);             /* at TABLE, made below */
  lua_createtable(L, 0, 3);   /* at META */
  static const lua_CFunction methods[] = {loan_index, loan_newindex, loan_fill};
  for (int j = 0; j < 3; j++) {
    lua_pushlightuserdata(L, lt);
    for (int i = 0; i < NKEYS + 1; i++) lua_pushvalue(L, lt->base + i); /* the keys, the ids */
    lua_pushcclosure(L, methods[j], NKEYS + 2);
  }
  lua_rawsetp(L, META(lt), lt); /* loan_fill, which ps_loan_table_fill looks for */
  lua_setfield(L, META(lt), "__newindex");
  lua_setfield(L, META(lt), "__index");
  new_table(L, lt);
}

/* ps_loan_table_push — see loan_table.h */
void ps_loan_table_push(lua_State *L, ps_loan_table *lt, const ps_loan_view *loan, int bare) {
  if (!bare) {
    lua_createtable(L, 0, NKEYS);
    fill(L, -3, lt->m, loan, lt->base, 1, IDS(lt)); /* -3: the table, below each key and value */
    return;
  }
  lt->loan = loan;
  if (lt->filled || lt->reads > EAGER_READS) { /* every field set again */
    fill(L, TABLE(lt), lt->m, loan, lt->base, 1, IDS(lt));
    lt->filled = 1;
  }
  lt->reads = 0;
  lua_pushvalue(L, TABLE(lt));
}

/* ps_loan_table_after — see loan_table.h */
void ps_loan_table_after(lua_State *L, ps_loan_table *lt) {
  if (!lt->grown) return;
  lua_pushnil(L); /* the old table is dropped: without the metatable, nothing can fill it */
  lua_setmetatable(L, TABLE(lt));
  new_table(L, lt);
}

/* ps_loan_table_fill — see loan_table.h (called from any frame: the metatable is found through the
** value, and marked with lt) */
void ps_loan_table_fill(lua_State *L, ps_loan_table *lt, int idx) {
  if (lt->filled || lua_type(L, idx) != LUA_TTABLE) return;
  idx = lua_absindex(L, idx);
  if (!lua_getmetatable(L, idx)) return;
  if (lua_rawgetp(L, -1, lt) == LUA_TFUNCTION) { /* loan_fill */
    lua_pushvalue(L, idx);
    lua_call(L, 1, 0);
    lua_pop(L, 1);
  } else lua_pop(L, 2);
}
