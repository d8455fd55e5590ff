/* replay.c — the main() that replaces libFuzzer in `make test`: runs a fuzz
** target's LLVMFuzzerTestOneInput once on every file given, or in the folders
** given (the committed corpus and the regression inputs), so every input ever
** found stays a test on machines without clang. Built with gcc and the ASan and
** UBSan flags of build/san; a crash, a failed check or a leak stops it with
** the input's name. Prints "NAME: N passed, 0 failed" (tests/run.sh); no input at all is a
** failure, not a pass. */
#include <dirent.h>
#include <sanitizer/common_interface_defs.h>
#include <sanitizer/lsan_interface.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *current; /* the input being replayed, for the death message */

static void say_input(void) {
  if (current) fprintf(stderr, "replay: the input that failed: %s\n", current);
}

static void on_abort(int sig) {
  (void)sig;
  say_input();
  _Exit(1);
}

static int replay_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "replay: cannot open %s\n", path);
    exit(1);
  }
  size_t cap = 4096, n = 0;
  uint8_t *buf = malloc(cap);
  for (size_t got; buf && (got = fread(buf + n, 1, cap - n, f)) > 0;) {
    n += got;
    if (n == cap) {
      uint8_t *bigger = realloc(buf, cap *= 2);
      if (!bigger) free(buf);
      buf = bigger;
    }
  }
  fclose(f);
  if (!buf) {
    fprintf(stderr, "replay: out of memory reading %s\n", path);
    exit(1);
  }
  current = path;
  LLVMFuzzerTestOneInput(buf, n);
  free(buf);
  if (__lsan_do_recoverable_leak_check()) { /* as libFuzzer does, input by input */
    fprintf(stderr, "replay: memory leaked by %s\n", path);
    _Exit(1); /* not exit(): its leak check would report the same leak again */
  }
  current = NULL;
  return 1;
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* every regular file directly in dir, in name order */
static int replay_dir(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) {
    fprintf(stderr, "replay: cannot open %s\n", dir);
    exit(1);
  }
  char **names = NULL;
  size_t n = 0;
  for (struct dirent *e; (e = readdir(d));) {
    if (e->d_name[0] == '.') continue;
    char **more = realloc(names, (n + 1) * sizeof *names);
    if (!more || !(more[n] = malloc(strlen(dir) + strlen(e->d_name) + 2))) exit(1);
    names = more;
    sprintf(names[n++], "%s/%s", dir, e->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, by_name);
  int count = 0;
  for (size_t i = 0; i < n; i++) {
    struct stat st;
    if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) count += replay_file(names[i]);
    free(names[i]);
  }
  free(names);
  return count;
}

int main(int argc, char **argv) {
  const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
  __sanitizer_set_death_callback(say_input);
  signal(SIGABRT, on_abort);
  int count = 0;
  for (int i = 1; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st) != 0) {
      fprintf(stderr, "replay: no such file or folder: %s\n", argv[i]);
      return 1;
    }
    count += S_ISDIR(st.st_mode) ? replay_dir(argv[i]) : replay_file(argv[i]);
  }
  if (count == 0) {
    printf("%s: 0 passed, 1 failed (no inputs to replay)\n", name);
    return 1;
  }
  printf("%s: %d passed, 0 failed\n", name, count);
  return 0;
}
