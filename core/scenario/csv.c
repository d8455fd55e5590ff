/* csv.c — reading loan tapes (贷款台账): a byte-at-a-time state machine fed
** from memory or from a file read in 64 KiB chunks, so memory stays linear in
** what is kept and a huge line stops at the field limit instead of being read
** whole.
**
** While parsing, the data rows are kept as one growing buffer of NUL-terminated
** fields (a field cannot hold a NUL: NUL bytes are rejected) plus the line of
** each row; the row and field pointers of ps_csv are built once at the end, so
** a tape of millions of small fields costs a few allocations, not millions.
** Layout of a filled ps_csv (ps_csv_destroy relies on it): header[j] are separate
** strings; rows[0] is the block of all nrows*ncols field pointers, rows[i] =
** rows[0] + i*ncols; rows[0][0] is the start of the one buffer holding every
** field. */
#include "scenario/csv.h"

#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/infile.h"
#include "scenario/sha256.h"
#include "scenario/utf8.h"

#if defined(__GNUC__)
#define PS_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define PS_PRINTF(f, a)
#endif

#define CHUNK 65536 /* bytes read from a file at a time */

enum {
  S_START, /* at the start of a field */
  S_UNQ,   /* inside an unquoted field */
  S_QUO,   /* inside a quoted field */
  S_QQ,    /* a quote inside a quoted field: "" escape or the closing quote */
  S_AFTER, /* header only: spaces after a closing quote */
  S_CR     /* a carriage return outside quotes: a line feed must follow */
};

typedef struct {
  const char *name; /* the file, for messages */
  char *err;
  size_t errlen;

  long line;     /* current physical line, 1-based */
  long off;      /* bytes of this line consumed, BOM excluded: the current byte is byte `off` */
  size_t total;  /* bytes fed so far, BOM included */
  int bom;       /* the file started with a UTF-8 BOM */

  int need;          /* UTF-8 continuation bytes still expected */
  unsigned lo, hi;   /* range of the next continuation byte */
  long seq_line, seq_off; /* where the current multi-byte character started */
  int seq_col, seq_byte;

  int state;
  int in_header;     /* still reading the header row */
  int content;       /* the current row has a byte other than space, tab, CR, LF */
  long pending_blank; /* the first blank line not yet followed by a row, or 0 */
  int col;           /* 0-based index of the current field in its row */
  int quoted;        /* the current field is quoted */
  long quote_line;   /* the line of its opening quote */
  long row_line;     /* the line where the current row started */
  long extra_line;   /* the line where the first field beyond the header started */
  char field[PS_CSV_MAX_FIELD + 1];
  size_t flen;

  int ncols;
  char *names[PS_CSV_MAX_FIELDS];
  char *data;        /* the fields of all complete data rows, each NUL-terminated */
  size_t dlen, dcap;
  long *lines;       /* the first line of each data row */
  long nrows, lcap;
} parser;

/* writes "FILE:LINE: column N (NAME): " (the parts that apply: line 0 means a
** whole-file message, col -1 no column, no NAME in the header or beyond it)
** and the formatted message into err; returns PS_EINPUT (the file is at fault) */
PS_PRINTF(4, 5)
static int fail(parser *p, long line, int col, const char *fmt, ...) {
  if (!p->err || p->errlen == 0) return PS_EINPUT;
  int n;
  if (line <= 0) n = snprintf(p->err, p->errlen, "%s: ", p->name);
  else if (col < 0) n = snprintf(p->err, p->errlen, "%s:%ld: ", p->name, line);
  else if (p->in_header || col >= p->ncols) n = snprintf(p->err, p->errlen, "%s:%ld: column %d: ", p->name, line, col + 1);
  else n = snprintf(p->err, p->errlen, "%s:%ld: column %d (%s): ", p->name, line, col + 1, p->names[col]);
  if (n < 0 || (size_t)n >= p->errlen) return PS_EINPUT;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(p->err + n, p->errlen - (size_t)n, fmt, ap);
  va_end(ap);
  return PS_EINPUT;
}

