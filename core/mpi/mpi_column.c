/* mpi_column.c — columns of a run answered by the ranks that hold its blocks (mpi_column.h). */
#include "mpi/mpi_column.h"

#include <limits.h>
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/paired.h"
#include "stats/stats.h"

enum { OP_INFO, OP_SUMS, OP_COUNT, OP_ABOVE, OP_LOCATE, OP_READ, OP_EQUAL, OP_INTS, OP_TIES, OP_TAIL, OP_PATHS, OP_PAIR,
       OP_RELEASE };

/* a column of a block: array (in ps_outcomes_arrays' order; -1: none), item and inner offset */
typedef struct {
  long array, item, at;
} col_ref;

/* a series of a block (stats/paired.h): its kind, its columns, and whether the block's weights weigh it */
typedef struct {
  int kind, weighted;
  col_ref x, minus;
} series_ref;

/* a pair of series (of run and other) with its running sums so far, as OP_PAIR carries it */
typedef struct {
  series_ref a, b;
  double mean;
  ps_pair_sums sums;
} pair_wire;

/* a question; OP_COUNT is followed by `count` order keys, OP_TAIL by `count` col_refs, OP_PAIR by
** `count` pair_wires (second: the pass; upto: the paths paired) */
typedef struct {
  int op, weighted, second, down, by, pad;
  long run, other, from, count, upto; /* upto: the column over the run's paths before it (OP_INFO ... OP_TIES) */
  col_ref x, minus;
  double sign, centre, t, last_w;
} query;

/* values a rank reads out at most at once (OP_READ), paths a rank sends at most at once (OP_PATHS) */
#define CHUNK 16384L
/* values a rank reads out first (a scan often stops after a few): twice as many each time after */
#define FIRST_CHUNK 256L

/* a run's block held by a rank, and the column last asked about, sorted */
typedef struct {
  long id;
  ps_outcomes o;
  ps_outcomes_array a[PS_OUTCOMES_MAX_ARRAYS];
  int na, cached, weighted;
  col_ref x, minus;
  long upto;
  double sign, first;
  size_t n; /* the column's values: the block's paths before upto */
  double *sorted, *sw; /* ascending; the weights along (weighted) */
} held;

/* bytes being put together for an answer */
typedef struct {
  char *p;
  size_t n, cap;
  int oom;
} buf;

static void put(buf *b, const void *x, size_t n) {
  if (b->oom) return;
  if (b->n + n > b->cap) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->n + n) cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) {
      b->oom = 1;
      return;
    }
    b->p = p;
    b->cap = cap;
  }
  memcpy(b->p + b->n, x, n);
  b->n += n;
}

static void put_u64(buf *b, size_t v) {
  uint64_t u = v;
  put(b, &u, sizeof u);
}

/* ---- a block's answers ----------------------------------------------------------------------- */

static const double *col_at(const held *h, const col_ref *c) {
  const ps_outcomes_array *a = &h->a[c->array];
  return (const double *)a->data + (size_t)c->item * (size_t)h->o.paths * a->inner + (size_t)c->at;
}

static const int *int_at(const held *h, const col_ref *c) {
  const ps_outcomes_array *a = &h->a[c->array];
  return (const int *)a->data + (size_t)c->item * (size_t)h->o.paths * a->inner + (size_t)c->at;
}

static size_t stride_of(const held *h, const col_ref *c) { return h->a[c->array].inner; }

/* path i's value of the column q names: what results.c's one-process statistics form */
static double value(const held *h, const query *q, size_t i) {
  double x = col_at(h, &q->x)[i * stride_of(h, &q->x)];
  double m = q->minus.array >= 0 ? col_at(h, &q->minus)[i * stride_of(h, &q->minus)] : 0;
  return q->sign * (x - m) + 0.0; /* as results.c's run_stats: a negated 0 is +0.0 */
}

static int same_ref(const col_ref *a, const col_ref *b) {
  return a->array == b->array && a->item == b->item && a->at == b->at;
}

/* the column q names, sorted (cached); PS_OK or PS_ERUNTIME */
static int column(held *h, const query *q) {
  if (h->cached && same_ref(&h->x, &q->x) && same_ref(&h->minus, &q->minus) && h->sign == q->sign &&
      h->weighted == q->weighted && h->upto == q->upto)
    return PS_OK;
  free(h->sorted);
  h->sorted = h->sw = NULL;
  h->cached = 0;
  long before = q->upto - h->o.first;
  size_t n = before <= 0 ? 0 : before < h->o.paths ? (size_t)before : (size_t)h->o.paths, copies = q->weighted ? 2 : 1;
  h->n = n;
  if (!(h->sorted = malloc((n * copies + 1) * sizeof *h->sorted))) return PS_ERUNTIME;
  h->sw = q->weighted ? h->sorted + n : NULL;
  for (size_t i = 0; i < n; i++) h->sorted[i] = value(h, q, i);
  if (q->weighted) memcpy(h->sw, h->o.weight, n * sizeof *h->sw);
  h->first = n ? h->sorted[0] : 0;
  int rc = q->weighted ? ps_sort_weighted(h->sorted, h->sw, n) : ps_sort_doubles(h->sorted, n);
  if (rc) return rc;
  h->x = q->x;
  h->minus = q->minus;
  h->sign = q->sign;
  h->weighted = q->weighted;
  h->upto = q->upto;
  h->cached = 1;
  return PS_OK;
}

