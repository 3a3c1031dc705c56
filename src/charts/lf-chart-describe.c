/* lf-chart-describe.c: a chart in words, for assistive technology and an
 * export's alt text: a sentence or two with its key numbers.
 *
 * The time-series charts' sentences are here; the map, the tornado and the
 * backtest describe themselves in their own files. Each spec names its
 * describer (lf-chart-kinds.c).
 */
#define G_LOG_DOMAIN "landfall-charts"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "lf-chart-private.h"

char *
lf_chart_share_describe (const LfChartData *data)
{
  const LfProjection *p = data->projection;
  int last = LF_N_YEARS - 1;
  double first_v = p->series[LF_SERIES_CHINESE_SHARE_EV_PCT][0];
  double last_v = p->series[LF_SERIES_CHINESE_SHARE_EV_PCT][last];
  g_autofree char *a = lf_format_percent (first_v, 1);
  g_autofree char *b = lf_format_percent (last_v, 1);
  GString *s = g_string_new (NULL);

  if (fabs (last_v - first_v) < 0.05)
    g_string_append_printf (s, _("Chinese-brand share of US EV sales stays at %s from %d to %d"),
                            b, LF_FIRST_YEAR, LF_LAST_YEAR);
  else if (last_v > first_v)
    g_string_append_printf (s, _("Chinese-brand share of US EV sales rises from %s in %d to %s in %d"),
                            a, LF_FIRST_YEAR, b, LF_LAST_YEAR);
  else
    g_string_append_printf (s, _("Chinese-brand share of US EV sales falls from %s in %d to %s in %d"),
                            a, LF_FIRST_YEAR, b, LF_LAST_YEAR);

  if (data->bands != NULL && data->bands->n_draws > 0 &&
      data->bands->p90[LF_SERIES_CHINESE_SHARE_EV_PCT][last] != data->bands->p10[LF_SERIES_CHINESE_SHARE_EV_PCT][last])
    {
      g_autofree char *lo = lf_format_value (data->bands->p10[LF_SERIES_CHINESE_SHARE_EV_PCT][last], 1);
      g_autofree char *hi = lf_format_percent (data->bands->p90[LF_SERIES_CHINESE_SHARE_EV_PCT][last], 1);

      g_string_append_printf (s, _(" (p10–p90 %s–%s)"), lo, hi);
    }

  if (data->baseline != NULL)
    {
      g_autofree char *base = lf_format_percent (data->baseline->series[LF_SERIES_CHINESE_SHARE_EV_PCT][last], 1);

      g_string_append_printf (s, _("; current policy: %s in %d"), base, LF_LAST_YEAR);
    }
  g_string_append (s, ".");

  return g_string_free (s, FALSE);
}

char *
lf_chart_origin_describe (const LfChartData *data)
{
  const LfChartSpec *spec = lf_chart_kind_get_spec (LF_CHART_ORIGIN);
  const LfProjection *p = data->projection;
  int last = LF_N_YEARS - 1;
  g_autofree char *total = lf_format_count (p->series[LF_SERIES_CHINESE_EV_SALES][last]);
  GString *s = g_string_new (NULL);
  gboolean first = TRUE;

  g_string_append_printf (s, _("Chinese-brand EV sales in the US in %d: %s vehicles"),
                          LF_LAST_YEAR, total);
  for (guint i = 0; i < spec->n_layers; i++)
    {
      const LfLayerSpec *layer = &spec->layers[i];
      double v = p->series[layer->series][last];
      g_autofree char *n = NULL;

      if (layer->kind != LF_LAYER_STACK || !(v > 0.5))
        continue;
      n = lf_format_count (v);
      g_string_append (s, first ? "; " : ", ");
      /* TRANSLATORS: e.g. "Built in Mexico: 120,000" */
      g_string_append_printf (s, _("%s: %s"), _(layer->legend), n);
      first = FALSE;
    }
  g_string_append (s, ".");

  return g_string_free (s, FALSE);
}

