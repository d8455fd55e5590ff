/* rng.c — xoshiro256** as a GSL generator type, and per-path stream keys. */
#include "sim/rng.h"

typedef struct {
  uint64_t s[4];
} xoshiro_state;

/* splitmix64 finaliser: a bijective mix of 64 bits */
static uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t next(xoshiro_state *st) {
  uint64_t *s = st->s;
  const uint64_t result = rotl(s[1] * 5, 7) * 9;
  const uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return result;
}

/* fill the state with splitmix64's sequence from the key (never all zero) */
static void xo_set(void *vstate, unsigned long key) {
  xoshiro_state *st = vstate;
  uint64_t x = (uint64_t)key;
  for (int i = 0; i < 4; i++) {
    x += 0x9e3779b97f4a7c15ULL;
    st->s[i] = mix64(x);
  }
}

/* GSL expects integers in [min, max]; hand it the high 32 bits */
static unsigned long xo_get(void *vstate) { return (unsigned long)(next(vstate) >> 32); }

/* 53 random bits in [0, 1) */
static double xo_get_double(void *vstate) {
  return (double)(next(vstate) >> 11) * 0x1.0p-53;
}

static const gsl_rng_type xoshiro_type = {
    "xoshiro256**", 0xffffffffUL, 0, sizeof(xoshiro_state), xo_set, xo_get, xo_get_double};

const gsl_rng_type *ps_rng_xoshiro256ss = &xoshiro_type;

gsl_rng *ps_rng_new(void) { return gsl_rng_alloc(ps_rng_xoshiro256ss); }

/* ps_rng_uniform_int — gsl_rng_uniform_int(r, n) for a generator of ours (ps_rng_new), to the bit: GSL's
** rejection on the generator's 32-bit integers (k = x / (range / n) until k < n), without its calls
** through the type; n outside GSL's range (0, 2^32 - 1], or another type, is GSL's own (and its error) */
unsigned long ps_rng_uniform_int(gsl_rng *r, unsigned long n) {
  const unsigned long range = xoshiro_type.max - xoshiro_type.min;
  if (r->type != &xoshiro_type || n == 0 || n > range) return gsl_rng_uniform_int(r, n);
  unsigned long scale = range / n, k;
  do k = xo_get(r->state) / scale; /* min is 0 */
  while (k >= n);
  return k;
}

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
