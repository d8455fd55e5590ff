/* test_csv.c — the loan-tape CSV reader (csv.h): every accepted form checked
** field by field, every rejected one by the exact "FILE:LINE: column N (NAME):"
** prefix of its message, from memory (ps_csv_parse) and from the fixtures in
** tests/data/csv/ and generated temp files (ps_csv_read). Run from the repo root. */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "scenario/csv.h"

#define DATA "tests/data/csv/"

/* CHECK that also yields the condition, to skip what depends on it */
static int check_ok(int cond, const char *what, int line) {
  if (cond) check_passed++;
  else {
    check_failed++;
    fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, line, what);
  }
  return cond;
}
#define CHECK_OK(cond) check_ok(!!(cond), #cond, __LINE__)

/* err starts with prefix; otherwise both are printed */
static int msg_starts(const char *err, const char *prefix) {
  if (strncmp(err, prefix, strlen(prefix)) == 0) return 1;
  fprintf(stderr, "  got:  %s\n  want: %s...\n", err, prefix);
  return 0;
}

/* *c is all zero (what a failed read leaves) */
static int is_zeroed(const ps_csv *c) {
  return c->ncols == 0 && c->header == NULL && c->nrows == 0 && c->rows == NULL && c->line == NULL;
}

/* ps_csv_parse of data[0..len-1] as "t.csv" fails with a message starting with prefix */
static int rejects(const char *data, size_t len, const char *prefix) {
  ps_csv c;
  char err[512];
  int rc = ps_csv_parse("t.csv", data, len, &c, err, sizeof err);
  if (rc == 0) {
    fprintf(stderr, "  accepted, want: %s...\n", prefix);
    ps_csv_destroy(&c);
    return 0;
  }
  return rc == PS_EINPUT && is_zeroed(&c) && msg_starts(err, prefix);
}

/* ps_csv_read of path fails with a message starting with prefix */
static int read_rejects(const char *path, const char *prefix) {
  ps_csv c;
  char err[512];
  int rc = ps_csv_read(path, &c, err, sizeof err);
  if (rc == 0) {
    fprintf(stderr, "  accepted %s, want: %s...\n", path, prefix);
    ps_csv_destroy(&c);
    return 0;
  }
  return rc == PS_EINPUT && is_zeroed(&c) && msg_starts(err, prefix);
}

/* a string literal (NULs included) */
#define LIT(s) s, sizeof s - 1
#define REJECT(s, prefix) CHECK(rejects(LIT(s), prefix))

/* ps_csv_parse of a literal succeeds; the message is printed otherwise */
static int parse_ok(const char *data, size_t len, ps_csv *c) {
  char err[512];
  if (ps_csv_parse("t.csv", data, len, c, err, sizeof err) == 0) return 1;
  fprintf(stderr, "  rejected: %s\n", err);
  return 0;
}
#define PARSE(s, c) parse_ok(LIT(s), c)

/* the header is exactly the NULL-terminated list of names */
static int header_is(const ps_csv *c, ...) {
  va_list ap;
  va_start(ap, c);
  int j = 0, ok = 1;
  for (const char *want; (want = va_arg(ap, const char *)) != NULL; j++)
    if (j >= c->ncols || strcmp(c->header[j], want) != 0) {
      fprintf(stderr, "  header column %d: got \"%s\", want \"%s\"\n", j + 1, j < c->ncols ? c->header[j] : "(none)",
              want);
      ok = 0;
    }
  va_end(ap);
  if (j != c->ncols) fprintf(stderr, "  header has %d columns, want %d\n", c->ncols, j);
  return ok && j == c->ncols;
}

/* data row i (0-based) starts on `line` and holds exactly the NULL-terminated fields */
static int row_is(const ps_csv *c, long i, long line, ...) {
  if (i >= c->nrows) {
    fprintf(stderr, "  row %ld missing (nrows %ld)\n", i, c->nrows);
    return 0;
  }
  int ok = c->line[i] == line;
  if (!ok) fprintf(stderr, "  row %ld starts on line %ld, want %ld\n", i, c->line[i], line);
  va_list ap;
  va_start(ap, line);
  int j = 0;
  for (const char *want; (want = va_arg(ap, const char *)) != NULL; j++)
    if (j >= c->ncols || strcmp(c->rows[i][j], want) != 0) {
      fprintf(stderr, "  row %ld column %d: got \"%s\", want \"%s\"\n", i, j + 1,
              j < c->ncols ? c->rows[i][j] : "(none)", want);
      ok = 0;
    }
  va_end(ap);
  return ok && j == c->ncols;
}

