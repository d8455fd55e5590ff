/* args.c — the poolsim command line parsed (args.h). One table says which
** command takes which option, one which command writes which report file;
** the help texts are made from them, so they cannot disagree. A usage error is
** one line naming what is wrong, then one pointing to the command's --help. */
#include "cli/args.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { C_RUN = 1, C_SIZE = 2, C_CHECK = 4, C_COMPARE = 8, C_SWEEP = 16, C_BACKTEST = 32, C_SCRIPT = 64 };
#define C_SIM (C_RUN | C_SIZE | C_COMPARE | C_SWEEP | C_BACKTEST) /* the commands that simulate */
#define C_ALL (C_SIM | C_CHECK)

static const struct {
  const char *name, *synopsis, *about;
  int bit;
} commands[] = {
    {"run", "run SCENARIO.lua [options]", "simulate; the full summary and sizing", C_RUN},
    {"size", "size SCENARIO.lua [options]",
     "simulate; the sizing answer only (with --volume: the largest lending; --breakeven KEY: a break-even rate; "
     "--serve S: the fund that also serves S of the bridge requests)",
     C_SIZE},
    {"check", "check SCENARIO.lua [--set KEY=VALUE ...]", "validate only", C_CHECK},
    {"compare", "compare A.lua B.lua [options]", "A and B on common random numbers, B - A with its error", C_COMPARE},
    {"sweep", "sweep SCENARIO.lua --vary KEY=V1,V2,... | --tornado KEY1,KEY2,... [options]",
     "a line or grid of values (--vary, at most two keys), or each value -20%/+20% (--tornado, --by 0.2)", C_SWEEP},
    {"backtest", "backtest SCENARIO.lua --actual FILE.csv [options]", "the actual defaults and claims in the forecast",
     C_BACKTEST},
    {"script", "script [--trust] DRIVER.lua [ARGS...]",
     "a study in Lua (poolsim.run/size/sweep/compare/backtest); ARGS are the driver's (its arg table); --trust lets "
     "it read files outside its folder and use io and os",
     C_SCRIPT},
};
#define NCOMMANDS (int)(sizeof commands / sizeof commands[0])

typedef struct {
  const char *name, *arg; /* arg NULL: a flag without a value */
  int commands, output;   /* output: a report file, see `writes` below */
  const char *help;
} option;

