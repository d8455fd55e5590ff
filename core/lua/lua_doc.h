/* lua_doc.h — a document walk (report/doc.h) as Lua tables: what the drivers'
** poolsim.run / size / sweep / compare return, built from the C values. */
#ifndef PS_LUA_DOC_H
#define PS_LUA_DOC_H

#include <lua.h>

#include "report/doc.h"

/* ps_lua_push_doc — push the document walk makes of value: objects as tables
** keyed by member name, arrays as lists, numbers as floats with the value the
** JSON text gives (a number that is not finite, JSON's null, as nil), strings,
** booleans: the same tables the document's JSON parses to. Raises a Lua error
** when memory runs out. */
void ps_lua_push_doc(lua_State *L, ps_doc_walk *walk, const void *value);

#endif
