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
