/* lua_env.c — the sandbox: allowed libraries, deterministic math.random,
** running and checking a scenario chunk, compiling it once; the budgets are
** lua_meter.c's and the `poolsim` module lua_poolsim.c's. */
#include "lua/lua_env.h"

#include <lauxlib.h>
#include <lualib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lua/lua_pairs.h"


/* ps_lua_print — print(...)'s arguments, tab-separated, and a newline to f; returns 0 */
int ps_lua_print(lua_State *L, FILE *f) {
  int n = lua_gettop(L);
  for (int i = 1; i <= n; i++) {
    size_t len;
    const char *s = luaL_tolstring(L, i, &len);
    if (i > 1) fputc('\t', f);
    fwrite(s, 1, len, f);
    lua_pop(L, 1);
  }
  fputc('\n', f);
  return 0;
}

/* print(...) to stderr, so stdout stays clean for `--json -` */
static int sandbox_print(lua_State *L) {
  ps_lua_note_effect(L);
  return ps_lua_print(L, stderr);
}

/* load(chunk [, name [, mode [, env]]]) with text chunks only: bytecode can
** break out of any sandbox */
static int sandbox_load(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  const char *name = luaL_optstring(L, 2, s);
  int env = !lua_isnone(L, 4) ? 4 : 0;
  if (luaL_loadbufferx(L, s, len, name, "t") != LUA_OK) {
    lua_pushnil(L);
    lua_insert(L, -2);
    return 2;
  }
  if (env) {
    lua_pushvalue(L, env);
    if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
  }
  return 1;
}

/* setmetatable, refusing a __gc field: Lua runs finalizers with hooks off, so
** a __gc that loops would escape the instruction budget (and hang lua_close);
** the check at setmetatable is enough, since only a metatable that has __gc
** then marks its table for finalization. And refusing __mode: what a weak table
** keeps depends on when the collector runs, and a worker's one state serves
** many paths (sim/policy.c), so a hook could see the paths before its own.
** Upvalue 1: Lua's own setmetatable. */
static int sandbox_setmetatable(lua_State *L) {
  if (lua_type(L, 2) == LUA_TTABLE && (lua_pushliteral(L, "__gc"), lua_rawget(L, 2)) != LUA_TNIL)
    return luaL_error(L, "setmetatable: __gc (finalizers) is not allowed in a scenario: finalizers run outside "
                         "the instruction budget");
  if (lua_type(L, 2) == LUA_TTABLE && (lua_pushliteral(L, "__mode"), lua_rawget(L, 2)) != LUA_TNIL)
    return luaL_error(L, "setmetatable: __mode (weak tables) is not allowed in a scenario: what they keep would "
                         "depend on the garbage collector, which serves many paths");
  lua_settop(L, 2);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, 2, 1);
  return 1;
}

/* math.random with Lua's signatures, drawn from the state's poolsim stream
** (upvalue 1, a light userdata) */
static int sandbox_random(lua_State *L) {
  gsl_rng *r = lua_touserdata(L, lua_upvalueindex(1));
  ps_lua_note_effect(L);
  double u = gsl_rng_uniform(r);
  lua_Integer lo, hi;
  switch (lua_gettop(L)) {
  case 0: lua_pushnumber(L, u); return 1;
  case 1: lo = 1; hi = luaL_checkinteger(L, 1); break;
  case 2: lo = luaL_checkinteger(L, 1); hi = luaL_checkinteger(L, 2); break;
  default: return luaL_error(L, "wrong number of arguments");
  }
  luaL_argcheck(L, lo <= hi, lua_gettop(L), "interval is empty");
  double span = (double)hi - (double)lo + 1.0;
  lua_Integer k = lo + (lua_Integer)floor(u * span);
  lua_pushinteger(L, k > hi ? hi : k);
  return 1;
}

static int sandbox_randomseed(lua_State *L) {
  return luaL_error(L, "math.randomseed is disabled: poolsim seeds every path itself (use --seed)");
}

