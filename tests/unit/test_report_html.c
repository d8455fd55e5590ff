/* test_report_html.c — the HTML report (core/report/html_run.c) and the study pages
** (html_study.c): a well-formed, self-contained page with inline SVG charts,
** escaped scenario text, labels by language, and the same bytes whatever the
** number of threads.
**
**   test_report_html                          run the checks
**   test_report_html --write FILE [--paths N] [--lang zh|en] [--scenario LUA]
**                                      write the Mianyang page (2000 paths, --at 2.2e8,2.5e8)
**                                      or another scenario's to FILE
**   test_report_html --check FILE...          the page checks on pages written elsewhere */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "poolsim/poolsim.h"
#include "report/report.h"
#include "stats/study.h"

/* ---- a small well-formedness checker -------------------------------------- */

static int is_void(const char *name) {
  static const char *const v[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                                  "track", "wbr"};
  for (size_t i = 0; i < sizeof v / sizeof *v; i++)
    if (strcmp(name, v[i]) == 0) return 1;
  return 0;
}

static int name_char(char ch) { return isalnum((unsigned char)ch) || ch == '-' || ch == ':' || ch == '_'; }

/* 1 when every opened element is closed in order (void elements excepted; "/>"
** only inside <svg>), every attribute is name="value", text has no raw '<' or
** '>', and every '&' starts an entity; else 0 with the reason in why */
static int well_formed(const char *s, char *why, size_t whylen) {
  char stack[64][32];
  int depth = 0, in_svg = 0;
  size_t line = 1;
  for (const char *p = s; *p;) {
    if (*p == '\n') line++;
    if (*p == '<') {
      if (strncmp(p, "<!--", 4) == 0) {
        const char *e = strstr(p, "-->");
        if (!e) return snprintf(why, whylen, "line %zu: unterminated comment", line), 0;
        p = e + 3;
        continue;
      }
      if (strncmp(p, "<!", 2) == 0) {
        const char *e = strchr(p, '>');
        if (!e) return snprintf(why, whylen, "line %zu: unterminated <!", line), 0;
        p = e + 1;
        continue;
      }
      if (p[1] == '/') {
        char name[32];
        size_t n = 0;
        for (p += 2; name_char(*p) && n + 1 < sizeof name; p++) name[n++] = (char)tolower((unsigned char)*p);
        name[n] = 0;
        if (*p != '>') return snprintf(why, whylen, "line %zu: bad closing tag </%s", line, name), 0;
        p++;
        if (depth == 0 || strcmp(stack[depth - 1], name) != 0)
          return snprintf(why, whylen, "line %zu: </%s> closes <%s>", line, name, depth ? stack[depth - 1] : "(nothing)"), 0;
        depth--;
        if (strcmp(name, "svg") == 0) in_svg = 0;
        continue;
      }
      char name[32];
      size_t n = 0;
      for (p++; name_char(*p) && n + 1 < sizeof name; p++) name[n++] = (char)tolower((unsigned char)*p);
      name[n] = 0;
      if (!n) return snprintf(why, whylen, "line %zu: raw '<' in text", line), 0;
      int self = 0;
      for (;;) {
        while (*p == ' ' || *p == '\n' || *p == '\t') {
          if (*p == '\n') line++;
          p++;
        }
        if (*p == '>') {
          p++;
          break;
        }
        if (p[0] == '/' && p[1] == '>') {
          self = 1;
          p += 2;
          break;
        }
        const char *an = p;
        while (name_char(*p)) p++;
        if (p == an) return snprintf(why, whylen, "line %zu: <%s> bad attribute at '%.10s'", line, name, p), 0;
        if (p[0] != '=' || p[1] != '"')
          return snprintf(why, whylen, "line %zu: <%s> attribute %.*s not quoted", line, name, (int)(p - an), an), 0;
        p += 2;
        const char *e = strchr(p, '"');
        if (!e) return snprintf(why, whylen, "line %zu: unterminated attribute", line), 0;
        for (const char *q = p; q < e; q++)
          if (*q == '<') return snprintf(why, whylen, "line %zu: '<' in an attribute of <%s>", line, name), 0;
        p = e + 1;
      }
      if (self && !in_svg && !is_void(name))
        return snprintf(why, whylen, "line %zu: <%s/> self-closed outside svg", line, name), 0;
      if (self || is_void(name)) continue;
      if (depth == 64) return snprintf(why, whylen, "line %zu: nested too deep", line), 0;
      snprintf(stack[depth++], sizeof stack[0], "%s", name);
      if (strcmp(name, "svg") == 0) in_svg = 1;
      if (strcmp(name, "style") == 0 || strcmp(name, "script") == 0) { /* raw text */
        char end[40];
        snprintf(end, sizeof end, "</%s>", name);
        const char *e = strstr(p, end);
        if (!e) return snprintf(why, whylen, "line %zu: unterminated <%s>", line, name), 0;
        for (; p < e; p++)
          if (*p == '\n') line++;
      }
      continue;
    }
    if (*p == '>') return snprintf(why, whylen, "line %zu: raw '>' in text", line), 0;
    if (*p == '&') {
      const char *q = p + 1;
      if (*q == '#') q++;
      while (isalnum((unsigned char)*q)) q++;
      if (*q != ';' || q == p + 1) return snprintf(why, whylen, "line %zu: bare '&'", line), 0;
    }
    p++;
  }
  if (depth) return snprintf(why, whylen, "<%s> never closed", stack[depth - 1]), 0;
  return 1;
}

