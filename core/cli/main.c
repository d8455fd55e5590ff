/* main.c — the poolsim command line: run, size, check, compare, sweep, backtest,
** script. A front end on the public API alone (include/poolsim/), as an
** embedding program would be: it parses the arguments, calls the engine, and
** is the one part of poolsim that writes files. */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "poolsim/poolsim.h"

#define MAX_SETS 256
#define MAX_LIST 32

static const char usage[] =
    "usage: poolsim run   SCENARIO.lua [options]   simulate; full summary and sizing\n"
    "       poolsim size  SCENARIO.lua [options]   simulate; the sizing answer only\n"
    "       poolsim check SCENARIO.lua [--set KEY=VALUE ...]   validate only\n"
    "       poolsim compare A.lua B.lua [options]   A and B on common random numbers, B - A with its error\n"
    "       poolsim sweep SCENARIO.lua --vary KEY=V1,V2,... [--vary KEY2=...] [options]   a line or grid\n"
    "       poolsim sweep SCENARIO.lua --tornado KEY1,KEY2,... [--by 0.2]   each value -20%/+20%\n"
    "       poolsim backtest SCENARIO.lua --actual FILE.csv [options]   actual defaults/claims in the forecast\n"
    "       poolsim script [--trust] DRIVER.lua [args]   a study in Lua (poolsim.run/size/sweep/compare)\n"
    "       poolsim --version\n"
    "options:\n"
    "  --paths N        number of Monte Carlo paths, at most 1e8 (default: the scenario's, else 10000)\n"
    "  --seed S         random seed (default: the scenario's, else 1)\n"
    "  --threads T      worker threads (default: all cores); results do not depend on it\n"
    "  --set KEY=VALUE  override a scenario field, e.g. --set pools.fund.initial=2.5e8 (repeatable)\n"
    "  --json FILE      write the results as JSON (schema 1) to FILE, or - for stdout\n"
    "  --md FILE        the summary's tables in Markdown\n"
    "  --html FILE      one self-contained HTML report with charts (prints to A4)\n"
    "  --csv DIR        bands.csv, budget.csv, paths.csv for spreadsheets\n"
    "  --lang zh|en     labels of the reports (Markdown, HTML: default zh for Chinese scenario names;\n"
    "                   the terminal summary: default en)\n"
    "  --quiet          no terminal summary, no progress bar\n"
    "  --check          audit every path's ledger (slower)\n"
    "  --search         (run) size by bisection when rules react to the balance; size always does\n"
    "  --alpha A[,B..]  depletion targets to size for (default 0.10,0.05,0.01)\n"
    "  --at Y[,Y..]     also give P(depletion) for these initial balances (yuan)\n"
    "  --pool ID        size this pool only\n"
    "  --volume         (size) the largest lending the pool supports at each target, by bisection\n"
  "  --breakeven KEY  (size) the value of a rate or share (a --set key) at which a party's expected cost\n"
  "                   in present value is zero; with --target X, an insurer's expected loss ratio (or a\n"
  "                   guarantor's payout rate) is X; --party ID (default: the first government, insurer),\n"
  "                   --range LO,HI (default 0,1)\n"
  "  --serve S        (size) the smallest fund that also serves at least S (0 < S <= 1) of its\n"
  "                   bridge requests, at each target\n"

    "exit codes: 0 success, 1 runtime failure, 2 usage or scenario error,\n"
    "  130/143 run or size interrupted by SIGINT/SIGTERM (reports cover the paths finished, marked partial;\n"
    "          a second signal a second or more later kills at once)\n";

typedef struct {
  const char *command, *scenario, *scenario_b, *json, *pool, *md, *csv, *html, *lang, *actual;
  ps_breakeven_options breakeven; /* field NULL: no --breakeven */
  ps_vary vary[PS_MAX_VARY];
  int nvary;
  const char *tornado[PS_MAX_VALUES];
  int ntornado;
  double by;
  long paths;
  long long seed;
  int threads, quiet, audit, has_seed, search, volume, trust;
  double serve; /* size --serve: share of bridge requests (0: none) */
  int script_argc;
  char **script_argv;
  ps_override sets[MAX_SETS];
  int nsets;
  double alphas[MAX_LIST], at[MAX_LIST];
  int nalphas, nat;
} cli;

