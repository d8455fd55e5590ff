/* doc.h — a document as a walk: objects, arrays, numbers, strings and
** booleans handed in order to a sink. The JSON documents of docs/json-schema.md
** (a run's, report_json.c; the studies', study_json.c) are written once, as
** walks; the JSON renderer's sink builds cJSON (doc.c) and the Lua drivers'
** sink builds tables (lua/lua_doc.c), so the two cannot disagree. */
#ifndef PS_DOC_H
#define PS_DOC_H

#include <cJSON.h>

/* A sink. key: the member's name inside an object, NULL inside an array (and
** for the root). open starts an object (n < 0) or an array of n elements; end
** closes the innermost one. */
typedef struct ps_doc_sink ps_doc_sink;
struct ps_doc_sink {
  void (*open)(ps_doc_sink *s, const char *key, int n);
  void (*end)(ps_doc_sink *s);
  void (*number)(ps_doc_sink *s, const char *key, double v);
  void (*string)(ps_doc_sink *s, const char *key, const char *v);
  void (*boolean)(ps_doc_sink *s, const char *key, int v);
};

/* a walk of one value (a study, a run's results) into a sink */
typedef void ps_doc_walk(const void *value, ps_doc_sink *s);

static inline void ps_doc_object(ps_doc_sink *s, const char *key) { s->open(s, key, -1); }
static inline void ps_doc_array(ps_doc_sink *s, const char *key, int n) { s->open(s, key, n); }
static inline void ps_doc_end(ps_doc_sink *s) { s->end(s); }
static inline void ps_doc_number(ps_doc_sink *s, const char *key, double v) { s->number(s, key, v); }
static inline void ps_doc_string(ps_doc_sink *s, const char *key, const char *v) { s->string(s, key, v); }
static inline void ps_doc_bool(ps_doc_sink *s, const char *key, int v) { s->boolean(s, key, v); }

/* an array of n numbers */
void ps_doc_numbers(ps_doc_sink *s, const char *key, const double *v, int n);

/* ps_doc_tree — the document walk makes of value as a cJSON tree to
** cJSON_Delete(), NULL when out of memory */
cJSON *ps_doc_tree(ps_doc_walk *walk, const void *value);

/* ps_doc_json — the same as JSON text (cJSON_Print's layout) to free(), NULL
** when out of memory */
char *ps_doc_json(ps_doc_walk *walk, const void *value);

#endif
