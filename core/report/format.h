/* format.h — the one formatter of amounts, numbers and probabilities for every
** renderer: the compact form of the terminal summary, the Markdown report and
** the study commands (ps_money: "2.500亿", "56.7万"), and the long form of the
** HTML pages (ps_money_long: thousands separators and 元). Each writes at most
** n bytes into buf and returns buf. */
#ifndef PS_FORMAT_H
#define PS_FORMAT_H

#include <stddef.h>

/* ps_finite — x, or 0 when x is not finite */
double ps_finite(double x);

/* ps_money — yuan in 亿 (from 1亿 up, 3 decimals) or 万 (1 decimal) */
const char *ps_money(double yuan, char *buf, size_t n);

/* One unit per column of a table: ps_unit_of gives 1 (亿) when the largest magnitude of a column's
** n amounts reaches 1亿, else 0 (万); ps_money_in and ps_money_long_in write an amount in it */
int ps_unit_of(const double *yuan, int n);
const char *ps_money_in(double yuan, int yi, char *buf, size_t n);
const char *ps_money_long_in(double yuan, int yi, int trim, char *buf, size_t n);

/* ps_money_long — yuan in 亿元 (from 1亿 up, 3 decimals) or 万元 (1 decimal),
** with thousands separators; trim: no trailing zeros (amounts given); not
** finite: 0 */
const char *ps_money_long(double yuan, int trim, char *buf, size_t n);

/* ps_number — fixed decimals with thousands separators, never "-0.0"; not
** finite: 0 */
const char *ps_number(double x, int decimals, char *buf, size_t n);

/* ps_percent — a probability in percent, 3 decimals below 0.1% */
const char *ps_percent(double p, char *buf, size_t n);

/* ps_alpha_text — a target such as 5% or 0.5% */
const char *ps_alpha_text(double a, char *buf, size_t n);

/* ps_rate_text — a ratio given in the scenario, e.g. 0.045 -> "4.5%" (at most
** 4 decimals, no trailing zeros); not finite: 0% */
const char *ps_rate_text(double x, char *buf, size_t n);

#endif