char *
lf_chart_ford_describe (const LfChartData *data)
{
  const LfProjection *p = data->projection;
  int last = LF_N_YEARS - 1;
  double units = p->series[LF_SERIES_FORD_EV_SALES][last];
  double units_ne = p->series[LF_SERIES_FORD_EV_SALES_NO_ENTRY][last];
  g_autofree char *u = lf_format_count (units);
  g_autofree char *une = lf_format_count (units_ne);
  g_autofree char *diff = lf_format_percent_change (units_ne > 0 ? 100.0 * (units - units_ne) / units_ne : 0.0, 1);
  g_autofree char *ebit = lf_format_musd (p->series[LF_SERIES_FORD_EV_EBIT_MUSD][last]);
  g_autofree char *ebit_ne = lf_format_musd (p->series[LF_SERIES_FORD_EV_EBIT_NO_ENTRY_MUSD][last]);
  g_autofree char *partner = lf_format_musd (p->series[LF_SERIES_FORD_PARTNER_INCOME_MUSD][last]);

  /* TRANSLATORS: the amounts are money as "$162 M" or "−$3.2 B", the last %s of the
   * first sentence a change in percent */
  return g_strdup_printf (_("Ford EV sales in %d: %s vehicles, against %s with no Chinese entry (%s). "
                            "Ford EV EBIT in %d: %s, against %s with no Chinese entry; "
                            "partnership income: %s."),
                          LF_LAST_YEAR, u, une, diff, LF_LAST_YEAR, ebit, ebit_ne, partner);
}

/* A comparison in words: each run's value of the chart's own lines (or its
 * total, for a stack) in the last year, or its difference from the reference. */
static char *
describe_comparison (const LfChartSpec *spec,
                     const LfChartData *data)
{
  GString *s = g_string_new (NULL);
  int last = LF_N_YEARS - 1;
  const LfProjection *ref = data->difference_from >= 0 ? data->runs[data->difference_from].projection : NULL;

  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%s, comparing %d scenario",
                                          "%s, comparing %d scenarios", data->n_runs),
                          _(spec->title), data->n_runs);
  if (ref != NULL)
    /* TRANSLATORS: %s is a scenario's name */
    g_string_append_printf (s, _(", as differences from %s"), data->runs[data->difference_from].name);
  g_string_append (s, _("."));
  for (guint i = 0; i < spec->n_layers; i++)
    {
      const LfLayerSpec *layer = &spec->layers[i];
      gboolean stack = layer->kind == LF_LAYER_STACK;

      if (!(lf_layer_is_per_run (layer) || (stack && i == 0)))
        continue;
      g_string_append_c (s, ' ');
      /* TRANSLATORS: what a list of scenarios' values is of, e.g. "EV sales, 2035:" */
      g_string_append_printf (s, _("%s, %d:"), stack ? _("Total") : _(layer->readout), LF_LAST_YEAR);
      for (int r = 0; r < data->n_runs; r++)
        {
          const LfProjection *p = data->runs[r].projection;
          double v = 0.0;
          g_autofree char *text = NULL;

          if (p == NULL)
            continue;
          if (stack)
            {
              for (guint j = 0; j < spec->n_layers; j++)
                if (spec->layers[j].kind == LF_LAYER_STACK)
                  v += lf_layer_values (&spec->layers[j], p)[last] -
                       (ref ? lf_layer_values (&spec->layers[j], ref)[last] : 0.0);
            }
          else
            v = p->series[layer->series][last] - (ref ? ref->series[layer->series][last] : 0.0);
          text = lf_layer_format_value (layer, v);
          /* TRANSLATORS: between two scenarios' values in a list */
          g_string_append (s, r ? _("; ") : " ");
          /* TRANSLATORS: one scenario's value in a list, e.g. "Trade deal 1.3 %" */
          g_string_append_printf (s, _("%s %s"), data->runs[r].name, text);
        }
      /* TRANSLATORS: the end of a sentence */
      g_string_append (s, _("."));
    }
  return g_string_free (s, FALSE);
}

/**
 * lf_chart_describe:
 * @kind: which chart
 * @data: what the chart shows
 *
 * A sentence or two with the chart's key numbers, for assistive technology
 * and for the export dialog's alt text.
 *
 * Returns: (transfer full): the description
 */
char *
lf_chart_describe (LfChartKind        kind,
                   const LfChartData *data)
{
  const LfChartSpec *spec;

  g_return_val_if_fail (kind < LF_N_CHARTS, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  spec = lf_chart_kind_get_spec (kind);
  if (lf_chart_spec_has_time_axis (spec) && data->projection == NULL)
    return g_strdup (_("No projection yet."));
  if (lf_chart_spec_has_time_axis (spec) && lf_chart_comparing (data))
    return describe_comparison (spec, data);

  return spec->describe (data);
}
