/* scripts.h — Lua library modules compiled into the binary (from scripts/,
** by scripts/embed.sh at build time), reachable in scenarios as poolsim.<name>. */
#ifndef PS_SCRIPTS_H
#define PS_SCRIPTS_H

typedef struct {
  const char *name;  /* poolsim.<name> */
  const char *chunk; /* "@scripts/...": the chunk name errors show */
  const char *source;
} ps_script;

/* NULL-terminated */
extern const ps_script ps_scripts[];

#endif