/* the first index of the sorted column whose value is above v (at or above v: strict 0) */
static size_t index_above(const held *h, double v, int strict) {
  size_t a = 0, b = h->n;
  while (a < b) {
    size_t mid = a + (b - a) / 2;
    if (strict ? h->sorted[mid] <= v : h->sorted[mid] < v) a = mid + 1;
    else b = mid;
  }
  return a;
}

/* OP_TAIL: over this block's paths above t and its last `from` paths equal to t (the first of them
** weighing last_w when last_w >= 0), the sums of the count columns in payload */
static void tail_sums(const held *h, const query *q, const col_ref *cols, buf *out) {
  size_t n = (size_t)h->o.paths, ties = 0, k = (size_t)q->count;
  ps_exact_sum *sums = malloc((k + 1) * sizeof *sums);
  if (!sums) {
    out->oom = 1;
    return;
  }
  for (size_t c = 0; c < k; c++) ps_exact_init(&sums[c]);
  for (size_t i = 0; i < n; i++) ties += value(h, q, i) == q->t;
  size_t skip = ties - (size_t)q->from, seen = 0;
  for (size_t i = 0; i < n; i++) {
    double v = value(h, q, i), w = q->weighted ? h->o.weight[i] : 1;
    if (v < q->t) continue;
    if (v == q->t) {
      if (seen++ < skip) continue;
      if (seen == skip + 1 && q->last_w >= 0) w = q->last_w;
    }
    for (size_t c = 0; c < k; c++) {
      double x = col_at(h, &cols[c])[i * stride_of(h, &cols[c])];
      ps_exact_add(&sums[c], q->weighted ? w * x : x);
    }
  }
  put(out, sums, k * sizeof *sums);
  free(sums);
}

/* OP_PATHS: paths from..from+count-1 of the run (this block's), each array but the bands, item by item */
static void paths_of(const held *h, const query *q, buf *out) {
  size_t from = (size_t)(q->from - h->o.first), count = (size_t)q->count;
  for (int k = 0; k < h->na; k++) {
    const ps_outcomes_array *a = &h->a[k];
    if (a->band) continue;
    for (long i = 0; i < a->items; i++)
      put(out, (const char *)a->data + ((size_t)i * (size_t)h->o.paths + from) * a->inner * a->size,
          count * a->inner * a->size);
  }
}

/* the series r names in block h */
static ps_series series_in(const held *h, const series_ref *r) {
  ps_series s = {(ps_series_kind)r->kind, NULL, NULL, NULL};
  int ints = r->kind == PS_SERIES_POSITIVE || r->kind == PS_SERIES_NONZERO;
  if (r->x.array >= 0) s.x = ints ? (const void *)int_at(h, &r->x) : (const void *)col_at(h, &r->x);
  if (r->minus.array >= 0) s.minus = col_at(h, &r->minus);
  if (r->weighted) s.w = h->o.weight;
  return s;
}

/* OP_PAIR: the running sums of each pair continued over the paths of blocks a and b (of two runs, the
** same paths) before q->upto; its code first */
static void answer_pair(const held *a, const held *b, const query *q, const pair_wire *w, buf *out) {
  int rc = a && b ? PS_OK : PS_ERUNTIME;
  put(out, &rc, sizeof rc);
  if (rc) {
    out->oom = 1;
    return;
  }
  long n = q->upto - a->o.first;
  if (n > a->o.paths) n = a->o.paths;
  if (n > b->o.paths) n = b->o.paths;
  for (long k = 0; k < q->count; k++) {
    ps_series sa = series_in(a, &w[k].a), sb = series_in(b, &w[k].b);
    ps_pair_sums sums = w[k].sums;
    ps_pair_add(&sums, &sa, &sb, n > 0 ? (size_t)n : 0, q->second, w[k].mean);
    put(out, &sums, sizeof sums);
  }
}

