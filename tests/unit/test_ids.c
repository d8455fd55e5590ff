/* test_ids.c — the scenario's id index (scenario/ids.h): the first item of a
** kind with an id, how many items share it by kind and in all, for 200 000 ids
** (the table grows many times), and an id used by several kinds at once. */
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "scenario/ids.h"

#define N 200000

int main(void) {
  ps_ids *x = ps_ids_new();
  CHECK(x != NULL);
  if (!x) return check_summary("test_ids");
  char **id = malloc(N * sizeof *id);
  CHECK(id != NULL);
  if (!id) return check_summary("test_ids");
  for (int i = 0; i < N; i++) {
    id[i] = malloc(16);
    snprintf(id[i], 16, "p%d", i);
  }
  int added = 0, found = 0;
  for (int i = 0; i < N; i++) added += ps_ids_add(x, id[i], PS_ID_PARTY, i) == 0;
  CHECK_EQ_INT(added, N);
  for (int i = 0; i < N; i++) found += ps_ids_find(x, id[i], PS_ID_PARTY) == i;
  CHECK_EQ_INT(found, N);
  CHECK_EQ_INT(ps_ids_find(x, "p5", PS_ID_POOL), -1);
  CHECK_EQ_INT(ps_ids_find(x, "nobody", PS_ID_PARTY), -1);
  CHECK_EQ_INT(ps_ids_count(x, "nobody", PS_ID_KINDS), 0);

  /* a second party "p7" (a duplicate) keeps the first index; a pool and a
  ** segment "p7" count in the total and have their own first index */
  CHECK_EQ_INT(ps_ids_add(x, "p7", PS_ID_PARTY, N), 0);
  CHECK_EQ_INT(ps_ids_add(x, "p7", PS_ID_POOL, 3), 0);
  CHECK_EQ_INT(ps_ids_add(x, "p7", PS_ID_SEGMENT, 0), 0);
  CHECK_EQ_INT(ps_ids_find(x, "p7", PS_ID_PARTY), 7);
  CHECK_EQ_INT(ps_ids_find(x, "p7", PS_ID_POOL), 3);
  CHECK_EQ_INT(ps_ids_find(x, "p7", PS_ID_SEGMENT), 0);
  CHECK_EQ_INT(ps_ids_find(x, "p7", PS_ID_PROGRAMME), -1);
  CHECK_EQ_INT(ps_ids_count(x, "p7", PS_ID_PARTY), 2);
  CHECK_EQ_INT(ps_ids_count(x, "p7", PS_ID_KINDS), 4);
  CHECK_EQ_INT(ps_ids_count(x, "p8", PS_ID_KINDS), 1);

  ps_ids_free(x);
  ps_ids_free(NULL);
  for (int i = 0; i < N; i++) free(id[i]);
  free(id);
  return check_summary("test_ids");
}