static int usage_error(const char *fmt, const char *arg) {
  fprintf(stderr, "poolsim: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\n%s", usage);
  return PS_EINPUT;
}

static int parse_long(const char *s, long long lo, long long hi, long long *out) {
  char *end;
  errno = 0;
  long long v = strtoll(s, &end, 10);
  if (errno || end == s || *end || v < lo || v > hi) return -1;
  *out = v;
  return 0;
}

/* a comma-separated list of numbers in [lo, hi] */
static int parse_list(const char *s, double lo, double hi, double *out, int *n) {
  char buf[1024];
  if (snprintf(buf, sizeof buf, "%s", s) >= (int)sizeof buf) return -1;
  *n = 0;
  char *save = NULL;
  for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
    char *end;
    errno = 0;
    double v = strtod(tok, &end);
    if (errno || end == tok || *end || !(v >= lo && v <= hi) || *n == MAX_LIST) return -1;
    out[(*n)++] = v;
  }
  return *n ? 0 : -1;
}

static int parse_args(int argc, char **argv, cli *c) {
  memset(c, 0, sizeof *c);
  if (argc < 2) return usage_error("%s", "no command given");
  c->command = argv[1];
  if (strcmp(c->command, "script") == 0) { /* the driver's own arguments are its business */
    int i = 2;
    if (i < argc && strcmp(argv[i], "--trust") == 0) c->trust = 1, i++;
    if (i >= argc) return usage_error("%s", "script needs a driver file: poolsim script [--trust] DRIVER.lua [args]");
    c->scenario = argv[i];
    c->script_argc = argc - i - 1;
    c->script_argv = argv + i + 1;
    return PS_OK;
  }
  if (strcmp(c->command, "run") != 0 && strcmp(c->command, "size") != 0 && strcmp(c->command, "check") != 0 &&
      strcmp(c->command, "compare") != 0 && strcmp(c->command, "sweep") != 0 && strcmp(c->command, "backtest") != 0)
    return usage_error("unknown command '%s'", c->command);
  int is_compare = strcmp(c->command, "compare") == 0;
  for (int i = 2; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    long long n;
    if (a[0] != '-' || strcmp(a, "-") == 0) {
      if (c->scenario && (!is_compare || c->scenario_b)) return usage_error("unexpected argument '%s'", a);
      if (c->scenario) c->scenario_b = a;
      else c->scenario = a;
      continue;
    }
    static const char *const flags[] = {"--quiet", "--check", "--search", "--volume", NULL};
    static const char *const valued[] = {"--paths", "--seed", "--threads", "--set", "--json", "--pool", "--alpha",
                                         "--at",    "--vary", "--md",      "--csv", "--lang", "--tornado",
                                         "--by",    "--html", "--breakeven", "--target", "--party", "--range",
                                         "--actual", "--serve", NULL};
    int takes_value = 0, known = 0;
    for (int k = 0; flags[k]; k++) known |= strcmp(a, flags[k]) == 0;
    for (int k = 0; valued[k]; k++) takes_value |= strcmp(a, valued[k]) == 0;
    if (!known && !takes_value) return usage_error("unknown option '%s'", a);
    if (takes_value && !v) return usage_error("%s needs a value", a);
    if (strcmp(a, "--quiet") == 0) c->quiet = 1;
    else if (strcmp(a, "--search") == 0) c->search = 1;
    else if (strcmp(a, "--volume") == 0) c->volume = 1;
    else if (strcmp(a, "--check") == 0) c->audit = 1;
    else if (strcmp(a, "--paths") == 0) {
      if (parse_long(v, 1, PS_MAX_PATHS, &n))
        return usage_error("--paths must be a whole number from 1 to 100000000 (1e8), got '%s'", v);
      c->paths = (long)n;
    } else if (strcmp(a, "--seed") == 0) {
      if (parse_long(v, 0, (1LL << 53) - 1, &n)) return usage_error("--seed must be a whole number in [0, 2^53), got '%s'", v);
      c->seed = n;
      c->has_seed = 1;
    } else if (strcmp(a, "--threads") == 0) {
      if (parse_long(v, 1, 256, &n)) return usage_error("--threads must be a whole number from 1 to 256, got '%s'", v);
      c->threads = (int)n;
    } else if (strcmp(a, "--set") == 0) {
      char *eq = strchr(v, '=');
      if (c->nsets == MAX_SETS) return usage_error("at most 256 --set, got one more: '%s'", v);
      if (!eq || eq == v) return usage_error("--set needs KEY=VALUE, got '%s'", v);
      *eq = '\0'; /* argv is ours to split */
      c->sets[c->nsets++] = (ps_override){v, eq + 1};
    } else if (strcmp(a, "--vary") == 0) {
      char *eq = strchr(v, '=');
      if (!eq || eq == v || !eq[1] || c->nvary == PS_MAX_VARY)
        return usage_error("--vary needs KEY=V1,V2,... (at most two keys), got '%s'", v);
      *eq = '\0';
      ps_vary *vy = &c->vary[c->nvary++];
      vy->key = v;
      char *save = NULL;
      for (char *tok = strtok_r(eq + 1, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        if (vy->nvalues == PS_MAX_VALUES) return usage_error("--vary %s: at most 64 values", v);
        vy->values[vy->nvalues++] = tok;
      }
    } else if (strcmp(a, "--json") == 0) c->json = v;
    else if (strcmp(a, "--md") == 0) c->md = v;
    else if (strcmp(a, "--html") == 0) c->html = v;
    else if (strcmp(a, "--tornado") == 0) {
      char *save = NULL;
      for (char *tok = strtok_r(argv[i + 1], ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        if (c->ntornado == PS_MAX_VALUES) return usage_error("--tornado: at most 64 keys, got '%s'", v);
        c->tornado[c->ntornado++] = tok;
      }
    } else if (strcmp(a, "--by") == 0) {
      double by[MAX_LIST];
      int n;
      if (parse_list(v, 1e-6, 0.99, by, &n) || n != 1) return usage_error("--by must be a fraction in (0, 1), got '%s'", v);
      c->by = by[0];
    }
    else if (strcmp(a, "--csv") == 0) c->csv = v;
    else if (strcmp(a, "--actual") == 0) c->actual = v;
    else if (strcmp(a, "--lang") == 0) {
      if (strcmp(v, "zh") != 0 && strcmp(v, "en") != 0) return usage_error("--lang must be zh or en, got '%s'", v);
      c->lang = v;
    }
    else if (strcmp(a, "--pool") == 0) c->pool = v;
    else if (strcmp(a, "--breakeven") == 0) c->breakeven.field = v;
    else if (strcmp(a, "--party") == 0) c->breakeven.party = v;
    else if (strcmp(a, "--target") == 0) {
      double x[MAX_LIST];
      int n;
      if (parse_list(v, -1e15, 1e15, x, &n) || n != 1) return usage_error("--target must be a number, got '%s'", v);
      c->breakeven.target = x[0];
      c->breakeven.use_target = 1;
    } else if (strcmp(a, "--range") == 0) {
      double x[MAX_LIST];
      int n;
      if (parse_list(v, -1e15, 1e15, x, &n) || n != 2 || !(x[0] < x[1]))
        return usage_error("--range needs LO,HI with LO < HI, got '%s'", v);
      c->breakeven.lo = x[0];
      c->breakeven.hi = x[1];
    } else if (strcmp(a, "--serve") == 0) {
      double serve[MAX_LIST];
      int n;
      if (parse_list(v, 1e-9, 1, serve, &n) || n != 1) return usage_error("--serve must be a share in (0, 1], got '%s'", v);
      c->serve = serve[0];
    }
    else if (strcmp(a, "--alpha") == 0) {
      if (parse_list(v, 1e-9, 0.999999, c->alphas, &c->nalphas))
        return usage_error("--alpha needs probabilities in (0, 1) separated by commas, got '%s'", v);
    } else if (strcmp(a, "--at") == 0) {
      if (parse_list(v, 0, 1e15, c->at, &c->nat))
        return usage_error("--at needs initial balances in yuan separated by commas, got '%s'", v);
    }
    if (takes_value) i++;
  }
  if (!c->scenario) return usage_error("%s", "no scenario file given");
  if (is_compare && !c->scenario_b) return usage_error("%s", "compare needs two scenario files: A.lua B.lua");
  int is_sweep = strcmp(c->command, "sweep") == 0;
  if (is_sweep && !c->nvary && !c->ntornado) return usage_error("%s", "sweep needs --vary KEY=V1,V2,... or --tornado KEY,...");
  if (is_sweep && c->nvary && c->ntornado) return usage_error("%s", "sweep takes --vary or --tornado, not both");
  if (!is_sweep && (c->nvary || c->ntornado)) return usage_error("%s", "--vary and --tornado belong to sweep");
  if (!c->by) c->by = 0.2;
  if (c->volume && strcmp(c->command, "size") != 0) return usage_error("%s", "--volume belongs to size");
  if (c->breakeven.field && (strcmp(c->command, "size") != 0 || c->volume))
    return usage_error("%s", "--breakeven belongs to size (and not with --volume)");
  if (c->breakeven.field && (c->html || c->md || c->csv))
    return usage_error("%s", "--breakeven writes its answer as text and --json; --html, --md and --csv are not for it");
  if (!c->breakeven.field && (c->breakeven.use_target || c->breakeven.party || c->breakeven.hi > c->breakeven.lo))
    return usage_error("%s", "--target, --party and --range go with --breakeven KEY");
  if ((strcmp(c->command, "backtest") == 0) != (c->actual != NULL))
    return usage_error("%s", c->actual ? "--actual belongs to backtest" : "backtest needs --actual FILE.csv");
  if (c->serve > 0 && (strcmp(c->command, "size") != 0 || c->volume))
    return usage_error("%s", "--serve belongs to size (without --volume)");
  return PS_OK;
}

/* ---- writing reports ------------------------------------------------------
** A run's reports are written as one set: every file first goes to a temporary
** name beside it and is flushed to disk, and only when all of them are there
** are they renamed over the old ones. A full disk or an unwritable folder thus
** leaves the old set whole (never some files old and some new); renames take
** no space. "-" is stdout, written after the files. */

typedef struct {
  const char *what; /* "JSON", "bands.csv", ... for messages */
  char *path;       /* owned */
  char *data;       /* owned; NULL: it could not be made (out of memory) */
  char *tmp;        /* the temporary file while it exists, owned */
} report_file;

typedef struct {
  report_file file[4 + PS_NCSV];
  int n;
} report_set;

/* add a report (its path copied, data taken over and freed with the set) */
static void set_add(report_set *s, const char *what, const char *dir, const char *name, char *data) {
  report_file *f = &s->file[s->n++];
  size_t n = strlen(name) + (dir ? strlen(dir) + 1 : 0) + 1;
  f->what = what;
  f->data = data;
  f->tmp = NULL;
  if ((f->path = malloc(n))) snprintf(f->path, n, "%s%s%s", dir ? dir : "", dir ? "/" : "", name);
}

static void set_free(report_set *s) {
  for (int i = 0; i < s->n; i++) {
    if (s->file[i].tmp) unlink(s->file[i].tmp);
    free(s->file[i].tmp);
    free(s->file[i].path);
    free(s->file[i].data);
  }
  s->n = 0;
}

/* f's data into a new temporary file beside it, on disk; PS_OK or PS_ERUNTIME */
static int write_temporary(report_file *f, char *err, size_t errlen) {
  size_t n = strlen(f->path) + 16;
  if (!(f->tmp = malloc(n))) {
    snprintf(err, errlen, "%s: out of memory", f->path);
    return PS_ERUNTIME;
  }
  snprintf(f->tmp, n, "%s.tmpXXXXXX", f->path);
  int fd = mkstemp(f->tmp);
  if (fd < 0) {
    snprintf(err, errlen, "%s: cannot write: %s", f->path, strerror(errno));
    free(f->tmp);
    f->tmp = NULL;
    return PS_ERUNTIME;
  }
  (void)fchmod(fd, 0644); /* mkstemp makes 0600; a report is for sharing */
  size_t len = strlen(f->data), done = 0;
  while (done < len) {
    ssize_t w = write(fd, f->data + done, len - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) break;
    done += (size_t)w;
  }
  int ok = done == len && fsync(fd) == 0;
  int e = errno;
  ok &= close(fd) == 0;
  if (!ok) snprintf(err, errlen, "%s: cannot write: %s", f->path, strerror(done == len ? errno : e));
  return ok ? PS_OK : PS_ERUNTIME;
}

/* write the set (see above); returns the exit code, with a message on stderr */
static int set_write(report_set *s) {
  char err[2048] = "";
  int rc = PS_OK;
  for (int i = 0; rc == PS_OK && i < s->n; i++) {
    report_file *f = &s->file[i];
    if (!f->path || !f->data) {
      snprintf(err, sizeof err, "out of memory writing %s", f->what);
      rc = PS_ERUNTIME;
    } else if (strcmp(f->path, "-") != 0) {
      rc = write_temporary(f, err, sizeof err);
    }
  }
  for (int i = 0; rc == PS_OK && i < s->n; i++) {
    report_file *f = &s->file[i];
    if (!f->tmp) continue;
    if (rename(f->tmp, f->path) != 0) {
      snprintf(err, sizeof err, "%s: cannot write: %s", f->path, strerror(errno));
      rc = PS_ERUNTIME;
    } else {
      free(f->tmp);
      f->tmp = NULL;
    }
  }
  for (int i = 0; rc == PS_OK && i < s->n; i++) {
    report_file *f = &s->file[i];
    if (strcmp(f->path, "-") != 0) continue;
    size_t len = strlen(f->data);
    if (fwrite(f->data, 1, len, stdout) != len || fflush(stdout)) {
      snprintf(err, sizeof err, "cannot write to stdout: %s", strerror(errno));
      rc = PS_ERUNTIME;
    }
  }
  if (rc) fprintf(stderr, "poolsim: %s\n", err);
  set_free(s);
  return rc;
}

/* the progress bar on stderr (ps_progress_fn): done/total with an ETA */
static void draw_progress(long done, long total, double seconds, void *arg) {
  (void)arg;
  int width = 30, filled = total ? (int)(width * done / total) : width;
  double eta = done ? seconds * (double)(total - done) / (double)done : 0;
  fprintf(stderr, "\r[%.*s%*s] %ld/%ld paths, %.0fs left ", filled, "##############################",
          width - filled, "", done, total, eta);
  (void)fflush(stderr);
}

/* the CSV files into the set, in dir, created when missing (its parent must
** exist); returns the exit code */
static int add_csv(report_set *s, const char *dir, const ps_results *r, const ps_report_options *ro) {
  char err[2048], *files[PS_NCSV];
  struct stat st;
  if (!*dir) {
    fprintf(stderr, "poolsim: CSV output: no directory given\n");
    return PS_ERUNTIME;
  }
  if (ps_report_csv(r, ro, files, err, sizeof err)) {
    fprintf(stderr, "poolsim: %s/%s\n", dir, err);
    return PS_ERUNTIME;
  }
  for (int k = 0; k < PS_NCSV; k++) set_add(s, ps_csv_names[k], dir, ps_csv_names[k], files[k]);
  int e = mkdir(dir, 0777) == 0 ? 0 : errno;
  if (e && !(e == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))) {
    fprintf(stderr, "poolsim: %s: cannot create directory: %s\n", dir, e == EEXIST ? "a file of that name exists" : strerror(e));
    return PS_ERUNTIME;
  }
  return PS_OK;
}

static struct timespec first_stop; /* when the first stop signal came */

/* The first signal asks the workers to stop; one more, a second or more later,
** kills at once (the default action). Repeats within the second are ignored:
** timeout(1) and service managers send a signal to the process and to its
** group, so one request can arrive twice. (clock_gettime, sigaction and raise
** are async-signal-safe.) */
static void on_stop_signal(int sig) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  if (!ps_stop_signal()) {
    first_stop = now;
    ps_request_stop(sig);
  } else if ((double)(now.tv_sec - first_stop.tv_sec) + 1e-9 * (double)(now.tv_nsec - first_stop.tv_nsec) >= 1.0) {
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigaction(sig, &dfl, NULL);
    (void)raise(sig);
  }
}

