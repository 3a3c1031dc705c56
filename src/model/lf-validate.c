/* lf-validate.c: the backtest (data/validation.json).
 *
 * For each market that let Chinese brands in, the model predicts their share
 * by year from the market's own inputs (when they arrived, the tariff on
 * China-built cars, the price gap to comparable local cars, and the EV share
 * where that matters) with one set of behavioural parameters: the US
 * projection's, read from the baseline. Per year, as in docs/model.md:
 *
 *   n      = year − arrival + 1                                   (2.3; 0 before arrival: no share)
 *   A      = Amax · (1 − exp(−k · n))²                             (2.3)
 *   base   = (1 + gap) / (1 + π · v_c · τ_gap / 100)               (the pre-tariff price behind the observed gap)
 *   duty   = base · v_c · τ / 100                                  (2.4)
 *   cost   = base / (1 + mg)                                       (2.4; no sale if cost + duty > 1)
 *   r      = min(1, max(base + π · duty, cost + duty))             (2.4)
 *   w      = ā · A · exp(−β · (r − 1))                             (2.7)
 *   share  = w / (1 + w)  of the base, or e · w / (1 + w) of all cars where
 *            the Chinese brands sold only EVs                      (2.8, one tier, one nest)
 *
 * ā, the margin mg and (where a market's gap is not known) the price factor
 * are the baseline's four makers taken as one brand (params_from_baseline).
 * GLib + json-glib only.
 */
#define G_LOG_DOMAIN "landfall-model"

#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "lf-file.h"
#include "lf-json.h"
#include "lf-validate.h"
#include "landfall-resources.h"

/* ---- parameters ------------------------------------------------------------ */

static double
range_central (const LfBaseline *b, const char *key, double fallback)
{
  const LfRange *r = lf_baseline_get_range (b, key);

  return r != NULL && isfinite (r->central) ? r->central : fallback;
}

/**
 * lf_validation_params_from_baseline:
 * The behavioural parameters the US projection runs on (their central
 * values), and the baseline's Chinese makers taken together as one brand:
 * its appeal is the sum of theirs, averaged over tiers with the 2025 tier
 * shares (in a tier, makers at one price and one acceptance weigh as one
 * brand with the sum of their appeals); its price factor and margin are the
 * makers', weighted by appeal.
 */
void
lf_validation_params_from_baseline (const LfBaseline   *b,
                                    LfValidationParams *p)
{
  double sum_a = 0.0, sum_pf = 0.0, sum_mg = 0.0;

  memset (p, 0, sizeof *p);
  p->acceptance_speed = range_central (b, "behaviour.acceptance_speed", 0.35);
  p->consideration_cap = range_central (b, "behaviour.consideration_cap", 0.4);
  p->choice_price_coef = range_central (b, "behaviour.choice_price_coef", 6.0);
  p->pass_through = range_central (b, "behaviour.pass_through", 0.8);
  p->customs_value_factor = b->customs_value_factor;

  for (int m = 0; m < b->n_makers; m++)
    {
      double a = 0.0;

      if (!b->makers[m].chinese_controlled)
        continue;
      for (int t = 0; t < LF_N_TIERS; t++)
        a += b->tier_share[t][0] * b->makers[m].appeal[t];
      sum_a += a;
      sum_pf += a * b->makers[m].price_factor;
      sum_mg += a * b->makers[m].margin;
    }
  p->appeal = sum_a;
  p->price_factor = sum_a > 0 ? sum_pf / sum_a : 1.0;
  p->margin = sum_a > 0 ? sum_mg / sum_a : 0.0;
}

/* ---- the model --------------------------------------------------------------- */

static double
yearly (const LfValidationMarket *m, const double *values, int year)
{
  if (year < m->first_year || year > m->last_year)
    return NAN;
  return values[lf_validation_year_index (year)];
}

/**
 * lf_validation_relative_price:
 * The Chinese brands' price relative to comparable local cars in @year
 * (docs/model.md 2.4 with the local price as the list price), or +∞ where
 * their landed cost is above the local price, so they sell nothing.
 */
double
lf_validation_relative_price (const LfValidationParams *p,
                              const LfValidationMarket *m,
                              int                       year)
{
  double tau = yearly (m, m->tariff_pct, year);
  double base, duty, cost;

  if (!isfinite (tau))
    tau = 0.0;
  if (isfinite (m->price_gap))
    base = (1.0 + m->price_gap) / (1.0 + p->pass_through * p->customs_value_factor * m->price_gap_tariff_pct / 100.0);
  else
    base = p->price_factor;
  duty = base * p->customs_value_factor * tau / 100.0;
  cost = base / (1.0 + p->margin);
  if (cost + duty > 1.0)
    return INFINITY;
  return MIN (1.0, MAX (base + p->pass_through * duty, cost + duty));
}

