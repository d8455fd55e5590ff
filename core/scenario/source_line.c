/* source_line.c — locate fields in scenario text; suggest names for typos. */
#include "scenario/source_line.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int is_ident(int c) { return isalnum(c) || c == '_'; }

static int line_at(const char *src, const char *p) {
  int line = 1;
  for (const char *q = src; q < p; q++) line += *q == '\n';
  return line;
}

static const char *start_of_line(const char *src, int line) {
  const char *p = src;
  for (int l = 1; l < line && *p; p++) l += *p == '\n';
  return p;
}

/* the level of a long bracket [==[ at p (number of '='), or -1 if none */
static int long_bracket(const char *p) {
  if (*p != '[') return -1;
  int level = 0;
  while (p[1 + level] == '=') level++;
  return p[1 + level] == '[' ? level : -1;
}

/* skip past the closing ]==] of a long bracket of this level opened before p */
static const char *skip_long(const char *p, int level) {
  for (; *p; p++) {
    if (*p != ']') continue;
    int l = 0;
    while (p[1 + l] == '=') l++;
    if (l == level && p[1 + l] == ']') return p + 2 + l;
  }
  return p;
}

/* mask[i] = 1 where src[i] is code, 0 inside comments and strings */
static char *code_mask(const char *src) {
  size_t n = strlen(src);
  char *mask = malloc(n + 1);
  if (!mask) return NULL;
  memset(mask, 1, n + 1);
  const char *p = src;
  while (*p) {
    const char *from = p;
    int level;
    if (p[0] == '-' && p[1] == '-') {
      level = long_bracket(p + 2);
      if (level >= 0) p = skip_long(p + 4 + level, level);
      else while (*p && *p != '\n') p++;
    } else if ((level = long_bracket(p)) >= 0) {
      p = skip_long(p + 2 + level, level);
    } else if (*p == '"' || *p == '\'') {
      char q = *p++;
      while (*p && *p != q && *p != '\n') p += (p[0] == '\\' && p[1]) ? 2 : 1;
      if (*p == q) p++;
    } else {
      p++;
      continue;
    }
    memset(mask + (from - src), 0, (size_t)(p - from));
  }
  return mask;
}

/* next place at or after p where `name` stands as a word of code followed by
** `=` (not `==`); with want_value, the `=` must be followed by that quoted
** string. Returns the match or NULL. */
static const char *find_assignment(const char *src, const char *mask, const char *p, const char *name,
                                   const char *want_value) {
  size_t n = strlen(name);
  for (const char *q = strstr(p, name); q; q = strstr(q + 1, name)) {
    if (!mask[q - src]) continue;
    if (q > src && is_ident((unsigned char)q[-1])) continue;
    const char *r = q + n;
    if (is_ident((unsigned char)*r)) continue;
    while (*r == ' ' || *r == '\t') r++;
    if (r[0] != '=' || r[1] == '=') continue;
    if (!want_value) return q;
    r++;
    while (*r == ' ' || *r == '\t') r++;
    if (*r != '"' && *r != '\'') continue;
    size_t m = strlen(want_value);
    if (strncmp(r + 1, want_value, m) == 0 && r[1 + m] == r[0]) return q;
  }
  return NULL;
}

/* the first `field =` directly inside the table whose `{` is the first on
** line `line` (not in a table nested in it), or NULL */
static const char *find_own_field(const char *src, const char *mask, int line, const char *field) {
  const char *p = start_of_line(src, line);
  int depth = 0, opened = 0;
  for (const char *f = find_assignment(src, mask, p, field, NULL); f; f = find_assignment(src, mask, f + 1, field, NULL)) {
    for (; p < f; p++) {
      if (!mask[p - src]) continue;
      if (*p == '{') depth++, opened = 1;
      else if (*p == '}' && --depth == 0 && opened) return NULL; /* the table ended */
    }
    if (depth == 1) return f;
  }
  return NULL;
}

static int locate(const char *src, const char *mask, int fallback, const char *id, int occurrence,
                  const char *field) {
  if (!id) {
    if (!field) return fallback;
    const char *f = find_own_field(src, mask, fallback, field);
    return f ? line_at(src, f) : fallback;
  }
  const char *item = find_assignment(src, mask, src, "id", id);
  for (int k = 1; item && k < occurrence; k++) {
    const char *next = find_assignment(src, mask, item + 2, "id", id);
    if (!next) break; /* written fewer times than listed (built in a loop): keep the last */
    item = next;
  }
  if (!item) return fallback;
  int item_line = line_at(src, item);
  if (!field || strcmp(field, "id") == 0) return item_line;
  /* search the item's text: from its line to the next item's id */
  const char *from = start_of_line(src, item_line);
  const char *next_item = find_assignment(src, mask, item + 2, "id", NULL);
  const char *f = find_assignment(src, mask, from, field, NULL);
  if (f && (!next_item || f < next_item)) return line_at(src, f);
  return item_line;
}

int ps_source_line(const char *src, int scenario_line, const char *id, int occurrence, const char *field) {
  int fallback = scenario_line > 0 ? scenario_line : 1;
  char *mask = src ? code_mask(src) : NULL;
  int line = mask ? locate(src, mask, fallback, id, occurrence, field) : fallback;
  free(mask);
  return line;
}

/* Levenshtein distance, for short identifiers (longer ones are cut at 63) */
static int edit_distance(const char *a, const char *b) {
  int la = (int)strlen(a), lb = (int)strlen(b);
  if (la > 63) la = 63;
  if (lb > 63) lb = 63;
  int prev[64], cur[64];
  for (int j = 0; j <= lb; j++) prev[j] = j;
  for (int i = 1; i <= la; i++) {
    cur[0] = i;
    for (int j = 1; j <= lb; j++) {
      int sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
      int del = prev[j] + 1, ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
    }
    memcpy(prev, cur, sizeof(int) * (size_t)(lb + 1));
  }
  return prev[lb];
}

const char *ps_closest_word(const char *word, const char *const *words) {
  const char *best = NULL;
  int best_d = (int)strlen(word) / 3 + 1; /* tolerate about one typo in three letters */
  for (int i = 0; words[i]; i++) {
    int d = edit_distance(word, words[i]);
    if (d <= best_d && (!best || d < best_d)) {
      best = words[i];
      best_d = d;
    }
  }
  return best;
}
