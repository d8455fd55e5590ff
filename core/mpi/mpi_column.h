/* mpi_column.h — a run's outcomes left where they were made: each rank keeps its block of paths
** and answers rank 0's questions about its columns (stats/column.h: ps_column_host) until rank 0
** releases the run, so that rank 0 holds its own block, not the whole run.
**
** Rank 0 sends a question (which column: an array of ps_outcomes_arrays, an item and an inner
** offset, a sign and a column to subtract; and the op with its arguments) to every other rank,
** answers it for its own block here, and merges the answers: exact sums exactly, counts by adding,
** the sorted reader as a k-way merge of chunks streamed from each rank. A rank sorts a column of
** its block once, when first asked, and keeps it while questions name that column. A rank may hold
** blocks of several runs (a study's base and variant): a question names its run, and the paired
** sums of two runs (stats/paired.h) go from rank to rank in path order, each continuing them over
** its blocks of both. */
#ifndef PS_MPI_COLUMN_H
#define PS_MPI_COLUMN_H

#include "mpi/mpi_job.h"
#include "stats/column.h"

/* ps_mpi_hold — another rank: keep *o (moved here, zeroed) as the block of run `id` of model m */
void ps_mpi_hold(long id, ps_outcomes *o, const ps_model *m, int rank);
/* ps_mpi_answer — another rank: answer the question rank 0 sent (a PS_TAG_QUERY message waits) */
void ps_mpi_answer(int rank);
/* ps_mpi_drop_all — another rank: forget every run it holds (before it exits) */
void ps_mpi_drop_all(void);

/* ps_mpi_host_new — rank 0: the host of run `id` over `ranks` ranks, rank r holding count[r] paths
** from path first[r]; its own block *mine is moved into it (zeroed). NULL when out of memory (*mine
** is then left as it was). ps_mpi_host_release releases the run on every rank and frees it */
ps_column_host *ps_mpi_host_new(long id, ps_outcomes *mine, const ps_model *m, int ranks, const long *first,
                                const long *count);
void ps_mpi_host_release(ps_column_host *h);

#endif
