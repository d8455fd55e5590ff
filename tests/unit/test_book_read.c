/* test_book_read.c — the book at risk summed only in the periods where something reads it (rules.c
** ps_rules_book, path_state.h `book_read`: a bank's NPL ratio while it lends, the capacity of a
** programme whose lending a leverage limits while it originates, refills below a share of the loans,
** triggers, hooks, loan tapes) changes nothing but speed: every path of each scenario is simulated
** twice, as the engine runs it and with the book taken (and the NPL ratios looked at) in every period,
** and the two must post the same ledger and leave the same bytes in every outcome array. The count of
** periods left unread is checked per scenario, and a book wrongly left unread while a bank lends must
** change its NPL ratio (the check can fail). */
#include <gsl/gsl_errno.h>
#include <string.h>

#include "engine_twins.h"

/* expected: the periods whose book the engine leaves unread; b reads every period's */
static void book_every_period(const ps_model *m, ps_path *a, ps_path *b, int expected) {
  int unread = 0;
  for (int t = 1; t <= m->periods; t++) {
    unread += !(a->book_read[t] & PS_BOOK_READ);
    CHECK(!(a->book_read[t] & PS_BOOK_NPL) || (a->book_read[t] & PS_BOOK_READ)); /* an NPL ratio reads it */
    b->book_read[t] = PS_BOOK_READ | PS_BOOK_NPL;
  }
  CHECK_EQ_INT(unread, expected);
}

/* the first `paths` paths of file with the book left unread in every period: some bank's highest NPL
** ratio must then differ from the engine's on some path (the ratio of a book of 0) */
static void unread_changes_npl(const char *file, long paths) {
  ps_model m;
  char err[1024];
  if (!load_scenario(file, &m)) return;
  ps_path *a = ps_path_new(&m, NULL, 0), *b = ps_path_new(&m, NULL, 0);
  CHECK(a && b);
  if (!a || !b) return;
  for (int t = 1; t <= m.periods; t++) b->book_read[t] &= (unsigned char)~PS_BOOK_READ;
  long differ = 0;
  for (long i = 0; i < paths; i++) {
    int rc = ps_path_run(a, m.seed, i, NULL, NULL, err, sizeof err) | ps_path_run(b, m.seed, i, NULL, NULL, err, sizeof err);
    CHECK_EQ_INT(rc, PS_OK);
    for (int p = 0; p < m.nparties; p++) differ += a->parties[p].npl_max != b->parties[p].npl_max;
  }
  CHECK(differ > 0);
  ps_path_free(a);
  ps_path_free(b);
  ps_model_destroy(&m);
}

int main(void) {
  gsl_set_error_handler_off();
  check_twins("bench/b1.lua", 200, book_every_period, 12);                 /* the bank lends in periods 1..24 of 36 */
  check_twins("scenarios/mianyang_2022.lua", 100, book_every_period, 36);  /* lending 1..36 of 72, with a leverage */
  check_twins("scenarios/luoyang_2017.lua", 100, book_every_period, 18);        /* guarantors with leverage */
  check_twins("scenarios/anhui_4321.lua", 100, book_every_period, 24);
  check_twins("scenarios/mianyang_2022_today.lua", 50, book_every_period, 0);   /* hooks: every period */
  check_twins("tests/scenarios/npl_runoff.lua", 100, book_every_period, 0);     /* a trigger: every period */
  check_twins("tests/scenarios/all_rules.lua", 100, book_every_period, 0); /* refills and triggers: every period */
  unread_changes_npl("scenarios/mianyang_2022.lua", 50);
  return check_summary("test_book_read");
}
