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

/* one glossary: the Markdown, terminal and HTML labels of the pool's flows are the glossary's terms
** (Chinese the same bytes, English the same words but for the first letter), and no output's
** Chinese uses a guarantor's 代偿 or an insurer's 赔付 for the pool's compensation */
static void glossary(void) {
  static const ps_label_id same[][4] = {
      {PS_L_TERM_CLAIMS, PS_L_MD_CLAIMS, PS_L_TXT_CLAIMS, PS_L_PAGE_CLAIMS},
      {PS_L_TERM_PAID, PS_L_MD_PAID, PS_L_TXT_PAID, PS_L_PAGE_PAID},
      {PS_L_TERM_SHORTFALL, PS_L_MD_SHORTFALL, PS_L_TXT_SHORTFALL, PS_L_PAGE_SHORTFALL},
      {PS_L_TERM_RECOVERED, PS_L_MD_RECOVERED, PS_L_TXT_RECOVERED, PS_L_PAGE_RECOVERED},
      {PS_L_TERM_NET_OUTLAY, PS_L_MD_NET_OUTLAY, PS_L_TXT_NET_OUTLAY, PS_L_TXT_NET_OUTLAY},
      {PS_L_TERM_REQUIRED, PS_L_MD_REQUIRED, PS_L_TXT_REQUIRED, PS_L_PAGE_REQUIRED_INITIAL_BALANCE},
      {PS_L_TERM_UNSETTLED, PS_L_MD_UNSETTLED, PS_L_TXT_UNSETTLED, PS_L_PAGE_CLAIMS_DUE_AFTER_THE},
      {PS_L_TERM_TOPUPS, PS_L_MD_TOPUPS, PS_L_PAGE_TOP_UPS, PS_L_PAGE_TOP_UPS},
      {PS_L_TERM_RETURNED, PS_L_MD_RETURNED, PS_L_PAGE_RETURNED_AT_THE_END, PS_L_PAGE_RETURNED_AT_THE_END},
  };
  for (size_t i = 0; i < sizeof same / sizeof *same; i++)
    for (int k = 1; k < 4; k++) {
      const char *term = ps_label(same[i][0], PS_LANG_EN), *en = ps_label(same[i][k], PS_LANG_EN);
      CHECK(strcmp(ps_label(same[i][0], PS_LANG_ZH), ps_label(same[i][k], PS_LANG_ZH)) == 0);
      CHECK(tolower((unsigned char)*en) == *term && strcmp(en + 1, term + 1) == 0);
    }
  for (int id = 0; id < PS_NLABELS; id++) {
    const char *zh = ps_label((ps_label_id)id, PS_LANG_ZH);
    /* 代偿率: a guarantor's payout rate; 赔付率, 赔款 and an insurance layer's 赔付: an insurer's */
    for (const char *p = zh; (p = strstr(p, "代偿")) != NULL; p++) CHECK(strncmp(p, "代偿率", strlen("代偿率")) == 0);
    for (const char *p = zh; (p = strstr(p, "赔付")) != NULL; p++) CHECK(strncmp(p, "赔付率", strlen("赔付率")) == 0);
  }
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
  glossary();
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
