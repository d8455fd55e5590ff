/* mpi_job.h — runs spread over MPI ranks (poolsim-mpi; mpi_main.c says how).
**
** Rank 0 leads: every ps_simulate of its command line becomes a job, sent to the other ranks,
** which serve it (mpi_serve.c). A job names the model by what rebuilds it on any rank (the
** scenario file, its --set overrides, and the two things a study changes after loading), and
** carries the run's settings; each rank runs its block of path indices, keeps it and answers
** questions about it (mpi_column.h), sending rank 0 only the bands and the band paths' weights. */
#ifndef PS_MPI_JOB_H
#define PS_MPI_JOB_H

#include <stddef.h>

#include "scenario/model.h"
#include "sim/montecarlo.h"

enum { PS_TAG_JOB = 1, PS_TAG_STATUS, PS_TAG_KEEP, PS_TAG_DATA, PS_TAG_QUERY, PS_TAG_ANSWER };

/* the block of path indices rank r of `ranks` runs out of `paths`: first, and how many */
void ps_mpi_block(long paths, int ranks, int r, long *first, long *count);

/* a job: quit (with the exit code every rank returns), or simulate */
typedef struct {
  int quit, exit_code;
  ps_run_options run; /* paths: the whole run's; first unused; progress, initial, track NULL; shift: a study's */
  int nuncertain;     /* 0 for the run at point values of a model with uncertain parameters */
  int track_party_pv; /* set by the break-even study */
  long id;            /* the run's number, which the questions name */
  char sha256[65];    /* of the scenario file, as rank 0 read it */
  const char *file;
  int nsets;
  const char **keys, **values;
} ps_mpi_job;

/* a rank's answer: its code and message, the paths of its block it finished, and whether a
** SIGINT or SIGTERM stopped it */
typedef struct {
  int rc, stopped;
  long done;
  char err[1024];
} ps_mpi_status;

/* ps_mpi_job_send — rank 0: the job to every other rank */
void ps_mpi_job_send(const ps_mpi_job *job, int ranks);
/* ps_mpi_job_receive — another rank: wait for the next job; its strings and run.shift point into *buffer
** (malloc'd, free after use). PS_OK or PS_ERUNTIME (out of memory) */
int ps_mpi_job_receive(ps_mpi_job *job, char **buffer);

/* ps_mpi_wait_any — wait for a message from rank `from` with any tag; its tag */
int ps_mpi_wait_any(int from);

/* ps_mpi_wait — wait for a message from rank `from` with `tag`, sleeping between looks (up to
** 2 ms), so that a waiting rank leaves its core to the ranks still working */
void ps_mpi_wait(int from, int tag);

/* at most this many elements a message of outcomes (MPI counts are int) */
#define PS_MPI_PIECE ((size_t)1 << 26)

/* whether array a of o goes to rank 0: those rank 0 keeps of a run whose blocks stay on the ranks,
** the bands and the weights of the band paths (the weighted bands read them); and whether a is kept
** for the band paths only (ps_mpi_band_like: the bands, and with held_weights the weights) */
int ps_mpi_sent(const ps_outcomes *o, const ps_outcomes_array *a);
int ps_mpi_band_like(const ps_outcomes *o, const ps_outcomes_array *a, int held_weights);
/* ps_mpi_send_block — a rank's bands and band paths' weights to rank 0, array by array and item by
** item (those ps_mpi_sent names) */
void ps_mpi_send_block(const ps_outcomes *o, const ps_model *m);

/* ps_mpi_lead — rank 0: from now on, every run is spread over the `ranks` ranks, which keep their
** blocks (mpi_column.h); here: the ranks on rank 0's node, which share its memory (the memory check:
** ps_simulate_node_share) */
void ps_mpi_lead(int ranks, int here);
/* ps_mpi_finish — rank 0: tell the other ranks to exit with exit_code */
void ps_mpi_finish(int ranks, int exit_code);
/* ps_mpi_serve — any other rank: serve jobs until told to quit; returns the exit code */
int ps_mpi_serve(int rank, int ranks);

#endif