/**
 * lf_validation_share_pct:
 * The modelled Chinese-brand share of @market's base in @year, %.
 */
double
lf_validation_share_pct (const LfValidationParams *p,
                         const LfValidationMarket *m,
                         int                       year)
{
  double n, acceptance, r, w, share;

  if (year < m->arrival_year)
    return 0.0;
  n = year - m->arrival_year + 1;
  acceptance = p->consideration_cap * pow (1.0 - exp (-p->acceptance_speed * n), 2.0);
  r = lf_validation_relative_price (p, m, year);
  if (!isfinite (r))
    return 0.0;
  w = p->appeal * acceptance * exp (-p->choice_price_coef * (r - 1.0));
  share = w / (1.0 + w);
  if (m->base == LF_VALIDATION_BASE_ALL && m->ev_only)
    {
      double e = yearly (m, m->ev_share, year);
      share *= isfinite (e) ? e : 0.0;
    }
  return 100.0 * share;
}

const char *
lf_validation_base_name (LfValidationBase base)
{
  return base == LF_VALIDATION_BASE_EV ? "ev" : "all";
}

static double
sse_of (const LfValidation *v, const LfValidationParams *p)
{
  double sse = 0.0;

  for (int i = 0; i < v->n_markets; i++)
    {
      const LfValidationMarket *m = &v->markets[i];
      for (int j = 0; j < m->n_points; j++)
        {
          double d = lf_validation_share_pct (p, m, m->points[j].year) - m->points[j].observed_pct;
          sse += d * d;
        }
    }
  return sse;
}

/**
 * lf_validation_evaluate:
 * Fills every point's modelled and fitted share and the errors by market
 * and over all points (mean absolute error and bias, model − observed, in
 * percentage points).
 */
void
lf_validation_evaluate (LfValidation *v)
{
  double abs_sum = 0.0, sum = 0.0, fabs_sum = 0.0, fsum = 0.0;

  v->n_points = 0;
  for (int i = 0; i < v->n_markets; i++)
    {
      LfValidationMarket *m = &v->markets[i];
      double a = 0.0, s = 0.0, fa = 0.0, fs = 0.0;

      for (int j = 0; j < m->n_points; j++)
        {
          LfValidationPoint *pt = &m->points[j];

          pt->model_pct = lf_validation_share_pct (&v->params, m, pt->year);
          pt->fitted_pct = lf_validation_share_pct (&v->fitted, m, pt->year);
          a += fabs (pt->model_pct - pt->observed_pct);
          s += pt->model_pct - pt->observed_pct;
          fa += fabs (pt->fitted_pct - pt->observed_pct);
          fs += pt->fitted_pct - pt->observed_pct;
        }
      if (m->n_points > 0)
        {
          m->mae = a / m->n_points;
          m->bias = s / m->n_points;
          m->fitted_mae = fa / m->n_points;
          m->fitted_bias = fs / m->n_points;
        }
      abs_sum += a;
      sum += s;
      fabs_sum += fa;
      fsum += fs;
      v->n_points += m->n_points;
    }
  if (v->n_points > 0)
    {
      v->mae = abs_sum / v->n_points;
      v->bias = sum / v->n_points;
      v->fitted_mae = fabs_sum / v->n_points;
      v->fitted_bias = fsum / v->n_points;
    }
  v->sse = sse_of (v, &v->params);
  v->fitted_sse = sse_of (v, &v->fitted);
}

/**
 * lf_validation_fit:
 * Least squares over every market's observed points (percentage points²)
 * in two shared parameters, the acceptance speed k and the consideration
 * cap Amax, within LF_VALIDATION_FIT_* bounds; everything else stays as the
 * US projection has it. A grid (k on a log scale) and then a compass search
 * from its best point: deterministic, and it cannot leave the bounds.
 * Writes v->fitted and evaluates.
 */