/* SIGINT/SIGTERM stop the workers, and the run reports the paths finished */
static void catch_stop_signals(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
}

/* simulate, summarise and report; returns the exit code: 128 + the signal
** when interrupted (the reports then cover the paths finished, marked partial) */
static int main_argc;
static char **main_argv;

static int run(const cli *c, const ps_model *m) {
  char err[2048];
  for (int i = 0; c->pool && i <= ps_model_count(m, PS_POOLS); i++) {
    if (i == ps_model_count(m, PS_POOLS)) {
      fprintf(stderr, "poolsim: --pool %s: the scenario has no pool with that id\n", c->pool);
      return PS_EINPUT;
    }
    if (strcmp(ps_model_pool_id(m, i), c->pool) == 0) break;
  }
  if (strcmp(c->command, "size") == 0 && ps_model_count(m, PS_POOLS) == 0) { /* pools = {} (SPEC 2.3b) */
    fprintf(stderr, "poolsim: size: the scenario has no pool (pools = {}), so there is no pool to size; its answer "
                    "is the budget view that poolsim run reports (each government's outlay by fiscal year and kind, "
                    "the insurer's loss ratio)\n");
    return PS_EINPUT;
  }
  int bar = !c->quiet && isatty(STDERR_FILENO);
  ps_options o = {.paths = c->paths,
                  .seed = (unsigned long long)c->seed,
                  .use_seed = c->has_seed,
                  .threads = c->threads,
                  .audit = c->audit,
                  .search = c->search || strcmp(c->command, "size") == 0,
                  .progress = bar ? draw_progress : NULL,
                  .serve = c->serve};
  ps_results *r;
  catch_stop_signals();
  int failed = ps_scenario_run(m, &o, &r, err, sizeof err);
  if (bar) fprintf(stderr, "\r%*s\r", 70, "");
  if (failed) {
    fprintf(stderr, "poolsim: %s\n", err);
    return ps_stop_signal() ? 128 + ps_stop_signal() : failed;
  }
  int stopped = ps_results_stop_signal(r);
  if (stopped)
    fprintf(stderr, "poolsim: interrupted (signal %d): the reports cover the first %ld of %ld paths, marked partial\n",
            stopped, ps_results_paths(r), ps_results_paths_requested(r));
  ps_report_options ro = {c->nalphas ? c->alphas : NULL, c->nalphas, c->at, c->nat, c->pool, c->lang, main_argc, main_argv};
  report_set set = {0};
  int rc = PS_OK;
  if (c->json) set_add(&set, "JSON", NULL, c->json, ps_report_json(r, &ro));
  if (c->md) set_add(&set, "Markdown", NULL, c->md, ps_report_markdown(r, &ro));
  if (c->html) set_add(&set, "HTML", NULL, c->html, ps_report_html(r, &ro));
  if (c->csv) rc = add_csv(&set, c->csv, r, &ro);
  if (rc == PS_OK) rc = set_write(&set);
  else set_free(&set);
  int json_on_stdout = c->json && strcmp(c->json, "-") == 0;
  if (rc == PS_OK && !c->quiet && !json_on_stdout) {
    char *text = strcmp(c->command, "size") == 0 ? ps_report_sizing_text(r, &ro) : ps_report_text(r, &ro);
    if (text) fputs(text, stdout);
    else {
      fprintf(stderr, "poolsim: out of memory writing the summary\n");
      rc = PS_ERUNTIME;
    }
    free(text);
  }
  if (rc == PS_OK && stopped) rc = 128 + stopped;
  ps_results_free(r);
  return rc;
}

