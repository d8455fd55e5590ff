/* lua_poolsim.h — the `poolsim` module scenarios see: poolsim.wan, yi,
** lognormal, beta, uniform, poisson, uncertain, tiered, csv and scenario, which build scenario values (and
** raise at the script's line when given bad ones), and poolsim.<name> for the
** Lua library modules compiled in from scripts/ (lua/scripts.h), loaded on
** first use. lua/lua_env.c opens it in every sandboxed state. */
#ifndef PS_LUA_POOLSIM_H
#define PS_LUA_POOLSIM_H

#include <lua.h>

/* ps_lua_open_poolsim — set the global `poolsim` and the registry of tables
** made by poolsim.scenario{...}; raises when out of memory (call it protected) */
void ps_lua_open_poolsim(lua_State *L);

/* ps_lua_is_scenario — 1 when the value at idx is a table poolsim.scenario{...}
** returned, else 0 */
int ps_lua_is_scenario(lua_State *L, int idx);

/* ps_lua_scenario_line — the line of the poolsim.scenario{...} call that built
** the table at idx (0 if unknown) */
int ps_lua_scenario_line(lua_State *L, int idx);

#endif
