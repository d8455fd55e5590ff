/* csv.h — reading loan tapes (贷款台账) exported from bank systems.
**
** RFC 4180 CSV with the things real exports do: UTF-8 with or without a BOM,
** CRLF or LF line ends (or a mix), quoted fields with "" escapes and embedded
** commas and newlines, Chinese text, blank lines at the end. Not accepted, each
** with a message naming the file, the line and the column: invalid UTF-8, a NUL
** byte, a lone CR, an unterminated quote, text after a closing quote or a quote
** inside an unquoted value, a row with another number of fields than the header
** (a blank or whitespace-only line in the data is such a row), a field longer
** than PS_CSV_MAX_FIELD, more columns or rows than the limits, a header with an
** empty or duplicate column name. Columns beyond the header have no name, so
** their messages read "FILE:LINE: column N: ...". */
#ifndef PS_CSV_H
#define PS_CSV_H

#include <stddef.h>

#include "poolsim/poolsim.h"

#define PS_CSV_MAX_FIELD 4096      /* bytes in one field */
#define PS_CSV_MAX_FIELDS 256      /* columns */
#define PS_CSV_MAX_ROWS 10000000   /* data rows */
/* bytes in one physical line: more than the fields above can fill (256 quoted
** fields of 4096 bytes, every byte a doubled quote), so only a line no row
** could make stops here, after reading this much of it and no more */
#define PS_CSV_MAX_LINE (4L << 20)

typedef struct {
  int ncols;
  char **header;      /* ncols column names, trimmed of surrounding spaces */
  long nrows;
  char ***rows;       /* nrows x ncols fields (NUL-terminated, unquoted) */
  long *line;         /* the line (1-based, in the file) where each data row starts */
} ps_csv;

/* Read a whole file, streaming it (memory grows with the fields kept, not the
** line lengths). Returns PS_OK and fills *out (free with ps_csv_destroy), or, with a
** message "FILE:LINE: column N (NAME): what is wrong" (or "FILE: ..." when no
** line applies) in err and *out zeroed (safe to free), PS_EINPUT when the file is
** at fault (cannot be opened or read, a directory, a FIFO or a device: not a
** regular file, or not a valid tape) and
** PS_ERUNTIME when memory ran out. A line longer than
** PS_CSV_MAX_LINE stops the read there. An empty file, or a
** header with no data rows, is an error too. The arrays of *out are read-only:
** they share one allocation that only ps_csv_destroy releases. */
int ps_csv_read(const char *path, ps_csv *out, char *err, size_t errlen);

/* the same, and the sha256 of the bytes read into sha256_hex[65] (so a file
** is read once) */
int ps_csv_read_hashed(const char *path, ps_csv *out, char sha256_hex[65], char *err, size_t errlen);

/* the same from memory; `name` stands for the file in messages */
int ps_csv_parse(const char *name, const char *data, size_t len, ps_csv *out, char *err, size_t errlen);

void ps_csv_destroy(ps_csv *c);

/* the index of a column by name (exact, case-sensitive), or -1 */
int ps_csv_column(const ps_csv *c, const char *name);

/* a data row of a CSV read from `file` (as the user named it), the place its messages name */
typedef struct {
  const char *file;
  const ps_csv *csv;
  long row; /* 0-based data row */
  char *err;
  size_t errlen;
} ps_csv_row;

/* ps_csv_row_fail — "FILE:LINE: column N (NAME): message" into r's err; returns PS_EINPUT */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
int ps_csv_row_fail(const ps_csv_row *r, int col, const char *fmt, ...);

#endif
