/* lf-baseline.c: read data/baseline.json (every figure carries its source). */
#define G_LOG_DOMAIN "landfall-model"

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "lf-baseline.h"
#include "lf-file.h"
#include "lf-json.h"
#include "lf-param.h"
#include "landfall-resources.h"

static JsonObject *
get_object (LfJsonLoader *l, JsonObject *parent, const char *path, const char *member)
{
  JsonNode *node;

  if (l->error != NULL)
    return NULL;
  node = parent ? json_object_get_member (parent, member) : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      lf_json_fail (l, path, "missing object '%s'", member);
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
has_source (JsonObject *obj)
{
  JsonNode *node = json_object_get_member (obj, "source");

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING &&
         *json_node_get_string (node) != '\0';
}

/* An optional member of a known type: absent gives the default; present
 * with another type is an error, never a crash. */
static gboolean
get_bool (LfJsonLoader *l, JsonObject *obj, const char *path, const char *member, gboolean fallback)
{
  JsonNode *node = obj ? json_object_get_member (obj, member) : NULL;

  if (node == NULL)
    return fallback;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      lf_json_fail (l, path, "'%s' must be true or false", member);
      return fallback;
    }
  return json_node_get_boolean (node);
}

static int
get_year (LfJsonLoader *l, JsonObject *obj, const char *path, const char *member)
{
  JsonNode *node = obj ? json_object_get_member (obj, member) : NULL;

  if (node == NULL)
    return 0;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < LF_FIRST_YEAR || json_node_get_int (node) > LF_LAST_YEAR)
    {
      lf_json_fail (l, path, "'%s' must be a year from %d to %d", member, LF_FIRST_YEAR, LF_LAST_YEAR);
      return 0;
    }
  return (int) json_node_get_int (node);
}

static double
node_number (LfJsonLoader *l, JsonNode *node, const char *path)
{
  double v;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE &&
       json_node_get_value_type (node) != G_TYPE_INT64))
    {
      lf_json_fail (l, path, "expected a number");
      return 0.0;
    }
  v = json_node_get_double (node);
  if (!isfinite (v))
    lf_json_fail (l, path, "not a finite number");
  return v;
}

/* A figure: { "value": N, "source": "…" } */
static double
get_figure (LfJsonLoader *l, JsonObject *parent, const char *path, const char *member)
{
  g_autofree char *sub = g_strdup_printf ("%s.%s", path, member);
  JsonObject *obj = get_object (l, parent, path, member);

  if (obj == NULL)
    return 0.0;
  if (!has_source (obj))
    lf_json_fail (l, sub, "figure has no source");
  return node_number (l, json_object_get_member (obj, "value"), sub);
}

/* A yearly path or short list: { "values": [N…], "source": "…" } */
static void
get_values_in (LfJsonLoader *l, JsonObject *obj, const char *path, double *out, guint n)
{
  JsonNode *node;
  JsonArray *array;

  if (l->error != NULL || obj == NULL)
    return;
  if (!has_source (obj))
    {
      lf_json_fail (l, path, "figure has no source");
      return;
    }
  node = json_object_get_member (obj, "values");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      lf_json_fail (l, path, "missing array 'values'");
      return;
    }
  array = json_node_get_array (node);
  if (json_array_get_length (array) != n)
    {
      lf_json_fail (l, path, "expected %u values, found %u", n, json_array_get_length (array));
      return;
    }
  for (guint i = 0; i < n; i++)
    out[i] = node_number (l, json_array_get_element (array, i), path);
}

static void
get_values (LfJsonLoader *l, JsonObject *parent, const char *path, const char *member,
            double *out, guint n)
{
  g_autofree char *sub = g_strdup_printf ("%s.%s", path, member);
  get_values_in (l, get_object (l, parent, path, member), sub, out, n);
}

static const char *
get_string (LfJsonLoader *l, JsonObject *obj, const char *path, const char *member)
{
  JsonNode *node;

  if (l->error != NULL || obj == NULL)
    return "";
  node = json_object_get_member (obj, member);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      lf_json_fail (l, path, "missing string '%s'", member);
      return "";
    }
  return json_node_get_string (node);
}

static void
check_range (LfJsonLoader *l, const char *path, double v, double lo, double hi)
{
  if (l->error == NULL && (v < lo || v > hi))
    lf_json_fail (l, path, "%g is outside %g to %g", v, lo, hi);
}

