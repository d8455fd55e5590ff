/* ids.h — the ids a scenario has given its parties, pools, segments and
** programmes, in a hash table, so that checking an id for duplicates and
** finding what an id names cost the same whatever the number of items: a
** scenario of 100 000 parties validates in time linear in its size. The
** strings are the model's own (not copied): they live as long as it. */
#ifndef PS_IDS_H
#define PS_IDS_H

typedef enum { PS_ID_PARTY, PS_ID_POOL, PS_ID_SEGMENT, PS_ID_PROGRAMME, PS_ID_KINDS } ps_id_kind;

typedef struct ps_ids ps_ids;

/* ps_ids_new — an empty index; NULL when out of memory */
ps_ids *ps_ids_new(void);
/* ps_ids_free — free it (NULL is fine); the ids themselves are the model's */
void ps_ids_free(ps_ids *x);
/* ps_ids_add — item `index` of that kind has this id; PS_OK, or PS_ERUNTIME
** (out of memory) */
int ps_ids_add(ps_ids *x, const char *id, ps_id_kind kind, int index);
/* ps_ids_find — the first item of that kind with this id, or -1 */
int ps_ids_find(const ps_ids *x, const char *id, ps_id_kind kind);
/* ps_ids_count — how many items of that kind have this id (all kinds: PS_ID_KINDS) */
int ps_ids_count(const ps_ids *x, const char *id, ps_id_kind kind);

#endif