void
lf_validation_fit (LfValidation *v)
{
  enum { GRID = 80 };
  LfValidationParams p = v->params, best = v->params;
  double best_sse = sse_of (v, &best);
  double lk0 = log (LF_VALIDATION_FIT_SPEED_MIN), lk1 = log (LF_VALIDATION_FIT_SPEED_MAX);
  double step_lk, step_cap;

  for (int i = 0; i <= GRID; i++)
    for (int j = 0; j <= GRID; j++)
      {
        double e;

        p.acceptance_speed = exp (lk0 + (lk1 - lk0) * i / GRID);
        p.consideration_cap = LF_VALIDATION_FIT_CAP_MIN +
                              (LF_VALIDATION_FIT_CAP_MAX - LF_VALIDATION_FIT_CAP_MIN) * j / GRID;
        e = sse_of (v, &p);
        if (e < best_sse)
          {
            best_sse = e;
            best = p;
          }
      }

  step_lk = (lk1 - lk0) / GRID;
  step_cap = (LF_VALIDATION_FIT_CAP_MAX - LF_VALIDATION_FIT_CAP_MIN) / GRID;
  while (step_lk > 1e-9 || step_cap > 1e-9)
    {
      gboolean moved = FALSE;
      static const int dirs[4][2] = { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } };

      for (int d = 0; d < 4; d++)
        {
          double lk = log (best.acceptance_speed) + dirs[d][0] * step_lk;
          double cap = best.consideration_cap + dirs[d][1] * step_cap;
          double e;

          if (lk < lk0 || lk > lk1 || cap < LF_VALIDATION_FIT_CAP_MIN || cap > LF_VALIDATION_FIT_CAP_MAX)
            continue;
          p = best;
          p.acceptance_speed = exp (lk);
          p.consideration_cap = cap;
          e = sse_of (v, &p);
          if (e < best_sse)
            {
              best_sse = e;
              best = p;
              moved = TRUE;
            }
        }
      if (!moved)
        {
          step_lk /= 2.0;
          step_cap /= 2.0;
        }
    }
  v->fitted = best;
  lf_validation_evaluate (v);
}

/* ---- loading ------------------------------------------------------------------ */

static JsonObject *
get_object (LfJsonLoader *l, JsonObject *o, const char *member, const char *path)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, member) : NULL;

  if (n == NULL || !JSON_NODE_HOLDS_OBJECT (n))
    {
      lf_json_fail (l, path, "'%s' must be an object", member);
      return NULL;
    }
  return json_node_get_object (n);
}

static char *
get_string (LfJsonLoader *l, JsonObject *o, const char *member, const char *path, gboolean required)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, member) : NULL;

  if (n == NULL && !required)
    return NULL;
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING ||
      *json_node_get_string (n) == '\0')
    {
      lf_json_fail (l, path, "'%s' must be a non-empty string", member);
      return NULL;
    }
  return g_strdup (json_node_get_string (n));
}

/* A number, or NAN for null when @nullable. */
static double
number_of (LfJsonLoader *l, JsonNode *n, const char *path, gboolean nullable)
{
  if (n != NULL && nullable && JSON_NODE_HOLDS_NULL (n))
    return NAN;
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) ||
      (json_node_get_value_type (n) != G_TYPE_INT64 && json_node_get_value_type (n) != G_TYPE_DOUBLE))
    {
      lf_json_fail (l, path, "must be a number%s", nullable ? " or null" : "");
      return NAN;
    }
  return json_node_get_double (n);
}

/* { "value": …, "source": "…" } */
static double
get_figure (LfJsonLoader *l, JsonObject *o, const char *member, const char *path, gboolean nullable, char **source)
{
  g_autofree char *p = g_strdup_printf ("%s.%s", path, member);
  JsonObject *f = get_object (l, o, member, path);
  double v;

  if (f == NULL)
    return NAN;
  v = number_of (l, json_object_get_member (f, "value"), p, nullable);
  *source = get_string (l, f, "source", p, TRUE);
  return v;
}

/* { "values": [ one per year from first_year ], "source": "…" } */
static void
get_path (LfJsonLoader *l, JsonObject *o, const char *member, const char *path, LfValidationMarket *m,
          double *values, double lo, double hi, gboolean nullable, char **source)
{
  g_autofree char *p = g_strdup_printf ("%s.%s", path, member);
  JsonObject *f = get_object (l, o, member, path);
  JsonNode *n;
  JsonArray *a;
  int count = m->last_year - m->first_year + 1;

  if (f == NULL)
    return;
  *source = get_string (l, f, "source", p, TRUE);
  n = json_object_get_member (f, "values");
  if (n == NULL || !JSON_NODE_HOLDS_ARRAY (n) ||
      (int) json_array_get_length (a = json_node_get_array (n)) != count)
    {
      lf_json_fail (l, p, "'values' must be an array of %d (one a year, %d to %d)", count, m->first_year, m->last_year);
      return;
    }
  for (int i = 0; i < count; i++)
    {
      g_autofree char *pi = g_strdup_printf ("%s.values[%d]", p, i);
      double v = number_of (l, json_array_get_element (a, i), pi, nullable);

      if (isfinite (v) && (v < lo || v > hi))
        lf_json_fail (l, pi, "%g is out of range (%g to %g)", v, lo, hi);
      values[lf_validation_year_index (m->first_year + i)] = v;
    }
}

