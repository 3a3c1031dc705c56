/* lf-chart-attribution.c: where a change came from, as a waterfall — current
 * policy's value, each lever's step up or down (largest first), and the
 * scenario's value, one row each.
 *
 * The parts come from lf_attribute() (src/model) through LfChartData;
 * drawing and description only read them.
 */
#define G_LOG_DOMAIN "landfall-charts"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "lf-chart-private.h"

#define LABEL_GAP    10.0
#define VALUE_GAP    6.0
#define AXIS_HEIGHT  22.0
#define MAX_BAR      26.0
/* Levers drawn one by one; the rest share a row. */
#define MAX_ROWS     12

/* One row of the waterfall: a total from zero, or a step from @start. */
typedef struct {
  char    *label;
  double   start, end;
  gboolean total;
} Row;

static void
clear_rows (Row *rows, int n)
{
  for (int i = 0; i < n; i++)
    g_free (rows[i].label);
}

/**
 * lf_chart_format_change:
 * @series: the result
 * @v: a change of it
 * @decimals: for a percentage, the decimals of its points
 *
 * A change as people read it, with its sign: "+1.3 pts" (percentage
 * points), "−$120 M", "+4,200".
 *
 * Returns: (transfer full)
 */
char *
lf_chart_format_change (LfSeries series, double v, int decimals)
{
  g_autofree char *n = NULL;
  const char *sign = v > 0 ? "+" : "";

  if (lf_chart_series_is_money (series))
    {
      n = lf_format_musd (v);
      return g_strconcat (sign, n, NULL);
    }
  if (lf_chart_series_is_percent (series))
    {
      n = lf_format_value (v, decimals);
      /* TRANSLATORS: a change in percentage points, e.g. "+1.3 pts" */
      return g_strdup_printf (_("%s%s pts"), sign, n);
    }
  n = lf_format_value (v, 0);
  return g_strconcat (sign, n, NULL);
}

/* The rows: current policy, the largest MAX_ROWS levers (or MAX_ROWS - 1
 * and the others together), the scenario. Returns how many. */
static int
make_rows (const LfAttribution *a, Row *rows)
{
  int n = 0, shown = a->n_parts <= MAX_ROWS ? a->n_parts : MAX_ROWS - 1;
  double level = a->from;

  rows[n++] = (Row) { g_strdup (_("Current policy")), 0.0, a->from, TRUE };
  for (int i = 0; i < shown; i++)
    {
      rows[n++] = (Row) { g_strdup (a->parts[i].label), level, level + a->parts[i].contribution, FALSE };
      level += a->parts[i].contribution;
    }
  if (shown < a->n_parts)
    {
      double rest = 0.0;
      for (int i = shown; i < a->n_parts; i++)
        rest += a->parts[i].contribution;
      rows[n++] = (Row) { g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d other lever", "%d other levers",
                                                        (gulong) (a->n_parts - shown)), a->n_parts - shown),
                          level, level + rest, FALSE };
    }
  /* The scenario's own value: the steps add up to it, to rounding. */
  rows[n++] = (Row) { g_strdup (_("This scenario")), 0.0, a->to, TRUE };
  return n;
}