static int count(const char *s, const char *needle) {
  int n = 0;
  for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle)) n++;
  return n;
}

/* every <svg> has a non-empty <title>, both axis titles and tick labels; returns the number of svgs */
static int check_svgs(const char *html) {
  int n = 0;
  for (const char *p = html; (p = strstr(p, "<svg")); n++) {
    const char *e = strstr(p, "</svg>");
    CHECK(e != NULL);
    if (!e) break;
    size_t len = (size_t)(e - p);
    char *svg = malloc(len + 1);
    memcpy(svg, p, len);
    svg[len] = 0;
    const char *t = strstr(svg, "<title");
    CHECK(t != NULL && strstr(t, "</title>") && strchr(t, '>') + 1 < strstr(t, "</title>"));
    CHECK(strstr(svg, "<text class=\"axis-x\"") != NULL);
    CHECK(strstr(svg, "<text class=\"axis-y\"") != NULL);
    CHECK(count(svg, "<text class=\"tick\"") >= 4);
    CHECK(strstr(svg, "viewBox=\"") != NULL);
    free(svg);
    p = e;
  }
  return n;
}

/* no network: the only URL is the SVG namespace; no scripts or external resources */
static void check_offline(const char *html) {
  for (const char *p = html; (p = strstr(p, "http://")); p++)
    CHECK(strncmp(p, "http://www.w3.org/2000/svg\"", 27) == 0);
  CHECK(strstr(html, "https://") == NULL);
  CHECK(strstr(html, "<script") == NULL && strstr(html, "<SCRIPT") == NULL);
  CHECK(strstr(html, "<link") == NULL && strstr(html, "<img") == NULL && strstr(html, "@import") == NULL);
  CHECK(strstr(html, "src=") == NULL && strstr(html, "href=") == NULL);
  for (const char *p = html; (p = strstr(p, "url(")); p++) CHECK(strncmp(p, "url(#", 5) == 0);
  /* no NaN or infinity leaked into numbers */
  CHECK(strstr(html, "nan\"") == NULL && strstr(html, "nan,") == NULL && strstr(html, "nan ") == NULL);
  CHECK(strstr(html, "inf\"") == NULL && strstr(html, "inf,") == NULL);
}