static const option options[] = {
    {"--paths", "N", C_SIM, 0, "number of Monte Carlo paths, at most 1e8 (default: the scenario's, else 10000)"},
    {"--seed", "S", C_SIM, 0, "random seed (default: the scenario's, else 1)"},
    {"--threads", "T", C_SIM, 0, "worker threads (default: all cores); results do not depend on it"},
    {"--set", "KEY=VALUE", C_ALL, 0,
     "override a scenario field, e.g. --set pools.fund.initial=2.5e8; KEY=nil removes it (repeatable)"},
    {"--lang", "zh|en", C_SIM, 0,
     "labels of the terminal summary and reports (default: zh when LC_ALL, LC_MESSAGES or LANG starts with zh; "
     "else reports in Chinese for a Chinese scenario name, the terminal in English)"},
    {"--quiet", NULL, C_ALL, 0, "no terminal summary, no progress bar"},
    {"--check", NULL, C_RUN | C_SIZE | C_BACKTEST, 0, "audit every path's ledger (slower)"},
    {"--keys", NULL, C_CHECK, 0, "list every key --set can change in the scenario as written, one a line"},
    {"--search", NULL, C_RUN | C_SIZE, 0, "size by bisection when rules react to the balance (size always does)"},
    {"--alpha", "A[,B..]", C_RUN | C_SIZE | C_COMPARE | C_SWEEP, 0,
     "depletion targets to size for (default 0.10,0.05,0.01)"},
    {"--at", "Y[,Y..]", C_RUN | C_SIZE, 0, "also give P(depletion) for these initial balances (yuan)"},
    {"--pool", "ID", C_RUN | C_SIZE | C_COMPARE | C_SWEEP, 0, "size this pool only"},
    {"--sampling", "plain|importance", C_RUN | C_SIZE | C_COMPARE | C_SWEEP, 0,
     "importance: tail sampling, the systemic factor shifted toward the smallest --alpha's tail and every "
     "path weighted (as --set sampling=...; default: the scenario's, else plain)"},
    {"--volume", NULL, C_SIZE, 0, "the largest lending the pool supports at each target, by bisection"},
    {"--breakeven", "KEY", C_SIZE, 0,
     "the value of a rate or share (a --set key) at which a party's expected cost in present value is zero"},
    {"--target", "X", C_SIZE, 0, "(--breakeven) an insurer's expected loss ratio, or a guarantor's payout rate, of X"},
    {"--party", "ID", C_SIZE, 0, "(--breakeven) the party (default: the first government, insurer)"},
    {"--range", "LO,HI", C_SIZE, 0, "(--breakeven) where to search (default 0,1)"},
    {"--serve", "S", C_SIZE, 0, "the smallest fund that also serves at least S (0 < S <= 1) of its bridge requests"},
    {"--vary", "KEY=V1,V2,...", C_SWEEP, 0, "the values of a --set key (repeat once for a grid)"},
    {"--tornado", "KEY1,KEY2,...", C_SWEEP, 0, "each key's value -by and +by, the answer's swing"},
    {"--by", "F", C_SWEEP, 0, "(--tornado) the relative change, a fraction in (0, 1) (default 0.2)"},
    {"--actual", "FILE.csv", C_BACKTEST, 0, "actual defaults and claims per period and programme"},
    {"--json", "FILE", C_ALL, 1, "the results as JSON (schema 1) to FILE, or - for stdout"},
    {"--md", "FILE", C_ALL, 1, "the summary's tables in Markdown"},
    {"--html", "FILE", C_ALL, 1, "one self-contained HTML report with charts (prints to A4)"},
    {"--csv", "DIR", C_ALL, 1, "summary.csv, sizing.csv, bands.csv, budget.csv, paths.csv for spreadsheets"},
    {"--xlsx", "FILE", C_ALL, 1, "an Excel workbook: the answer, sizing, budget, parties, bands, audit"},
    {"--help", NULL, C_ALL, 0, "this help (also -h)"},
};
#define NOPTIONS (int)(sizeof options / sizeof options[0])

/* Which command writes which report file. A command given an output option it
** does not write refuses it (exit 2, one line), never ignores it. A new output
** option (--xlsx) gets a column here: a word in each mode's list that writes
** it; tests/cli/test_outputs.sh runs every mode with every output option. */
static const struct {
  const char *mode, *writes;
} writes[] = {
    {"run", "--json --md --html --csv --xlsx"},
    {"size", "--json --md --html --csv --xlsx"},
    {"size --serve", "--json --md --html --csv --xlsx"},
    {"size --volume", "--json --html"},
    {"size --breakeven", "--json --html"},
    {"check", ""},
    {"compare", "--json --html"},
    {"sweep", "--json --html"},
    {"sweep --tornado", "--json --html"},
    {"backtest", "--json --md --html"},
};
#define NWRITES (int)(sizeof writes / sizeof writes[0])

/* options a command takes that one of its modes has no use for: refused too */
static const struct {
  const char *mode, *not_taken;
} limits[] = {
    {"size --volume", "--at --check"},
    {"size --breakeven", "--alpha --at --pool --check"},
    {"sweep --tornado", "--alpha --pool"},
};
#define NLIMITS (int)(sizeof limits / sizeof limits[0])

static const char exit_codes[] =
    "exit codes: 0 success, 1 runtime failure, 2 usage or scenario error,\n"
    "  130/143 interrupted by SIGINT/SIGTERM: run or size write reports of the paths finished, marked\n"
    "          partial, a study none; a second signal a second or more later kills at once\n";

static int command_bit(const char *name) {
  for (int i = 0; i < NCOMMANDS; i++)
    if (strcmp(commands[i].name, name) == 0) return commands[i].bit;
  return 0;
}

