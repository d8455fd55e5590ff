/* confine.c — a file's name against its owner's folder, written out and resolved (realpath(3)). */
/* realpath is XSI: a feature-test macro, which is what the name is reserved for */
#define _XOPEN_SOURCE 700 // NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp)
#include "scenario/confine.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* 1 when `path` is `folder` or lies below it (both absolute and without "." or "..") */
static int below(const char *path, const char *folder) {
  size_t n = strlen(folder);
  if (strcmp(folder, "/") == 0) return 1;
  return strncmp(path, folder, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* `name` as an absolute path written out without following links: the working
** directory before a relative name, "." and empty steps dropped, ".." taking
** the step before it away. PS_OK, or PS_EINPUT when it does not fit */
static int written_out(const char *cwd, const char *name, char out[PATH_MAX + 1]) {
  char joined[2 * PATH_MAX + 2];
  int n = name[0] == '/' ? snprintf(joined, sizeof joined, "%s", name) : snprintf(joined, sizeof joined, "%s/%s", cwd, name);
  if (n < 0 || (size_t)n >= sizeof joined) return PS_EINPUT;
  size_t len = 0;
  for (const char *p = joined; *p;) {
    while (*p == '/') p++;
    size_t step = strcspn(p, "/");
    if (step == 0 || (step == 1 && p[0] == '.')) {
      p += step;
      continue;
    }
    if (step == 2 && p[0] == '.' && p[1] == '.') {
      while (len > 0 && out[len] != '/') len--;
      out[len] = '\0';
    } else {
      if (len + 1 + step > PATH_MAX) return PS_EINPUT;
      out[len++] = '/';
      memcpy(out + len, p, step);
      len += step;
      out[len] = '\0';
    }
    p += step;
  }
  if (len == 0) snprintf(out, PATH_MAX + 1, "/");
  return PS_OK;
}

/* 1 when `path`, resolved, leaves `real_folder`: it resolves outside, or it does
** not resolve and its deepest part that does is outside, or that part's next step
** is a symbolic link going nowhere. A missing file is judged by where it would be. */
static int leads_out(const char *real_folder, const char *path) {
  char at[PATH_MAX + 1];
  snprintf(at, sizeof at, "%s", path);
  for (;;) {
    char *real = realpath(at, NULL);
    if (real) {
      int out = !below(real, real_folder);
      free(real);
      return out;
    }
    struct stat st;
    if (lstat(at, &st) == 0 && S_ISLNK(st.st_mode)) return 1;
    size_t len = strlen(at);
    while (len > 1 && at[len - 1] == '/') at[--len] = '\0';
    char *slash = strrchr(at, '/');
    if (!slash) snprintf(at, sizeof at, ".");
    else if (slash == at) at[1] = '\0';
    else *slash = '\0';
  }
}

/* ps_confine — PS_OK when path lies below the owner's folder, written out and resolved; else PS_EINPUT
** with a message that does not tell whether the file exists */
int ps_confine(const char *owner, const char *path, const char *rule, char *err, size_t errlen) {
  char folder[PATH_MAX + 1], cwd[PATH_MAX + 1], folder_out[PATH_MAX + 1], path_out[PATH_MAX + 1];
  const char *slash = strrchr(owner, '/');
  if (!slash) snprintf(folder, sizeof folder, ".");
  else if (slash == owner) snprintf(folder, sizeof folder, "/");
  else snprintf(folder, sizeof folder, "%.*s", (int)(slash - owner), owner);
  if (!getcwd(cwd, sizeof cwd)) {
    snprintf(err, errlen, "%s: cannot resolve the working directory: %s", path, strerror(errno));
    return PS_EINPUT;
  }
  if (written_out(cwd, folder, folder_out) || written_out(cwd, path, path_out) || !below(path_out, folder_out)) {
    snprintf(err, errlen, "%s: %s, and this one is outside it", path, rule);
    return PS_EINPUT;
  }
  char *real_folder = realpath(folder, NULL);
  if (!real_folder) {
    snprintf(err, errlen, "%s: cannot resolve: %s", folder, strerror(errno));
    return PS_EINPUT;
  }
  int out = leads_out(real_folder, path);
  free(real_folder);
  if (out) {
    snprintf(err, errlen, "%s: %s, and this one leads out of it through a symbolic link", path, rule);
    return PS_EINPUT;
  }
  return PS_OK;
}