static void check_page(const char *html, const char *what) {
  char why[256] = "";
  int ok = well_formed(html, why, sizeof why);
  if (!ok) fprintf(stderr, "%s: not well-formed: %s\n", what, why);
  CHECK(ok);
  CHECK(strncmp(html, "<!DOCTYPE html>", 15) == 0);
  CHECK(strstr(html, "<meta charset=\"utf-8\">") != NULL);
  CHECK(strstr(html, "@page") != NULL && strstr(html, "size:A4") != NULL);
  CHECK(strstr(html, "break-inside:avoid") != NULL);
  int svgs = check_svgs(html);
  if (svgs < 5) fprintf(stderr, "%s: %d svg charts\n", what, svgs);
  CHECK(svgs >= 5);
  check_offline(html);
  CHECK(strstr(html, PS_VERSION) != NULL);
}

/* a study page (tornado, sweep, compare, max_volume): well-formed, exactly one chart */
static void check_study_page(const char *html, const char *what) {
  char why[256] = "";
  int ok = html && well_formed(html, why, sizeof why);
  if (!ok) fprintf(stderr, "%s: not well-formed: %s\n", what, html ? why : "no page");
  CHECK(ok);
  if (!html) return;
  CHECK(strncmp(html, "<!DOCTYPE html>", 15) == 0);
  CHECK(strstr(html, "<meta charset=\"utf-8\">") != NULL && strstr(html, "size:A4") != NULL);
  int svgs = check_svgs(html);
  if (svgs != 1) fprintf(stderr, "%s: %d svg charts\n", what, svgs);
  CHECK(svgs == 1);
  CHECK(count(html, "<title") == 2); /* the page's and the chart's */
  CHECK(strstr(html, "class=\"answer\"") != NULL && strstr(html, "<table") != NULL);
  check_offline(html);
  CHECK(strstr(html, PS_VERSION) != NULL);
}

