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
    .step = 2.5, .digits = 1, .shown_unit = "%", .slider_max = 300,
    .tip = N_("The import tax on electric cars built in China."),
    .about = N_("The total import tax a car built in China pays at the US border, as a share of its value, with every layer of tariff added together. Today's layers add up to more than the car's price, which is why no China-built EV is sold in the US.") },
  [LF_PARAM_TARIFF_MEXICO] = { "tariff.mexico", "%", 0, 500, POLICY,
    N_("Tariff on Mexico-built EVs that do not qualify under USMCA"),
    N_("Tariff on Mexico-built EVs (non-USMCA)"),
    .step = 2.5, .digits = 1, .shown_unit = "%", .slider_max = 300,
    .tip = N_("The import tax on electric cars built in Mexico that do not meet the USMCA rules."),
    .about = N_("The import tax a car built in Mexico pays when it does not meet the USMCA trade agreement's rules on where its parts come from. A Chinese maker's plant in Mexico would most likely pay it.") },
  [LF_PARAM_TARIFF_CANADA] = { "tariff.canada", "%", 0, 500, POLICY,
    N_("Tariff on Canada-built EVs that do not qualify under USMCA"),
    N_("Tariff on Canada-built EVs (non-USMCA)"),
    .step = 2.5, .digits = 1, .shown_unit = "%", .slider_max = 300,
    .tip = N_("The import tax on electric cars built in Canada that do not meet the USMCA rules."),
    .about = N_("The import tax a car built in Canada pays when it does not meet the USMCA trade agreement's rules on where its parts come from.") },
  [LF_PARAM_RULE_CONNECTED_VEHICLE] = { "rule.connected_vehicle", "mode", 0, 2,
    POLICY | LF_PARAM_FLAG_INTEGER,
    N_("Connected-vehicle rule: 0 off, 1 as published (Chinese-controlled makers barred from 2027), 2 waived for US-built cars"),
    N_("Connected-vehicle rule"),
    .step = 1, .choice_labels = rule_labels,
    .tip = N_("Whether US rules on connected-car software keep Chinese-controlled makers out."),
    .about = N_("A Commerce Department rule bars cars whose connected software comes from China, and Chinese-controlled makers may not sell connected cars in the US without a case-by-case authorisation. As published, it keeps them out from 2027 wherever their cars are built. Waived for US-built cars, a Chinese maker may sell cars it builds in US plants.") },
  [LF_PARAM_QUOTA_CHINA] = { "quota.china", "vehicles/year", 0, 10000000,
    POLICY | LF_PARAM_FLAG_INTEGER | LF_PARAM_FLAG_UNLIMITED,
    N_("Import quota on China-built EVs (\"unlimited\" for none)"),
    N_("Import quota on China-built EVs"),
    .step = 5000, .shown_unit = N_("a year"), .slider_max = 1000000,
    .tip = N_("A limit on how many China-built EVs may come in each year."),
    .about = N_("The most China-built electric cars that may enter the US in a year. Off means no limit. A limit that is lower than what the makers could sell keeps prices up, and the makers earn the difference.") },
  [LF_PARAM_CREDIT_EV_USD] = { "credit.ev_usd", "USD", 0, 15000, POLICY,
    N_("Consumer EV purchase credit"),
    N_("EV purchase credit"),
    .step = 250, .shown_unit = "$",
    .tip = N_("The tax credit a buyer gets for a new electric car."),
    .about = N_("The federal tax credit a buyer of a new electric car receives, in dollars. Most of it reaches the buyer as a lower price.") },
  [LF_PARAM_CREDIT_EXCLUDE_CHINESE] = { "credit.exclude_chinese", "0/1", 0, 1,
    POLICY | LF_PARAM_FLAG_INTEGER,
    N_("1: Chinese-brand EVs do not get the credit (foreign-entity exclusion)"),
    N_("Credit excludes Chinese brands"),
    .step = 1,
    .tip = N_("Whether Chinese brands are left out of the EV credit."),
    .about = N_("On: electric cars of Chinese brands do not get the purchase credit, as the 2022 credit excluded cars tied to a \"foreign entity of concern\".") },
  [LF_PARAM_FORD_PARTNERSHIP] = { "ford.partnership", "0/1", 0, 1,
    POLICY | LF_PARAM_FLAG_INTEGER,
    N_("1: Ford hosts partners' production; plants at Ford sites run only then"),
    N_("Ford hosts partner production"),
    .step = 1,
    .tip = N_("Whether Ford builds cars for a Chinese partner in its own plants."),
    .about = N_("On: Ford lets a Chinese partner build cars in Ford's plants and earns a fee for each one. Plants placed at a Ford site build nothing unless this is on.") },
  [LF_PARAM_FORD_PARTNER_FEE_USD] = { "ford.partner_fee_usd", "USD/vehicle", 0, 20000, POLICY,
    N_("Fee Ford earns per partner vehicle built in its plants"),
    N_("Partner fee per vehicle"),
    .step = 250, .shown_unit = "$",
    .tip = N_("What Ford earns for each partner car built in its plants."),
    .about = N_("The fee Ford earns for each car a partner builds in a Ford plant, in dollars. No such fee has been reported, so this is an assumption.") },
  [LF_PARAM_EXPANSION_YEARS] = { "plants.expansion_years", "years", 0, 10, LF_PARAM_FLAG_INTEGER,
    N_("Years for an entrant to add capacity at its cheapest plant when it could sell more there than the plant makes (0: capacity stays as set)"),
    N_("Capacity expansion lead time"),
    .step = 1, .shown_unit = N_("years"),
    .tip = N_("How long a Chinese maker takes to add capacity when its plants sell out."),
    .about = N_("When a Chinese maker could sell more cars than its cheapest plant makes, it adds capacity there after this many years. At 0, every plant keeps the capacity you set.") },
  [LF_PARAM_EV_PATH] = { "market.ev_path", "path", 0, LF_N_EV_PATHS - 1,
    LF_PARAM_FLAG_INTEGER | LF_PARAM_FLAG_CHOICE,
    N_("Path of US battery-EV adoption without Chinese entrants: low, central or high, each from published forecasts"),
    N_("EV adoption path"), ev_path_names,
    .step = 1, .choice_labels = ev_path_labels,
    .tip = N_("How fast Americans switch to electric cars without Chinese makers."),
    .about = N_("How fast electric cars win US buyers if no Chinese maker enters: a low, a central or a high path, each following a published forecast.") },
  [LF_PARAM_FORD_CASE] = { "ford.ev_case", "case", 0, LF_N_FORD_CASES - 1,
    LF_PARAM_FLAG_INTEGER | LF_PARAM_FLAG_CHOICE,
    N_("Ford's US EV unit margin and fixed costs: as Ford guides (break-even in 2029) or a downside two years later"),
    N_("Ford EV cost outlook"), ford_case_names,
    .step = 1, .choice_labels = ford_case_labels,
    .tip = N_("Ford's costs for its electric cars: as Ford says, or worse."),
    .about = N_("Whether Ford's electric cars reach break-even in 2029, as Ford says, or two years later.") },
  [LF_PARAM_PRICE_ELASTICITY] = { "behaviour.price_elasticity", "elasticity", -3, -0.5, BEHAV,
    N_("Own-price elasticity of total US EV demand"),
    N_("Price elasticity of EV demand"),
    .step = 0.05, .digits = 2,
    .tip = N_("How much fewer electric cars are sold when they cost more."),
    /* xgettext:no-c-format */
    .about = N_("How strongly the number of electric cars sold in the US responds to their price: at -1.5, prices 10 % higher mean about 15 % fewer sales.") },
  [LF_PARAM_CHOICE_PRICE_COEF] = { "behaviour.choice_price_coef", "per relative price", 1, 15, BEHAV,
    N_("Logit price coefficient within a price tier"),
    N_("Price sensitivity between makers"),
    .step = 0.5, .digits = 1,
    .tip = N_("How strongly buyers pick the cheaper of two similar cars."),
    .about = N_("How strongly buyers choosing between makers in the same price class go for the cheaper car. Higher means a small price gap moves many buyers.") },
  [LF_PARAM_ACCEPTANCE_SPEED] = { "behaviour.acceptance_speed", "1/year", 0.05, 2, BEHAV,
    N_("How fast buyers accept a new brand: acceptance = cap x (1 - exp(-speed x years present))^2"),
    N_("Acceptance speed of new brands"),
    .step = 0.05, .digits = 2, .shown_unit = N_("/ year"),
    .tip = N_("How fast buyers come to trust a new brand."),
    .about = N_("How fast buyers come to accept a brand that is new to the US, year by year after it arrives. Higher means a new brand wins its full share of willing buyers sooner.") },
  [LF_PARAM_CONSIDERATION_CAP] = { "behaviour.consideration_cap", "fraction", 0.05, 1, BEHAV,
    N_("Share of buyers who would consider a Chinese brand at all"),
    N_("Buyers who would consider a Chinese brand"),
    .step = 1, .percent = TRUE, .shown_unit = "%",
    .tip = N_("The share of buyers who would consider a Chinese brand at all."),
    .about = N_("The share of US car buyers who would consider buying a Chinese brand at all, from surveys. It grows a little each year.") },
  [LF_PARAM_PASS_THROUGH] = { "behaviour.pass_through", "fraction", 0, 1, BEHAV,
    N_("Share of a tariff passed through to the sticker price"),
    N_("Tariff pass-through to prices"),
    .step = 5, .percent = TRUE, .shown_unit = "%",
    .tip = N_("How much of a tariff shows up in the price buyers pay."),
    .about = N_("How much of a tariff the maker passes on to the price buyers pay; the rest it absorbs in its margin.") },
  [LF_PARAM_INCUMBENT_RESPONSE] = { "behaviour.incumbent_response", "multiple", 0, 1, BEHAV,
    N_("How far incumbents cut prices when undercut"),
    N_("Incumbent price response"),
    .step = 0.05, .digits = 2,
    .tip = N_("How far other makers cut prices when undercut."),
    .about = N_("How far the makers already selling in the US cut their prices when a cheaper Chinese car arrives: 0 not at all, 1 all the way to meet it.") },
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