void
lf_chart_attribution_draw (LfDraw *d)
{
  const LfChartData *data = d->data;
  const LfAttribution *a = data->attribution;
  const LfPalette *pal = d->palette;
  cairo_t *cr = d->cr;
  LfLegendItem legend[4];
  Row rows[MAX_ROWS + 2];
  int n;
  double legend_h, label_w = 0.0, value_w = 0.0, lo = 0.0, hi = 0.0, step, row_h, bar_h;
  double plot_x, plot_w, plot_y, plot_h;
  gboolean zero_in;

  if (a == NULL)
    {
      lf_draw_text (d, _("No attribution computed"), d->width / 2.0, d->height / 2.0,
                    LF_ALIGN_CENTER, LF_ALIGN_CENTER, &pal->dim_foreground, NULL, NULL);
      return;
    }

  legend[0] = (LfLegendItem) { _("Current policy"), pal->baseline, LF_SWATCH_BOX };
  legend[1] = (LfLegendItem) { _("Lever raises the result"), pal->marker, LF_SWATCH_BOX };
  legend[2] = (LfLegendItem) { _("Lever lowers the result"), pal->origin[LF_ORIGIN_CANADA], LF_SWATCH_BOX };
  legend[3] = (LfLegendItem) { _("This scenario"), pal->scenario, LF_SWATCH_BOX };
  {
    double xs[4], ys[4];
    legend_h = ceil (lf_legend_layout (legend, 4, d->width, xs, ys));
  }
  lf_draw_legend (d, legend, 4, d->width);

  {
    g_autofree char *name = lf_chart_result_name (a->series, a->year);
    double th;
    lf_draw_set_font (d, LF_FONT_SIZE_SMALL, PANGO_WEIGHT_NORMAL);
    lf_draw_text (d, name, 0.0, legend_h + 2.0, LF_ALIGN_START, LF_ALIGN_START,
                  &pal->dim_foreground, NULL, &th);
    legend_h += th + 4.0;
  }

  if (lf_attribution_is_empty (a))
    {
      g_autofree char *value = lf_chart_format_result (a->series, a->to);
      g_autofree char *text = a->n_parts == 0
        /* TRANSLATORS: an attribution with nothing to attribute; %s is the result, e.g. "4.2 %" */
        ? g_strdup_printf (_("No lever differs from current policy: %s in both"), value)
        /* TRANSLATORS: levers differ, but none moves the result; %s is the result, e.g. "0.0 %" */
        : g_strdup_printf (_("The levers that differ from current policy do not move this result: %s in both"), value);
      lf_draw_text (d, text, d->width / 2.0, (legend_h + d->height) / 2.0,
                    LF_ALIGN_CENTER, LF_ALIGN_CENTER, &pal->dim_foreground, NULL, NULL);
      lf_draw_set_font (d, LF_FONT_SIZE, PANGO_WEIGHT_NORMAL);
      return;
    }

  n = make_rows (a, rows);
  /* The axis holds every level the steps pass through; zero too, unless the
   * steps are small beside the level (then the totals' bars are cut at the
   * axis' end and say so with a break mark). */
  {
    double lvl_lo = a->from, lvl_hi = a->from;
    for (int i = 0; i < n; i++)
      {
        lvl_lo = MIN (lvl_lo, rows[i].end);
        lvl_hi = MAX (lvl_hi, rows[i].end);
      }
    zero_in = (lvl_lo <= 0.0 && lvl_hi >= 0.0) ||
              lvl_hi - lvl_lo > 0.25 * MAX (fabs (lvl_lo), fabs (lvl_hi));
    if (zero_in)
      {
        lo = MIN (0.0, lvl_lo);
        hi = MAX (0.0, lvl_hi);
      }
    else
      {
        double pad = 0.15 * (lvl_hi - lvl_lo);
        lo = lvl_lo - pad;
        hi = lvl_hi + pad;
      }
  }
  for (int i = 0; i < n; i++)
    {
      double w;
      g_autofree char *value = rows[i].total ? lf_chart_format_result (a->series, rows[i].end)
                                             : lf_chart_format_change (a->series, rows[i].end - rows[i].start, 1);

      lf_draw_text_size (d, rows[i].label, &w, NULL);
      label_w = MAX (label_w, w);
      lf_draw_text_size (d, value, &w, NULL);
      value_w = MAX (value_w, w);
    }
  label_w = MIN (label_w, 0.4 * d->width);

  plot_x = label_w + LABEL_GAP;
  /* Room for a value label beside the bar at either end of the axis. */
  plot_w = MAX (1.0, d->width - plot_x - value_w - VALUE_GAP - 4.0);
  plot_y = legend_h + 8.0;
  plot_h = MAX (1.0, d->height - plot_y - AXIS_HEIGHT);
  row_h = plot_h / n;
  bar_h = MIN (MAX_BAR, row_h * 0.7);

  step = lf_chart_bar_range (&lo, &hi, plot_w);
  /* Labels left of a bar at the axis' left end need room too. */
  if (lo < 0.0)
    {
      plot_x += value_w + VALUE_GAP;
      plot_w = MAX (1.0, plot_w - value_w - VALUE_GAP);
    }

#define X_OF(v) (plot_x + ((v) - lo) / (hi - lo) * plot_w)

  lf_chart_bar_axis_draw (d, a->series, lo, hi, step, plot_x, plot_w, plot_y, plot_h, TRUE);

  for (int i = 0; i < n; i++)
    {
      const Row *row = &rows[i];
      double cy = plot_y + row_h * (i + 0.5);
      /* A total starts at zero, or at the axis' end when zero is off it. */
      double start = row->total && !zero_in ? (row->end >= 0 ? lo : hi) : row->start;
      double x0 = X_OF (MIN (start, row->end)), x1 = X_OF (MAX (start, row->end));
      double delta = row->end - row->start;
      const LfColor *color = row->total ? (i == 0 ? &pal->baseline : &pal->scenario)
                                        : delta >= 0 ? &pal->marker : &pal->origin[LF_ORIGIN_CANADA];
      g_autofree char *value = row->total ? lf_chart_format_result (a->series, row->end)
                                          : lf_chart_format_change (a->series, delta, 1);
      double vw;

      pango_layout_set_width (d->layout, (int) MAX (1.0, label_w) * PANGO_SCALE);
      pango_layout_set_ellipsize (d->layout, PANGO_ELLIPSIZE_END);
      lf_draw_set_font (d, LF_FONT_SIZE_SMALL, row->total ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      lf_draw_text (d, row->label, 0.0, cy, LF_ALIGN_START, LF_ALIGN_CENTER, &pal->foreground, NULL, NULL);
      pango_layout_set_width (d->layout, -1);
      pango_layout_set_ellipsize (d->layout, PANGO_ELLIPSIZE_NONE);

      cairo_rectangle (cr, x0, cy - bar_h / 2.0, MAX (1.0, x1 - x0), bar_h);
      lf_set_source_color (cr, color);
      cairo_fill (cr);
      if (row->total && !zero_in)
        {
          /* The break: two slanted cuts in the background's colour. */
          double bx = (row->end >= 0 ? x0 : x1) + (row->end >= 0 ? 8.0 : -8.0);

          lf_set_source_color (cr, &pal->background);
          cairo_set_line_width (cr, 2.0);
          for (int k = 0; k < 2; k++)
            {
              cairo_move_to (cr, bx + 4.0 * k - 3.0, cy + bar_h / 2.0 + 1.0);
              cairo_line_to (cr, bx + 4.0 * k + 3.0, cy - bar_h / 2.0 - 1.0);
            }
          cairo_stroke (cr);
          cairo_set_line_width (cr, 1.0);
        }

      /* The value beside the bar: right of it for a rise or a positive
       * total, left of it for a fall or a negative total. */
      lf_draw_text_size (d, value, &vw, NULL);
      if ((row->total ? row->end : delta) >= 0)
        lf_draw_text (d, value, x1 + VALUE_GAP, cy, LF_ALIGN_START, LF_ALIGN_CENTER, &pal->foreground, NULL, NULL);
      else
        lf_draw_text (d, value, x0 - VALUE_GAP, cy, LF_ALIGN_END, LF_ALIGN_CENTER, &pal->foreground, NULL, NULL);

      /* A thin line from where this bar ends to where the next one starts. */
      if (i + 1 < n)
        {
          double x = round (X_OF (row->end)) + 0.5;
          double dashes[] = { 2.0, 2.0 };

          lf_set_source_color (cr, &pal->dim_foreground);
          cairo_set_line_width (cr, 1.0);
          cairo_set_dash (cr, dashes, 2, 0.0);
          cairo_move_to (cr, x, cy + bar_h / 2.0);
          cairo_line_to (cr, x, cy + row_h - bar_h / 2.0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0.0);
        }
    }
#undef X_OF
  clear_rows (rows, n);
  lf_draw_set_font (d, LF_FONT_SIZE, PANGO_WEIGHT_NORMAL);
}

/* "Chinese-brand share of US EV sales in 2030 goes from current policy's
 * 0.0 % to 5.7 % in this scenario: connected-vehicle rule +3.1 pts; …" */
char *
lf_chart_attribution_describe (const LfChartData *data)
{
  const LfAttribution *a = data->attribution;
  g_autofree char *name = NULL, *from = NULL, *to = NULL;
  GString *s;

  if (a == NULL)
    return g_strdup (_("Where the change from current policy came from: not computed."));
  name = lf_chart_result_name (a->series, a->year);
  from = lf_chart_format_result (a->series, a->from);
  to = lf_chart_format_result (a->series, a->to);
  if (a->n_parts == 0)
    /* TRANSLATORS: %1$s is a result and its year, %2$s its value */
    return g_strdup_printf (_("%1$s: %2$s, as under current policy; no lever differs."), name, to);
  if (lf_attribution_is_empty (a))
    /* TRANSLATORS: %1$s is a result and its year, %2$s its value */
    return g_strdup_printf (_("%1$s: %2$s, as under current policy; the levers that differ do not move it."),
                            name, to);
  s = g_string_new (NULL);
  /* TRANSLATORS: %1$s is a result and its year, %2$s its value under current policy, %3$s in the scenario */
  g_string_append_printf (s, _("%1$s goes from %2$s under current policy to %3$s in this scenario: "),
                          name, from, to);
  for (int i = 0; i < MIN (a->n_parts, 6); i++)
    {
      g_autofree char *v = lf_chart_format_change (a->series, a->parts[i].contribution, 1);

      /* TRANSLATORS: a lever and its part of a change, e.g. "BYD plant (byd-tx) +1.2 pts" */
      g_string_append_printf (s, _("%s%s %s"), i ? "; " : "", a->parts[i].label, v);
    }
  if (a->n_parts > 6)
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "; and %d other lever", "; and %d other levers",
                                            (gulong) (a->n_parts - 6)), a->n_parts - 6);
  g_string_append (s, ".");
  return g_string_free (s, FALSE);
}