/* each study's page (threads 1 and 2: the same bytes) */
static void study_pages(void) {
  char err[1024];
  const char *small = "tests/scenarios/small.lua";
  const char *kinds[] = {"tornado", "sweep1", "sweep2", "compare", "volume"};
  for (int k = 0; k < 5; k++) {
    char *page[2] = {NULL, NULL};
    for (int t = 0; t < 2; t++) {
      ps_options o = {.paths = 200, .seed = 7, .use_seed = 1, .threads = t + 1};
      int rc = PS_ERUNTIME;
      if (k == 0) {
        const char *keys[] = {"segments.a_small.pd", "programmes.prog_a.claim_lag"};
        ps_tornado *s = NULL;
        rc = ps_tornado_run(small, NULL, 0, keys, 2, 0.2, &o, &s, err, sizeof err);
        if (rc == PS_OK) page[t] = ps_report_tornado_html(s, NULL);
        ps_tornado_free(s);
      } else if (k == 1 || k == 2) {
        ps_vary v[2] = {{.key = "segments.a_small.pd", .values = {"0.02", "0.04", "0.06"}, .nvalues = 3},
                        {.key = "pools.fund.initial", .values = {"3e6", "6e6"}, .nvalues = 2}};
        ps_sweep *s = NULL;
        rc = ps_sweep_run(small, NULL, 0, v, k, &o, NULL, &s, err, sizeof err);
        if (rc == PS_OK) page[t] = ps_report_sweep_html(s, NULL);
        ps_sweep_free(s);
      } else if (k == 3) {
        ps_model *a = NULL, *b = NULL;
        ps_compare *s = NULL;
        ps_override set = {"segments.a_small.pd", "0.05"};
        if (ps_model_new(small, NULL, 0, &a, err, sizeof err) == PS_OK &&
            ps_model_new(small, &set, 1, &b, err, sizeof err) == PS_OK)
          rc = ps_compare_run(a, b, &o, NULL, &s, err, sizeof err);
        if (rc == PS_OK) page[t] = ps_report_compare_html(s, NULL);
        ps_compare_free(s);
        ps_model_free(a);
        ps_model_free(b);
      } else {
        double alpha[1] = {0.1};
        ps_study_options so = {.alphas = alpha, .nalphas = 1};
        ps_volume *s = NULL;
        rc = ps_volume_run(small, NULL, 0, &o, &so, &s, err, sizeof err);
        if (rc == PS_OK) page[t] = ps_report_volume_html(s, NULL);
        ps_volume_free(s);
      }
      if (rc != PS_OK) fprintf(stderr, "%s: %s\n", kinds[k], err);
      CHECK_EQ_INT(rc, PS_OK);
    }
    CHECK(page[0] && page[1]);
    if (page[0] && page[1]) {
      check_study_page(page[0], kinds[k]);
      CHECK(strcmp(page[0], page[1]) == 0); /* byte-identical across thread counts */
      CHECK(strstr(page[0], "<html lang=\"en\">") != NULL);
      CHECK(strstr(page[0], "<text class=\"axis-x\"") != NULL && strstr(page[0], "<text class=\"axis-y\"") != NULL);
    }
    if (page[0] && k == 0) {
      CHECK(strstr(page[0], "Sensitivity") != NULL && strstr(page[0], "segments.a_small.pd") != NULL);
      CHECK(strstr(page[0], "programmes.prog_a.claim_lag") != NULL && strstr(page[0], "class=\"hi\"") != NULL);
      CHECK(strstr(page[0], "tests/scenarios/small.lua") != NULL);
    }
    if (page[0] && k == 1) CHECK(strstr(page[0], "0.04") != NULL && strstr(page[0], "class=\"whisker\"") != NULL);
    if (page[0] && k == 2) CHECK(strstr(page[0], "pools.fund.initial") != NULL && strstr(page[0], "6e6") != NULL);
    if (page[0] && k == 3) CHECK(strstr(page[0], "B − A") != NULL && strstr(page[0], "class=\"b\"") != NULL);
    if (page[0] && k == 4) CHECK(strstr(page[0], "k = ") != NULL && strstr(page[0], "P ≤ 10%") != NULL);
    free(page[0]);
    free(page[1]);
  }
}