static void
load_market (LfJsonLoader *l, LfBaseline *b, JsonObject *root)
{
  JsonObject *m = get_object (l, root, "", "market");
  JsonObject *ts = get_object (l, m, "market", "tier_share");
  JsonObject *tp = get_object (l, m, "market", "tier_price");

  get_values (l, m, "market", "lv_sales", b->lv_sales, LF_N_YEARS);
  {
    JsonObject *paths = get_object (l, m, "market", "ev_paths");
    const LfParamInfo *info = lf_param_info (LF_PARAM_EV_PATH);

    for (int k = 0; k < LF_N_EV_PATHS && l->error == NULL; k++)
      {
        JsonObject *path = get_object (l, paths, "market.ev_paths", info->choices[k]);
        g_autofree char *where = g_strdup_printf ("market.ev_paths.%s", info->choices[k]);

        get_values_in (l, path, where, b->ev_path[k], LF_N_YEARS);
        for (int y = 0; y < LF_N_YEARS; y++)
          check_range (l, where, b->ev_path[k][y], 0, 1);
        /* The actual years are the same whatever the path. */
        for (int y = 0; y < lf_year_index (LF_FIRST_PROJECTED_YEAR); y++)
          if (l->error == NULL && b->ev_path[k][y] != b->ev_path[0][y])
            lf_json_fail (l, where, "%d is an actual year: every path must give it the same value",
                  LF_FIRST_YEAR + y);
      }
  }
  for (int t = 0; t < LF_N_TIERS; t++)
    {
      get_values (l, ts, "market.tier_share", lf_tier_name (t), b->tier_share[t], LF_N_YEARS);
      b->tier_price[t] = get_figure (l, tp, "market.tier_price", lf_tier_name (t));
      check_range (l, "market.tier_price", b->tier_price[t], 1000, 1e6);
    }
  for (int y = 0; y < LF_N_YEARS && l->error == NULL; y++)
    {
      double sum = 0;
      for (int t = 0; t < LF_N_TIERS; t++)
        sum += b->tier_share[t][y];
      if (fabs (sum - 1.0) > 1e-6)
        lf_json_fail (l, "market.tier_share", "shares in %d add up to %g, not 1", LF_FIRST_YEAR + y, sum);
      check_range (l, "market.lv_sales", b->lv_sales[y], 0, 1e9);
    }
  b->actual_ev_sales_2025 = get_figure (l, m, "market", "ev_sales_2025");
  check_range (l, "market.ev_sales_2025", b->actual_ev_sales_2025, 1, b->lv_sales[0]);
  /* 2025 is the calibration year: its EV share is derived from the actual sales. */
  if (l->error == NULL)
    for (int k = 0; k < LF_N_EV_PATHS; k++)
      b->ev_path[k][0] = b->actual_ev_sales_2025 / b->lv_sales[0];
  b->actual_avg_ev_price_2025 = get_figure (l, m, "market", "avg_ev_price_2025");
  check_range (l, "market.avg_ev_price_2025", b->actual_avg_ev_price_2025, 0, 1e7);
  b->nest_lambda = get_figure (l, m, "market", "nest_lambda");
  check_range (l, "market.nest_lambda", b->nest_lambda, 0, 1);
  get_values (l, m, "market", "consideration_trend", b->consideration_trend, LF_N_YEARS);
  for (int y = 0; y < LF_N_YEARS; y++)
    check_range (l, "market.consideration_trend", b->consideration_trend[y], 0, 10);
  b->max_ev_share = get_figure (l, m, "market", "max_ev_share");
  check_range (l, "market.max_ev_share", b->max_ev_share, 0.01, 1);
  b->construction_jobs_per_unit = get_figure (l, m, "market", "construction_jobs_per_unit");
  check_range (l, "market.construction_jobs_per_unit", b->construction_jobs_per_unit, 0, 1);
}

