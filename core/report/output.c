/* output.c — atomic file writes. */
#include "report/output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ps_write_file_atomic — data to path through a temporary file and a rename (output.h) */
int ps_write_file_atomic(const char *path, const char *data, size_t len, char *err, size_t errlen) {
  if (strcmp(path, "-") == 0) {
    if (fwrite(data, 1, len, stdout) != len || fflush(stdout)) {
      snprintf(err, errlen, "cannot write to stdout: %s", strerror(errno));
      return -1;
    }
    return 0;
  }
  size_t n = strlen(path) + 16;
  char *tmp = malloc(n);
  if (!tmp) {
    snprintf(err, errlen, "%s: out of memory", path);
    return -1;
  }
  snprintf(tmp, n, "%s.tmpXXXXXX", path);
  int fd = mkstemp(tmp);
  if (fd >= 0) fchmod(fd, 0644); /* mkstemp makes 0600; a report is for sharing */
  FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
  int ok = f && fwrite(data, 1, len, f) == len;
  if (f) ok &= fclose(f) == 0;
  else if (fd >= 0) close(fd);
  if (ok) ok = rename(tmp, path) == 0;
  if (!ok) {
    snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
    if (fd >= 0) unlink(tmp);
  }
  free(tmp);
  return ok ? 0 : -1;
}
