/* check.h — the smallest test harness: CHECK macros and a summary line.
** Each test program counts its checks and ends with "N passed, M failed",
** exiting non-zero when anything failed. */
#ifndef PS_CHECK_H
#define PS_CHECK_H

#include <math.h>
#include <stdio.h>

static int check_passed, check_failed;

#define CHECK(cond)                                                          \
  do {                                                                       \
    if (cond) check_passed++;                                                \
    else {                                                                   \
      check_failed++;                                                        \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                        \
  } while (0)

/* |got - want| <= tol, reported with both values when it fails */
#define CHECK_NEAR(got, want, tol)                                           \
  do {                                                                       \
    double g_ = (double)(got), w_ = (double)(want), t_ = (double)(tol);      \
    if (fabs(g_ - w_) <= t_) check_passed++;                                 \
    else {                                                                   \
      check_failed++;                                                        \
      fprintf(stderr, "%s:%d: %s = %.17g, want %.17g +- %.3g\n", __FILE__,  \
              __LINE__, #got, g_, w_, t_);                                   \
    }                                                                        \
  } while (0)

#define CHECK_EQ_INT(got, want)                                              \
  do {                                                                       \
    long long g_ = (long long)(got), w_ = (long long)(want);                 \
    if (g_ == w_) check_passed++;                                            \
    else {                                                                   \
      check_failed++;                                                        \
      fprintf(stderr, "%s:%d: %s = %lld, want %lld\n", __FILE__, __LINE__,  \
              #got, g_, w_);                                                 \
    }                                                                        \
  } while (0)

static inline int check_summary(const char *name) {
  printf("%s: %d passed, %d failed\n", name, check_passed, check_failed);
  return check_failed ? 1 : 0;
}

#endif
