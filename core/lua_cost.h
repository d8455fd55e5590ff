/* lua_cost.h — library calls that run long in C, where the instruction
** budget's count hook never fires.
**
** string.find/match/gmatch/gsub run Lua's matcher, and a pattern with several
** repetitions backtracks in polynomial time: ("a"):rep(3000):find(".-.-.-.-.-.-b")
** runs for hours. table.sort without a Lua comparator sorts 30 million numbers
** (what the memory cap allows) in C. The sandbox wraps them: each call spends
** its worst case from the instruction budget before it starts (a matcher step
** or a comparison costs about one VM instruction), so a call the budget cannot
** cover never runs. */
#ifndef PS_LUA_COST_H
#define PS_LUA_COST_H

#include <lua.h>

/* replace string.find, match, gmatch and gsub in the state's string table
** (the one strings' metatable uses), and table.sort, with guarded versions;
** gmatch and gsub pay for matching at every position of the subject, sort
** n log2 n comparisons */
void ps_lua_guard_costly(lua_State *L);

/* the matcher's worst case for a subject of len bytes, at every start
** position: (len + 1)^(r + 1) * 2^o for r repetitions (* + -) and o optional
** items (?) */
double ps_lua_pattern_cost(const char *pattern, size_t plen, size_t len);

#endif
