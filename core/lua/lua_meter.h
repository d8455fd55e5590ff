/* lua_meter.h — the budgets of a sandboxed state: the bottom of core/lua/.
**
** A state made here has a memory budget (its allocator refuses past it, and
** refuses any string of PS_LUA_STRING_LIMIT or more: one == or < on strings is
** a single instruction) and an instruction budget, re-armed before every entry
** from C and spent by a count hook, by every allocation, and by the library
** calls charged below; the hook also watches an optional wall-clock deadline
** and an interrupt. Once any of them is spent the state is stopped: the hook
** raises at every instruction, and the sandbox's pcall and xpcall (made here)
** pass the error on and skip xpcall's handler, so nothing the script does can
** keep it running (issue 14).
**
** The count hook sees only Lua instructions, but one call of a string, table or
** utf8 function (or load, print, tonumber, rawequal) works in proportion to its operands: a loop
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
#define PS_LUA_STRING_LIMIT ((size_t)16 << 20) /* a state makes only strings shorter than this */

/* why a state stopped: once one of its budgets is spent, nothing in it runs
** again until ps_lua_set_budget (the count hook raises at every instruction,
** pcall and xpcall pass the error on, xpcall's handler is skipped) */
enum {
  PS_LUA_RUNNING,
  PS_LUA_OVER_BUDGET,     /* the instruction budget is spent */
  PS_LUA_OVER_TIME,       /* past the deadline */
  PS_LUA_INTERRUPTED,     /* the program was asked to stop (ps_lua_set_interrupt) */
  PS_LUA_OUT_OF_MEMORY,   /* a memory error reached pcall, or C */
  PS_LUA_STRING_TOO_LONG  /* a string longer than PS_LUA_STRING_LIMIT was refused */
};

/* ps_lua_meter_new — a bare state (no libraries) that allocates at most memory_limit bytes and
** counts its instructions against a budget of 0 until ps_lua_set_budget; NULL
** when out of memory */
lua_State *ps_lua_meter_new(size_t memory_limit);
/* ps_lua_free — close a state made by ps_lua_meter_new (or ps_lua_new); NULL is fine */
void ps_lua_free(lua_State *L);

/* ps_lua_set_budget — allow `instructions` more VM instructions before the state raises an error;
** clears the deadline and the stop */
void ps_lua_set_budget(lua_State *L, long long instructions);
/* ps_lua_set_deadline — also stop the state `seconds` of wall-clock time from now (checked
** every thousand instructions; until the next ps_lua_set_budget) */
void ps_lua_set_deadline(lua_State *L, double seconds);
/* ps_lua_set_interrupt — also stop the state once interrupted() returns nonzero (checked every
** thousand instructions); NULL: never */
void ps_lua_set_interrupt(lua_State *L, int (*interrupted)(void));
/* ps_lua_stopped — why the state stopped since its budget was last set: a PS_LUA_* reason */
int ps_lua_stopped(lua_State *L);
/* ps_lua_charge — spend that many instructions of the budget on work done in C; raises
** "FILE:LINE: instruction budget exceeded (why)" at the calling script's line
** once it is spent (why NULL: the usual reason) */
void ps_lua_charge(lua_State *L, double instructions, const char *why);

/* ps_lua_note_effect — count a call whose effect reaches outside the state (a draw of math.random,
** a print): running the same code again would not give the same; ps_lua_effects — how many so far */
void ps_lua_note_effect(lua_State *L);
unsigned long ps_lua_effects(lua_State *L);

/* ps_lua_meter_libraries — wrap the functions of the string, table and utf8 libraries and the globals
** load, print, tonumber and rawequal of the state (after they are opened), and replace pcall
** and xpcall by ones that cannot catch a stop */
void ps_lua_meter_libraries(lua_State *L);

#endif
