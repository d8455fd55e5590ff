/* output.h — writing report files all at once or not at all. */
#ifndef PS_OUTPUT_H
#define PS_OUTPUT_H

#include <stddef.h>

/* Write data to path through a temporary file in the same directory and a
** rename, so a reader never sees half a report; "-" writes to stdout.
** Returns 0, or -1 with a message naming the path. */
int ps_write_file_atomic(const char *path, const char *data, size_t len, char *err, size_t errlen);

#endif
