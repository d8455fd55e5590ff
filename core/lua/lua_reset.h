/* lua_reset.h — put a sandboxed state back as it was, so one state can serve
** many paths: every table reachable from some roots (the globals, the string
** metatable, a userdata's metatable) is copied once, and each restore gives
** those tables back exactly their copied fields and metatables. What a hook
** made since (new tables, closures, upvalues) is unreachable afterwards: the
** scenario chunk, run again, makes fresh ones. */
#ifndef PS_LUA_RESET_H
#define PS_LUA_RESET_H

#include <lua.h>

/* ps_lua_snapshot — copy every table reachable (through keys, values and
** metatables) from the globals, the string metatable and the value on the stack
** top (popped; nil for none) into the registry; LUA_OK, or LUA_ERRMEM */
int ps_lua_snapshot(lua_State *L);

/* ps_lua_restore — give the snapshot's tables back their copied fields and
** metatables; LUA_OK, or LUA_ERRMEM */
int ps_lua_restore(lua_State *L);

#endif
