/* test-model.c: the 2025 calibration and the properties the model brief
 * demands, checked at the defaults and over a grid of policies, plants and
 * behavioural extremes. A property that fails names the case that broke it. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lf-projection.h"
#include "lf-test-util.h"

static LfBaseline *baseline;

/* ---- helpers ------------------------------------------------------------- */

static LfProjection *
project (const LfScenario *s)
{
  LfProjection *p = g_new0 (LfProjection, 1);

  lf_project (s, p);
  return p;
}

/* Adds "plant.<id>.removed=1" for every baseline plant. */
static void
add_remove_baseline_plants (GPtrArray *a)
{
  for (int i = 0; i < baseline->n_plants; i++)
    g_ptr_array_add (a, g_strdup_printf ("plant.%s.removed=1", baseline->plants[i].id));
}

/* Entrant plants in Mexico, the US (own, greenfield and a Ford plant) and Canada. */
static const char *const extra_plants[] = {
  "ford.partnership=1",
  "plant.byd-mx.maker=byd",
  "plant.byd-mx.site=mx-nuevo-leon",
  "plant.byd-mx.capacity=250000",
  "plant.geely-sc.maker=geely",
  "plant.geely-sc.site=us-sc-ridgeville",
  "plant.geely-sc.capacity=120000",
  "plant.xiaomi-ford.maker=xiaomi",
  "plant.xiaomi-ford.site=us-mi-flat-rock",
  "plant.xiaomi-ford.capacity=200000",
  "plant.other-tx.maker=other",
  "plant.other-tx.site=us-tx-san-antonio",
  "plant.other-tx.start_year=2030",
  "plant.byd-ca.maker=byd",
  "plant.byd-ca.site=ca-qc-becancour",
  "plant.byd-ca.capacity=90000",
  "plant.geely-mx.maker=geely",
  "plant.geely-mx.site=mx-guanajuato",
  "plant.geely-mx.capacity=60000",
};

static void
add_strv (GPtrArray *a, const char *const *v, gsize n)
{
  for (gsize i = 0; i < n; i++)
    g_ptr_array_add (a, g_strdup (v[i]));
}

/* Failures in a grid are reported with the case (its assignments), a few at
 * most per property, and the test continues so one run shows them all. */
typedef struct {
  const char *property;
  guint       n_failed;
  guint       n_checked;
} Check;

#define MAX_REPORTED 5

G_GNUC_PRINTF (4, 5) static void
check (Check *c, gboolean ok, const char *case_text, const char *format, ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  c->n_checked++;
  if (ok)
    return;
  c->n_failed++;
  if (c->n_failed > MAX_REPORTED)
    return;
  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_message ("FAILED %s: %s [case: %s]", c->property, msg, case_text);
}

static void
check_finish (Check *c)
{
  g_test_message ("%s: %u of %u checks held", c->property, c->n_checked - c->n_failed,
                  c->n_checked);
  if (c->n_failed > 0)
    g_test_fail_printf ("%s failed in %u of %u checks (first %d shown above)", c->property,
                        c->n_failed, c->n_checked, MAX_REPORTED);
}

/* Equal up to the solver's tolerance (1e-9 relative) and output rounding. */
static gboolean
close_to (double a, double b, double rel)
{
  return fabs (a - b) <= rel * MAX (1.0, MAX (fabs (a), fabs (b)));
}

/* ---- calibration --------------------------------------------------------- */

