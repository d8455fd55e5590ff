/* splitmix.h — deterministic pseudo-random numbers for the unit tests' data (SplitMix64), and
** bit-for-bit equality of doubles. */
#ifndef PS_TEST_SPLITMIX_H
#define PS_TEST_SPLITMIX_H

#include <stdint.h>
#include <string.h>

/* the next uint64 of the SplitMix64 sequence at *state */
static inline uint64_t next_u64(uint64_t *state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15u);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31);
}

/* a double in [0, 1) from the top 53 bits of the next uint64 */
static inline double uniform(uint64_t *state) { return (double)(next_u64(state) >> 11) * 0x1p-53; }

/* a and b are the same bits (so NaNs equal, -0 and 0 differ) */
static inline int same_bits(double a, double b) { return memcmp(&a, &b, sizeof a) == 0; }

#endif