/* the message for a failed allocation; returns PS_ERUNTIME */
static int nomem(parser *p) {
  (void)fail(p, 0, -1, "out of memory");
  return PS_ERUNTIME;
}

/* the current field lies beyond the header's columns: only counted */
static int counting(const parser *p) { return !p->in_header && p->col >= p->ncols; }

/* a space or tab, what surrounds a blank line or a column name */
static int is_blank(int c) { return c == ' ' || c == '\t'; }

/* the invalid UTF-8 character that started at seq_* */
static int bad_utf8(parser *p) {
  return fail(p, p->seq_line, p->seq_col,
              "invalid UTF-8 at byte %ld of the line (0x%02X): the tape must be saved as UTF-8; "
              "a GBK/GB18030 export can be converted with iconv -f GB18030 -t UTF-8",
              p->seq_off, (unsigned)p->seq_byte);
}

/* advances the UTF-8 check by byte c (RFC 3629: no overlong forms, no
** surrogates, nothing above U+10FFFF); PS_EINPUT when c cannot be there */
static int utf8_step(parser *p, int c) {
  if (p->need) {
    if ((unsigned)c < p->lo || (unsigned)c > p->hi) return bad_utf8(p);
    p->need--;
    p->lo = 0x80, p->hi = 0xBF;
    return PS_OK;
  }
  if (c < 0x80) return PS_OK;
  p->seq_line = p->line, p->seq_off = p->off, p->seq_col = p->col, p->seq_byte = c;
  p->need = ps_utf8_lead((unsigned)c, &p->lo, &p->hi);
  return p->need < 0 ? bad_utf8(p) : PS_OK;
}

/* appends byte c to the current field, within PS_CSV_MAX_FIELD (beyond the
** header's columns too: a huge extra field is not read to its end) */
static int field_add(parser *p, int c) {
  if (p->flen == PS_CSV_MAX_FIELD) {
    if (counting(p))
      return fail(p, p->extra_line, p->ncols, "the row has at least %d fields, the header has %d", p->col + 1,
                  p->ncols);
    if (p->quoted)
      return fail(p, p->quote_line, p->col,
                  "value longer than %d bytes (the limit); if it should not be, the quote opened "
                  "on this line is missing its closing quote",
                  PS_CSV_MAX_FIELD);
    return fail(p, p->line, p->col, "value longer than %d bytes (the limit)", PS_CSV_MAX_FIELD);
  }
  p->field[p->flen++] = (char)c;
  return PS_OK;
}

/* appends n bytes to the data buffer, doubling it when full */
static int data_add(parser *p, const char *s, size_t n) {
  if (n == 0) return PS_OK;
  if (p->dcap - p->dlen < n) {
    size_t cap = p->dcap ? p->dcap : 4096;
    while (cap - p->dlen < n) cap *= 2;
    char *d = realloc(p->data, cap);
    if (!d) return nomem(p);
    p->data = d, p->dcap = cap;
  }
  memcpy(p->data + p->dlen, s, n);
  p->dlen += n;
  return PS_OK;
}

#define IDEO_SPACE "\xE3\x80\x80" /* U+3000, the full-width space of Chinese text */

/* the length of the space, tab or U+3000 that s[0..n-1] starts with, or 0 */
static size_t space_at(const char *s, size_t n) {
  if (n >= 1 && is_blank((unsigned char)s[0])) return 1;
  if (n >= 3 && memcmp(s, IDEO_SPACE, 3) == 0) return 3;
  return 0;
}

/* the length of the space, tab or U+3000 that s[0..n-1] ends with, or 0 */
static size_t space_before(const char *s, size_t n) {
  if (n >= 1 && is_blank((unsigned char)s[n - 1])) return 1;
  if (n >= 3 && memcmp(s + n - 3, IDEO_SPACE, 3) == 0) return 3;
  return 0;
}