static void
load_ford (LfJsonLoader *l, LfBaseline *b, JsonObject *root)
{
  JsonObject *f = get_object (l, root, "", "ford");
  JsonObject *sales = get_object (l, f, "ford", "ev_sales_2025");
  JsonObject *share = get_object (l, f, "ford", "share_of_tier");
  double ev2025 = b->lv_sales[0] * b->ev_path[LF_EV_PATH_CENTRAL][0];

  b->actual_ford_ev_2025 = 0;
  for (int t = 0; t < LF_N_TIERS; t++)
    {
      double units = get_figure (l, sales, "ford.ev_sales_2025", lf_tier_name (t));

      get_values (l, share, "ford.share_of_tier", lf_tier_name (t), b->ford_share[t], LF_N_YEARS);
      /* 2025 is derived so that the model reproduces Ford's 2025 sales exactly. */
      b->ford_share[t][0] = ev2025 > 0 && b->tier_share[t][0] > 0
                            ? units / (ev2025 * b->tier_share[t][0]) : 0.0;
      check_range (l, "ford.ev_sales_2025", units, 0, 1e8);
      b->actual_ford_ev_2025 += units;
      for (int y = 0; y < LF_N_YEARS; y++)
        check_range (l, "ford.share_of_tier", b->ford_share[t][y], 0, 1);
    }
  {
    JsonObject *margin = get_object (l, f, "ford", "unit_margin");
    JsonObject *fixed = get_object (l, f, "ford", "fixed_cost");
    const LfParamInfo *info = lf_param_info (LF_PARAM_FORD_CASE);

    /* One path of each for Ford's guidance and for a downside. */
    for (int c = 0; c < LF_N_FORD_CASES && l->error == NULL; c++)
      {
        get_values (l, margin, "ford.unit_margin", info->choices[c], b->ford_margin[c], LF_N_YEARS);
        get_values (l, fixed, "ford.fixed_cost", info->choices[c], b->ford_fixed_cost[c], LF_N_YEARS);
        for (int y = 0; y < LF_N_YEARS; y++)
          {
            check_range (l, "ford.unit_margin", b->ford_margin[c][y], -1e6, 1e6);
            check_range (l, "ford.fixed_cost", b->ford_fixed_cost[c][y], 0, 1e6);
          }
        for (int y = 0; y < lf_year_index (LF_FIRST_PROJECTED_YEAR) && l->error == NULL; y++)
          if (b->ford_margin[c][y] != b->ford_margin[0][y] ||
              b->ford_fixed_cost[c][y] != b->ford_fixed_cost[0][y])
            lf_json_fail (l, "ford", "%d is an actual year: every case must give it the same margin and fixed cost",
                  LF_FIRST_YEAR + y);
      }
  }
  b->ford_scale_gain = get_figure (l, f, "ford", "scale_gain");
  check_range (l, "ford.scale_gain", b->ford_scale_gain, 0, 1e5);
  b->actual_ford_ebit_2025 = get_figure (l, f, "ford", "ebit_2025");
  check_range (l, "ford.ebit_2025", b->actual_ford_ebit_2025, -1e6, 1e6);
  b->ford_volume_ref = b->actual_ford_ev_2025;
  /* 2025 fixed cost is calibrated: EBIT = volume × margin − fixed cost. */
  for (int c = 0; c < LF_N_FORD_CASES; c++)
    b->ford_fixed_cost[c][0] = b->ford_volume_ref * b->ford_margin[c][0] / 1e6 - b->actual_ford_ebit_2025;
  if (b->ford_volume_ref <= 0)
    lf_json_fail (l, "ford.ev_sales_2025", "Ford's 2025 EV sales must be positive");
}

static void
get_range (LfJsonLoader *l, JsonObject *parent, const char *path, const char *member, LfRange *r)
{
  JsonObject *o = get_object (l, parent, path, member);
  g_autofree char *where = g_strdup_printf ("%s.%s", path, member);

  if (o == NULL)
    return;
  if (!has_source (o))
    {
      lf_json_fail (l, where, "figure has no source");
      return;
    }
  r->central = node_number (l, json_object_get_member (o, "value"), where);
  r->low = node_number (l, json_object_get_member (o, "low"), where);
  r->high = node_number (l, json_object_get_member (o, "high"), where);
  check_range (l, where, r->low, 0.1, 10);
  check_range (l, where, r->high, 0.1, 10);
  if (l->error == NULL && !(r->low <= r->central && r->central <= r->high))
    lf_json_fail (l, where, "low ≤ value ≤ high does not hold");
}

static void
load_uncertainty (LfJsonLoader *l, LfBaseline *b, JsonObject *root)
{
  JsonObject *u = get_object (l, root, "", "uncertainty");

  get_range (l, u, "uncertainty", "entrant_cost", &b->entrant_cost);
  get_range (l, u, "uncertainty", "entrant_appeal", &b->entrant_appeal);
}

