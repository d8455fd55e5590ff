/* format.c — see format.h. */
#include "report/format.h"

#include <math.h>
#include <stdio.h>

const char *ps_money(double yuan, char *buf, size_t n) {
  if (fabs(yuan) >= 1e8) snprintf(buf, n, "%.3f亿", yuan / 1e8);
  else snprintf(buf, n, "%.1f万", fabs(yuan) < 500 ? 0.0 : yuan / 1e4); /* no "-0.0万" */
  return buf;
}

const char *ps_percent(double p, char *buf, size_t n) {
  snprintf(buf, n, p < 0.001 && p > 0 ? "%.3f%%" : "%.2f%%", 100 * p);
  return buf;
}