/* open the allowed libraries and replace what must not be reachable;
** argument 1: math.random's generator (a light userdata) */
static int open_sandbox(lua_State *L) {
  static const luaL_Reg libs[] = {{LUA_GNAME, luaopen_base},
                                  {LUA_TABLIBNAME, luaopen_table},
                                  {LUA_STRLIBNAME, luaopen_string},
                                  {LUA_MATHLIBNAME, luaopen_math},
                                  {LUA_UTF8LIBNAME, luaopen_utf8},
                                  {NULL, NULL}};
  for (const luaL_Reg *lib = libs; lib->func; lib++) {
    luaL_requiref(L, lib->name, lib->func, 1);
    lua_pop(L, 1);
  }
  static const char *const removed[] = {"dofile", "loadfile", "collectgarbage", NULL};
  for (const char *const *name = removed; *name; name++) {
    lua_pushnil(L);
    lua_setglobal(L, *name);
  }
  lua_register(L, "print", sandbox_print);
  lua_register(L, "load", sandbox_load);
  lua_getglobal(L, "setmetatable");
  lua_pushcclosure(L, sandbox_setmetatable, 1);
  lua_setglobal(L, "setmetatable");
  lua_getglobal(L, LUA_MATHLIBNAME);
  lua_pushvalue(L, 1);
  lua_pushcclosure(L, sandbox_random, 1);
  lua_setfield(L, -2, "random");
  lua_pushcfunction(L, sandbox_randomseed);
  lua_setfield(L, -2, "randomseed");
  lua_pop(L, 1);
  ps_lua_meter_libraries(L);
  ps_lua_open_pairs(L);
  ps_lua_open_poolsim(L);

  return 0;
}

/* ps_lua_new — a new sandboxed state; random is the generator math.random reads, for the state's life */
lua_State *ps_lua_new(gsl_rng *random) {
  lua_State *L = ps_lua_meter_new(PS_LUA_MEMORY_LIMIT);
  if (!L) return NULL;
  ps_lua_set_budget(L, PS_LUA_LOAD_INSTRUCTIONS);
  lua_pushcfunction(L, open_sandbox);
  lua_pushlightuserdata(L, random);
  if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
    ps_lua_free(L);
    return NULL;
  }
  return L;
}

/* the path of the table at idx inside the scenario, from seen[table] (at `seen`) */
static const char *path_of(lua_State *L, int seen, int idx) {
  lua_pushvalue(L, idx);
  lua_rawget(L, seen);
  const char *path = lua_tostring(L, -1);
  lua_pop(L, 1);
  return path;
}

/* queues the table at idx (a key or value found in the table at `from`, whose
** key is at key_idx) unless already seen, recording its path */
static void queue_table(lua_State *L, int seen, int todo, lua_Integer *ntodo, int idx, int from, int key_idx) {
  idx = lua_absindex(L, idx), key_idx = lua_absindex(L, key_idx);
  if (!lua_istable(L, idx)) return;
  lua_pushvalue(L, idx);
  if (lua_rawget(L, seen) != LUA_TNIL) {
    lua_pop(L, 1);
    return;
  }
  lua_pop(L, 1);
  const char *parent = path_of(L, seen, from);
  if (strlen(parent) > 200) lua_pushstring(L, parent); /* deep enough to find it */
  else if (idx == key_idx) lua_pushfstring(L, "a key of %s", *parent ? parent : "the scenario");
  else if (lua_type(L, key_idx) == LUA_TSTRING)
    lua_pushfstring(L, "%s%s%s", parent, *parent ? "." : "", lua_tostring(L, key_idx));
  else if (lua_isinteger(L, key_idx)) lua_pushfstring(L, "%s[%d]", parent, (int)lua_tointeger(L, key_idx));
  else lua_pushfstring(L, "%s[?]", parent);
  lua_pushvalue(L, idx);
  lua_insert(L, -2);
  lua_rawset(L, seen);
  lua_pushvalue(L, idx);
  lua_rawseti(L, todo, ++*ntodo);
}

