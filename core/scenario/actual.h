/* actual.h — what happened, for back-testing: a CSV of realised defaults and
** claims by period and programme (`poolsim backtest --actual FILE.csv`).
**
** Columns (named on line 1, in any order): period, programme, and defaults
** and/or claims; no others. Each row: a period 1..periods of the model, a
** programme id of the model, a whole number of defaults >= 0, claims in yuan
** >= 0 (to the fen). An empty defaults or claims cell means not known for that
** row; a row needs at least one of them. One row per (period, programme). The
** file is read with the loan tapes' CSV reader (csv.h: a regular file only,
** UTF-8, RFC 4180); it is named on the command line, so it is not confined to
** the scenario's folder. Every fault is reported as
** "FILE:LINE: column N (NAME): what is wrong" (or "FILE:1: ..." for the
** header), and nothing runs. */
#ifndef PS_ACTUAL_H
#define PS_ACTUAL_H

#include <stddef.h>
#include <stdint.h>

#include "scenario/model.h"

typedef struct {
  int period, programme;   /* 1-based period; the programme's index in the model */
  int has_defaults, has_claims;
  int64_t defaults;        /* loans */
  int64_t claims;          /* fen */
  long line;               /* of the file, for messages */
} ps_actual_row;

typedef struct {
  char *file;              /* as named */
  char sha256[65];         /* of its bytes */
  int has_defaults, has_claims; /* the columns present */
  long nrows;
  ps_actual_row *rows;     /* in file order */
} ps_actual;

/* ps_actual_read — read and check `path` against m into *out (free with ps_actual_destroy, also
** after a failure); PS_OK, PS_EINPUT with the message in err, or PS_ERUNTIME when out of memory */
int ps_actual_read(const char *path, const ps_model *m, ps_actual *out, char *err, size_t errlen);

/* ps_actual_parse — the same from memory; `name` stands for the file in messages */
int ps_actual_parse(const char *name, const char *data, size_t len, const ps_model *m, ps_actual *out, char *err,
                    size_t errlen);

void ps_actual_destroy(ps_actual *a);

#endif