/* a study's reports, each rendered by the caller (NULL when out of memory or
** not asked for) and freed here: the text on stdout when shown, then the JSON
** and HTML files as one set; returns the exit code */
static int study_reports(const cli *c, int shown, char *text, char *json, char *html) {
  report_set set = {0};
  if (c->json) set_add(&set, "JSON", NULL, c->json, json);
  if (c->html) set_add(&set, "HTML", NULL, c->html, html);
  int rc = PS_OK;
  if (shown && !text) {
    fprintf(stderr, "poolsim: out of memory writing text\n");
    rc = PS_ERUNTIME;
  } else if (shown) {
    fputs(text, stdout);
  }
  free(text);
  if (rc == PS_OK) rc = set_write(&set);
  else set_free(&set);
  if (!c->json) free(json);
  if (!c->html) free(html);
  return rc;
}

/* a study that did not run: its message */
static void study_error(int rc, const char *err) { fprintf(stderr, "%s%s\n", rc == PS_ERUNTIME ? "poolsim: " : "", err); }

/* compare and sweep: every run on the same seed and paths (A's, unless given);
** the study runs, then its reports are rendered and written */
static int study(const cli *c, const ps_model *m) {
  char err[2048];
  ps_options o = {.paths = c->paths ? c->paths : ps_model_paths(m),
                  .seed = c->has_seed ? (unsigned long long)c->seed : ps_model_seed(m),
                  .use_seed = 1,
                  .threads = c->threads,
                  .search = 1};
  ps_study_options so = {c->nalphas ? c->alphas : NULL, c->nalphas, c->pool};
  int shown = !(c->quiet || (c->json && strcmp(c->json, "-") == 0) || (c->html && strcmp(c->html, "-") == 0));
  int rc;
  if (strcmp(c->command, "compare") == 0) {
    ps_model *b = NULL;
    ps_compare *s = NULL;
    if ((rc = ps_model_new(c->scenario_b, c->sets, c->nsets, &b, err, sizeof err))) {
      fprintf(stderr, "%s\n", err);
      return rc;
    }
    rc = ps_compare_run(m, b, &o, &so, &s, err, sizeof err);
    ps_model_free(b);
    if (rc == PS_OK)
      rc = study_reports(c, shown, shown ? ps_report_compare_text(s) : NULL, c->json ? ps_report_compare_json(s) : NULL,
                         c->html ? ps_report_compare_html(s, c->lang) : NULL);
    else study_error(rc, err);
    ps_compare_free(s);
  } else if (c->breakeven.field) {
    ps_breakeven *s = NULL;
    rc = ps_breakeven_run(c->scenario, c->sets, c->nsets, &o, &c->breakeven, &s, err, sizeof err);
    if (rc == PS_OK)
      rc = study_reports(c, shown, shown ? ps_report_breakeven_text(s) : NULL, c->json ? ps_report_breakeven_json(s) : NULL,
                         NULL);
    else study_error(rc, err);
    ps_breakeven_free(s);
  } else if (c->volume) {
    ps_volume *s = NULL;
    rc = ps_volume_run(c->scenario, c->sets, c->nsets, &o, &so, &s, err, sizeof err);
    if (rc == PS_OK)
      rc = study_reports(c, shown, shown ? ps_report_volume_text(s) : NULL, c->json ? ps_report_volume_json(s) : NULL,
                         c->html ? ps_report_volume_html(s, c->lang) : NULL);
    else study_error(rc, err);
    ps_volume_free(s);
  } else if (c->ntornado) {
    ps_tornado *s = NULL;
    rc = ps_tornado_run(c->scenario, c->sets, c->nsets, c->tornado, c->ntornado, c->by, &o, &s, err, sizeof err);
    if (rc == PS_OK)
      rc = study_reports(c, shown, shown ? ps_report_tornado_text(s) : NULL, c->json ? ps_report_tornado_json(s) : NULL,
                         c->html ? ps_report_tornado_html(s, c->lang) : NULL);
    else study_error(rc, err);
    ps_tornado_free(s);
  } else {
    ps_sweep *s = NULL;
    rc = ps_sweep_run(c->scenario, c->sets, c->nsets, c->vary, c->nvary, &o, &so, &s, err, sizeof err);
    if (rc == PS_OK)
      rc = study_reports(c, shown, shown ? ps_report_sweep_text(s) : NULL, c->json ? ps_report_sweep_json(s) : NULL,
                         c->html ? ps_report_sweep_html(s, c->lang) : NULL);
    else study_error(rc, err);
    ps_sweep_free(s);
  }
  return rc;
}