/* Every table reachable from the scenario table (argument 1) through keys and
** values must be plain, without a metatable: C reads them outside any pcall,
** where a metamethod's error would abort the program. Raises naming the first
** table that has one. */
static int check_plain(lua_State *L) {
  lua_settop(L, 1);
  lua_newtable(L); /* 2: seen, table -> its path */
  lua_newtable(L); /* 3: tables still to look into */
  int seen = 2, todo = 3;
  lua_Integer ntodo = 0;
  lua_pushvalue(L, 1);
  lua_pushliteral(L, ""); /* paths start at the scenario's fields */
  lua_rawset(L, seen);
  lua_pushvalue(L, 1);
  lua_rawseti(L, todo, ++ntodo);
  while (ntodo > 0) {
    lua_rawgeti(L, todo, ntodo);
    lua_pushnil(L);
    lua_rawseti(L, todo, ntodo--);
    int t = lua_gettop(L);
    if (!lua_rawequal(L, t, 1) && lua_getmetatable(L, t))
      return luaL_error(L, "%s has a metatable: a scenario must be made of plain tables", path_of(L, seen, t));
    lua_pushnil(L);
    while (lua_next(L, t)) {
      queue_table(L, seen, todo, &ntodo, -2, t, -2);
      queue_table(L, seen, todo, &ntodo, -1, t, -2);
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  return 0;
}

/* message handler: keep the message, turn non-strings into text that says
** where they were raised (the innermost Lua line, as Lua's own messages do);
** a stopped state runs no __tostring */
static int message_handler(lua_State *L) {
  if (lua_type(L, 1) == LUA_TSTRING) return 1;
  if (!ps_lua_stopped(L) && luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
  lua_Debug ar;
  lua_pushliteral(L, "");
  for (int level = 1; lua_getstack(L, level, &ar); level++)
    if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
      lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
      break;
    }
  lua_pushfstring(L, "%s(error object is a %s value)", lua_tostring(L, -1), luaL_typename(L, 1));
  return 1;
}

/* ps_lua_push_message_handler — see lua_env.h */
void ps_lua_push_message_handler(lua_State *L) { lua_pushcfunction(L, message_handler); }

/* ps_lua_pcall — lua_pcall with a traceback-free message handler that keeps "file:line:" */
int ps_lua_pcall(lua_State *L, int nargs, int nresults) {
  int base = lua_gettop(L) - nargs;
  lua_pushcfunction(L, message_handler);
  lua_insert(L, base);
  int status = lua_pcall(L, nargs, nresults, base);
  lua_remove(L, base);
  return status;
}

/* a growing byte buffer for lua_dump */
typedef struct {
  char *data;
  size_t len, cap;
  int failed;
} dump_buffer;

static int dump_writer(lua_State *L, const void *p, size_t size, void *ud) {
  (void)L;
  dump_buffer *b = ud;
  if (b->len + size > b->cap) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + size) cap *= 2;
    char *data = realloc(b->data, cap);
    if (!data) return b->failed = 1;
    b->data = data;
    b->cap = cap;
  }
  memcpy(b->data + b->len, p, size);
  b->len += size;
  return 0;
}

