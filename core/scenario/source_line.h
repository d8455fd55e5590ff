/* source_line.h — find where in a scenario's text a field was written, so that
** validation messages can say FILE:LINE even though Lua keeps no line numbers
** for table constructors. */
#ifndef PS_SOURCE_LINE_H
#define PS_SOURCE_LINE_H

/* The line of `field = ...` inside the item written with `id = "id"` in src —
** the occurrence-th such item (1-based; items are numbered in the order the
** scenario lists them, which is normally the order they are written). id NULL:
** a field of the scenario itself, searched from scenario_line on. Falls back to
** the item's line, then to scenario_line (then 1). Comments and strings are
** never taken for code. */
int ps_source_line(const char *src, int scenario_line, const char *id, int occurrence, const char *field);

/* the word of words[] (NULL-terminated) closest to `word` by edit distance, or
** NULL when none is close enough to be a likely typo */
const char *ps_closest_word(const char *word, const char *const *words);

#endif
