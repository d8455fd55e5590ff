/* confine.h — the files a scenario or a driver names stay below its folder.
**
** poolsim.csv() already refuses absolute paths and "..", but a tape can be named
** without it (`loans = {tape = "/etc/passwd"}`), a driver names scenario files
** freely, and a symbolic link below the folder could still point anywhere (/etc,
** a home directory). This compares the name, written out, with the folder, then
** resolves both and compares again. A refused file is refused without saying
** whether it exists, and nothing of it is read. */
#ifndef PS_CONFINE_H
#define PS_CONFINE_H

#include <stddef.h>

#include "poolsim/poolsim.h"

/* PS_OK when `path` (a file named relative to the working directory, as messages
** name it) lies below the folder of `owner` (the scenario or driver file), both as
** written and once symbolic links are resolved; otherwise PS_EINPUT with
** "PATH: RULE, and this one is outside it" (or "... leads out of it through a
** symbolic link") in err, where RULE is, for instance, "a data file must be inside
** the scenario's folder". A file that does not exist below the folder is not
** refused here: opening it reports that. A missing file outside the folder is
** refused with the same message as an existing one. */
int ps_confine(const char *owner, const char *path, const char *rule, char *err, size_t errlen);

#endif
