/* test_reports.c — the Markdown and CSV reports of tests/scenarios/small.lua
** (500 paths, seed 7) against the golden files in tests/golden/, byte for byte.
**
** Regenerate the goldens after an intended change to a report (from the repo root):
**
**   make build/release/tests/unit/test_reports && build/release/tests/unit/test_reports --regenerate
**
** then read the diff (git diff tests/golden/) and check a few numbers against the
** JSON of the same run before committing them:
**
**   ./poolsim run tests/scenarios/small.lua --paths 500 --seed 7 --json -
**
** A golden is a statement of what the report should say, not a snapshot of
** whatever the code printed. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "poolsim/poolsim.h"
#include "report/report.h"
#include "stats/results.h"

#define GOLDEN "tests/golden/"

static int regenerate;

/* the whole file, NUL-terminated, or NULL */
static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *s = malloc(cap);
  for (size_t k; s && (k = fread(s + n, 1, cap - n - 1, f)) > 0;) {
    n += k;
    if (n + 1 == cap) {
      char *t = realloc(s, cap *= 2);
      if (!t) free(s);
      s = t;
    }
  }
  fclose(f);
  if (s) s[n] = '\0';
  if (len) *len = n;
  return s;
}

static int write_file(const char *path, const char *data, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f) return -1;
  int ok = fwrite(data, 1, len, f) == len;
  return fclose(f) == 0 && ok ? 0 : -1;
}

/* data against a golden file, byte for byte (or write it with --regenerate) */
static void golden(const char *name, const char *data, size_t len) {
  char path[256];
  snprintf(path, sizeof path, GOLDEN "%s", name);
  if (regenerate) {
    mkdir(GOLDEN, 0777);
    CHECK(write_file(path, data, len) == 0);
    printf("wrote %s\n", path);
    return;
  }
  size_t glen = 0;
  char *want = slurp(path, &glen);
  if (!want) fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
  int same = want && glen == len && memcmp(want, data, len) == 0;
  if (want && !same) {
    size_t i = 0;
    while (i < len && i < glen && want[i] == data[i]) i++;
    size_t line = 1;
    for (size_t k = 0; k < i; k++) line += want[k] == '\n';
    fprintf(stderr, "%s differs from the output at byte %zu (line %zu)\n", path, i, line);
  }
  CHECK(same);
  free(want);
}

static ps_results *run(ps_model *m, int threads) {
  char err[1024];
  ps_options o = {.paths = 500, .seed = 7, .use_seed = 1, .threads = threads};
  ps_results *r = NULL;
  if (ps_scenario_run(m, &o, &r, err, sizeof err) != PS_OK) fprintf(stderr, "run: %s\n", err);
  return r;
}

static int starts(const char *s, const char *prefix) { return strncmp(s, prefix, strlen(prefix)) == 0; }

static void check_csv_form(const char *data, size_t len) {
  CHECK(len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0);
  size_t lf = 0, bare = 0;
  for (size_t i = 0; i < len; i++)
    if (data[i] == '\n') {
      lf++;
      bare += i == 0 || data[i - 1] != '\r';
    }
  CHECK(lf > 1 && bare == 0);
  CHECK(len >= 2 && data[len - 2] == '\r' && data[len - 1] == '\n');
}

/* a directory under /tmp, or "" */
static void temp_dir(char *buf, size_t n) {
  snprintf(buf, n, "/tmp/test_reports.XXXXXX");
  if (!mkdtemp(buf)) buf[0] = '\0';
}

