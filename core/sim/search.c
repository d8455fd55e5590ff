/* search.c — bisection on a path's initial balance with common random numbers. */
#include "sim/search.h"

#include <math.h>
#include <stdio.h>

#define MAX_BALANCE 1e17 /* fen: past this the pool is not what is short */

/* does the path run short with this initial balance (or serve less than `serve` of its bridge
** requests)? The answer in *is_short; ps_path_run's PS_OK / PS_EINPUT / PS_ERUNTIME */
static int runs_short(ps_path *probe, int64_t *initial, int pool, double serve, int64_t balance, uint64_t seed,
                      long index, ps_policy *policy, int *is_short, char *err, size_t errlen) {
  initial[pool] = balance;
  int rc = ps_path_run(probe, seed, index, policy, NULL, err, errlen);
  if (rc == PS_OK)
    *is_short = ps_path_depleted(probe, pool) || (serve > 0 && ps_path_served_share(probe, pool) < serve);
  return rc;
}

/* ps_search_required — find path `index`'s smallest initial balance (fen) of `pool` that never runs
** short, to within max(1 yuan, 1e-4 of it), starting from the guess (fen); PS_OK, PS_EINPUT (a hook
** failed) or PS_ERUNTIME, with a message */
int ps_search_required(ps_path *probe, int64_t *initial, int pool, int short_there, double serve, uint64_t seed,
                       long index, ps_policy *policy, double guess, double *required, char *err, size_t errlen) {
  int64_t keep = initial[pool], lo = 0, hi = keep;
  int rc = PS_OK, is_short = 1;
  if (short_there) { /* above the balance it ran with: double until it lasts */
    lo = keep;
    hi = (int64_t)ceil(fmax(guess, 2 * (double)keep));
    if (hi < 100) hi = 100;
  } else if (!(rc = runs_short(probe, initial, pool, serve, 0, seed, index, policy, &is_short, err, errlen)) && !is_short) {
    hi = 0; /* it never needs any money */
  }
  while (short_there && rc == PS_OK && is_short) {
    if ((rc = runs_short(probe, initial, pool, serve, hi, seed, index, policy, &is_short, err, errlen)) || !is_short) break;
    lo = hi;
    if ((double)hi > MAX_BALANCE / 2) {
      snprintf(err, errlen, "path %ld: pool '%s' still runs short with %.0f yuan: a rule keeps draining it", index,
               ps_path_model(probe)->pools[pool].id, (double)hi / 100);
      rc = PS_ERUNTIME;
      break;
    }
    hi *= 2;
  }
  while (rc == PS_OK && hi > 0 && (double)(hi - lo) > fmax(100, 1e-4 * (double)hi)) {
    int64_t mid = lo + (hi - lo) / 2;
    if ((rc = runs_short(probe, initial, pool, serve, mid, seed, index, policy, &is_short, err, errlen))) break;
    if (is_short) lo = mid;
    else hi = mid;
  }
  initial[pool] = keep;
  if (rc) return rc;
  *required = (double)hi;
  return PS_OK;
}
