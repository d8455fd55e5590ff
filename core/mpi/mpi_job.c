/* mpi_job.c — blocks of paths, jobs on the wire, and moving outcomes (mpi_job.h). */
#include "mpi/mpi_job.h"

#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <time.h>

/* ps_mpi_block — contiguous blocks, the first paths % ranks of them one path longer */
void ps_mpi_block(long paths, int ranks, int r, long *first, long *count) {
  long base = paths / ranks, extra = paths % ranks;
  *first = (long)r * base + (r < extra ? r : extra);
  *count = base + (r < extra);
}

/* the numbers of a job, sent as bytes (the ranks of one job run the same build on one kind of
** machine); the strings follow, each with its terminating NUL: file, then key and value of
** each override */
typedef struct {
  int quit, exit_code, threads, audit, search, by_loan, nuncertain, track_party_pv, nsets, nshift;
  long paths, band_paths, id;
  uint64_t seed;
  double serve, sampling_alpha;
  char sha256[65];
} wire_head;

static size_t text_size(const char *s) { return strlen(s) + 1; }

/* ps_mpi_job_send — rank 0: the job to every other rank */
void ps_mpi_job_send(const ps_mpi_job *job, int ranks) {
  wire_head h;
  memset(&h, 0, sizeof h); /* padding too: every byte sent is set */
  h.quit = job->quit;
  h.exit_code = job->exit_code;
  h.threads = job->run.threads;
  h.audit = job->run.audit;
  h.search = job->run.search;
  h.by_loan = job->run.by_loan;
  h.nuncertain = job->nuncertain;
  h.track_party_pv = job->track_party_pv;
  h.nsets = job->quit ? 0 : job->nsets;
  h.id = job->id;
  h.paths = job->run.paths;
  h.band_paths = job->run.band_paths;
  h.seed = job->run.seed;
  h.serve = job->run.serve;
  h.sampling_alpha = job->run.sampling_alpha;
  h.nshift = job->quit || !job->run.shift ? 0 : job->run.nshift;
  memcpy(h.sha256, job->sha256, sizeof h.sha256);
  size_t shift = (size_t)h.nshift * sizeof(double); /* a study's tail shift, right after the head */
  size_t n = sizeof h + shift + (job->quit ? 0 : text_size(job->file));
  for (int i = 0; i < h.nsets; i++) n += text_size(job->keys[i]) + text_size(job->values[i]);
  char *buf = malloc(n);
  if (!buf) {
    fprintf(stderr, "poolsim-mpi: out of memory sending a run to the other ranks\n");
    MPI_Abort(MPI_COMM_WORLD, 1);
    return;
  }
  memcpy(buf, &h, sizeof h);
  if (shift) memcpy(buf + sizeof h, job->run.shift, shift);
  size_t at = sizeof h + shift;
#define PUT(s) (memcpy(buf + at, (s), text_size(s)), at += text_size(s))
  if (!job->quit) PUT(job->file);
  for (int i = 0; i < h.nsets; i++) {
    PUT(job->keys[i]);
    PUT(job->values[i]);
  }
#undef PUT
  for (int r = 1; r < ranks; r++) MPI_Send(buf, (int)n, MPI_BYTE, r, PS_TAG_JOB, MPI_COMM_WORLD);
  free(buf);
}

