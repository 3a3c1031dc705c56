/* lf-output.c: projections as CSV or JSON (numbers in the C locale, via lf-format). */
#define G_LOG_DOMAIN "landfall-model"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "lf-format.h"
#include "lf-output.h"

const LfSeries lf_banded_series[] = {
  LF_SERIES_EV_SALES,
  LF_SERIES_CHINESE_EV_SALES,
  LF_SERIES_CHINESE_SHARE_EV_PCT,
  LF_SERIES_CHINA_BUILT_SHARE_EV_PCT,
  LF_SERIES_FORD_EV_SALES,
  LF_SERIES_FORD_EV_SALES_NO_ENTRY,
  LF_SERIES_FORD_EV_EBIT_MUSD,
  LF_SERIES_FORD_EV_EBIT_NO_ENTRY_MUSD,
  LF_SERIES_FORD_PARTNER_INCOME_MUSD,
  LF_SERIES_FORD_EV_SALES_CHANGE,
  LF_SERIES_FORD_EV_EBIT_CHANGE_MUSD,
  LF_SERIES_FORD_NET_EFFECT_MUSD,
};
const int lf_n_banded_series = G_N_ELEMENTS (lf_banded_series);

/* Digits after the point in CSV: units to whole vehicles, percentages to 3
 * decimals, money to 0.1 M USD. */
static int
series_decimals (LfSeries s)
{
  switch (s)
    {
    case LF_SERIES_EV_SHARE_PCT:
    case LF_SERIES_CHINESE_SHARE_EV_PCT:
    case LF_SERIES_CHINA_BUILT_SHARE_EV_PCT:
      return 3;
    case LF_SERIES_FORD_EV_EBIT_MUSD:
    case LF_SERIES_FORD_EV_EBIT_NO_ENTRY_MUSD:
    case LF_SERIES_FORD_PARTNER_INCOME_MUSD:
    case LF_SERIES_TARIFF_REVENUE_MUSD:
    case LF_SERIES_FORD_EV_REVENUE_MUSD:
    case LF_SERIES_FORD_EV_REVENUE_NO_ENTRY_MUSD:
    case LF_SERIES_FORD_EV_EBIT_CHANGE_MUSD:
    case LF_SERIES_FORD_NET_EFFECT_MUSD:
      return 1;
    default:
      return 0;
    }
}

/**
 * lf_projection_to_csv:
 * @bands: (nullable): Monte Carlo bands, adding p10/p50/p90 columns
 * Returns: (transfer full): one header row and one row per year
 */