static void
load_trade (LfJsonLoader *l, LfBaseline *b, JsonObject *root)
{
  JsonObject *t = get_object (l, root, "", "trade");

  b->customs_value_factor = get_figure (l, t, "trade", "customs_value_factor");
  check_range (l, "trade.customs_value_factor", b->customs_value_factor, 0, 1);
  b->incumbent_markup = get_figure (l, t, "trade", "incumbent_markup");
  check_range (l, "trade.incumbent_markup", b->incumbent_markup, 0, 2);
  b->credit_pass_through = get_figure (l, t, "trade", "credit_pass_through");
  check_range (l, "trade.credit_pass_through", b->credit_pass_through, 0, 1);
}

static void
load_parameters (LfJsonLoader *l, LfBaseline *b, JsonObject *root)
{
  JsonObject *p = get_object (l, root, "", "parameters");
  GList *members;

  if (p == NULL)
    return;
  members = json_object_get_members (p);
  for (GList *it = members; it != NULL && l->error == NULL; it = it->next)
    {
      const char *key = it->data;
      g_autofree char *path = g_strdup_printf ("parameters.%s", key);
      JsonObject *obj = get_object (l, p, "parameters", key);
      JsonNode *value;
      LfRange *range;

      if (obj == NULL)
        break;
      if (!has_source (obj))
        {
          lf_json_fail (l, path, "figure has no source");
          break;
        }
      range = g_new0 (LfRange, 1);
      value = json_object_get_member (obj, "value");
      if (value != NULL && json_node_get_value_type (value) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (value), "unlimited") == 0)
        range->central = INFINITY;
      else
        range->central = node_number (l, value, path);
      range->low = json_object_has_member (obj, "low")
                   ? node_number (l, json_object_get_member (obj, "low"), path) : range->central;
      range->high = json_object_has_member (obj, "high")
                    ? node_number (l, json_object_get_member (obj, "high"), path) : range->central;
      if (l->error == NULL && !(range->low <= range->central && range->central <= range->high))
        lf_json_fail (l, path, "low ≤ value ≤ high does not hold");
      g_hash_table_insert (b->param_defaults, g_strdup (key), range);
      g_hash_table_insert (b->param_sources, g_strdup (key),
                           g_strdup (json_object_get_string_member (obj, "source")));
    }
  g_list_free (members);
}

static gboolean
parse_origin (const char *s, LfOrigin *out)
{
  for (int o = 0; o < LF_N_ORIGINS; o++)
    if (g_strcmp0 (s, lf_origin_name (o)) == 0)
      {
        *out = o;
        return TRUE;
      }
  return FALSE;
}

static JsonArray *
get_array (LfJsonLoader *l, JsonObject *root, const char *member, guint max)
{
  JsonNode *node = root ? json_object_get_member (root, member) : NULL;
  JsonArray *a;

  if (l->error != NULL)
    return NULL;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      lf_json_fail (l, member, "missing array");
      return NULL;
    }
  a = json_node_get_array (node);
  if (json_array_get_length (a) > max)
    {
      lf_json_fail (l, member, "more than %u entries", max);
      return NULL;
    }
  return a;
}

static JsonObject *
array_object (LfJsonLoader *l, JsonArray *a, guint i, const char *path)
{
  JsonNode *node = json_array_get_element (a, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      lf_json_fail (l, path, "entry %u is not an object", i);
      return NULL;
    }
  return json_node_get_object (node);
}

