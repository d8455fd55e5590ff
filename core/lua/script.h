/* script.h — Lua drivers inside the engine: ps_script_run is public
** (include/poolsim/script.h). */
#ifndef PS_SCRIPT_H
#define PS_SCRIPT_H

#include "poolsim/script.h"

#endif
