/* lua_reset.h — put a sandboxed state back as it was, so one state can serve
** many paths: every table and Lua function reachable from some roots (through
** keys, values, metatables and upvalues) is recorded once, and each restore
** gives those tables back exactly their recorded fields and metatables, and
** those functions their recorded upvalues. What a hook made since (new tables,
** closures) is unreachable afterwards. C functions are not recorded: Lua code
** cannot change their upvalues (there is no debug library). */
#ifndef PS_LUA_RESET_H
#define PS_LUA_RESET_H

#include <lua.h>

/* ps_lua_snapshot — record every table and Lua function (with upvalues) reachable from the
** `nroots` values on the stack top (popped; a string or userdata root brings its metatable)
** into the registry, replacing the previous record; *recorded (if not NULL): how many
** tables and functions it holds (0: nothing the roots reach can change). LUA_OK, or
** LUA_ERRMEM */
int ps_lua_snapshot(lua_State *L, int nroots, long *recorded);

/* ps_lua_restore — give the recorded tables back their fields and metatables and the
** recorded functions their upvalues; LUA_OK, or LUA_ERRMEM */
int ps_lua_restore(lua_State *L);

#endif