/* ---- accepted ------------------------------------------------------------ */

static void test_plain(void) {
  ps_csv c;
  if (!CHECK_OK(PARSE("id,name\n1,a\n2,b\n", &c))) return;
  CHECK_EQ_INT(c.ncols, 2);
  CHECK_EQ_INT(c.nrows, 2);
  CHECK(header_is(&c, "id", "name", NULL));
  CHECK(row_is(&c, 0, 2, "1", "a", NULL));
  CHECK(row_is(&c, 1, 3, "2", "b", NULL));
  CHECK_EQ_INT(ps_csv_column(&c, "name"), 1);
  CHECK_EQ_INT(ps_csv_column(&c, "Name"), -1); /* case-sensitive */
  CHECK_EQ_INT(ps_csv_column(&c, "nam"), -1);
  CHECK_EQ_INT(ps_csv_column(&c, NULL), -1);
  ps_csv_destroy(&c);
  CHECK(is_zeroed(&c));
  ps_csv_destroy(&c); /* twice is harmless */
  CHECK_EQ_INT(ps_csv_column(&c, "id"), -1);
}

static void test_bom(void) {
  ps_csv c;
  if (!CHECK_OK(PARSE("\xEF\xBB\xBFid,name\n1,a\n", &c))) return;
  CHECK(header_is(&c, "id", "name", NULL));
  CHECK_EQ_INT(ps_csv_column(&c, "id"), 0);
  CHECK(row_is(&c, 0, 2, "1", "a", NULL));
  ps_csv_destroy(&c);
  /* a BOM is skipped only at the very start: elsewhere U+FEFF is text */
  if (!CHECK_OK(PARSE("id,name\n\xEF\xBB\xBF" "1,a\n", &c))) return;
  CHECK(row_is(&c, 0, 2, "\xEF\xBB\xBF" "1", "a", NULL));
  ps_csv_destroy(&c);
}

static void test_line_ends(void) {
  ps_csv c;
  if (CHECK_OK(PARSE("id,name\r\n1,a\r\n2,b\r\n", &c))) {
    CHECK(header_is(&c, "id", "name", NULL));
    CHECK_EQ_INT(c.nrows, 2);
    CHECK(row_is(&c, 0, 2, "1", "a", NULL));
    CHECK(row_is(&c, 1, 3, "2", "b", NULL));
    ps_csv_destroy(&c);
  }
  if (CHECK_OK(PARSE("id,name\r\n1,a\n2,b\r\n3,c\n", &c))) { /* mixed */
    CHECK_EQ_INT(c.nrows, 3);
    CHECK(row_is(&c, 0, 2, "1", "a", NULL));
    CHECK(row_is(&c, 1, 3, "2", "b", NULL));
    CHECK(row_is(&c, 2, 4, "3", "c", NULL));
    ps_csv_destroy(&c);
  }
  if (CHECK_OK(PARSE("id,name\n1,a\n2,b", &c))) { /* no final newline */
    CHECK_EQ_INT(c.nrows, 2);
    CHECK(row_is(&c, 1, 3, "2", "b", NULL));
    ps_csv_destroy(&c);
  }
  if (CHECK_OK(PARSE("id,name\r\n1,\"a\"", &c))) { /* ends on a closing quote */
    CHECK(row_is(&c, 0, 2, "1", "a", NULL));
    ps_csv_destroy(&c);
  }
  if (CHECK_OK(PARSE("id,name\r\n1,a\r", &c))) { /* ends on CR */
    CHECK(row_is(&c, 0, 2, "1", "a", NULL));
    ps_csv_destroy(&c);
  }
}

static void test_quotes(void) {
  ps_csv c;
  if (!CHECK_OK(PARSE("id,name\n1,\"say \"\"hi\"\"\"\n2,\"\"\n3,\"a,b\"\n4,\"\"\"\"\n\"5\",x\n", &c))) return;
  CHECK_EQ_INT(c.nrows, 5);
  CHECK(row_is(&c, 0, 2, "1", "say \"hi\"", NULL));
  CHECK(row_is(&c, 1, 3, "2", "", NULL));
  CHECK(row_is(&c, 2, 4, "3", "a,b", NULL));
  CHECK(row_is(&c, 3, 5, "4", "\"", NULL));
  CHECK(row_is(&c, 4, 6, "5", "x", NULL));
  ps_csv_destroy(&c);
}