/* pages built from hand-made study values: markup in every string is escaped,
** Chinese names give Chinese labels */
static void study_values(void) {
  static char mark[] = "<b>x</b> & y", file[] = "<i>.lua", sha[] = "ab", pool[] = "<p>", key[] = "k<script>";
  static char v1[] = "<v1>", v2[] = "v&2", bname[] = "\"B\" <i>", han[] = "绵阳";
  double alpha[1] = {0.05};
  ps_study_scenario sc = {.name = mark, .file = file, .sha256 = sha};
  /* every party: one government's outlay */
  static char gov[] = "<g>";
  char *party_ids[1] = {gov};
  const char *measures[1] = {"outlay"};
  ps_study_figures figs = {1, party_ids, measures};
  ps_difference pd0 = {3e6, 3e6, 0, 0, 0, 0}, pd = {3e6, 3.5e6, 5e5, 1e4, 4.8e5, 5.2e5};
  double base_value = 3e6;
  /* tornado */
  ps_tornado_point base = {1e6, 0.1}, lo = {8e5, 0.05}, hi = {1.3e6, 0.2};
  ps_tornado_bar bar = {.key = key, .base = 1, .low = 0.8, .high = 1.2, .swing = 5e5, .lo = &lo, .hi = &hi, .parties = &pd};
  char *pools[1] = {pool};
  ps_tornado t = {sc, 0.2, 1, pools, &base, 1, &bar, figs, &base_value};
  /* sweep */
  ps_estimate s1 = {1e6, 9e5, 1.1e6}, s2 = {1.2e6, 1e6, 1.4e6};
  ps_sweep_cell c1 = {pool, {0.1, 0.08, 0.12}, 5e5, 9e5, &s1}, c2 = {pool, {0.2, 0.17, 0.23}, 6e5, 1e6, &s2};
  ps_sweep_row rows[2] = {{{v1, NULL}, 1, &c1, &pd0}, {{v2, NULL}, 1, &c2, &pd}};
  ps_sweep w = {sc, 1, {key, NULL}, 1, alpha, 2, rows, figs};
  /* compare */
  ps_estimate sa = {2e6, 1.8e6, 2.2e6}, sb = {2.5e6, 2.2e6, 2.8e6};
  ps_compare_entry e = {pool, {1e6, 1.2e6, 2e5, 1e4, 1.8e5, 2.2e5}, {0.1, 0.12, 0.02, 0.005, 0.01, 0.03}, &sa, &sb};
  ps_compare cmp = {sc, {.name = bname, .file = file, .sha256 = sha}, 100, 1, 1, alpha, 1, &e, figs, &pd};
  /* largest volume */
  ps_volume_row vr = {.alpha = 0.1, .scale = 1.5, .lending = 3e8, .depletion = {0.09, 0.07, 0.11}, .parties = &pd};
  ps_volume v = {sc, pool, 2e8, 0.04, 1, &vr, figs};
  for (int k = 0; k < 4; k++) {
    for (int zh = 0; zh < 2; zh++) {
      const char *lang = zh ? "zh" : NULL;
      char *h = k == 0 ? ps_report_tornado_html(&t, lang)
              : k == 1 ? ps_report_sweep_html(&w, lang)
              : k == 2 ? ps_report_compare_html(&cmp, lang)
                       : ps_report_volume_html(&v, lang);
      if (zh) {
        CHECK(h && strstr(h, "<html lang=\"zh-CN\">") != NULL && strstr(h, "结论") != NULL);
        free(h);
        continue;
      }
      check_study_page(h, "hand-made values");
      if (h) {
        CHECK(strstr(h, "<script") == NULL && strstr(h, "<b>x") == NULL && strstr(h, "<p>") == NULL);
        CHECK(strstr(h, "<i>") == NULL && strstr(h, "<v1>") == NULL);
        if (k != 3) CHECK(strstr(h, "&lt;p&gt;") != NULL); /* max_volume names no pool */
        CHECK(strstr(h, "&lt;b&gt;x&lt;/b&gt; &amp; y") != NULL);
        if (k == 1) CHECK(strstr(h, "k&lt;script&gt;") != NULL && strstr(h, "v&amp;2") != NULL);
        if (k == 2) CHECK(strstr(h, "&quot;B&quot; &lt;i&gt;") != NULL);
        /* every party: the table, its party escaped, the difference of 50万 */
        CHECK(strstr(h, "<g>") == NULL && strstr(h, "&lt;g&gt;") != NULL && strstr(h, "Every party") != NULL);
        CHECK(strstr(h, "+50.0万元") != NULL);
      }
      free(h);
    }
  }
  /* a Chinese scenario name: Chinese labels by default */
  v.scenario.name = han;
  char *h = ps_report_volume_html(&v, NULL);
  CHECK(h && strstr(h, "<html lang=\"zh-CN\">") != NULL && strstr(h, "亿元") != NULL);
  free(h);
}

static ps_results *run(ps_model *m, long paths, int threads) {
  char err[1024];
  ps_options o = {.paths = paths, .seed = 7, .use_seed = 1, .threads = threads};
  ps_results *r = NULL;
  if (ps_scenario_run(m, &o, &r, err, sizeof err) != PS_OK) {
    fprintf(stderr, "run: %s\n", err);
    return NULL;
  }
  return r;
}

