/* overrides.h — `--set KEY=VALUE`: change any scenario field by its path
** before validation, e.g. pools.fund.initial=2.5e8, segments.startup.pd=0.05,
** programmes.kechuang.share.fund=0.5, pools.fund.topups.13=3e7, paths=5000.
** In a list (parties, pools, segments, programmes) a path step is an item's id.
** VALUE is a number when it reads as one, true/false, nil (the field removed),
** otherwise a string. */
#ifndef PS_OVERRIDES_H
#define PS_OVERRIDES_H

#include <lua.h>
#include <stddef.h>

#include "poolsim/poolsim.h"

/* Apply every override to the scenario table at idx. PS_OK, or PS_EINPUT with
** a message naming the --set when a step of its path does not exist. */
int ps_overrides_apply(lua_State *L, int idx, const ps_override *sets, int nsets, char *err, size_t errlen);

/* the number at `key` (the same paths as --set) in the scenario table at idx;
** PS_OK, or PS_EINPUT naming the key */
int ps_overrides_get(lua_State *L, int idx, const char *key, double *out, char *err, size_t errlen);

/* push one string: every key --set can change in the scenario table at idx, as
** the file (and the overrides) wrote it, sorted, one a line (functions left out) */
void ps_overrides_keys(lua_State *L, int idx);

/* the override that set field `field` of item `id` in `list` (list and id NULL:
** a scenario field), or NULL */
const ps_override *ps_override_find(const ps_override *sets, int nsets, const char *list, const char *id,
                                    const char *field);

#endif
