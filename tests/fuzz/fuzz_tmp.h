/* fuzz_tmp.h — a private temporary folder for the fuzz targets that must hand
** the engine a file (a scenario, a loan tape): made on first use, removed at
** exit. Also FUZZ_ASSERT, the targets' own checks: a failed one aborts, which
** libFuzzer and the replay driver both report as a crash. */
#ifndef PS_FUZZ_TMP_H
#define PS_FUZZ_TMP_H

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#define FUZZ_ASSERT(cond)                                                              \
  do {                                                                                 \
    if (!(cond)) {                                                                     \
      fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #cond);   \
      abort();                                                                         \
    }                                                                                  \
  } while (0)

/* writes len bytes to `rel` (at most one folder deep) inside the folder; its
** full path goes to path */
void fuzz_tmp_write(const char *rel, const void *data, size_t len, char *path, size_t pathlen);

/* copies the file at src (relative to the repository root) to `rel` */
void fuzz_tmp_copy(const char *rel, const char *src);

#endif
