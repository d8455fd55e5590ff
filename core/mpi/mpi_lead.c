/* mpi_lead.c — rank 0's side of a distributed run: send the job, run its own block, gather the
** bands and the band paths' weights, and make the host through which the statistics ask the ranks
** about the rest (mpi_job.h, mpi_column.h). */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mpi/mpi_column.h"
#include "mpi/mpi_job.h"
#include "sim/hugepages.h"

static int nranks;
static long runs; /* the runs sent so far: the next one's id */
/* the bytes of per-path outcomes (not the bands) rank 0 holds of the runs held now, and the whole
** runs'; the most it held at once, and the whole runs' then (POOLSIM_MPI_HELD: printed at the end,
** for tests/mpi/test_mpi.sh) */
static double held_now, runs_now, held_most, held_run;
/* the runs held now, with what they add to held_now and runs_now */
typedef struct {
  const struct ps_column_host *host;
  double bytes, run_bytes;
} held_run_bytes;
static held_run_bytes *held_runs;
static size_t nheld, most_runs; /* the runs held now, and the most at once */

/* the bytes of o's per-path arrays but the bands */
static double per_path_bytes(const ps_outcomes *o, const ps_model *m) {
  ps_outcomes_array a[PS_OUTCOMES_MAX_ARRAYS];
  int n = ps_outcomes_arrays(o, m, a);
  double bytes = 0;
  for (int k = 0; k < n; k++)
    if (a[k].data && !ps_mpi_band_like(o, &a[k], o->host != NULL)) /* the header's weights: the band paths' */
      bytes += (double)a[k].items * (double)o->paths * (double)a[k].inner * (double)a[k].size;
  return bytes;
}

