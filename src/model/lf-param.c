/* lf-param.c: the registry of levers (see lf-param.h). */
#define G_LOG_DOMAIN "landfall-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lf-param.h"

#define POLICY (LF_PARAM_FLAG_SCHEDULE)
#define BEHAV  (LF_PARAM_FLAG_BEHAVIOUR)

/* The ids of market.ev_path in files and on the command line. */
static const char *const ev_path_names[] = { "low", "central", "high", NULL };
static const char *const ford_case_names[] = { "guidance", "downside", NULL };

/* What the controls show for each value of a mode or choice lever, in the
 * order of its values. */
static const char *const rule_labels[] = {
  N_("Off"),
  N_("As published: Chinese makers barred from 2027"),
  N_("Waived for US-built cars"),
  NULL
};

static const char *const ev_path_labels[] = {
  /* Translators: the low path of US EV adoption, with the forecast it follows */
  /* xgettext:no-c-format */
  N_("Low (EY: 13 % of sales in 2030)"),
  /* Translators: the central path of US EV adoption, with the forecast it follows */
  /* xgettext:no-c-format */
  N_("Central (BloombergNEF: 21 % in 2030)"),
  /* Translators: the high path of US EV adoption, with the forecast it follows */
  /* xgettext:no-c-format */
  N_("High (Cox Automotive: 25 % in 2030)"),
  NULL
};

static const char *const ford_case_labels[] = {
  N_("As Ford guides: break-even in 2029"),
  N_("Downside: break-even two years later"),
  NULL
};

