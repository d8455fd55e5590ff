/* format.h — amounts and probabilities as the terminal summary, the Markdown
** report and the study commands print them (the HTML page has its own, with
** thousands separators and 元). */
#ifndef PS_FORMAT_H
#define PS_FORMAT_H

#include <stddef.h>

/* yuan in 亿 (from 1亿 up, 3 decimals) or 万 (1 decimal); returns buf */
const char *ps_money(double yuan, char *buf, size_t n);

/* a probability in percent, 3 decimals below 0.1%; returns buf */
const char *ps_percent(double p, char *buf, size_t n);

#endif
