/* lf-chart-axis.c: where a year and a value go on a time-series chart.
 *
 * The one place that maps years to x and values to y: the layers, the
 * read-out and the hover lookups (lf_chart_year_at() and friends) all come
 * here, so a hover always lands on the year drawn under the pointer.
 */
#define G_LOG_DOMAIN "landfall-charts"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lf-chart-private.h"

/* Fixed side margins: x depends on the width alone, never on the data, so
 * hover can map x to a year without knowing what is drawn. The top margin
 * holds the legend, which may wrap on a narrow chart. */
#define MARGIN_LEFT    64.0
#define MARGIN_RIGHT   20.0
#define UNIT_ROW       24.0   /* the y axis' title, between legend and plot */
#define MARGIN_BOTTOM  26.0
#define PANEL_GAP      40.0   /* room for the lower panel's unit label */
#define PLOT_PAD_X     14.0   /* keeps the end points' dots and bars inside the plot */

/* The spec's panels, stacked down the chart below the legend, each as high
 * as the others. Returns how many. */
guint
lf_axis_panel_rects (const LfChartSpec *spec,
                     double             width,
                     double             height,
                     double             legend_height,
                     LfRect            *rects)
{
  guint n = spec->n_panels;
  double top = ceil (legend_height + UNIT_ROW);
  double w = MAX (1.0, floor (width - MARGIN_LEFT - MARGIN_RIGHT));
  double h = MAX (2.0, floor (height - top - MARGIN_BOTTOM));
  double each;

  g_assert (n >= 1 && n <= LF_MAX_PANELS);

  if (n == 1)
    {
      rects[0] = (LfRect) { MARGIN_LEFT, top, w, h };
      return 1;
    }

  /* Whole pixels: a clip on a fractional edge costs a mask per draw. */
  each = MAX (1.0, floor ((h - (n - 1) * PANEL_GAP) / n));
  for (guint i = 0; i < n; i++)
    rects[i] = (LfRect) { MARGIN_LEFT, top + i * (each + PANEL_GAP), w, each };
  return n;
}

double
lf_axis_year_to_x (const LfRect *plot,
                   double        year)
{
  double inner = MAX (1.0, plot->width - 2.0 * PLOT_PAD_X);

  return plot->x + PLOT_PAD_X + (year - LF_FIRST_YEAR) / (LF_N_YEARS - 1) * inner;
}

/* The year drawn nearest to @x, or -1 outside the plot. */
int
lf_axis_x_to_year (const LfRect *plot,
                   double        x)
{
  double inner, t;

  if (x < plot->x || x > plot->x + plot->width)
    return -1;

  inner = MAX (1.0, plot->width - 2.0 * PLOT_PAD_X);
  t = (x - plot->x - PLOT_PAD_X) / inner * (LF_N_YEARS - 1);

  return LF_FIRST_YEAR + CLAMP ((int) round (t), 0, LF_N_YEARS - 1);
}

double
lf_axis_value_to_y (const LfPanel *panel,
                    double         value)
{
  double t = (value - panel->min) / (panel->max - panel->min);

  return panel->rect.y + panel->rect.height * (1.0 - t);
}

/* A bar's width: wide enough to see, narrow enough to stay in the padding
 * at either end. */
double
lf_axis_bar_width (const LfPanel *panel)
{
  double spacing = (panel->rect.width - 2.0 * PLOT_PAD_X) / (LF_N_YEARS - 1);

  return CLAMP (spacing * 0.4, 2.0, 2.0 * PLOT_PAD_X - 4.0);
}

/* Rounds a range out to "nice" ticks (1, 2, 2.5 or 5 × 10^n) so the axis
 * reads at a glance, about one tick every 64 pixels and never closer than
 * LF_AXIS_MIN_TICK_GAP. */
#define LF_AXIS_MIN_TICK_GAP 18.0

