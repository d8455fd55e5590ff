/* infile.h — opening an input file (a scenario, a loan tape, a driver) without blocking.
**
** A FIFO, a device or a socket named as an input would block open() or read()
** for good, or never end; only regular files are read. The file is checked
** before it is opened, opened without blocking, and checked again on the open
** descriptor, so that a file swapped in between is caught too. */
#ifndef PS_INFILE_H
#define PS_INFILE_H

#include <stddef.h>
#include <stdio.h>

#include "poolsim/poolsim.h"

/* Opens `path` for reading into *out (close with fclose). Returns PS_OK, or PS_EINPUT
** with *out NULL and "PATH: cannot open: REASON", "PATH: is a directory, not a WHAT"
** or "PATH: is a FIFO (a device, a socket), not a WHAT: only regular files are read"
** in err, where WHAT names the file's role ("scenario file", "CSV file"). */
int ps_infile_open(const char *path, const char *what, FILE **out, char *err, size_t errlen);

#endif
