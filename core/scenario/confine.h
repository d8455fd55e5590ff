/* confine.h — a scenario's data files stay below the scenario's folder.
**
** poolsim.csv() already refuses absolute paths and "..", but a symbolic link
** below the folder could still point anywhere (/etc, a home directory); this
** resolves both paths and compares them. */
#ifndef PS_CONFINE_H
#define PS_CONFINE_H

#include <stddef.h>

#include "poolsim/poolsim.h"

/* PS_OK when `path` (a file named relative to the working directory, as messages
** name it) resolves to a place below the folder of `scenario`; otherwise PS_EINPUT
** with a message in err. A file that does not exist is not refused here:
** opening it reports that. */
int ps_confine(const char *scenario, const char *path, char *err, size_t errlen);

#endif
