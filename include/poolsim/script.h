/* script.h — drivers: a study written in Lua (`poolsim script DRIVER.lua
** [args]`), calling poolsim.run / size / sweep / compare and getting their
** results back as Lua values (docs/scenario.md, Drivers). */
#ifndef POOLSIM_SCRIPT_H
#define POOLSIM_SCRIPT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Run the driver with args as `arg`; trust lifts the sandbox (io, os) and the
** confinement of the scenarios it runs to below its folder. Returns PS_OK,
** PS_EINPUT (the driver cannot be read or parsed, or it named a scenario outside
** its folder) or PS_ERUNTIME (it failed; the message has its file and line). */
int ps_script_run(const char *driver, int argc, char **argv, int trust, char *err, size_t errlen);

#ifdef __cplusplus
}
#endif

#endif
