/* search.h — the required initial balance of one path when rules feed back on
** the pool's balance (hooks, refills, pool-floor triggers).
**
** Then the running-maximum shadow is exact only at the balance the path ran
** with, so the path is run again at other initial balances (the same random
** numbers every time: the path's own streams) and the smallest balance that
** does not run short is found by bisection. This assumes a path that does not
** run short with some balance does not with any larger one. */
#ifndef PS_SEARCH_H
#define PS_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "sim/path.h"
#include "sim/policy.h"

/* ps_search_required — find path `index`'s smallest initial balance (fen) of `pool` that never runs
** short, to within max(1 yuan, 1e-4 of it), starting from the guess (fen).
** The path already ran with initial[pool]; `short_there` says whether it ran
** short, so the search stays above or below that balance and agrees with the
** run there exactly. probe is a workspace made with `initial` as its balances:
** the search writes initial[pool] and restores it. serve in (0, 1]: the balance must also let the
** bridge funds lending from the pool serve at least that share of their requests
** (ps_path_served_share; `short_there` then counts a path that served less as short); 0: no
** such criterion. Returns PS_OK; PS_EINPUT when a hook of the scenario failed; PS_ERUNTIME
** otherwise; with a message. */
int ps_search_required(ps_path *probe, int64_t *initial, int pool, int short_there, double serve, uint64_t seed,
                       long index, ps_policy *policy, double guess, double *required, char *err, size_t errlen);

#endif