/* the header's current field, trimmed, checked and kept as a column name */
static int header_field(parser *p) {
  if (p->col >= PS_CSV_MAX_FIELDS)
    return fail(p, p->line, p->col, "more than %d columns (the limit)", PS_CSV_MAX_FIELDS);
  const char *s = p->field;
  size_t n = p->flen, k;
  while ((k = space_at(s, n)) > 0) s += k, n -= k;
  while ((k = space_before(s, n)) > 0) n -= k;
  long line = p->quoted ? p->quote_line : p->line;
  if (n == 0) return fail(p, line, p->col, "empty column name");
  for (int j = 0; j < p->col; j++)
    if (strlen(p->names[j]) == n && memcmp(p->names[j], s, n) == 0)
      return fail(p, line, p->col, "duplicate column name \"%s\" (also column %d)", p->names[j], j + 1);
  char *name = malloc(n + 1);
  if (!name) return nomem(p);
  memcpy(name, s, n);
  name[n] = '\0';
  p->names[p->col] = name;
  return PS_OK;
}

/* ends the current field (keeping it when it belongs to a column) */
static int end_field(parser *p) {
  int rc = PS_OK;
  if (p->in_header) rc = header_field(p);
  else if (!counting(p) && !(rc = data_add(p, p->field, p->flen))) rc = data_add(p, "", 1);
  p->col++;
  p->flen = 0, p->quoted = 0;
  return rc;
}

/* a comma outside quotes: the next field starts */
static int next_field(parser *p) {
  int rc = end_field(p);
  if (rc) return rc;
  if (!p->in_header && p->col == p->ncols) p->extra_line = p->line;
  if (!p->in_header && p->col > PS_CSV_MAX_FIELDS) /* no header is that wide: stop counting */
    return fail(p, p->extra_line, p->ncols, "the row has more than %d fields, the header has %d",
                PS_CSV_MAX_FIELDS, p->ncols);
  p->state = S_START;
  return PS_OK;
}

/* a complete data row of p->col fields: checked against the header and kept */
static int data_row(parser *p) {
  if (p->col != p->ncols) {
    long at = p->col < p->ncols ? p->line : p->extra_line;
    char starts[64] = "";
    if (p->row_line != at) snprintf(starts, sizeof starts, " (the row starts on line %ld)", p->row_line);
    if (p->col < p->ncols)
      return fail(p, at, p->col, "the row has %d field%s, the header has %d%s", p->col, p->col == 1 ? "" : "s",
                  p->ncols, starts);
    return fail(p, at, p->ncols, "the row has %d fields, the header has %d%s: is a value with a comma not quoted?",
                p->col, p->ncols, starts);
  }
  if (p->nrows == PS_CSV_MAX_ROWS)
    return fail(p, 0, -1, "more than %d data rows (the limit), the one on line %ld is too many: split the tape",
                PS_CSV_MAX_ROWS, p->row_line);
  if (p->nrows == p->lcap) {
    long cap = p->lcap ? p->lcap * 2 : 1024;
    long *l = realloc(p->lines, (size_t)cap * sizeof *l);
    if (!l) return nomem(p);
    p->lines = l, p->lcap = cap;
  }
  p->lines[p->nrows++] = p->row_line;
  return PS_OK;
}

/* the row ends at the current byte (a line feed, or the end of the file when
** eof): a blank line is remembered, anything else ends its last field */
static int end_row(parser *p, int eof) {
  int rc = PS_OK;
  if (!p->content) {
    if (!p->pending_blank) p->pending_blank = p->line;
    p->flen = 0;
  } else if (!(rc = end_field(p))) {
    if (p->in_header) {
      p->ncols = p->col;
      p->in_header = 0;
    } else rc = data_row(p);
  }
  p->state = S_START;
  p->col = 0, p->content = 0;
  p->row_line = eof ? p->line : p->line + 1;
  return rc;
}

