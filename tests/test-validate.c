/* test-validate.c: the backtest (src/model/lf-validate.c). The built-in data
 * loads with a source for every observation; the model gives no share
 * before the Chinese brands arrive, a share that rises with their years of
 * presence, never a higher share for a higher tariff, and none at all where
 * their landed cost is above the local price; the fit is no worse than the
 * US parameters and stays in its bounds; bad data is refused with its path. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lf-validate.h"

static LfBaseline *baseline;

static LfValidation *
load_default (void)
{
  g_autoptr(GError) error = NULL;
  LfValidation *v = lf_validation_load_default (baseline, &error);

  g_assert_no_error (error);
  g_assert_nonnull (v);
  return v;
}

/* A market of our own: arrival 2020, a 20 % gap at no tariff, shares of EV sales. */
static void
synthetic_market (LfValidationMarket *m)
{
  memset (m, 0, sizeof *m);
  m->id = (char *) "test";
  m->name = (char *) "Test";
  m->base = LF_VALIDATION_BASE_EV;
  m->arrival_year = 2020;
  m->price_gap = -0.2;
  m->price_gap_tariff_pct = 0.0;
  m->first_year = 2015;
  m->last_year = 2030;
  for (int i = 0; i < LF_VALIDATION_N_YEARS; i++)
    {
      m->tariff_pct[i] = 0.0;
      m->ev_share[i] = 0.5;
      m->market_size[i] = NAN;
    }
}

static void
test_default_data (void)
{
  g_autoptr(LfValidation) v = load_default ();
  int n_points = 0;

  g_assert_cmpint (v->n_markets, >=, 4);
  for (int i = 0; i < v->n_markets; i++)
    {
      const LfValidationMarket *m = &v->markets[i];

      g_assert_cmpuint (strlen (m->name), >, 0);
      g_assert_cmpuint (strlen (m->definition), >, 10);
      g_assert_cmpuint (strlen (m->definition_source), >, 10);
      g_assert_cmpuint (strlen (m->arrival_source), >, 10);
      g_assert_cmpuint (strlen (m->price_gap_source), >, 10);
      g_assert_cmpuint (strlen (m->tariff_source), >, 10);
      g_assert_cmpuint (strlen (m->market_size_source), >, 10);
      g_assert_cmpuint (strlen (m->ev_share_source), >, 10);
      g_assert_cmpint (m->n_points, >=, 1);
      for (int j = 0; j < m->n_points; j++)
        {
          const LfValidationPoint *p = &m->points[j];

          g_assert_cmpuint (strlen (p->source), >, 10);
          g_assert_cmpfloat (p->observed_pct, >=, 0.0);
          g_assert_cmpfloat (p->observed_pct, <=, 100.0);
          g_assert_true (isfinite (p->model_pct) && p->model_pct >= 0.0 && p->model_pct < 100.0);
          g_assert_true (isfinite (p->fitted_pct) && p->fitted_pct >= 0.0 && p->fitted_pct < 100.0);
          g_assert_cmpint (p->year, >=, m->arrival_year);
          /* The point reports what the model gives for its year. */
          g_assert_cmpfloat (p->model_pct, ==, lf_validation_share_pct (&v->params, m, p->year));
        }
      n_points += m->n_points;
      g_test_message ("%s: MAE %.2f, bias %+.2f points; fitted MAE %.2f, bias %+.2f", m->id,
                      m->mae, m->bias, m->fitted_mae, m->fitted_bias);
    }
  g_assert_cmpint (v->n_points, ==, n_points);
}

