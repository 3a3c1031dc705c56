/* lf-chart-tornado.c: which levers move a result most — one bar per lever,
 * from its low end to its high end, around the scenario's own value.
 *
 * The bars come from lf_tornado() (src/model) through LfChartData; drawing
 * and description only read them.
 */
#define G_LOG_DOMAIN "landfall-charts"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "lf-chart-private.h"

#define LABEL_GAP   10.0
#define AXIS_HEIGHT 22.0
#define MAX_BAR     26.0

gboolean
lf_chart_series_is_percent (LfSeries s)
{
  return s == LF_SERIES_CHINESE_SHARE_EV_PCT || s == LF_SERIES_CHINA_BUILT_SHARE_EV_PCT ||
         s == LF_SERIES_EV_SHARE_PCT;
}

gboolean
lf_chart_series_is_money (LfSeries s)
{
  return s == LF_SERIES_FORD_EV_EBIT_MUSD || s == LF_SERIES_FORD_EV_EBIT_NO_ENTRY_MUSD ||
         s == LF_SERIES_FORD_PARTNER_INCOME_MUSD || s == LF_SERIES_TARIFF_REVENUE_MUSD ||
         s == LF_SERIES_FORD_EV_REVENUE_MUSD || s == LF_SERIES_FORD_EV_REVENUE_NO_ENTRY_MUSD;
}

/* A value of the result as people read it: "5.7 %", "$1.2 B", "120,000". */
char *
lf_chart_format_result (LfSeries series, double v)
{
  if (lf_chart_series_is_percent (series))
    return lf_format_percent (v, 1);
  if (lf_chart_series_is_money (series))
    return lf_format_musd (v);
  return lf_format_value (v, 0);
}

/* What a lever's ends are, for its label: "0–150 %", "off–as published". */
static char *
format_range (const LfTornadoBar *bar)
{
  const LfParamInfo *info = lf_param_info (bar->param);
  g_autofree char *lo = NULL, *hi = NULL;

  if (bar->param == LF_PARAM_RULE_CONNECTED_VEHICLE)
    return g_strdup (_("off–as published"));
  if (bar->param == LF_PARAM_EV_PATH)
    return g_strdup (_("low–high"));
  if (bar->param == LF_PARAM_FORD_CASE)
    return g_strdup (_("guidance–downside"));
  lo = isinf (bar->value[0]) ? g_strdup (_("none"))
                             : lf_format_value (bar->value[0], bar->value[0] == floor (bar->value[0]) ? 0 : 2);
  hi = isinf (bar->value[1]) ? g_strdup (_("none"))
                             : lf_format_value (bar->value[1], bar->value[1] == floor (bar->value[1]) ? 0 : 2);
  if (g_str_equal (info->unit, "%"))
    return g_strdup_printf ("%s–%s %%", lo, hi);
  return g_strdup_printf ("%s–%s", lo, hi);
}

static char *
bar_label (const LfTornadoBar *bar)
{
  g_autofree char *range = format_range (bar);
  /* TRANSLATORS: a lever and the range it is moved over, e.g. "Tariff on China-built EVs (0–150 %)" */
  return g_strdup_printf (_("%s (%s)"), _(lf_param_info (bar->param)->label), range);
}

/* What the bars measure, for the axis. */
char *
lf_chart_result_name (LfSeries series, int year)
{
  switch (series)
    {
    case LF_SERIES_CHINESE_SHARE_EV_PCT:
      /* TRANSLATORS: the result a sensitivity chart measures; %d is a year */
      return g_strdup_printf (_("Chinese-brand share of US EV sales in %d"), year);
    case LF_SERIES_FORD_EV_SALES:
      return g_strdup_printf (_("Ford EV sales in %d, vehicles"), year);
    case LF_SERIES_FORD_EV_EBIT_MUSD:
      return g_strdup_printf (_("Ford EV EBIT in %d, USD million"), year);
    default:
      return g_strdup_printf ("%s, %d", lf_series_name (series), year);
    }
}

/* A nice step for about n ticks over [lo, hi]. */
double
lf_chart_nice_step (double lo, double hi, double n)
{
  double raw = (hi - lo) / MAX (n, 1.0);
  double magnitude, norm;

  if (!(raw > 0) || !isfinite (raw))
    return 1.0;
  magnitude = pow (10.0, floor (log10 (raw)));
  norm = raw / magnitude;
  return (norm <= 1.0 ? 1.0 : norm <= 2.0 ? 2.0 : norm <= 2.5 ? 2.5 : norm <= 5.0 ? 5.0 : 10.0) * magnitude;
}

/**
 * lf_chart_bar_range:
 * @lo: (inout): the smallest value to show, rounded out to a tick
 * @hi: (inout): the largest, rounded out to a tick
 * @plot_w: the axis' length in pixels (a tick about every 90)
 *
 * The value axis of a chart of horizontal bars (the tornado, the
 * attribution). Returns: the step between ticks
 */