static int
get_year (LfJsonLoader *l, JsonNode *n, const char *path)
{
  double v = number_of (l, n, path, FALSE);

  if (l->error != NULL)
    return 0;
  if (v != floor (v) || v < LF_VALIDATION_FIRST_YEAR || v > LF_VALIDATION_LAST_YEAR)
    {
      lf_json_fail (l, path, "%g is not a year from %d to %d", v, LF_VALIDATION_FIRST_YEAR, LF_VALIDATION_LAST_YEAR);
      return 0;
    }
  return (int) v;
}

static void
load_market (LfJsonLoader *l, JsonObject *o, const char *path, LfValidationMarket *m)
{
  JsonObject *def, *ev_only, *gap;
  JsonNode *n;
  JsonArray *points;
  g_autofree char *base = NULL;
  g_autofree char *p_def = g_strdup_printf ("%s.definition", path);
  g_autofree char *p_first = g_strdup_printf ("%s.first_year", path);
  g_autofree char *p_last = g_strdup_printf ("%s.last_year", path);
  g_autofree char *p_arr = NULL, *p_gap = NULL, *p_obs = NULL;
  double tau_gap;

  for (int i = 0; i < LF_VALIDATION_N_YEARS; i++)
    m->market_size[i] = m->tariff_pct[i] = m->ev_share[i] = NAN;

  m->id = get_string (l, o, "id", path, TRUE);
  if (l->error == NULL && !lf_id_is_valid (m->id, -1))
    lf_json_fail (l, path, "'%s' is not a valid id", m->id);
  m->name = get_string (l, o, "name", path, TRUE);

  def = get_object (l, o, "definition", path);
  m->definition = get_string (l, def, "value", p_def, TRUE);
  m->definition_source = get_string (l, def, "source", p_def, TRUE);
  base = get_string (l, def, "base", p_def, TRUE);
  if (l->error == NULL)
    {
      if (g_str_equal (base, "all"))
        m->base = LF_VALIDATION_BASE_ALL;
      else if (g_str_equal (base, "ev"))
        m->base = LF_VALIDATION_BASE_EV;
      else
        lf_json_fail (l, p_def, "'base' must be \"all\" or \"ev\", not '%s'", base);
    }

  ev_only = get_object (l, o, "chinese_brands_sell_ev_only", path);
  if (ev_only != NULL)
    {
      g_autofree char *p = g_strdup_printf ("%s.chinese_brands_sell_ev_only", path);
      n = json_object_get_member (ev_only, "value");
      if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_BOOLEAN)
        lf_json_fail (l, p, "'value' must be true or false");
      else
        m->ev_only = json_node_get_boolean (n);
      m->ev_only_source = get_string (l, ev_only, "source", p, TRUE);
    }

  m->first_year = get_year (l, json_object_get_member (o, "first_year"), p_first);
  m->last_year = get_year (l, json_object_get_member (o, "last_year"), p_last);
  if (l->error == NULL && m->last_year < m->first_year)
    lf_json_fail (l, p_last, "%d is before first_year %d", m->last_year, m->first_year);
  if (l->error != NULL)
    return;

  p_arr = g_strdup_printf ("%s.arrival_year", path);
  {
    JsonObject *a = get_object (l, o, "arrival_year", path);
    m->arrival_year = get_year (l, a != NULL ? json_object_get_member (a, "value") : NULL, p_arr);
    m->arrival_source = get_string (l, a, "source", p_arr, TRUE);
  }

  p_gap = g_strdup_printf ("%s.price_gap", path);
  m->price_gap = get_figure (l, o, "price_gap", path, TRUE, &m->price_gap_source);
  gap = o != NULL && l->error == NULL ? get_object (l, o, "price_gap", path) : NULL;
  tau_gap = gap != NULL ? number_of (l, json_object_get_member (gap, "tariff_pct"), p_gap, FALSE) : 0.0;
  m->price_gap_tariff_pct = tau_gap;
  if (l->error == NULL && isfinite (m->price_gap) && (m->price_gap <= -0.9 || m->price_gap > 1.0))
    lf_json_fail (l, p_gap, "%g is out of range (above -0.9, at most 1)", m->price_gap);
  if (l->error == NULL && !(tau_gap >= 0.0 && tau_gap <= 500.0))
    lf_json_fail (l, p_gap, "tariff_pct %g is out of range (0 to 500)", tau_gap);

  get_path (l, o, "market_size", path, m, m->market_size, 0.0, 1e9, TRUE, &m->market_size_source);
  get_path (l, o, "tariff_pct", path, m, m->tariff_pct, 0.0, 500.0, FALSE, &m->tariff_source);
  get_path (l, o, "ev_share", path, m, m->ev_share, 0.0, 1.0, TRUE, &m->ev_share_source);
  if (l->error != NULL)
    return;
  if (m->base == LF_VALIDATION_BASE_ALL && m->ev_only)
    for (int y = m->first_year; y <= m->last_year; y++)
      if (!isfinite (m->ev_share[lf_validation_year_index (y)]))
        lf_json_fail (l, path, "ev_share is needed in %d: the shares are of all cars and the Chinese brands sold only EVs", y);

  p_obs = g_strdup_printf ("%s.observed_share_pct", path);
  n = json_object_get_member (o, "observed_share_pct");
  if (n == NULL || !JSON_NODE_HOLDS_ARRAY (n) || json_array_get_length (points = json_node_get_array (n)) == 0)
    {
      lf_json_fail (l, p_obs, "must be a non-empty array");
      return;
    }
  if (json_array_get_length (points) > LF_VALIDATION_MAX_POINTS)
    {
      lf_json_fail (l, p_obs, "more than %d points", LF_VALIDATION_MAX_POINTS);
      return;
    }
  for (guint i = 0; i < json_array_get_length (points) && l->error == NULL; i++)
    {
      g_autofree char *pi = g_strdup_printf ("%s[%u]", p_obs, i);
      g_autofree char *py = g_strdup_printf ("%s.year", pi);
      g_autofree char *pv = g_strdup_printf ("%s.value", pi);
      JsonNode *e = json_array_get_element (points, i);
      JsonObject *po;
      LfValidationPoint *pt = &m->points[m->n_points];

      if (!JSON_NODE_HOLDS_OBJECT (e))
        {
          lf_json_fail (l, pi, "must be an object");
          break;
        }
      po = json_node_get_object (e);
      pt->year = get_year (l, json_object_get_member (po, "year"), py);
      pt->observed_pct = number_of (l, json_object_get_member (po, "value"), pv, FALSE);
      pt->source = get_string (l, po, "source", pi, TRUE);
      pt->note = get_string (l, po, "note", pi, FALSE);
      m->n_points++;
      if (l->error != NULL)
        break;
      if (!(pt->observed_pct >= 0.0 && pt->observed_pct <= 100.0))
        lf_json_fail (l, pv, "%g is not a share from 0 to 100", pt->observed_pct);
      else if (pt->year < m->first_year || pt->year > m->last_year)
        lf_json_fail (l, py, "%d is outside first_year to last_year (%d to %d)", pt->year, m->first_year, m->last_year);
      else if (i > 0 && pt->year <= m->points[m->n_points - 2].year)
        lf_json_fail (l, py, "%d: the years must rise", pt->year);
    }
}

