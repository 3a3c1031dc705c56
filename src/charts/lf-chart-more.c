/* lf-chart-more.c: Ford's impact and the market's other results in words.
 *
 * The tables of these charts are in lf-chart-kinds.c with the others; what
 * they say to a screen reader (and an export's alt text) is here.
 */
#define G_LOG_DOMAIN "landfall-charts"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "lf-chart-private.h"

/**
 * lf_chart_format_usd:
 * @usd: an amount in US dollars (a price)
 *
 * Returns: (transfer full): "$48,200", grouped as the locale groups
 */
char *
lf_chart_format_usd (double usd)
{
  g_autofree char *number = NULL;

  if (!isfinite (usd))
    return g_strdup ("–");
  number = lf_format_count (fabs (usd));
  if (round (usd) < 0)
    /* TRANSLATORS: a negative amount in US dollars, e.g. "−$1,200"; %s is the number */
    return g_strdup_printf (_("−$%s"), number);
  /* TRANSLATORS: an amount in US dollars, e.g. "$48,200"; %s is the number */
  return g_strdup_printf (_("$%s"), number);
}

/* " (p10–p90 a to b)" when the run has a band of @series in @y, else "". */
static char *
band_text (const LfChartData *data,
           LfSeries           series,
           int                y,
           char            *(*format) (double))
{
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;

  if (data->bands == NULL || data->bands->n_draws <= 0 ||
      data->bands->p10[series][y] == data->bands->p90[series][y])
    return g_strdup ("");
  lo = format (data->bands->p10[series][y]);
  hi = format (data->bands->p90[series][y]);
  /* TRANSLATORS: a Monte Carlo range after a value, e.g. " (p10–p90 $1.2 B to $2.0 B)" */
  return g_strdup_printf (_(" (p10–p90 %s to %s)"), lo, hi);
}

char *
lf_chart_ford_impact_describe (const LfChartData *data)
{
  const LfProjection *p = data->projection;
  int last = LF_N_YEARS - 1;
  g_autofree char *net = lf_format_musd (p->series[LF_SERIES_FORD_NET_EFFECT_MUSD][last]);
  g_autofree char *net_band = band_text (data, LF_SERIES_FORD_NET_EFFECT_MUSD, last, lf_format_musd);
  g_autofree char *ebit = lf_format_musd (p->series[LF_SERIES_FORD_EV_EBIT_CHANGE_MUSD][last]);
  g_autofree char *income = lf_format_musd (p->series[LF_SERIES_FORD_PARTNER_INCOME_MUSD][last]);
  g_autofree char *units = lf_format_count (p->series[LF_SERIES_FORD_EV_SALES_CHANGE][last]);
  double total = 0.0;
  g_autofree char *sum = NULL;

  for (int y = lf_year_index (LF_FIRST_PROJECTED_YEAR); y < LF_N_YEARS; y++)
    total += p->series[LF_SERIES_FORD_NET_EFFECT_MUSD][y];
  sum = lf_format_musd (total);

  /* TRANSLATORS: amounts are money as "$162 M" or "−$3.2 B"; the vehicles a signed count */
  return g_strdup_printf (_("Net effect of Chinese entry on Ford in %d: %s%s, the EV EBIT change %s "
                            "plus partnership income %s; %d to %d together: %s. Ford EV sales "
                            "against no entry in %d: %s vehicles."),
                          LF_LAST_YEAR, net, net_band, ebit, income,
                          LF_FIRST_PROJECTED_YEAR, LF_LAST_YEAR, sum, LF_LAST_YEAR, units);
}

/* "<what> in 2035: <value> (p10–p90 …); current policy: <value>." */
static char *
describe_one (const LfChartData *data,
              const char        *what,
              LfSeries           series,
              char            *(*format) (double))
{
  int last = LF_N_YEARS - 1;
  g_autofree char *v = format (data->projection->series[series][last]);
  g_autofree char *band = band_text (data, series, last, format);
  GString *s = g_string_new (NULL);

  /* TRANSLATORS: e.g. "Average US EV price in 2035: $41,200" */
  g_string_append_printf (s, _("%s in %d: %s"), what, LF_LAST_YEAR, v);
  g_string_append (s, band);
  if (data->baseline != NULL)
    {
      g_autofree char *base = format (data->baseline->series[series][last]);

      g_string_append_printf (s, _("; current policy: %s in %d"), base, LF_LAST_YEAR);
    }
  g_string_append (s, _("."));
  return g_string_free (s, FALSE);
}

char *
lf_chart_price_describe (const LfChartData *data)
{
  return describe_one (data, _("Average US EV price"), LF_SERIES_AVG_EV_PRICE_USD, lf_chart_format_usd);
}

char *
lf_chart_tariff_revenue_describe (const LfChartData *data)
{
  return describe_one (data, _("Tariff revenue from Chinese-brand EVs"), LF_SERIES_TARIFF_REVENUE_MUSD,
                       lf_format_musd);
}

char *
lf_chart_jobs_describe (const LfChartData *data)
{
  return describe_one (data, _("Jobs at Chinese-brand plants in North America"), LF_SERIES_ENTRANT_NA_JOBS,
                       lf_format_count);
}

char *
lf_chart_market_describe (const LfChartData *data)
{
  int last = LF_N_YEARS - 1;
  g_autofree char *first = describe_one (data, _("US EV sales"), LF_SERIES_EV_SALES, lf_format_count);
  g_autofree char *cn = lf_format_count (data->projection->series[LF_SERIES_CHINESE_EV_SALES][last]);

  /* TRANSLATORS: the first %s is a sentence about US EV sales, the second a number of vehicles */
  return g_strdup_printf (_("%s Of these, Chinese brands: %s."), first, cn);
}

char *
lf_chart_makers_describe (const LfChartData *data)
{
  const LfProjection *p = data->projection;
  const LfBaseline *b = data->scenario != NULL ? data->scenario->baseline : NULL;
  int last = LF_N_YEARS - 1;
  g_autofree char *total = lf_format_count (p->series[LF_SERIES_CHINESE_EV_SALES][last]);
  GString *s = g_string_new (NULL);
  gboolean first = TRUE;

  /* TRANSLATORS: the start of a chart's description; %s is a number of vehicles */
  g_string_append_printf (s, _("Chinese-brand EV sales in the US in %d: %s vehicles"), LF_LAST_YEAR, total);
  for (int m = 0; b != NULL && m < MIN (p->n_makers, b->n_makers); m++)
    {
      g_autofree char *n = NULL;

      if (!(p->maker_sales[m][last] > 0.5))
        continue;
      n = lf_format_count (p->maker_sales[m][last]);
      g_string_append (s, first ? "; " : ", ");
      /* TRANSLATORS: e.g. "Built in Mexico: 120,000" */
      g_string_append_printf (s, _("%s: %s"), _(b->makers[m].name), n);
      first = FALSE;
    }
  g_string_append (s, _("."));
  return g_string_free (s, FALSE);
}
