/* test_labels.c — the label table (core/report/labels.c): every label in both
** languages, the same printf arguments in both, and the choice of language. */
#include <ctype.h>
#include <string.h>

#include "check.h"
#include "report/labels.h"

/* the printf conversions of a label: "%s", "%.1f", "%2$ld" (no space flag, so
** "5% of" is text), "%%" none; a label that is plain text has none */
static int conversions(const char *s) {
  int n = 0;
  for (const char *p = s; (p = strchr(p, '%')) != NULL;) {
    p++;
    if (*p == '%') {
      p++;
      continue;
    }
    const char *q = p;
    while (isdigit((unsigned char)*q)) q++;
    if (*q == '$') p = q + 1;
    p += strspn(p, "-+#0");
    p += strspn(p, "0123456789*");
    if (*p == '.') p += 1 + strspn(p + 1, "0123456789*");
    p += strspn(p, "hlzjtL");
    n += *p && strchr("diouxXeEfFgGaAcsp", *p) != NULL;
  }
  return n;
}

int main(void) {
  for (int id = 0; id < PS_NLABELS; id++) {
    const char *en = ps_label((ps_label_id)id, PS_LANG_EN), *zh = ps_label((ps_label_id)id, PS_LANG_ZH);
    CHECK(en && *en && zh && *zh);
    if (!en || !zh) {
      fprintf(stderr, "label %d: missing\n", id);
      continue;
    }
    if (conversions(en) != conversions(zh)) fprintf(stderr, "label %d: \"%s\" and \"%s\" take different arguments\n", id, en, zh);
    CHECK_EQ_INT(conversions(en), conversions(zh));
    CHECK(!ps_has_cjk(en) || strstr(en, "万元") || strstr(en, "元")); /* English, but for the units' names */
  }
  CHECK(strcmp(ps_label(PS_L_MEETS, PS_LANG_ZH), "达标") == 0 && strcmp(ps_label(PS_L_MEETS, PS_LANG_EN), "meets") == 0);

  /* the language: as asked; NULL: by the scenario's name, and a NULL name is English (the terminal) */
  CHECK(ps_lang_choose("zh", NULL) == PS_LANG_ZH);
  CHECK(ps_lang_choose("en", "绵阳市") == PS_LANG_EN);
  CHECK(ps_lang_choose(NULL, "绵阳市 2022") == PS_LANG_ZH);
  CHECK(ps_lang_choose(NULL, "small test scheme") == PS_LANG_EN);
  CHECK(ps_lang_choose(NULL, NULL) == PS_LANG_EN);

  CHECK(ps_has_cjk("科技") && ps_has_cjk("a、b") && ps_has_cjk("\xF0\xB1\x8D\x90")); /* U+31350, CJK Extension H */
  CHECK(!ps_has_cjk("") && !ps_has_cjk(NULL) && !ps_has_cjk("café ±"));
  CHECK(!ps_has_cjk("\xE7\xA7") && !ps_has_cjk("\xE7x\xA7")); /* malformed: cut short, or broken */
  return check_summary("test_labels");
}