static int write_mode(int argc, char **argv) {
  const char *out = argv[2], *lang = NULL, *scenario = "scenarios/mianyang_2022.lua";
  long paths = 2000;
  for (int i = 3; i + 1 < argc; i += 2) {
    if (strcmp(argv[i], "--paths") == 0) paths = atol(argv[i + 1]);
    else if (strcmp(argv[i], "--lang") == 0) lang = argv[i + 1];
    else if (strcmp(argv[i], "--scenario") == 0) scenario = argv[i + 1];
  }
  char err[1024];
  ps_model *m = NULL;
  if (ps_model_new(scenario, NULL, 0, &m, err, sizeof err) != PS_OK) {
    fprintf(stderr, "%s\n", err);
    return 1;
  }
  ps_options o = {.paths = paths};
  ps_results *r = NULL;
  if (ps_scenario_run(m, &o, &r, err, sizeof err) != PS_OK) {
    fprintf(stderr, "%s\n", err);
    ps_model_free(m);
    return 1;
  }
  double at[2] = {2.2e8, 2.5e8};
  ps_report_options ro = {.at = at, .nat = 2, .lang = lang};
  char *html = ps_report_html(r, &ro);
  FILE *f = html ? fopen(out, "w") : NULL;
  int rc = !(f && fputs(html, f) >= 0);
  if (f && fclose(f)) rc = 1;
  if (rc) fprintf(stderr, "cannot write %s\n", out);
  free(html);
  ps_results_free(r);
  ps_model_free(m);
  return rc;
}

/* what a committee reads (issue 17): the page starts with the one-sentence answer naming the owner,
** keeps one glossary, prints page numbers and its title on every page with the party-type column on
** one line; its audit block gives the date, the command line (shell-quoted) and the threads only when
** the front end passes them, and the histogram says why a pool runs dry left of the initial line */
static void committee(void) {
  char err[1024];
  ps_model *m = NULL;
  CHECK_EQ_INT(ps_model_new("tests/scenarios/small.lua", NULL, 0, &m, err, sizeof err), PS_OK);
  ps_results *r = m ? run(m, 300, 2) : NULL;
  if (!r) {
    ps_model_free(m);
    return;
  }
  char *argv[] = {"poolsim", "run", "tests/scenarios/small.lua", "--set", "name=it's"};
  ps_report_options plain = {.lang = "en"}, cli = {.lang = "en", .argc = 5, .argv = argv};
  setenv("SOURCE_DATE_EPOCH", "86400", 1);
  char *p = ps_report_html(r, &plain), *c = ps_report_html(r, &cli), *zh = ps_report_html(r, &(ps_report_options){.lang = "zh"});
  unsetenv("SOURCE_DATE_EPOCH");
  CHECK(p && c && zh);
  if (p && c && zh) {
    check_page(c, "small, with the command line");
    const char *h = strstr(p, "<p class=\"headline\">500.0万元 from City finance bureau is not enough to keep the two-year "
                              "risk of running dry at or below 5%: ");
    CHECK(h && h < strstr(p, "<p class=\"answer\">"));
    CHECK(strstr(zh, "<p class=\"headline\">City finance bureau出资的 500.0万元 不足以把两年内资金耗尽的风险控制在 5% 以内：需要 "));
    CHECK(strstr(p, "<dt>run at</dt>") == NULL && strstr(p, "command line") == NULL);
    CHECK(strstr(c, "<dt>run at</dt><dd>1970-01-02 00:00:00 UTC</dd>"));
    CHECK(strstr(c, "<code>poolsim run tests/scenarios/small.lua --set &#39;name=it&#39;\\&#39;&#39;s&#39;</code>") ||
          strstr(c, "<code>poolsim run tests/scenarios/small.lua --set 'name=it'\\''s'</code>"));
    CHECK(strstr(c, "<dt>threads</dt><dd>2 threads"));
    CHECK(strstr(p, "@bottom-center{content:counter(page)") && strstr(p, "@page{@top-center{content:\"small test scheme\""));
    CHECK(strstr(p, "<td class=\"kind\">government</td>") && strstr(p, "td.kind{white-space:nowrap}"));
    CHECK(strstr(p, "<dl class=\"glossary\">") && strstr(zh, "<dt>补偿缺口</dt>"));
    CHECK(!strstr(zh, "申请赔付") && !strstr(zh, "赔付缺口") && !strstr(zh, "代偿申请") && !strstr(zh, "代偿缺口"));
    CHECK(strstr(p, "A pool can run dry even in paths whose net outlay ends left of the initial-balance line, because "
                    "recoveries come back long after the claims are paid"));
  }
  free(p);
  free(c);
  free(zh);
  ps_results_free(r);
  ps_model_free(m);
}