/* answer q for block h into out (its code first) */
static void answer(held *h, const query *q, const void *payload, buf *out) {
  int rc = PS_OK;
  put(out, &rc, sizeof rc);
  size_t n = (size_t)h->o.paths; /* the block's paths; a column's values: h->n */
  int needs_column = q->op == OP_INFO || q->op == OP_SUMS || q->op == OP_COUNT || q->op == OP_ABOVE ||
                     q->op == OP_LOCATE || q->op == OP_READ || q->op == OP_EQUAL || q->op == OP_TIES;
  if (needs_column && column(h, q)) {
    out->oom = 1;
    return;
  }
  if (needs_column) n = h->n;
  switch (q->op) {
  case OP_INFO: {
    double v[3] = {h->first, n ? h->sorted[0] : 0, n ? h->sorted[n - 1] : 0};
    put_u64(out, n);
    put(out, v, sizeof v);
    break;
  }
  case OP_SUMS: { /* as column.c's local_sums */
    ps_exact_sum s[2];
    ps_exact_init(&s[0]);
    ps_exact_init(&s[1]);
    const double *x = h->sorted, *w = h->sw, c = q->centre;
    for (size_t i = 0; i < n; i++) {
      if (!w && !q->second) ps_exact_add(&s[0], x[i]);
      else if (!w) ps_exact_add(&s[1], (x[i] - c) * (x[i] - c));
      else if (q->second) ps_exact_add(&s[1], w[i] * (x[i] - c) * (x[i] - c));
      else {
        double y = w[i] * x[i];
        ps_exact_add(&s[0], y);
        ps_exact_add(&s[1], y * y);
      }
    }
    put(out, s, sizeof s);
    break;
  }
  case OP_COUNT: {
    const uint64_t *keys = payload;
    for (long j = 0; j < q->count; j++) {
      size_t a = 0, b = n;
      while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (ps_order_key(h->sorted[mid]) <= keys[j]) a = mid + 1;
        else b = mid;
      }
      put_u64(out, a);
    }
    break;
  }
  case OP_ABOVE: { /* the values above t: how many, their sum, and the sums of w, w^2 and w v */
    ps_exact_sum s[4];
    for (int k = 0; k < 4; k++) ps_exact_init(&s[k]);
    size_t from = index_above(h, q->t, 1);
    for (size_t i = from; i < n; i++) ps_exact_add(&s[0], h->sorted[i]);
    for (size_t i = from; h->sw && i < n; i++) {
      ps_exact_add(&s[1], h->sw[i]);
      ps_exact_add(&s[2], h->sw[i] * h->sw[i]);
      ps_exact_add(&s[3], h->sw[i] * h->sorted[i]);
    }
    put_u64(out, n - from);
    put(out, s, sizeof s);
    break;
  }
  case OP_LOCATE: { /* the lowest value whose values above weigh at most t (summed down, roughly) */
    size_t i = n;
    double taken = 0;
    while (i > 0 && taken + h->sw[i - 1] <= q->t) taken += h->sw[--i];
    put_u64(out, n > 0);
    double v = n > 0 ? h->sorted[i < n ? i : n - 1] : 0;
    put(out, &v, sizeof v);
    break;
  }
  case OP_READ: { /* values from..from+count-1 counted from the top (down) or the bottom */
    size_t from = (size_t)q->from, k = from < n ? n - from : 0;
    if (k > (size_t)q->count) k = (size_t)q->count;
    put_u64(out, k);
    for (int pass = 0; pass < 2; pass++) {
      const double *src = pass ? h->sw : h->sorted;
      if (!src) continue;
      for (size_t i = 0; i < k; i++) put(out, &src[q->down ? n - 1 - from - i : from + i], sizeof(double));
    }
    break;
  }
  case OP_EQUAL: { /* the values equal to t next from the top (down) or the bottom, past `from` of them */
    size_t from = (size_t)q->from, k = 0;
    ps_exact_sum s[2];
    ps_exact_init(&s[0]);
    ps_exact_init(&s[1]);
    for (; from + k < n; k++) {
      size_t i = q->down ? n - 1 - from - k : from + k;
      if (h->sorted[i] != q->t) break;
      double w = h->sw ? h->sw[i] : 1;
      ps_exact_add(&s[0], w);
      ps_exact_add(&s[1], w * w);
    }
    put_u64(out, k);
    put(out, s, sizeof s);
    break;
  }
  case OP_INTS: {
    const int *x = int_at(h, &q->x);
    size_t count = 0, stride = stride_of(h, &q->x);
    ps_exact_sum s[2];
    ps_exact_init(&s[0]);
    ps_exact_init(&s[1]);
    for (size_t i = 0; i < n; i++) {
      int d = x[i * stride];
      if (d == 0 || (q->by != 0 && d > q->by)) continue;
      count++;
      if (q->weighted) {
        ps_exact_add(&s[0], h->o.weight[i]);
        ps_exact_add(&s[1], h->o.weight[i] * h->o.weight[i]);
      }
    }
    put_u64(out, count);
    put(out, s, sizeof s);
    break;
  }
  case OP_TIES: { /* above t, and equal to it */
    size_t above = index_above(h, q->t, 1), at_or_above = index_above(h, q->t, 0);
    put_u64(out, n - above);
    put_u64(out, above - at_or_above);
    break;
  }
  case OP_TAIL: tail_sums(h, q, payload, out); break;
  case OP_PATHS: paths_of(h, q, out); break;
  default: break;
  }
}

static void drop(held *h) {
  free(h->sorted);
  ps_outcomes_destroy(&h->o);
  free(h);
}

static held *held_new(long id, ps_outcomes *o, const ps_model *m) {
  held *h = calloc(1, sizeof *h);
  if (!h) return NULL;
  h->id = id;
  h->o = *o;
  memset(o, 0, sizeof *o);
  h->na = ps_outcomes_arrays(&h->o, m, h->a);
  return h;
}

/* ---- the other ranks ------------------------------------------------------------------------ */

static held **kept;
static size_t nkept;

void ps_mpi_hold(long id, ps_outcomes *o, const ps_model *m, int rank) {
  held **grown = realloc(kept, (nkept + 1) * sizeof(held *));
  if (grown) kept = grown;
  held *h = grown ? held_new(id, o, m) : NULL;
  if (!h) {
    fprintf(stderr, "poolsim-mpi: rank %d: out of memory keeping its paths\n", rank);
    MPI_Abort(MPI_COMM_WORLD, 1);
    return;
  }
  kept[nkept++] = h;
}

