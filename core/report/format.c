/* format.c — the one formatter of amounts and probabilities (format.h). */
#include "report/format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ps_finite — x, or 0 when not finite */
double ps_finite(double x) { return isfinite(x) ? x : 0; }

/* ps_money_in — yuan in 亿 (yi, 3 decimals) or 万 (1 decimal), compact; returns buf */
const char *ps_money_in(double yuan, int yi, char *buf, size_t n) {
  if (yi) snprintf(buf, n, "%.3f亿", fabs(yuan) < 5e4 ? 0.0 : yuan / 1e8); /* no "-0.000亿" */
  else snprintf(buf, n, "%.1f万", fabs(yuan) < 500 ? 0.0 : yuan / 1e4);   /* no "-0.0万" */
  return buf;
}

/* ps_money — in 亿 from 1亿 up, else 万; returns buf */
const char *ps_money(double yuan, char *buf, size_t n) { return ps_money_in(yuan, fabs(yuan) >= 1e8, buf, n); }

/* ps_unit_of — 1 (亿) when the largest magnitude of the n amounts reaches 1亿, else 0 (万) */
int ps_unit_of(const double *yuan, int n) {
  for (int i = 0; i < n; i++)
    if (fabs(ps_finite(yuan[i])) >= 1e8) return 1;
  return 0;
}

/* "1234567.8" -> "1,234,567.8" (at most n bytes) */
static void group_digits(char *out, size_t n, const char *num) {
  const char *s = num;
  size_t k = 0;
  if (*s == '-' && k + 1 < n) out[k++] = *s++;
  size_t digits = strspn(s, "0123456789");
  for (size_t i = 0; i < digits && k + 1 < n; i++) {
    out[k++] = s[i];
    size_t left = digits - i - 1;
    if (left > 0 && left % 3 == 0 && k + 1 < n) out[k++] = ',';
  }
  for (const char *p = s + digits; *p && k + 1 < n; p++) out[k++] = *p;
  out[k] = 0;
}

/* ps_number — fixed decimals with thousands separators, never "-0.0"; returns buf */
const char *ps_number(double x, int decimals, char *buf, size_t n) {
  char raw[64];
  x = ps_finite(x);
  if (fabs(x) < 0.5 * pow(10, -decimals)) x = 0; /* no "-0.0" */
  snprintf(raw, sizeof raw, "%.*f", decimals, x);
  group_digits(buf, n, raw);
  return buf;
}

/* drop trailing zeros after the decimal point: "2.500" -> "2.5", "3.000" -> "3" */
static void trim_zeros(char *s) {
  char *dot = strchr(s, '.');
  if (!dot) return;
  char *end = s + strlen(s);
  while (end > dot + 1 && end[-1] == '0') *--end = 0;
  if (end == dot + 1) *dot = 0;
}

/* ps_money_long_in — yuan in 亿元 (yi) or 万元 with separators, trimmed on request; returns buf */
const char *ps_money_long_in(double yuan, int yi, int trim, char *buf, size_t n) {
  char a[64];
  yuan = ps_finite(yuan);
  if (yi) {
    ps_number(fabs(yuan) < 5e4 ? 0.0 : yuan / 1e8, 3, a, sizeof a);
    if (trim) trim_zeros(a);
    snprintf(buf, n, "%s亿元", a);
  } else {
    ps_number(fabs(yuan) < 500 ? 0.0 : yuan / 1e4, 1, a, sizeof a);
    if (trim) trim_zeros(a);
    snprintf(buf, n, "%s万元", a);
  }
  return buf;
}

/* ps_money_long — in 亿元 from 1亿 up, else 万元; returns buf */
const char *ps_money_long(double yuan, int trim, char *buf, size_t n) {
  return ps_money_long_in(yuan, fabs(ps_finite(yuan)) >= 1e8, trim, buf, n);
}

/* ps_percent — a probability in percent, 3 decimals below 0.1%; returns buf */
const char *ps_percent(double p, char *buf, size_t n) {
  snprintf(buf, n, p < 0.001 && p > 0 ? "%.3f%%" : "%.2f%%", 100 * p);
  return buf;
}

/* ps_alpha_text — a target such as 5% or 0.5%; returns buf */
const char *ps_alpha_text(double a, char *buf, size_t n) {
  snprintf(buf, n, "%g%%", 100 * a);
  return buf;
}

/* ps_rate_text — a ratio as a percentage, no trailing zeros; returns buf */
const char *ps_rate_text(double x, char *buf, size_t n) {
  char a[48];
  snprintf(a, sizeof a, "%.4f", 100 * ps_finite(x));
  trim_zeros(a);
  snprintf(buf, n, "%s%%", a);
  return buf;
}