/* a quoted newline (LF or CRLF, kept as written) continues the row: each row's
** line is where it starts */
static void test_newlines_in_quotes(void) {
  ps_csv c;
  if (!CHECK_OK(PARSE("id,addr,amt\n1,\"line1\nline2\",10\n2,\"x\r\ny\r\n\",20\r\n3,z,30\n", &c))) return;
  CHECK_EQ_INT(c.nrows, 3);
  CHECK(row_is(&c, 0, 2, "1", "line1\nline2", "10", NULL));
  CHECK(row_is(&c, 1, 4, "2", "x\r\ny\r\n", "20", NULL));
  CHECK(row_is(&c, 2, 7, "3", "z", "30", NULL));
  ps_csv_destroy(&c);
  /* a quoted header name over two lines (an Excel cell with Alt+Enter) */
  if (!CHECK_OK(PARSE("\"loan\nid\",amt\n1,2\n", &c))) return;
  CHECK(header_is(&c, "loan\nid", "amt", NULL));
  CHECK(row_is(&c, 0, 3, "1", "2", NULL));
  ps_csv_destroy(&c);
}

static void test_chinese(void) {
  ps_csv c;
  if (!CHECK_OK(PARSE("借款人,金额（元）,备注\n张三,100,\"绵阳市,涪城区\"\n\"李四，王五\",200,𠀀\n", &c))) return;
  CHECK(header_is(&c, "借款人", "金额（元）", "备注", NULL));
  CHECK_EQ_INT(ps_csv_column(&c, "金额（元）"), 1);
  CHECK(row_is(&c, 0, 2, "张三", "100", "绵阳市,涪城区", NULL));
  CHECK(row_is(&c, 1, 3, "李四，王五", "200", "𠀀", NULL));
  ps_csv_destroy(&c);
}

/* header names lose surrounding spaces, tabs and U+3000 (also around quotes);
** data fields keep every byte */
static void test_spaces(void) {
  ps_csv c;
  if (!CHECK_OK(PARSE(" id ,\tname\t,  \"amt\"  ,地址\xE3\x80\x80,\" q \"\n 1 , a ,\"2\",x\t,\xE3\x80\x80y\n", &c)))
    return;
  CHECK(header_is(&c, "id", "name", "amt", "地址", "q", NULL));
  CHECK(row_is(&c, 0, 2, " 1 ", " a ", "2", "x\t", "\xE3\x80\x80y", NULL));
  ps_csv_destroy(&c);
}

static void test_empty_fields(void) {
  ps_csv c;
  if (!CHECK_OK(PARSE("a,b,c\n,,\n1,,\"\"\n", &c))) return;
  CHECK_EQ_INT(c.nrows, 2);
  CHECK(row_is(&c, 0, 2, "", "", "", NULL));
  CHECK(row_is(&c, 1, 3, "1", "", "", NULL));
  ps_csv_destroy(&c);
}

/* blank lines (empty, or only spaces and tabs) after the last row are ignored */
static void test_trailing_blank_lines(void) {
  ps_csv c;
  if (CHECK_OK(PARSE("id,name\n1,a\n\n\r\n   \n\t\r\n", &c))) {
    CHECK_EQ_INT(c.nrows, 1);
    CHECK(row_is(&c, 0, 2, "1", "a", NULL));
    ps_csv_destroy(&c);
  }
  if (CHECK_OK(PARSE("id\n1\n\n\n", &c))) {
    CHECK_EQ_INT(c.nrows, 1);
    CHECK(row_is(&c, 0, 2, "1", NULL));
    ps_csv_destroy(&c);
  }
}

/* exactly at the limits: a field of PS_CSV_MAX_FIELD bytes, PS_CSV_MAX_FIELDS columns */
static void test_at_limits(void) {
  size_t cap = 4 * PS_CSV_MAX_FIELDS * 8 + 2 * PS_CSV_MAX_FIELD + 64;
  char *buf = malloc(cap);
  if (!CHECK_OK(buf != NULL)) return;
  ps_csv c;
  char err[512];
  /* id,v \n 1,<4096 x, quoted> */
  size_t n = (size_t)sprintf(buf, "id,v\n1,\"");
  memset(buf + n, 'x', PS_CSV_MAX_FIELD);
  n += PS_CSV_MAX_FIELD;
  n += (size_t)sprintf(buf + n, "\"\n");
  if (CHECK_OK(ps_csv_parse("t.csv", buf, n, &c, err, sizeof err) == 0)) {
    CHECK_EQ_INT(strlen(c.rows[0][1]), PS_CSV_MAX_FIELD);
    ps_csv_destroy(&c);
  }
  /* 256 columns c1..c256, one row 1..256 */
  n = 0;
  for (int j = 1; j <= PS_CSV_MAX_FIELDS; j++) n += (size_t)sprintf(buf + n, "%sc%d", j > 1 ? "," : "", j);
  buf[n++] = '\n';
  for (int j = 1; j <= PS_CSV_MAX_FIELDS; j++) n += (size_t)sprintf(buf + n, "%s%d", j > 1 ? "," : "", j);
  if (CHECK_OK(ps_csv_parse("t.csv", buf, n, &c, err, sizeof err) == 0)) {
    CHECK_EQ_INT(c.ncols, PS_CSV_MAX_FIELDS);
    CHECK(strcmp(c.header[PS_CSV_MAX_FIELDS - 1], "c256") == 0);
    CHECK(strcmp(c.rows[0][PS_CSV_MAX_FIELDS - 1], "256") == 0);
    CHECK_EQ_INT(ps_csv_column(&c, "c200"), 199);
    ps_csv_destroy(&c);
  }
  free(buf);
}