/* The parameters are the US projection's: the baseline's central values. */
static void
test_params_from_baseline (void)
{
  LfValidationParams p;

  lf_validation_params_from_baseline (baseline, &p);
  g_assert_cmpfloat (p.acceptance_speed, ==, lf_baseline_get_range (baseline, "behaviour.acceptance_speed")->central);
  g_assert_cmpfloat (p.consideration_cap, ==, lf_baseline_get_range (baseline, "behaviour.consideration_cap")->central);
  g_assert_cmpfloat (p.choice_price_coef, ==, lf_baseline_get_range (baseline, "behaviour.choice_price_coef")->central);
  g_assert_cmpfloat (p.pass_through, ==, lf_baseline_get_range (baseline, "behaviour.pass_through")->central);
  g_assert_cmpfloat (p.customs_value_factor, ==, baseline->customs_value_factor);
  g_assert_cmpfloat (p.appeal, >, 0.0);
  g_assert_cmpfloat (p.price_factor, >, 0.0);
  g_assert_cmpfloat (p.price_factor, <=, 1.5);
}

static void
test_zero_before_arrival (void)
{
  g_autoptr(LfValidation) v = load_default ();

  for (int i = 0; i < v->n_markets; i++)
    {
      const LfValidationMarket *m = &v->markets[i];

      for (int y = LF_VALIDATION_FIRST_YEAR; y < m->arrival_year; y++)
        {
          g_assert_cmpfloat (lf_validation_share_pct (&v->params, m, y), ==, 0.0);
          g_assert_cmpfloat (lf_validation_share_pct (&v->fitted, m, y), ==, 0.0);
        }
      if (isfinite (lf_validation_relative_price (&v->params, m, m->arrival_year)))
        g_assert_cmpfloat (lf_validation_share_pct (&v->params, m, m->arrival_year), >, 0.0);
    }
}

/* With everything else held, each year of presence adds acceptance. */
static void
test_rises_with_years (void)
{
  LfValidationParams p;
  LfValidationMarket m;

  lf_validation_params_from_baseline (baseline, &p);
  synthetic_market (&m);
  for (int y = m.arrival_year; y < m.last_year; y++)
    g_assert_cmpfloat (lf_validation_share_pct (&p, &m, y + 1), >, lf_validation_share_pct (&p, &m, y));

  /* And in every market of the data while its tariff and EV share stay. */
  {
    g_autoptr(LfValidation) v = load_default ();

    for (int i = 0; i < v->n_markets; i++)
      {
        const LfValidationMarket *mk = &v->markets[i];

        for (int y = mk->arrival_year; y < mk->last_year; y++)
          {
            int a = lf_validation_year_index (y), b = a + 1;

            if (mk->tariff_pct[a] != mk->tariff_pct[b] ||
                (mk->ev_only && mk->ev_share[b] < mk->ev_share[a]))
              continue;
            g_assert_cmpfloat (lf_validation_share_pct (&v->params, mk, y + 1), >=,
                               lf_validation_share_pct (&v->params, mk, y));
          }
      }
  }
}

/* A higher tariff never raises the modelled share, whatever the gap, the
 * tariff the gap was read at, the pass-through or the margin; high enough,
 * the Chinese brands cannot cover their landed cost and sell nothing. */
static void
test_tariff_monotone (void)
{
  static const double gaps[] = { -0.4, -0.25, -0.1, 0.0, 0.1, NAN };
  static const double gap_tariffs[] = { 0.0, 10.0, 27.5 };
  static const double pass[] = { 0.0, 0.6, 0.8, 1.0 };
  static const double margins[] = { 0.0, 0.12, 0.26, 0.6 };
  LfValidationParams p;
  LfValidationMarket m;

  lf_validation_params_from_baseline (baseline, &p);
  synthetic_market (&m);
  for (guint g = 0; g < G_N_ELEMENTS (gaps); g++)
    for (guint t = 0; t < G_N_ELEMENTS (gap_tariffs); t++)
      for (guint k = 0; k < G_N_ELEMENTS (pass); k++)
        for (guint q = 0; q < G_N_ELEMENTS (margins); q++)
          {
            double last = INFINITY;

            m.price_gap = gaps[g];
            m.price_gap_tariff_pct = gap_tariffs[t];
            p.pass_through = pass[k];
            p.margin = margins[q];
            for (double tau = 0.0; tau <= 300.0; tau += 0.5)
              {
                double s;

                for (int i = 0; i < LF_VALIDATION_N_YEARS; i++)
                  m.tariff_pct[i] = tau;
                s = lf_validation_share_pct (&p, &m, 2026);
                g_assert_cmpfloat (s, <=, last + 1e-12);
                last = s;
              }
            g_assert_cmpfloat (last, ==, 0.0);
          }

  /* In the data: ten points more tariff in every year never raises a share. */
  {
    g_autoptr(LfValidation) v = load_default ();

    for (int i = 0; i < v->n_markets; i++)
      {
        LfValidationMarket higher = v->markets[i];

        for (int y = 0; y < LF_VALIDATION_N_YEARS; y++)
          higher.tariff_pct[y] += 10.0;
        for (int y = higher.first_year; y <= higher.last_year; y++)
          g_assert_cmpfloat (lf_validation_share_pct (&v->params, &higher, y), <=,
                             lf_validation_share_pct (&v->params, &v->markets[i], y));
      }
  }
}

