/* loan_table.h — the `loan` table policy hooks receive (docs/scenario.md, Policies):
** { programme, segment, period, age, amount, exposure, lgd }.
**
** A hook with upvalues gets a new table at each call, filled (it may keep it). A hook
** without upvalues (a bare hook) reaches nothing that outlives its call, so it gets one
** reused table, with a metatable it cannot reach (getmetatable, rawget, next and pairs
** are globals). The table is left empty: a read of a field goes to __index, which reads it
** from the call's loan; the first write to it (__newindex) fills it with the loan's fields
** first; after a call that wrote to it or read more than one field, the next calls get it
** filled before the hook runs. A key the hook adds gets it a new table for the next call. C
** code that reads such a table raw (a split's result, ctx:set_share) fills it first
** (ps_loan_table_fill). Called by sim/policy.c and lua/ctx.c. */
#ifndef PS_LOAN_TABLE_H
#define PS_LOAN_TABLE_H

#include <lua.h>

#include "scenario/model.h"
#include "sim/loan_view.h"

#define PS_LOAN_FIELDS 7                  /* programme, segment, period, age, amount, exposure, lgd */
#define PS_LOAN_SLOTS (PS_LOAN_FIELDS + 3) /* the stack slots ps_loan_table_open takes */

/* the reused table's bookkeeping: lives as long as its state, at a fixed address */
typedef struct {
  const ps_model *m;
  const ps_loan_view *loan; /* the loan of the call under way */
  int base;                 /* the stack index of the first of its PS_LOAN_SLOTS slots */
  int filled;               /* the reused table holds the fields of a call */
  int grown;                /* a key was added to it */
  int reads;                /* reads of its fields through __index in the call under way */
  const void *keys[PS_LOAN_FIELDS];      /* the key strings (lua_topointer), in lt's slots */
} ps_loan_table;

/* ps_loan_table_open — push PS_LOAN_SLOTS values at stack index base (the stack's top + 1):
** the keys, the programmes' and segments' ids and the reused table with its metatable, kept
** there for the state's life (no lookup of a key's string or an id at each call) */
void ps_loan_table_open(lua_State *L, ps_loan_table *lt, const ps_model *m);

/* ps_loan_table_push — push the loan table of a call: the reused one for a bare hook (lt->loan
** must stay valid until the call ends), else a new one, filled */
void ps_loan_table_push(lua_State *L, ps_loan_table *lt, const ps_loan_view *loan, int bare);

/* ps_loan_table_after — after a bare hook's call: a new reused table if the hook added a key */
void ps_loan_table_after(lua_State *L, ps_loan_table *lt);

/* ps_loan_table_fill — if the value at idx is the reused table, left empty, fill it now: for C code
** that reads a table raw */
void ps_loan_table_fill(lua_State *L, ps_loan_table *lt, int idx);

#endif
