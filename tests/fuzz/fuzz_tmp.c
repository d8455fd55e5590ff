/* fuzz_tmp.c — the fuzz targets' temporary folder (fuzz_tmp.h). */
#include "fuzz_tmp.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FILES 16

static char dir[256];
static char *files[MAX_FILES], *subdirs[MAX_FILES];
static int nfiles, nsubdirs;

static void remove_all(void) {
  for (int i = 0; i < nfiles; i++) unlink(files[i]), free(files[i]);
  for (int i = nsubdirs - 1; i >= 0; i--) rmdir(subdirs[i]), free(subdirs[i]);
  rmdir(dir);
}

static const char *folder(void) {
  if (!*dir) {
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/poolsim-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    FUZZ_ASSERT(mkdtemp(dir));
    atexit(remove_all);
  }
  return dir;
}

/* remembers a path for removal at exit, once */
static void note(char **list, int *n, const char *path) {
  for (int i = 0; i < *n; i++)
    if (strcmp(list[i], path) == 0) return;
  FUZZ_ASSERT(*n < MAX_FILES);
  FUZZ_ASSERT((list[(*n)++] = strdup(path)));
}

void fuzz_tmp_write(const char *rel, const void *data, size_t len, char *path, size_t pathlen) {
  snprintf(path, pathlen, "%s/%s", folder(), rel);
  const char *slash = strchr(rel, '/');
  if (slash) {
    char sub[512];
    snprintf(sub, sizeof sub, "%s/%.*s", folder(), (int)(slash - rel), rel);
    if (mkdir(sub, 0700) == 0) note(subdirs, &nsubdirs, sub);
  }
  FILE *f = fopen(path, "wb");
  FUZZ_ASSERT(f);
  FUZZ_ASSERT(fwrite(data, 1, len, f) == len);
  FUZZ_ASSERT(fclose(f) == 0);
  note(files, &nfiles, path);
}

void fuzz_tmp_copy(const char *rel, const char *src) {
  FILE *f = fopen(src, "rb");
  if (!f) fprintf(stderr, "fuzz: cannot open %s (run from the repository root)\n", src);
  FUZZ_ASSERT(f);
  static char buf[1 << 16];
  size_t n = fread(buf, 1, sizeof buf, f);
  FUZZ_ASSERT(!ferror(f) && feof(f)); /* small fixtures only */
  fclose(f);
  char path[512];
  fuzz_tmp_write(rel, buf, n, path, sizeof path);
}