/* ---- rejected, from memory ----------------------------------------------- */

static void test_bad_utf8(void) {
  REJECT("id,name\n1,\xD5\xC5\xC8\xFD\n", "t.csv:2: column 2 (name): invalid UTF-8 at byte 3 of the line (0xD5)"); /* GBK 张三 */
  REJECT("id,\xFFname\n1,a\n", "t.csv:1: column 2: invalid UTF-8 at byte 4 of the line (0xFF)");
  REJECT("\xEF\xBB\xBFid,\xFF\n", "t.csv:1: column 2: invalid UTF-8 at byte 4 of the line"); /* BOM not counted */
  REJECT("id\n\xC0\x80\n", "t.csv:2: column 1 (id): invalid UTF-8 at byte 1 of the line (0xC0)");      /* overlong */
  REJECT("id\n\xE0\x80\x80\n", "t.csv:2: column 1 (id): invalid UTF-8 at byte 1 of the line (0xE0)");  /* overlong */
  REJECT("id\nx\xED\xA0\x80\n", "t.csv:2: column 1 (id): invalid UTF-8 at byte 2 of the line (0xED)"); /* surrogate */
  REJECT("id\n\xF4\x90\x80\x80\n", "t.csv:2: column 1 (id): invalid UTF-8 at byte 1 of the line (0xF4)"); /* > U+10FFFF */
  REJECT("id\n\xF5\x80\x80\x80\n", "t.csv:2: column 1 (id): invalid UTF-8 at byte 1 of the line (0xF5)");
  REJECT("a,b\nxy,z\x80\n", "t.csv:2: column 2 (b): invalid UTF-8 at byte 5 of the line (0x80)"); /* lone continuation */
  REJECT("a,b\n\xE4\xB8,x\n", "t.csv:2: column 1 (a): invalid UTF-8 at byte 1 of the line (0xE4)"); /* cut by a comma */
  REJECT("a\n\"\xE4\n\"\n", "t.csv:2: column 1 (a): invalid UTF-8 at byte 2 of the line (0xE4)");  /* cut by a newline */
  REJECT("a\nx\xE4\xB8", "t.csv:2: column 1 (a): invalid UTF-8 at byte 2 of the line (0xE4)");      /* cut by the end */
}

static void test_bad_bytes(void) {
  REJECT("id,name\n1,a\0b\n", "t.csv:2: column 2 (name): NUL byte at byte 4 of the line");
  REJECT("\xFF\xFEi\0d\0", "t.csv: the file is UTF-16 (it starts with bytes FF FE)");
  REJECT("\xFE\xFF\0i\0d", "t.csv: the file is UTF-16 (it starts with bytes FE FF)");
  REJECT("i\0d\0\n\0", "t.csv:1: column 1: NUL byte at byte 2 of the line"); /* UTF-16 without a BOM */
  REJECT("a,b\n1\r2,3\n", "t.csv:2: column 1 (a): carriage return not followed by a line feed at byte 2 of the line");
  REJECT("a,b\n1,2\r\r\n", "t.csv:2: column 2 (b): carriage return not followed by a line feed at byte 4 of the line");
}