static void
assert_calibrated_2025 (const LfProjection *p)
{
  g_assert_cmpfloat_with_epsilon (lf_projection_get (p, LF_SERIES_EV_SALES, 2025),
                                  1275714.0, 1.0);
  g_assert_cmpfloat_with_epsilon (lf_projection_get (p, LF_SERIES_FORD_EV_SALES, 2025),
                                  78927.0, 0.5);
  g_assert_cmpfloat_with_epsilon (lf_projection_get (p, LF_SERIES_FORD_EV_MID, 2025),
                                  51620.0, 0.5);
  g_assert_cmpfloat_with_epsilon (lf_projection_get (p, LF_SERIES_FORD_EV_PREMIUM, 2025),
                                  27307.0, 0.5);
  g_assert_cmpfloat (lf_projection_get (p, LF_SERIES_FORD_EV_ENTRY, 2025), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (lf_projection_get (p, LF_SERIES_FORD_EV_EBIT_MUSD, 2025),
                                  -3230.0, 0.05);
  /* The tier prices are chosen to give KBB's average; a rounding of the
   * premium price may leave a few dollars. */
  g_assert_cmpfloat_with_epsilon (lf_projection_get (p, LF_SERIES_AVG_EV_PRICE_USD, 2025),
                                  58638.0, 58638.0 * 0.001);
  g_assert_cmpfloat (lf_projection_get (p, LF_SERIES_CHINESE_EV_SALES, 2025), ==, 0.0);
  g_assert_cmpfloat (lf_projection_get (p, LF_SERIES_FORD_EV_SALES_NO_ENTRY, 2025), ==,
                     lf_projection_get (p, LF_SERIES_FORD_EV_SALES, 2025));
  g_assert_cmpfloat (lf_projection_get (p, LF_SERIES_FORD_EV_EBIT_NO_ENTRY_MUSD, 2025), ==,
                     lf_projection_get (p, LF_SERIES_FORD_EV_EBIT_MUSD, 2025));
}

static void
test_calibration (void)
{
  g_autoptr(LfScenario) s = lf_scenario_new (baseline);
  g_autofree LfProjection *p = project (s);

  g_assert_cmpfloat (baseline->actual_ev_sales_2025, ==, 1275714.0);
  g_assert_cmpfloat (baseline->actual_ford_ev_2025, ==, 78927.0);
  g_assert_cmpfloat (baseline->actual_ford_ebit_2025, ==, -3230.0);
  assert_calibrated_2025 (p);
  g_assert_cmpfloat_with_epsilon (lf_projection_get (p, LF_SERIES_LV_SALES, 2025),
                                  16200000.0, 0.5);
}

/* No entrant can sell in 2025, so no behavioural assumption and no later
 * policy may move the calibration year. */
static void
test_calibration_robust (void)
{
  for (int param = LF_PARAM_FIRST_BEHAVIOUR; param <= LF_PARAM_LAST_BEHAVIOUR; param++)
    for (int end = 0; end < 2; end++)
      {
        const LfParamInfo *info = lf_param_info (param);
        g_autoptr(LfScenario) s = lf_test_scenario_from (baseline, NULL);
        g_autofree LfProjection *p = NULL;
        g_autoptr(GError) error = NULL;

        for (guint k = 0; k < G_N_ELEMENTS (extra_plants); k++)
          {
            lf_scenario_apply (s, extra_plants[k], &error);
            g_assert_no_error (error);
          }
        lf_scenario_set_number (s, "rule.connected_vehicle", 0, &error);
        g_assert_no_error (error);
        lf_scenario_set_number (s, "tariff.china", 0, &error);
        g_assert_no_error (error);
        lf_scenario_set_number (s, "credit.ev_usd@2026", 7500, &error);
        g_assert_no_error (error);
        lf_scenario_set_number (s, info->key, end ? info->max : info->min, &error);
        g_assert_no_error (error);
        p = project (s);
        assert_calibrated_2025 (p);
      }
}

/* ---- the property grid --------------------------------------------------- */

typedef struct {
  Check monotone;      /* china_built_share_ev_pct non-increasing in tariff.china */
  Check monotone_units; /* chinese_china_built (units) non-increasing in tariff.china */
  Check capacity;      /* plant sales ≤ plant capacity */
  Check quota;         /* China-built sales ≤ quota */
  Check rule;          /* rule on (1, or 2 for non-US) ⇒ nothing China-built from 2027 */
  Check origins;       /* origin series add up to chinese_ev_sales */
  Check makers;        /* maker sales add up to chinese_ev_sales */
  Check plants;        /* plant sales add up to chinese_ev_sales */
  Check ford_tiers;    /* Ford tiers add up to Ford total, scenario and counterfactual */
  Check shares;        /* percentages are the ratios they claim; nothing negative or above the market */
  Check idle;          /* a year with no entrant active (and none the year before) equals the counterfactual */
} GridChecks;

static const double grid_tariffs[] = { 0, 10, 25, 50, 75, 100, 127.5, 150, 200, 250, 300 };

static void
check_projection (GridChecks *g, const LfScenario *s, const LfProjection *p, const char *text)
{
  for (int y = 0; y < LF_N_YEARS; y++)
    {
      int year = LF_FIRST_YEAR + y;
      const double (*v)[LF_N_YEARS] = p->series;
      double cn = v[LF_SERIES_CHINESE_EV_SALES][y];
      double ev = v[LF_SERIES_EV_SALES][y];
      double sum = 0.0, china_built = 0.0, cap_total = 0.0, cap_prev = 0.0, sales_prev = 0.0;
      double quota = lf_scenario_value_at (s, LF_PARAM_QUOTA_CHINA, year);
      int rule = (int) lf_scenario_value_at (s, LF_PARAM_RULE_CONNECTED_VEHICLE, year);

      /* Sales never exceed what a plant can deliver. */
      for (int i = 0; i < p->n_plants; i++)
        {
          check (&g->capacity, p->plant_sales[i][y] <= p->plant_capacity[i][y] * (1 + 1e-12) &&
                 p->plant_sales[i][y] >= 0,
                 text, "%d plant %s sells %.3f > capacity %.3f", year, s->plants[i].id,
                 p->plant_sales[i][y], p->plant_capacity[i][y]);
          cap_total += p->plant_capacity[i][y];
          if (y > 0)
            {
              cap_prev += p->plant_capacity[i][y - 1];
              sales_prev += p->plant_sales[i][y - 1];
            }
          if (s->baseline->sites[s->plants[i].site].origin == LF_ORIGIN_CHINA)
            china_built += p->plant_sales[i][y];
        }
      check (&g->quota, !isfinite (quota) || china_built <= quota * (1 + 1e-12) + 1e-9,
             text, "%d China-built %.3f > quota %.0f", year, china_built, quota);
      check (&g->quota, close_to (china_built, v[LF_SERIES_CHINESE_CHINA_BUILT][y], 1e-9),
             text, "%d China-built plants sell %.3f but chinese_china_built is %.3f", year,
             china_built, v[LF_SERIES_CHINESE_CHINA_BUILT][y]);

      if (year >= 2027 && rule != LF_RULE_OFF)
        check (&g->rule, v[LF_SERIES_CHINESE_CHINA_BUILT][y] == 0.0 &&
               v[LF_SERIES_CHINA_BUILT_SHARE_EV_PCT][y] == 0.0, text,
               "%d rule %d, yet %.3f China-built", year, rule,
               v[LF_SERIES_CHINESE_CHINA_BUILT][y]);
      if (year >= 2027 && rule == LF_RULE_AS_PUBLISHED)
        check (&g->rule, cn == 0.0, text, "%d rule 1 (all entrants Chinese-controlled), yet "
               "%.3f Chinese sales", year, cn);
      if (year >= 2027 && rule == LF_RULE_US_WAIVER)
        check (&g->rule, v[LF_SERIES_CHINESE_MEXICO_BUILT][y] == 0.0 &&
               v[LF_SERIES_CHINESE_CANADA_BUILT][y] == 0.0, text,
               "%d rule 2, yet %.3f Mexico-built and %.3f Canada-built", year,
               v[LF_SERIES_CHINESE_MEXICO_BUILT][y], v[LF_SERIES_CHINESE_CANADA_BUILT][y]);

      /* Totals add up. */
      sum = 0.0;
      for (int o = 0; o < LF_N_ORIGINS; o++)
        sum += v[LF_SERIES_CHINESE_CHINA_BUILT + o][y];
      check (&g->origins, close_to (sum, cn, 1e-9), text,
             "%d origins sum to %.6f, chinese_ev_sales %.6f", year, sum, cn);
      sum = 0.0;
      for (int m = 0; m < p->n_makers; m++)
        sum += p->maker_sales[m][y];
      check (&g->makers, close_to (sum, cn, 1e-9), text,
             "%d makers sum to %.6f, chinese_ev_sales %.6f", year, sum, cn);
      sum = 0.0;
      for (int i = 0; i < p->n_plants; i++)
        sum += p->plant_sales[i][y];
      check (&g->plants, close_to (sum, cn, 1e-9), text,
             "%d plants sum to %.6f, chinese_ev_sales %.6f", year, sum, cn);
      for (int k = 0; k < 2; k++)
        {
          LfSeries first = k ? LF_SERIES_FORD_EV_ENTRY_NO_ENTRY : LF_SERIES_FORD_EV_ENTRY;
          LfSeries total = k ? LF_SERIES_FORD_EV_SALES_NO_ENTRY : LF_SERIES_FORD_EV_SALES;
          sum = 0.0;
          for (int t = 0; t < LF_N_TIERS; t++)
            sum += v[first + t][y];
          check (&g->ford_tiers, close_to (sum, v[total][y], 1e-9), text,
                 "%d Ford tiers sum to %.6f, %s %.6f", year, sum, lf_series_name (total),
                 v[total][y]);
        }

      /* Ford's impact is the scenario against no entry, the fee added once. */
      check (&g->ford_tiers, close_to (v[LF_SERIES_FORD_EV_SALES_CHANGE][y],
                                       v[LF_SERIES_FORD_EV_SALES][y] - v[LF_SERIES_FORD_EV_SALES_NO_ENTRY][y], 1e-9) &&
             close_to (v[LF_SERIES_FORD_EV_EBIT_CHANGE_MUSD][y],
                       v[LF_SERIES_FORD_EV_EBIT_MUSD][y] - v[LF_SERIES_FORD_EV_EBIT_NO_ENTRY_MUSD][y], 1e-9) &&
             close_to (v[LF_SERIES_FORD_NET_EFFECT_MUSD][y],
                       v[LF_SERIES_FORD_EV_EBIT_CHANGE_MUSD][y] + v[LF_SERIES_FORD_PARTNER_INCOME_MUSD][y], 1e-9),
             text, "%d Ford's impact: units %.3f, EBIT %.3f, net %.3f do not add up", year,
             v[LF_SERIES_FORD_EV_SALES_CHANGE][y], v[LF_SERIES_FORD_EV_EBIT_CHANGE_MUSD][y],
             v[LF_SERIES_FORD_NET_EFFECT_MUSD][y]);

      check (&g->shares, ev > 0 && cn >= 0 && cn + v[LF_SERIES_FORD_EV_SALES][y] <= ev * (1 + 1e-9),
             text, "%d EV %.3f, Chinese %.3f, Ford %.3f", year, ev, cn,
             v[LF_SERIES_FORD_EV_SALES][y]);
      check (&g->shares, ev <= v[LF_SERIES_LV_SALES][y], text, "%d EV %.3f > LV %.3f", year, ev,
             v[LF_SERIES_LV_SALES][y]);
      check (&g->shares, close_to (v[LF_SERIES_CHINESE_SHARE_EV_PCT][y], 100.0 * cn / ev, 1e-9),
             text, "%d chinese_share_ev_pct %.6f, 100·%.3f/%.3f", year,
             v[LF_SERIES_CHINESE_SHARE_EV_PCT][y], cn, ev);
      check (&g->shares, close_to (v[LF_SERIES_CHINA_BUILT_SHARE_EV_PCT][y],
                                   100.0 * v[LF_SERIES_CHINESE_CHINA_BUILT][y] / ev, 1e-9),
             text, "%d china_built_share_ev_pct %.6f", year,
             v[LF_SERIES_CHINA_BUILT_SHARE_EV_PCT][y]);
      check (&g->shares, close_to (v[LF_SERIES_EV_SHARE_PCT][y],
                                   100.0 * ev / v[LF_SERIES_LV_SALES][y], 1e-9),
             text, "%d ev_share_lv_pct %.6f", year, v[LF_SERIES_EV_SHARE_PCT][y]);
      check (&g->shares, v[LF_SERIES_TARIFF_REVENUE_MUSD][y] >= 0 &&
             v[LF_SERIES_FORD_PARTNER_INCOME_MUSD][y] >= 0 &&
             v[LF_SERIES_ENTRANT_NA_JOBS][y] >= 0 && v[LF_SERIES_AVG_EV_PRICE_USD][y] > 0,
             text, "%d a negative tariff revenue, partner income or jobs", year);

      /* No entrant able to sell this year, and none sold last year: nothing
       * differs from the world without entrants. */
      if (cap_total == 0.0 && (y == 0 || (cap_prev == 0.0 && sales_prev == 0.0)))
        {
          check (&g->idle, cn == 0.0, text, "%d no capacity, yet %.3f Chinese sales", year, cn);
          for (int k = 0; k < 5; k++)
            {
              LfSeries a = k < 3 ? LF_SERIES_FORD_EV_ENTRY + k
                         : k == 3 ? LF_SERIES_FORD_EV_SALES : LF_SERIES_FORD_EV_EBIT_MUSD;
              LfSeries b = k < 3 ? LF_SERIES_FORD_EV_ENTRY_NO_ENTRY + k
                         : k == 3 ? LF_SERIES_FORD_EV_SALES_NO_ENTRY
                         : LF_SERIES_FORD_EV_EBIT_NO_ENTRY_MUSD;
              check (&g->idle, close_to (v[a][y], v[b][y], 1e-12), text,
                     "%d no entrant active, %s %.6f != %s %.6f", year, lf_series_name (a),
                     v[a][y], lf_series_name (b), v[b][y]);
            }
          check (&g->idle, v[LF_SERIES_FORD_NET_EFFECT_MUSD][y] == 0.0 &&
                 v[LF_SERIES_FORD_EV_SALES_CHANGE][y] == 0.0, text,
                 "%d no entrant active, yet a net effect on Ford of %.6f", year,
                 v[LF_SERIES_FORD_NET_EFFECT_MUSD][y]);
        }
    }
}

typedef struct {
  const char *name;
  gboolean    remove_baseline;
  gboolean    extra;
} PlantSetup;

static const PlantSetup plant_setups[] = {
  { "baseline plants", FALSE, FALSE },
  { "baseline + North American plants, partnership on", FALSE, TRUE },
  { "only North American plants, partnership on", TRUE, TRUE },
};

static const char *const quotas[] = { "unlimited", "0", "49000", "300000" };
static const char *const credits[][2] = {
  { "credit.ev_usd=0", "credit.exclude_chinese=1" },
  { "credit.ev_usd=7500", "credit.exclude_chinese=1" },
  { "credit.ev_usd=7500", "credit.exclude_chinese=0" },
};

/* Central, then each behavioural parameter at its minimum and its maximum. */
#define N_BEHAVIOUR_CASES (1 + 2 * (LF_PARAM_LAST_BEHAVIOUR - LF_PARAM_FIRST_BEHAVIOUR + 1))

static char *
behaviour_assignment (int k)
{
  const LfParamInfo *info;
  g_autofree char *v = NULL;

  if (k == 0)
    return NULL;
  info = lf_param_info (LF_PARAM_FIRST_BEHAVIOUR + (k - 1) / 2);
  v = lf_format_number ((k - 1) % 2 ? info->max : info->min);
  return g_strdup_printf ("%s=%s", info->key, v);
}

/* The grid runs once; each test below reports its own properties. */
static GridChecks *
run_grid (void)
{
  static GridChecks g = {
    .monotone = { "china_built_share_ev_pct non-increasing in tariff.china" },
    .monotone_units = { "chinese_china_built (units) non-increasing in tariff.china" },
    .capacity = { "sales <= capacity" },
    .quota = { "China-built sales <= quota" },
    .rule = { "connected-vehicle rule bars Chinese-controlled makers from 2027" },
    .origins = { "origin series sum to chinese_ev_sales" },
    .makers = { "maker sales sum to chinese_ev_sales" },
    .plants = { "plant sales sum to chinese_ev_sales" },
    .ford_tiers = { "Ford tiers sum to the Ford total" },
    .shares = { "shares are consistent and bounded" },
    .idle = { "no active entrant => scenario equals counterfactual" },
  };
  static gboolean done = FALSE;
  g_autofree LfProjection *p = NULL;
  guint n_runs = 0;

  if (done)
    return &g;
  done = TRUE;
  p = g_new0 (LfProjection, 1);

  /* ex 0: capacity as set; ex 1: the default expansion. The property holds
   * exactly in both. */
  for (int ex = 0; ex < 2; ex++)
  for (guint ps = 0; ps < G_N_ELEMENTS (plant_setups); ps++)
    for (int rule = 0; rule <= 2; rule++)
      for (guint q = 0; q < G_N_ELEMENTS (quotas); q++)
        for (guint c = 0; c < G_N_ELEMENTS (credits); c++)
          for (int k = 0; k < N_BEHAVIOUR_CASES; k++)
            {
              g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func (g_free);
              double prev[LF_N_YEARS], prev_units[LF_N_YEARS], prev_ev[LF_N_YEARS];
              char *behaviour = behaviour_assignment (k);
              double prev_tariff = -1;

              if (ex == 0)
                g_ptr_array_add (a, g_strdup ("plants.expansion_years=0"));
              if (plant_setups[ps].remove_baseline)
                add_remove_baseline_plants (a);
              if (plant_setups[ps].extra)
                add_strv (a, extra_plants, G_N_ELEMENTS (extra_plants));
              g_ptr_array_add (a, g_strdup_printf ("rule.connected_vehicle=%d", rule));
              g_ptr_array_add (a, g_strdup_printf ("quota.china=%s", quotas[q]));
              add_strv (a, credits[c], 2);
              if (behaviour != NULL)
                g_ptr_array_add (a, behaviour);

              for (guint t = 0; t < G_N_ELEMENTS (grid_tariffs); t++)
                {
                  g_autoptr(LfScenario) s = NULL;
                  g_autofree char *tariff = lf_format_number (grid_tariffs[t]);
                  g_autofree char *text = NULL;

                  /* This tariff and a NULL end the list for this run only. */
                  g_ptr_array_add (a, g_strdup_printf ("tariff.china=%s", tariff));
                  g_ptr_array_add (a, NULL);
                  s = lf_test_scenario_from (baseline, (const char *const *) a->pdata);
                  text = g_strjoinv (" ", (char **) a->pdata);
                  g_ptr_array_set_size (a, a->len - 2);

                  lf_project (s, p);
                  n_runs++;
                  check_projection (&g, s, p, text);

                  for (int y = 0; y < LF_N_YEARS; y++)
                    {
                      double share = p->series[LF_SERIES_CHINA_BUILT_SHARE_EV_PCT][y];
                      double units = p->series[LF_SERIES_CHINESE_CHINA_BUILT][y];

                      /* Allow the solver's tolerance (1e-9 relative), no more. Where
                       * the quota binds at the lower tariff, China-built cars are
                       * rationed: a higher tariff shrinks the EV market more than
                       * it cuts the rationed units, and their share may rise
                       * (docs/model.md §6) — only with a smaller EV market. */
                      double quota_v = lf_scenario_value_at (s, LF_PARAM_QUOTA_CHINA, LF_FIRST_YEAR + y);
                      gboolean binds = isfinite (quota_v) && quota_v > 0 &&
                                       prev_units[y] >= quota_v * (1 - 1e-6);
                      if (t > 0 && binds)
                        check (&g.monotone, share <= prev[y] * (1 + 1e-6) + 1e-9 ||
                               p->series[LF_SERIES_EV_SALES][y] < prev_ev[y], text,
                               "%d: %.6f %% at tariff %s > %.6f %% at tariff %g, quota binding, "
                               "yet the EV market did not shrink",
                               LF_FIRST_YEAR + y, share, tariff, prev[y], prev_tariff);
                      else if (t > 0)
                        check (&g.monotone, share <= prev[y] * (1 + 1e-6) + 1e-9, text,
                               "%d: %.6f %% at tariff %s > %.6f %% at tariff %g",
                               LF_FIRST_YEAR + y, share, tariff, prev[y], prev_tariff);
                      if (t > 0)
                        check (&g.monotone_units, units <= prev_units[y] * (1 + 1e-6) + 1e-6,
                               text, "%d: %.3f at tariff %s > %.3f at tariff %g",
                               LF_FIRST_YEAR + y, units, tariff, prev_units[y], prev_tariff);
                      prev[y] = share;
                      prev_units[y] = units;
                      prev_ev[y] = p->series[LF_SERIES_EV_SALES][y];
                    }
                  prev_tariff = grid_tariffs[t];
                }
            }
  g_test_message ("%u projections", n_runs);
  return &g;
}

/* The brief: a higher tariff never raises the China-built share. */
static void
test_tariff_monotone (void)
{
  GridChecks *g = run_grid ();

  check_finish (&g->monotone_units);
  check_finish (&g->monotone);
}

static void
test_grid_invariants (void)
{
  GridChecks *g = run_grid ();

  check_finish (&g->capacity);
  check_finish (&g->quota);
  check_finish (&g->rule);
  check_finish (&g->origins);
  check_finish (&g->makers);
  check_finish (&g->plants);
  check_finish (&g->ford_tiers);
  check_finish (&g->shares);
  check_finish (&g->idle);
}

/* ---- no plants, no imports ----------------------------------------------- */

static void
assert_no_entry (const LfProjection *p)
{
  for (int y = 0; y < LF_N_YEARS; y++)
    {
      const double (*v)[LF_N_YEARS] = p->series;

      g_assert_cmpfloat (v[LF_SERIES_CHINESE_EV_SALES][y], ==, 0.0);
      g_assert_cmpfloat (v[LF_SERIES_CHINESE_SHARE_EV_PCT][y], ==, 0.0);
      for (int o = 0; o < LF_N_ORIGINS; o++)
        g_assert_cmpfloat (v[LF_SERIES_CHINESE_CHINA_BUILT + o][y], ==, 0.0);
      g_assert_cmpfloat (v[LF_SERIES_CHINA_BUILT_SHARE_EV_PCT][y], ==, 0.0);
      g_assert_cmpfloat (v[LF_SERIES_TARIFF_REVENUE_MUSD][y], ==, 0.0);
      g_assert_cmpfloat (v[LF_SERIES_FORD_PARTNER_INCOME_MUSD][y], ==, 0.0);
      g_assert_cmpfloat (v[LF_SERIES_ENTRANT_NA_JOBS][y], ==, 0.0);
      for (int m = 0; m < p->n_makers; m++)
        g_assert_cmpfloat (p->maker_sales[m][y], ==, 0.0);
      /* The counterfactual is the scenario. */
      for (int t = 0; t < LF_N_TIERS; t++)
        g_assert_cmpfloat (v[LF_SERIES_FORD_EV_ENTRY + t][y], ==,
                           v[LF_SERIES_FORD_EV_ENTRY_NO_ENTRY + t][y]);
      g_assert_cmpfloat (v[LF_SERIES_FORD_EV_SALES][y], ==, v[LF_SERIES_FORD_EV_SALES_NO_ENTRY][y]);
      g_assert_cmpfloat (v[LF_SERIES_FORD_EV_EBIT_MUSD][y], ==,
                         v[LF_SERIES_FORD_EV_EBIT_NO_ENTRY_MUSD][y]);
    }
}

static void
test_no_plants (void)
{
  /* With no plants, no lever can bring a Chinese car: try the most open. */
  static const char *const open_levers[] = {
    "tariff.china=0", "tariff.mexico=0", "tariff.canada=0", "rule.connected_vehicle=0",
    "credit.ev_usd=7500", "credit.exclude_chinese=0", "ford.partnership=1",
    "behaviour.consideration_cap=1", "behaviour.acceptance_speed=2",
  };

  for (int open = 0; open < 2; open++)
    for (int k = 0; k < N_BEHAVIOUR_CASES; k++)
      {
        g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(LfScenario) s = NULL;
        g_autofree LfProjection *p = NULL;
        char *behaviour = behaviour_assignment (k);

        add_remove_baseline_plants (a);
        if (open)
          add_strv (a, open_levers, G_N_ELEMENTS (open_levers));
        if (behaviour != NULL)
          g_ptr_array_add (a, behaviour);
        g_ptr_array_add (a, NULL);
        s = lf_test_scenario_from (baseline, (const char *const *) a->pdata);
        g_assert_cmpint (s->n_plants, ==, 0);
        p = project (s);
        g_assert_cmpint (p->n_plants, ==, 0);
        assert_no_entry (p);
      }
}

/* The imports stop when the rule bars Chinese-controlled makers (2027) and
 * the tariff is prohibitive; the plants that remain cannot sell either. */
static void
test_no_imports (void)
{
  static const char *const closed[] = {
    "tariff.china=300", "rule.connected_vehicle=1",
  };
  g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LfScenario) s = NULL;
  g_autofree LfProjection *p = NULL;

  add_strv (a, closed, G_N_ELEMENTS (closed));
  add_strv (a, extra_plants, G_N_ELEMENTS (extra_plants));
  g_ptr_array_add (a, NULL);
  s = lf_test_scenario_from (baseline, (const char *const *) a->pdata);
  p = project (s);
  for (int year = 2027; year <= LF_LAST_YEAR; year++)
    {
      g_assert_cmpfloat (lf_projection_get (p, LF_SERIES_CHINESE_CHINA_BUILT, year), ==, 0.0);
      g_assert_cmpfloat (lf_projection_get (p, LF_SERIES_CHINA_BUILT_SHARE_EV_PCT, year), ==, 0.0);
      g_assert_cmpfloat (lf_projection_get (p, LF_SERIES_CHINESE_EV_SALES, year), ==, 0.0);
    }
  /* 2026 is an actual year: no Chinese brand sold. */
  g_assert_cmpfloat (lf_projection_get (p, LF_SERIES_CHINESE_EV_SALES, 2026), ==, 0.0);
}