/* The observed gap is reproduced at the tariff it was read at; without a
 * gap the baseline's price factor is the pre-tariff price. */
static void
test_relative_price (void)
{
  LfValidationParams p;
  LfValidationMarket m;

  lf_validation_params_from_baseline (baseline, &p);
  synthetic_market (&m);
  m.price_gap = -0.2;
  m.price_gap_tariff_pct = 10.0;
  for (int i = 0; i < LF_VALIDATION_N_YEARS; i++)
    m.tariff_pct[i] = 10.0;
  g_assert_cmpfloat_with_epsilon (lf_validation_relative_price (&p, &m, 2024), 0.8, 1e-12);

  m.price_gap = NAN;
  for (int i = 0; i < LF_VALIDATION_N_YEARS; i++)
    m.tariff_pct[i] = 0.0;
  g_assert_cmpfloat_with_epsilon (lf_validation_relative_price (&p, &m, 2024), MIN (1.0, p.price_factor), 1e-12);
}

/* Of all cars where the Chinese brands sell only EVs: the EV share times
 * their share of EV sales. */
static void
test_ev_only (void)
{
  LfValidationParams p;
  LfValidationMarket ev, all;

  lf_validation_params_from_baseline (baseline, &p);
  synthetic_market (&ev);
  all = ev;
  all.base = LF_VALIDATION_BASE_ALL;
  all.ev_only = TRUE;
  for (int y = 2020; y <= 2030; y++)
    g_assert_cmpfloat_with_epsilon (lf_validation_share_pct (&p, &all, y),
                                    0.5 * lf_validation_share_pct (&p, &ev, y), 1e-12);
  all.ev_only = FALSE;
  for (int y = 2020; y <= 2030; y++)
    g_assert_cmpfloat (lf_validation_share_pct (&p, &all, y), ==, lf_validation_share_pct (&p, &ev, y));
}