static void test_bad_quotes(void) {
  /* the unclosed quote is reported where it opened, not where the file ends */
  REJECT("id,name\n1,a\n2,\"open\n3,b\n4,c\n",
         "t.csv:3: column 2 (name): the quote opened on this line is never closed");
  REJECT("id,name\n1,\"abc\"d\n", "t.csv:2: column 2 (name): text after the closing quote at byte 8 of the line");
  REJECT("id,name\n1,\"a\" \n", "t.csv:2: column 2 (name): text after the closing quote at byte 6 of the line");
  REJECT("id,name\n1,\"a\nb\"c\n", "t.csv:3: column 2 (name): text after the closing quote at byte 3 of the line");
  REJECT("id,name\n1,ab\"c\n", "t.csv:2: column 2 (name): quote inside an unquoted value at byte 5 of the line");
  REJECT("id,name\n1, \"a\"\n", "t.csv:2: column 2 (name): space before the opening quote at byte 4 of the line");
  REJECT("\"a\" \"b\",c\n1,2\n", "t.csv:1: column 1: text after the closing quote at byte 5 of the line");
  REJECT("\"a\"b,c\n1,2\n", "t.csv:1: column 1: text after the closing quote at byte 4 of the line");
}

static void test_bad_field_count(void) {
  REJECT("a,b,c\n1,2,3\n1,2\n", "t.csv:3: column 3 (c): the row has 2 fields, the header has 3");
  REJECT("a,b,c\n1\n", "t.csv:2: column 2 (b): the row has 1 field, the header has 3");
  REJECT("a,b,c\n1,\"x\ny\"\n", "t.csv:3: column 3 (c): the row has 2 fields, the header has 3 (the row starts on line 2)");
  REJECT("a,b\n1,2,3,4\n", "t.csv:2: column 3: the row has 4 fields, the header has 2");
  REJECT("a,b\n1,\"x\ny\",3\n", "t.csv:3: column 3: the row has 3 fields, the header has 2 (the row starts on line 2)");
  /* the count is what matters: bad bytes or quotes beyond the header do not hide it */
  REJECT("a,b\n1,2,\xFF,\"x\"y,\"p,q\"\n", "t.csv:2: column 3: the row has 5 fields, the header has 2");
  char buf[1024];
  size_t n = (size_t)sprintf(buf, "a,b\n1");
  for (int j = 0; j < 400; j++) buf[n++] = ',';
  CHECK(rejects(buf, n, "t.csv:2: column 3: the row has more than 256 fields, the header has 2"));
  /* nor does a huge field beyond the header make it read the line to its end */
  n = (size_t)sprintf(buf, "a,b\n1,2,3,");
  char *big = malloc(n + PS_CSV_MAX_FIELD + 1);
  if (CHECK_OK(big != NULL)) {
    memcpy(big, buf, n);
    memset(big + n, 'x', PS_CSV_MAX_FIELD + 1);
    CHECK(rejects(big, n + PS_CSV_MAX_FIELD, "t.csv:2: column 3: the row has 4 fields, the header has 2"));
    CHECK(rejects(big, n + PS_CSV_MAX_FIELD + 1, "t.csv:2: column 3: the row has at least 4 fields, the header has 2"));
    free(big);
  }
}

static void test_blank_line(void) {
  REJECT("a,b\n1,2\n\n3,4\n", "t.csv:3: column 1 (a): blank line inside the data");
  REJECT("a,b\r\n1,2\r\n  \t\r\n\r\n3,4\r\n", "t.csv:3: column 1 (a): blank line inside the data");
  REJECT("a\n1\n\n2\n", "t.csv:3: column 1 (a): blank line inside the data");
  REJECT("a,b\n\n1,2\n", "t.csv:2: column 1 (a): blank line inside the data");
}

static void test_too_long(void) {
  size_t n0 = strlen("a,b\n1,");
  size_t cap = n0 + 200 * 51 + 16;
  char *buf = malloc(cap);
  if (!CHECK_OK(buf != NULL)) return;
  memcpy(buf, "a,b\n1,", n0);
  memset(buf + n0, 'x', PS_CSV_MAX_FIELD + 1);
  CHECK(rejects(buf, n0 + PS_CSV_MAX_FIELD + 1, "t.csv:2: column 2 (b): value longer than 4096 bytes"));
  /* a quote left open swallows the lines after it: reported on the quote's line */
  size_t n = n0;
  buf[n++] = '"';
  for (int i = 0; i < 200; i++) {
    memset(buf + n, 'y', 50);
    n += 50;
    buf[n++] = '\n';
  }
  CHECK(rejects(buf, n, "t.csv:2: column 2 (b): value longer than 4096 bytes (the limit); if it should not be, the "
                        "quote opened on this line is missing its closing quote"));
  /* a column name too */
  memset(buf, 'h', PS_CSV_MAX_FIELD + 1);
  CHECK(rejects(buf, PS_CSV_MAX_FIELD + 1, "t.csv:1: column 1: value longer than 4096 bytes"));
  free(buf);
}