static const LfParamInfo param_info[LF_N_PARAMS] = {
  [LF_PARAM_TARIFF_CHINA] = { "tariff.china", "%", 0, 500, POLICY,
    N_("Total ad valorem tariff on China-built EVs (all layers stacked)"),
    N_("Tariff on China-built EVs"),
    .step = 2.5, .digits = 1, .shown_unit = "%", .slider_max = 300 },
  [LF_PARAM_TARIFF_MEXICO] = { "tariff.mexico", "%", 0, 500, POLICY,
    N_("Tariff on Mexico-built EVs that do not qualify under USMCA"),
    N_("Tariff on Mexico-built EVs (non-USMCA)"),
    .step = 2.5, .digits = 1, .shown_unit = "%", .slider_max = 300 },
  [LF_PARAM_TARIFF_CANADA] = { "tariff.canada", "%", 0, 500, POLICY,
    N_("Tariff on Canada-built EVs that do not qualify under USMCA"),
    N_("Tariff on Canada-built EVs (non-USMCA)"),
    .step = 2.5, .digits = 1, .shown_unit = "%", .slider_max = 300 },
  [LF_PARAM_RULE_CONNECTED_VEHICLE] = { "rule.connected_vehicle", "mode", 0, 2,
    POLICY | LF_PARAM_FLAG_INTEGER,
    N_("Connected-vehicle rule: 0 off, 1 as published (Chinese-controlled makers barred from 2027), 2 waived for US-built cars"),
    N_("Connected-vehicle rule"),
    .step = 1, .choice_labels = rule_labels },
  [LF_PARAM_QUOTA_CHINA] = { "quota.china", "vehicles/year", 0, 10000000,
    POLICY | LF_PARAM_FLAG_INTEGER | LF_PARAM_FLAG_UNLIMITED,
    N_("Import quota on China-built EVs (\"unlimited\" for none)"),
    N_("Import quota on China-built EVs"),
    .step = 5000, .shown_unit = N_("a year"), .slider_max = 1000000 },
  [LF_PARAM_CREDIT_EV_USD] = { "credit.ev_usd", "USD", 0, 15000, POLICY,
    N_("Consumer EV purchase credit"),
    N_("EV purchase credit"),
    .step = 250, .shown_unit = "$" },
  [LF_PARAM_CREDIT_EXCLUDE_CHINESE] = { "credit.exclude_chinese", "0/1", 0, 1,
    POLICY | LF_PARAM_FLAG_INTEGER,
    N_("1: Chinese-brand EVs do not get the credit (foreign-entity exclusion)"),
    N_("Credit excludes Chinese brands"),
    .step = 1 },
  [LF_PARAM_FORD_PARTNERSHIP] = { "ford.partnership", "0/1", 0, 1,
    POLICY | LF_PARAM_FLAG_INTEGER,
    N_("1: Ford hosts partners' production; plants at Ford sites run only then"),
    N_("Ford hosts partner production"),
    .step = 1 },
  [LF_PARAM_FORD_PARTNER_FEE_USD] = { "ford.partner_fee_usd", "USD/vehicle", 0, 20000, POLICY,
    N_("Fee Ford earns per partner vehicle built in its plants"),
    N_("Partner fee per vehicle"),
    .step = 250, .shown_unit = "$" },
  [LF_PARAM_EXPANSION_YEARS] = { "plants.expansion_years", "years", 0, 10, LF_PARAM_FLAG_INTEGER,
    N_("Years for an entrant to add capacity at its cheapest plant when it could sell more there than the plant makes (0: capacity stays as set)"),
    N_("Capacity expansion lead time"),
    .step = 1, .shown_unit = N_("years") },
  [LF_PARAM_EV_PATH] = { "market.ev_path", "path", 0, LF_N_EV_PATHS - 1,
    LF_PARAM_FLAG_INTEGER | LF_PARAM_FLAG_CHOICE,
    N_("Path of US battery-EV adoption without Chinese entrants: low, central or high, each from published forecasts"),
    N_("EV adoption path"), ev_path_names,
    .step = 1, .choice_labels = ev_path_labels },
  [LF_PARAM_FORD_CASE] = { "ford.ev_case", "case", 0, LF_N_FORD_CASES - 1,
    LF_PARAM_FLAG_INTEGER | LF_PARAM_FLAG_CHOICE,
    N_("Ford's US EV unit margin and fixed costs: as Ford guides (break-even in 2029) or a downside two years later"),
    N_("Ford EV cost outlook"), ford_case_names,
    .step = 1, .choice_labels = ford_case_labels },
  [LF_PARAM_PRICE_ELASTICITY] = { "behaviour.price_elasticity", "elasticity", -3, -0.5, BEHAV,
    N_("Own-price elasticity of total US EV demand"),
    N_("Price elasticity of EV demand"),
    .step = 0.05, .digits = 2 },
  [LF_PARAM_CHOICE_PRICE_COEF] = { "behaviour.choice_price_coef", "per relative price", 1, 15, BEHAV,
    N_("Logit price coefficient within a price tier"),
    N_("Price sensitivity between makers"),
    .step = 0.5, .digits = 1 },
  [LF_PARAM_ACCEPTANCE_SPEED] = { "behaviour.acceptance_speed", "1/year", 0.05, 2, BEHAV,
    N_("How fast buyers accept a new brand: acceptance = cap x (1 - exp(-speed x years present))^2"),
    N_("Acceptance speed of new brands"),
    .step = 0.05, .digits = 2, .shown_unit = N_("/ year") },
  [LF_PARAM_CONSIDERATION_CAP] = { "behaviour.consideration_cap", "fraction", 0.05, 1, BEHAV,
    N_("Share of buyers who would consider a Chinese brand at all"),
    N_("Buyers who would consider a Chinese brand"),
    .step = 1, .percent = TRUE, .shown_unit = "%" },
  [LF_PARAM_PASS_THROUGH] = { "behaviour.pass_through", "fraction", 0, 1, BEHAV,
    N_("Share of a tariff passed through to the sticker price"),
    N_("Tariff pass-through to prices"),
    .step = 5, .percent = TRUE, .shown_unit = "%" },
  [LF_PARAM_INCUMBENT_RESPONSE] = { "behaviour.incumbent_response", "multiple", 0, 1, BEHAV,
    N_("How far incumbents cut prices when undercut"),
    N_("Incumbent price response"),
    .step = 0.05, .digits = 2 },
};

const LfParamInfo *
lf_param_info (LfParam param)
{
  g_return_val_if_fail (param < LF_N_PARAMS, NULL);
  return &param_info[param];
}

int
lf_param_lookup (const char *key)
{
  for (int i = 0; i < LF_N_PARAMS; i++)
    if (g_strcmp0 (param_info[i].key, key) == 0)
      return i;
  return -1;
}

/**
 * lf_param_choice:
 * Returns: the index of @name among a choice parameter's names, or -1
 */
int
lf_param_choice (const LfParamInfo *info, const char *name)
{
  for (int i = 0; info->choices != NULL && info->choices[i] != NULL; i++)
    if (g_strcmp0 (info->choices[i], name) == 0)
      return i;
  return -1;
}

/**
 * lf_param_get_type:
 *
 * The parameters as a GEnum whose nicks are their keys, made from the
 * registry: a .ui file names a lever as `<property name="param">tariff.china</property>`.
 */
GType
lf_param_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
      static GEnumValue values[LF_N_PARAMS + 1];

      for (int i = 0; i < LF_N_PARAMS; i++)
        values[i] = (GEnumValue) { i, param_info[i].key, param_info[i].key };
      g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("LfParam"), values));
    }
  return type;
}