/* the first byte of a row other than space, tab, CR or LF: a blank line before it is an error */
static int row_content(parser *p) {
  p->content = 1;
  if (!p->pending_blank) return PS_OK;
  if (p->in_header)
    return fail(p, p->pending_blank, 0, "empty column name: the first line is blank, the column names must be on line 1");
  if (p->ncols == 1)
    return fail(p, p->pending_blank, 0, "blank line inside the data: delete it (write \"\" for an empty value)");
  return fail(p, p->pending_blank, 0,
              "blank line inside the data (a row with 1 empty field, the header has %d columns): delete it",
              p->ncols);
}

/* a quote in an unquoted field: opens the value only after header spaces */
static int stray_quote(parser *p) {
  size_t i = 0;
  while (i < p->flen && is_blank((unsigned char)p->field[i])) i++;
  if (p->in_header && i == p->flen) {
    p->flen = 0, p->quoted = 1, p->quote_line = p->line, p->state = S_QUO;
    return PS_OK;
  }
  if (counting(p)) return PS_OK;
  if (i == p->flen)
    return fail(p, p->line, p->col, "space before the opening quote at byte %ld of the line: remove it", p->off);
  return fail(p, p->line, p->col,
              "quote inside an unquoted value at byte %ld of the line: quote the whole value and double "
              "the quote (\"\")",
              p->off);
}

/* a byte after a closing quote */
static int after_quote(parser *p, int c) {
  if (c == ',') return next_field(p);
  if (c == '\n') return end_row(p, 0);
  if (c == '\r') p->state = S_CR;
  else if (p->in_header && is_blank(c)) p->state = S_AFTER;
  else if (counting(p)) p->state = S_UNQ;
  else
    return fail(p, p->line, p->col,
                "text after the closing quote at byte %ld of the line: a quote inside a quoted value "
                "must be doubled (\"\")",
                p->off);
  return PS_OK;
}

/* the state machine proper: byte c (0..255) in the current state */
static int step(parser *p, int c) {
  switch (p->state) {
  case S_START:
  case S_UNQ:
    if (c == ',') return next_field(p);
    if (c == '\n') return end_row(p, 0);
    if (c == '\r') {
      p->state = S_CR;
      return PS_OK;
    }
    if (c == '"') {
      if (p->state == S_UNQ) return stray_quote(p);
      p->quoted = 1, p->quote_line = p->line, p->state = S_QUO;
      return PS_OK;
    }
    p->state = S_UNQ;
    return field_add(p, c);
  case S_QUO:
    if (c != '"') return field_add(p, c);
    p->state = S_QQ;
    return PS_OK;
  case S_QQ:
    if (c == '"') {
      p->state = S_QUO;
      return field_add(p, c);
    }
    return after_quote(p, c);
  case S_AFTER:
    return after_quote(p, c == '"' ? 'x' : c); /* a second quote is text after the closing one */
  default: /* S_CR */
    if (c == '\n') return end_row(p, 0);
    return fail(p, p->line, p->col,
                "carriage return not followed by a line feed at byte %ld of the line: save the file "
                "with CRLF or LF line ends",
                p->off - 1);
  }
}

/* one byte of the file, BOM excluded */
static int feed(parser *p, int c) {
  p->off++;
  if (p->off > PS_CSV_MAX_LINE) return fail(p, p->line, -1, "line longer than %ld bytes (the limit)", PS_CSV_MAX_LINE);
  if (!counting(p)) {
    int rc = utf8_step(p, c);
    if (rc) return rc;
    if (c == 0)
      return fail(p, p->line, p->col,
                  "NUL byte at byte %ld of the line: this is not a text CSV (UTF-16 or binary?); "
                  "save it as CSV UTF-8",
                  p->off);
  }
  int rc = !p->content && !is_blank(c) && c != '\r' && c != '\n' ? row_content(p) : PS_OK;
  if (rc || (rc = step(p, c))) return rc;
  if (c == '\n') p->line++, p->off = 0;
  return PS_OK;
}