static void
market_clear (LfValidationMarket *m)
{
  g_free (m->id);
  g_free (m->name);
  g_free (m->definition);
  g_free (m->definition_source);
  g_free (m->ev_only_source);
  g_free (m->arrival_source);
  g_free (m->price_gap_source);
  g_free (m->market_size_source);
  g_free (m->tariff_source);
  g_free (m->ev_share_source);
  for (int j = 0; j < m->n_points; j++)
    {
      g_free (m->points[j].source);
      g_free (m->points[j].note);
    }
}

void
lf_validation_free (LfValidation *v)
{
  if (v == NULL)
    return;
  for (int i = 0; i < v->n_markets; i++)
    market_clear (&v->markets[i]);
  g_free (v);
}

/**
 * lf_validation_load_bytes:
 * Reads the backtest's data, runs it with @baseline's parameters, fits the
 * acceptance speed and consideration cap, and evaluates both.
 */
LfValidation *
lf_validation_load_bytes (const LfBaseline *baseline,
                          GBytes           *bytes,
                          const char       *display,
                          GError          **error)
{
  g_autoptr(LfValidation) v = g_new0 (LfValidation, 1);
  g_autoptr(JsonNode) root = NULL;
  LfJsonLoader l = { display, NULL };
  JsonObject *o;
  JsonNode *n;
  JsonArray *markets = NULL;
  gsize len = 0;
  const char *data;

  g_return_val_if_fail (baseline != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  root = lf_json_parse (data, len, &l.error);
  if (root == NULL)
    {
      g_prefix_error (&l.error, "%s: ", display);
      g_propagate_error (error, l.error);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: the top level must be an object", display);
      return NULL;
    }
  o = json_node_get_object (root);
  n = json_object_get_member (o, "format");
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_INT64 ||
      json_node_get_int (n) != 1)
    lf_json_fail (&l, "format", "must be 1");
  n = json_object_get_member (o, "markets");
  if (l.error == NULL && (n == NULL || !JSON_NODE_HOLDS_ARRAY (n) ||
                          json_array_get_length (markets = json_node_get_array (n)) == 0))
    lf_json_fail (&l, "markets", "must be a non-empty array");
  else if (l.error == NULL && json_array_get_length (markets) > LF_VALIDATION_MAX_MARKETS)
    lf_json_fail (&l, "markets", "more than %d markets", LF_VALIDATION_MAX_MARKETS);
  for (guint i = 0; l.error == NULL && markets != NULL && i < json_array_get_length (markets); i++)
    {
      g_autofree char *path = g_strdup_printf ("markets[%u]", i);
      JsonNode *e = json_array_get_element (markets, i);

      if (!JSON_NODE_HOLDS_OBJECT (e))
        {
          lf_json_fail (&l, path, "must be an object");
          break;
        }
      load_market (&l, json_node_get_object (e), path, &v->markets[v->n_markets]);
      v->n_markets++;
      for (int k = 0; l.error == NULL && k < v->n_markets - 1; k++)
        if (g_str_equal (v->markets[k].id, v->markets[v->n_markets - 1].id))
          lf_json_fail (&l, path, "the id '%s' is used twice", v->markets[k].id);
    }
  if (l.error != NULL)
    {
      g_propagate_error (error, l.error);
      return NULL;
    }

  lf_validation_params_from_baseline (baseline, &v->params);
  v->fitted = v->params;
  lf_validation_fit (v);
  return g_steal_pointer (&v);
}

