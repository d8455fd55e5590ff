/* doc.c — the cJSON sink of doc.h: a walk becomes a cJSON tree, then text. */
#include "report/doc.h"

#include <stdlib.h>

#define MAX_DEPTH 16 /* the schema's documents nest 7 deep at most */

typedef struct {
  ps_doc_sink sink; /* first: the walk's sink pointer is this struct's */
  cJSON *root, *stack[MAX_DEPTH];
  int depth, oom;
} tree_sink;

/* add item to the innermost container as key (NULL: as an array element); item may be NULL */
static void attach(tree_sink *t, const char *key, cJSON *item) {
  cJSON *parent = t->depth > 0 ? t->stack[t->depth - 1] : NULL;
  int added = item && parent && (key ? cJSON_AddItemToObject(parent, key, item) : cJSON_AddItemToArray(parent, item));
  if (!added) {
    cJSON_Delete(item);
    t->oom = 1;
  }
}

static void tree_open(ps_doc_sink *s, const char *key, int n) {
  tree_sink *t = (tree_sink *)s;
  cJSON *item = t->oom ? NULL : n < 0 ? cJSON_CreateObject() : cJSON_CreateArray();
  if (!item || t->depth == MAX_DEPTH || (t->depth == 0 && t->root)) { /* out of memory, too deep, a second root */
    cJSON_Delete(item);
    t->oom = 1;
  } else if (t->depth == 0) {
    t->root = item;
  } else {
    attach(t, key, item); /* on failure: oom set, item deleted */
  }
  if (t->depth < MAX_DEPTH) t->stack[t->depth] = t->oom ? NULL : item;
  t->depth++;
}

static void tree_end(ps_doc_sink *s) { ((tree_sink *)s)->depth--; }

static void tree_number(ps_doc_sink *s, const char *key, double v) {
  tree_sink *t = (tree_sink *)s;
  if (!t->oom) attach(t, key, cJSON_CreateNumber(v));
}

static void tree_string(ps_doc_sink *s, const char *key, const char *v) {
  tree_sink *t = (tree_sink *)s;
  if (!t->oom) attach(t, key, cJSON_CreateString(v));
}

static void tree_bool(ps_doc_sink *s, const char *key, int v) {
  tree_sink *t = (tree_sink *)s;
  if (!t->oom) attach(t, key, cJSON_CreateBool(v));
}

/* ps_doc_numbers — an array of n numbers as member key (NULL: an element) */
void ps_doc_numbers(ps_doc_sink *s, const char *key, const double *v, int n) {
  ps_doc_array(s, key, n);
  for (int i = 0; i < n; i++) ps_doc_number(s, NULL, v[i]);
  ps_doc_end(s);
}

/* ps_doc_tree — the walk as a cJSON tree to cJSON_Delete(), NULL when out of memory */
cJSON *ps_doc_tree(ps_doc_walk *walk, const void *value) {
  tree_sink t = {.sink = {tree_open, tree_end, tree_number, tree_string, tree_bool}};
  walk(value, &t.sink);
  if (t.oom) {
    cJSON_Delete(t.root);
    return NULL;
  }
  return t.root;
}

/* ps_doc_json — the walk as cJSON_Print's text to free(), NULL when out of memory */
char *ps_doc_json(ps_doc_walk *walk, const void *value) {
  cJSON *tree = ps_doc_tree(walk, value);
  char *text = tree ? cJSON_Print(tree) : NULL;
  cJSON_Delete(tree);
  return text;
}