/* ---- the counterfactual -------------------------------------------------- */

static void
test_counterfactual (void)
{
  /* Each: a scenario in which no entrant can ever sell. */
  static const char *const cases[][4] = {
    /* The rule on and the imports only allowed from 2027: barred before they start. */
    { "rule.connected_vehicle=1", "plant.byd-cn.start_year=2027",
      "plant.xiaomi-cn.start_year=2027", NULL },
    /* Plants at a Ford site, without a partnership. */
    { "ford.partnership=0", "plant.x.maker=xiaomi", "plant.x.site=us-oh-avon-lake", NULL },
    /* Plants with no capacity. */
    { "rule.connected_vehicle=0", "plant.x.maker=byd", "plant.x.site=mx-nuevo-leon",
      "plant.x.capacity=0" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(LfScenario) s = NULL;
      g_autofree LfProjection *p = NULL;

      g_test_message ("case %u", c);
      for (int k = 0; k < 4 && cases[c][k] != NULL; k++)
        g_ptr_array_add (a, g_strdup (cases[c][k]));
      if (c == 0)
        {
          g_ptr_array_add (a, g_strdup ("plant.geely-cn.start_year=2027"));
          g_ptr_array_add (a, g_strdup ("plant.other-cn.start_year=2027"));
        }
      else
        add_remove_baseline_plants (a);
      g_ptr_array_add (a, NULL);
      s = lf_test_scenario_from (baseline, (const char *const *) a->pdata);
      g_assert_cmpint (s->n_plants, >, 0);
      p = project (s);
      assert_no_entry (p);
    }

  /* Rule on from 2027 and every plant removed (the brief's example). */
  {
    g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(LfScenario) s = NULL;
    g_autofree LfProjection *p = NULL;

    g_ptr_array_add (a, g_strdup ("rule.connected_vehicle=1"));
    add_remove_baseline_plants (a);
    g_ptr_array_add (a, NULL);
    s = lf_test_scenario_from (baseline, (const char *const *) a->pdata);
    p = project (s);
    assert_no_entry (p);
  }

  /* And the counterfactual does not depend on the entrants at all. */
  {
    g_autoptr(LfScenario) closed = lf_test_scenario_from (baseline, (const char *const[]) {
      "plant.byd-cn.removed=1", "plant.xiaomi-cn.removed=1", "plant.geely-cn.removed=1",
      "plant.other-cn.removed=1", NULL });
    g_autoptr(LfScenario) open = lf_test_scenario_from (baseline, (const char *const[]) {
      "rule.connected_vehicle=0", "tariff.china=0", "plant.byd-cn.capacity=2000000", NULL });
    g_autofree LfProjection *pc = project (closed);
    g_autofree LfProjection *po = project (open);

    for (int y = 0; y < LF_N_YEARS; y++)
      {
        g_assert_cmpfloat (po->series[LF_SERIES_FORD_EV_SALES_NO_ENTRY][y], ==,
                           pc->series[LF_SERIES_FORD_EV_SALES][y]);
        g_assert_cmpfloat (po->series[LF_SERIES_FORD_EV_EBIT_NO_ENTRY_MUSD][y], ==,
                           pc->series[LF_SERIES_FORD_EV_EBIT_MUSD][y]);
      }
    /* Entrants do take from Ford in the open market. */
    g_assert_cmpfloat (lf_projection_get (po, LF_SERIES_FORD_EV_SALES, 2030), <,
                       lf_projection_get (po, LF_SERIES_FORD_EV_SALES_NO_ENTRY, 2030));
    g_assert_cmpfloat (lf_projection_get (po, LF_SERIES_CHINESE_SHARE_EV_PCT, 2030), >, 0.0);
  }
}

/* ---- partnership --------------------------------------------------------- */

static void
test_partnership (void)
{
  static const char *const base[] = {
    "plant.xiaomi-ford.maker=xiaomi", "plant.xiaomi-ford.site=us-mi-flat-rock",
    "plant.xiaomi-ford.capacity=200000", "rule.connected_vehicle=2", NULL,
  };
  g_autoptr(LfScenario) off = lf_test_scenario_from (baseline, base);
  g_autoptr(LfScenario) on = lf_test_scenario_from (baseline, base);
  g_autofree LfProjection *p_off = NULL;
  g_autofree LfProjection *p_on = NULL;
  g_autoptr(GError) error = NULL;
  int i;

  lf_scenario_apply (on, "ford.partnership=1", &error);
  g_assert_no_error (error);
  p_off = project (off);
  p_on = project (on);
  i = lf_scenario_find_plant (on, "xiaomi-ford");
  g_assert_cmpint (i, >=, 0);
  for (int year = LF_FIRST_YEAR; year <= LF_LAST_YEAR; year++)
    {
      int y = lf_year_index (year);
      g_assert_cmpfloat (p_off->plant_capacity[i][y], ==, 0.0);
      g_assert_cmpfloat (p_off->series[LF_SERIES_FORD_PARTNER_INCOME_MUSD][y], ==, 0.0);
      if (year >= 2028)
        {
          double fee = lf_scenario_value_at (on, LF_PARAM_FORD_PARTNER_FEE_USD, year);
          g_assert_cmpfloat (p_on->plant_sales[i][y], >, 0.0);
          /* Both sides: a fee per partner car, and the partner's cars compete. */
          g_assert_cmpfloat_with_epsilon (p_on->series[LF_SERIES_FORD_PARTNER_INCOME_MUSD][y],
                                          p_on->plant_sales[i][y] * fee / 1e6, 1e-6);
          g_assert_cmpfloat (p_on->series[LF_SERIES_FORD_EV_SALES][y], <,
                             p_on->series[LF_SERIES_FORD_EV_SALES_NO_ENTRY][y]);
          /* The net effect: the EBIT lost to the partner's cars plus the fee, once. */
          g_assert_cmpfloat (p_on->series[LF_SERIES_FORD_EV_SALES_CHANGE][y], <, 0.0);
          g_assert_cmpfloat_with_epsilon (p_on->series[LF_SERIES_FORD_NET_EFFECT_MUSD][y],
                                          p_on->series[LF_SERIES_FORD_EV_EBIT_MUSD][y] -
                                          p_on->series[LF_SERIES_FORD_EV_EBIT_NO_ENTRY_MUSD][y] +
                                          p_on->series[LF_SERIES_FORD_PARTNER_INCOME_MUSD][y], 1e-9);
          g_assert_cmpfloat (p_on->series[LF_SERIES_FORD_NET_EFFECT_MUSD][y], >,
                             p_on->series[LF_SERIES_FORD_EV_EBIT_CHANGE_MUSD][y]);
        }
      else if (year < LF_FIRST_PROJECTED_YEAR)
        g_assert_cmpfloat (p_on->series[LF_SERIES_FORD_NET_EFFECT_MUSD][y], ==, 0.0);
    }
}

/* ---- Monte Carlo --------------------------------------------------------- */

static void
assert_bands_ordered (const LfBands *b)
{
  for (int s = 0; s < LF_N_SERIES; s++)
    for (int y = 0; y < LF_N_YEARS; y++)
      {
        g_assert_true (isfinite (b->p10[s][y]) && isfinite (b->p90[s][y]));
        if (!(b->p10[s][y] <= b->p50[s][y] && b->p50[s][y] <= b->p90[s][y]))
          g_error ("%s %d: p10 %g, p50 %g, p90 %g", lf_series_name (s), LF_FIRST_YEAR + y,
                   b->p10[s][y], b->p50[s][y], b->p90[s][y]);
      }
}

static void
test_monte_carlo (void)
{
  g_autoptr(LfScenario) s = lf_test_scenario_from (baseline, (const char *const[]) {
    "rule.connected_vehicle=0", "tariff.china=50", NULL });
  g_autofree LfBands *a = g_new0 (LfBands, 1);
  g_autofree LfBands *b = g_new0 (LfBands, 1);
  g_autofree LfBands *c = g_new0 (LfBands, 1);
  gboolean differs = FALSE, spread = FALSE;

  g_assert_true (lf_monte_carlo (s, 200, 7, a, NULL));
  g_assert_true (lf_monte_carlo (s, 200, 7, b, NULL));
  g_assert_true (lf_monte_carlo (s, 200, 8, c, NULL));
  g_assert_cmpint (a->n_draws, ==, 200);
  g_assert_cmpuint (a->seed, ==, 7);

  /* The same seed: the same bands, bit for bit. */
  g_assert_cmpmem (a->p10, sizeof a->p10, b->p10, sizeof b->p10);
  g_assert_cmpmem (a->p50, sizeof a->p50, b->p50, sizeof b->p50);
  g_assert_cmpmem (a->p90, sizeof a->p90, b->p90, sizeof b->p90);

  /* Another seed: other draws. */
  differs = memcmp (a->p50, c->p50, sizeof a->p50) != 0 ||
            memcmp (a->p10, c->p10, sizeof a->p10) != 0;
  g_assert_true (differs);

  assert_bands_ordered (a);
  assert_bands_ordered (c);
  for (int y = lf_year_index (2028); y < LF_N_YEARS; y++)
    if (a->p90[LF_SERIES_CHINESE_SHARE_EV_PCT][y] > a->p10[LF_SERIES_CHINESE_SHARE_EV_PCT][y])
      spread = TRUE;
  g_assert_true (spread);
}

static void
test_monte_carlo_defaults (void)
{
  g_autoptr(LfScenario) s = lf_scenario_new (baseline);
  g_autofree LfBands *a = g_new0 (LfBands, 1);
  g_autofree LfBands *b = g_new0 (LfBands, 1);
  g_autofree LfBands *one = g_new0 (LfBands, 1);

  g_assert_true (lf_monte_carlo (s, 50, 1, a, NULL));
  g_assert_true (lf_monte_carlo (s, 50, 1, b, NULL));
  g_assert_cmpmem (a, sizeof *a, b, sizeof *b);
  assert_bands_ordered (a);

  /* One draw: the three percentiles are that draw. */
  g_assert_true (lf_monte_carlo (s, 1, 3, one, NULL));
  for (int k = 0; k < LF_N_SERIES; k++)
    for (int y = 0; y < LF_N_YEARS; y++)
      {
        g_assert_cmpfloat (one->p10[k][y], ==, one->p50[k][y]);
        g_assert_cmpfloat (one->p90[k][y], ==, one->p50[k][y]);
      }

  /* The calibration year is no draw's to move. */
  for (int k = 0; k < 3; k++)
    {
      const double (*band)[LF_N_YEARS] = k == 0 ? a->p10 : k == 1 ? a->p50 : a->p90;
      g_assert_cmpfloat_with_epsilon (band[LF_SERIES_EV_SALES][0], 1275714.0, 1.0);
      g_assert_cmpfloat_with_epsilon (band[LF_SERIES_FORD_EV_EBIT_MUSD][0], -3230.0, 0.05);
    }
}

static void
test_monte_carlo_cancel (void)
{
  g_autoptr(LfScenario) s = lf_scenario_new (baseline);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree LfBands *a = g_new0 (LfBands, 1);

  g_cancellable_cancel (cancellable);
  g_assert_false (lf_monte_carlo (s, 100, 1, a, cancellable));
}

/* ---- schedules ----------------------------------------------------------- */

static void
test_schedule_from_year (void)
{
  g_autoptr(LfScenario) flat = lf_test_scenario_from (baseline, (const char *const[]) {
    "rule.connected_vehicle=0", NULL });
  g_autoptr(LfScenario) step = lf_test_scenario_from (baseline, (const char *const[]) {
    "rule.connected_vehicle=0", "tariff.china@2028=25", NULL });
  g_autofree LfProjection *pf = project (flat);
  g_autofree LfProjection *ps = project (step);
  int y28 = lf_year_index (2028);

  for (int y = 0; y < y28; y++)
    {
      for (int k = 0; k < LF_N_SERIES; k++)
        if (pf->series[k][y] != ps->series[k][y])
          g_error ("%s %d differs before the step: %.17g vs %.17g", lf_series_name (k),
                   LF_FIRST_YEAR + y, pf->series[k][y], ps->series[k][y]);
      for (int i = 0; i < pf->n_plants; i++)
        g_assert_cmpfloat (pf->plant_sales[i][y], ==, ps->plant_sales[i][y]);
    }
  /* From 2028 on the lower tariff lets more China-built cars in. */
  for (int y = y28; y < LF_N_YEARS; y++)
    {
      g_assert_cmpfloat (ps->series[LF_SERIES_CHINESE_CHINA_BUILT][y], >,
                         pf->series[LF_SERIES_CHINESE_CHINA_BUILT][y]);
      g_assert_cmpfloat (ps->series[LF_SERIES_CHINA_BUILT_SHARE_EV_PCT][y], >,
                         pf->series[LF_SERIES_CHINA_BUILT_SHARE_EV_PCT][y]);
    }
}

static void
test_schedule_resolve (void)
{
  g_autoptr(LfScenario) s = lf_test_scenario_from (baseline, (const char *const[]) {
    "tariff.china=100", "tariff.china@2028=25", "tariff.china@2031=200",
    "quota.china@2029=49000", "quota.china@2033=unlimited", "rule.connected_vehicle@2030=2",
    NULL });
  double v[LF_N_YEARS];

  lf_scenario_resolve (s, LF_PARAM_TARIFF_CHINA, v);
  for (int year = LF_FIRST_YEAR; year <= LF_LAST_YEAR; year++)
    {
      double want = year < 2028 ? 100 : year < 2031 ? 25 : 200;
      g_assert_cmpfloat (v[lf_year_index (year)], ==, want);
      g_assert_cmpfloat (lf_scenario_value_at (s, LF_PARAM_TARIFF_CHINA, year), ==, want);
    }
  lf_scenario_resolve (s, LF_PARAM_QUOTA_CHINA, v);
  for (int year = LF_FIRST_YEAR; year <= LF_LAST_YEAR; year++)
    {
      int y = lf_year_index (year);
      if (year >= 2029 && year < 2033)
        g_assert_cmpfloat (v[y], ==, 49000);
      else
        g_assert_true (isinf (v[y]) && v[y] > 0);
    }
  lf_scenario_resolve (s, LF_PARAM_RULE_CONNECTED_VEHICLE, v);
  g_assert_cmpfloat (v[lf_year_index (2029)], ==, 1);
  g_assert_cmpfloat (v[lf_year_index (2030)], ==, 2);
  g_assert_cmpfloat (v[lf_year_index (2035)], ==, 2);

  /* A step in the first year is the starting value, not a step. */
  {
    g_autoptr(GError) error = NULL;
    lf_scenario_set_number (s, "credit.ev_usd@2025", 2500, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (s->value[LF_PARAM_CREDIT_EV_USD], ==, 2500);
    g_assert_false (s->has_step[LF_PARAM_CREDIT_EV_USD][0]);
  }

  /* Clearing the steps leaves the starting value everywhere. */
  lf_scenario_clear_steps (s, LF_PARAM_TARIFF_CHINA);
  lf_scenario_resolve (s, LF_PARAM_TARIFF_CHINA, v);
  for (int y = 0; y < LF_N_YEARS; y++)
    g_assert_cmpfloat (v[y], ==, 100);
}

/* The rule applies from 2027 in the model, so scheduling it on in 2027 is
 * the same scenario as having it on throughout. */
static void
test_schedule_rule (void)
{
  /* At a 25 % tariff China-built cars can sell (at 127.5 % none covers its cost). */
  g_autoptr(LfScenario) on = lf_test_scenario_from (baseline, (const char *const[]) {
    "tariff.china=25", "rule.connected_vehicle=1", NULL });
  g_autoptr(LfScenario) stepped = lf_test_scenario_from (baseline, (const char *const[]) {
    "tariff.china=25", "rule.connected_vehicle=0", "rule.connected_vehicle@2027=1", NULL });
  g_autoptr(LfScenario) late = lf_test_scenario_from (baseline, (const char *const[]) {
    "tariff.china=25", "rule.connected_vehicle=0", "rule.connected_vehicle@2031=1", NULL });
  g_autofree LfProjection *a = project (on);
  g_autofree LfProjection *b = project (stepped);
  g_autofree LfProjection *c = project (late);

  g_assert_cmpmem (a->series, sizeof a->series, b->series, sizeof b->series);
  g_assert_cmpfloat (lf_projection_get (c, LF_SERIES_CHINESE_EV_SALES, 2030), >, 0.0);
  for (int year = 2031; year <= LF_LAST_YEAR; year++)
    g_assert_cmpfloat (lf_projection_get (c, LF_SERIES_CHINESE_EV_SALES, year), ==, 0.0);
}

/* ---- reproducibility ----------------------------------------------------- */

static void
test_deterministic (void)
{
  g_autoptr(LfScenario) s = lf_test_scenario_from (baseline, (const char *const[]) {
    "rule.connected_vehicle=2", "ford.partnership=1", "plant.x.maker=byd",
    "plant.x.site=us-tn-stanton", NULL });
  g_autofree LfProjection *a = project (s);
  g_autofree LfProjection *b = project (s);

  g_assert_cmpmem (a, sizeof *a, b, sizeof *b);
}

/* ---- tornado and revenue -------------------------------------------------- */

static void
test_tornado (void)
{
  g_autoptr(LfScenario) s = lf_test_scenario_from (baseline, (const char *const[]) {
    "rule.connected_vehicle=0", NULL });
  LfTornadoBar bars[LF_TORNADO_MAX];
  int n = lf_tornado (s, LF_SERIES_CHINESE_SHARE_EV_PCT, 2030, bars);
  gboolean seen_tariff = FALSE;

  g_assert_cmpint (n, >=, 12);
  g_assert_cmpint (n, <=, LF_TORNADO_MAX);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(LfScenario) one = lf_scenario_copy (s);
      g_autofree LfProjection *p = NULL;

      /* Sorted by the length of the bar drawn (from the scenario's value
       * to the further end), longest first. */
      {
        g_autofree LfProjection *own = project (s);
        double base = lf_projection_get (own, LF_SERIES_CHINESE_SHARE_EV_PCT, 2030);
        double span = MAX (base, MAX (bars[i].result[0], bars[i].result[1])) -
                      MIN (base, MIN (bars[i].result[0], bars[i].result[1]));

        g_assert_cmpfloat (span, ==, bars[i].span);
        if (i > 0)
          g_assert_cmpfloat (bars[i].span, <=, bars[i - 1].span);
      }
      /* Each end is a real projection with that one lever moved. */
      one->value[bars[i].param] = bars[i].value[1];
      p = project (one);
      g_assert_cmpfloat (lf_projection_get (p, LF_SERIES_CHINESE_SHARE_EV_PCT, 2030), ==,
                         bars[i].result[1]);
      if (bars[i].param == LF_PARAM_TARIFF_CHINA)
        {
          seen_tariff = TRUE;
          /* Free trade lets in more China-built cars than a 150 % wall. */
          g_assert_cmpfloat (bars[i].result[0], >, bars[i].result[1]);
          g_assert_cmpint (i, ==, 0);
        }
    }
  g_assert_true (seen_tariff);
}

static void
test_ford_revenue (void)
{
  g_autoptr(LfScenario) s = lf_scenario_new (baseline);
  g_autofree LfProjection *p = project (s);
  const LfBaseline *b = baseline;
  double expected = 0;

  /* 2025: Ford's units by tier at the incumbents' price (no cut without entrants). */
  for (int t = 0; t < LF_N_TIERS; t++)
    expected += p->series[LF_SERIES_FORD_EV_ENTRY + t][0] * b->tier_price[t] / 1e6;
  g_assert_cmpfloat_with_epsilon (lf_projection_get (p, LF_SERIES_FORD_EV_REVENUE_MUSD, 2025),
                                  expected, 1e-6);
  /* Under current policy no entrant sells: revenue equals the counterfactual's. */
  for (int y = 0; y < LF_N_YEARS; y++)
    g_assert_cmpfloat (p->series[LF_SERIES_FORD_EV_REVENUE_MUSD][y], ==,
                       p->series[LF_SERIES_FORD_EV_REVENUE_NO_ENTRY_MUSD][y]);
  /* With the rule off and no tariff wall, entrants take units and price from Ford. */
  {
    g_autoptr(LfScenario) open = lf_test_scenario_from (baseline, (const char *const[]) {
      "rule.connected_vehicle=0", "tariff.china=0", NULL });
    g_autofree LfProjection *po = project (open);
    g_assert_cmpfloat (lf_projection_get (po, LF_SERIES_FORD_EV_REVENUE_MUSD, 2030), <,
                       lf_projection_get (po, LF_SERIES_FORD_EV_REVENUE_NO_ENTRY_MUSD, 2030));
  }
}

/* 2025 and 2026 are history: a credit set for every year acts from 2027 and
 * leaves the actual years as they were. */
static void
test_credit_spares_2025 (void)
{
  g_autoptr(LfScenario) s = lf_test_scenario_from (baseline, (const char *const[]) { "credit.ev_usd=7500", NULL });
  g_autoptr(LfScenario) none = lf_scenario_new (baseline);
  g_autofree LfProjection *p = project (s);
  g_autofree LfProjection *q = project (none);

  g_assert_cmpfloat_with_epsilon (lf_projection_get (p, LF_SERIES_EV_SALES, 2025), 1275714, 1.0);
  g_assert_cmpmem (p->series[0], sizeof p->series[0], q->series[0], sizeof q->series[0]);
  for (int k = 0; k < LF_N_SERIES; k++)
    for (int year = LF_FIRST_YEAR; year < LF_FIRST_PROJECTED_YEAR; year++)
      g_assert_cmpfloat (lf_projection_get (p, k, year), ==, lf_projection_get (q, k, year));
  g_assert_cmpfloat (lf_projection_get (p, LF_SERIES_EV_SALES, 2027), >,
                     lf_projection_get (q, LF_SERIES_EV_SALES, 2027));
}

/* Beyond the grid: random scenarios over the parameters' whole ranges, with
 * random plants, quota, credit, rule and EV path, and a random tariff raise.
 * China-built units never rise; their share never rises either, except where
 * a binding quota rations them and the EV market shrinks more (docs/model.md
 * §6). The corner of two behavioural extremes at once (β = 15 with response
 * 1) that docs/model.md §6 shows is not drawn here often enough to appear. */
static void
test_tariff_monotone_random (void)
{
  static const char *const sites[] = { "mx-nuevo-leon", "us-sc-ridgeville", "us-tx-san-antonio",
                                       "ca-qc-becancour", "us-mi-flat-rock" };
  static const char *const makers[] = { "byd", "xiaomi", "geely", "other" };
  g_autoptr(GRand) r = g_rand_new_with_seed (42);
  g_autofree LfProjection *p1 = g_new (LfProjection, 1);
  g_autofree LfProjection *p2 = g_new (LfProjection, 1);
  const int cases = 4000;
  int shrunk = 0;
  int failures = 0;
  double worst = 0.0;

  for (int c = 0; c < cases; c++)
    {
      g_autoptr(LfScenario) s = lf_scenario_new (baseline);
      double t1, t2;

      for (int k = LF_PARAM_FIRST_BEHAVIOUR; k <= LF_PARAM_LAST_BEHAVIOUR; k++)
        s->value[k] = g_rand_double_range (r, lf_param_info (k)->min, lf_param_info (k)->max);
      s->value[LF_PARAM_RULE_CONNECTED_VEHICLE] = g_rand_int_range (r, 0, 3);
      if (g_rand_boolean (r))
        s->value[LF_PARAM_QUOTA_CHINA] = g_rand_int_range (r, 0, 600000);
      s->value[LF_PARAM_CREDIT_EV_USD] = g_rand_boolean (r) ? 7500 : 0;
      s->value[LF_PARAM_CREDIT_EXCLUDE_CHINESE] = g_rand_int_range (r, 0, 2);
      s->value[LF_PARAM_FORD_PARTNERSHIP] = g_rand_int_range (r, 0, 2);
      s->value[LF_PARAM_EV_PATH] = g_rand_int_range (r, 0, LF_N_EV_PATHS);
      for (int i = 0; i < s->n_plants; i++)
        s->plants[i].capacity = g_rand_double_range (r, 0, 800000);
      for (int n = g_rand_int_range (r, 0, 4); n > 0; n--)
        {
          g_autofree char *km = g_strdup_printf ("plant.r%d.maker", n);
          g_autofree char *ks = g_strdup_printf ("plant.r%d.site", n);
          g_autofree char *kc = g_strdup_printf ("plant.r%d.capacity", n);
          g_assert_true (lf_scenario_set_string (s, km, makers[g_rand_int_range (r, 0, 4)], NULL));
          g_assert_true (lf_scenario_set_string (s, ks, sites[g_rand_int_range (r, 0, 5)], NULL));
          g_assert_true (lf_scenario_set_number (s, kc, g_rand_double_range (r, 0, 400000), NULL));
        }
      t1 = g_rand_double_range (r, 0, 200);
      t2 = t1 + g_rand_double_range (r, 0.5, 60);
      s->value[LF_PARAM_TARIFF_CHINA] = t1;
      lf_project (s, p1);
      s->value[LF_PARAM_TARIFF_CHINA] = t2;
      lf_project (s, p2);
      for (int y = 0; y < LF_N_YEARS; y++)
        {
          double rise = p2->series[LF_SERIES_CHINA_BUILT_SHARE_EV_PCT][y] -
                        p1->series[LF_SERIES_CHINA_BUILT_SHARE_EV_PCT][y];
          double u1 = p1->series[LF_SERIES_CHINESE_CHINA_BUILT][y];
          double u2 = p2->series[LF_SERIES_CHINESE_CHINA_BUILT][y];

          /* Units never rise, with or without capacity expansion. Their
           * share rises only through a smaller EV market: around units held
           * at a binding quota, or where expansion makes entrants order less
           * capacity at a dearer price, so the market shrinks more than the
           * China-built units do (docs/model.md §6). */
          double slack = 1e-6;

          g_assert_cmpfloat (u2, <=, u1 * (1 + slack) + 1e-6);
          if (rise > 1e-6 && p2->series[LF_SERIES_EV_SALES][y] < p1->series[LF_SERIES_EV_SALES][y])
            {
              shrunk++;
              continue;
            }
          if (rise > p1->series[LF_SERIES_CHINA_BUILT_SHARE_EV_PCT][y] * slack + 1e-6)
            {

              failures++;
              worst = MAX (worst, rise);
              break;
            }
        }
    }
  g_test_message ("random tariff raises: %d of %d scenarios saw the China-built share rise "
                  "with no smaller EV market (largest rise %.4f points); %d scenario-years rose "
                  "with a smaller one", failures, cases, worst, shrunk);
  g_assert_cmpint (failures, ==, 0);
}


/* ---- the mechanics of issue 8, over random scenarios ------------------------------ */

static const char *const rand_sites[] = {
  "cn-export", "mx-nuevo-leon", "mx-guanajuato", "us-sc-ridgeville", "us-mi-flat-rock",
  "us-tx-san-antonio", "us-ga-savannah", "ca-qc-becancour", "ca-on-oakville",
};
static const char *const rand_makers[] = { "byd", "xiaomi", "geely", "other" };

/* A scenario drawn over every lever's range: tariffs, rule, quota, credit,
 * partnership, behaviour, expansion, plants. */
static LfScenario *
random_scenario (GRand *r)
{
  LfScenario *s = lf_scenario_new (baseline);

  for (int k = LF_PARAM_FIRST_BEHAVIOUR; k <= LF_PARAM_LAST_BEHAVIOUR; k++)
    s->value[k] = g_rand_double_range (r, lf_param_info (k)->min, lf_param_info (k)->max);
  s->value[LF_PARAM_TARIFF_CHINA] = g_rand_double_range (r, 0, 150);
  s->value[LF_PARAM_TARIFF_MEXICO] = g_rand_double_range (r, 0, 100);
  s->value[LF_PARAM_TARIFF_CANADA] = g_rand_double_range (r, 0, 100);
  s->value[LF_PARAM_RULE_CONNECTED_VEHICLE] = g_rand_int_range (r, 0, 3);
  if (g_rand_boolean (r))
    s->value[LF_PARAM_QUOTA_CHINA] = g_rand_int_range (r, 0, 600000);
  s->value[LF_PARAM_CREDIT_EV_USD] = g_rand_boolean (r) ? 7500 : 0;
  s->value[LF_PARAM_CREDIT_EXCLUDE_CHINESE] = g_rand_int_range (r, 0, 2);
  s->value[LF_PARAM_FORD_PARTNERSHIP] = g_rand_int_range (r, 0, 2);
  s->value[LF_PARAM_EXPANSION_YEARS] = g_rand_int_range (r, 0, 5);
  s->value[LF_PARAM_EV_PATH] = g_rand_int_range (r, 0, LF_N_EV_PATHS);
  s->value[LF_PARAM_FORD_CASE] = g_rand_int_range (r, 0, LF_N_FORD_CASES);
  for (int m = 0; m < baseline->n_makers; m++)
    s->authorised[m] = g_rand_int_range (r, 0, 4) == 0;
  for (int i = 0; i < s->n_plants; i++)
    s->plants[i].capacity = g_rand_double_range (r, 0, 800000);
  for (int n = g_rand_int_range (r, 0, 5); n > 0; n--)
    {
      g_autofree char *km = g_strdup_printf ("plant.r%d.maker", n);
      g_autofree char *ks = g_strdup_printf ("plant.r%d.site", n);
      g_autofree char *kc = g_strdup_printf ("plant.r%d.capacity", n);
      g_assert_true (lf_scenario_set_string (s, km, rand_makers[g_rand_int_range (r, 0, 4)], NULL));
      g_assert_true (lf_scenario_set_string (s, ks, rand_sites[g_rand_int_range (r, 0, G_N_ELEMENTS (rand_sites))], NULL));
      g_assert_true (lf_scenario_set_number (s, kc, g_rand_double_range (r, 0, 400000), NULL));
    }
  g_assert_true (lf_scenario_validate (s, NULL));
  return s;
}

static char *
describe (const LfScenario *s)
{
  return lf_scenario_to_json (s);
}

/* Entry never lowers total EV sales: adding options can only raise the EV
 * nest's inclusive value. The same scenario without any plant is the test. */
static void
test_entry_never_shrinks_market (void)
{
  g_autoptr(GRand) r = g_rand_new_with_seed (8);
  g_autofree LfProjection *with = g_new (LfProjection, 1);
  g_autofree LfProjection *without = g_new (LfProjection, 1);

  for (int c = 0; c < 1500; c++)
    {
      g_autoptr(LfScenario) s = random_scenario (r);
      g_autoptr(LfScenario) none = lf_scenario_copy (s);

      none->n_plants = 0;
      lf_project (s, with);
      lf_project (none, without);
      for (int y = 0; y < LF_N_YEARS; y++)
        if (with->series[LF_SERIES_EV_SALES][y] < without->series[LF_SERIES_EV_SALES][y] * (1 - 1e-9))
          {
            g_autofree char *text = describe (s);
            g_error ("%d: EV sales %.1f with entrants < %.1f without: %s", LF_FIRST_YEAR + y,
                     with->series[LF_SERIES_EV_SALES][y], without->series[LF_SERIES_EV_SALES][y], text);
          }
    }
}

/* An extra plant never lowers its maker's sales, nor does an extra allowed
 * source (Commerce authorising the maker): a maker is one brand supplied by
 * its plants in merit order, and a dearer source can only add. With capacity
 * as set (@lead 0) and with expansion, which plans against the incumbents'
 * list price (so the deeper cut an extra plant provokes cannot make its maker
 * order less). @bound: the largest relative drop allowed (0: none). */
static void
check_extra_source (int lead, double bound)
{
  g_autoptr(GRand) r = g_rand_new_with_seed (9);
  g_autofree LfProjection *before = g_new (LfProjection, 1);
  g_autofree LfProjection *after = g_new (LfProjection, 1);
  int worse = 0, cases = 0;
  double worst = 0.0;

  for (int c = 0; c < 1500; c++)
    {
      g_autoptr(LfScenario) s = random_scenario (r);
      g_autoptr(LfScenario) more = NULL;
      int m = g_rand_int_range (r, 0, baseline->n_makers);

      if (lead >= 0)
        s->value[LF_PARAM_EXPANSION_YEARS] = lead;
      more = lf_scenario_copy (s);
      if (c % 2 == 0)
        {
          g_assert_true (lf_scenario_set_string (more, "plant.extra.maker", baseline->makers[m].id, NULL));
          g_assert_true (lf_scenario_set_string (more, "plant.extra.site",
                                                 rand_sites[g_rand_int_range (r, 0, G_N_ELEMENTS (rand_sites))], NULL));
          g_assert_true (lf_scenario_set_number (more, "plant.extra.capacity",
                                                 g_rand_double_range (r, 1000, 300000), NULL));
          if (more->n_plants == s->n_plants)
            continue;   /* the scenario was full */
        }
      else
        {
          if (s->authorised[m])
            continue;
          more->authorised[m] = TRUE;
        }
      cases++;
      lf_project (s, before);
      lf_project (more, after);
      for (int y = 0; y < LF_N_YEARS; y++)
        {
          double drop = before->maker_sales[m][y] - after->maker_sales[m][y];
          if (drop > 1e-6 * MAX (1.0, before->maker_sales[m][y]) + 1e-6)
            {
              worse++;
              worst = MAX (worst, drop / MAX (1.0, before->maker_sales[m][y]));
              break;
            }
        }
    }
  g_test_message ("expansion lead %d: %d of %d cases cut the maker's sales (worst by %.4f %%)",
                  lead, worse, cases, 100 * worst);
  g_assert_cmpint (cases, >, 1000);
  g_assert_cmpfloat (worst, <=, bound);
}

static void
test_extra_source_never_cuts_maker (void)
{
  check_extra_source (0, 0.0);
}

static void
test_extra_source_with_expansion (void)
{
  check_extra_source (-1, 0.0);
}

/* A source whose landed cost (cost plus duty) is above the incumbents' list
 * price sells nothing, whatever else happens. */
static void
test_below_cost_sells_nothing (void)
{
  g_autoptr(GRand) r = g_rand_new_with_seed (10);
  g_autofree LfProjection *p = g_new (LfProjection, 1);
  int priced_out = 0;

  for (int c = 0; c < 1500; c++)
    {
      g_autoptr(LfScenario) s = random_scenario (r);

      lf_project (s, p);
      for (int i = 0; i < s->n_plants; i++)
        {
          const LfMaker *mk = &baseline->makers[s->plants[i].maker];
          const LfSite *site = &baseline->sites[s->plants[i].site];
          double base = mk->price_factor * site->cost_factor;
          double cost = base / (1 + mk->margin);

          for (int y = 0; y < LF_N_YEARS; y++)
            {
              double tariff = site->origin == LF_ORIGIN_US ? 0
                            : lf_scenario_value_at (s, site->origin == LF_ORIGIN_CHINA ? LF_PARAM_TARIFF_CHINA
                                                    : site->origin == LF_ORIGIN_MEXICO ? LF_PARAM_TARIFF_MEXICO
                                                    : LF_PARAM_TARIFF_CANADA, LF_FIRST_YEAR + y);
              double landed = cost + base * baseline->customs_value_factor * tariff / 100;

              if (landed > 1.0)
                {
                  priced_out++;
                  g_assert_cmpfloat (p->plant_sales[i][y], ==, 0.0);
                }
            }
        }
    }
  g_assert_cmpint (priced_out, >, 100);
}

/* Jobs follow output: once every plant has started (no construction), the
 * jobs are each plant's output times its site's jobs per vehicle. */
static void
test_jobs_follow_output (void)
{
  g_autoptr(GRand) r = g_rand_new_with_seed (11);
  g_autofree LfProjection *p = g_new (LfProjection, 1);

  for (int c = 0; c < 800; c++)
    {
      g_autoptr(LfScenario) s = random_scenario (r);
      int y = lf_year_index (LF_LAST_YEAR);
      double jobs = 0.0;

      lf_project (s, p);
      for (int i = 0; i < s->n_plants; i++)
        jobs += p->plant_sales[i][y] * baseline->sites[s->plants[i].site].jobs_per_unit;
      /* Any plant selling for the first time in the last two years adds construction jobs. */
      g_assert_cmpfloat (p->series[LF_SERIES_ENTRANT_NA_JOBS][y], >=, jobs * (1 - 1e-12) - 1e-9);
    }
  /* The Mexico route at a 100 % Mexico tariff builds (almost) nothing there, and so employs nobody. */
  {
    g_autoptr(LfScenario) route = lf_test_scenario_from (baseline, (const char *const[]) {
      "plant.byd-mx.maker=byd", "plant.byd-mx.site=mx-nuevo-leon", "plant.byd-mx.capacity=150000",
      "rule.connected_vehicle=0", NULL });
    g_autoptr(LfScenario) walled = lf_scenario_copy (route);
    g_autofree LfProjection *a = NULL, *b = NULL;

    walled->value[LF_PARAM_TARIFF_MEXICO] = 100;
    a = project (route);
    b = project (walled);
    g_assert_cmpfloat (lf_projection_get (a, LF_SERIES_CHINESE_MEXICO_BUILT, 2032), >, 10000);
    g_assert_cmpfloat (lf_projection_get (a, LF_SERIES_ENTRANT_NA_JOBS, 2032), ==,
                       lf_projection_get (a, LF_SERIES_CHINESE_MEXICO_BUILT, 2032) * 0.025);
    g_assert_cmpfloat (lf_projection_get (b, LF_SERIES_CHINESE_MEXICO_BUILT, 2032), ==, 0.0);
    g_assert_cmpfloat (lf_projection_get (b, LF_SERIES_ENTRANT_NA_JOBS, 2032), ==, 0.0);
  }
}

/* 2025 and 2026 are history: every scenario shows the same actual years. */
static void
test_actual_years (void)
{
  g_autoptr(GRand) r = g_rand_new_with_seed (12);
  g_autoptr(LfScenario) current = lf_scenario_new (baseline);
  g_autofree LfProjection *base = project (current);
  g_autofree LfProjection *p = g_new (LfProjection, 1);

  for (int c = 0; c < 800; c++)
    {
      g_autoptr(LfScenario) s = random_scenario (r);

      lf_project (s, p);
      for (int k = 0; k < LF_N_SERIES; k++)
        for (int year = LF_FIRST_YEAR; year < LF_FIRST_PROJECTED_YEAR; year++)
          g_assert_cmpfloat (lf_projection_get (p, k, year), ==, lf_projection_get (base, k, year));
    }
}

/* Under rule mode 1 an unauthorised maker sells nothing; an authorised one can. */
static void
test_authorisation (void)
{
  g_autoptr(LfScenario) s = lf_test_scenario_from (baseline, (const char *const[]) {
    "rule.connected_vehicle=1", "tariff.china=25", "maker.byd.authorised=1", NULL });
  g_autofree LfProjection *p = project (s);
  int byd = lf_baseline_find_maker (baseline, "byd");

  g_assert_cmpfloat (p->maker_sales[byd][lf_year_index (2030)], >, 1000);
  for (int m = 0; m < baseline->n_makers; m++)
    if (m != byd)
      for (int year = 2027; year <= LF_LAST_YEAR; year++)
        g_assert_cmpfloat (p->maker_sales[m][lf_year_index (year)], ==, 0.0);
}

/* Capacity that binds grows after the lead time; with a lead time of 0 it
 * stays as set. */
static void
test_expansion (void)
{
  g_autoptr(LfScenario) grow = lf_test_scenario_from (baseline, (const char *const[]) {
    "rule.connected_vehicle=0", "tariff.china=0", "plant.byd-cn.capacity=20000",
    "plants.expansion_years=2", NULL });
  g_autoptr(LfScenario) fixed = lf_scenario_copy (grow);
  g_autofree LfProjection *a = NULL, *b = NULL;
  int p = lf_scenario_find_plant (grow, "byd-cn");

  fixed->value[LF_PARAM_EXPANSION_YEARS] = 0;
  a = project (grow);
  b = project (fixed);
  for (int year = 2027; year <= LF_LAST_YEAR; year++)
    g_assert_cmpfloat (b->plant_capacity[p][lf_year_index (year)], ==, 20000);
  /* Binding in 2027 (a 20,000 plant for BYD's demand), so bigger from 2029, up to three times. */
  g_assert_cmpfloat (a->plant_capacity[p][lf_year_index (2028)], ==, 20000);
  g_assert_cmpfloat (a->plant_capacity[p][lf_year_index (2029)], >, 20000);
  g_assert_cmpfloat (a->plant_capacity[p][lf_year_index (LF_LAST_YEAR)], <=, 60000 + 1e-6);
  g_assert_cmpfloat (a->maker_sales[lf_baseline_find_maker (baseline, "byd")][lf_year_index (2032)], >,
                     b->maker_sales[lf_baseline_find_maker (baseline, "byd")][lf_year_index (2032)]);
}


/* ---- issue 9: adoption paths, Ford's cases, honest bands --------------------------- */

/* The paths order the EV market low < central < high from 2027 and agree on the
 * actual years; the draws span them. */
static void
test_ev_paths (void)
{
  g_autofree LfProjection *lo = NULL, *mid = NULL, *hi = NULL;
  g_autoptr(LfScenario) a = lf_test_scenario_from (baseline, (const char *const[]) { "market.ev_path=low", NULL });
  g_autoptr(LfScenario) b = lf_test_scenario_from (baseline, (const char *const[]) { "market.ev_path=central", NULL });
  g_autoptr(LfScenario) c = lf_test_scenario_from (baseline, (const char *const[]) { "market.ev_path=2", NULL });

  lo = project (a);
  mid = project (b);
  hi = project (c);
  for (int year = LF_FIRST_YEAR; year < LF_FIRST_PROJECTED_YEAR; year++)
    {
      g_assert_cmpfloat (lf_projection_get (lo, LF_SERIES_EV_SALES, year), ==,
                         lf_projection_get (hi, LF_SERIES_EV_SALES, year));
    }
  for (int year = LF_FIRST_PROJECTED_YEAR; year <= LF_LAST_YEAR; year++)
    {
      g_assert_cmpfloat (lf_projection_get (lo, LF_SERIES_EV_SALES, year), <,
                         lf_projection_get (mid, LF_SERIES_EV_SALES, year));
      g_assert_cmpfloat (lf_projection_get (mid, LF_SERIES_EV_SALES, year), <,
                         lf_projection_get (hi, LF_SERIES_EV_SALES, year));
    }
  /* The sourced 2030 anchors: EY ~13 %, BNEF ~21 %, Cox 25 % of light vehicles. */
  g_assert_cmpfloat_with_epsilon (lf_projection_get (lo, LF_SERIES_EV_SHARE_PCT, 2030), 13.2, 0.05);
  g_assert_cmpfloat_with_epsilon (lf_projection_get (mid, LF_SERIES_EV_SHARE_PCT, 2030), 21.1, 0.05);
  g_assert_cmpfloat_with_epsilon (lf_projection_get (hi, LF_SERIES_EV_SHARE_PCT, 2030), 25.0, 0.05);
}

/* Ford's downside is never better than its guidance, and the guidance breaks
 * even around 2029 on the central path, as Ford says. */
static void
test_ford_cases (void)
{
  g_autoptr(LfScenario) g = lf_test_scenario_from (baseline, (const char *const[]) { "ford.ev_case=guidance", NULL });
  g_autoptr(LfScenario) d = lf_test_scenario_from (baseline, (const char *const[]) { "ford.ev_case=downside", NULL });
  g_autofree LfProjection *pg = project (g);
  g_autofree LfProjection *pd = project (d);

  for (int year = LF_FIRST_PROJECTED_YEAR; year <= LF_LAST_YEAR; year++)
    g_assert_cmpfloat (lf_projection_get (pd, LF_SERIES_FORD_EV_EBIT_MUSD, year), <,
                       lf_projection_get (pg, LF_SERIES_FORD_EV_EBIT_MUSD, year));
  g_assert_cmpfloat (lf_projection_get (pg, LF_SERIES_FORD_EV_EBIT_MUSD, 2028), <, 0);
  g_assert_cmpfloat (fabs (lf_projection_get (pg, LF_SERIES_FORD_EV_EBIT_MUSD, 2029)), <, 300);
  g_assert_cmpfloat (lf_projection_get (pg, LF_SERIES_FORD_EV_EBIT_MUSD, 2030), >, 0);
  g_assert_cmpfloat (lf_projection_get (pd, LF_SERIES_FORD_EV_EBIT_MUSD, 2030), <, 0);
  g_assert_cmpfloat (lf_projection_get (pd, LF_SERIES_FORD_EV_EBIT_MUSD, 2031), >, 0);
  /* US scope: Mach-E and Lightning, not the E-Transit. */
  g_assert_cmpfloat_with_epsilon (lf_projection_get (pg, LF_SERIES_FORD_EV_SALES, 2025), 51620 + 27307, 0.5);
}

/* Where inputs are uncertain, the bands say so: current policy's EV market and
 * Ford's EBIT, and the trade deal's Chinese share. */
static void
test_bands_honest (void)
{
  g_autoptr(LfScenario) current = lf_scenario_new (baseline);
  g_autoptr(LfScenario) deal = lf_test_scenario_from (baseline, (const char *const[]) {
    "tariff.china@2027=27.5", "quota.china@2027=100000", "rule.connected_vehicle@2027=0", NULL });
  g_autoptr(LfScenario) built = lf_test_scenario_from (baseline, (const char *const[]) {
    "rule.connected_vehicle=2", "plant.byd-tx.maker=byd", "plant.byd-tx.site=us-tx-san-antonio",
    "plant.byd-tx.capacity=150000", NULL });
  g_autofree LfBands *a = g_new0 (LfBands, 1);
  g_autofree LfBands *b = g_new0 (LfBands, 1);
  g_autofree LfBands *c = g_new0 (LfBands, 1);
  int y = lf_year_index (2030);

  g_assert_true (lf_monte_carlo (current, 400, 3, a, NULL));
  g_assert_true (lf_monte_carlo (deal, 400, 3, b, NULL));
  g_assert_true (lf_monte_carlo (built, 400, 3, c, NULL));
  g_assert_cmpfloat (a->p90[LF_SERIES_EV_SALES][y], >, 1.2 * a->p10[LF_SERIES_EV_SALES][y]);
  g_assert_cmpfloat (a->p90[LF_SERIES_FORD_EV_EBIT_MUSD][y] - a->p10[LF_SERIES_FORD_EV_EBIT_MUSD][y], >, 500);
  g_assert_cmpfloat (a->p10[LF_SERIES_FORD_EV_EBIT_MUSD][y], <, a->p50[LF_SERIES_FORD_EV_EBIT_MUSD][y]);
  /* The trade deal's quota binds, yet its share moves with the market's size. */
  g_assert_cmpfloat (b->p90[LF_SERIES_CHINESE_SHARE_EV_PCT][y] - b->p10[LF_SERIES_CHINESE_SHARE_EV_PCT][y], >, 0.5);
  g_assert_cmpfloat (c->p90[LF_SERIES_CHINESE_SHARE_EV_PCT][y] - c->p10[LF_SERIES_CHINESE_SHARE_EV_PCT][y], >, 1.0);
  /* Ford's impact has a band of its own, of the difference in each draw:
   * under current policy no draw lets an entrant in, so it is zero; with a
   * plant it is narrower than the band of the EBIT itself, whose draws move
   * both runs alike (docs/model.md, 2.12). */
  g_assert_cmpfloat (a->p10[LF_SERIES_FORD_NET_EFFECT_MUSD][y], ==, 0.0);
  g_assert_cmpfloat (a->p90[LF_SERIES_FORD_NET_EFFECT_MUSD][y], ==, 0.0);
  g_assert_cmpfloat (c->p90[LF_SERIES_FORD_EV_EBIT_CHANGE_MUSD][y], <, 0.0);
  g_assert_cmpfloat (c->p90[LF_SERIES_FORD_EV_EBIT_CHANGE_MUSD][y] - c->p10[LF_SERIES_FORD_EV_EBIT_CHANGE_MUSD][y], <,
                     c->p90[LF_SERIES_FORD_EV_EBIT_MUSD][y] - c->p10[LF_SERIES_FORD_EV_EBIT_MUSD][y]);
  g_assert_cmpfloat (c->p90[LF_SERIES_FORD_EV_EBIT_CHANGE_MUSD][y], >, c->p10[LF_SERIES_FORD_EV_EBIT_CHANGE_MUSD][y]);
  /* Actual years have no band. */
  g_assert_cmpfloat (a->p90[LF_SERIES_EV_SALES][0], ==, a->p10[LF_SERIES_EV_SALES][0]);
  g_assert_cmpfloat (a->p90[LF_SERIES_EV_SALES][1], ==, a->p10[LF_SERIES_EV_SALES][1]);
}

/* How the controls show each lever comes from the registry alone (issue 10):
 * every entry has a usable step that divides its range, a slider end inside
 * its range, a GEnum nick equal to its key (the name .ui files use), and a
 * choice lever a label for each of its values. */
static void
test_param_controls (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (LF_TYPE_PARAM);

  for (int i = 0; i < LF_N_PARAMS; i++)
    {
      const LfParamInfo *info = lf_param_info (i);
      double scale = info->percent ? 100.0 : 1.0;
      double lo = info->min * scale, hi = info->max * scale;
      double steps = (hi - lo) / info->step;
      GEnumValue *v = g_enum_get_value_by_nick (klass, info->key);

      g_test_message ("%s: %g..%g step %g", info->key, lo, hi, info->step);
      g_assert_cmpfloat (info->step, >, 0);
      g_assert_cmpfloat (fabs (steps - round (steps)), <, 1e-6);
      g_assert_cmpint (info->digits, >=, 0);
      g_assert_cmpint (info->digits, <=, 3);
      if (info->flags & LF_PARAM_FLAG_INTEGER)
        g_assert_cmpfloat (info->step, ==, round (info->step));
      g_assert_true (info->slider_max == 0 || (info->slider_max > lo && info->slider_max <= hi));
      g_assert_nonnull (v);
      g_assert_cmpint (v->value, ==, i);
      /* A choice lever names every value it takes for the controls, and only those. */
      if (info->flags & LF_PARAM_FLAG_CHOICE)
        g_assert_nonnull (info->choice_labels);
      if (info->choice_labels != NULL)
        {
          g_assert_true (info->flags & LF_PARAM_FLAG_INTEGER);
          g_assert_cmpuint (g_strv_length ((char **) info->choice_labels), ==, (guint) info->max + 1);
        }
    }
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  baseline = lf_baseline_load_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/landfall/model/calibration", test_calibration);
  g_test_add_func ("/landfall/model/param-controls", test_param_controls);
  g_test_add_func ("/landfall/model/calibration-robust", test_calibration_robust);
  g_test_add_func ("/landfall/model/grid/tariff-monotone", test_tariff_monotone);
  g_test_add_func ("/landfall/model/grid/invariants", test_grid_invariants);
  g_test_add_func ("/landfall/model/no-plants", test_no_plants);
  g_test_add_func ("/landfall/model/no-imports", test_no_imports);
  g_test_add_func ("/landfall/model/counterfactual", test_counterfactual);
  g_test_add_func ("/landfall/model/partnership", test_partnership);
  g_test_add_func ("/landfall/model/monte-carlo/seed", test_monte_carlo);
  g_test_add_func ("/landfall/model/monte-carlo/defaults", test_monte_carlo_defaults);
  g_test_add_func ("/landfall/model/monte-carlo/cancel", test_monte_carlo_cancel);
  g_test_add_func ("/landfall/model/schedule/from-year", test_schedule_from_year);
  g_test_add_func ("/landfall/model/schedule/resolve", test_schedule_resolve);
  g_test_add_func ("/landfall/model/schedule/rule", test_schedule_rule);
  g_test_add_func ("/landfall/model/mechanics/entry-never-shrinks-market", test_entry_never_shrinks_market);
  g_test_add_func ("/landfall/model/mechanics/extra-source-never-cuts-maker", test_extra_source_never_cuts_maker);
  g_test_add_func ("/landfall/model/mechanics/extra-source-with-expansion", test_extra_source_with_expansion);
  g_test_add_func ("/landfall/model/mechanics/below-cost-sells-nothing", test_below_cost_sells_nothing);
  g_test_add_func ("/landfall/model/mechanics/jobs-follow-output", test_jobs_follow_output);
  g_test_add_func ("/landfall/model/mechanics/actual-years", test_actual_years);
  g_test_add_func ("/landfall/model/mechanics/authorisation", test_authorisation);
  g_test_add_func ("/landfall/model/mechanics/expansion", test_expansion);
  g_test_add_func ("/landfall/model/data/ev-paths", test_ev_paths);
  g_test_add_func ("/landfall/model/data/ford-cases", test_ford_cases);
  g_test_add_func ("/landfall/model/monte-carlo/bands-honest", test_bands_honest);
  g_test_add_func ("/landfall/model/deterministic", test_deterministic);
  g_test_add_func ("/landfall/model/tornado", test_tornado);
  g_test_add_func ("/landfall/model/credit-spares-2025", test_credit_spares_2025);
  g_test_add_func ("/landfall/model/tariff-monotone-random", test_tariff_monotone_random);
  g_test_add_func ("/landfall/model/ford-revenue", test_ford_revenue);

  ret = g_test_run ();
  lf_baseline_unref (baseline);
  return ret;
}