static void
load_makers (LfJsonLoader *l, LfBaseline *b, JsonObject *root)
{
  JsonArray *a = get_array (l, root, "makers", LF_MAX_MAKERS);

  for (guint i = 0; a != NULL && i < json_array_get_length (a) && l->error == NULL; i++)
    {
      JsonObject *o = array_object (l, a, i, "makers");
      LfMaker *m = &b->makers[i];
      const char *id = get_string (l, o, "makers", "id");
      g_autofree char *path = g_strdup_printf ("makers.%s", id);
      JsonObject *appeal;

      if (l->error != NULL)
        break;
      if (!lf_id_is_valid (id, -1) || lf_baseline_find_maker (b, id) >= 0)
        {
          lf_json_fail (l, path, "maker id must be unique, lower-case letters, digits and '-'");
          break;
        }
      m->id = g_strdup (id);
      m->name = g_strdup (get_string (l, o, path, "name"));
      m->chinese_controlled = get_bool (l, o, path, "chinese_controlled", TRUE);
      m->unit_cost = get_figure (l, o, path, "unit_cost");
      check_range (l, path, m->unit_cost, 0.1, 5);
      m->margin = get_figure (l, o, path, "margin");
      check_range (l, path, m->margin, 0, 2);
      appeal = get_object (l, o, path, "appeal");
      if (appeal != NULL && !has_source (appeal))
        lf_json_fail (l, path, "appeal has no source");
      for (int t = 0; t < LF_N_TIERS && l->error == NULL; t++)
        {
          m->appeal[t] = node_number (l, json_object_get_member (appeal, lf_tier_name (t)), path);
          check_range (l, path, m->appeal[t], 0, 10);
        }
      b->n_makers = i + 1;
    }
}

static void
load_sites (LfJsonLoader *l, LfBaseline *b, JsonObject *root)
{
  JsonArray *a = get_array (l, root, "sites", LF_MAX_SITES);

  for (guint i = 0; a != NULL && i < json_array_get_length (a) && l->error == NULL; i++)
    {
      JsonObject *o = array_object (l, a, i, "sites");
      LfSite *s = &b->sites[i];
      const char *id = get_string (l, o, "sites", "id");
      g_autofree char *path = g_strdup_printf ("sites.%s", id);

      if (l->error != NULL)
        break;
      if (!lf_id_is_valid (id, -1) || lf_baseline_find_site (b, id) >= 0)
        {
          lf_json_fail (l, path, "site id must be unique, lower-case letters, digits and '-'");
          break;
        }
      s->id = g_strdup (id);
      s->name = g_strdup (get_string (l, o, path, "name"));
      if (l->error == NULL && !parse_origin (get_string (l, o, path, "origin"), &s->origin))
        lf_json_fail (l, path, "origin must be china, mexico, us or canada");
      s->lat = node_number (l, json_object_get_member (o, "lat"), path);
      s->lon = node_number (l, json_object_get_member (o, "lon"), path);
      check_range (l, path, s->lat, -90, 90);
      check_range (l, path, s->lon, -180, 180);
      s->ford_owned = get_bool (l, o, path, "ford_owned", FALSE);
      s->cost_factor = get_figure (l, o, path, "cost_factor");
      check_range (l, path, s->cost_factor, 0.1, 5);
      {
        /* Checked as a number before it becomes an int: a huge value must not overflow. */
        double year = get_figure (l, o, path, "earliest_year");
        check_range (l, path, year, LF_FIRST_YEAR, LF_LAST_YEAR);
        s->earliest_year = l->error == NULL ? (int) year : LF_FIRST_YEAR;
      }
      get_values (l, o, path, "ramp", s->ramp, 3);
      for (int r = 0; r < 3; r++)
        check_range (l, path, s->ramp[r], 0, 1);
      s->jobs_per_unit = get_figure (l, o, path, "jobs_per_unit");
      check_range (l, path, s->jobs_per_unit, 0, 1);
      b->n_sites = i + 1;
    }
}

/* The first of the first @n plants with @id, or -1. */
static int
find_plant_spec (const LfBaseline *b, const char *id, int n)
{
  for (int i = 0; i < n; i++)
    if (g_strcmp0 (b->plants[i].id, id) == 0)
      return i;
  return -1;
}