double
lf_chart_bar_range (double *lo, double *hi, double plot_w)
{
  double step = lf_chart_nice_step (*lo, *hi, MAX (2.0, floor (plot_w / 90.0)));

  *lo = floor (*lo / step + 1e-9) * step;
  *hi = ceil (*hi / step - 1e-9) * step;
  if (*hi <= *lo)
    *hi = *lo + step;
  return step;
}

/**
 * lf_chart_bar_axis_draw:
 * @series: what the values are (money ticks are plain numbers: the axis
 *   title gives the unit, as on the Ford chart)
 * @mark_zero: draw the zero line in the axis' colour rather than the grid's
 *
 * A grid line and a label below the plot at every step from @lo to @hi.
 */
void
lf_chart_bar_axis_draw (LfDraw *d, LfSeries series, double lo, double hi, double step,
                        double plot_x, double plot_w, double plot_y, double plot_h,
                        gboolean mark_zero)
{
  const LfPalette *pal = d->palette;
  cairo_t *cr = d->cr;

  cairo_set_line_width (cr, 1.0);
  for (double t = lo; t <= hi + step * 0.5; t += step)
    {
      double x = round (plot_x + (t - lo) / (hi - lo) * plot_w) + 0.5;
      g_autofree char *text = lf_chart_series_is_money (series) ? lf_format_value (t, 0)
                                                                : lf_chart_format_result (series, t);

      lf_set_source_color (cr, mark_zero && fabs (t) < step * 1e-6 ? &pal->axis : &pal->grid);
      cairo_move_to (cr, x, plot_y);
      cairo_line_to (cr, x, plot_y + plot_h);
      cairo_stroke (cr);
      lf_draw_text (d, text, x, plot_y + plot_h + 4.0, LF_ALIGN_CENTER, LF_ALIGN_START,
                    &pal->dim_foreground, NULL, NULL);
    }
}

