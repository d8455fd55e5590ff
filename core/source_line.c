/* source_line.c — locate fields in scenario text; suggest names for typos. */
#include "source_line.h"

#include <ctype.h>
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

/* is p inside a `--` comment on its line? */
static int in_comment(const char *linestart, const char *p) {
  for (const char *q = linestart; q + 1 < p; q++)
    if (q[0] == '-' && q[1] == '-') return 1;
  return 0;
}

/* next place at or after p where `name` stands as a word followed by `=`
** (not `==`), outside comments; with want_value, the `=` must be followed by
** the quoted string want_value. Returns the match or NULL. */
static const char *find_assignment(const char *src, const char *p, const char *name, const char *want_value) {
  size_t n = strlen(name);
  for (const char *q = strstr(p, name); q; q = strstr(q + 1, name)) {
    if (q > src && is_ident((unsigned char)q[-1])) continue;
    const char *r = q + n;
    if (is_ident((unsigned char)*r)) continue;
    while (*r == ' ' || *r == '\t') r++;
    if (r[0] != '=' || r[1] == '=') continue;
    r++;
    const char *ls = q;
    while (ls > src && ls[-1] != '\n') ls--;
    if (in_comment(ls, q)) continue;
    if (!want_value) return q;
    while (*r == ' ' || *r == '\t') r++;
    if (*r != '"' && *r != '\'') continue;
    size_t m = strlen(want_value);
    if (strncmp(r + 1, want_value, m) == 0 && r[1 + m] == r[0]) return q;
  }
  return NULL;
}

int ps_source_line(const char *src, int scenario_line, const char *id, const char *field) {
  int fallback = scenario_line > 0 ? scenario_line : 1;
  if (!src) return fallback;
  if (!id) {
    if (!field) return fallback;
    const char *f = find_assignment(src, start_of_line(src, fallback), field, NULL);
    return f ? line_at(src, f) : fallback;
  }
  const char *item = find_assignment(src, src, "id", id);
  if (!item) return fallback;
  int item_line = line_at(src, item);
  if (!field || strcmp(field, "id") == 0) return item_line;
  /* search the item's text: from its line to the next item's id */
  const char *from = start_of_line(src, item_line);
  const char *next_item = find_assignment(src, item + 2, "id", NULL);
  const char *f = find_assignment(src, from, field, NULL);
  if (f && (!next_item || f < next_item)) return line_at(src, f);
  return item_line;
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
