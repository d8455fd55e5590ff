/* script.h — `poolsim script DRIVER.lua [args]`: studies written in Lua, calling
** poolsim.run / size / sweep / compare and getting their documents (the JSON's
** shape) as Lua tables (docs/scenario.md, Drivers). ps_script_run is public
** (include/poolsim/script.h). */
#ifndef PS_SCRIPT_H
#define PS_SCRIPT_H

#include "poolsim/script.h"

#endif