void
lf_axis_set_range (LfPanel *panel,
                   double   lo,
                   double   hi)
{
  double target = MAX (2.0, floor (panel->rect.height / 64.0));
  double raw, magnitude, norm, step;

  if (!isfinite (lo) || !isfinite (hi))
    lo = 0.0, hi = 1.0;
  if (hi - lo < 1e-9)
    hi = lo + 1.0;
  /* A little headroom, so a curve at its maximum does not run along the
   * top grid line. */
  if (hi > 0.0)
    hi += 0.03 * (hi - lo);

  raw = (hi - lo) / target;
  magnitude = pow (10.0, floor (log10 (raw)));
  norm = raw / magnitude;
  if (norm <= 1.0)
    step = 1.0;
  else if (norm <= 2.0)
    step = 2.0;
  else if (norm <= 2.5)
    step = 2.5;
  else if (norm <= 5.0)
    step = 5.0;
  else
    step = 10.0;
  step *= magnitude;

  /* Rounding out to whole steps can add intervals: in a short panel the
   * labels would then sit on one another, so the step grows (to the next
   * nice one) until each interval has room for a label's height, or only
   * two are left (a range across zero needs two). */
  for (;;)
    {
      double intervals;

      panel->step = step;
      panel->min = floor (lo / step + 1e-9) * step;
      panel->max = ceil (hi / step - 1e-9) * step;
      if (panel->max <= panel->min)
        panel->max = panel->min + step;
      intervals = round ((panel->max - panel->min) / step);
      if (intervals <= 2.0 || panel->rect.height / intervals >= LF_AXIS_MIN_TICK_GAP)
        break;
      norm = step / magnitude;
      if (norm < 1.5)
        step = 2.0 * magnitude;
      else if (norm < 2.25)
        step = 5.0 * magnitude;
      else if (norm < 7.5)
        step = 10.0 * magnitude;
      else
        {
          magnitude *= 10.0;
          step = 2.0 * magnitude;
        }
    }

  panel->decimals = 0;
  while (panel->decimals < 4 &&
         fabs (step * pow (10.0, panel->decimals) - round (step * pow (10.0, panel->decimals))) > 1e-6)
    panel->decimals++;
}

/* Grid lines and value labels, the bottom edge, year ticks (and labels on
 * the lowest panel) and the unit above. */
void
lf_axis_draw (LfDraw        *d,
              const LfPanel *panel)
{
  cairo_t *cr = d->cr;
  const LfPalette *pal = d->palette;
  const LfRect *r = &panel->rect;
  int n_ticks = (int) round ((panel->max - panel->min) / panel->step);

  cairo_set_line_width (cr, 1.0);
  lf_draw_set_font (d, LF_FONT_SIZE_SMALL, PANGO_WEIGHT_NORMAL);
  for (int i = 0; i <= n_ticks; i++)
    {
      double v = panel->min + i * panel->step;
      double y = round (lf_axis_value_to_y (panel, v)) + 0.5;
      g_autofree char *label = lf_format_value (v, panel->decimals);

      /* The zero line of a range with losses is an axis, not a grid line. */
      lf_set_source_color (cr, fabs (v) < panel->step * 1e-6 && panel->min < 0 ? &pal->axis : &pal->grid);
      cairo_move_to (cr, r->x, y);
      cairo_line_to (cr, r->x + r->width, y);
      cairo_stroke (cr);
      lf_draw_text (d, label, r->x - 8.0, y, LF_ALIGN_END, LF_ALIGN_CENTER,
                    &pal->dim_foreground, NULL, NULL);
    }

  /* The bottom edge and year ticks. */
  lf_set_source_color (cr, &pal->axis);
  cairo_move_to (cr, r->x, round (r->y + r->height) + 0.5);
  cairo_line_to (cr, r->x + r->width, round (r->y + r->height) + 0.5);
  cairo_stroke (cr);

  {
    double label_w;
    double spacing = (r->width - 2.0 * PLOT_PAD_X) / (LF_N_YEARS - 1);
    int every;

    lf_draw_text_size (d, "2030", &label_w, NULL);
    every = spacing >= label_w + 10.0 ? 1 : 2 * spacing >= label_w + 10.0 ? 2 : 5;

    for (int year = LF_FIRST_YEAR; year <= LF_LAST_YEAR; year++)
      {
        double x = round (lf_axis_year_to_x (r, year)) + 0.5;
        gboolean labelled = (year - LF_FIRST_YEAR) % every == 0;

        lf_set_source_color (cr, &pal->axis);
        cairo_move_to (cr, x, r->y + r->height);
        cairo_line_to (cr, x, r->y + r->height + (labelled ? 5.0 : 3.0));
        cairo_stroke (cr);

        if (panel->year_labels && labelled)
          {
            g_autofree char *text = lf_format_year (year);

            lf_draw_text (d, text, x, r->y + r->height + 6.0, LF_ALIGN_CENTER, LF_ALIGN_START,
                          &pal->dim_foreground, NULL, NULL);
          }
      }
  }

  if (panel->unit != NULL)
    lf_draw_text (d, panel->unit, 0.0, r->y - 8.0, LF_ALIGN_START, LF_ALIGN_END,
                  &pal->dim_foreground, NULL, NULL);
  lf_draw_set_font (d, LF_FONT_SIZE, PANGO_WEIGHT_NORMAL);
}