/* a block's bands and band paths' weights placed at its paths in the run's: from src on rank 0, else
** received from rank r in ps_mpi_send_block's order */
static void place(ps_outcomes *all, const ps_model *m, const ps_outcomes *src, int r, long first, long band) {
  ps_outcomes_array a[PS_OUTCOMES_MAX_ARRAYS], s[PS_OUTCOMES_MAX_ARRAYS];
  int n = ps_outcomes_arrays(all, m, a);
  if (src) ps_outcomes_arrays(src, m, s);
  for (int k = 0; k < n; k++) {
    if (!ps_mpi_sent(all, &a[k])) continue;
    long stride = all->band_paths;
    size_t per_item = (size_t)band * a[k].inner;
    for (long i = 0; i < a[k].items; i++) {
      char *to = (char *)a[k].data + ((size_t)i * (size_t)stride + (size_t)first) * a[k].inner * a[k].size;
      if (src) {
        const char *from = (const char *)s[k].data + (size_t)i * per_item * a[k].size;
        if (from != to) memcpy(to, from, per_item * a[k].size); /* the same: rank 0's bands, shared */
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

static void release(struct ps_column_host *h) {
  for (size_t i = 0; i < nheld; i++)
    if (held_runs[i].host == h) {
      held_now -= held_runs[i].bytes;
      runs_now -= held_runs[i].run_bytes;
      held_runs[i] = held_runs[--nheld];
      break;
    }
  ps_mpi_host_release(h);
}

/* count what rank 0 holds of a run it now holds: own (its block) of total paths */
static void count_held(const ps_outcomes *out, const ps_outcomes *own, const ps_model *m, long total) {
  double bytes = per_path_bytes(out, m) + per_path_bytes(own, m);
  double run_bytes = per_path_bytes(own, m) / (double)(own->paths > 0 ? own->paths : 1) * (double)total;
  held_run_bytes *grown = realloc(held_runs, (nheld + 1) * sizeof *held_runs);
  if (!grown) return; /* only the measure misses it */
  held_runs = grown;
  held_runs[nheld++] = (held_run_bytes){out->host, bytes, run_bytes};
  held_now += bytes;
  runs_now += run_bytes;
  if (nheld > most_runs) most_runs = nheld;
  if (held_now > held_most) {
    held_most = held_now;
    held_run = runs_now;
  }
}

/* out for a run of `total` paths whose blocks stay on the ranks (mpi_column.h): the header of rank
** 0's block, with the bands and the band paths' weights (one block of ps_map_huge); the rest
** through the host, made here from *mine (moved into it). PS_OK or PS_ERUNTIME */
static int init_held(ps_outcomes *out, const ps_model *m, ps_outcomes *mine, long total, long band_paths,
                     long id, const long *keep) {
  long *first = calloc((size_t)nranks, sizeof *first);
  if (!first) return PS_ERUNTIME;
  for (int r = 1; r < nranks; r++) first[r] = first[r - 1] + keep[r - 1]; /* the paths kept are a prefix */
  size_t P = (size_t)m->npools;
  long bands = band_paths <= 0 ? PS_BAND_PATHS : band_paths;
  *out = *mine;
  out->paths = total;
  out->first = 0;
  out->band_paths = total < bands ? total : bands;
  size_t w = mine->weight ? (size_t)out->band_paths : 0; /* the band paths' weights */
  /* the bands: rank 0's own when its block holds them all (a large run), else a copy of every block's */
  int own_bands = mine->band_paths == out->band_paths;
  size_t B = own_bands ? 0 : P * (size_t)out->band_paths * (size_t)m->periods;
  out->block_bytes = (w + B + 1) * sizeof(double); /* + 1: there may be neither */
  out->block = ps_map_huge(out->block_bytes);
  out->track_slot = NULL;
  out->track_defaults = out->track_claims = NULL;
  double **host_arrays[] = {&out->required, &out->claims, &out->paid, &out->shortfall, &out->recovered, &out->unsettled,
                            &out->topups, &out->returned, &out->outlay_by_programme, &out->outlay_by_segment,
                            &out->defaults, &out->originated, &out->defaulted_exposure, &out->refused, &out->capped,
                            &out->paused, &out->stopped, &out->declined, &out->lent, &out->losses, &out->net_result,
                            &out->unpaid, &out->ratio, &out->net_by_year, &out->budget, &out->cost_pv,
                            &out->subsidy_rate, &out->cost_by_cohort, &out->volume_by_cohort, &out->party_pv,
                            &out->drawn};
  for (size_t k = 0; k < sizeof host_arrays / sizeof *host_arrays; k++) *host_arrays[k] = NULL; /* the host's */
  out->depletion = out->breached = NULL;
  double *at = out->block;
  out->weight = w ? at : NULL;
  out->balance = own_bands ? mine->balance : B ? at + w : NULL;
  out->host = out->block ? ps_mpi_host_new(id, mine, m, nranks, first, keep) : NULL;
  free(first);
  if (!out->host) {
    ps_unmap_huge(out->block, out->block_bytes);
    memset(out, 0, sizeof *out);
    return PS_ERUNTIME;
  }
  out->host_release = release;
  return PS_OK;
}

/* the run's outcomes from the ranks' statuses and blocks; ps_simulate's code and message */
static int gather(const ps_model *m, const ps_run_options *o, long id, ps_outcomes *mine, ps_mpi_status *st,
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
  } else if (ps_outcomes_truncate(mine, m, keep[0]), init_held(out, m, mine, total, o->band_paths, id, keep)) {
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
    if (keep[r] > 0) place(out, m, r == 0 ? out->host->block : NULL, r, first, band);
  }
  count_held(out, out->host->block, m, total);
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
                    .nsets = m->nsets, .keys = keys, .values = values, .id = ++runs};
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
  int rc = gather(m, o, job.id, &mine, st, out, err, errlen);
  free(st);
  return rc;
}

/* ps_mpi_lead — rank 0: spread every run over the ranks */
void ps_mpi_lead(int ranks, int here) {
  nranks = ranks;
  ps_simulate_distribute(mpi_simulate, ranks);
  ps_simulate_node_share((double)here / ranks); /* what the memory check weighs */
}

/* ps_mpi_finish — rank 0: the other ranks exit with exit_code */
void ps_mpi_finish(int ranks, int exit_code) {
  if (getenv("POOLSIM_MPI_HELD") && held_most > 0)
    fprintf(stderr, "poolsim-mpi: rank 0 held at most %zu runs at once, and at most %.0f bytes of per-path outcomes "
            "(not the bands); the runs it held then: %.0f\n", most_runs, held_most, held_run);
  free(held_runs);
  ps_mpi_job job = {.quit = 1, .exit_code = exit_code};
  ps_mpi_job_send(&job, ranks);
}