char *
lf_projection_to_csv (const LfScenario *scenario, const LfProjection *proj, const LfBands *bands)
{
  const LfBaseline *b = scenario->baseline;
  GString *out = g_string_new ("year");

  for (int s = 0; s < LF_N_SERIES; s++)
    g_string_append_printf (out, ",%s", lf_series_name (s));
  for (int m = 0; m < b->n_makers; m++)
    g_string_append_printf (out, ",sales_%s", b->makers[m].id);
  if (bands != NULL)
    for (int i = 0; i < lf_n_banded_series; i++)
      {
        const char *n = lf_series_name (lf_banded_series[i]);
        g_string_append_printf (out, ",%s_p10,%s_p50,%s_p90", n, n, n);
      }
  g_string_append_c (out, '\n');

  for (int y = 0; y < LF_N_YEARS; y++)
    {
      g_string_append_printf (out, "%d", LF_FIRST_YEAR + y);
      for (int s = 0; s < LF_N_SERIES; s++)
        {
          g_string_append_c (out, ',');
          lf_format_append_value_c (out, proj->series[s][y], series_decimals (s));
        }
      for (int m = 0; m < b->n_makers; m++)
        {
          g_string_append_c (out, ',');
          lf_format_append_value_c (out, proj->maker_sales[m][y], 0);
        }
      if (bands != NULL)
        for (int i = 0; i < lf_n_banded_series; i++)
          {
            LfSeries s = lf_banded_series[i];
            const double *cols[3] = { bands->p10[s], bands->p50[s], bands->p90[s] };
            for (int k = 0; k < 3; k++)
              {
                g_string_append_c (out, ',');
                lf_format_append_value_c (out, cols[k][y], series_decimals (s));
              }
          }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
add_array (JsonBuilder *jb, const char *name, const double *v)
{
  json_builder_set_member_name (jb, name);
  json_builder_begin_array (jb);
  for (int y = 0; y < LF_N_YEARS; y++)
    json_builder_add_double_value (jb, isfinite (v[y]) ? v[y] : 0.0);
  json_builder_end_array (jb);
}

/**
 * lf_projection_to_json:
 * @bands: (nullable): Monte Carlo bands
 * Returns: (transfer full): a JSON document
 */
/* One scenario's projection as a JSON object. */
static void
build_projection (JsonBuilder *jb, const LfScenario *scenario, const LfProjection *proj,
                  const LfBands *bands)
{
  const LfBaseline *b = scenario->baseline;

  json_builder_begin_object (jb);
  json_builder_set_member_name (jb, "scenario");
  json_builder_add_string_value (jb, scenario->name ? scenario->name : "");
  json_builder_set_member_name (jb, "years");
  json_builder_begin_array (jb);
  for (int y = 0; y < LF_N_YEARS; y++)
    json_builder_add_int_value (jb, LF_FIRST_YEAR + y);
  json_builder_end_array (jb);

  json_builder_set_member_name (jb, "series");
  json_builder_begin_object (jb);
  for (int s = 0; s < LF_N_SERIES; s++)
    add_array (jb, lf_series_name (s), proj->series[s]);
  json_builder_end_object (jb);

  json_builder_set_member_name (jb, "sales_by_maker");
  json_builder_begin_object (jb);
  for (int m = 0; m < b->n_makers; m++)
    add_array (jb, b->makers[m].id, proj->maker_sales[m]);
  json_builder_end_object (jb);

  json_builder_set_member_name (jb, "sales_by_plant");
  json_builder_begin_object (jb);
  for (int p = 0; p < proj->n_plants; p++)
    add_array (jb, scenario->plants[p].id, proj->plant_sales[p]);
  json_builder_end_object (jb);

  if (bands != NULL)
    {
      json_builder_set_member_name (jb, "draws");
      json_builder_add_int_value (jb, bands->n_draws);
      json_builder_set_member_name (jb, "seed");
      json_builder_add_int_value (jb, bands->seed);
      json_builder_set_member_name (jb, "bands");
      json_builder_begin_object (jb);
      for (int i = 0; i < lf_n_banded_series; i++)
        {
          LfSeries s = lf_banded_series[i];
          json_builder_set_member_name (jb, lf_series_name (s));
          json_builder_begin_object (jb);
          add_array (jb, "p10", bands->p10[s]);
          add_array (jb, "p50", bands->p50[s]);
          add_array (jb, "p90", bands->p90[s]);
          json_builder_end_object (jb);
        }
      json_builder_end_object (jb);
    }
  json_builder_end_object (jb);
}

static char *
generate (JsonBuilder *jb)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  root = json_builder_get_root (jb);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  return g_strconcat (text, "\n", NULL);
}

char *
lf_projection_to_json (const LfScenario *scenario, const LfProjection *proj, const LfBands *bands)
{
  g_autoptr(JsonBuilder) jb = json_builder_new ();

  build_projection (jb, scenario, proj, bands);
  return generate (jb);
}

/* A name as one CSV field (RFC 4180): quoted when it holds a comma, a quote
 * or a line break, with its quotes doubled. */
static void
append_csv_field (GString *out, const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
}

/* The same, for other tables of the model (lf-attribution.c). */
void
lf_output_append_csv_field (GString *out, const char *text)
{
  append_csv_field (out, text);
}

/**
 * lf_comparison_unique_name:
 * @names: the scenarios' names, in order
 * @i: which
 *
 * What a table calls scenario @i: its name, or, when an earlier scenario
 * has the same name, the name with its position, "Current policy (2)".
 *
 * Returns: (transfer full)
 */
char *
lf_comparison_unique_name (const char *const *names, int i)
{
  for (int j = 0; j < i; j++)
    if (g_str_equal (names[j], names[i]))
      return g_strdup_printf ("%s (%d)", names[i], i + 1);
  return g_strdup (names[i]);
}

/**
 * lf_comparison_to_csv:
 * @names: what the first column calls each scenario
 * @bands: (nullable): per scenario, or NULL for none; all or none have bands
 *
 * Several projections in one table: a leading `scenario` column, then, for
 * each scenario in turn, the rows of its own lf_projection_to_csv(). The
 * scenarios share a baseline, so they share the columns.
 */
char *
lf_comparison_to_csv (const char *const *names, const LfScenario *const *scenarios,
                      const LfProjection *const *projections, const LfBands *const *bands, int n)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (n > 0, NULL);
  for (int i = 0; i < n; i++)
    {
      g_autofree char *csv = lf_projection_to_csv (scenarios[i], projections[i],
                                                   bands ? bands[i] : NULL);
      g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);

      if (i == 0)
        g_string_append_printf (out, "scenario,%s\n", lines[0]);
      for (int l = 1; lines[l] != NULL && *lines[l] != '\0'; l++)
        {
          append_csv_field (out, names[i]);
          g_string_append_printf (out, ",%s\n", lines[l]);
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * lf_comparison_to_json:
 *
 * Several projections: an object whose `scenarios` array holds, in order,
 * each scenario's own lf_projection_to_json() object (`scenario` being
 * @names[i]).
 */
char *
lf_comparison_to_json (const char *const *names, const LfScenario *const *scenarios,
                       const LfProjection *const *projections, const LfBands *const *bands, int n)
{
  g_autoptr(JsonBuilder) jb = json_builder_new ();

  g_return_val_if_fail (n > 0, NULL);
  json_builder_begin_object (jb);
  json_builder_set_member_name (jb, "scenarios");
  json_builder_begin_array (jb);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(LfScenario) named = lf_scenario_copy (scenarios[i]);

      lf_scenario_set_name (named, names[i]);
      build_projection (jb, named, projections[i], bands ? bands[i] : NULL);
    }
  json_builder_end_array (jb);
  json_builder_end_object (jb);
  return generate (jb);
}
