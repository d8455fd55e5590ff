/* scenario_cost.c — what the budget pays besides losses and subsidies: a
** programme's lending reward (财政金融互动奖补, e.g. 2‰ of new lending). */
#include <lauxlib.h>
#include <stdlib.h>

#include "scenario/scenario_read.h"

/* ps_read_lending_reward — lending_reward = { rate =, payer = } of the programme e; r->payer -1 when
** absent. PS_OK, PS_EINPUT with the message, or PS_ERUNTIME (out of memory) */
int ps_read_lending_reward(const ps_entry *e, const ps_model *m, ps_reward *r) {
  static const char *const fields[] = {"rate", "payer", NULL};
  lua_State *L = e->rd->L;
  *r = (ps_reward){.payer = -1};
  int type = ps_read_push(e, "lending_reward");
  if (type == LUA_TNIL) {
    lua_pop(L, 1);
    return PS_OK;
  }
  if (type != LUA_TTABLE) {
    lua_pop(L, 1);
    return ps_read_fail(e, "lending_reward", "must be a table { rate =, payer = }, got %s", lua_typename(L, type));
  }
  ps_entry t = {e->rd, "lending_reward of programme", "programmes", e->id, lua_gettop(L), e->occurrence};
  char *payer = NULL;
  int rc = ps_read_check_fields(&t, fields);
  if (!rc) rc = ps_read_string(&t, "payer", 1, &payer);
  if (!rc) {
    r->payer = ps_find_party(m, payer);
    if (r->payer < 0 || m->parties[r->payer].kind != PS_PARTY_GOVERNMENT)
      rc = ps_read_fail(&t, "payer", "'%s' is not a party of kind government", payer);
  }
  free(payer);
  if (!rc) rc = ps_read_in_range(&t, "rate", 1, 0, 0, 1, &r->rate);
  lua_pop(L, 1);
  return rc;
}
