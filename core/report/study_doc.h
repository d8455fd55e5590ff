/* study_doc.h — the studies' JSON documents (docs/json-schema.md) as walks
** (report/doc.h) of their values (stats/study.h): the JSON renderers print
** them, the HTML pages read them, the Lua drivers get them as tables. Each
** takes the study as `const void *` to be a ps_doc_walk. */
#ifndef PS_STUDY_DOC_H
#define PS_STUDY_DOC_H

#include "report/doc.h"
#include "stats/study.h"

void ps_compare_doc(const void *compare, ps_doc_sink *s);
void ps_sweep_doc(const void *sweep, ps_doc_sink *s);
void ps_tornado_doc(const void *tornado, ps_doc_sink *s);
void ps_volume_doc(const void *volume, ps_doc_sink *s);
void ps_breakeven_doc(const void *breakeven, ps_doc_sink *s);

#endif
