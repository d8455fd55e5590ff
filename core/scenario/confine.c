/* confine.c — realpath(3) of the scenario's folder and of the data file. */
/* realpath is XSI: a feature-test macro, which is what the name is reserved for */
#define _XOPEN_SOURCE 700 // NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp)
#include "scenario/confine.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ps_confine — PS_OK when path resolves below the scenario's folder (or does not exist), else PS_EINPUT
** with a message */
int ps_confine(const char *scenario, const char *path, char *err, size_t errlen) {
  char folder[PATH_MAX + 1];
  const char *slash = strrchr(scenario, '/');
  if (!slash) snprintf(folder, sizeof folder, ".");
  else if (slash == scenario) snprintf(folder, sizeof folder, "/");
  else snprintf(folder, sizeof folder, "%.*s", (int)(slash - scenario), scenario);
  char *real_folder = realpath(folder, NULL), *real_path = realpath(path, NULL);
  int rc = PS_OK;
  if (!real_path && errno == ENOENT) rc = PS_OK; /* missing: the reader says so */
  else if (!real_folder || !real_path) {
    snprintf(err, errlen, "%s: cannot resolve: %s", path, strerror(errno));
    rc = PS_EINPUT;
  } else {
    size_t n = strlen(real_folder);
    int below = strncmp(real_path, real_folder, n) == 0 && (real_path[n] == '/' || strcmp(real_folder, "/") == 0);
    if (!below) {
      snprintf(err, errlen,
               "%s: a data file must be inside the scenario's folder, but this one leads outside it (to %s) "
               "through a symbolic link",
               path, real_path);
      rc = PS_EINPUT;
    }
  }
  free(real_folder);
  free(real_path);
  return rc;
}
