/* bridges.h — the bridge-loan funds (应急转贷) of a path: segments of kind
** "bridge" and their lender pools (SPEC 2.3b, docs/model.md, docs/rules.md).
** Below path.c, above claims.c (whose draws of amounts and LGDs it uses). */
#ifndef PS_BRIDGES_H
#define PS_BRIDGES_H

#include <stdint.h>

#include "sim/path_state.h"

/* ps_bridges_period — serve period t's requests in segment order while the lender pools have the
** cash-days (balance x days of the period; a bridge uses amount x days and cannot exceed the
** balance), decline the rest, draw the bridges the banks do not renew, take their amounts out of
** the pools and book their recoveries, and receive the fees of the bridges repaid. PS_OK, PS_EINPUT
** (the ledger refused a posting for overflow) or PS_ERUNTIME. */
int ps_bridges_period(ps_path *w, int t);

/* ps_bridges_recover — the recoveries on unrepaid bridges due in period t; PS_OK or PS_EINPUT (the
** ledger refused a posting for overflow) */
int ps_bridges_recover(ps_path *w, int t);

#endif