static void test_too_many_columns(void) {
  char buf[4096];
  size_t n = 0;
  for (int j = 1; j <= PS_CSV_MAX_FIELDS + 1; j++) n += (size_t)sprintf(buf + n, "%sc%d", j > 1 ? "," : "", j);
  n += (size_t)sprintf(buf + n, "\n1\n");
  CHECK(rejects(buf, n, "t.csv:1: column 257: more than 256 columns (the limit)"));
}

static void test_bad_header(void) {
  REJECT("a,,c\n1,2,3\n", "t.csv:1: column 2: empty column name");
  REJECT("a, \t\xE3\x80\x80 ,c\n1,2,3\n", "t.csv:1: column 2: empty column name");
  REJECT("a,\"\",c\n1,2,3\n", "t.csv:1: column 2: empty column name");
  REJECT("a,b,\n1,2,\n", "t.csv:1: column 3: empty column name");
  REJECT("\nid\n1\n", "t.csv:1: column 1: empty column name: the first line is blank");
  REJECT("  \r\nid\n1\n", "t.csv:1: column 1: empty column name: the first line is blank");
  REJECT("id,amt, amt \n1,2,3\n", "t.csv:1: column 3: duplicate column name \"amt\" (also column 2)");
  REJECT("id,\"amt\",amt\n1,2,3\n", "t.csv:1: column 3: duplicate column name \"amt\" (also column 2)");
}

static void test_empty(void) {
  CHECK(rejects("", 0, "t.csv: empty file"));
  CHECK(rejects(NULL, 0, "t.csv: empty file"));
  REJECT("\xEF\xBB\xBF", "t.csv: empty file");
  REJECT("\n\r\n  \n", "t.csv: no column names: the file has only blank lines");
  REJECT("id,name\n", "t.csv: no data rows: the file has only the column names");
  REJECT("id,name", "t.csv: no data rows");
  REJECT("\xEF\xBB\xBFid,name\r\n\r\n\r\n", "t.csv: no data rows");
}

/* PS_CSV_MAX_ROWS rows are accepted, one more is not */
static void test_max_rows(void) {
  size_t n = 2 + 2 * (size_t)(PS_CSV_MAX_ROWS + 1);
  char *buf = malloc(n);
  if (!CHECK_OK(buf != NULL)) return;
  memcpy(buf, "a\n", 2);
  for (size_t i = 2; i < n; i += 2) buf[i] = '1', buf[i + 1] = '\n';
  ps_csv c;
  char err[512];
  if (CHECK_OK(ps_csv_parse("t.csv", buf, n - 2, &c, err, sizeof err) == 0)) {
    CHECK_EQ_INT(c.nrows, PS_CSV_MAX_ROWS);
    CHECK_EQ_INT(c.line[c.nrows - 1], PS_CSV_MAX_ROWS + 1);
    ps_csv_destroy(&c);
  }
  CHECK(rejects(buf, n, "t.csv: more than 10000000 data rows (the limit), the one on line 10000002 is too many"));
  free(buf);
}

/* err is always terminated within errlen, and may be absent */
static void test_err_buffer(void) {
  ps_csv c;
  char err[12];
  memset(err, '#', sizeof err);
  CHECK_EQ_INT(ps_csv_parse("a-long-file-name.csv", LIT("a,a\n1,2\n"), &c, err, 8), PS_EINPUT);
  CHECK(strcmp(err, "a-long-") == 0);
  CHECK(err[8] == '#');
  CHECK_EQ_INT(ps_csv_parse("t.csv", LIT("a,a\n1,2\n"), &c, NULL, 0), PS_EINPUT);
  CHECK(is_zeroed(&c));
}

/* ---- files ----------------------------------------------------------------- */

