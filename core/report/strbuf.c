/* strbuf.c — the growing string of report builders. */
#include "report/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ps_strbuf_put — appends n bytes of s (strbuf.h) */
void ps_strbuf_put(ps_strbuf *b, const char *s, size_t n) {
  if (b->oom) return;
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + n + 1) cap *= 2;
    char *p = realloc(b->s, cap);
    if (!p) {
      b->oom = 1;
      return;
    }
    b->s = p;
    b->cap = cap;
  }
  memcpy(b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = '\0';
}

/* ps_strbuf_puts — appends the string s */
void ps_strbuf_puts(ps_strbuf *b, const char *s) { ps_strbuf_put(b, s, strlen(s)); }

/* ps_strbuf_printf — appends printf-formatted text */
void ps_strbuf_printf(ps_strbuf *b, const char *fmt, ...) {
  char small[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) {
    b->oom = 1;
    return;
  }
  if ((size_t)n < sizeof small) {
    ps_strbuf_put(b, small, (size_t)n);
    return;
  }
  char *big = malloc((size_t)n + 1);
  if (!big) {
    b->oom = 1;
    return;
  }
  va_start(ap, fmt);
  vsnprintf(big, (size_t)n + 1, fmt, ap);
  va_end(ap);
  ps_strbuf_put(b, big, (size_t)n);
  free(big);
}

char *ps_strbuf_finish(ps_strbuf *b) {
  if (!b->oom && !b->s && !(b->s = calloc(1, 1))) b->oom = 1; /* nothing written: "" */
  if (b->oom) {
    free(b->s);
    b->s = NULL;
    return NULL;
  }
  return b->s;
}

/* ps_display_width — the columns UTF-8 text s takes on a terminal: CJK characters take two */
int ps_display_width(const char *s) {
  int w = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p;) {
    unsigned cp = *p;
    int len = cp < 0x80 ? 1 : cp < 0xe0 ? 2 : cp < 0xf0 ? 3 : 4;
    if (len == 2) cp = (cp & 0x1f) << 6 | (p[1] & 0x3f);
    else if (len == 3) cp = (cp & 0x0f) << 12 | (p[1] & 0x3f) << 6 | (p[2] & 0x3f);
    w += cp >= 0x2e80 ? 2 : 1;
    for (int i = 0; i < len && *p; i++) p++;
  }
  return w;
}

/* ps_strbuf_column — s in a column of `width` display columns, right- or left-aligned */
void ps_strbuf_column(ps_strbuf *b, const char *s, int width, int right) {
  int pad = width - ps_display_width(s);
  if (right) ps_strbuf_printf(b, "%*s%s", pad > 0 ? pad : 0, "", s);
  else ps_strbuf_printf(b, "%s%*s", s, pad > 0 ? pad : 0, "");
}
