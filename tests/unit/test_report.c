/* test_report.c — the Markdown, CSV and terminal reports of tests/scenarios/small.lua
** (500 paths, seed 7) against the golden files in tests/golden/, byte for byte.
**
** Regenerate the goldens after an intended change to a report (from the repo root):
**
**   make build/release/tests/unit/test_report && build/release/tests/unit/test_report --regenerate
**
** then read the diff (git diff tests/golden/) and check a few numbers against the
** JSON of the same run before committing them:
**
**   ./poolsim run tests/scenarios/small.lua --paths 500 --seed 7 --json -
**
** A golden is a statement of what the report should say, not a snapshot of
** whatever the code printed. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "poolsim/poolsim.h"
#include "report/labels.h"
#include "report/report.h"
#include "stats/results.h"
#include "stats/sizing.h"

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

/* does text hold w as words of their own (not inside an id such as bank_a, or a path)? */
static int has_words(const char *text, const char *w) {
  size_t n = strlen(w);
  for (const char *p = text; (p = strstr(p, w)) != NULL; p++) {
    char before = p > text ? p[-1] : ' ', after = p[n];
    if (!strchr("_./-", before) && !isalnum((unsigned char)before) && !strchr("_./-", after) && !isalnum((unsigned char)after))
      return 1;
  }
  return 0;
}

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

