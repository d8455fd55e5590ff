/* test_lua_doc.c — core/lua/lua_doc.c: a document walk as Lua tables. Objects
** raise an error naming the fields for a field they do not have; a member whose
** number is not finite (JSON's null) is a field that reads as nil; arrays end
** in nil as Lua's lists do; rawget reads without the check. */
#include <lauxlib.h>
#include <lualib.h>
#include <math.h>
#include <string.h>

#include "check.h"
#include "lua/lua_doc.h"

/* { pool = { initial = 5, ratio = null, tags = {"a", "b"} }, ok = true } */
static void walk(const void *value, ps_doc_sink *s) {
  (void)value;
  ps_doc_object(s, NULL);
  ps_doc_object(s, "pool");
  ps_doc_number(s, "initial", 5);
  ps_doc_number(s, "ratio", NAN);
  ps_doc_array(s, "tags", 2);
  ps_doc_string(s, NULL, "a");
  ps_doc_string(s, NULL, "b");
  ps_doc_end(s);
  ps_doc_end(s);
  ps_doc_bool(s, "ok", 1);
  ps_doc_end(s);
}

/* run chunk with the document as global d; its result or error message into out */
static int run(lua_State *L, const char *chunk, char *out, size_t len) {
  int rc = luaL_dostring(L, chunk);
  snprintf(out, len, "%s", lua_tostring(L, -1) ? lua_tostring(L, -1) : "(nil)");
  lua_settop(L, 0);
  return rc;
}

int main(void) {
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  ps_lua_push_doc(L, walk, NULL);
  lua_setglobal(L, "d");
  char out[512];
  CHECK(run(L, "return tostring(d.pool.initial)", out, sizeof out) == 0 && strcmp(out, "5.0") == 0);
  /* the null number: a field, nil */
  CHECK(run(L, "return tostring(d.pool.ratio)", out, sizeof out) == 0 && strcmp(out, "nil") == 0);
  /* a misspelt field: an error naming it and every field, sorted, the nil one with them */
  CHECK(run(L, "return d.pool.intial", out, sizeof out) != 0);
  CHECK(strstr(out, "no field 'intial' in a poolsim result (fields: initial, ratio, tags)") != NULL);
  CHECK(run(L, "return d.nope", out, sizeof out) != 0 && strstr(out, "(fields: ok, pool)") != NULL);
  /* arrays: past the end is nil, #, ipairs as ever */
  CHECK(run(L, "local n = 0 for _ in ipairs(d.pool.tags) do n = n + 1 end "
               "return n .. #d.pool.tags .. tostring(d.pool.tags[3])", out, sizeof out) == 0 &&
        strcmp(out, "22nil") == 0);
  /* rawget: an absent field without the error; pairs sees the fields there are */
  CHECK(run(L, "return tostring(rawget(d.pool, 'intial'))", out, sizeof out) == 0 && strcmp(out, "nil") == 0);
  CHECK(run(L, "local n = 0 for _ in pairs(d.pool) do n = n + 1 end return n", out, sizeof out) == 0 &&
        strcmp(out, "2") == 0);
  lua_close(L);
  return check_summary("test_lua_doc");
}
