/* study.h — the studies inside the engine: the public study API
** (include/poolsim/study.h) with the report types it uses. */
#ifndef PS_STUDY_H
#define PS_STUDY_H

#include "poolsim/study.h"
#include "report/report.h"
#include "stats/results.h"

#endif