static const option *find_option(const char *name) {
  for (int i = 0; i < NOPTIONS; i++)
    if (strcmp(options[i].name, name) == 0) return &options[i];
  return NULL;
}

/* edit distance (insertions, deletions, substitutions), capped for long words */
static int distance(const char *a, const char *b) {
  size_t n = strlen(a), m = strlen(b);
  if (n > 63 || m > 63) return 99;
  int row[64];
  for (size_t j = 0; j <= m; j++) row[j] = (int)j;
  for (size_t i = 1; i <= n; i++) {
    int diag = row[0];
    row[0] = (int)i;
    for (size_t j = 1; j <= m; j++) {
      int up = row[j], best = diag + (a[i - 1] != b[j - 1]);
      if (up + 1 < best) best = up + 1;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      diag = up;
      row[j] = best;
    }
  }
  return row[m];
}

/* the nearest of names within 2 edits (NULL: none) */
static const char *nearest(const char *word, const char *const *names, int n) {
  const char *best = NULL;
  int dmin = 3;
  for (int i = 0; i < n; i++) {
    int d = distance(word, names[i]);
    if (d < dmin) dmin = d, best = names[i];
  }
  return best;
}

/* the usage error: "poolsim: what", then where the help is; PS_EINPUT */
static int usage_error(const cli *c, const char *fmt, const char *arg) {
  fprintf(stderr, "poolsim: ");
  fprintf(stderr, fmt, arg);
  if (c->command && command_bit(c->command)) fprintf(stderr, "\nsee 'poolsim %s --help'\n", c->command);
  else fprintf(stderr, "\nsee 'poolsim --help'\n");
  return PS_EINPUT;
}

/* text from column col on, wrapped at 100 columns to indent; then a new line */
static void wrap(const char *text, int col, int indent) {
  while (*text) {
    size_t n = strcspn(text, " ");
    if (col > indent && col + 1 + (int)n > 100) col = printf("\n%*s", indent, "") - 1;
    else if (col > indent) col += printf(" ");
    col += printf("%.*s", (int)n, text);
    text += n;
    while (*text == ' ') text++;
  }
  printf("\n");
}

/* "  LEFT  TEXT", TEXT under itself */
static void print_item(const char *left, int width, const char *text) {
  int col = printf("  %-*s", width, left);
  if (col > width + 2) col = printf("\n%*s", width + 2, "") - 1;
  wrap(text, col, width + 2);
}