static void
load_plants (LfJsonLoader *l, LfBaseline *b, JsonObject *root)
{
  JsonArray *a = get_array (l, root, "plants", LF_MAX_PLANTS);

  for (guint i = 0; a != NULL && i < json_array_get_length (a) && l->error == NULL; i++)
    {
      JsonObject *o = array_object (l, a, i, "plants");
      LfPlantSpec *p = &b->plants[i];
      const char *id = get_string (l, o, "plants", "id");
      g_autofree char *path = g_strdup_printf ("plants.%s", id);

      if (l->error != NULL)
        break;
      p->id = g_strdup (id);
      p->maker = g_strdup (get_string (l, o, path, "maker"));
      p->site = g_strdup (get_string (l, o, path, "site"));
      p->capacity = get_figure (l, o, path, "capacity");
      p->start_year = get_year (l, o, path, "start_year");
      b->n_plants = i + 1;
      if (l->error != NULL)
        break;
      if (!lf_id_is_valid (id, -1))
        lf_json_fail (l, path, "plant id must be lower-case letters, digits and '-'");
      else if (find_plant_spec (b, id, (int) i) >= 0)
        lf_json_fail (l, path, "plant id is used twice (a scenario names plants by id)");
      else if (lf_baseline_find_maker (b, p->maker) < 0)
        lf_json_fail (l, path, "unknown maker '%s'", p->maker);
      else if (lf_baseline_find_site (b, p->site) < 0)
        lf_json_fail (l, path, "unknown site '%s'", p->site);
      check_range (l, path, p->capacity, 0, 2e6);
      if (p->start_year != 0)
        check_range (l, path, p->start_year, LF_FIRST_YEAR, LF_LAST_YEAR);
    }
}

/**
 * lf_baseline_load_bytes:
 * Returns: (transfer full) (nullable): the baseline, or %NULL with @error set
 */
LfBaseline *
lf_baseline_load_bytes (GBytes     *bytes,
                        const char *display_name,
                        GError    **error)
{
  g_autoptr(LfBaseline) b = g_atomic_rc_box_new0 (LfBaseline);
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *display = lf_text_one_line (display_name, -1);
  LfJsonLoader l = { display, NULL };
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL && display_name != NULL, NULL);
  data = g_bytes_get_data (bytes, &size);
  b->param_defaults = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  b->param_sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (size > LF_BASELINE_MAX_FILE_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: file is %" G_GSIZE_FORMAT " bytes, larger than the %d-byte limit",
                   display, size, LF_BASELINE_MAX_FILE_SIZE);
      return NULL;
    }
  /* Strict UTF-8, bounded nesting, no duplicate members: see lf-json.h. */
  root = lf_json_parse (data, size, &parse_error);
  if (root == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: %s", display, parse_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: the top level must be an object", display);
      return NULL;
    }
  load_market (&l, b, json_node_get_object (root));
  load_ford (&l, b, json_node_get_object (root));
  load_trade (&l, b, json_node_get_object (root));
  load_uncertainty (&l, b, json_node_get_object (root));
  load_parameters (&l, b, json_node_get_object (root));
  load_makers (&l, b, json_node_get_object (root));
  /* An entrant's price, China-built, before tariff: its cost plus its margin,
   * relative to the incumbents' cost plus theirs. */
  for (int m = 0; m < b->n_makers; m++)
    b->makers[m].price_factor = b->makers[m].unit_cost * (1.0 + b->makers[m].margin) /
                                (1.0 + b->incumbent_markup);
  load_sites (&l, b, json_node_get_object (root));
  load_plants (&l, b, json_node_get_object (root));
  /* Every lever needs a default inside its own range, or no scenario can start. */
  for (int i = 0; i < LF_N_PARAMS && l.error == NULL; i++)
    {
      const LfParamInfo *info = lf_param_info (i);
      const LfRange *r = lf_baseline_get_range (b, info->key);
      g_autofree char *path = g_strdup_printf ("parameters.%s", info->key);

      if (r == NULL)
        lf_json_fail (&l, path, "missing: every parameter needs a default");
      else if (!(isinf (r->central) && r->central > 0 && (info->flags & LF_PARAM_FLAG_UNLIMITED)))
        {
          check_range (&l, path, r->central, info->min, info->max);
          check_range (&l, path, r->low, info->min, info->max);
          check_range (&l, path, r->high, info->min, info->max);
          if (l.error == NULL && (info->flags & LF_PARAM_FLAG_INTEGER) && r->central != floor (r->central))
            lf_json_fail (&l, path, "%g is not a whole number", r->central);
        }
    }
  if (b->n_makers == 0 || b->n_sites == 0)
    lf_json_fail (&l, "makers/sites", "at least one maker and one site are needed");
  if (l.error != NULL)
    {
      g_propagate_error (error, l.error);
      return NULL;
    }
  return g_steal_pointer (&b);
}

LfBaseline *
lf_baseline_load_file (const char *path,
                       GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  /* A regular file of at most the cap, never a FIFO or device (lf-file.h). */
  bytes = lf_file_read (path, LF_BASELINE_MAX_FILE_SIZE, error);
  if (bytes == NULL)
    return NULL;
  display = lf_file_display_name (path);
  return lf_baseline_load_bytes (bytes, display, error);
}

