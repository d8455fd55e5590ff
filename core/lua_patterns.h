/* lua_patterns.h — pattern matching the instruction budget cannot stop.
**
** string.find/match/gmatch/gsub run Lua's matcher in C, where the count hook
** never fires, and a pattern with several repetitions backtracks in
** polynomial time: ("a"):rep(3000):find(".-.-.-.-.-.-b") runs for hours. The
** sandbox wraps them: each call spends its worst case in matcher steps from
** the instruction budget (a step costs about one VM instruction), before it
** starts, so a call the budget cannot cover never runs. */
#ifndef PS_LUA_PATTERNS_H
#define PS_LUA_PATTERNS_H

#include <lua.h>

/* replace string.find, match, gmatch and gsub in the state's string table
** (the one strings' metatable uses) with guarded versions; gmatch and gsub
** pay for matching at every position of the subject */
void ps_lua_guard_patterns(lua_State *L);

/* the matcher's worst case for a subject of len bytes, at every start
** position: (len + 1)^(r + 1) * 2^o for r repetitions (* + -) and o optional
** items (?) */
double ps_lua_pattern_cost(const char *pattern, size_t plen, size_t len);

#endif