/* the bytes of a UTF-8 byte order mark at the start of a source (Windows
** editors write one; Lua's loader only skips it in files it opens itself) */
static size_t bom_length(const char *src, size_t len) {
  return len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* ps_lua_compile — compile scenario source (text) to Lua bytecode once, so each path's fresh state can
** skip parsing it */
char *ps_lua_compile(const char *file, const char *src, size_t len, size_t *outlen) {
  size_t bom = bom_length(src, len);
  src += bom, len -= bom;
  lua_State *L = luaL_newstate();
  if (!L) return NULL;
  char chunkname[1024];
  snprintf(chunkname, sizeof chunkname, "@%s", file);
  dump_buffer b = {0};
  if (luaL_loadbufferx(L, src, len, chunkname, "t") != LUA_OK || lua_dump(L, dump_writer, &b, 0) || b.failed) {
    free(b.data);
    b.data = NULL;
  }
  lua_close(L);
  *outlen = b.len;
  return b.data;
}

/* ps_lua_full_position — see lua_env.h. Lua's rule (luaO_chunkid): a source "@file" of more than
** LUA_IDSIZE bytes is shown as "..." and the last LUA_IDSIZE - 4 bytes of file. */
void ps_lua_full_position(const char *file, const char *msg, char *out, size_t n) {
  size_t len = strlen(file), tail = LUA_IDSIZE - 4;
  if (len + 1 > LUA_IDSIZE && strncmp(msg, "...", 3) == 0 && strncmp(msg + 3, file + len - tail, tail) == 0 &&
      msg[3 + tail] == ':') {
    snprintf(out, n, "%s%s", file, msg + 3 + tail);
    return;
  }
  snprintf(out, n, "%s", msg);
}

/* ps_lua_run_scenario — run a scenario chunk (source text, chunk name "@file") and leave the table it
** returned on the stack; PS_OK, or PS_EINPUT with a message */
int ps_lua_run_scenario(lua_State *L, const char *file, const char *src, size_t len,
                        char *err, size_t errlen) {
  if (ps_lua_run_chunk(L, file, src, len, "t", err, errlen)) return PS_EINPUT;
  lua_pushcfunction(L, check_plain);
  lua_pushvalue(L, -2);
  int status = lua_pcall(L, 1, 0, 0);
  if (status != LUA_OK) {
    const char *msg = status == LUA_ERRMEM ? NULL : lua_tostring(L, -1);
    snprintf(err, errlen, "%s:%d: %s", file, ps_lua_scenario_line(L, -2), msg ? msg : "out of memory");
    lua_pop(L, 2);
    return PS_EINPUT;
  }
  return PS_OK;
}

/* call the chunk on the stack top if status (its loading's) is LUA_OK, and check it returned a
** scenario; PS_OK with the scenario on the stack, or PS_EINPUT with a message */
static int call_chunk(lua_State *L, const char *file, int status, char *err, size_t errlen) {
  if (status == LUA_OK) status = ps_lua_pcall(L, 0, 1);
  if (status != LUA_OK) {
    const char *msg = lua_tostring(L, -1);
    if (ps_lua_stopped(L) == PS_LUA_STRING_TOO_LONG)
      snprintf(err, errlen, "%s: out of memory: a string in a scenario may be at most %zu MiB", file,
               PS_LUA_STRING_LIMIT >> 20);
    else if (status == LUA_ERRMEM || ps_lua_stopped(L) == PS_LUA_OUT_OF_MEMORY || !msg)
      snprintf(err, errlen, "%s: out of memory: a scenario may use at most %zu MiB", file, PS_LUA_MEMORY_LIMIT >> 20);
    else {
      ps_lua_full_position(file, msg, err, errlen);
      if (strncmp(err, file, strlen(file)) != 0) /* error(x, 0) or a non-string error: no position */
        snprintf(err, errlen, "%s: %s", file, msg);
    }
    lua_pop(L, 1);
    return PS_EINPUT;
  }
  if (!ps_lua_is_scenario(L, -1)) {
    snprintf(err, errlen, "%s: the file must end with 'return poolsim.scenario{...}'", file);
    lua_pop(L, 1);
    return PS_EINPUT;
  }
  return PS_OK;
}

/* ps_lua_run_chunk — ps_lua_run_scenario for a chunk in `mode` ("t" for text, "b" for the bytecode of
** ps_lua_compile), without the check that its tables are plain; PS_OK, or PS_EINPUT (the chunk failed
** or went over its budgets) with a message */
int ps_lua_run_chunk(lua_State *L, const char *file, const char *src, size_t len, const char *mode,
                     char *err, size_t errlen) {
  char chunkname[1024];
  snprintf(chunkname, sizeof chunkname, "@%s", file);
  ps_lua_set_budget(L, PS_LUA_LOAD_INSTRUCTIONS);
  ps_lua_set_deadline(L, PS_LUA_LOAD_SECONDS);
  size_t bom = bom_length(src, len);
  return call_chunk(L, file, luaL_loadbufferx(L, src + bom, len - bom, chunkname, mode), err, errlen);
}

/* ps_lua_call_chunk — see lua_env.h */
int ps_lua_call_chunk(lua_State *L, const char *file, char *err, size_t errlen) {
  ps_lua_set_budget(L, PS_LUA_LOAD_INSTRUCTIONS);
  ps_lua_set_deadline(L, PS_LUA_LOAD_SECONDS);
  return call_chunk(L, file, LUA_OK, err, errlen);
}
