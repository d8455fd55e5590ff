/* loan_view.h — a default as Lua hooks see it: what sim/policy.c passes to on_default and split,
** and lua/loan_table.c shows as the `loan` table. A header of its own so that the Lua layer can
** read it without including the hooks' caller (sim/policy.h), which calls into the Lua layer. */
#ifndef PS_LOAN_VIEW_H
#define PS_LOAN_VIEW_H

typedef struct {
  int programme, segment, period, age;
  double amount, exposure, lgd; /* yuan, yuan, fraction */
} ps_loan_view;

#endif