/* @override: LANDFALL_BASELINE's value, or NULL */
static LfBaseline *
load_default_now (const char *override, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (override != NULL && *override != '\0')
    return lf_baseline_load_file (override, error);
  /* Referencing the resource keeps it linked in from the static library. */
  bytes = g_resource_lookup_data (landfall_get_resource (), LF_BASELINE_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  return lf_baseline_load_bytes (bytes, "baseline.json (built in)", error);
}

/* The default baseline being loaded ahead, and what came of it. */
typedef struct {
  LfBaseline *baseline;
  GError     *error;
} Preload;

static GThread *preload_thread;

static gpointer
preload_thread_func (gpointer data)
{
  g_autofree char *override = data;
  Preload *p = g_new0 (Preload, 1);

  p->baseline = load_default_now (override, &p->error);
  return p;
}

/**
 * lf_baseline_preload_default:
 *
 * Starts loading the default baseline in a thread, for the next
 * lf_baseline_load_default() to take (the program calls this first thing at
 * start-up, and the window takes it once the toolkit has started). Call both
 * from the same thread.
 */
void
lf_baseline_preload_default (void)
{
  char *override;

  if (preload_thread != NULL)
    return;
  /* The environment is read here, not in the thread. */
  override = g_strdup (g_getenv ("LANDFALL_BASELINE"));
  preload_thread = g_thread_try_new ("landfall-baseline", preload_thread_func, override, NULL);
  /* Without a thread to be had, lf_baseline_load_default() loads it itself. */
  if (preload_thread == NULL)
    g_free (override);
}

/**
 * lf_baseline_load_default:
 * The baseline embedded in the program, or the file named by
 * LANDFALL_BASELINE when an analyst sets it: the one loaded ahead by
 * lf_baseline_preload_default() if there is one (waiting for it), else
 * loaded now.
 */
LfBaseline *
lf_baseline_load_default (GError **error)
{
  if (preload_thread != NULL)
    {
      Preload *p = g_thread_join (g_steal_pointer (&preload_thread));
      LfBaseline *baseline = p->baseline;

      if (p->error != NULL)
        g_propagate_error (error, p->error);
      g_free (p);
      return baseline;
    }
  return load_default_now (g_getenv ("LANDFALL_BASELINE"), error);
}

static void
baseline_clear (LfBaseline *b)
{
  for (int i = 0; i < b->n_makers; i++)
    {
      g_free (b->makers[i].id);
      g_free (b->makers[i].name);
    }
  for (int i = 0; i < b->n_sites; i++)
    {
      g_free (b->sites[i].id);
      g_free (b->sites[i].name);
    }
  for (int i = 0; i < b->n_plants; i++)
    {
      g_free (b->plants[i].id);
      g_free (b->plants[i].maker);
      g_free (b->plants[i].site);
    }
  g_clear_pointer (&b->param_defaults, g_hash_table_unref);
  g_clear_pointer (&b->param_sources, g_hash_table_unref);
}

/* Baselines are shared (by a window's documents and their background jobs)
 * and read-only once loaded: the last reference frees one. */
LfBaseline *
lf_baseline_ref (LfBaseline *b)
{
  g_return_val_if_fail (b != NULL, NULL);
  return g_atomic_rc_box_acquire (b);
}

void
lf_baseline_unref (LfBaseline *b)
{
  if (b != NULL)
    g_atomic_rc_box_release_full (b, (GDestroyNotify) baseline_clear);
}

int
lf_baseline_find_maker (const LfBaseline *b, const char *id)
{
  for (int i = 0; i < b->n_makers; i++)
    if (g_strcmp0 (b->makers[i].id, id) == 0)
      return i;
  return -1;
}

int
lf_baseline_find_site (const LfBaseline *b, const char *id)
{
  for (int i = 0; i < b->n_sites; i++)
    if (g_strcmp0 (b->sites[i].id, id) == 0)
      return i;
  return -1;
}

const LfRange *
lf_baseline_get_range (const LfBaseline *b, const char *key)
{
  return g_hash_table_lookup (b->param_defaults, key);
}

const char *
lf_baseline_get_source (const LfBaseline *b, const char *key)
{
  return g_hash_table_lookup (b->param_sources, key);
}