int main(int argc, char **argv) {
  regenerate = argc > 1 && strcmp(argv[1], "--regenerate") == 0;
  char err[1024];
  ps_model *m = NULL;
  CHECK_EQ_INT(ps_model_new("tests/scenarios/small.lua", NULL, 0, &m, err, sizeof err), PS_OK);
  if (!m) {
    fprintf(stderr, "%s\n", err);
    return check_summary("test_report");
  }
  ps_results *r2 = run(m, 2), *r1 = run(m, 1);
  CHECK(r1 && r2);
  if (!r1 || !r2) {
    ps_results_free(r1);
    ps_results_free(r2);
    ps_model_free(m);
    return check_summary("test_report");
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

  /* ---- CSV: five strings, all or none (the command line writes them); headers "key label (unit)" */
  char *csv2[PS_NCSV] = {0};
  CHECK_EQ_INT(ps_report_csv(r2, &o, csv2, err, sizeof err), 0);
  for (int k = 0; k < PS_NCSV; k++) {
    char gold[64];
    CHECK(csv2[k] != NULL);
    if (!csv2[k]) continue;
    check_csv_form(csv2[k], strlen(csv2[k]));
    snprintf(gold, sizeof gold, "small_%s", ps_csv_names[k]);
    golden(gold, csv2[k], strlen(csv2[k]));
  }
  CHECK(strcmp(ps_csv_names[PS_CSV_BANDS], "bands.csv") == 0 && strcmp(ps_csv_names[PS_CSV_BUDGET], "budget.csv") == 0 &&
        strcmp(ps_csv_names[PS_CSV_PATHS], "paths.csv") == 0 && strcmp(ps_csv_names[PS_CSV_SUMMARY], "summary.csv") == 0 &&
        strcmp(ps_csv_names[PS_CSV_SIZING], "sizing.csv") == 0);
  if (csv2[0])
    CHECK(starts(csv2[0], "\xEF\xBB\xBFperiod Period (month),fund.p05 closing balance (元),fund.p50 closing balance (元),"
                          "fund.p95 closing balance (元)\r\n1,"));
  /* the city puts in the initial 500万 in year 1 and the 100万 top-up in year 2, nothing else */
  if (csv2[1])
    CHECK(strcmp(csv2[1], "\xEF\xBB\xBFyear Fiscal year,\"city.outlay_mean outlay, mean (元)\",\"city.outlay_p95 outlay, p95 (元)\"\r\n"
                          "1,5000000.00,5000000.00\r\n2,1000000.00,1000000.00\r\n") == 0);
  if (csv2[2]) {
    CHECK(strstr(csv2[2], "path path (0-based),fund.claims Claims (元),fund.paid Paid (元),fund.shortfall Shortfall (元),"
                          "fund.recovered Recovered (元),fund.required_initial Required initial balance (元),"
                          "fund.depletion_period first period with a shortfall (0: none) (month),prog_a.defaults Defaults (loans),"
                          "prog_a.originated Loans originated (loans),prog_b.defaults Defaults (loans),prog_b.originated Loans originated (loans),"
                          "city.losses Losses (元),city.net_result Net result (元),bank_a.losses Losses (元),bank_a.net_result Net result (元),"
                          "bank_b.losses Losses (元),bank_b.net_result Net result (元)\r\n0,") != NULL);
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
  /* summary.csv and sizing.csv hold the figures the statistics report */
  if (csv2[PS_CSV_SIZING]) {
    ps_estimate e = ps_sizing_initial(r2->pools[0].sorted_required, r2->pools[0].sorted_weight, (size_t)r2->paths, 0.05);
    char want[256];
    snprintf(want, sizeof want, "\r\nfund,0.05,%.2f,%.2f,%.2f\r\n", e.value, e.lo, e.hi);
    CHECK(starts(csv2[PS_CSV_SIZING], "\xEF\xBB\xBFpool Pool,alpha Target P(depletion) (probability),"
                                      "initial Initial balance needed (元),ci_lo 95% CI low (元),ci_hi 95% CI high (元)\r\nfund,0.1,"));
    CHECK(strstr(csv2[PS_CSV_SIZING], want) != NULL);
  }
  if (csv2[PS_CSV_SUMMARY]) {
    char want[256];
    snprintf(want, sizeof want, "\r\nfund,claims,Claims,%.2f,%.2f,%.2f,%.2f,,,元\r\n", r2->pools[0].claims.mean,
             r2->pools[0].claims.p50, r2->pools[0].claims.p95, r2->pools[0].claims.p99);
    CHECK(strstr(csv2[PS_CSV_SUMMARY], want) != NULL);
    snprintf(want, sizeof want, "\r\nfund,depletion,Probability of depletion within the horizon,%.15g,,,,%.15g,%.15g,probability\r\n",
             r2->pools[0].depletion.value, r2->pools[0].depletion.lo, r2->pools[0].depletion.hi);
    CHECK(strstr(csv2[PS_CSV_SUMMARY], want) != NULL);
    CHECK(strstr(csv2[PS_CSV_SUMMARY], "\r\nscenario,name,scenario,small test scheme,,,,,,\r\n") != NULL);
  }
  /* the same bytes from one thread */
  char *csv1[PS_NCSV] = {0};
  CHECK_EQ_INT(ps_report_csv(r1, &o, csv1, err, sizeof err), 0);
  for (int k = 0; k < PS_NCSV; k++) {
    CHECK(csv1[k] && csv2[k] && strcmp(csv1[k], csv2[k]) == 0);
    free(csv1[k]);
  }
  for (int k = 0; k < PS_NCSV; k++) free(csv2[k]);

  /* ids a spreadsheet would take for formulas get a leading apostrophe; others stay as they are */
  static const char *const hostile[][2] = {
      {"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"\"http://x\"\")"},
      {"+1+1", "'+1+1"}, {"-2", "'-2"}, {"@SUM(A1)", "'@SUM(A1)"},
      {"\tx", "'\tx"}, {"c=1", "c=1"}};
  int city = 0;
  while (city < m->nparties && strcmp(m->parties[city].id, "city") != 0) city++;
  CHECK(city < m->nparties);
  char *city_id = m->parties[city].id;
  for (size_t k = 0; city < m->nparties && k < sizeof hostile / sizeof *hostile; k++) {
    m->parties[city].id = (char *)hostile[k][0];
    char want[128], *files[PS_NCSV] = {0};
    CHECK_EQ_INT(ps_report_csv(r2, &o, files, err, sizeof err), 0);
    snprintf(want, sizeof want, "\xEF\xBB\xBFyear Fiscal year,\"%s.outlay_mean outlay, mean (元)\",", hostile[k][1]);
    CHECK(files[PS_CSV_BUDGET] && starts(files[PS_CSV_BUDGET], want));
    /* alone in its cell (summary.csv), an id that is a number stays one */
    snprintf(want, sizeof want, "\r\n%s,losses,Losses,", k == 0 ? "\"'=HYPERLINK(\"\"http://x\"\")\"" : k == 2 ? "-2" : hostile[k][1]);
    CHECK(files[PS_CSV_SUMMARY] && strstr(files[PS_CSV_SUMMARY], want));
    for (int f = 0; f < PS_NCSV; f++) free(files[f]);
  }
  if (city < m->nparties) m->parties[city].id = city_id;
  /* text cells too: the scenario's name, a pool's id (sizing.csv); a number stays a number */
  static const char *const names[][2] = {{"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"}, {"-1.5", "-1.5"}, {"@x", "'@x"}};
  char *pool_id = m->pools[0].id;
  for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
    m->name = (char *)names[k][0];
    m->pools[0].id = (char *)names[k][0] + 1; /* "cmd|' ...", "1.5", "x": only the name is hostile */
    if (k == 0) m->pools[0].id = "+fund";
    char want[128], *files[PS_NCSV] = {0};
    CHECK_EQ_INT(ps_report_csv(r2, &o, files, err, sizeof err), 0);
    snprintf(want, sizeof want, "\r\nscenario,name,scenario,%s,,,,,,\r\n", names[k][1]);
    CHECK(files[PS_CSV_SUMMARY] && strstr(files[PS_CSV_SUMMARY], want));
    if (k == 0) CHECK(files[PS_CSV_SIZING] && strstr(files[PS_CSV_SIZING], "\r\n'+fund,0.1,"));
    for (int f = 0; f < PS_NCSV; f++) free(files[f]);
  }
  m->name = name;
  m->pools[0].id = pool_id;

  /* a run that kept no per-path outcomes: an error naming paths.csv, and no strings */
  long kept = r2->outcomes.paths;
  r2->outcomes.paths = kept + 1;
  char *none[PS_NCSV] = {0};
  err[0] = '\0';
  CHECK_EQ_INT(ps_report_csv(r2, &o, none, err, sizeof err), PS_ERUNTIME);
  CHECK(strcmp(err, "paths.csv: the per-path outcomes of this run were not kept") == 0);
  CHECK(!none[0] && !none[1] && !none[2] && !none[3] && !none[4]);
  r2->outcomes.paths = kept;

  /* ---- the terminal summary: English unless asked (the name does not decide) */
  char *te = ps_report_text(r2, &o), *se = ps_report_sizing_text(r2, &o);
  CHECK(te && se);
  if (te && se) {
    CHECK(starts(te, "poolsim 0.1.0 — small test scheme\nscenario tests/scenarios/small.lua (sha256 "));
    CHECK(strstr(te, "24 months\n500 paths, seed 7, 2 threads, ") != NULL);
    CHECK(strstr(te, "Pool 'fund', initial balance 500.0万 (amounts in 万元 or 亿元, one unit a column; mean ± standard error)\n") != NULL);
    /* the summary starts with the one sentence that answers the question, naming the owner */
    CHECK(strstr(te, " s\n\n500.0万 from City finance bureau is not enough to keep the two-year risk of running dry at or below 5%: "));
    CHECK(strstr(te, "\nSizing of pool 'fund' over 24 months (500 paths):\n  target                 initial needed   95% CI\n") != NULL);
    CHECK(strstr(te, se) != NULL); /* the sizing answer ends the summary */
    /* the pool's rows are the Markdown's and the HTML's, in their order (report/pool_rows.h) */
    const char *topups = strstr(te, "\n  top-ups "), *unsettled = strstr(te, "\n  claims due after the horizon ");
    CHECK(topups && unsettled && topups < unsettled);
  }
  char *name_en = m->name;
  m->name = "小微企业风险补偿";
  char *tn = ps_report_text(r2, &o);
  CHECK(tn && strstr(tn, "Pool 'fund', initial balance") && !strstr(tn, "资金池 'fund'"));
  free(tn);
  m->name = name_en;
  ps_report_options oc = o;
  oc.lang = "zh";
  char *tz = ps_report_text(r2, &oc), *sz = ps_report_sizing_text(r2, &oc);
  CHECK(tz && sz);
  if (tz && sz) {
    CHECK(strstr(tz, "情景文件 tests/scenarios/small.lua（sha256 ") && strstr(tz, "24 个月\n500 条路径，随机种子 7，2 个线程，用时 "));
    CHECK(strstr(tz, "资金池 'fund'，初始规模 500.0万（金额单位：万元或亿元，每列统一；均值 ± 标准误）\n") != NULL);
    CHECK(strstr(tz, "City finance bureau出资的 500.0万 不足以把两年内资金耗尽的风险控制在 5% 以内：需要 "));
    CHECK(strstr(tz, "  补偿申请  ") && strstr(tz, "  期内耗尽概率：") && strstr(tz, "业务项目（贷款笔数；均值 ± 标准误）\n"));
    CHECK(strstr(tz, "各方损益：") && strstr(tz, "    各财政年度支出（均值 / p95）：") && strstr(tz, "      资金池出资  "));
    CHECK(strstr(tz, "资金池 'fund' 的规模测算（24 个月，500 条路径）：\n") && strstr(tz, "  耗尽概率 ≤ 5%  "));
    CHECK(strstr(tz, "  初始规模 1000.0万 时耗尽概率 = ") && strstr(tz, " 目标 5%："));
    CHECK(strstr(tz, sz) != NULL);
    /* no English label the terminal uses (the shared ones, its own, the verdicts): each
    ** label's words up to its first conversion or line end */
    for (int id = 0; id < PS_NLABELS; id++) {
      int terminal = id < PS_L_MD_AUDIT_FILE || (id >= PS_L_TXT_SIZING_TITLE && id < PS_L_PAGE_STD_ERROR) || id == PS_L_MEETS ||
                     id == PS_L_MISSES;
      if (!terminal) continue;
      const char *en = ps_label((ps_label_id)id, PS_LANG_EN);
      if (strcmp(en, ps_label((ps_label_id)id, PS_LANG_ZH)) == 0) continue; /* p95: the same in both */
      char words[64];
      size_t k = 0;
      while (*en == ' ' || *en == '\n') en++;
      while (en[k] && en[k] != '%' && en[k] != '\n' && en[k] != '(' && k + 1 < sizeof words) k++;
      memcpy(words, en, k);
      while (k > 0 && (words[k - 1] == ' ' || words[k - 1] == ':' || words[k - 1] == ',')) k--;
      words[k] = '\0';
      if (k < 3) continue;
      if (has_words(tz, words)) fprintf(stderr, "the Chinese summary says \"%s\" (label %d)\n", words, id);
      CHECK(!has_words(tz, words));
    }
  }
  free(te);
  free(se);
  free(tz);
  free(sz);

  free(md);
  ps_results_free(r1);
  ps_results_free(r2);
  ps_model_free(m);
  return check_summary("test_report");
}