int main(int argc, char **argv) {
  regenerate = argc > 1 && strcmp(argv[1], "--regenerate") == 0;
  char err[1024];
  ps_model *m = NULL;
  CHECK_EQ_INT(ps_scenario_open("tests/scenarios/small.lua", NULL, 0, &m, err, sizeof err), PS_OK);
  if (!m) {
    fprintf(stderr, "%s\n", err);
    return check_summary("test_reports");
  }
  ps_results *r2 = run(m, 2), *r1 = run(m, 1);
  CHECK(r1 && r2);
  if (!r1 || !r2) {
    ps_results_destroy(r1);
    ps_results_destroy(r2);
    ps_scenario_close(m);
    return check_summary("test_reports");
  }

  /* ---- Markdown: the default options (English: the name has no Chinese), with --at rows */
  const double at[] = {5e6, 1e7, 3e7};
  ps_report_options o = {.at = at, .nat = 3};
  char *md = ps_report_markdown(r2, &o), *md1 = ps_report_markdown(r1, &o);
  CHECK(md && md1);
  if (md) golden("small.md", md, strlen(md));
  if (md && md1) CHECK(strcmp(md, md1) == 0); /* the same bytes whatever the threads */
  if (md) {
    CHECK(starts(md, "# small test scheme\n\npoolsim 0.1.0 · scenario `tests/scenarios/small.lua` · sha256 `"));
    CHECK(strstr(md, "seed 7") && strstr(md, "paths 500") && strstr(md, "sha256 `"));
    CHECK(!strstr(md, "thread") && !strstr(md, " s\n")); /* no thread count, no run time */
    CHECK(strstr(md, "| P(depletion) ≤ 5% |") != NULL);
    CHECK(strstr(md, "too close to call") && strstr(md, "misses") && strstr(md, "meets"));
  }
  free(md1);

  /* Chinese labels on request, other targets, one pool */
  const double alphas[] = {0.2, 0.02};
  ps_report_options oz = {.alphas = alphas, .nalphas = 2, .at = at + 1, .nat = 1, .pool = "fund", .lang = "zh"};
  char *mz = ps_report_markdown(r2, &oz);
  CHECK(mz != NULL);
  if (mz) {
    golden("small_zh.md", mz, strlen(mz));
    CHECK(strstr(mz, "## 资金池规模测算") && strstr(mz, "| 耗尽概率 ≤ 20% |") && strstr(mz, "| 耗尽概率 ≤ 2% |"));
    CHECK(!strstr(mz, "≤ 10%"));
  }
  free(mz);
  /* lang "en" wins over the name; the name alone decides with lang NULL (tested in small.md) */
  ps_report_options oe = {.lang = "en"};
  char *me = ps_report_markdown(r2, &oe);
  CHECK(me && strstr(me, "## Pool sizing") && !strstr(me, "资金池规模测算"));
  free(me);

  /* user text is escaped; with lang NULL a Chinese name picks Chinese labels */
  char *name = m->name;
  m->name = "小微 | *risk* pool_";
  char *mx = ps_report_markdown(r2, &(ps_report_options){0});
  CHECK(mx && starts(mx, "# 小微 \\| \\*risk\\* pool\\_\n") && strstr(mx, "## 资金池规模测算"));
  free(mx);
  m->name = name;

  /* ---- CSV */
  char dir[64], sub[96];
  temp_dir(dir, sizeof dir);
  CHECK(dir[0] != '\0');
  snprintf(sub, sizeof sub, "%s/csv", dir); /* missing: created */
  CHECK_EQ_INT(ps_report_csv(sub, r2, &o, err, sizeof err), 0);
  static const char *const files[] = {"bands.csv", "budget.csv", "paths.csv"};
  char *csv2[3] = {0};
  for (int k = 0; k < 3; k++) {
    char path[160], gold[64];
    size_t len = 0;
    snprintf(path, sizeof path, "%s/%s", sub, files[k]);
    csv2[k] = slurp(path, &len);
    CHECK(csv2[k] != NULL);
    if (!csv2[k]) continue;
    check_csv_form(csv2[k], len);
    snprintf(gold, sizeof gold, "small_%s", files[k]);
    golden(gold, csv2[k], len);
  }
  if (csv2[0]) CHECK(starts(csv2[0], "\xEF\xBB\xBFperiod,fund.p05,fund.p50,fund.p95\r\n1,"));
  /* the city puts in the initial 500万 in year 1 and the 100万 top-up in year 2, nothing else */
  if (csv2[1])
    CHECK(strcmp(csv2[1], "\xEF\xBB\xBFyear,city.outlay_mean,city.outlay_p95\r\n1,5000000.00,5000000.00\r\n"
                          "2,1000000.00,1000000.00\r\n") == 0);
  if (csv2[2]) {
    CHECK(strstr(csv2[2], "path,fund.claims,fund.paid,fund.shortfall,fund.recovered,fund.required_initial,"
                          "fund.depletion_period,prog_a.defaults,prog_a.originated,prog_b.defaults,prog_b.originated,"
                          "city.losses,city.net_result,bank_a.losses,bank_a.net_result,bank_b.losses,bank_b.net_result\r\n0,") != NULL);
    size_t rows = 0;
    for (const char *p = csv2[2]; *p; p++) rows += *p == '\n';
    CHECK_EQ_INT(rows, 501);
    /* the mean of a column is the mean the statistics report */
    const char *p = strstr(csv2[2], "\r\n") + 2;
    double sum = 0;
    for (long i = 0; i < 500; i++) {
      char *end;
      strtol(p, &end, 10);   /* path */
      sum += strtod(end + 1, &end); /* fund.claims */
      p = strstr(end, "\r\n") + 2;
    }
    CHECK_NEAR(sum / 500, r2->pools[0].claims.mean, 0.01);
  }
  /* the same bytes from one thread; an existing directory is fine */
  CHECK_EQ_INT(ps_report_csv(sub, r1, &o, err, sizeof err), 0);
  for (int k = 0; k < 3; k++) {
    char path[160];
    snprintf(path, sizeof path, "%s/%s", sub, files[k]);
    char *again = slurp(path, NULL);
    CHECK(again && csv2[k] && strcmp(again, csv2[k]) == 0);
    free(again);
    unlink(path);
  }
  for (int k = 0; k < 3; k++) free(csv2[k]);

  /* ids a spreadsheet would take for formulas get a leading apostrophe; others stay as they are */
  static const char *const hostile[][2] = {
      {"=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\").outlay_mean\""},
      {"+1+1", "'+1+1.outlay_mean"}, {"-2", "'-2.outlay_mean"}, {"@SUM(A1)", "'@SUM(A1).outlay_mean"},
      {"\tx", "'\tx.outlay_mean"}, {"c=1", "c=1.outlay_mean"}};
  int city = 0;
  while (city < m->nparties && strcmp(m->parties[city].id, "city") != 0) city++;
  CHECK(city < m->nparties);
  char *city_id = m->parties[city].id;
  for (size_t k = 0; city < m->nparties && k < sizeof hostile / sizeof *hostile; k++) {
    m->parties[city].id = (char *)hostile[k][0];
    char path[160], want[128];
    CHECK_EQ_INT(ps_report_csv(sub, r2, &o, err, sizeof err), 0);
    snprintf(path, sizeof path, "%s/budget.csv", sub);
    snprintf(want, sizeof want, "\xEF\xBB\xBFyear,%s,", hostile[k][1]);
    char *text = slurp(path, NULL);
    CHECK(text && starts(text, want));
    free(text);
  }
  if (city < m->nparties) m->parties[city].id = city_id;
  for (int k = 0; k < 3; k++) {
    char path[160];
    snprintf(path, sizeof path, "%s/%s", sub, files[k]);
    unlink(path);
  }
  rmdir(sub);

  /* a missing parent: an error naming the directory, and nothing written */
  char deep[160];
  snprintf(deep, sizeof deep, "%s/missing/csv", dir);
  err[0] = '\0';
  CHECK_EQ_INT(ps_report_csv(deep, r2, &o, err, sizeof err), -1);
  CHECK(strstr(err, deep) != NULL);
  char missing[160];
  snprintf(missing, sizeof missing, "%s/missing", dir);
  struct stat st;
  CHECK(stat(missing, &st) != 0 && stat(deep, &st) != 0);
  /* a file where the directory should be */
  char plain[160];
  snprintf(plain, sizeof plain, "%s/plain", dir);
  CHECK(write_file(plain, "x", 1) == 0);
  CHECK_EQ_INT(ps_report_csv(plain, r2, &o, err, sizeof err), -1);
  CHECK(strstr(err, plain) != NULL);
  unlink(plain);
  CHECK(dir[0] && rmdir(dir) == 0); /* empty: nothing left behind */

  free(md);
  ps_results_destroy(r1);
  ps_results_destroy(r2);
  ps_scenario_close(m);
  return check_summary("test_reports");
}
