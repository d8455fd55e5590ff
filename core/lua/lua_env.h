/* lua_env.h — sandboxed Lua states for scenarios and policy hooks.
**
** A state opens only base (without dofile/loadfile, and with load limited to
** text chunks), string, table, math and utf8; print writes to stderr so it
** cannot corrupt JSON on stdout; math.random draws from a poolsim stream, never
** from the clock. Each state has a memory budget and an instruction budget
** re-armed before every entry from C (lua/lua_meter.h, included here, which
** also closes states and sets and charges the budget). The global `poolsim`
** holds the scenario helpers (lua/lua_poolsim.h, included here too). */
#ifndef PS_LUA_ENV_H
#define PS_LUA_ENV_H

#include <gsl/gsl_rng.h>
#include <lua.h>
#include <stddef.h>
#include <stdio.h>

#include "lua/lua_meter.h"
#include "lua/lua_poolsim.h"
#include "poolsim/poolsim.h"

#define PS_LUA_MEMORY_LIMIT ((size_t)512 << 20)    /* bytes per state */
#define PS_LUA_LOAD_INSTRUCTIONS 200000000LL      /* to evaluate a scenario file */
#define PS_LUA_HOOK_INSTRUCTIONS 10000000LL       /* per call of a policy hook */
/* wall-clock deadlines behind the instruction budgets (work the count does not
** see, such as comparing long strings), about 20 and 40 times what a plain loop
** takes to spend them, so that sanitizer builds on a busy machine stay within */
#define PS_LUA_LOAD_SECONDS 20.0
#define PS_LUA_HOOK_SECONDS 2.0

/* ps_lua_new — a new sandboxed state; random is the generator math.random
** reads, for the state's life. NULL when out of memory. ps_lua_free
** (lua/lua_meter.h) closes it. */
lua_State *ps_lua_new(gsl_rng *random);

/* ps_lua_run_scenario — run a scenario chunk (source text, chunk name "@file") and leave the table it
** returned on the stack. The chunk must return poolsim.scenario{...}. Returns PS_OK, or
** PS_EINPUT (the scenario's fault, its memory budget included) with a message beginning
** "FILE:LINE:" where Lua knows the line. */
int ps_lua_run_scenario(lua_State *L, const char *file, const char *src, size_t len,
                        char *err, size_t errlen);

/* ps_lua_compile — compile scenario source (text) to Lua bytecode once, so each path's fresh
** state can skip parsing it. The bytecode is poolsim's own, made from the text
** the user gave: it never comes from outside. malloc'd; NULL on a syntax error
** (the text path then reports it) or out of memory. */
char *ps_lua_compile(const char *file, const char *src, size_t len, size_t *outlen);

/* ps_lua_run_chunk — ps_lua_run_scenario for a chunk in `mode` ("t" for text, "b" for the bytecode of
** ps_lua_compile), the same codes, but without the check that every table is plain: for re-running a
** scenario already loaded, whose tables only Lua code under lua_pcall then reads (sim/policy.c) */
int ps_lua_run_chunk(lua_State *L, const char *file, const char *src, size_t len, const char *mode,
                     char *err, size_t errlen);

/* ps_lua_call_chunk — ps_lua_run_chunk for a chunk already loaded: the function on the stack top
** (popped), called again; the same codes */
int ps_lua_call_chunk(lua_State *L, const char *file, char *err, size_t errlen);

/* ps_lua_full_position — msg, a Lua error message, into out with the position at its start naming
** `file` in full: Lua shortens a chunk name "@file" longer than LUA_IDSIZE to "..." and its tail, so
** a message from a deeply placed file would lose the path a user needs to find it */
void ps_lua_full_position(const char *file, const char *msg, char *out, size_t n);

/* ps_lua_print — print(...)'s arguments, tab-separated, and a newline to f; returns 0 */
int ps_lua_print(lua_State *L, FILE *f);

/* ps_lua_pcall — lua_pcall with a traceback-free message handler that keeps "file:line:"; returns
** lua_pcall's status (LUA_OK, LUA_ERRRUN, ...), as Lua's own API does */
int ps_lua_pcall(lua_State *L, int nargs, int nresults);

/* ps_lua_push_message_handler — push ps_lua_pcall's message handler, for a caller that keeps it on
** the stack and calls lua_pcall with its index itself (many calls, each spared pushing it) */
void ps_lua_push_message_handler(lua_State *L);

#endif