int main(int argc, char **argv) {
  if (argc >= 3 && strcmp(argv[1], "--write") == 0) return write_mode(argc, argv);
  if (argc >= 3 && strcmp(argv[1], "--check") == 0) { /* check pages written elsewhere */
    for (int i = 2; i < argc; i++) {
      FILE *f = fopen(argv[i], "rb");
      CHECK(f != NULL);
      if (!f) continue;
      fseek(f, 0, SEEK_END);
      long n = ftell(f);
      rewind(f);
      char *s = malloc((size_t)n + 1);
      CHECK(s && fread(s, 1, (size_t)n, f) == (size_t)n);
      fclose(f);
      if (!s) continue;
      s[n] = 0;
      check_page(s, argv[i]);
      free(s);
    }
    return check_summary("test_report_html");
  }

  committee();
  /* the checker itself */
  char why[256];
  CHECK(well_formed("<!DOCTYPE html><p a=\"1\">x &amp; y<br></p>", why, sizeof why));
  CHECK(!well_formed("<p><b>x</p></b>", why, sizeof why));
  CHECK(!well_formed("<p a=1>x</p>", why, sizeof why));
  CHECK(!well_formed("<p>x", why, sizeof why));
  CHECK(!well_formed("<p>a < b</p>", why, sizeof why));
  CHECK(!well_formed("<p>a & b</p>", why, sizeof why));
  CHECK(well_formed("<svg><line x1=\"0\"/></svg>", why, sizeof why));
  CHECK(!well_formed("<div/>", why, sizeof why));

  char err[1024];
  ps_model *m = NULL;
  CHECK_EQ_INT(ps_model_new("tests/scenarios/small.lua", NULL, 0, &m, err, sizeof err), PS_OK);
  if (!m) return check_summary("test_report_html");
  ps_results *r1 = run(m, 500, 1), *r2 = run(m, 500, 2);
  CHECK(r1 && r2);
  if (r1 && r2) {
    double at[2] = {3e6, 5e6}, alphas[2] = {0.10, 0.02};
    ps_report_options o = {.at = at, .nat = 2, .alphas = alphas, .nalphas = 2};
    char *h1 = ps_report_html(r1, &o), *h2 = ps_report_html(r2, &o);
    CHECK(h1 && h2);
    if (h1 && h2) {
      check_page(h1, "small.lua");
      CHECK(strcmp(h1, h2) == 0); /* byte-identical across thread counts */
      CHECK(strstr(h1, "<html lang=\"en\">") != NULL); /* "small test scheme": no Chinese */
      CHECK(strstr(h1, "small test scheme") != NULL);
      CHECK(strstr(h1, "300万元") != NULL && strstr(h1, "500万元") != NULL); /* the --at balances */
      CHECK(strstr(h1, "α = 2%") != NULL && strstr(h1, "α = 10%") != NULL);
      CHECK(count(h1, "class=\"meets\"") + count(h1, "class=\"misses\"") + count(h1, "class=\"close\"") >= 4);
      CHECK(strstr(h1, "Monte Carlo") != NULL);
      CHECK(strstr(h1, "tests/scenarios/small.lua") != NULL);
      CHECK(strstr(h1, "City finance bureau") != NULL); /* the government's outlay chart */
      CHECK(strstr(h1, "seconds") == NULL && strstr(h1, " s,") == NULL); /* no run time */
    }
    free(h1);
    free(h2);
    /* defaults: no options at all */
    char *h3 = ps_report_html(r1, NULL);
    CHECK(h3 != NULL);
    if (h3) {
      check_page(h3, "small.lua, no options");
      CHECK(strstr(h3, "α = 5%") != NULL && strstr(h3, "α = 1%") != NULL);
    }
    free(h3);
    /* one pool only in the sizing answer: an unknown one leaves no answer paragraph */
    ps_report_options op = {.pool = "no_such_pool"};
    char *h4 = ps_report_html(r1, &op);
    CHECK(h4 && strstr(h4, "class=\"answer\"") == NULL);
    free(h4);
  }
  ps_results_free(r1);
  ps_results_free(r2);
  ps_model_free(m);

  /* scenario text is escaped: a name and an override value with markup */
  ps_override set[2] = {{"name", "<script>alert(\"x\")</script> & <b>co</b>"}, {"pools.fund.initial", "6e6"}};
  m = NULL;
  CHECK_EQ_INT(ps_model_new("tests/scenarios/small.lua", set, 2, &m, err, sizeof err), PS_OK);
  if (m) {
    ps_results *r = run(m, 300, 2);
    char *h = r ? ps_report_html(r, NULL) : NULL;
    CHECK(h != NULL);
    if (h) {
      check_page(h, "escaped name");
      CHECK(strstr(h, "<script") == NULL && strstr(h, "<b>co") == NULL);
      CHECK(count(h, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;co&lt;/b&gt;") >= 3);
      CHECK(strstr(h, "pools.fund.initial=6e6") != NULL); /* the overrides in the audit block */
    }
    free(h);
    ps_results_free(r);
    ps_model_free(m);
  }

  study_pages();
  study_values();

  /* Mianyang: Chinese by default (its name is Chinese), English on request */
  m = NULL;
  CHECK_EQ_INT(ps_model_new("scenarios/mianyang_2022.lua", NULL, 0, &m, err, sizeof err), PS_OK);
  if (m) {
    ps_results *r = run(m, 300, 2);
    CHECK(r != NULL);
    if (r) {
      char *zh = ps_report_html(r, NULL);
      ps_report_options en_o = {.lang = "en"};
      char *en = ps_report_html(r, &en_o);
      CHECK(zh && en);
      if (zh && en) {
        check_page(zh, "mianyang zh");
        check_page(en, "mianyang en");
        CHECK(strstr(zh, "<html lang=\"zh-CN\">") != NULL);
        CHECK(strstr(zh, "耗尽概率") != NULL && strstr(zh, "规模测算") != NULL && strstr(zh, "财政年度") != NULL);
        CHECK(strstr(zh, "蒙特卡洛") != NULL && strstr(zh, "Probability of depletion") == NULL);
        CHECK(strstr(en, "<html lang=\"en\">") != NULL);
        CHECK(strstr(en, "probability of depletion") != NULL && strstr(en, "fiscal year") != NULL);
        CHECK(strstr(en, "耗尽概率") == NULL && strstr(en, "财政年度") == NULL);
        CHECK(strstr(en, "绵阳市财政局") != NULL); /* names stay as the scenario gives them */
        CHECK(strstr(zh, "亿元") != NULL && strstr(en, "亿元") != NULL);
        CHECK(strstr(zh, m ? "scenarios/mianyang_2022.lua" : "") != NULL);
        /* per pool: histogram, fan, depletion by year, sizing curve, convergence; per government: outlay */
        CHECK(count(zh, "<svg") == 6 && count(en, "<svg") == 6);
        ps_results *r1 = run(m, 300, 1); /* the same bytes with one thread */
        char *zh1 = r1 ? ps_report_html(r1, NULL) : NULL;
        CHECK(zh1 && strcmp(zh, zh1) == 0);
        free(zh1);
        ps_results_free(r1);
      }
      free(zh);
      free(en);
      ps_results_free(r);
    }
    ps_model_free(m);
  }
  return check_summary("test_report_html");
}
