/* lua_meter.h — the sandbox's library calls charged to its instruction budget.
**
** The count hook sees only Lua instructions, but one call of a string, table or
** utf8 function (or load, print) works in proportion to its operands: a loop
** around s:upper() on a long string runs for hours within the budget, and a
** single s:find(".-.-.-x") can backtrack for as long. Each such function is
** replaced by a wrapper that charges the budget, before the call, the bytes and
** items it is given (and a pattern search its worst case), then the bytes it
** returns: one instruction per PS_LUA_BYTES_PER_INSTRUCTION, plus a few for the
** call itself. (Allocations are charged by the allocator, core/lua_env.c.) */
#ifndef PS_LUA_METER_H
#define PS_LUA_METER_H

#include <lua.h>

#define PS_LUA_BYTES_PER_INSTRUCTION 16.0

/* wrap the functions of the string, table and utf8 libraries and the globals
** load and print of the state (after they are opened) */
void ps_lua_meter_libraries(lua_State *L);

#endif
