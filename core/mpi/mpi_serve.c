/* mpi_serve.c — the ranks other than 0: run the block of each job rank 0 sends (mpi_job.h), and
** answer rank 0's questions about the blocks they hold (mpi_column.h). */
#include <mpi.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mpi/mpi_column.h"
#include "mpi/mpi_job.h"
#include "poolsim/poolsim.h"

/* the model of the last job, kept while the jobs name the same file and overrides (a run and its
** run at point values, a sizing's runs) */
typedef struct {
  ps_model *m;
  char *key; /* file, keys and values, NUL-separated */
  size_t key_len;
} cached_model;

/* the job's model name as one string, into *len bytes (malloc'd) */
static char *model_key(const ps_mpi_job *job, size_t *len) {
  size_t n = strlen(job->file) + 1;
  for (int i = 0; i < job->nsets; i++) n += strlen(job->keys[i]) + strlen(job->values[i]) + 2;
  char *k = malloc(n), *at = k;
  if (!k) return NULL;
  at = stpcpy(at, job->file) + 1;
  for (int i = 0; i < job->nsets; i++) {
    at = stpcpy(at, job->keys[i]) + 1;
    at = stpcpy(at, job->values[i]) + 1;
  }
  *len = n;
  return k;
}

/* the job's model, loaded here unless the cache has it; PS_OK or the load's code and message */
static int job_model(cached_model *c, const ps_mpi_job *job, int rank, char *err, size_t errlen) {
  size_t len = 0;
  char *key = model_key(job, &len);
  if (!key) {
    snprintf(err, errlen, "rank %d: out of memory", rank);
    return PS_ERUNTIME;
  }
  if (c->m && len == c->key_len && memcmp(key, c->key, len) == 0) {
    free(key);
    return PS_OK;
  }
  ps_model_free(c->m);
  free(c->key);
  c->m = NULL;
  c->key = key;
  c->key_len = len;
  ps_override *sets = malloc(((size_t)job->nsets + 1) * sizeof *sets);
  if (!sets) {
    snprintf(err, errlen, "rank %d: out of memory", rank);
    return PS_ERUNTIME;
  }
  for (int i = 0; i < job->nsets; i++) sets[i] = (ps_override){job->keys[i], job->values[i]};
  char why[960];
  int rc = ps_model_new(job->file, sets, job->nsets, &c->m, why, sizeof why);
  free(sets);
  if (rc) snprintf(err, errlen, "rank %d: %.960s", rank, why);
  else if (strcmp(c->m->sha256, job->sha256) != 0) {
    snprintf(err, errlen, "rank %d: %s is not the file rank 0 read (sha256 %.12s…, rank 0: %.12s…): every node must see "
             "the same scenario", rank, job->file, c->m->sha256, job->sha256);
    ps_model_free(c->m);
    c->m = NULL;
    rc = PS_EINPUT;
  }
  return rc;
}

/* a SIGINT or SIGTERM (mpirun passes them on) stops this rank's paths, as in one process */
static void on_stop(int sig) { ps_request_stop(sig); }

/* ps_mpi_serve — serve jobs until told to quit; the exit code rank 0 gives */
int ps_mpi_serve(int rank, int ranks) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_stop;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  cached_model cache = {0};
  for (;;) {
    if (ps_mpi_wait_any(0) == PS_TAG_QUERY) { /* about a run it holds (mpi_column.h) */
      ps_mpi_answer(rank);
      continue;
    }
    ps_mpi_job job;
    char *buffer = NULL;
    if (ps_mpi_job_receive(&job, &buffer)) {
      fprintf(stderr, "poolsim-mpi: rank %d: out of memory receiving a run\n", rank);
      MPI_Abort(MPI_COMM_WORLD, 1);
    }
    if (job.quit) {
      int code = job.exit_code;
      free(buffer);
      ps_mpi_drop_all();
      ps_model_free(cache.m);
      free(cache.key);
      return code;
    }
    ps_mpi_status st = {0};
    ps_outcomes o = {0};
    st.rc = job_model(&cache, &job, rank, st.err, sizeof st.err);
    if (st.rc == PS_OK) {
      ps_model v = *cache.m; /* as rank 0 changed it: the run at point values, the break-even study */
      v.nuncertain = job.nuncertain;
      v.track_party_pv = job.track_party_pv;
      ps_run_options ro = job.run;
      ps_mpi_block(job.run.paths, ranks, rank, &ro.first, &ro.paths);
      st.rc = ps_simulate_here(&v, &ro, &o, st.err, sizeof st.err);
      st.done = st.rc ? 0 : o.paths;
      long keep;
      st.stopped = ps_stop_signal() != 0;
      MPI_Send(&st, (int)sizeof st, MPI_BYTE, 0, PS_TAG_STATUS, MPI_COMM_WORLD);
      ps_mpi_wait(0, PS_TAG_KEEP);
      MPI_Recv(&keep, 1, MPI_LONG, 0, PS_TAG_KEEP, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      if (keep >= 0) ps_outcomes_truncate(&o, &v, keep);
      if (keep > 0) ps_mpi_send_block(&o, &v);
      if (keep >= 0) ps_mpi_hold(job.id, &o, &v, rank); /* moves o */
    } else {
      long keep;
      MPI_Send(&st, (int)sizeof st, MPI_BYTE, 0, PS_TAG_STATUS, MPI_COMM_WORLD);
      MPI_Recv(&keep, 1, MPI_LONG, 0, PS_TAG_KEEP, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    }
    ps_outcomes_destroy(&o);
    free(job.keys);
    free(job.values);
    free(buffer);
  }
}
