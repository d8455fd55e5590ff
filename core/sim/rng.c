/* rng.c — xoshiro256** as a GSL generator type, and per-path stream keys. */
#include "sim/rng.h"

/* splitmix64 finaliser: a bijective mix of 64 bits */
static uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/* fill the state with splitmix64's sequence from the key (never all zero) */
static void xo_set(void *vstate, unsigned long key) {
  ps_xoshiro_state *st = vstate;
  uint64_t x = (uint64_t)key;
  for (int i = 0; i < 4; i++) {
    x += 0x9e3779b97f4a7c15ULL;
    st->s[i] = mix64(x);
  }
}

/* GSL expects integers in [min, max]; hand it the high 32 bits */
static unsigned long xo_get(void *vstate) { return (unsigned long)(ps_xoshiro_next(vstate) >> 32); }

/* 53 random bits in [0, 1) */
static double xo_get_double(void *vstate) {
  return (double)(ps_xoshiro_next(vstate) >> 11) * 0x1.0p-53;
}

static const gsl_rng_type xoshiro_type = {
    "xoshiro256**", 0xffffffffUL, 0, sizeof(ps_xoshiro_state), xo_set, xo_get, xo_get_double};

const gsl_rng_type *ps_rng_xoshiro256ss = &xoshiro_type;

gsl_rng *ps_rng_new(void) { return gsl_rng_alloc(ps_rng_xoshiro256ss); }

/* ps_rng_stream_key — the 64-bit key for (seed, path, purpose): splitmix64 finalisers chained */
uint64_t ps_rng_stream_key(uint64_t seed, uint64_t path, ps_stream purpose) {
  uint64_t k = mix64(seed + 0x9e3779b97f4a7c15ULL);
  k = mix64(k ^ (path + 0x632be59bd9b4e019ULL));
  return mix64(k ^ ((uint64_t)purpose + 0xd1b54a32d192ed03ULL));
}

/* ps_rng_seed_stream — position r at the start of the stream for (seed, path, purpose) */
void ps_rng_seed_stream(gsl_rng *r, uint64_t seed, uint64_t path, ps_stream purpose) {
  gsl_rng_set(r, (unsigned long)ps_rng_stream_key(seed, path, purpose));
}
