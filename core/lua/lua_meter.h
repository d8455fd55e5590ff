/* lua_meter.h — the budgets of a sandboxed state: the bottom of core/lua/.
**
** A state made here has a memory budget (its allocator refuses past it) and an
** instruction budget, re-armed before every entry from C and spent by a count
** hook, by every allocation, and by the library calls charged below; the hook
** keeps raising once it is spent, so a script's own pcall cannot swallow it.
**
** The count hook sees only Lua instructions, but one call of a string, table or
** utf8 function (or load, print) works in proportion to its operands: a loop
** around s:upper() on a long string runs for hours within the budget, and a
** single s:find(".-.-.-x") can backtrack for as long. Each such function is
** replaced by a wrapper that charges the budget, before the call, the bytes and
** items it is given (and a pattern search its worst case), then the bytes it
** returns: one instruction per PS_LUA_BYTES_PER_INSTRUCTION, plus a few for the
** call itself. Allocations are charged by the allocator.
**
** Layering of core/lua/ (a file calls only those to its left):
**   lua_meter.c (this), lua_poolsim.c (the `poolsim` helpers)
**   <- lua_env.c (the sandbox) <- ctx.c (policy hooks' ctx), script.c (drivers) */
#ifndef PS_LUA_METER_H
#define PS_LUA_METER_H

#include <lua.h>
#include <stddef.h>

#define PS_LUA_BYTES_PER_INSTRUCTION 16.0

/* ps_lua_meter_new — a bare state (no libraries) that allocates at most memory_limit bytes and
** counts its instructions against a budget of 0 until ps_lua_set_budget; NULL
** when out of memory */
lua_State *ps_lua_meter_new(size_t memory_limit);
/* ps_lua_free — close a state made by ps_lua_meter_new (or ps_lua_new); NULL is fine */
void ps_lua_free(lua_State *L);

/* ps_lua_set_budget — allow `instructions` more VM instructions before the state raises an error */
void ps_lua_set_budget(lua_State *L, long long instructions);
/* ps_lua_charge — spend that many instructions of the budget on work done in C; raises
** "FILE:LINE: instruction budget exceeded (why)" at the calling script's line
** once it is spent (why NULL: the usual reason) */
void ps_lua_charge(lua_State *L, double instructions, const char *why);

/* ps_lua_meter_libraries — wrap the functions of the string, table and utf8 libraries and the globals
** load and print of the state (after they are opened) */
void ps_lua_meter_libraries(lua_State *L);

#endif
