/* tornado_share.h — a tornado bar that moves a programme's share (programmes.ID.share.PAYER).
** Shares must stay a whole loss between them, so moving one alone would fail the scenario's
** validation after the runs before it: its partner balances it instead, and a value the
** others leave no room for is clipped; a share nothing can balance is refused before any
** path runs (docs/json-schema.md, tornado). */
#ifndef PS_TORNADO_SHARE_H
#define PS_TORNADO_SHARE_H

#include <stddef.h>

#include "scenario/model.h"

/* a share moved down and up: its values, the key of the payer that balances it (to free(); NULL:
** the key is not a share), whether that payer takes the "rest", its part of a loss at low and high,
** and whether low or high was clipped */
typedef struct {
  double low, high;
  char *partner;
  int partner_rest, clipped;
  double partner_low, partner_high;
} ps_share_move;

/* when key is a share of a programme of base, its value `value` moved down and up by `by`, clipped
** to the room the other shares leave, and its partner, into *b. PS_OK (also when the key is not a
** share: b->partner NULL), PS_EINPUT with a message when no single partner can balance the share,
** PS_ERUNTIME when out of memory */
int ps_tornado_share(const ps_model *base, const char *key, double value, double by, ps_share_move *b, char *err,
                     size_t errlen);

#endif