void
lf_chart_tornado_draw (LfDraw *d)
{
  const LfChartData *data = d->data;
  const LfPalette *pal = d->palette;
  cairo_t *cr = d->cr;
  LfLegendItem legend[2];
  double legend_h, label_w = 0.0, lo, hi, step, base, row_h, bar_h;
  double plot_x, plot_w, plot_y, plot_h;
  int n = data->n_tornado;

  if (data->tornado == NULL || n <= 0 || data->projection == NULL)
    {
      lf_draw_text (d, _("No sensitivity computed"), d->width / 2.0, d->height / 2.0,
                    LF_ALIGN_CENTER, LF_ALIGN_CENTER, &pal->dim_foreground, NULL, NULL);
      return;
    }

  legend[0] = (LfLegendItem) { _("Lever at its low end"), pal->baseline, LF_SWATCH_BOX };
  legend[1] = (LfLegendItem) { _("Lever at its high end"), pal->scenario, LF_SWATCH_BOX };
  {
    double xs[2], ys[2];
    legend_h = ceil (lf_legend_layout (legend, 2, d->width, xs, ys));
  }
  lf_draw_legend (d, legend, 2, d->width);

  base = lf_projection_get (data->projection, data->tornado_series, data->tornado_year);
  lo = hi = base;
  for (int i = 0; i < n; i++)
    for (int k = 0; k < 2; k++)
      if (isfinite (data->tornado[i].result[k]))
        {
          lo = MIN (lo, data->tornado[i].result[k]);
          hi = MAX (hi, data->tornado[i].result[k]);
        }

  lf_draw_set_font (d, LF_FONT_SIZE_SMALL, PANGO_WEIGHT_NORMAL);
  for (int i = 0; i < n; i++)
    {
      g_autofree char *label = bar_label (&data->tornado[i]);
      double w;
      lf_draw_text_size (d, label, &w, NULL);
      label_w = MAX (label_w, w);
    }
  label_w = MIN (label_w, 0.45 * d->width);

  plot_x = label_w + LABEL_GAP;
  plot_w = MAX (1.0, d->width - plot_x - 28.0);   /* room for the last tick label */
  {
    g_autofree char *name = lf_chart_result_name (data->tornado_series, data->tornado_year);
    double th;
    lf_draw_set_font (d, LF_FONT_SIZE_SMALL, PANGO_WEIGHT_NORMAL);
    lf_draw_text (d, name, 0.0, legend_h + 2.0, LF_ALIGN_START, LF_ALIGN_START,
                  &pal->dim_foreground, NULL, &th);
    legend_h += th + 4.0;
  }
  /* Room above the plot for the base line's label. */
  {
    double th;
    lf_draw_set_font (d, LF_FONT_SIZE_SMALL, PANGO_WEIGHT_NORMAL);
    lf_draw_text_size (d, "0", NULL, &th);
    plot_y = legend_h + 8.0 + th + 2.0;
  }
  plot_h = MAX (1.0, d->height - plot_y - AXIS_HEIGHT);
  row_h = plot_h / n;
  bar_h = MIN (MAX_BAR, row_h * 0.7);

  step = lf_chart_bar_range (&lo, &hi, plot_w);

#define X_OF(v) (plot_x + ((v) - lo) / (hi - lo) * plot_w)

  lf_chart_bar_axis_draw (d, data->tornado_series, lo, hi, step, plot_x, plot_w, plot_y, plot_h, FALSE);

  /* One row per lever, largest swing first (lf_tornado sorts them). */
  pango_layout_set_width (d->layout, (int) MAX (1.0, label_w) * PANGO_SCALE);
  pango_layout_set_ellipsize (d->layout, PANGO_ELLIPSIZE_END);
  for (int i = 0; i < n; i++)
    {
      const LfTornadoBar *bar = &data->tornado[i];
      double cy = plot_y + row_h * (i + 0.5);
      g_autofree char *label = bar_label (bar);
      /* The end further from the scenario first, so a shorter one on the
       * same side stays visible on top of it. */
      int first = fabs (bar->result[0] - base) >= fabs (bar->result[1] - base) ? 0 : 1;

      lf_draw_text (d, label, 0.0, cy, LF_ALIGN_START, LF_ALIGN_CENTER, &pal->foreground, NULL, NULL);

      for (int j = 0; j < 2; j++)
        {
          int k = j == 0 ? first : 1 - first;
          double v = bar->result[k];
          double x0, x1;

          if (!isfinite (v))
            continue;
          x0 = X_OF (MIN (v, base));
          x1 = X_OF (MAX (v, base));
          cairo_rectangle (cr, x0, cy - bar_h / 2.0, MAX (1.0, x1 - x0), bar_h);
          lf_set_source_color (cr, k == 0 ? &pal->baseline : &pal->scenario);
          cairo_fill (cr);
        }
    }
  pango_layout_set_width (d->layout, -1);
  pango_layout_set_ellipsize (d->layout, PANGO_ELLIPSIZE_NONE);

  /* The scenario's own value: where every bar starts. */
  lf_set_source_color (cr, &pal->foreground);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, round (X_OF (base)) + 0.5, plot_y - 2.0);
  cairo_line_to (cr, round (X_OF (base)) + 0.5, plot_y + plot_h);
  cairo_stroke (cr);
  /* …labelled with its value above the plot, kept inside the chart. */
  {
    g_autofree char *value = lf_chart_format_result (data->tornado_series, base);
    /* TRANSLATORS: the label of the line where a sensitivity chart's bars start, e.g. "Scenario: 5.7 %" */
    g_autofree char *text = g_strdup_printf (_("Scenario: %s"), value);
    double tw, x = X_OF (base);

    lf_draw_set_font (d, LF_FONT_SIZE_SMALL, PANGO_WEIGHT_BOLD);
    lf_draw_text_size (d, text, &tw, NULL);
    x = CLAMP (x - tw / 2.0, plot_x, MAX (plot_x, d->width - tw));
    lf_draw_text (d, text, x, plot_y - 3.0, LF_ALIGN_START, LF_ALIGN_END, &pal->foreground, NULL, NULL);
  }
  lf_draw_set_font (d, LF_FONT_SIZE, PANGO_WEIGHT_NORMAL);
#undef X_OF
}

/* "Levers that move Chinese-brand share of US EV sales in 2030 most, from the
 * scenario's 4.2 %: Tariff on China-built EVs 27.2 % to 0.2 %; …" */
char *
lf_chart_tornado_describe (const LfChartData *data)
{
  GString *s;
  g_autofree char *base = NULL;

  if (data->tornado == NULL || data->n_tornado <= 0 || data->projection == NULL)
    return g_strdup (_("Sensitivity of the result to each lever: not computed."));
  base = lf_chart_format_result (data->tornado_series,
                        lf_projection_get (data->projection, data->tornado_series, data->tornado_year));
  s = g_string_new (NULL);
  /* TRANSLATORS: %1$d is a year, %2$s the scenario's value of the result */
  g_string_append_printf (s, _("Levers that move the result in %1$d most, from the scenario's %2$s: "),
                          data->tornado_year, base);
  for (int i = 0; i < MIN (data->n_tornado, 5); i++)
    {
      const LfTornadoBar *bar = &data->tornado[i];
      g_autofree char *a = lf_chart_format_result (data->tornado_series, bar->result[0]);
      g_autofree char *b = lf_chart_format_result (data->tornado_series, bar->result[1]);
      g_autofree char *label = bar_label (bar);

      /* TRANSLATORS: a lever with the results at its low and high end */
      g_string_append_printf (s, _("%s%s: %s to %s"), i ? "; " : "", label, a, b);
    }
  g_string_append (s, ".");
  return g_string_free (s, FALSE);
}