/* backtest: run on the paths and seed as given (the same paths as run), place the actual file's
** figures in the forecast; the text on stdout, JSON, Markdown and HTML as one set */
static int backtest(const cli *c, const ps_model *m) {
  char err[2048];
  int bar = !c->quiet && isatty(STDERR_FILENO);
  ps_options o = {.paths = c->paths, .seed = (unsigned long long)c->seed, .use_seed = c->has_seed,
                  .threads = c->threads, .audit = c->audit, .progress = bar ? draw_progress : NULL};
  ps_backtest *b = NULL;
  int rc = ps_backtest_run(m, c->actual, &o, &b, err, sizeof err);
  if (bar) fprintf(stderr, "\r%*s\r", 70, "");
  if (rc) { /* the actual file's faults name it first, as a scenario's do; the run's, "poolsim: " as run says them */
    int file_fault = rc == PS_EINPUT && strncmp(err, c->actual, strlen(c->actual)) == 0;
    fprintf(stderr, "%s%s\n", file_fault ? "" : "poolsim: ", err);
    return rc;
  }
  report_set set = {0};
  if (c->json) set_add(&set, "JSON", NULL, c->json, ps_report_backtest_json(b));
  if (c->md) set_add(&set, "Markdown", NULL, c->md, ps_report_backtest_md(b, c->lang));
  if (c->html) set_add(&set, "HTML", NULL, c->html, ps_report_backtest_html(b, c->lang));
  int shown = !(c->quiet || (c->json && strcmp(c->json, "-") == 0) || (c->html && strcmp(c->html, "-") == 0) ||
                (c->md && strcmp(c->md, "-") == 0));
  char *text = shown ? ps_report_backtest_text(b, c->lang) : NULL;
  ps_backtest_free(b);
  if (shown && !text) {
    fprintf(stderr, "poolsim: out of memory writing text\n");
    set_free(&set);
    return PS_ERUNTIME;
  }
  if (text) fputs(text, stdout);
  free(text);
  rc = set_write(&set);
  return rc;
}

