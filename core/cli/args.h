/* args.h — the poolsim command line parsed: its options, which command takes
** which (and which output each command writes), the help texts, and the
** one-line usage errors. main.c runs what it asks for. */
#ifndef PS_CLI_ARGS_H
#define PS_CLI_ARGS_H

#include "poolsim/poolsim.h"

#define MAX_SETS 256
#define MAX_LIST 32

typedef struct {
  const char *command, *scenario, *scenario_b, *json, *pool, *md, *csv, *html, *lang, *actual, *xlsx;
  ps_breakeven_options breakeven; /* field NULL: no --breakeven */
  ps_vary vary[PS_MAX_VARY];
  int nvary;
  const char *tornado[PS_MAX_VALUES];
  int ntornado;
  double by;
  long paths;
  long long seed;
  int threads, quiet, audit, has_seed, search, volume, trust, keys;
  double serve; /* size --serve: share of bridge requests (0: none) */
  int script_argc;
  char **script_argv;
  ps_override sets[MAX_SETS];
  int nsets;
  double alphas[MAX_LIST], at[MAX_LIST];
  int nalphas, nat;
} cli;

/* PS_CLI_DONE: --help or --version was asked for and printed (exit 0) */
#define PS_CLI_DONE (-1)

/* parse argv into c; PS_OK, PS_CLI_DONE, or PS_EINPUT after one line on
** stderr naming what is wrong and one pointing to the command's --help */
int ps_cli_parse(int argc, char **argv, cli *c);

#endif
