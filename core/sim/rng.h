/* rng.h — per-path random streams.
**
** Every path draws from streams derived from (seed, path, purpose) only, never
** from a generator shared between paths or threads, so a path's numbers do not
** depend on which thread ran it or in what order. The generator is xoshiro256**
** (Blackman & Vigna) wrapped as a GSL generator type, so GSL's distributions
** (gsl_ran_binomial, gsl_ran_beta, ...) draw from it; its 256-bit state is filled
** by splitmix64 from a 64-bit key, which avoids the 32-bit seed collisions that
** GSL's built-in generators would have over many paths. */
#ifndef PS_RNG_H
#define PS_RNG_H

#include <gsl/gsl_rng.h>
#include <stdint.h>

/* what a stream is used for; separate streams keep the factor path of a path
** the same when a variant changes how many idiosyncratic draws it makes
** (common random numbers across sweeps and comparisons) */
typedef enum {
  PS_STREAM_FACTORS = 0, /* systemic factor innovations */
  PS_STREAM_DEFAULTS = 1, /* default counts, which loan, amounts, LGDs */
  PS_STREAM_POLICY = 2,   /* math.random inside Lua hooks */
  PS_STREAM_VOLUMES = 3,  /* poolsim.poisson volumes, one draw per segment and period (sim/volume.h) */
  PS_STREAM_PARAMS = 4,   /* poolsim.uncertain parameters, drawn once per path (sim/params.h) */
  PS_STREAM_BRIDGES = 5   /* bridge amounts, non-renewals and LGDs (sim/bridges.c) */
} ps_stream;

/* the GSL generator type "xoshiro256**" */
extern const gsl_rng_type *ps_rng_xoshiro256ss;

/* ps_rng_new — a new generator of our type, freed with gsl_rng_free (NULL when out of memory) */
gsl_rng *ps_rng_new(void);

/* the generator's state and step (Blackman & Vigna's xoshiro256**), here so that ps_rng_uniform_int
** inlines; rng.c makes them a GSL type */
typedef struct {
  uint64_t s[4];
} ps_xoshiro_state;

static inline uint64_t ps_xoshiro_rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint64_t ps_xoshiro_next(ps_xoshiro_state *st) {
  uint64_t *s = st->s;
  const uint64_t result = ps_xoshiro_rotl(s[1] * 5, 7) * 9;
  const uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = ps_xoshiro_rotl(s[3], 45);
  return result;
}

/* ps_rng_uniform_int — gsl_rng_uniform_int(r, n), the same integer in [0, n) from the same draws, for a
** generator of ps_rng_new's without GSL's calls through the type (inline: one a default): GSL's
** rejection on the generator's 32-bit integers, k = x / (range / n) until k < n, with range = max - min =
** 2^32 - 1. n outside GSL's range (0, 2^32 - 1], or another type, is GSL's own (and its error). */
static inline unsigned long ps_rng_uniform_int(gsl_rng *r, unsigned long n) {
  const unsigned long range = 0xffffffffUL;
  if (r->type != ps_rng_xoshiro256ss || n == 0 || n > range) return gsl_rng_uniform_int(r, n);
  /* every operand fits 32 bits here: the same quotients by the processor's shorter division */
  uint32_t scale = (uint32_t)range / (uint32_t)n, k;
  do k = (uint32_t)(ps_xoshiro_next(r->state) >> 32) / scale; /* xo_get's integer; min is 0 */
  while (k >= n);
  return k;
}

/* ps_rng_seed_stream — position r at the start of the stream for (seed, path, purpose) */
void ps_rng_seed_stream(gsl_rng *r, uint64_t seed, uint64_t path, ps_stream purpose);

/* ps_rng_stream_key — the 64-bit key for (seed, path, purpose): splitmix64 finalisers chained */
uint64_t ps_rng_stream_key(uint64_t seed, uint64_t path, ps_stream purpose);

#endif