/* the committed tape: BOM, CRLF, spaced header with a U+3000, quoted Chinese
** names with commas and "" escapes, a quoted two-line address, trailing blank lines */
static void test_file_tape(void) {
  ps_csv c;
  char err[512];
  if (!CHECK_OK(ps_csv_read(DATA "tape_bom_crlf.csv", &c, err, sizeof err) == 0)) {
    fprintf(stderr, "  %s\n", err);
    return;
  }
  CHECK(header_is(&c, "贷款编号", "借款人名称", "贷款余额（元）", "地址", NULL));
  CHECK_EQ_INT(c.nrows, 3);
  CHECK(row_is(&c, 0, 2, "HT-2022-001", "绵阳市涪城区张三,李四联保小组", "500000.00",
               "四川省绵阳市涪城区临园路东段\r\n68号", NULL));
  CHECK(row_is(&c, 1, 4, "HT-2022-002", "四川\"科创\"电子有限公司", "1200000", "绵阳市游仙区", NULL));
  CHECK(row_is(&c, 2, 5, "HT-2022-003", "王五", " 80000 ", "", NULL));
  CHECK_EQ_INT(ps_csv_column(&c, "贷款余额（元）"), 2);
  ps_csv_destroy(&c);

  /* no BOM, LF and CRLF mixed, a 4-byte character, no final newline */
  if (!CHECK_OK(ps_csv_read(DATA "tape_lf_mixed.csv", &c, err, sizeof err) == 0)) {
    fprintf(stderr, "  %s\n", err);
    return;
  }
  CHECK(header_is(&c, "id", "name", "amount", NULL));
  CHECK_EQ_INT(c.nrows, 3);
  CHECK(row_is(&c, 0, 2, "1", "𠀀记 (Hong Kong), Ltd", "10", NULL));
  CHECK(row_is(&c, 1, 3, "2", "multi\nline", "20", NULL));
  CHECK(row_is(&c, 2, 5, "3", "赵六", "30", NULL));
  ps_csv_destroy(&c);
}

static void test_file_rejects(void) {
  CHECK(read_rejects(DATA "bad_gbk.csv",
                     DATA "bad_gbk.csv:2: column 2 (name): invalid UTF-8 at byte 3 of the line (0xD5)"));
  CHECK(read_rejects(DATA "bad_unterminated.csv",
                     DATA "bad_unterminated.csv:3: column 2 (name): the quote opened on this line is never closed"));
  CHECK(read_rejects(DATA "bad_fields.csv",
                     DATA "bad_fields.csv:2: column 4: the row has 4 fields, the header has 3"));
  CHECK(read_rejects(DATA "bad_blank.csv", DATA "bad_blank.csv:3: column 1 (id): blank line inside the data"));
  CHECK(read_rejects(DATA "bad_dup_header.csv",
                     DATA "bad_dup_header.csv:1: column 3: duplicate column name \"amount\" (also column 2)"));
  CHECK(read_rejects(DATA "bad_header_only.csv", DATA "bad_header_only.csv: no data rows"));
  CHECK(read_rejects(DATA "empty.csv", DATA "empty.csv: empty file"));
  CHECK(read_rejects(DATA "bad_after_quote.csv",
                     DATA "bad_after_quote.csv:2: column 2 (name): text after the closing quote at byte 8 of the line"));
  CHECK(read_rejects(DATA "bad_utf16.csv", DATA "bad_utf16.csv: the file is UTF-16"));
  CHECK(read_rejects("tests/data/csv", "tests/data/csv: is a directory"));
  CHECK(read_rejects(DATA "no_such_file.csv", DATA "no_such_file.csv: cannot open: No such file or directory"));
}

/* writes n bytes to a new temp file; its path goes to path[] (mkstemp template) */
static int temp_file(char *path, const char *data, size_t n) {
  int fd = mkstemp(path);
  if (fd < 0) return 0;
  int ok = write(fd, data, n) == (ssize_t)n;
  return close(fd) == 0 && ok;
}

/* a 100 000-byte field stops at the limit; in a quote over many lines, the
** message points at the quote */
static void test_file_huge_field(void) {
  size_t big = 100000, n0 = strlen("id,name,amount\n1,");
  char *buf = malloc(n0 + big + 8);
  if (!CHECK_OK(buf != NULL)) return;
  memcpy(buf, "id,name,amount\n1,", n0);
  memset(buf + n0, 'x', big);
  size_t n = n0 + big;
  memcpy(buf + n, ",5\n", 3);
  n += 3;
  char path[] = "/tmp/test_csv_XXXXXX", want[128];
  if (CHECK_OK(temp_file(path, buf, n))) {
    snprintf(want, sizeof want, "%s:2: column 2 (name): value longer than 4096 bytes", path);
    CHECK(read_rejects(path, want));
    unlink(path);
  }
  buf[n0] = '"';
  for (size_t i = n0 + 80; i < n0 + big; i += 80) buf[i] = '\n';
  char path2[] = "/tmp/test_csv_XXXXXX";
  if (CHECK_OK(temp_file(path2, buf, n))) {
    snprintf(want, sizeof want, "%s:2: column 2 (name): value longer than 4096 bytes (the limit); if", path2);
    CHECK(read_rejects(path2, want));
    unlink(path2);
  }
  free(buf);
}

