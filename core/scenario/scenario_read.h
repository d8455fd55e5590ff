/* scenario_read.h — reading one scenario table field by field, with messages
** that name the file, line, item and field (used by scenario.c and
** scenario_programme.c; nothing after validation reads Lua). */
#ifndef PS_SCENARIO_READ_H
#define PS_SCENARIO_READ_H

#include <lua.h>
#include <stddef.h>
#include <stdint.h>

#include "scenario/model.h"
#include "poolsim/poolsim.h"

#define PS_MAX_PERIODS 10000
#define PS_MAX_LIST_ITEMS 100000 /* parties, pools, segments, programmes, sectors: each list */
#define PS_MAX_AMOUNT_YUAN 1e15 /* keeps every fen sum far inside int64 */
#define PS_SHARE_TOLERANCE 1e-9
#define PS_MAX_LOANS_ALIVE 2000000000L

typedef struct {
  lua_State *L;
  const ps_model *m; /* what has been read so far */
  const char *file, *src;
  int scenario_line;
  const ps_override *sets;
  int nsets;
  char *err;
  size_t errlen;
  /* the field read last (set by ps_read_push): what an error raised by Lua
  ** code while reading, such as a metatable's __index, is reported at */
  const char *at_list, *at_id, *at_field;
  char at_what[64];
  int at_occurrence;
} ps_reader;

/* one table being read: `what` names it in messages ("segment"), `list` is its
** list in the scenario ("segments"), id is NULL for the scenario itself */
typedef struct {
  ps_reader *rd;
  const char *what, *list, *id;
  int t;          /* absolute stack index of the table */
  int occurrence; /* how many items read so far share this id, counting this one */
} ps_entry;

/* Format "LOCATION: what 'id': field 'f': message" into the reader's error and
** return PS_EINPUT. LOCATION is the --set that supplied the field, or FILE:LINE. */
int ps_read_fail(const ps_entry *e, const char *field, const char *fmt, ...);

/* the message for a Lua error raised while reading (message: Lua's), at the
** field read last; returns PS_EINPUT */
int ps_read_fail_raised(ps_reader *rd, const char *message);

/* Field readers: each leaves the stack as it found it and returns PS_OK,
** PS_EINPUT (with the message) or PS_ERUNTIME (out of memory). */
int ps_read_push(const ps_entry *e, const char *field); /* pushes the field; returns its type */
int ps_read_number(const ps_entry *e, const char *field, int required, double def, double *out);
int ps_read_in_range(const ps_entry *e, const char *field, int required, double def, double lo, double hi,
                     double *out);
int ps_read_int(const ps_entry *e, const char *field, int required, long def, long lo, long hi, long *out);
/* yuan >= 0, converted to fen */
int ps_read_amount(const ps_entry *e, const char *field, int required, int64_t *out);
/* a copied, non-empty string; *out NULL when optional and absent */
int ps_read_string(const ps_entry *e, const char *field, int required, char **out);
/* one of the NULL-terminated words; its index in *out */
int ps_read_choice(const ps_entry *e, const char *field, int required, int def, const char *const *choices,
                   int *out);
/* a number in [lo, hi], or a table made by poolsim.<allowed>{mean=, sd=} */
int ps_read_dist(const ps_entry *e, const char *field, const char *allowed, double lo, double hi, ps_dist *d);
/* every key of the table is one of allowed[] (a typo gets a suggestion) */
int ps_read_check_fields(const ps_entry *e, const char *const *allowed);
/* push list field `name` of the scenario, a list of tables; its length in *n */
int ps_read_open_list(const ps_entry *scen, const char *name, int required, int *n);
/* push item i of the list on the stack top, fill *e and read its id */
int ps_read_open_item(ps_reader *rd, const char *what, const char *list, int i, ps_entry *e, char **id);
/* which written `id = "..."` an item is: 1 + earlier items with that id */
int ps_read_occurrence(const ps_model *m, const char *id, int nsegments_read);

/* index by id among what has been read, or -1 */
int ps_find_party(const ps_model *m, const char *id);
int ps_find_pool(const ps_model *m, const char *id);
int ps_find_segment(const ps_model *m, const char *id);

/* the default model (core/scenario_risk.c): the scenario's copula, sectors,
** correlation and stress; a segment's pd, rho, sector and LGD downturn; and,
** once programmes are known, every segment's hazard and threshold by age */
int ps_read_risk(const ps_entry *scen, ps_model *m);
int ps_read_segment_risk(const ps_entry *e, ps_model *m, ps_segment *s);
int ps_derive_hazards(ps_model *m);

/* demand risk and estimation risk (core/scenario_uncertain.c; ps_read_is_uncertain in
** scenario_read.c): is the value at idx a table poolsim.uncertain() made; a volume (a whole number or poolsim.poisson{mean =}, with
** demand_rho) and whether it may keep too many loans alive over `tenor`; a field that may hold
** poolsim.uncertain(dist) (*found 0: read it as usual); the largest draw of a distribution */
int ps_read_is_uncertain(lua_State *L, int idx);
#define PS_UNCERTAIN_ONLY "poolsim.uncertain() is taken only by a segment's pd, lgd and rho and the scenario's cycle"
int ps_read_volume(const ps_entry *e, const char *field, const ps_model *m, int *count, ps_demand *v);
int ps_read_volume_alive(const ps_entry *e, const char *field, int count, const ps_demand *v, int tenor);
int ps_read_uncertain(const ps_entry *e, const char *field, ps_model *m, int segment, ps_uncertain_field which,
                      double *value, int *found);
double ps_dist_support_max(const ps_dist *d);
/* segments of kind "bridge" (core/scenario/scenario_bridge.c): the fields they may have, and
** their reader (after id, kind and name) */
extern const char *const ps_bridge_fields[];
int ps_read_bridge_segment(const ps_entry *e, ps_model *m, ps_segment *s);

/* read the loan tapes of `loans` into segments of their own (core/tape.c) */
int ps_read_tapes(const ps_entry *scen, ps_model *m);
/* ps_tape_buckets — the loan-tape groups by PD bucket (m->tape_buckets), after ps_derive_hazards
** (tape_buckets.c); PS_OK, or PS_ERUNTIME when out of memory */
int ps_tape_buckets(ps_model *m);

/* a programme's lending_reward = { rate =, payer = } (core/scenario/scenario_cost.c) */
int ps_read_lending_reward(const ps_entry *e, const ps_model *m, ps_reward *r);

/* read the programmes list (core/scenario_programme.c) */
int ps_read_programmes(const ps_entry *scen, ps_model *m);
/* originate = {first, last} of a segment (default: the whole horizon; scenario_read.c) */
int ps_read_origination(const ps_entry *e, const ps_model *m, ps_segment *s);
/* scenario_policy.c: the fields a kind = "policy" segment may have, and its reader (the
** segment's id, name and kind are read) */
extern const char *const ps_policy_fields[];
int ps_read_policy_segment(const ps_entry *e, ps_model *m, ps_segment *s);

#endif
