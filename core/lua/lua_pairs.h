/* lua_pairs.h — `pairs` in a fixed order, for the sandbox (lua_env.c).
**
** Lua seeds its string hashes at random in each state, so the order in which the
** stock `pairs` (and `next`) visits string keys changes from run to run: a hook that
** sums amounts or pays parties in that order would give results that differ between
** two runs of the same seed. The sandbox's `pairs` visits a table's keys sorted:
** numbers (ascending), then strings (bytewise), then false and true, then any other
** keys in the order the table holds them. A table with a __pairs metamethod is
** iterated by it, as with the stock `pairs`. Sorting is charged to the instruction
** budget. */
#ifndef PS_LUA_PAIRS_H
#define PS_LUA_PAIRS_H

#include <lua.h>

/* ps_lua_open_pairs — replace the global `pairs` of L by the sorted one */
void ps_lua_open_pairs(lua_State *L);

#endif
