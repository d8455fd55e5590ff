/* main.c — the poolsim command line: run, size, check, compare, sweep, backtest,
** script. A front end on the public API alone (include/poolsim/), as an
** embedding program would be: it parses the arguments, calls the engine, and
** is the one part of poolsim that writes files. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/args.h"
#include "poolsim/poolsim.h"

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
  /* a report its renderer writes to a file itself (the workbook), with arg: data is NULL */
  int (*write_to)(const char *path, const void *arg, char *err, size_t errlen);
  const void *arg;
  int device; /* the path is a device or a FIFO (/dev/null, a pipe): written into, never renamed over */
} report_file;

typedef struct {
  report_file file[5 + PS_NCSV];
  int n;
} report_set;

/* add a report (its path copied, data taken over and freed with the set) */
static void set_add(report_set *s, const char *what, const char *dir, const char *name, char *data) {
  report_file *f = &s->file[s->n++];
  size_t n = strlen(name) + (dir ? strlen(dir) + 1 : 0) + 1;
  f->what = what;
  f->data = data;
  f->tmp = NULL;
  f->write_to = NULL;
  f->device = 0;
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
  if (f->write_to) { /* the renderer writes the file by its name; then it goes to disk as the others */
    close(fd);
    int rc = f->write_to(f->tmp, f->arg, err, errlen);
    if (rc == PS_OK && ((fd = open(f->tmp, O_RDONLY)) < 0 || fsync(fd) != 0 || close(fd) != 0)) {
      snprintf(err, errlen, "%s: cannot write: %s", f->path, strerror(errno));
      rc = PS_ERUNTIME;
    }
    return rc;
  }
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

/* len bytes of data into the device or FIFO at path, opened without waiting for a reader; PS_OK or
** PS_ERUNTIME with a message */
static int write_device(const char *path, const char *data, size_t len, char *err, size_t errlen) {
  int fd = open(path, O_WRONLY | O_NONBLOCK);
  if (fd < 0) {
    snprintf(err, errlen, "%s: cannot write: %s", path, errno == ENXIO ? "nothing is reading the FIFO" : strerror(errno));
    return PS_ERUNTIME;
  }
  (void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK); /* opened: now the writes may wait for the reader */
  size_t done = 0;
  while (done < len) {
    ssize_t w = write(fd, data + done, len - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) break;
    done += (size_t)w;
  }
  int e = errno;
  int ok = close(fd) == 0 && done == len;
  if (!ok) snprintf(err, errlen, "%s: cannot write: %s", path, strerror(done == len ? errno : e));
  return ok ? PS_OK : PS_ERUNTIME;
}

/* a workbook written to its temporary file, then into the device at f->path */
static int copy_to_device(report_file *f, char *err, size_t errlen) {
  FILE *in = fopen(f->tmp, "rb");
  char *buf = NULL;
  size_t len = 0, cap = 0;
  int rc = in ? PS_OK : PS_ERUNTIME;
  for (char chunk[65536]; rc == PS_OK;) {
    size_t got = fread(chunk, 1, sizeof chunk, in);
    if (got == 0) break;
    if (len + got > cap) {
      char *grown = realloc(buf, cap = 2 * (len + got));
      if (!grown) {
        rc = PS_ERUNTIME;
        break;
      }
      buf = grown;
    }
    memcpy(buf + len, chunk, got);
    len += got;
  }
  if (in) (void)fclose(in); /* read only */
  if (rc) snprintf(err, errlen, "%s: cannot write: out of memory or unreadable temporary file", f->path);
  else rc = write_device(f->path, buf ? buf : "", len, err, errlen);
  free(buf);
  return rc;
}

/* write the set (see above); returns the exit code, with a message on stderr */
static int set_write(report_set *s) {
  char err[2048] = "";
  int rc = PS_OK;
  for (int i = 0; rc == PS_OK && i < s->n; i++) {
    report_file *f = &s->file[i];
    if (!f->path || (!f->data && !f->write_to)) {
      snprintf(err, sizeof err, "out of memory writing %s", f->what);
      rc = PS_ERUNTIME;
    } else if (strcmp(f->path, "-") != 0) {
      struct stat st; /* a device or a FIFO is written into last, like stdout; renaming would replace it */
      f->device = stat(f->path, &st) == 0 && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode));
      if (!f->device || f->write_to) rc = write_temporary(f, err, sizeof err);
    }
  }
  for (int i = 0; rc == PS_OK && i < s->n; i++) {
    report_file *f = &s->file[i];
    if (!f->tmp || f->device) continue;
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
    if (!f->device) continue;
    rc = f->write_to ? copy_to_device(f, err, sizeof err) : write_device(f->path, f->data, strlen(f->data), err, sizeof err);
  }
  for (int i = 0; rc == PS_OK && i < s->n; i++) {
    report_file *f = &s->file[i];
    if (strcmp(f->path, "-") != 0 || !f->data) continue; /* a workbook never goes to stdout */
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

/* the workbook of a run (--xlsx): written by its renderer into the set's temporary file */
typedef struct {
  const ps_results *r;
  const ps_report_options *o;
} xlsx_job;

static int write_xlsx(const char *path, const void *arg, char *err, size_t errlen) {
  const xlsx_job *j = arg;
  return ps_report_xlsx(j->r, j->o, path, err, errlen);
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

/* SIGINT/SIGTERM stop the workers: a run reports the paths finished, a study nothing (study_stopped) */
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

/* the depletion target tail sampling aims at: the smallest --alpha (0: the default, sim/sampling.h) */
static double smallest_alpha(const cli *c) {
  double a = 0;
  for (int k = 0; k < c->nalphas; k++)
    if (k == 0 || c->alphas[k] < a) a = c->alphas[k];
  return a;
}

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
                  .serve = c->serve,
                  .sampling_alpha = smallest_alpha(c)};
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
  xlsx_job xj = {r, &ro};
  if (c->xlsx) {
    set_add(&set, "Excel workbook", NULL, c->xlsx, NULL);
    set.file[set.n - 1].write_to = write_xlsx;
    set.file[set.n - 1].arg = &xj;
  }
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
  if (ps_stop_signal()) { /* stopped while its last run finished: nothing to report (study_stopped) */
    free(text);
    free(json);
    free(html);
    return PS_OK;
  }
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

/* a study that did not run: its message (none when a stop signal cut its runs short) */
static void study_error(int rc, const char *err) {
  if (!ps_stop_signal()) fprintf(stderr, "%s%s\n", rc == PS_ERUNTIME ? "poolsim: " : "", err);
}

/* A study stopped by SIGINT or SIGTERM writes no report: its runs are not all complete, and figures
** compared across runs of different paths would mislead. 128 + the signal, as a run stopped so. */
static int study_stopped(void) {
  fprintf(stderr, "poolsim: stopped by signal %d before every run of the study was complete: no report written\n",
          ps_stop_signal());
  return 128 + ps_stop_signal();
}

/* compare and sweep: every run on the same seed and paths (A's, unless given);
** the study runs, then its reports are rendered and written */
static int study(const cli *c, const ps_model *m) {
  char err[2048];
  ps_options o = {.paths = c->paths ? c->paths : ps_model_paths(m),
                  .seed = c->has_seed ? (unsigned long long)c->seed : ps_model_seed(m),
                  .use_seed = 1,
                  .threads = c->threads,
                  .search = 1,
                  .sampling_alpha = smallest_alpha(c)}; /* under tail sampling, as run and size aim */
  ps_study_options so = {c->nalphas ? c->alphas : NULL, c->nalphas, c->pool};
  catch_stop_signals();
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
      rc = study_reports(c, shown, shown ? ps_report_compare_text(s, c->lang) : NULL, c->json ? ps_report_compare_json(s) : NULL,
                         c->html ? ps_report_compare_html(s, c->lang) : NULL);
    else study_error(rc, err);
    ps_compare_free(s);
  } else if (c->breakeven.field) {
    ps_breakeven *s = NULL;
    rc = ps_breakeven_run(c->scenario, c->sets, c->nsets, &o, &c->breakeven, &s, err, sizeof err);
    if (rc == PS_OK)
      rc = study_reports(c, shown, shown ? ps_report_breakeven_text(s, c->lang) : NULL, c->json ? ps_report_breakeven_json(s) : NULL,
                         c->html ? ps_report_breakeven_html(s, c->lang) : NULL);
    else study_error(rc, err);
    ps_breakeven_free(s);
  } else if (c->volume) {
    ps_volume *s = NULL;
    rc = ps_volume_run(c->scenario, c->sets, c->nsets, &o, &so, &s, err, sizeof err);
    if (rc == PS_OK)
      rc = study_reports(c, shown, shown ? ps_report_volume_text(s, c->lang) : NULL, c->json ? ps_report_volume_json(s) : NULL,
                         c->html ? ps_report_volume_html(s, c->lang) : NULL);
    else study_error(rc, err);
    ps_volume_free(s);
  } else if (c->ntornado) {
    ps_tornado *s = NULL;
    rc = ps_tornado_run(c->scenario, c->sets, c->nsets, c->tornado, c->ntornado, c->by, &o, &s, err, sizeof err);
    if (rc == PS_OK)
      rc = study_reports(c, shown, shown ? ps_report_tornado_text(s, c->lang) : NULL, c->json ? ps_report_tornado_json(s) : NULL,
                         c->html ? ps_report_tornado_html(s, c->lang) : NULL);
    else study_error(rc, err);
    ps_tornado_free(s);
  } else {
    ps_sweep *s = NULL;
    rc = ps_sweep_run(c->scenario, c->sets, c->nsets, c->vary, c->nvary, &o, &so, &s, err, sizeof err);
    if (rc == PS_OK)
      rc = study_reports(c, shown, shown ? ps_report_sweep_text(s, c->lang) : NULL, c->json ? ps_report_sweep_json(s) : NULL,
                         c->html ? ps_report_sweep_html(s, c->lang) : NULL);
    else study_error(rc, err);
    ps_sweep_free(s);
  }
  return ps_stop_signal() ? study_stopped() : rc;
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
  cli c;
  int rc = ps_cli_parse(argc, argv, &c);
  if (rc == PS_CLI_DONE) return finish(PS_OK);
  if (rc) return rc;
  if (strcmp(c.command, "script") == 0) {
    char err[2048];
    rc = ps_script_run(c.scenario, c.script_argc, c.script_argv, c.trust, err, sizeof err);
    if (rc) fprintf(stderr, "%s\n", err);
    return finish(rc);
  }
  char err[2048];
  if (c.keys) { /* check --keys: the file need not be valid, only run */
    char *keys;
    rc = ps_model_keys(c.scenario, c.sets, c.nsets, &keys, err, sizeof err);
    if (rc) fprintf(stderr, "%s\n", err);
    else fputs(keys, stdout);
    if (!rc) free(keys);
    return finish(rc);
  }
  ps_model *m;
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