static void print_option(const option *o) {
  char left[40];
  snprintf(left, sizeof left, "%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
  print_item(left, 22, o->help);
}

static void general_help(void) {
  printf("poolsim %s — Monte Carlo simulation and sizing of public credit-support schemes\n\n"
         "usage: poolsim COMMAND ... [options]\n\ncommands:\n",
         ps_version());
  for (int i = 0; i < NCOMMANDS; i++) print_item(commands[i].name, 9, commands[i].about);
  printf("\noutput options (which command writes which: poolsim COMMAND --help):\n");
  for (int i = 0; i < NOPTIONS; i++)
    if (options[i].output) print_option(&options[i]);
  printf("\noptions (which command takes which: poolsim COMMAND --help):\n");
  for (int i = 0; i < NOPTIONS; i++)
    if (!options[i].output) print_option(&options[i]);
  printf("  %-22s %s\n\n%s\nman poolsim has the details; docs/ the model and the scenario format.\n", "--version",
         "the version", exit_codes);
}

/* is mode (a row of `writes`) one of command's: the command, or it and a variant? */
static int mode_of(const char *mode, const char *command) {
  size_t n = strlen(command);
  return strncmp(mode, command, n) == 0 && (mode[n] == '\0' || mode[n] == ' ');
}

static void command_help(int k) {
  printf("usage: poolsim %s\n", commands[k].synopsis);
  wrap(commands[k].about, 0, 0);
  if (commands[k].bit == C_SCRIPT) {
    printf("\noptions:\n  %-22s %s\n  %-22s %s\n", "--trust", "the driver may read files outside its folder",
           "--help", "this help (also -h)");
    return;
  }
  printf("\noptions:\n");
  for (int i = 0; i < NOPTIONS; i++)
    if (!options[i].output && (options[i].commands & commands[k].bit)) print_option(&options[i]);
  int any = 0;
  for (int i = 0; i < NOPTIONS; i++) {
    if (!options[i].output) continue;
    for (int w = 0; w < NWRITES; w++) {
      if (!mode_of(writes[w].mode, commands[k].name)) continue;
      if (strstr(writes[w].writes, options[i].name)) {
        if (!any++) printf("\noutput options:\n");
        print_option(&options[i]);
        break;
      }
    }
  }
  printf("\n%s writes:\n", commands[k].name);
  for (int w = 0; w < NWRITES; w++) {
    if (!mode_of(writes[w].mode, commands[k].name)) continue;
    printf("  %-18s %s\n", writes[w].mode, *writes[w].writes ? writes[w].writes : "no report file");
  }
  for (int l = 0, any_limit = 0; l < NLIMITS; l++)
    if (mode_of(limits[l].mode, commands[k].name))
      printf("%s  %s does not take %s\n", any_limit++ ? "" : "\n", limits[l].mode, limits[l].not_taken);
  printf("\n%s", exit_codes);
}

/* --help or -h among a command's arguments (not as an option's value): its help; 1 when shown */
static int help_asked(int argc, char **argv) {
  for (int i = 2; i < argc; i++) {
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      for (int k = 0; k < NCOMMANDS; k++)
        if (strcmp(commands[k].name, argv[1]) == 0) command_help(k);
      return 1;
    }
    const option *o = find_option(argv[i]);
    if (o && o->arg) i++;
  }
  return 0;
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

/* the one number of a list option: 0, or -1 when it is not one number in [lo, hi] */
static int parse_one(const char *s, double lo, double hi, double *out) {
  double x[MAX_LIST];
  int n;
  if (parse_list(s, lo, hi, x, &n) || n != 1) return -1;
  *out = x[0];
  return 0;
}

static int unknown_option(const cli *c, const char *a) {
  const char *names[NOPTIONS + 1];
  for (int i = 0; i < NOPTIONS; i++) names[i] = options[i].name;
  names[NOPTIONS] = "--version";
  const char *near = nearest(a, names, NOPTIONS + 1);
  char msg[300];
  snprintf(msg, sizeof msg, "unknown option '%.200s'%s%s%s", a, near ? " (did you mean " : "", near ? near : "",
           near ? "?)" : "");
  return usage_error(c, "%s", msg);
}

/* one option and its value v ("" for a flag); PS_OK or a usage error */
static int take_option(cli *c, const char *a, char *v) {
  long long n;
  if (strcmp(a, "--quiet") == 0) c->quiet = 1;
  else if (strcmp(a, "--search") == 0) c->search = 1;
  else if (strcmp(a, "--volume") == 0) c->volume = 1;
  else if (strcmp(a, "--check") == 0) c->audit = 1;
  else if (strcmp(a, "--keys") == 0) c->keys = 1;
  else if (strcmp(a, "--paths") == 0) {
    if (parse_long(v, 1, PS_MAX_PATHS, &n))
      return usage_error(c, "--paths must be a whole number from 1 to 100000000 (1e8), got '%s'", v);
    c->paths = (long)n;
  } else if (strcmp(a, "--seed") == 0) {
    if (parse_long(v, 0, (1LL << 53) - 1, &n)) return usage_error(c, "--seed must be a whole number in [0, 2^53), got '%s'", v);
    c->seed = n;
    c->has_seed = 1;
  } else if (strcmp(a, "--threads") == 0) {
    if (parse_long(v, 1, 256, &n)) return usage_error(c, "--threads must be a whole number from 1 to 256, got '%s'", v);
    c->threads = (int)n;
  } else if (strcmp(a, "--set") == 0) {
    char *eq = strchr(v, '=');
    if (c->nsets == MAX_SETS) return usage_error(c, "at most 256 --set, got one more: '%s'", v);
    if (!eq || eq == v) return usage_error(c, "--set needs KEY=VALUE, got '%s'", v);
    *eq = '\0'; /* argv is ours to split */
    c->sets[c->nsets++] = (ps_override){v, eq + 1};
  } else if (strcmp(a, "--sampling") == 0) {
    if (strcmp(v, "plain") != 0 && strcmp(v, "importance") != 0)
      return usage_error(c, "--sampling must be plain or importance, got '%s'", v);
    if (c->nsets == MAX_SETS) return usage_error(c, "at most 256 --set, got one more: '--sampling %s'", v);
    c->sets[c->nsets++] = (ps_override){"sampling", v};
  } else if (strcmp(a, "--vary") == 0) {
    char *eq = strchr(v, '=');
    if (!eq || eq == v || !eq[1] || c->nvary == PS_MAX_VARY)
      return usage_error(c, "--vary needs KEY=V1,V2,... (at most two keys), got '%s'", v);
    *eq = '\0';
    ps_vary *vy = &c->vary[c->nvary++];
    vy->key = v;
    char *save = NULL;
    for (char *tok = strtok_r(eq + 1, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
      if (vy->nvalues == PS_MAX_VALUES) return usage_error(c, "--vary %s: at most 64 values", v);
      vy->values[vy->nvalues++] = tok;
    }
  } else if (strcmp(a, "--tornado") == 0) {
    char *save = NULL;
    for (char *tok = strtok_r(v, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
      if (c->ntornado == PS_MAX_VALUES) return usage_error(c, "--tornado: at most 64 keys, got '%s'", v);
      c->tornado[c->ntornado++] = tok;
    }
  } else if (strcmp(a, "--by") == 0) {
    if (parse_one(v, 1e-6, 0.99, &c->by)) return usage_error(c, "--by must be a fraction in (0, 1), got '%s'", v);
  } else if (strcmp(a, "--lang") == 0) {
    if (strcmp(v, "zh") != 0 && strcmp(v, "en") != 0) return usage_error(c, "--lang must be zh or en, got '%s'", v);
    c->lang = v;
  } else if (strcmp(a, "--target") == 0) {
    if (parse_one(v, -1e15, 1e15, &c->breakeven.target)) return usage_error(c, "--target must be a number, got '%s'", v);
    c->breakeven.use_target = 1;
  } else if (strcmp(a, "--range") == 0) {
    double x[MAX_LIST];
    int k;
    if (parse_list(v, -1e15, 1e15, x, &k) || k != 2 || !(x[0] < x[1]))
      return usage_error(c, "--range needs LO,HI with LO < HI, got '%s'", v);
    c->breakeven.lo = x[0];
    c->breakeven.hi = x[1];
  } else if (strcmp(a, "--serve") == 0) {
    if (parse_one(v, 1e-9, 1, &c->serve)) return usage_error(c, "--serve must be a share in (0, 1], got '%s'", v);
  } else if (strcmp(a, "--alpha") == 0) {
    if (parse_list(v, 1e-9, 0.999999, c->alphas, &c->nalphas))
      return usage_error(c, "--alpha needs probabilities in (0, 1) separated by commas, got '%s'", v);
  } else if (strcmp(a, "--at") == 0) {
    if (parse_list(v, 0, 1e15, c->at, &c->nat))
      return usage_error(c, "--at needs initial balances in yuan separated by commas, got '%s'", v);
  } else {
    const char **slot = strcmp(a, "--json") == 0      ? &c->json
                        : strcmp(a, "--md") == 0      ? &c->md
                        : strcmp(a, "--html") == 0    ? &c->html
                        : strcmp(a, "--csv") == 0     ? &c->csv
                        : strcmp(a, "--xlsx") == 0    ? &c->xlsx
                        : strcmp(a, "--actual") == 0  ? &c->actual
                        : strcmp(a, "--pool") == 0    ? &c->pool
                        : strcmp(a, "--party") == 0   ? &c->breakeven.party
                                                      : &c->breakeven.field; /* --breakeven */
    *slot = v;
  }
  return PS_OK;
}

/* the rules between options, each with its own message (tests/catalogue) */
static int check_combinations(cli *c) {
  int is_compare = strcmp(c->command, "compare") == 0, is_sweep = strcmp(c->command, "sweep") == 0;
  int is_size = strcmp(c->command, "size") == 0;
  if (!c->scenario) return usage_error(c, "%s", "no scenario file given");
  if (is_compare && !c->scenario_b) return usage_error(c, "%s", "compare needs two scenario files: A.lua B.lua");
  if (is_sweep && !c->nvary && !c->ntornado) return usage_error(c, "%s", "sweep needs --vary KEY=V1,V2,... or --tornado KEY,...");
  if (is_sweep && c->nvary && c->ntornado) return usage_error(c, "%s", "sweep takes --vary or --tornado, not both");
  if (!is_sweep && (c->nvary || c->ntornado)) return usage_error(c, "%s", "--vary and --tornado belong to sweep");
  if (!c->by) c->by = 0.2;
  if (c->volume && !is_size) return usage_error(c, "%s", "--volume belongs to size");
  if (c->breakeven.field && (!is_size || c->volume))
    return usage_error(c, "%s", "--breakeven belongs to size (and not with --volume)");
  if (!c->breakeven.field && (c->breakeven.use_target || c->breakeven.party || c->breakeven.hi > c->breakeven.lo))
    return usage_error(c, "%s", "--target, --party and --range go with --breakeven KEY");
  if ((strcmp(c->command, "backtest") == 0) != (c->actual != NULL))
    return usage_error(c, "%s", c->actual ? "--actual belongs to backtest" : "backtest needs --actual FILE.csv");
  if (c->serve > 0 && (!is_size || c->volume)) return usage_error(c, "%s", "--serve belongs to size (without --volume)");
  return PS_OK;
}

/* the command's mode: "size --volume", "sweep --tornado", "run", ... */
static void mode_name(const cli *c, char *mode, size_t len) {
  const char *variant = c->volume ? " --volume" : c->breakeven.field ? " --breakeven" : c->serve > 0 ? " --serve"
                        : c->ntornado ? " --tornado" : "";
  snprintf(mode, len, "%s%s", c->command, variant);
}

/* does the space-separated list have the word? */
static int listed(const char *list, const char *word) {
  size_t n = strlen(word);
  for (const char *p = strstr(list, word); p; p = strstr(p + 1, word))
    if ((p == list || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' ')) return 1;
  return 0;
}

/* every option given must be one the command takes, and one its mode uses */
static int check_taken(const cli *c, int bit, const int *taken) {
  char mode[40];
  mode_name(c, mode, sizeof mode);
  for (int k = 0; k < NOPTIONS; k++) {
    if (!taken[k]) continue;
    int refused = !(options[k].commands & bit);
    for (int l = 0; !refused && l < NLIMITS; l++)
      refused = strcmp(limits[l].mode, mode) == 0 && listed(limits[l].not_taken, options[k].name);
    if (!refused) continue;
    char msg[200];
    snprintf(msg, sizeof msg, "%s does not take %s", (options[k].commands & bit) ? mode : c->command,
             options[k].name);
    return usage_error(c, "%s", msg);
  }
  return PS_OK;
}

/* every output option given must be one the command's mode writes */
static int check_outputs(const cli *c) {
  char mode[40];
  mode_name(c, mode, sizeof mode);
  const char *list = "";
  for (int w = 0; w < NWRITES; w++)
    if (strcmp(writes[w].mode, mode) == 0) list = writes[w].writes;
  const struct {
    const char *name, *value;
  } given[] = {{"--json", c->json}, {"--md", c->md}, {"--html", c->html}, {"--csv", c->csv}, {"--xlsx", c->xlsx}};
  for (size_t i = 0; i < sizeof given / sizeof given[0]; i++) {
    if (!given[i].value || listed(list, given[i].name)) continue;
    char msg[200];
    snprintf(msg, sizeof msg, "%s does not write %s (%s%s)", mode, given[i].name, *list ? "it writes " : "it writes no report file",
             list);
    return usage_error(c, "%s", msg);
  }
  return PS_OK;
}

/* zh when the locale's messages are Chinese (LC_ALL, else LC_MESSAGES, else LANG) */
static const char *locale_lang(void) {
  const char *names[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
  for (int i = 0; i < 3; i++) {
    const char *v = getenv(names[i]);
    if (v && *v) return strncmp(v, "zh", 2) == 0 ? "zh" : NULL;
  }
  return NULL;
}

static int parse_script(int argc, char **argv, cli *c) {
  int i = 2;
  for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
    if (strcmp(argv[i], "--trust") == 0) c->trust = 1;
    else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      command_help(NCOMMANDS - 1);
      return PS_CLI_DONE;
    } else
      return usage_error(c, "script takes only --trust before DRIVER.lua (the driver's own options follow it), got '%s'",
                         argv[i]);
  }
  if (i >= argc) return usage_error(c, "%s", "script needs a driver file: poolsim script [--trust] DRIVER.lua [args]");
  c->scenario = argv[i];
  c->script_argc = argc - i - 1;
  c->script_argv = argv + i + 1;
  return PS_OK;
}

int ps_cli_parse(int argc, char **argv, cli *c) {
  memset(c, 0, sizeof *c);
  if (argc < 2) return usage_error(c, "%s", "no command given");
  const char *first = argv[1];
  if (strcmp(first, "--help") == 0 || strcmp(first, "-h") == 0 || strcmp(first, "help") == 0) {
    int k = 0;
    while (argc > 2 && k < NCOMMANDS && strcmp(commands[k].name, argv[2]) != 0) k++;
    if (argc > 2 && k < NCOMMANDS) command_help(k);
    else general_help();
    return PS_CLI_DONE;
  }
  if (strcmp(first, "--version") == 0) {
    printf("poolsim %s\n", ps_version());
    return PS_CLI_DONE;
  }
  int bit = command_bit(first);
  if (!bit) {
    const char *names[NCOMMANDS];
    for (int k = 0; k < NCOMMANDS; k++) names[k] = commands[k].name;
    const char *near = first[0] == '-' ? NULL : nearest(first, names, NCOMMANDS);
    char msg[300];
    snprintf(msg, sizeof msg, first[0] == '-' ? "no command given before '%.200s'" : "unknown command '%.200s'", first);
    if (near) snprintf(msg + strlen(msg), sizeof msg - strlen(msg), " (did you mean %s?)", near);
    return usage_error(c, "%s", msg);
  }
  c->command = first;
  if (bit == C_SCRIPT) return parse_script(argc, argv, c);
  if (help_asked(argc, argv)) return PS_CLI_DONE;
  int taken[NOPTIONS] = {0};
  for (int i = 2; i < argc; i++) {
    char *a = argv[i];
    if (a[0] != '-' || strcmp(a, "-") == 0) {
      if (c->scenario && (bit != C_COMPARE || c->scenario_b)) return usage_error(c, "unexpected argument '%s'", a);
      if (c->scenario) c->scenario_b = a;
      else c->scenario = a;
      continue;
    }
    const option *o = find_option(a);
    if (!o) return unknown_option(c, a);
    if (o->arg && i + 1 >= argc) return usage_error(c, "%s needs a value", a);
    taken[o - options] = 1;
    static char no_value[] = "";
    int rc = take_option(c, a, o->arg ? argv[++i] : no_value);
    if (rc) return rc;
  }
  int rc = check_combinations(c);
  if (rc) return rc;
  if ((rc = check_taken(c, bit, taken)) || (rc = check_outputs(c))) return rc;
  if (c->xlsx && (!*c->xlsx || strcmp(c->xlsx, "-") == 0))
    return usage_error(c, "--xlsx needs a file name (a workbook does not go to standard output), got '%s'", c->xlsx);
  if (!c->lang) c->lang = locale_lang();
  return PS_OK;
}