/* ps_mpi_job_receive — another rank: the next job (mpi_job.h) */
int ps_mpi_job_receive(ps_mpi_job *job, char **buffer) {
  MPI_Status st;
  int n;
  ps_mpi_wait(0, PS_TAG_JOB);
  MPI_Probe(0, PS_TAG_JOB, MPI_COMM_WORLD, &st);
  MPI_Get_count(&st, MPI_BYTE, &n);
  char *buf = malloc((size_t)n + 1);
  if (!buf) return PS_ERUNTIME;
  MPI_Recv(buf, n, MPI_BYTE, 0, PS_TAG_JOB, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  buf[n] = '\0';
  wire_head h;
  memcpy(&h, buf, sizeof h);
  memset(job, 0, sizeof *job);
  job->quit = h.quit;
  job->exit_code = h.exit_code;
  /* the shift's doubles follow the head, whose size is a multiple of a double's alignment */
  _Static_assert(sizeof(wire_head) % _Alignof(double) == 0, "the shift after the head is aligned");
  job->run = (ps_run_options){.paths = h.paths, .seed = h.seed, .threads = h.threads, .audit = h.audit,
                              .search = h.search, .by_loan = h.by_loan, .band_paths = h.band_paths,
                              .serve = h.serve, .sampling_alpha = h.sampling_alpha,
                              .shift = h.nshift > 0 ? (const double *)(const void *)(buf + sizeof h) : NULL,
                              .nshift = h.nshift};
  job->nuncertain = h.nuncertain;
  job->track_party_pv = h.track_party_pv;
  job->id = h.id;
  memcpy(job->sha256, h.sha256, sizeof job->sha256);
  job->sha256[64] = '\0';
  *buffer = buf;
  if (job->quit) return PS_OK;
  job->nsets = h.nsets;
  job->keys = malloc(((size_t)h.nsets + 1) * sizeof *job->keys);
  job->values = malloc(((size_t)h.nsets + 1) * sizeof *job->values);
  if (!job->keys || !job->values) return PS_ERUNTIME;
  const char *at = buf + sizeof h + (size_t)(h.nshift > 0 ? h.nshift : 0) * sizeof(double);
  job->file = at;
  at += text_size(at);
  for (int i = 0; i < h.nsets; i++) {
    job->keys[i] = at;
    at += text_size(at);
    job->values[i] = at;
    at += text_size(at);
  }
  return PS_OK;
}

/* wait for a message from `from` with tag (MPI_ANY_TAG: any); its tag. For the first 20 ms it looks
** again at once (yielding the core): rank 0's questions about the columns of a run come a few µs to a
** few ms apart (rank 0 answers for its own block, merges, sorts its part of the next column), and a
** rank asleep when the next one comes adds its sleep to the round trip (B1's statistics stage at
** 250 000 paths on 2 ranks: 2.2 s when the window was 200 µs, 0.33 s now). Then after 50 µs, and ever
** less often, up to every 2 ms: a rank that waits for seconds (for rank 0's reports, or for the other
** ranks' paths) wakes 500 times a second, not spinning as a blocking MPI call does */
#define PS_MPI_SPIN_NS 20000000L
static int wait_for(int from, int tag) {
  MPI_Status st;
  int there = 0;
  long ns = 50000;
  struct timespec t0, t;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (;;) {
    MPI_Iprobe(from, tag, MPI_COMM_WORLD, &there, &st);
    if (there) return st.MPI_TAG;
    clock_gettime(CLOCK_MONOTONIC, &t);
    if ((t.tv_sec - t0.tv_sec) * 1000000000L + (t.tv_nsec - t0.tv_nsec) < PS_MPI_SPIN_NS) {
      sched_yield();
      continue;
    }
    nanosleep(&(struct timespec){0, ns}, NULL);
    if (ns < 2000000) ns *= 2;
  }
}

/* ps_mpi_wait_any — as ps_mpi_wait, for any tag */
int ps_mpi_wait_any(int from) { return wait_for(from, MPI_ANY_TAG); }

/* ps_mpi_wait — wait_for a message with tag */
void ps_mpi_wait(int from, int tag) { (void)wait_for(from, tag); }

/* ps_mpi_send_block — a rank's bands and band paths' weights to rank 0 (mpi_job.h); rank 0 receives
** them in the same order (mpi_lead.c) */
int ps_mpi_sent(const ps_outcomes *o, const ps_outcomes_array *a) {
  return a->data && (a->band || a->data == o->weight);
}

int ps_mpi_band_like(const ps_outcomes *o, const ps_outcomes_array *a, int held_weights) {
  return a->band || (held_weights && a->data && a->data == o->weight);
}

void ps_mpi_send_block(const ps_outcomes *o, const ps_model *m) {
  ps_outcomes_array a[PS_OUTCOMES_MAX_ARRAYS];
  int n = ps_outcomes_arrays(o, m, a);
  for (int k = 0; k < n; k++) {
    if (!ps_mpi_sent(o, &a[k])) continue;
    size_t per_item = (size_t)o->band_paths * a[k].inner;
    for (long i = 0; i < a[k].items; i++) {
      const char *p = (const char *)a[k].data + (size_t)i * per_item * a[k].size;
      for (size_t done = 0; done < per_item; done += PS_MPI_PIECE) {
        size_t c = per_item - done < PS_MPI_PIECE ? per_item - done : PS_MPI_PIECE;
        MPI_Send(p + done * a[k].size, (int)c, a[k].is_int ? MPI_INT : MPI_DOUBLE, 0, PS_TAG_DATA, MPI_COMM_WORLD);
      }
    }
  }
}
