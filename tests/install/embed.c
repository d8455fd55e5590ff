/* embed.c — a program that embeds poolsim, built by tests/install/test_install.sh
** against a staged `make install` with `pkg-config --cflags --libs poolsim`
** alone: the installed headers, libpoolsim and poolsim.pc are all it needs.
**
**   embed SCENARIO POOL PATHS SEED
**
** prints the version, P(depletion) of POOL, the pool size for a 5% target and
** the length of the run's JSON document, one per line; exits with the API's
** status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <poolsim/poolsim.h>

int main(int argc, char **argv) {
  if (argc != 5) return PS_EINPUT;
  char err[1024];
  ps_model *m;
  int rc = ps_model_new(argv[1], NULL, 0, &m, err, sizeof err);
  if (rc) {
    fprintf(stderr, "%s\n", err);
    return rc;
  }
  ps_options o = {.paths = atol(argv[3]), .seed = strtoull(argv[4], NULL, 10), .use_seed = 1, .threads = 2};
  ps_results *r;
  rc = ps_scenario_run(m, &o, &r, err, sizeof err);
  if (rc) {
    fprintf(stderr, "%s\n", err);
    ps_model_free(m);
    return rc;
  }
  char *json = ps_results_json(r);
  printf("version %s\n", ps_version());
  printf("depletion %.17g\n", ps_results_depletion(r, argv[2]));
  printf("required_5pct %.17g\n", ps_results_required_initial(r, argv[2], 0.05));
  printf("json_bytes %zu\n", json ? strlen(json) : 0);
  free(json);
  ps_results_free(r);
  ps_model_free(m);
  return PS_OK;
}