static void
test_fit (void)
{
  g_autoptr(LfValidation) v = load_default ();
  g_autoptr(LfValidation) again = load_default ();

  g_assert_cmpfloat (v->fitted_sse, <=, v->sse);
  g_assert_cmpfloat (v->fitted.acceptance_speed, >=, LF_VALIDATION_FIT_SPEED_MIN);
  g_assert_cmpfloat (v->fitted.acceptance_speed, <=, LF_VALIDATION_FIT_SPEED_MAX);
  g_assert_cmpfloat (v->fitted.consideration_cap, >=, LF_VALIDATION_FIT_CAP_MIN);
  g_assert_cmpfloat (v->fitted.consideration_cap, <=, LF_VALIDATION_FIT_CAP_MAX);
  /* Only the two fitted parameters move. */
  g_assert_cmpfloat (v->fitted.choice_price_coef, ==, v->params.choice_price_coef);
  g_assert_cmpfloat (v->fitted.appeal, ==, v->params.appeal);
  g_assert_cmpfloat (v->fitted.price_factor, ==, v->params.price_factor);
  /* Deterministic. */
  g_assert_cmpfloat (v->fitted.acceptance_speed, ==, again->fitted.acceptance_speed);
  g_assert_cmpfloat (v->fitted.consideration_cap, ==, again->fitted.consideration_cap);
  g_test_message ("US parameters: k %.3f, cap %.3f, MAE %.2f, bias %+.2f points; fitted: k %.3f, cap %.3f, "
                  "MAE %.2f, bias %+.2f", v->params.acceptance_speed, v->params.consideration_cap, v->mae,
                  v->bias, v->fitted.acceptance_speed, v->fitted.consideration_cap, v->fitted_mae, v->fitted_bias);

  /* No small step from the fit lowers the squared error. */
  for (int d = 0; d < 4; d++)
    {
      g_autoptr(LfValidation) moved = load_default ();
      double e = 0.0;

      moved->params = v->fitted;
      if (d < 2)
        moved->params.acceptance_speed = CLAMP (v->fitted.acceptance_speed * (d == 0 ? 1.01 : 0.99),
                                                LF_VALIDATION_FIT_SPEED_MIN, LF_VALIDATION_FIT_SPEED_MAX);
      else
        moved->params.consideration_cap = CLAMP (v->fitted.consideration_cap + (d == 2 ? 0.002 : -0.002),
                                                 LF_VALIDATION_FIT_CAP_MIN, LF_VALIDATION_FIT_CAP_MAX);
      lf_validation_evaluate (moved);
      e = moved->sse;
      g_assert_cmpfloat (e, >=, v->fitted_sse - 1e-6);
    }
}

static void
test_csv (void)
{
  g_autoptr(LfValidation) v = load_default ();
  g_autofree char *csv = lf_validation_to_csv (v);
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);

  g_assert_true (g_str_has_prefix (csv, "market,year,observed_share_pct,model_share_pct,source"));
  g_assert_true (g_str_has_suffix (csv, "\n"));
  g_assert_cmpuint (g_strv_length (lines), ==, (guint) v->n_points + 2);
}

/* ---- refusals --------------------------------------------------------------- */

#define MARKET(extra) \
  "{\"format\": 1, \"markets\": [{\"id\": \"x\", \"name\": \"X\"," \
  " \"definition\": {\"value\": \"d\", \"base\": \"all\", \"source\": \"s\"}," \
  " \"chinese_brands_sell_ev_only\": {\"value\": false, \"source\": \"s\"}," \
  " \"arrival_year\": {\"value\": 2020, \"source\": \"s\"}," \
  " \"price_gap\": {\"value\": -0.2, \"tariff_pct\": 0, \"source\": \"s\"}," \
  " \"first_year\": 2019, \"last_year\": 2021," \
  " \"market_size\": {\"values\": [null, null, null], \"source\": \"s\"}," \
  " \"tariff_pct\": {\"values\": [0, 0, 0], \"source\": \"s\"}," \
  " \"ev_share\": {\"values\": [null, null, null], \"source\": \"s\"}," \
  " \"observed_share_pct\": [{\"year\": 2021, \"value\": 5, \"source\": \"s\"}]" extra "}]}"

