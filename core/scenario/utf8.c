/* utf8.c — checking that text is UTF-8. */
#include "scenario/utf8.h"

int ps_utf8_lead(unsigned c, unsigned *lo, unsigned *hi) {
  *lo = 0x80, *hi = 0xBF;
  if (c < 0x80) return 0;
  if (c >= 0xC2 && c <= 0xDF) return 1;
  if (c >= 0xE0 && c <= 0xEF) {
    if (c == 0xE0) *lo = 0xA0; /* overlong */
    if (c == 0xED) *hi = 0x9F; /* surrogates */
    return 2;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (c == 0xF0) *lo = 0x90; /* overlong */
    if (c == 0xF4) *hi = 0x8F; /* above U+10FFFF */
    return 3;
  }
  return -1;
}

long ps_utf8_invalid(const char *s, size_t n) {
  const unsigned char *b = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    unsigned lo, hi;
    int need = ps_utf8_lead(b[i], &lo, &hi);
    if (need < 0) return (long)i;
    for (int k = 1; k <= need; k++, lo = 0x80, hi = 0xBF)
      if (i + (size_t)k >= n || b[i + k] < lo || b[i + k] > hi) return (long)i;
    i += (size_t)need + 1;
  }
  return -1;
}
