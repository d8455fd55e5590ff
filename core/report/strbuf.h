/* strbuf.h — a growing string for building reports in memory (they are then
** written to disk in one go). Out of memory sets `oom` and later calls do
** nothing, so a report checks once at the end. */
#ifndef PS_STRBUF_H
#define PS_STRBUF_H

#include <stddef.h>

typedef struct {
  char *s;       /* NUL-terminated; free() it */
  size_t len, cap;
  int oom;
} ps_strbuf;

void ps_strbuf_put(ps_strbuf *b, const char *s, size_t n);
void ps_strbuf_puts(ps_strbuf *b, const char *s);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void ps_strbuf_printf(ps_strbuf *b, const char *fmt, ...);
/* ps_strbuf_finish — the string built, to free() (an empty text is ""), or NULL when out of memory
** (b's string is then freed) */
char *ps_strbuf_finish(ps_strbuf *b);
/* ps_display_width — the columns UTF-8 text s takes on a terminal: CJK characters take two */
int ps_display_width(const char *s);
/* ps_strbuf_column — s in a column of `width` display columns, right- or left-aligned */
void ps_strbuf_column(ps_strbuf *b, const char *s, int width, int right);

#endif
