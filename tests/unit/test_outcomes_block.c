/* test_outcomes_block.c — a run cut into blocks of paths (ps_run_options.first, as poolsim-mpi's
** ranks run it) and put back together by the layout ps_outcomes_arrays gives is the same bytes as
** the run in one piece: every array, with the balance bands of the run's first band_paths paths
** only, whichever blocks hold them; and ps_outcomes_arrays describes every byte ps_outcomes_init
** allocates per path. No MPI: the blocks run one after the other. */
#include <gsl/gsl_errno.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "load_scenario.h"
#include "same_outcomes.h"
#include "scenario/scenario.h"
#include "sim/montecarlo.h"

/* copy a block's outcomes into the run's at its paths (what mpi_lead.c does with the ranks') */
static void place(ps_outcomes *all, const ps_model *m, const ps_outcomes *block) {
  ps_outcomes_array a[PS_OUTCOMES_MAX_ARRAYS], b[PS_OUTCOMES_MAX_ARRAYS];
  int n = ps_outcomes_arrays(all, m, a);
  CHECK_EQ_INT(ps_outcomes_arrays(block, m, b), n);
  for (int k = 0; k < n; k++) {
    long stride = a[k].band ? all->band_paths : all->paths, count = b[k].band ? block->band_paths : block->paths;
    size_t bytes = (size_t)count * a[k].inner * a[k].size;
    for (long i = 0; bytes && i < a[k].items; i++)
      memcpy((char *)a[k].data + ((size_t)i * (size_t)stride + (size_t)block->first) * a[k].inner * a[k].size,
             (const char *)b[k].data + (size_t)i * bytes, bytes);
  }
}

/* every per-path array of two outcomes byte for byte, by ps_outcomes_arrays */
static int same_arrays(const ps_model *m, const ps_outcomes *x, const ps_outcomes *y) {
  ps_outcomes_array a[PS_OUTCOMES_MAX_ARRAYS], b[PS_OUTCOMES_MAX_ARRAYS];
  int n = ps_outcomes_arrays(x, m, a), same = n == ps_outcomes_arrays(y, m, b);
  for (int k = 0; same && k < n; k++) {
    size_t bytes = (size_t)a[k].items * (size_t)(a[k].band ? x->band_paths : x->paths) * a[k].inner * a[k].size;
    same = bytes == 0 || memcmp(a[k].data, b[k].data, bytes) == 0; /* an array not kept: no data */
  }
  return same;
}

/* the run of `paths` in one piece and in the given blocks (cuts: their first paths after 0) */
static void check_blocks(const char *file, long paths, long band, const long *cuts, int ncuts) {
  ps_model m;
  char err[1024];
  if (!load_scenario(file, &m)) return;
  ps_outcomes whole, all;
  ps_run_options o = {.paths = paths, .seed = 7, .threads = 2, .band_paths = band, .search = m.balance_feedback};
  CHECK_EQ_INT(ps_simulate(&m, &o, &whole, err, sizeof err), PS_OK);
  CHECK_EQ_INT(ps_outcomes_init(&all, &m, paths, band), PS_OK);
  long keep = band > 0 ? band : ps_band_paths(&m); /* 0: the default */
  CHECK_EQ_INT(all.band_paths, keep < paths ? keep : paths);
  for (int c = 0; c <= ncuts; c++) {
    ps_run_options b = o;
    b.first = c == 0 ? 0 : cuts[c - 1];
    b.paths = (c == ncuts ? paths : cuts[c]) - b.first;
    b.threads = 1 + c % 2;
    ps_outcomes block;
    CHECK_EQ_INT(ps_simulate_here(&m, &b, &block, err, sizeof err), PS_OK);
    CHECK_EQ_INT(block.first, b.first);
    /* a block keeps the balances of its paths among the run's first `band` */
    long want = keep - b.first < 0 ? 0 : keep - b.first < b.paths ? keep - b.first : b.paths;
    CHECK_EQ_INT(block.band_paths, want);
    place(&all, &m, &block);
    ps_outcomes_destroy(&block);
  }
  CHECK(same_outcomes(&m, &whole, &all));
  CHECK(same_arrays(&m, &whole, &all));
  /* every byte allocated per path is in an array described: the rest is budget_slot, the spare
  ** element of the arrays that may be empty (budget, the governments' four, drawn, and party_pv
  ** and lent when not tracked, and the outlays by programme and by segment slot when kept) */
  ps_outcomes_array a[PS_OUTCOMES_MAX_ARRAYS];
  int n = ps_outcomes_arrays(&whole, &m, a);
  double described = 0;
  for (int k = 0; k < n; k++)
    described += (double)a[k].items * (double)(a[k].band ? whole.band_paths : whole.paths) * (double)a[k].inner *
                 (double)a[k].size;
  double spare = (double)(m.nparties + 1) * sizeof(int) + 6 * sizeof(double) + (m.track_party_pv ? 0 : sizeof(double)) +
                 (m.track_lent ? 0 : sizeof(double)) +
                 (1.0 + (whole.outlay_by_segment != NULL)) * sizeof(double);
  /* ... and each array starts at a cache line of the block (test_outcomes_bytes.c: the block's size) */
  if (band == 0 || band >= ps_band_paths(&m)) {
    CHECK(ps_outcomes_bytes(&m, paths) >= described + spare);
    CHECK(ps_outcomes_bytes(&m, paths) < described + spare + 64.0 * PS_OUTCOMES_MAX_ARRAYS);
  }
  ps_outcomes_destroy(&whole);
  ps_outcomes_destroy(&all);
  ps_model_destroy(&m);
}

int main(void) {
  gsl_set_error_handler_off();
  long cuts[] = {40, 41, 97};
  /* bands of the first 60 paths: the cut at 40 splits them, the later blocks keep none */
  check_blocks("tests/scenarios/small.lua", 150, 60, cuts, 3);
  check_blocks("tests/scenarios/small.lua", 150, 0, cuts, 3);
  /* Lua hooks (a state per path), every rule; a bisection per path where rules feed back */
  check_blocks("tests/scenarios/all_rules.lua", 120, 50, cuts, 3);
  check_blocks("tests/scenarios/parties_hooks.lua", 120, 0, cuts + 1, 2);
  /* governments' cost and uncertain parameters drawn per path */
  check_blocks("scenarios/mianyang_2022_today.lua", 100, 30, cuts, 2);
  check_blocks("scenarios/guangyuan_ip_2017.lua", 100, 0, cuts, 3);
  printf("test_outcomes_block: %d passed, %d failed\n", check_passed, check_failed);
  return check_failed > 0;
}
