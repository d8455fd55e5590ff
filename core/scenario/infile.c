/* infile.c — regular files only, opened with O_NONBLOCK and checked again with fstat. */
#include "scenario/infile.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* PS_OK for a regular file; else PS_EINPUT with the message naming what it is */
static int regular(const char *path, const struct stat *st, const char *what, char *err, size_t errlen) {
  const char *kind = S_ISREG(st->st_mode)    ? NULL
                     : S_ISDIR(st->st_mode)  ? "a directory"
                     : S_ISFIFO(st->st_mode) ? "a FIFO"
                     : S_ISCHR(st->st_mode)  ? "a character device"
                     : S_ISBLK(st->st_mode)  ? "a block device"
                     : S_ISSOCK(st->st_mode) ? "a socket"
                                             : "not a regular file";
  if (!kind) return PS_OK;
  if (S_ISDIR(st->st_mode)) snprintf(err, errlen, "%s: is a directory, not a %s", path, what);
  else snprintf(err, errlen, "%s: is %s, not a %s: only regular files are read", path, kind, what);
  return PS_EINPUT;
}

/* ps_infile_open — a regular file opened for reading, never blocking on a FIFO; PS_OK or PS_EINPUT */
int ps_infile_open(const char *path, const char *what, FILE **out, char *err, size_t errlen) {
  *out = NULL;
  struct stat st;
  if (stat(path, &st) != 0) {
    snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
    return PS_EINPUT;
  }
  if (regular(path, &st, what, err, errlen)) return PS_EINPUT;
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
    return PS_EINPUT;
  }
  int flags = fcntl(fd, F_GETFL);
  if (fstat(fd, &st) != 0 || regular(path, &st, what, err, errlen) || flags < 0 ||
      fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0 || !(*out = fdopen(fd, "rb"))) {
    if (S_ISREG(st.st_mode)) snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
    (void)close(fd);
    return PS_EINPUT;
  }
  return PS_OK;
}