/* byte c lies inside a kept field, with room for it, and is printable ASCII
** other than comma and quote, or the continuation byte a UTF-8 character
** expects: all feed() would do is advance the UTF-8 check and append it */
static int plain(const parser *p, int c) {
  if ((p->state != S_UNQ && p->state != S_QUO) || !p->content || p->flen == PS_CSV_MAX_FIELD || counting(p))
    return 0;
  if (p->need) return (unsigned)c >= p->lo && (unsigned)c <= p->hi;
  return c >= 0x20 && c < 0x7F && c != ',' && c != '"';
}

/* n more bytes of the file; the first chunk is checked for a BOM */
static int feed_chunk(parser *p, const unsigned char *b, size_t n) {
  if (p->total == 0) {
    if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
      return fail(p, 0, -1, "the file is UTF-16 (it starts with bytes %02X %02X), not UTF-8: save it as CSV UTF-8",
                  b[0], b[1]);
    if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
      p->bom = 1;
      p->total = 3;
      b += 3, n -= 3;
    }
  }
  p->total += n;
  for (size_t i = 0; i < n; i++) {
    int c = b[i];
    if (plain(p, c)) { /* the common case, short-cut */
      p->off++;
      utf8_step(p, c); /* cannot fail here */
      p->field[p->flen++] = (char)c;
    } else {
      int rc = feed(p, c);
      if (rc) return rc;
    }
  }
  return PS_OK;
}

/* the end of the file: the last row ends, and the whole is checked */
static int feed_end(parser *p) {
  if (p->need) return bad_utf8(p);
  if (p->state == S_QUO)
    return fail(p, p->quote_line, p->col,
                "the quote opened on this line is never closed (the file ends inside it): close it, or "
                "double a quote inside a value (\"\")");
  int rc = p->content ? end_row(p, 1) : PS_OK;
  if (rc) return rc;
  if (p->in_header) {
    if (p->total == (size_t)(p->bom ? 3 : 0)) return fail(p, 0, -1, "empty file: no column names and no data");
    return fail(p, 0, -1, "no column names: the file has only blank lines");
  }
  if (p->nrows == 0) return fail(p, 0, -1, "no data rows: the file has only the column names");
  return PS_OK;
}

/* a parser at the start of the file named `name` */
static void parser_init(parser *p, const char *name, char *err, size_t errlen) {
  memset(p, 0, sizeof *p);
  p->name = name ? name : "(csv)";
  p->err = err, p->errlen = errlen;
  p->line = 1, p->row_line = 1;
  p->in_header = 1;
  if (err && errlen) err[0] = '\0';
}

/* frees what the parser still owns (nothing after finish) */
static void parser_free(parser *p) {
  for (int j = 0; j < PS_CSV_MAX_FIELDS; j++) free(p->names[j]);
  free(p->data);
  free(p->lines);
}

/* hands the parsed tape to *out (see the layout at the top); the parser keeps nothing */
static int finish(parser *p, ps_csv *out) {
  assert(p->ncols > 0 && p->nrows > 0); /* feed_end refused the rest; ps_csv_destroy relies on it */
  char **header = malloc((size_t)p->ncols * sizeof *header);
  char ***rows = malloc((size_t)p->nrows * sizeof *rows);
  size_t ncells = (size_t)p->nrows * (size_t)p->ncols;
  char **cells = ncells / (size_t)p->ncols == (size_t)p->nrows && ncells <= SIZE_MAX / sizeof *cells
                     ? malloc(ncells * sizeof *cells)
                     : NULL;
  if (!header || !rows || !cells) {
    free(header), free(rows), free(cells);
    return nomem(p);
  }
  for (int j = 0; j < p->ncols; j++) header[j] = p->names[j], p->names[j] = NULL;
  char *shrunk = realloc(p->data, p->dlen); /* give back the doubling slack */
  if (shrunk) p->data = shrunk;
  char *s = p->data;
  for (long i = 0; i < p->nrows; i++) {
    rows[i] = cells + (size_t)i * (size_t)p->ncols;
    for (int j = 0; j < p->ncols; j++) {
      rows[i][j] = s;
      s += strlen(s) + 1;
    }
  }
  out->ncols = p->ncols;
  out->header = header;
  out->nrows = p->nrows;
  out->rows = rows;
  out->line = p->lines;
  p->data = NULL, p->lines = NULL;
  return PS_OK;
}