void ps_mpi_answer(int rank) {
  MPI_Status st;
  int n;
  MPI_Probe(0, PS_TAG_QUERY, MPI_COMM_WORLD, &st);
  MPI_Get_count(&st, MPI_BYTE, &n);
  char *msg = malloc((size_t)n + 1);
  if (!msg) {
    fprintf(stderr, "poolsim-mpi: rank %d: out of memory\n", rank);
    MPI_Abort(MPI_COMM_WORLD, 1);
    return;
  }
  MPI_Recv(msg, n, MPI_BYTE, 0, PS_TAG_QUERY, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  query q;
  memcpy(&q, msg, sizeof q);
  size_t at = 0, other = 0;
  while (at < nkept && kept[at]->id != q.run) at++;
  while (q.op == OP_PAIR && other < nkept && kept[other]->id != q.other) other++;
  if (q.op == OP_RELEASE) { /* no answer */
    if (at < nkept) {
      drop(kept[at]);
      kept[at] = kept[--nkept];
    }
    free(msg);
    return;
  }
  buf out = {0};
  if (q.op == OP_PAIR)
    answer_pair(at < nkept ? kept[at] : NULL, other < nkept ? kept[other] : NULL, &q, (const void *)(msg + sizeof q), &out);
  else if (at == nkept) out.oom = 1;
  else answer(kept[at], &q, msg + sizeof q, &out);
  int fail = PS_ERUNTIME;
  if (out.oom) { /* the code alone: rank 0 reports it */
    MPI_Send(&fail, (int)sizeof fail, MPI_BYTE, 0, PS_TAG_ANSWER, MPI_COMM_WORLD);
  } else {
    MPI_Send(out.p, (int)out.n, MPI_BYTE, 0, PS_TAG_ANSWER, MPI_COMM_WORLD);
  }
  free(out.p);
  free(msg);
}

void ps_mpi_drop_all(void) {
  for (size_t i = 0; i < nkept; i++) drop(kept[i]);
  free(kept);
  kept = NULL;
  nkept = 0;
}

/* ---- rank 0 --------------------------------------------------------------------------------- */

typedef struct {
  ps_column_host host;
  held *mine;
  const ps_model *m;
  int ranks;
  long *first, *count;
  buf *replies; /* one per rank */
} mpi_host;

/* where the column at p (stride elements apart) is in rank 0's block; 0, or -1 when p is no column
** of it */
static int ref_of(const mpi_host *h, const void *p, size_t stride, col_ref *c) {
  const held *b = h->mine;
  uintptr_t at = (uintptr_t)p;
  for (int k = 0; k < b->na; k++) {
    const ps_outcomes_array *a = &b->a[k];
    size_t per = (size_t)b->o.paths * a->inner;
    uintptr_t from = (uintptr_t)a->data;
    if (!a->data || a->band || at < from || at >= from + (size_t)a->items * per * a->size) continue;
    size_t off = (size_t)(at - from) / a->size;
    *c = (col_ref){k, (long)(off / per), (long)(off % per)};
    return c->at < (long)a->inner && (stride == a->inner || a->items == 0) ? 0 : -1;
  }
  return -1;
}

/* rank r's answer into h->replies[r]; PS_OK, or its code, or PS_ERUNTIME (out of memory) */
static int receive(mpi_host *h, int r) {
  MPI_Status st;
  int n;
  ps_mpi_wait(r, PS_TAG_ANSWER);
  MPI_Probe(r, PS_TAG_ANSWER, MPI_COMM_WORLD, &st);
  MPI_Get_count(&st, MPI_BYTE, &n);
  buf *b = &h->replies[r];
  b->n = 0;
  if (b->cap < (size_t)n) {
    char *p = realloc(b->p, (size_t)n);
    if (p) b->p = p, b->cap = (size_t)n;
  }
  int ok = b->cap >= (size_t)n && n >= (int)sizeof(int);
  MPI_Recv(ok ? b->p : NULL, ok ? n : 0, MPI_BYTE, r, PS_TAG_ANSWER, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  if (!ok) return PS_ERUNTIME;
  b->n = (size_t)n;
  int code;
  memcpy(&code, b->p, sizeof code);
  return code;
}

/* q (qs[r] for rank r when qs is given) and its payload to every rank, rank 0's answered here:
** h->replies[r] past their code. PS_OK, or PS_ERUNTIME when a rank (or rank 0) could not answer */
static int ask_each(mpi_host *h, const query *q, const query *qs, const void *payload, size_t plen) {
  buf msg = {0};
  int rc = PS_OK;
  for (int r = 0; r < h->ranks; r++) {
    query one = qs ? qs[r] : *q;
    one.run = h->mine->id;
    msg.n = 0;
    put(&msg, &one, sizeof one);
    put(&msg, payload, plen);
    if (msg.oom) rc = PS_ERUNTIME;
    else if (r > 0) MPI_Send(msg.p, (int)msg.n, MPI_BYTE, r, PS_TAG_QUERY, MPI_COMM_WORLD);
    else {
      h->replies[0].n = 0;
      answer(h->mine, &one, payload, &h->replies[0]);
      if (h->replies[0].oom) rc = PS_ERUNTIME;
    }
  }
  free(msg.p);
  for (int r = 1; r < h->ranks; r++) {
    int code = receive(h, r);
    if (code) rc = code;
  }
  if (rc == PS_OK) memcpy(&rc, h->replies[0].p, sizeof rc);
  return rc;
}

static int ask(mpi_host *h, const query *q, const void *payload, size_t plen) {
  return ask_each(h, q, NULL, payload, plen);
}

/* reading rank r's answer: the bytes after its code */
typedef struct {
  const char *p;
} cursor;

static cursor reply(const mpi_host *h, int r) { return (cursor){h->replies[r].p + sizeof(int)}; }

static void get(cursor *c, void *x, size_t n) {
  memcpy(x, c->p, n);
  c->p += n;
}

static size_t get_u64(cursor *c) {
  uint64_t u;
  get(c, &u, sizeof u);
  return (size_t)u;
}

static void get_sum(cursor *c, ps_exact_sum *into) {
  ps_exact_sum s;
  get(c, &s, sizeof s);
  ps_exact_merge(into, &s);
}

/* a column as a source */
typedef struct {
  double *v, *w; /* a chunk of rank r's sorted values (and weights) */
  size_t len, at, read, n;
  long next_chunk; /* the values the next fetch asks for */
} stream;

typedef struct {
  ps_column_source src;
  mpi_host *h;
  query q;
  stream *in; /* per rank, while a reader is open */
  size_t *count; /* per rank: the column's values there */
  int down, next;
  ps_wseq seq;
} remote;

static int remote_sums(ps_column_source *s, double centre, int second, ps_exact_sum *s1, ps_exact_sum *s2) {
  remote *c = (remote *)s;
  query q = c->q;
  q.op = OP_SUMS;
  q.centre = centre;
  q.second = second;
  ps_exact_init(s1);
  ps_exact_init(s2);
  int rc = ask(c->h, &q, NULL, 0);
  for (int r = 0; rc == PS_OK && r < c->h->ranks; r++) {
    cursor k = reply(c->h, r);
    get_sum(&k, s1);
    get_sum(&k, s2);
  }
  return rc;
}

static int remote_count(ps_column_source *s, const uint64_t *keys, size_t nk, size_t *out) {
  remote *c = (remote *)s;
  query q = c->q;
  q.op = OP_COUNT;
  q.count = (long)nk;
  int rc = ask(c->h, &q, keys, nk * sizeof *keys);
  for (size_t j = 0; j < nk; j++) out[j] = 0;
  for (int r = 0; rc == PS_OK && r < c->h->ranks; r++) {
    cursor k = reply(c->h, r);
    for (size_t j = 0; j < nk; j++) out[j] += get_u64(&k);
  }
  return rc;
}

static int remote_above(ps_column_source *s, double t, size_t *count, ps_exact_sum *sum, ps_exact_sum *w1,
                        ps_exact_sum *w2) {
  remote *c = (remote *)s;
  query q = c->q;
  q.op = OP_ABOVE;
  q.t = t;
  *count = 0;
  ps_exact_init(sum);
  ps_exact_init(w1);
  ps_exact_init(w2);
  int rc = ask(c->h, &q, NULL, 0);
  for (int r = 0; rc == PS_OK && r < c->h->ranks; r++) {
    cursor k = reply(c->h, r);
    *count += get_u64(&k);
    get_sum(&k, sum);
    get_sum(&k, w1);
    get_sum(&k, w2);
  }
  return rc;
}


/* question q to rank r alone (rank 0: answered here), its reply in h->replies[r]; PS_OK or
** PS_ERUNTIME */
static int ask_rank(mpi_host *h, int r, query q) {
  if (r == 0) {
    buf *b = &h->replies[0];
    b->n = 0;
    answer(h->mine, &q, NULL, b);
    return b->oom ? PS_ERUNTIME : PS_OK;
  }
  q.run = h->mine->id;
  MPI_Send(&q, (int)sizeof q, MPI_BYTE, r, PS_TAG_QUERY, MPI_COMM_WORLD);
  return receive(h, r);
}

/* the next chunk of rank r's values into c->in[r]; PS_OK or PS_ERUNTIME */
static int fetch(remote *c, int r) {
  stream *in = &c->in[r];
  query q = c->q;
  q.op = OP_READ;
  q.down = c->down;
  q.from = (long)in->read;
  q.count = in->next_chunk < FIRST_CHUNK ? FIRST_CHUNK : in->next_chunk;
  in->next_chunk = q.count * 2 < CHUNK ? q.count * 2 : CHUNK;
  mpi_host *h = c->h;
  int rc = ask_rank(h, r, q);
  if (rc) return rc;
  cursor k = reply(h, r);
  in->len = get_u64(&k);
  in->at = 0;
  get(&k, in->v, in->len * sizeof(double));
  if (c->q.weighted) get(&k, in->w, in->len * sizeof(double));
  in->read += in->len;
  return PS_OK;
}

/* as column.c's reader: reading down, the later rank first among equal values */
static int remote_peek(ps_wseq *s, double *v, double *w) {
  remote *c = (remote *)((char *)s - offsetof(remote, seq));
  c->next = -1;
  for (int r = 0; r < c->h->ranks; r++) {
    stream *in = &c->in[r];
    if (in->at == in->len && in->read < in->n && fetch(c, r)) return 0;
    if (in->at == in->len) continue;
    double x = in->v[in->at];
    if (c->next < 0 || (c->down ? x >= *v : x < *v)) {
      c->next = r;
      *v = x;
      *w = c->q.weighted ? in->w[in->at] : 1;
    }
  }
  return c->next >= 0;
}

static void remote_take(ps_wseq *s) {
  remote *c = (remote *)((char *)s - offsetof(remote, seq));
  c->in[c->next].at++;
}

/* past the values equal to v next on every rank (all of them: v is the largest of the ranks' next
** values reading down, the smallest reading up): those in a rank's chunk here, then the rest on the
** rank, summed there (OP_EQUAL) */
static void remote_take_equal(ps_wseq *s, double v, ps_exact_sum *w1, ps_exact_sum *w2) {
  remote *c = (remote *)((char *)s - offsetof(remote, seq));
  mpi_host *h = c->h;
  for (int r = 0; r < h->ranks; r++) {
    stream *in = &c->in[r];
    for (; in->at < in->len && in->v[in->at] == v; in->at++) {
      double w = c->q.weighted ? in->w[in->at] : 1;
      ps_exact_add(w1, w);
      if (w2) ps_exact_add(w2, w * w);
    }
    if (in->at < in->len || in->read >= in->n) continue; /* another value next, or none */
    query q = c->q;
    q.op = OP_EQUAL;
    q.down = c->down;
    q.from = (long)in->read;
    q.t = v;
    if (ask_rank(h, r, q)) { /* as a chunk that could not be read: the rank's values end here */
      in->read = in->n;
      continue;
    }
    cursor k = reply(h, r);
    in->read += get_u64(&k);
    get_sum(&k, w1);
    ps_exact_sum sq;
    get(&k, &sq, sizeof sq);
    if (w2) ps_exact_merge(w2, &sq);
  }
}

static void remote_close_reader(ps_column_source *s, ps_wseq *seq) {
  remote *c = (remote *)s;
  (void)seq;
  for (int r = 0; c->in && r < c->h->ranks; r++) free(c->in[r].v);
  free(c->in);
  c->in = NULL;
}

static int remote_open_reader(ps_column_source *s, int down, ps_wseq **seq) {
  remote *c = (remote *)s;
  if (!(c->in = calloc((size_t)c->h->ranks, sizeof *c->in))) return PS_ERUNTIME;
  c->down = down;
  c->seq = (ps_wseq){.peek = remote_peek, .take = remote_take, .take_equal = remote_take_equal};
  int rc = PS_OK;
  for (int r = 0; rc == PS_OK && r < c->h->ranks; r++) {
    c->in[r].n = c->count[r];
    if (!(c->in[r].v = malloc(2 * CHUNK * sizeof(double)))) rc = PS_ERUNTIME;
    else c->in[r].w = c->in[r].v + CHUNK;
  }
  if (rc) {
    remote_close_reader(s, NULL);
    return rc;
  }
  *seq = &c->seq;
  return PS_OK;
}

/* the reader down from v0, the highest of the values each rank finds with at most limit / ranks of
** its weight above it (so that all the values above v0 weigh at most about limit), checked exactly:
** its streams begin below v0; nothing skipped when the values above v0 weigh more than limit after
** three tries with half as much each time */
static int remote_open_below(ps_column_source *s, double limit, ps_wseq **seq, ps_exact_sum *w_above,
                             ps_exact_sum *wv_above) {
  remote *c = (remote *)s;
  mpi_host *h = c->h;
  ps_exact_init(w_above);
  ps_exact_init(wv_above);
  int rc = remote_open_reader(s, 1, seq);
  if (rc) return rc;
  size_t *above = calloc((size_t)h->ranks, sizeof *above);
  if (!above) rc = PS_ERUNTIME;
  double mass = limit / h->ranks;
  for (int tries = 0; rc == PS_OK && tries < 3 && mass > 0; tries++) {
    query q = c->q;
    q.op = OP_LOCATE;
    q.t = mass;
    if ((rc = ask(h, &q, NULL, 0))) break;
    int any = 0;
    double v0 = 0;
    for (int r = 0; r < h->ranks; r++) {
      cursor k = reply(h, r);
      size_t found = get_u64(&k);
      double v;
      get(&k, &v, sizeof v);
      if (found && (!any || v > v0)) v0 = v, any = 1;
    }
    if (!any) break;
    q.op = OP_ABOVE;
    q.t = v0;
    if ((rc = ask(h, &q, NULL, 0))) break;
    ps_exact_sum w, wv, other;
    ps_exact_init(&w);
    ps_exact_init(&wv);
    ps_exact_init(&other);
    for (int r = 0; r < h->ranks; r++) {
      cursor k = reply(h, r);
      above[r] = get_u64(&k);
      get_sum(&k, &other); /* the values' sum */
      get_sum(&k, &w);
      get_sum(&k, &other); /* the squared weights' */
      get_sum(&k, &wv);
    }
    if (ps_exact_value(&w) <= limit) {
      for (int r = 0; r < h->ranks; r++) c->in[r].read = above[r];
      *w_above = w;
      *wv_above = wv;
      break;
    }
    mass /= 2;
  }
  free(above);
  if (rc) remote_close_reader(s, *seq);
  return rc;
}

static int host_open(ps_column_host *host, const double *x, size_t stride, const double *minus, double sign,
                     int weighted, long upto, ps_column_source **src) {
  mpi_host *h = (mpi_host *)host;
  remote *c = calloc(1, sizeof *c);
  size_t *count = calloc((size_t)h->ranks, sizeof *count);
  if (!c || !count) {
    free(c);
    free(count);
    return PS_ERUNTIME;
  }
  c->h = h;
  c->count = count;
  c->q = (query){.weighted = weighted, .sign = sign, .upto = upto, .minus = {-1, 0, 0}};
  if (ref_of(h, x, stride, &c->q.x) || (minus && ref_of(h, minus, 1, &c->q.minus))) {
    free(count);
    free(c);
    return PS_ERUNTIME;
  }
  c->src = (ps_column_source){.weighted = weighted, .sums = remote_sums, .count = remote_count,
                              .above = remote_above, .open = remote_open_reader, .close = remote_close_reader,
                              .open_below = weighted ? remote_open_below : NULL};
  query q = c->q;
  q.op = OP_INFO;
  int rc = ask(h, &q, NULL, 0), seen = 0;
  for (int r = 0; rc == PS_OK && r < h->ranks; r++) {
    cursor k = reply(h, r);
    size_t n = get_u64(&k);
    double v[3];
    get(&k, v, sizeof v);
    c->count[r] = n;
    c->src.n += n;
    if (n == 0) continue;
    if (!seen) c->src.first = v[0];
    if (!seen || v[1] < c->src.min) c->src.min = v[1];
    if (!seen || v[2] > c->src.max) c->src.max = v[2];
    seen = 1;
  }
  if (rc) {
    free(count);
    free(c);
    return rc;
  }
  *src = &c->src;
  return PS_OK;
}

static void host_close(ps_column_host *host, ps_column_source *src) {
  (void)host;
  if (src) free(((remote *)src)->count);
  free(src);
}

static int host_ints(ps_column_host *host, const int *x, int by, int weighted, size_t *count, ps_exact_sum *w1,
                     ps_exact_sum *w2) {
  mpi_host *h = (mpi_host *)host;
  query q = {.op = OP_INTS, .weighted = weighted, .by = by, .minus = {-1, 0, 0}};
  *count = 0;
  ps_exact_init(w1);
  ps_exact_init(w2);
  if (ref_of(h, x, 1, &q.x)) return PS_ERUNTIME;
  int rc = ask(h, &q, NULL, 0);
  for (int r = 0; rc == PS_OK && r < h->ranks; r++) {
    cursor k = reply(h, r);
    *count += get_u64(&k);
    get_sum(&k, w1);
    get_sum(&k, w2);
  }
  return rc;
}

static int host_tail(ps_column_host *host, const double *x, const double *minus, size_t m, double t, int weighted,
                     double last_w, const double *const *cols, size_t ncols, size_t stride, ps_exact_sum *sums) {
  mpi_host *h = (mpi_host *)host;
  query q = {.op = OP_TIES, .weighted = weighted, .sign = 1, .t = t, .upto = LONG_MAX, .minus = {-1, 0, 0}};
  for (size_t c = 0; c < ncols; c++) ps_exact_init(&sums[c]);
  if (ref_of(h, x, 1, &q.x) || (minus && ref_of(h, minus, 1, &q.minus))) return PS_ERUNTIME;
  col_ref *refs = malloc((ncols + 1) * sizeof *refs);
  query *qs = malloc((size_t)h->ranks * sizeof *qs);
  size_t *ties = calloc((size_t)h->ranks, sizeof *ties), above = 0;
  int rc = refs && qs && ties ? ask(h, &q, NULL, 0) : PS_ERUNTIME;
  for (size_t c = 0; rc == PS_OK && c < ncols; c++)
    if (ref_of(h, cols[c], stride, &refs[c])) rc = PS_ERUNTIME;
  for (int r = 0; rc == PS_OK && r < h->ranks; r++) {
    cursor k = reply(h, r);
    above += get_u64(&k);
    ties[r] = get_u64(&k);
  }
  if (rc == PS_OK) {
    /* the ties taken are the last ones in path order: from the last rank back; the lowest path taken,
    ** the last one's weight cut to last_w, on the first rank that gives any */
    size_t want = m > above ? m - above : 0;
    int lowest = -1;
    for (int r = h->ranks - 1; r >= 0; r--) {
      size_t take = ties[r] < want ? ties[r] : want;
      want -= take;
      qs[r] = q;
      qs[r].op = OP_TAIL;
      qs[r].from = (long)take;
      qs[r].count = (long)ncols;
      qs[r].last_w = -1;
      if (take > 0) lowest = r;
    }
    if (lowest >= 0) qs[lowest].last_w = last_w;
    rc = ask_each(h, NULL, qs, refs, ncols * sizeof *refs);
  }
  for (int r = 0; rc == PS_OK && r < h->ranks; r++) {
    cursor k = reply(h, r);
    for (size_t c = 0; c < ncols; c++) get_sum(&k, &sums[c]);
  }
  free(refs);
  free(qs);
  free(ties);
  return rc;
}

/* paths from..from+count-1 (at most CHUNK, and those of one rank's block) into *out */
static int host_paths(ps_column_host *host, long from, long count, ps_outcomes *out) {
  mpi_host *h = (mpi_host *)host;
  int r = 0;
  while (r + 1 < h->ranks && from >= h->first[r] + h->count[r]) r++;
  if (count > CHUNK) count = CHUNK;
  if (from + count > h->first[r] + h->count[r]) count = h->first[r] + h->count[r] - from;
  if (from < h->first[r] || count < 1) return PS_ERUNTIME;
  if (ps_outcomes_init_block(out, h->m, from, count, 0)) return PS_ERUNTIME;
  query q = {.op = OP_PATHS, .from = from, .count = count, .run = h->mine->id, .minus = {-1, 0, 0}};
  buf *b = &h->replies[r];
  int rc = PS_OK;
  b->n = 0;
  if (r == 0) {
    answer(h->mine, &q, NULL, b);
    rc = b->oom ? PS_ERUNTIME : PS_OK;
  } else {
    MPI_Send(&q, (int)sizeof q, MPI_BYTE, r, PS_TAG_QUERY, MPI_COMM_WORLD);
    rc = receive(h, r);
  }
  ps_outcomes_array a[PS_OUTCOMES_MAX_ARRAYS];
  int na = ps_outcomes_arrays(out, h->m, a);
  cursor k = reply(h, r);
  for (int i = 0; rc == PS_OK && i < na; i++) {
    if (a[i].band) continue;
    size_t bytes = (size_t)a[i].items * (size_t)count * a[i].inner * a[i].size;
    if (bytes) get(&k, a[i].data, bytes);
  }
  if (rc) ps_outcomes_destroy(out);
  return rc;
}

/* series s of h's block as a series_ref; 0, or -1 when it names no column of it */
static int series_ref_of(const mpi_host *h, const ps_series *s, series_ref *r) {
  *r = (series_ref){.kind = (int)s->kind, .weighted = s->w != NULL, .x = {-1, 0, 0}, .minus = {-1, 0, 0}};
  return (s->x && ref_of(h, s->x, 1, &r->x)) || (s->minus && ref_of(h, s->minus, 1, &r->minus)) ? -1 : 0;
}

/* the pairs' sums over the first n paths of runs host and other, block after block in path order:
** each rank continues the sums the blocks before it left (stats/column.h: pair) */
static int host_pair(ps_column_host *host, ps_column_host *other, const ps_series *a, const ps_series *b, int npairs,
                     long n, int pass, const double *means, ps_pair_sums *sums) {
  mpi_host *h = (mpi_host *)host, *o = (mpi_host *)other;
  pair_wire *w = malloc((size_t)(npairs > 0 ? npairs : 1) * sizeof *w);
  int rc = w && o->ranks == h->ranks ? PS_OK : PS_ERUNTIME;
  for (int k = 0; rc == PS_OK && k < npairs; k++) {
    if (series_ref_of(h, &a[k], &w[k].a) || series_ref_of(o, &b[k], &w[k].b)) rc = PS_ERUNTIME;
    w[k].mean = means[k];
  }
  query q = {.op = OP_PAIR, .second = pass, .run = h->mine->id, .other = o->mine->id, .count = npairs, .upto = n,
             .x = {-1, 0, 0}, .minus = {-1, 0, 0}};
  buf msg = {0};
  for (int r = 0; rc == PS_OK && r < h->ranks; r++) {
    long paths = h->count[r] < o->count[r] ? h->count[r] : o->count[r];
    if (h->first[r] >= n || paths <= 0) continue;
    for (int k = 0; k < npairs; k++) w[k].sums = sums[k];
    buf *reply_r = &h->replies[r];
    if (r == 0) {
      reply_r->n = 0;
      answer_pair(h->mine, o->mine, &q, w, reply_r);
      rc = reply_r->oom ? PS_ERUNTIME : PS_OK;
    } else {
      msg.n = 0;
      put(&msg, &q, sizeof q);
      put(&msg, w, (size_t)npairs * sizeof *w);
      if (msg.oom) rc = PS_ERUNTIME;
      else {
        MPI_Send(msg.p, (int)msg.n, MPI_BYTE, r, PS_TAG_QUERY, MPI_COMM_WORLD);
        rc = receive(h, r);
      }
    }
    cursor k = reply(h, r);
    for (int j = 0; rc == PS_OK && j < npairs; j++) get(&k, &sums[j], sizeof sums[j]);
  }
  free(msg.p);
  free(w);
  return rc;
}

ps_column_host *ps_mpi_host_new(long id, ps_outcomes *mine, const ps_model *m, int ranks, const long *first,
                                const long *count) {
  mpi_host *h = calloc(1, sizeof *h);
  long *f = calloc((size_t)ranks * 2, sizeof *f);
  buf *replies = calloc((size_t)ranks, sizeof *replies);
  held *b = h && f && replies ? held_new(id, mine, m) : NULL;
  if (!b) {
    free(h);
    free(f);
    free(replies);
    return NULL;
  }
  h->mine = b;
  h->m = m;
  h->ranks = ranks;
  h->first = f;
  h->count = f + ranks;
  h->replies = replies;
  memcpy(h->first, first, (size_t)ranks * sizeof *first);
  memcpy(h->count, count, (size_t)ranks * sizeof *count);
  h->host = (ps_column_host){.block = &h->mine->o, .open = host_open, .close = host_close, .ints = host_ints,
                             .tail = host_tail, .paths = host_paths, .pair = host_pair};
  return &h->host;
}

void ps_mpi_host_release(ps_column_host *host) {
  mpi_host *h = (mpi_host *)host;
  if (!h) return;
  query q = {.op = OP_RELEASE, .run = h->mine->id};
  for (int r = 1; r < h->ranks; r++) MPI_Send(&q, (int)sizeof q, MPI_BYTE, r, PS_TAG_QUERY, MPI_COMM_WORLD);
  drop(h->mine);
  for (int r = 0; r < h->ranks; r++) free(h->replies[r].p);
  free(h->replies);
  free(h->first);
  free(h);
}
