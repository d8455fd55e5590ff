/* utf8.c — checking that text is UTF-8. */
#include "utf8.h"

long ps_utf8_invalid(const char *s, size_t n) {
  const unsigned char *b = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    unsigned c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    int need;
    unsigned lo = 0x80, hi = 0xBF; /* the range of the first continuation byte */
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      if (c == 0xE0) lo = 0xA0; /* overlong */
      if (c == 0xED) hi = 0x9F; /* surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      if (c == 0xF0) lo = 0x90; /* overlong */
      if (c == 0xF4) hi = 0x8F; /* above U+10FFFF */
    } else return (long)i;
    for (int k = 1; k <= need; k++, lo = 0x80, hi = 0xBF)
      if (i + (size_t)k >= n || b[i + k] < lo || b[i + k] > hi) return (long)i;
    i += (size_t)need + 1;
  }
  return -1;
}