static void
test_refusals (void)
{
  static const struct {
    const char *json, *mentions;
  } cases[] = {
    { "[]", "top level" },
    { "{\"format\": 2, \"markets\": []}", "format" },
    { "{\"format\": 1, \"markets\": []}", "markets" },
    { "{\"format\": 1, \"markets\": [1]}", "markets[0]" },
    { "{\"format\": 1, \"markets\": [{\"id\": \"x\"}]}", "markets[0]" },
    { "{\"format\": 1, \"markets\": [{\"id\": \"x\", \"id\": \"y\"}]}", "id" },
  };

  {
    g_autoptr(GBytes) ok = g_bytes_new_static (MARKET (""), strlen (MARKET ("")));
    g_autoptr(GError) error = NULL;
    g_autoptr(LfValidation) v = lf_validation_load_bytes (baseline, ok, "t.json", &error);

    g_assert_no_error (error);
    g_assert_cmpint (v->n_markets, ==, 1);
  }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(GError) error = NULL;
      g_autoptr(LfValidation) v = lf_validation_load_bytes (baseline, bytes, "t.json", &error);

      g_assert_null (v);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, "t.json"));
      g_assert_nonnull (strstr (error->message, cases[i].mentions));
    }

  /* Edits of the good market, each refused with where it is. */
  {
    static const struct {
      const char *from, *to, *mentions;
    } edits[] = {
      { "\"year\": 2021, \"value\": 5", "\"year\": 2021, \"value\": 105", "observed_share_pct[0].value" },
      { "\"year\": 2021, \"value\": 5", "\"year\": 2025, \"value\": 5", "observed_share_pct[0].year" },
      { "\"value\": 5, \"source\": \"s\"", "\"value\": 5, \"source\": \"\"", "observed_share_pct[0]" },
      { "\"tariff_pct\": {\"values\": [0, 0, 0]", "\"tariff_pct\": {\"values\": [0, 0]", "tariff_pct" },
      { "\"tariff_pct\": {\"values\": [0, 0, 0]", "\"tariff_pct\": {\"values\": [0, null, 0]", "tariff_pct.values[1]" },
      { "\"base\": \"all\"", "\"base\": \"cars\"", "definition" },
      { "\"value\": false, \"source\": \"s\"}", "\"value\": true, \"source\": \"s\"}", "ev_share is needed" },
      { "\"first_year\": 2019", "\"first_year\": 1990", "first_year" },
      { "\"arrival_year\": {\"value\": 2020, \"source\": \"s\"}", "\"arrival_year\": {\"value\": 2020}", "arrival_year" },
      { "\"value\": -0.2, \"tariff_pct\": 0", "\"value\": -0.95, \"tariff_pct\": 0", "price_gap" },
      { "\"id\": \"x\"", "\"id\": \"X Y\"", "valid id" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
      {
        g_auto(GStrv) parts = g_strsplit (MARKET (""), edits[i].from, 2);
        g_autofree char *json = NULL;
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(LfValidation) v = NULL;

        g_assert_cmpuint (g_strv_length (parts), ==, 2);
        json = g_strjoin (edits[i].to, parts[0], parts[1], NULL);
        bytes = g_bytes_new (json, strlen (json));
        v = lf_validation_load_bytes (baseline, bytes, "t.json", &error);
        g_assert_null (v);
        g_assert_nonnull (error);
        g_test_message ("%s", error->message);
        g_assert_nonnull (strstr (error->message, edits[i].mentions));
      }
  }

  /* The same id twice. */
  {
    g_autofree char *json = g_strdup (MARKET (""));
    g_autofree char *market = NULL;
    g_autofree char *twice = NULL;
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(LfValidation) v = NULL;
    char *start = strchr (json, '[') + 1;

    market = g_strndup (start, strlen (start) - 2);
    twice = g_strdup_printf ("{\"format\": 1, \"markets\": [%s, %s]}", market, market);
    bytes = g_bytes_new (twice, strlen (twice));
    v = lf_validation_load_bytes (baseline, bytes, "t.json", &error);
    g_assert_null (v);
    g_assert_nonnull (strstr (error->message, "used twice"));
  }
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  baseline = lf_baseline_load_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/landfall/validate/default-data", test_default_data);
  g_test_add_func ("/landfall/validate/params-from-baseline", test_params_from_baseline);
  g_test_add_func ("/landfall/validate/zero-before-arrival", test_zero_before_arrival);
  g_test_add_func ("/landfall/validate/rises-with-years", test_rises_with_years);
  g_test_add_func ("/landfall/validate/tariff-monotone", test_tariff_monotone);
  g_test_add_func ("/landfall/validate/relative-price", test_relative_price);
  g_test_add_func ("/landfall/validate/ev-only", test_ev_only);
  g_test_add_func ("/landfall/validate/fit", test_fit);
  g_test_add_func ("/landfall/validate/csv", test_csv);
  g_test_add_func ("/landfall/validate/refusals", test_refusals);
  status = g_test_run ();
  lf_baseline_unref (baseline);
  return status;
}