/* A dashed line down every panel in each year a policy lever changes. */
void
lf_axis_draw_marked_years (LfDraw        *d,
                           const LfPanel *panels,
                           guint          n_panels)
{
  static const double dash[] = { 4.0, 3.0 };
  cairo_t *cr = d->cr;

  cairo_save (cr);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_line_width (cr, 1.0);
  lf_set_source_color (cr, &d->palette->marker);
  for (int i = 1; i < LF_N_YEARS; i++)
    {
      if (!d->data->marked_years[i])
        continue;
      for (guint p = 0; p < n_panels; p++)
        {
          double x = round (lf_axis_year_to_x (&panels[p].rect, LF_FIRST_YEAR + i)) + 0.5;

          cairo_move_to (cr, x, panels[p].rect.y);
          cairo_line_to (cr, x, panels[p].rect.y + panels[p].rect.height);
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Where the actual years end and the projection begins: a faint shade over
 * the actual years (they are history, the same in every scenario), a rule between 2026 and 2027 in every panel, and
 * "Actual | Projected" at the top of the first. */
void
lf_axis_draw_projection_start (LfDraw        *d,
                               const LfPanel *panels,
                               guint          n_panels)
{
  cairo_t *cr = d->cr;
  const LfPalette *pal = d->palette;

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  for (guint p = 0; p < n_panels; p++)
    {
      const LfRect *r = &panels[p].rect;
      double x = round (lf_axis_year_to_x (r, LF_FIRST_PROJECTED_YEAR - 0.5)) + 0.5;

      lf_set_source_color_alpha (cr, &pal->foreground, 0.05);
      cairo_rectangle (cr, r->x, r->y, x - r->x, r->height);
      cairo_fill (cr);
      lf_set_source_color (cr, &pal->axis);
      cairo_move_to (cr, x, r->y);
      cairo_line_to (cr, x, r->y + r->height);
      cairo_stroke (cr);
    }
  /* The words only where the panel has room for them beside its lines; the
   * shade and the rule say the same on a small chart. */
  if (n_panels > 0 && panels[0].rect.height >= 72.0)
    {
      const LfRect *r = &panels[0].rect;
      double x = round (lf_axis_year_to_x (r, LF_FIRST_PROJECTED_YEAR - 0.5)) + 0.5;

      /* TRANSLATORS: on a chart, left of the line between the actual years and the projection */
      const char *actual = _("Actual");
      /* TRANSLATORS: on a chart, right of the line between the actual years and the projection */
      const char *projected = _("Projected");
      double aw, ah, pw, ph;

      lf_draw_set_font (d, LF_FONT_SIZE_SMALL - 1.0, PANGO_WEIGHT_NORMAL);
      lf_draw_text_size (d, actual, &aw, &ah);
      lf_draw_text_size (d, projected, &pw, &ph);
      /* On a backing, so a line passing under the words leaves them legible. */
      lf_set_source_color_alpha (cr, &pal->background, 0.85);
      cairo_rectangle (cr, x - 6.0 - aw, r->y + 2.0, aw + pw + 12.0, MAX (ah, ph) + 2.0);
      cairo_fill (cr);
      lf_draw_text (d, actual, x - 4.0, r->y + 3.0, LF_ALIGN_END, LF_ALIGN_START,
                    &pal->dim_foreground, NULL, NULL);
      lf_draw_text (d, projected, x + 4.0, r->y + 3.0, LF_ALIGN_START, LF_ALIGN_START,
                    &pal->dim_foreground, NULL, NULL);
      lf_draw_set_font (d, LF_FONT_SIZE, PANGO_WEIGHT_NORMAL);
    }
  cairo_restore (cr);
}
