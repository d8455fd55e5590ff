/* mpi_main.c — poolsim-mpi: the poolsim command line with its paths spread over MPI ranks.
**
** Rank 0 runs the ordinary command line (core/cli/main.c, built here with its main() renamed
** ps_cli_main), so it parses the arguments, loads and checks the scenario, runs the studies,
** computes every statistic and writes every report, exactly as poolsim does. Each of its runs
** goes through ps_simulate, which this file hands to mpi_simulate (ps_simulate_distribute):
** rank 0 sends the run as a job to the other ranks, and each simulates one contiguous block of
** path indices with the run's own streams (sim/montecarlo.c, ps_run_options.first).
**
** The blocks stay where they were made (mpi_column.h): each rank keeps its block's outcomes and
** answers rank 0's questions about their columns (exact sums, counts at or below order keys, sums
** above a value, its values in sorted order or its paths in path order, in chunks; and for the
** studies, running sums of paired series of two runs it holds, continued block after block in path
** order) until rank 0 releases the run; rank 0 gathers only the bands (the first 100 000 paths)
** and, under tail sampling, those paths' weights. The statistics stage, the sizing curve and its convergence,
** and the per-path reports ask through the run's ps_column_host (stats/column.h, results.h), one
** question at a time from rank 0's main thread (MPI is initialised FUNNELED), and the answers
** merge exactly, so the JSON is the same whatever the ranks (apart from run.seconds,
** run.statistics_seconds, run.threads and run.ranks). The studies (sweep, compare, --tornado,
** --breakeven) ask the same way, and pair two runs path by path through stats/paired.h: rank 0
** keeps a study's run (its block, on every rank its block) while the study still needs it, the
** base run and the variant compared with it, and releases it then. The other ranks serve jobs and
** questions (mpi_serve.c) until rank 0 says it is done, with the exit code they all return.
**
** Memory (bench/MPI.md): rank 0 holds its own block of each run held (ps_outcomes_bytes of its
** paths), the bands (and their paths' weights), and a chunk of a column at a time; the other ranks
** hold their block of each run held, and the sorted copy of the column last asked about. */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mpi/mpi_job.h"

int ps_cli_main(int argc, char **argv); /* core/cli/main.c's main, renamed by the Makefile */

/* what poolsim-mpi does not spread over ranks: refused before anything runs */
static const char *not_distributed(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "backtest") == 0) return "backtest runs in one process: use poolsim backtest";
  if (argc > 1 && strcmp(argv[1], "script") == 0) return "script runs in one process: use poolsim script";
  for (int i = 2; i < argc; i++)
    if (strcmp(argv[i], "--volume") == 0) return "size --volume runs in one process: use poolsim size --volume";
  return NULL;
}

/* the ranks on this node (those sharing its memory) */
static int ranks_here(void) {
  MPI_Comm node;
  int n = 1;
  if (MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &node) == MPI_SUCCESS) {
    MPI_Comm_size(node, &n);
    MPI_Comm_free(&node);
  }
  return n;
}

int main(int argc, char **argv) {
  int provided, rank, size;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided); /* MPI calls from the main thread only */
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  /* without --threads, the cores of a node are shared by the ranks on it */
  long cores = sysconf(_SC_NPROCESSORS_ONLN), here = ranks_here(), per_rank = cores / here > 0 ? cores / here : 1;
  int rc;
  if (rank != 0) {
    rc = ps_mpi_serve(rank, size);
  } else {
    const char *refused = not_distributed(argc, argv);
    int has_threads = 0;
    for (int i = 2; i < argc; i++) has_threads |= strcmp(argv[i], "--threads") == 0;
    char threads[24], **args = malloc(((size_t)argc + 3) * sizeof *args);
    if (refused) {
      fprintf(stderr, "poolsim-mpi: %s\n", refused);
      rc = 2;
    } else if (!args) {
      fprintf(stderr, "poolsim-mpi: out of memory\n");
      rc = 1;
    } else {
      memcpy(args, argv, (size_t)argc * sizeof *args);
      int n = argc;
      if (!has_threads && argc > 2) { /* a command with arguments: give it this rank's share of the cores */
        snprintf(threads, sizeof threads, "%ld", per_rank);
        args[n++] = "--threads";
        args[n++] = threads;
      }
      args[n] = NULL;
      ps_mpi_lead(size, (int)here);
      rc = ps_cli_main(n, args);
    }
    free(args);
    ps_mpi_finish(size, rc);
  }
  MPI_Finalize();
  return rc;
}