/* the end of either entry point: *out filled on success, zeroed otherwise */
static int conclude(parser *p, int rc, ps_csv *out) {
  if (rc == PS_OK) rc = feed_end(p);
  if (rc == PS_OK) rc = finish(p, out);
  parser_free(p);
  return rc;
}

/** Parses len bytes of CSV at data (NULs included, no terminator needed) as
** described in csv.h, `name` standing for the file in messages. Returns PS_OK with
** *out filled (free with ps_csv_destroy), or PS_EINPUT (the data is not a valid tape) /
** PS_ERUNTIME (out of memory) with *out zeroed and the message in err (truncated to errlen). */
int ps_csv_parse(const char *name, const char *data, size_t len, ps_csv *out, char *err, size_t errlen) {
  parser p;
  memset(out, 0, sizeof *out);
  parser_init(&p, name, err, errlen);
  int rc = len ? feed_chunk(&p, (const unsigned char *)data, len) : PS_OK;
  return conclude(&p, rc, out);
}

/** Reads the file at path with ps_csv_parse's rules, CHUNK bytes at a time
** (never the whole file at once). Returns ps_csv_parse's codes; a file that cannot be
** opened or read or is a directory is PS_EINPUT too, with a "PATH: ..." message. */
int ps_csv_read(const char *path, ps_csv *out, char *err, size_t errlen) {
  return ps_csv_read_hashed(path, out, NULL, err, errlen);
}

int ps_csv_read_hashed(const char *path, ps_csv *out, char sha256_hex[65], char *err, size_t errlen) {
  parser p;
  memset(out, 0, sizeof *out);
  parser_init(&p, path, err, errlen);
  FILE *f;
  if (ps_infile_open(path, "CSV file", &f, err, errlen)) return PS_EINPUT;
  unsigned char *buf = malloc(CHUNK);
  if (!buf) {
    (void)fclose(f);
    return nomem(&p);
  }
  int rc = PS_OK;
  size_t n;
  ps_sha256 hash;
  ps_sha256_init(&hash);
  while (rc == PS_OK && (n = fread(buf, 1, CHUNK, f)) > 0) {
    ps_sha256_update(&hash, buf, n);
    rc = feed_chunk(&p, buf, n);
  }
  if (sha256_hex) ps_sha256_final_hex(&hash, sha256_hex);
  if (rc == PS_OK && ferror(f)) rc = fail(&p, 0, -1, "read error: %s", strerror(errno));
  free(buf);
  (void)fclose(f);
  return conclude(&p, rc, out);
}

/** Frees what ps_csv_read or ps_csv_parse filled in and zeroes *c; safe on a
** zeroed ps_csv and on the *out of a failed read. */
void ps_csv_destroy(ps_csv *c) {
  if (!c) return;
  if (c->header)
    for (int j = 0; j < c->ncols; j++) free(c->header[j]);
  free(c->header);
  if (c->rows && c->nrows > 0) {
    if (c->ncols > 0) free(c->rows[0][0]);
    free(c->rows[0]);
  }
  free(c->rows);
  free(c->line);
  memset(c, 0, sizeof *c);
}

/** The index of the column named exactly `name`, or -1 (also for NULLs). */
int ps_csv_column(const ps_csv *c, const char *name) {
  if (!c || !c->header || !name) return -1;
  for (int j = 0; j < c->ncols; j++)
    if (strcmp(c->header[j], name) == 0) return j;
  return -1;
}

/* ps_csv_row_fail — see csv.h */
int ps_csv_row_fail(const ps_csv_row *r, int col, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  snprintf(r->err, r->errlen, "%s:%ld: column %d (%s): %s", r->file, r->csv->line[r->row], col + 1,
           r->csv->header[col], msg);
  return PS_EINPUT;
}
