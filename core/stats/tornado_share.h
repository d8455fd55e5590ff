/* tornado_share.h — a tornado bar that moves a programme's share (programmes.ID.share.PAYER).
** Shares must stay a whole loss between them, so moving one alone would fail the scenario's
** validation after the runs before it: its partner balances it instead, and a value the
** others leave no room for is clipped; a share nothing can balance is refused before any
** path runs (docs/json-schema.md, tornado). */
#ifndef PS_TORNADO_SHARE_H
#define PS_TORNADO_SHARE_H

#include <stddef.h>

#include "scenario/model.h"
#include "stats/study.h"

/* when b->key is a share of a programme of base, set b->low and b->high to its base value moved
** down and up by `by`, clipped to the room the other shares leave, and its partner. PS_OK (also when the key is
** not a share), PS_EINPUT with a message when no single partner can balance the share,
** PS_ERUNTIME when out of memory */
int ps_tornado_share(const ps_model *base, double by, ps_tornado_bar *b, char *err, size_t errlen);

#endif