/* 100 000 rows (many 64 KiB chunks, so CRLFs, quotes and Chinese characters
** fall across chunk boundaries); every 1000th row has a two-line quoted value */
static void test_file_many_rows(void) {
  long rows = 100000;
  size_t cap = (size_t)rows * 64 + 64, n = 0;
  char *buf = malloc(cap);
  if (!CHECK_OK(buf != NULL)) return;
  n += (size_t)sprintf(buf, "\xEF\xBB\xBFid,借款人,余额\r\n");
  for (long i = 1; i <= rows; i++) {
    if (i % 1000 == 0) n += (size_t)sprintf(buf + n, "%ld,\"张三\r\n%ld号\",%ld.50\r\n", i, i, i * 3);
    else n += (size_t)sprintf(buf + n, "%ld,\"李四,%ld\",%ld\n", i, i, i * 3);
  }
  char path[] = "/tmp/test_csv_XXXXXX", err[512];
  if (CHECK_OK(temp_file(path, buf, n))) {
    ps_csv c;
    if (CHECK_OK(ps_csv_read(path, &c, err, sizeof err) == 0)) {
      CHECK_EQ_INT(c.nrows, rows);
      CHECK_EQ_INT(c.line[rows - 1], 1 + rows + rows / 1000 - 1); /* the last row is a two-line one */
      CHECK(row_is(&c, rows - 1, rows + rows / 1000, "100000", "张三\r\n100000号", "300000.50", NULL));
      CHECK(row_is(&c, 0, 2, "1", "李四,1", "3", NULL));
      CHECK(row_is(&c, 1000, 1003, "1001", "李四,1001", "3003", NULL));
      long bad = 0;
      for (long i = 0; i < rows; i++) bad += atol(c.rows[i][0]) != i + 1;
      CHECK_EQ_INT(bad, 0);
      ps_csv_destroy(&c);
    } else fprintf(stderr, "  %s\n", err);
    /* the same bytes from memory give the same tape */
    ps_csv m;
    if (CHECK_OK(ps_csv_parse(path, buf, n, &m, err, sizeof err) == 0)) {
      CHECK_EQ_INT(m.nrows, rows);
      CHECK_EQ_INT(m.line[rows - 1], rows + rows / 1000);
      ps_csv_destroy(&m);
    }
    unlink(path);
  }
  free(buf);
}

/* the line limit: the widest row the field limits allow (every column a quoted
** field of doubled quotes) stays under it; spaces after a quoted column name,
** which no field limit stops, stop at it */
static void test_line_limit(void) {
  size_t cap = (size_t)PS_CSV_MAX_LINE + 2 * (size_t)PS_CSV_MAX_FIELD + 64;
  char *buf = malloc(cap);
  if (!CHECK_OK(buf != NULL)) return;
  size_t n = 0;
  for (int j = 0; j < PS_CSV_MAX_FIELDS; j++) n += (size_t)sprintf(buf + n, "%sc%d", j ? "," : "", j);
  buf[n++] = '\n';
  for (int j = 0; j < PS_CSV_MAX_FIELDS; j++) {
    if (j) buf[n++] = ',';
    buf[n++] = '"';
    memset(buf + n, '"', 2 * PS_CSV_MAX_FIELD);
    n += 2 * PS_CSV_MAX_FIELD;
    buf[n++] = '"';
  }
  buf[n++] = '\n';
  CHECK(n < (size_t)PS_CSV_MAX_LINE);
  ps_csv c;
  if (CHECK_OK(parse_ok(buf, n, &c))) {
    CHECK_EQ_INT(strlen(c.rows[0][PS_CSV_MAX_FIELDS - 1]), PS_CSV_MAX_FIELD);
    ps_csv_destroy(&c);
  }
  n = (size_t)sprintf(buf, "\"id\"");
  memset(buf + n, ' ', (size_t)PS_CSV_MAX_LINE + 16);
  n += (size_t)PS_CSV_MAX_LINE + 16;
  CHECK(rejects(buf, n, "t.csv:1: line longer than 4194304 bytes (the limit)"));
  free(buf);
}

int main(void) {
  test_plain();
  test_bom();
  test_line_ends();
  test_quotes();
  test_newlines_in_quotes();
  test_chinese();
  test_spaces();
  test_empty_fields();
  test_trailing_blank_lines();
  test_at_limits();
  test_bad_utf8();
  test_bad_bytes();
  test_bad_quotes();
  test_bad_field_count();
  test_blank_line();
  test_too_long();
  test_too_many_columns();
  test_bad_header();
  test_empty();
  test_max_rows();
  test_err_buffer();
  test_file_tape();
  test_file_rejects();
  test_file_huge_field();
  test_file_many_rows();
  test_line_limit();
  return check_summary("test_csv");
}
