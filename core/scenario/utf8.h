/* utf8.h — checking that text is UTF-8 (RFC 3629: no overlong forms, no
** surrogates, nothing above U+10FFFF). */
#ifndef PS_UTF8_H
#define PS_UTF8_H

#include <stddef.h>

/* what may follow lead byte c: the number of continuation bytes (0 for ASCII),
** or -1 when c cannot start a character; *lo..*hi is the range of the first
** continuation byte (the later ones are 0x80..0xBF) */
int ps_utf8_lead(unsigned c, unsigned *lo, unsigned *hi);

/* the offset of the first byte of s[0..n) that does not start or continue a
** valid UTF-8 character (for a character cut short: where it starts), or -1
** when all of it is UTF-8 */
long ps_utf8_invalid(const char *s, size_t n);

#endif