/* a summary or a JSON document on stdout that could not be written (a full
** disk, a closed pipe) is a failure, not a success with nothing in it */
static int finish(int rc) {
  if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout))) {
    fprintf(stderr, "poolsim: cannot write to standard output: %s\n", strerror(errno));
    return PS_ERUNTIME;
  }
  return rc;
}

int main(int argc, char **argv) {
  /* the reports' audit block names the command line as given (parsing splits some arguments) */
  main_argv = calloc((size_t)argc + 1, sizeof *main_argv);
  for (int i = 0; main_argv && i < argc; i++)
    if ((main_argv[i] = strdup(argv[i]))) main_argc = i + 1;
  if (argc == 2 && strcmp(argv[1], "--version") == 0) {
    printf("poolsim %s\n", ps_version());
    return finish(PS_OK);
  }
  cli c;
  int rc = parse_args(argc, argv, &c);
  if (rc) return rc;
  if (strcmp(c.command, "script") == 0) {
    char err[2048];
    rc = ps_script_run(c.scenario, c.script_argc, c.script_argv, c.trust, err, sizeof err);
    if (rc) fprintf(stderr, "%s\n", err);
    return finish(rc);
  }
  ps_model *m;
  char err[2048];
  rc = ps_model_new(c.scenario, c.sets, c.nsets, &m, err, sizeof err);
  if (rc) {
    fprintf(stderr, "%s\n", err);
    return rc;
  }
  if (strcmp(c.command, "check") == 0) {
    if (!c.quiet)
      printf("%s: ok — '%s': %d parties, %d pools, %d segments, %d programmes, %d periods\n", c.scenario,
             ps_model_name(m), ps_model_count(m, PS_PARTIES), ps_model_count(m, PS_POOLS),
             ps_model_count(m, PS_SEGMENTS), ps_model_count(m, PS_PROGRAMMES), ps_model_periods(m));
  } else if (strcmp(c.command, "compare") == 0 || strcmp(c.command, "sweep") == 0 || c.volume || c.breakeven.field) {
    rc = study(&c, m);
  } else if (strcmp(c.command, "backtest") == 0) {
    rc = backtest(&c, m);
  } else rc = run(&c, m);
  ps_model_free(m);
  return finish(rc);
}
