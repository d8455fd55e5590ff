/* script.h — `poolsim script DRIVER.lua [args]`: studies written in Lua, calling
** poolsim.run / size / sweep / compare and getting their documents (the JSON's
** shape) as Lua tables (docs/scenario.md, Drivers). */
#ifndef PS_SCRIPT_H
#define PS_SCRIPT_H

#include <stddef.h>

/* Run the driver with args as `arg`; trust lifts the sandbox (io, os). Returns
** 0, PS_EINPUT (the driver cannot be read or parsed) or PS_ERUNTIME (it failed;
** the message has its file and line). */
int ps_script_run(const char *driver, int argc, char **argv, int trust, char *err, size_t errlen);

#endif