/**
 * lf_validation_load_default:
 * The built-in data/validation.json, run with @baseline's parameters.
 */
LfValidation *
lf_validation_load_default (const LfBaseline *baseline,
                            GError          **error)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (landfall_get_resource (), LF_VALIDATION_RESOURCE,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;
  return lf_validation_load_bytes (baseline, bytes, "validation.json (built in)", error);
}

/* ---- output ------------------------------------------------------------------- */

static void
append_field (GString *out, const char *text)
{
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *c = text; *c; c++)
    {
      if (*c == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
}

static void
append_number (GString *out, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.2f", v);
  g_string_append (out, strcmp (buf, "-0.00") == 0 ? "0.00" : buf);
}

/**
 * lf_validation_to_csv:
 * One header row and one row per observed year, in every locale the same:
 * market, year, observed_share_pct, model_share_pct, source, then base
 * (all or ev), definition and fitted_share_pct.
 */
char *
lf_validation_to_csv (const LfValidation *v)
{
  GString *out = g_string_new ("market,year,observed_share_pct,model_share_pct,source,base,definition,fitted_share_pct\n");

  for (int i = 0; i < v->n_markets; i++)
    {
      const LfValidationMarket *m = &v->markets[i];

      for (int j = 0; j < m->n_points; j++)
        {
          const LfValidationPoint *pt = &m->points[j];
          g_autofree char *def = pt->note != NULL ? g_strdup_printf ("%s (%s)", m->definition, pt->note)
                                                  : g_strdup (m->definition);

          append_field (out, m->id);
          g_string_append_printf (out, ",%d,", pt->year);
          append_number (out, pt->observed_pct);
          g_string_append_c (out, ',');
          append_number (out, pt->model_pct);
          g_string_append_c (out, ',');
          append_field (out, pt->source);
          g_string_append_c (out, ',');
          g_string_append (out, lf_validation_base_name (m->base));
          g_string_append_c (out, ',');
          append_field (out, def);
          g_string_append_c (out, ',');
          append_number (out, pt->fitted_pct);
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}
