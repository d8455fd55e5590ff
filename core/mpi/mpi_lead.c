/* mpi_lead.c — rank 0's side of a distributed run: send the job, run its own block, gather the
** blocks in path order into the outcomes one process would have made (mpi_job.h). */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mpi/mpi_job.h"

static int nranks;

/* a block's outcomes placed at its paths in the run's outcomes: from src on rank 0, else received
** from rank r in ps_mpi_send_block's order */
static void place(ps_outcomes *all, const ps_model *m, const ps_outcomes *src, int r, long first, long keep,
                  long band) {
  ps_outcomes_array a[PS_OUTCOMES_MAX_ARRAYS], s[PS_OUTCOMES_MAX_ARRAYS];
  int n = ps_outcomes_arrays(all, m, a);
  if (src) ps_outcomes_arrays(src, m, s);
  for (int k = 0; k < n; k++) {
    long stride = a[k].band ? all->band_paths : all->paths, count = a[k].band ? band : keep;
    size_t per_item = (size_t)count * a[k].inner;
    for (long i = 0; i < a[k].items; i++) {
      char *to = (char *)a[k].data + ((size_t)i * (size_t)stride + (size_t)first) * a[k].inner * a[k].size;
      if (src) {
        memcpy(to, (const char *)s[k].data + (size_t)i * per_item * a[k].size, per_item * a[k].size);
        continue;
      }
      for (size_t done = 0; done < per_item; done += PS_MPI_PIECE) {
        size_t c = per_item - done < PS_MPI_PIECE ? per_item - done : PS_MPI_PIECE;
        MPI_Recv(to + done * a[k].size, (int)c, a[k].is_int ? MPI_INT : MPI_DOUBLE, r, PS_TAG_DATA, MPI_COMM_WORLD,
                 MPI_STATUS_IGNORE);
      }
    }
  }
}

/* tell every other rank how many paths of its block to send: -1, none (the run failed) */
static void send_keep(const long *keep) {
  for (int r = 1; r < nranks; r++) {
    long k = keep ? keep[r] : -1;
    MPI_Send(&k, 1, MPI_LONG, r, PS_TAG_KEEP, MPI_COMM_WORLD);
  }
}

/* the run's outcomes from the ranks' statuses and blocks; ps_simulate's code and message */
static int gather(const ps_model *m, const ps_run_options *o, ps_outcomes *mine, ps_mpi_status *st,
                  ps_outcomes *out, char *err, size_t errlen) {
  long *keep = calloc((size_t)nranks, sizeof *keep), total = 0;
  int broken = 0; /* a block before was cut short: the paths kept are a prefix of the run */
  for (int r = 0; keep && r < nranks; r++) {
    if (st[r].rc && !st[r].stopped) { /* the lowest failing rank has the lowest failing path */
      snprintf(err, errlen, "%s", st[r].err);
      int rc = st[r].rc;
      send_keep(NULL);
      free(keep);
      ps_outcomes_destroy(mine);
      return rc;
    }
    long first, count;
    ps_mpi_block(o->paths, nranks, r, &first, &count);
    keep[r] = broken || st[r].rc ? 0 : st[r].done;
    broken |= keep[r] < count;
    total += keep[r];
  }
  int rc = PS_OK;
  if (!keep) {
    snprintf(err, errlen, "out of memory gathering the ranks' paths");
    rc = PS_ERUNTIME;
  } else if (total == 0) {
    snprintf(err, errlen, "interrupted before any path finished");
    rc = PS_ERUNTIME;
  } else if (ps_outcomes_init(out, m, total, o->band_paths)) {
    snprintf(err, errlen, "out of memory for %ld paths", total);
    rc = PS_ERUNTIME;
  }
  if (rc) {
    send_keep(NULL);
    free(keep);
    ps_outcomes_destroy(mine);
    return rc;
  }
  send_keep(keep);
  long bands = out->band_paths;
  for (int r = 0; r < nranks; r++) {
    long first, count;
    ps_mpi_block(o->paths, nranks, r, &first, &count);
    long band = bands - first < 0 ? 0 : bands - first < keep[r] ? bands - first : keep[r];
    if (r == 0) ps_outcomes_truncate(mine, m, keep[0]);
    else if (keep[r] > 0) ps_mpi_wait(r, PS_TAG_DATA);
    if (keep[r] > 0) place(out, m, r == 0 ? mine : NULL, r, first, keep[r], band);
  }
  ps_outcomes_destroy(mine);
  free(keep);
  return PS_OK;
}

/* ps_simulate over the ranks (ps_simulate_fn) */
static int mpi_simulate(const ps_model *m, const ps_run_options *o, ps_outcomes *out, char *err, size_t errlen) {
  /* what a job cannot carry runs here: another pool balance, tracked programmes (back-testing) */
  if (nranks < 2 || o->initial || o->track) return ps_simulate_here(m, o, out, err, errlen);
  const char **keys = (const char **)m->set_keys, **values = (const char **)m->set_values;
  ps_mpi_job job = {.run = *o, .nuncertain = m->nuncertain, .track_party_pv = m->track_party_pv, .file = m->file,
                    .nsets = m->nsets, .keys = keys, .values = values};
  memcpy(job.sha256, m->sha256, sizeof job.sha256);
  ps_mpi_job_send(&job, nranks);
  ps_mpi_status *st = calloc((size_t)nranks, sizeof *st);
  if (!st) { /* the other ranks are running the job: stop them all */
    fprintf(stderr, "poolsim-mpi: out of memory\n");
    MPI_Abort(MPI_COMM_WORLD, 1);
    return PS_ERUNTIME;
  }
  ps_run_options mine_o = *o;
  ps_mpi_block(o->paths, nranks, 0, &mine_o.first, &mine_o.paths);
  ps_outcomes mine = {0};
  st[0].rc = ps_simulate_here(m, &mine_o, &mine, st[0].err, sizeof st[0].err);
  st[0].stopped = ps_stop_signal() != 0;
  st[0].done = st[0].rc ? 0 : mine.paths;
  for (int r = 1; r < nranks; r++) {
    ps_mpi_wait(r, PS_TAG_STATUS);
    MPI_Recv(&st[r], (int)sizeof st[r], MPI_BYTE, r, PS_TAG_STATUS, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  }
  int rc = gather(m, o, &mine, st, out, err, errlen);
  free(st);
  return rc;
}

/* ps_mpi_lead — rank 0: spread every run over the ranks */
void ps_mpi_lead(int ranks) {
  nranks = ranks;
  ps_simulate_distribute(mpi_simulate, ranks);
}

/* ps_mpi_finish — rank 0: the other ranks exit with exit_code */
void ps_mpi_finish(int ranks, int exit_code) {
  ps_mpi_job job = {.quit = 1, .exit_code = exit_code};
  ps_mpi_job_send(&job, ranks);
}
