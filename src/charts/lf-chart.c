/* lf-chart.c: the time-series charts (share, origin, Ford), hover, text.
 *
 * Numbers stay out of drawing: each chart first builds panels (a plot
 * rectangle and a y range) and series in display units; lf_chart_year_at()
 * and the drawing both go through year_to_x(), so a hover always lands on
 * the year drawn under the pointer.
 */
#define G_LOG_DOMAIN "landfall-charts"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lf-chart-private.h"

/* Fixed side margins: x depends on the width alone, never on the data, so
 * hover can map x to a year without knowing what is drawn. The top margin
 * holds the legend, which may wrap on a narrow chart. */
#define MARGIN_LEFT    64.0
#define MARGIN_RIGHT   20.0
#define UNIT_ROW       24.0   /* the y axis' title, between legend and plot */
#define MARGIN_BOTTOM  26.0
#define PANEL_GAP      40.0   /* Ford: room for the lower panel's unit label */
#define PLOT_PAD_X     14.0   /* keeps the end points' dots and bars inside the plot */
#define MAX_PANELS     2

typedef struct {
  LfRect      rect;
  double      min, max, step;
  int         decimals;
  const char *unit;         /* the y axis' title, drawn above the panel */
  gboolean    year_labels;  /* only the lowest panel labels the years */
} LfPanel;

typedef struct {
  double values[LF_N_YEARS];
  double lo[LF_N_YEARS];    /* band, when has_band */
  double hi[LF_N_YEARS];
  gboolean has_band;
} LfLine;

static const char * const kind_names[LF_N_CHARTS] = { "share", "origin", "ford", "map", "tornado", "validation" };

static const char * const kind_titles[LF_N_CHARTS] = {
  N_("Chinese-brand share of US EV sales"),
  N_("Chinese-brand EV sales by where they are built"),
  N_("Ford EV sales and EBIT"),
  N_("Plants of Chinese-brand makers in North America"),
  N_("Which levers move the result most"),
  N_("Chinese-brand share abroad: observed and modelled"),
};

static const char * const origin_labels[LF_N_ORIGINS] = {
  N_("Built in China"),
  N_("Built in Mexico"),
  N_("Built in the US"),
  N_("Built in Canada"),
};

static const LfSeries origin_series[LF_N_ORIGINS] = {
  LF_SERIES_CHINESE_CHINA_BUILT,
  LF_SERIES_CHINESE_MEXICO_BUILT,
  LF_SERIES_CHINESE_US_BUILT,
  LF_SERIES_CHINESE_CANADA_BUILT,
};

/* Geometry ---------------------------------------------------------------- */

static guint
panel_rects (LfChartKind kind,
             double      width,
             double      height,
             double      legend_h,
             LfRect      rects[MAX_PANELS])
{
  double top = ceil (legend_h + UNIT_ROW);
  double w = MAX (1.0, floor (width - MARGIN_LEFT - MARGIN_RIGHT));
  double h = MAX (2.0, floor (height - top - MARGIN_BOTTOM));

  if (kind == LF_CHART_FORD)
    {
      /* Whole pixels: a clip on a fractional edge costs a mask per draw. */
      double each = MAX (1.0, floor ((h - PANEL_GAP) / 2.0));

      rects[0] = (LfRect) { MARGIN_LEFT, top, w, each };
      rects[1] = (LfRect) { MARGIN_LEFT, top + each + PANEL_GAP, w, each };
      return 2;
    }

  rects[0] = (LfRect) { MARGIN_LEFT, top, w, h };
  return 1;
}

static double
year_to_x (const LfRect *plot,
           double        year)
{
  double inner = MAX (1.0, plot->width - 2.0 * PLOT_PAD_X);

  return plot->x + PLOT_PAD_X + (year - LF_FIRST_YEAR) / (LF_N_YEARS - 1) * inner;
}

static double
value_to_y (const LfPanel *panel,
            double         value)
{
  double t = (value - panel->min) / (panel->max - panel->min);

  return panel->rect.y + panel->rect.height * (1.0 - t);
}

/* Rounds a range out to "nice" ticks (1, 2, 2.5 or 5 × 10^n) so the axis
 * reads at a glance, about one tick every 64 pixels. */
static void
panel_set_range (LfPanel *panel,
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

  panel->step = step;
  panel->min = floor (lo / step + 1e-9) * step;
  panel->max = ceil (hi / step - 1e-9) * step;
  if (panel->max <= panel->min)
    panel->max = panel->min + step;

  panel->decimals = 0;
  while (panel->decimals < 4 &&
         fabs (step * pow (10.0, panel->decimals) - round (step * pow (10.0, panel->decimals))) > 1e-6)
    panel->decimals++;
}

static void
line_from_series (LfLine             *line,
                  const LfProjection *projection,
                  const LfBands      *bands,
                  LfSeries            series,
                  double              divisor)
{
  memset (line, 0, sizeof *line);
  for (int i = 0; i < LF_N_YEARS; i++)
    line->values[i] = projection != NULL ? projection->series[series][i] / divisor : NAN;

  if (bands != NULL && bands->n_draws > 0)
    {
      /* A band of zero width (a series no draw changes) is not worth a
       * legend entry. */
      for (int i = 0; i < LF_N_YEARS; i++)
        {
          line->lo[i] = bands->p10[series][i] / divisor;
          line->hi[i] = bands->p90[series][i] / divisor;
          if (line->hi[i] != line->lo[i])
            line->has_band = TRUE;
        }
    }
}

static void
extend_range (const double *values,
              double       *lo,
              double       *hi)
{
  for (int i = 0; i < LF_N_YEARS; i++)
    if (isfinite (values[i]))
      {
        *lo = MIN (*lo, values[i]);
        *hi = MAX (*hi, values[i]);
      }
}

/* Everything a chart needs, computed from the data once per draw. */
typedef struct {
  guint        n_panels;
  LfPanel      panels[MAX_PANELS];
  LfLine       lines[6];
  guint        n_legend;
  LfLegendItem legend[LF_MAX_LEGEND];
  double       legend_height;
} LfLayout;

enum {
  SHARE_SCENARIO, SHARE_BASELINE,
};
enum {
  FORD_UNITS, FORD_UNITS_NO_ENTRY, FORD_EBIT, FORD_EBIT_NO_ENTRY, FORD_PARTNER,
};

static gboolean
any_marked (const LfChartData *data)
{
  for (int i = 1; i < LF_N_YEARS; i++)
    if (data->marked_years[i])
      return TRUE;
  return FALSE;
}

static void
add_legend (LfLayout      *l,
            const char    *label,
            const LfColor *color,
            LfSwatch       swatch)
{
  g_assert (l->n_legend < LF_MAX_LEGEND);
  l->legend[l->n_legend++] = (LfLegendItem) { label, *color, swatch };
}

static void
layout_chart (LfChartKind        kind,
              const LfChartData *data,
              double             width,
              double             height,
              LfLayout          *l)
{
  const LfPalette *pal = lf_palette_get (data->dark);
  LfRect rects[MAX_PANELS];
  double lo, hi;

  memset (l, 0, sizeof *l);

  /* Series first: the legend lists a band only when there is one. */
  switch (kind)
    {
    case LF_CHART_SHARE:
      line_from_series (&l->lines[SHARE_SCENARIO], data->projection, data->bands,
                        LF_SERIES_CHINESE_SHARE_EV_PCT, 1.0);
      line_from_series (&l->lines[SHARE_BASELINE], data->baseline, NULL,
                        LF_SERIES_CHINESE_SHARE_EV_PCT, 1.0);
      add_legend (l, _("This scenario"), &pal->scenario, LF_SWATCH_LINE);
      if (data->baseline != NULL)
        add_legend (l, _("Current policy"), &pal->baseline, LF_SWATCH_LINE);
      if (l->lines[SHARE_SCENARIO].has_band)
        add_legend (l, _("p10–p90 range"), &pal->band, LF_SWATCH_BOX);
      break;

    case LF_CHART_ORIGIN:
      for (int o = 0; o < LF_N_ORIGINS; o++)
        {
          line_from_series (&l->lines[o], data->projection, NULL, origin_series[o], 1000.0);
          add_legend (l, _(origin_labels[o]), &pal->origin[o], LF_SWATCH_BOX);
        }
      break;

    case LF_CHART_FORD:
      line_from_series (&l->lines[FORD_UNITS], data->projection, data->bands,
                        LF_SERIES_FORD_EV_SALES, 1000.0);
      line_from_series (&l->lines[FORD_UNITS_NO_ENTRY], data->projection, NULL,
                        LF_SERIES_FORD_EV_SALES_NO_ENTRY, 1000.0);
      line_from_series (&l->lines[FORD_EBIT], data->projection, data->bands,
                        LF_SERIES_FORD_EV_EBIT_MUSD, 1.0);
      line_from_series (&l->lines[FORD_EBIT_NO_ENTRY], data->projection, NULL,
                        LF_SERIES_FORD_EV_EBIT_NO_ENTRY_MUSD, 1.0);
      line_from_series (&l->lines[FORD_PARTNER], data->projection, NULL,
                        LF_SERIES_FORD_PARTNER_INCOME_MUSD, 1.0);
      add_legend (l, _("This scenario"), &pal->scenario, LF_SWATCH_LINE);
      add_legend (l, _("No Chinese entry"), &pal->baseline, LF_SWATCH_LINE);
      add_legend (l, _("Partnership income"), &pal->partner, LF_SWATCH_BOX);
      if (l->lines[FORD_UNITS].has_band || l->lines[FORD_EBIT].has_band)
        add_legend (l, _("p10–p90 range"), &pal->band, LF_SWATCH_BOX);
      break;

    case LF_CHART_MAP:
    case LF_CHART_TORNADO:
    case LF_CHART_VALIDATION:
    case LF_N_CHARTS:
    default:
      g_assert_not_reached ();
    }
  if (any_marked (data))
    add_legend (l, _("Policy change"), &pal->marker, LF_SWATCH_DASH);

  {
    double xs[LF_MAX_LEGEND], ys[LF_MAX_LEGEND];

    l->legend_height = lf_legend_layout (l->legend, l->n_legend, width, xs, ys);
  }
  l->n_panels = panel_rects (kind, width, height, l->legend_height, rects);
  for (guint i = 0; i < l->n_panels; i++)
    l->panels[i].rect = rects[i];
  l->panels[l->n_panels - 1].year_labels = TRUE;

  switch (kind)
    {
    case LF_CHART_SHARE:
      lo = 0.0;
      hi = 1.0;  /* a share that stays at zero still gets a readable axis */
      extend_range (l->lines[SHARE_SCENARIO].values, &lo, &hi);
      if (data->baseline != NULL)
        extend_range (l->lines[SHARE_BASELINE].values, &lo, &hi);
      if (l->lines[SHARE_SCENARIO].has_band)
        extend_range (l->lines[SHARE_SCENARIO].hi, &lo, &hi);
      /* Translators: the unit of the y axis; "%" is a plain percent sign here */
      /* xgettext:no-c-format */
      l->panels[0].unit = _("% of US EV sales");
      panel_set_range (&l->panels[0], 0.0, MIN (hi, 100.0));
      break;

    case LF_CHART_ORIGIN:
      {
        double total[LF_N_YEARS] = { 0 };

        for (int o = 0; o < LF_N_ORIGINS; o++)
          for (int i = 0; i < LF_N_YEARS; i++)
            if (isfinite (l->lines[o].values[i]))
              total[i] += MAX (0.0, l->lines[o].values[i]);
        lo = 0.0;
        hi = 1.0;
        extend_range (total, &lo, &hi);
        l->panels[0].unit = _("Thousand vehicles per year");
        panel_set_range (&l->panels[0], 0.0, hi);
      }
      break;

    case LF_CHART_FORD:
      lo = 0.0;
      hi = 1.0;
      extend_range (l->lines[FORD_UNITS].values, &lo, &hi);
      extend_range (l->lines[FORD_UNITS_NO_ENTRY].values, &lo, &hi);
      if (l->lines[FORD_UNITS].has_band)
        extend_range (l->lines[FORD_UNITS].hi, &lo, &hi);
      l->panels[0].unit = _("Ford EV sales, thousand vehicles");
      panel_set_range (&l->panels[0], 0.0, hi);

      /* EBIT is often a loss: the range always holds zero so the sign reads. */
      lo = 0.0;
      hi = 0.0;
      for (int s = FORD_EBIT; s <= FORD_PARTNER; s++)
        extend_range (l->lines[s].values, &lo, &hi);
      if (l->lines[FORD_EBIT].has_band)
        {
          extend_range (l->lines[FORD_EBIT].lo, &lo, &hi);
          extend_range (l->lines[FORD_EBIT].hi, &lo, &hi);
        }
      l->panels[1].unit = _("Ford EV EBIT and partnership income, USD million");
      panel_set_range (&l->panels[1], lo, hi);
      break;

    case LF_CHART_MAP:
    case LF_CHART_TORNADO:
    case LF_CHART_VALIDATION:
    case LF_N_CHARTS:
    default:
      g_assert_not_reached ();
    }
}

/* Drawing ----------------------------------------------------------------- */

static void
draw_panel_axes (LfDraw        *d,
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
      double y = round (value_to_y (panel, v)) + 0.5;
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
        double x = round (year_to_x (r, year)) + 0.5;
        gboolean labelled = (year - LF_FIRST_YEAR) % every == 0;

        lf_set_source_color (cr, &pal->axis);
        cairo_move_to (cr, x, r->y + r->height);
        cairo_line_to (cr, x, r->y + r->height + (labelled ? 5.0 : 3.0));
        cairo_stroke (cr);

        if (panel->year_labels && labelled)
          {
            /* Years are labels, not quantities: no digit grouping. */
            char text[16];

            g_snprintf (text, sizeof text, "%d", year);
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

static void
draw_band (LfDraw        *d,
           const LfPanel *panel,
           const LfLine  *line,
           const LfColor *color)
{
  cairo_t *cr = d->cr;

  for (int i = 0; i < LF_N_YEARS; i++)
    {
      double x = year_to_x (&panel->rect, LF_FIRST_YEAR + i);
      double y = value_to_y (panel, line->hi[i]);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  for (int i = LF_N_YEARS - 1; i >= 0; i--)
    cairo_line_to (cr, year_to_x (&panel->rect, LF_FIRST_YEAR + i), value_to_y (panel, line->lo[i]));
  cairo_close_path (cr);
  lf_set_source_color (cr, color);
  cairo_fill (cr);
}

static void
draw_line (LfDraw        *d,
           const LfPanel *panel,
           const double  *values,
           const LfColor *color,
           double         line_width,
           gboolean       dots)
{
  cairo_t *cr = d->cr;
  gboolean pen_down = FALSE;

  cairo_save (cr);
  cairo_rectangle (cr, panel->rect.x, panel->rect.y - ceil (line_width),
                   panel->rect.width, panel->rect.height + 2 * ceil (line_width));
  cairo_clip (cr);

  cairo_new_path (cr);
  for (int i = 0; i < LF_N_YEARS; i++)
    {
      double x = year_to_x (&panel->rect, LF_FIRST_YEAR + i);

      /* A missing value breaks the line rather than drawing it at zero. */
      if (!isfinite (values[i]))
        {
          pen_down = FALSE;
          continue;
        }
      if (pen_down)
        cairo_line_to (cr, x, value_to_y (panel, values[i]));
      else
        cairo_move_to (cr, x, value_to_y (panel, values[i]));
      pen_down = TRUE;
    }
  lf_set_source_color (cr, color);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);

  if (dots)
    {
      for (int i = 0; i < LF_N_YEARS; i++)
        if (isfinite (values[i]))
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, year_to_x (&panel->rect, LF_FIRST_YEAR + i),
                       value_to_y (panel, values[i]), line_width * 1.3, 0, 2 * G_PI);
          }
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static void
draw_bars (LfDraw        *d,
           const LfPanel *panel,
           const double  *values,
           const LfColor *color)
{
  double spacing = (panel->rect.width - 2.0 * PLOT_PAD_X) / (LF_N_YEARS - 1);
  double bar_w = CLAMP (spacing * 0.4, 2.0, 2.0 * PLOT_PAD_X - 4.0);
  double zero = value_to_y (panel, 0.0);

  cairo_save (d->cr);
  cairo_rectangle (d->cr, panel->rect.x, panel->rect.y, panel->rect.width, panel->rect.height);
  cairo_clip (d->cr);
  for (int i = 0; i < LF_N_YEARS; i++)
    {
      double x = year_to_x (&panel->rect, LF_FIRST_YEAR + i);
      double y;

      if (!isfinite (values[i]) || values[i] == 0.0)
        continue;
      y = value_to_y (panel, values[i]);
      cairo_rectangle (d->cr, x - bar_w / 2.0, MIN (y, zero), bar_w, fabs (zero - y));
    }
  lf_set_source_color_alpha (d->cr, color, 0.7);
  cairo_fill (d->cr);
  cairo_restore (d->cr);
}

static void
draw_stack (LfDraw        *d,
            const LfPanel *panel,
            const LfLine  *lines)
{
  cairo_t *cr = d->cr;
  double below[LF_N_YEARS] = { 0 };

  for (int o = 0; o < LF_N_ORIGINS; o++)
    {
      double above[LF_N_YEARS];

      for (int i = 0; i < LF_N_YEARS; i++)
        above[i] = below[i] + (isfinite (lines[o].values[i]) ? MAX (0.0, lines[o].values[i]) : 0.0);

      for (int i = 0; i < LF_N_YEARS; i++)
        {
          double x = year_to_x (&panel->rect, LF_FIRST_YEAR + i);

          if (i == 0)
            cairo_move_to (cr, x, value_to_y (panel, above[i]));
          else
            cairo_line_to (cr, x, value_to_y (panel, above[i]));
        }
      for (int i = LF_N_YEARS - 1; i >= 0; i--)
        cairo_line_to (cr, year_to_x (&panel->rect, LF_FIRST_YEAR + i), value_to_y (panel, below[i]));
      cairo_close_path (cr);
      lf_set_source_color_alpha (cr, &d->palette->origin[o], 0.55);
      cairo_fill (cr);

      /* A crisp top edge tells the layers apart where they are thin; only
       * where the layer has cars, or an empty layer would paint its colour
       * over the edge of the one below. */
      for (int i = 0; i + 1 < LF_N_YEARS; i++)
        {
          if (above[i] == below[i] && above[i + 1] == below[i + 1])
            continue;
          cairo_move_to (cr, year_to_x (&panel->rect, LF_FIRST_YEAR + i), value_to_y (panel, above[i]));
          cairo_line_to (cr, year_to_x (&panel->rect, LF_FIRST_YEAR + i + 1),
                         value_to_y (panel, above[i + 1]));
        }
      lf_set_source_color (cr, &d->palette->origin[o]);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);

      memcpy (below, above, sizeof below);
    }
}

static void
draw_marked_years (LfDraw   *d,
                   LfLayout *l)
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
      for (guint p = 0; p < l->n_panels; p++)
        {
          double x = round (year_to_x (&l->panels[p].rect, LF_FIRST_YEAR + i)) + 0.5;

          cairo_move_to (cr, x, l->panels[p].rect.y);
          cairo_line_to (cr, x, l->panels[p].rect.y + l->panels[p].rect.height);
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Hover read-out ------------------------------------------------------------ */

typedef struct {
  const char *label;
  char       *value;
  LfColor     color;
  LfSwatch    swatch;
  int         panel;     /* where to put a dot; -1 for none */
  double      dot_value;
} LfReadout;

static void
draw_readout (LfDraw    *d,
              LfLayout  *l,
              int        year,
              LfReadout *rows,
              guint      n_rows)
{
  cairo_t *cr = d->cr;
  const LfPalette *pal = d->palette;
  const LfRect *top = &l->panels[0].rect;
  const LfRect *bottom = &l->panels[l->n_panels - 1].rect;
  double x = round (year_to_x (top, year)) + 0.5;
  double label_w = 0.0, value_w = 0.0, row_h = 0.0, title_h;
  double box_w, box_h, bx, by;
  const double pad = 8.0, swatch = 10.0;
  char title[16];

  cairo_save (cr);
  lf_set_source_color (cr, &pal->crosshair);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, x, top->y);
  cairo_line_to (cr, x, bottom->y + bottom->height);
  cairo_stroke (cr);

  for (guint i = 0; i < n_rows; i++)
    {
      const LfPanel *panel;
      double y;

      if (rows[i].panel < 0 || !isfinite (rows[i].dot_value))
        continue;
      panel = &l->panels[rows[i].panel];
      y = value_to_y (panel, rows[i].dot_value);
      if (y < panel->rect.y - 1 || y > panel->rect.y + panel->rect.height + 1)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, 4.5, 0, 2 * G_PI);
      lf_set_source_color (cr, &pal->tooltip_bg);
      cairo_fill_preserve (cr);
      lf_set_source_color (cr, &rows[i].color);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);
    }

  lf_draw_set_font (d, LF_FONT_SIZE_SMALL, PANGO_WEIGHT_NORMAL);
  for (guint i = 0; i < n_rows; i++)
    {
      double w, h;

      lf_draw_text_size (d, rows[i].label, &w, &h);
      label_w = MAX (label_w, w);
      row_h = MAX (row_h, h);
      lf_draw_text_size (d, rows[i].value, &w, NULL);
      value_w = MAX (value_w, w);
    }
  g_snprintf (title, sizeof title, "%d", year);
  lf_draw_set_font (d, LF_FONT_SIZE_SMALL, PANGO_WEIGHT_BOLD);
  lf_draw_text_size (d, title, NULL, &title_h);

  box_w = pad + swatch * 1.4 + 6.0 + label_w + 16.0 + value_w + pad;
  box_h = pad + title_h + 2.0 + n_rows * row_h + pad;
  bx = x + 12.0;
  if (bx + box_w > top->x + top->width)
    bx = x - 12.0 - box_w;
  bx = round (MAX (0.0, bx)) + 0.5;

  /* Keep clear of the values being read: if the dots sit high, the box
   * goes to the bottom of the plot. */
  {
    double sum = 0.0, n = 0.0, middle = (top->y + bottom->y + bottom->height) / 2.0;

    for (guint i = 0; i < n_rows; i++)
      if (rows[i].panel >= 0 && isfinite (rows[i].dot_value))
        {
          sum += value_to_y (&l->panels[rows[i].panel], rows[i].dot_value);
          n += 1.0;
        }
    if (n > 0.0 && sum / n < middle)
      by = round (bottom->y + bottom->height - 4.0 - box_h) + 0.5;
    else
      by = round (top->y + 4.0) + 0.5;
  }

  lf_draw_panel_box (d, bx, by, box_w, box_h);

  lf_draw_text (d, title, bx + pad, by + pad, LF_ALIGN_START, LF_ALIGN_START,
                &pal->foreground, NULL, NULL);
  lf_draw_set_font (d, LF_FONT_SIZE_SMALL, PANGO_WEIGHT_NORMAL);
  for (guint i = 0; i < n_rows; i++)
    {
      double ry = by + pad + title_h + 2.0 + i * row_h;

      lf_draw_swatch (d, rows[i].swatch, &rows[i].color, bx + pad, ry + (row_h - swatch) / 2.0, swatch);
      lf_draw_text (d, rows[i].label, bx + pad + swatch * 1.4 + 6.0, ry, LF_ALIGN_START,
                    LF_ALIGN_START, &pal->dim_foreground, NULL, NULL);
      lf_draw_text (d, rows[i].value, bx + box_w - pad, ry, LF_ALIGN_END, LF_ALIGN_START,
                    &pal->foreground, NULL, NULL);
    }
  lf_draw_set_font (d, LF_FONT_SIZE, PANGO_WEIGHT_NORMAL);
  cairo_restore (cr);
}

static void
readout_free_values (LfReadout *rows,
                     guint      n_rows)
{
  for (guint i = 0; i < n_rows; i++)
    g_free (rows[i].value);
}

static char *
format_units (double thousands)
{
  return lf_format_value (thousands * 1000.0, 0);
}

static char *
format_musd (double musd)
{
  g_autofree char *number = lf_format_value (musd, 0);

  /* TRANSLATORS: an amount in millions of US dollars; %s is the number */
  return g_strdup_printf (_("%s M$"), number);
}

/* The charts ---------------------------------------------------------------- */

static void
draw_share (LfDraw   *d,
            LfLayout *l)
{
  const LfPalette *pal = d->palette;
  const LfPanel *panel = &l->panels[0];
  const LfLine *scenario = &l->lines[SHARE_SCENARIO];
  const LfLine *baseline = &l->lines[SHARE_BASELINE];
  int hover = d->data->hover_year;

  draw_panel_axes (d, panel);
  if (scenario->has_band)
    draw_band (d, panel, scenario, &pal->band);
  draw_marked_years (d, l);
  if (d->data->baseline != NULL)
    draw_line (d, panel, baseline->values, &pal->baseline, 2.0, FALSE);
  draw_line (d, panel, scenario->values, &pal->scenario, 2.5, TRUE);

  lf_draw_legend (d, l->legend, l->n_legend, d->width);

  if (hover >= LF_FIRST_YEAR && hover <= LF_LAST_YEAR)
    {
      int i = lf_year_index (hover);
      LfReadout rows[3];
      guint n = 0;

      rows[n++] = (LfReadout) { _("This scenario"), lf_format_percent (scenario->values[i], 1),
                                pal->scenario, LF_SWATCH_LINE, 0, scenario->values[i] };
      if (d->data->baseline != NULL)
        rows[n++] = (LfReadout) { _("Current policy"), lf_format_percent (baseline->values[i], 1),
                                  pal->baseline, LF_SWATCH_LINE, 0, baseline->values[i] };
      if (scenario->has_band)
        {
          g_autofree char *lo = lf_format_value (scenario->lo[i], 1);
          g_autofree char *hi = lf_format_percent (scenario->hi[i], 1);

          rows[n++] = (LfReadout) { _("p10–p90"), g_strdup_printf ("%s–%s", lo, hi),
                                    pal->band, LF_SWATCH_BOX, -1, NAN };
        }
      draw_readout (d, l, hover, rows, n);
      readout_free_values (rows, n);
    }
}

static void
draw_origin (LfDraw   *d,
             LfLayout *l)
{
  const LfPalette *pal = d->palette;
  const LfPanel *panel = &l->panels[0];
  int hover = d->data->hover_year;

  draw_panel_axes (d, panel);
  draw_stack (d, panel, l->lines);
  draw_marked_years (d, l);

  /* An empty stack says why, rather than showing bare axes. */
  {
    double total = 0.0;
    for (int s = LF_SERIES_CHINESE_CHINA_BUILT; s <= LF_SERIES_CHINESE_CANADA_BUILT; s++)
      for (int i = 0; i < LF_N_YEARS; i++)
        total += d->data->projection->series[s][i];
    if (total <= 0.0)
      lf_draw_text (d, _("No Chinese-brand EV sales in this scenario"),
                    panel->rect.x + panel->rect.width / 2.0, panel->rect.y + panel->rect.height / 2.0,
                    LF_ALIGN_CENTER, LF_ALIGN_CENTER, &pal->dim_foreground, NULL, NULL);
  }

  lf_draw_legend (d, l->legend, l->n_legend, d->width);

  if (hover >= LF_FIRST_YEAR && hover <= LF_LAST_YEAR)
    {
      int i = lf_year_index (hover);
      LfReadout rows[LF_N_ORIGINS + 1];
      double cumulative = 0.0;
      guint n = 0;

      /* Top of the stack first, as the layers read from the top down. */
      for (int o = 0; o < LF_N_ORIGINS; o++)
        cumulative += isfinite (l->lines[o].values[i]) ? MAX (0.0, l->lines[o].values[i]) : 0.0;
      rows[n++] = (LfReadout) { _("Total"), format_units (cumulative), pal->foreground,
                                LF_SWATCH_DOT, -1, NAN };
      for (int o = LF_N_ORIGINS - 1; o >= 0; o--)
        {
          double v = isfinite (l->lines[o].values[i]) ? MAX (0.0, l->lines[o].values[i]) : 0.0;

          rows[n++] = (LfReadout) { _(origin_labels[o]), format_units (v), pal->origin[o],
                                    LF_SWATCH_BOX, v > 0.0 ? 0 : -1, cumulative };
          cumulative -= v;
        }
      draw_readout (d, l, hover, rows, n);
      readout_free_values (rows, n);
    }
}

static void
draw_ford (LfDraw   *d,
           LfLayout *l)
{
  const LfPalette *pal = d->palette;
  int hover = d->data->hover_year;

  draw_panel_axes (d, &l->panels[0]);
  draw_panel_axes (d, &l->panels[1]);
  if (l->lines[FORD_UNITS].has_band)
    draw_band (d, &l->panels[0], &l->lines[FORD_UNITS], &pal->band);
  if (l->lines[FORD_EBIT].has_band)
    draw_band (d, &l->panels[1], &l->lines[FORD_EBIT], &pal->band);
  draw_bars (d, &l->panels[1], l->lines[FORD_PARTNER].values, &pal->partner);
  draw_marked_years (d, l);
  draw_line (d, &l->panels[0], l->lines[FORD_UNITS_NO_ENTRY].values, &pal->baseline, 2.0, FALSE);
  draw_line (d, &l->panels[0], l->lines[FORD_UNITS].values, &pal->scenario, 2.5, TRUE);
  draw_line (d, &l->panels[1], l->lines[FORD_EBIT_NO_ENTRY].values, &pal->baseline, 2.0, FALSE);
  draw_line (d, &l->panels[1], l->lines[FORD_EBIT].values, &pal->scenario, 2.5, TRUE);

  lf_draw_legend (d, l->legend, l->n_legend, d->width);

  if (hover >= LF_FIRST_YEAR && hover <= LF_LAST_YEAR)
    {
      int i = lf_year_index (hover);
      const LfLine *ln = l->lines;
      LfReadout rows[] = {
        { _("EV sales"), format_units (ln[FORD_UNITS].values[i]), pal->scenario,
          LF_SWATCH_LINE, 0, ln[FORD_UNITS].values[i] },
        { _("EV sales, no entry"), format_units (ln[FORD_UNITS_NO_ENTRY].values[i]), pal->baseline,
          LF_SWATCH_LINE, 0, ln[FORD_UNITS_NO_ENTRY].values[i] },
        { _("EV EBIT"), format_musd (ln[FORD_EBIT].values[i]), pal->scenario,
          LF_SWATCH_LINE, 1, ln[FORD_EBIT].values[i] },
        { _("EV EBIT, no entry"), format_musd (ln[FORD_EBIT_NO_ENTRY].values[i]), pal->baseline,
          LF_SWATCH_LINE, 1, ln[FORD_EBIT_NO_ENTRY].values[i] },
        { _("Partnership income"), format_musd (ln[FORD_PARTNER].values[i]), pal->partner,
          LF_SWATCH_BOX, -1, NAN },
      };

      draw_readout (d, l, hover, rows, G_N_ELEMENTS (rows));
      readout_free_values (rows, G_N_ELEMENTS (rows));
    }
}

/* Public API ---------------------------------------------------------------- */

/**
 * lf_chart_data_init:
 * @data: the struct to fill
 * @scenario: (nullable): the scenario, for plants, name and policy steps
 * @projection: (nullable): the scenario's projection
 * @baseline: (nullable): the current-policy projection
 * @bands: (nullable): Monte Carlo percentiles
 *
 * Fills @data with no hover and no selection, and marks every year in which
 * one of the scenario's policy levers takes a new value.
 */
void
lf_chart_data_init (LfChartData        *data,
                    const LfScenario   *scenario,
                    const LfProjection *projection,
                    const LfProjection *baseline,
                    const LfBands      *bands)
{
  g_return_if_fail (data != NULL);

  memset (data, 0, sizeof *data);
  data->scenario = scenario;
  data->projection = projection;
  data->baseline = baseline;
  data->bands = bands;
  data->hover_year = -1;
  data->selected_plant = -1;

  if (scenario != NULL)
    for (int p = 0; p < LF_N_PARAMS; p++)
      for (int i = 1; i < LF_N_YEARS; i++)
        if (scenario->has_step[p][i])
          data->marked_years[i] = TRUE;
}

/**
 * lf_chart_kind_from_string:
 * @name: "share", "origin", "ford" or "map"
 *
 * Returns: the kind, or %LF_N_CHARTS for an unknown name
 */
LfChartKind
lf_chart_kind_from_string (const char *name)
{
  g_return_val_if_fail (name != NULL, LF_N_CHARTS);

  for (int k = 0; k < LF_N_CHARTS; k++)
    if (g_str_equal (name, kind_names[k]))
      return (LfChartKind) k;

  return LF_N_CHARTS;
}

const char *
lf_chart_kind_to_string (LfChartKind kind)
{
  g_return_val_if_fail (kind < LF_N_CHARTS, NULL);

  return kind_names[kind];
}

/**
 * lf_chart_kind_get_title:
 * @kind: a chart kind
 *
 * Returns: (transfer none): the chart's translated title
 */
const char *
lf_chart_kind_get_title (LfChartKind kind)
{
  g_return_val_if_fail (kind < LF_N_CHARTS, NULL);

  return _(kind_titles[kind]);
}

/**
 * lf_chart_draw:
 * @cr: where to draw
 * @kind: which chart
 * @data: what to draw
 * @width: the box's width, in user units
 * @height: the box's height
 *
 * Draws the chart into (0, 0, @width, @height) on a transparent background:
 * the caller paints what lies behind (a widget's, or the export's).
 */
void
lf_chart_draw (cairo_t           *cr,
               LfChartKind        kind,
               const LfChartData *data,
               double             width,
               double             height)
{
  LfDraw d;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (kind < LF_N_CHARTS);

  if (width < 1.0 || height < 1.0)
    return;

  cairo_save (cr);
  lf_draw_begin (&d, cr, data, width, height);

  if (kind == LF_CHART_MAP)
    lf_chart_map_draw (&d);
  else if (kind == LF_CHART_TORNADO)
    lf_chart_tornado_draw (&d);
  else if (kind == LF_CHART_VALIDATION)
    lf_chart_validation_draw (&d);
  else if (data->projection == NULL)
    lf_draw_text (&d, _("No projection yet"), width / 2.0, height / 2.0, LF_ALIGN_CENTER,
                  LF_ALIGN_CENTER, &d.palette->dim_foreground, NULL, NULL);
  else
    {
      LfLayout l;

      layout_chart (kind, data, width, height, &l);
      switch (kind)
        {
        case LF_CHART_SHARE:
          draw_share (&d, &l);
          break;
        case LF_CHART_ORIGIN:
          draw_origin (&d, &l);
          break;
        case LF_CHART_FORD:
          draw_ford (&d, &l);
          break;
        case LF_CHART_MAP:
        case LF_CHART_TORNADO:
        case LF_CHART_VALIDATION:
        case LF_N_CHARTS:
        default:
          g_assert_not_reached ();
        }
    }

  lf_draw_end (&d);
  cairo_restore (cr);
}

/**
 * lf_chart_year_at:
 * @kind: which chart
 * @width: the chart's width, as given to lf_chart_draw()
 * @height: the chart's height
 * @x: a position, in the same units
 *
 * Returns: the year drawn nearest to @x, or -1 outside the plot (and always
 *   on the map, which has no time axis)
 */
int
lf_chart_year_at (LfChartKind kind,
                  double      width,
                  double      height,
                  double      x)
{
  LfRect rects[MAX_PANELS];
  double inner, t;

  g_return_val_if_fail (kind < LF_N_CHARTS, -1);

  if (kind == LF_CHART_MAP || kind == LF_CHART_TORNADO || kind == LF_CHART_VALIDATION)
    return -1;

  panel_rects (kind, width, height, 0.0, rects);  /* x does not depend on the legend */
  if (x < rects[0].x || x > rects[0].x + rects[0].width)
    return -1;

  inner = MAX (1.0, rects[0].width - 2.0 * PLOT_PAD_X);
  t = (x - rects[0].x - PLOT_PAD_X) / inner * (LF_N_YEARS - 1);

  return LF_FIRST_YEAR + CLAMP ((int) round (t), 0, LF_N_YEARS - 1);
}

/**
 * lf_chart_x_for_year:
 *
 * Returns: the x at which @year is drawn (the inverse of lf_chart_year_at())
 */
double
lf_chart_x_for_year (LfChartKind kind,
                     double      width,
                     double      height,
                     int         year)
{
  LfRect rects[MAX_PANELS];

  g_return_val_if_fail (kind < LF_N_CHARTS && kind != LF_CHART_MAP && kind != LF_CHART_TORNADO &&
                        kind != LF_CHART_VALIDATION, 0.0);

  panel_rects (kind, width, height, 0.0, rects);  /* x does not depend on the legend */
  return year_to_x (&rects[0], year);
}

/**
 * lf_chart_y_for_value:
 * @series: which series; on the Ford chart it picks the panel (EBIT and
 *   partnership income below, units above)
 *
 * Returns: the y at which @value of @series is drawn; the y range depends
 *   on the data, so this lays the chart out as lf_chart_draw() would
 */
double
lf_chart_y_for_value (LfChartKind        kind,
                      const LfChartData *data,
                      double             width,
                      double             height,
                      LfSeries           series,
                      double             value)
{
  LfLayout l;
  int panel = 0;
  double divisor = 1.0;

  g_return_val_if_fail (kind < LF_N_CHARTS && kind != LF_CHART_MAP && kind != LF_CHART_TORNADO &&
                        kind != LF_CHART_VALIDATION, 0.0);
  g_return_val_if_fail (data != NULL, 0.0);

  layout_chart (kind, data, width, height, &l);
  if (kind == LF_CHART_FORD)
    {
      if (series == LF_SERIES_FORD_EV_EBIT_MUSD || series == LF_SERIES_FORD_EV_EBIT_NO_ENTRY_MUSD ||
          series == LF_SERIES_FORD_PARTNER_INCOME_MUSD)
        panel = 1;
      else
        divisor = 1000.0;
    }
  else if (kind == LF_CHART_ORIGIN)
    divisor = 1000.0;

  return value_to_y (&l.panels[panel], value / divisor);
}

/* Describing ---------------------------------------------------------------- */

static char *
describe_share (const LfChartData *data)
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

static char *
describe_origin (const LfChartData *data)
{
  const LfProjection *p = data->projection;
  int last = LF_N_YEARS - 1;
  g_autofree char *total = lf_format_value (p->series[LF_SERIES_CHINESE_EV_SALES][last], 0);
  GString *s = g_string_new (NULL);
  gboolean first = TRUE;

  g_string_append_printf (s, _("Chinese-brand EV sales in the US in %d: %s vehicles"),
                          LF_LAST_YEAR, total);
  for (int o = 0; o < LF_N_ORIGINS; o++)
    {
      double v = p->series[origin_series[o]][last];
      g_autofree char *n = NULL;

      if (!(v > 0.5))
        continue;
      n = lf_format_value (v, 0);
      g_string_append (s, first ? "; " : ", ");
      /* TRANSLATORS: e.g. "Built in Mexico: 120,000" */
      g_string_append_printf (s, _("%s: %s"), _(origin_labels[o]), n);
      first = FALSE;
    }
  g_string_append (s, ".");

  return g_string_free (s, FALSE);
}

static char *
describe_ford (const LfChartData *data)
{
  const LfProjection *p = data->projection;
  int last = LF_N_YEARS - 1;
  double units = p->series[LF_SERIES_FORD_EV_SALES][last];
  double units_ne = p->series[LF_SERIES_FORD_EV_SALES_NO_ENTRY][last];
  g_autofree char *u = lf_format_value (units, 0);
  g_autofree char *une = lf_format_value (units_ne, 0);
  g_autofree char *diff = lf_format_percent (units_ne > 0 ? 100.0 * (units - units_ne) / units_ne : 0.0, 1);
  g_autofree char *ebit = lf_format_value (p->series[LF_SERIES_FORD_EV_EBIT_MUSD][last], 0);
  g_autofree char *ebit_ne = lf_format_value (p->series[LF_SERIES_FORD_EV_EBIT_NO_ENTRY_MUSD][last], 0);
  g_autofree char *partner = lf_format_value (p->series[LF_SERIES_FORD_PARTNER_INCOME_MUSD][last], 0);

  return g_strdup_printf (_("Ford EV sales in %d: %s vehicles, against %s with no Chinese entry (%s). "
                            "Ford EV EBIT in %d: USD %s million, against %s million with no Chinese entry; "
                            "partnership income: USD %s million."),
                          LF_LAST_YEAR, u, une, diff, LF_LAST_YEAR, ebit, ebit_ne, partner);
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
  g_return_val_if_fail (kind < LF_N_CHARTS, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  if (kind == LF_CHART_MAP)
    return lf_chart_map_describe (data);
  if (kind == LF_CHART_TORNADO)
    return lf_chart_tornado_describe (data);
  if (kind == LF_CHART_VALIDATION)
    return lf_chart_validation_describe (data);

  if (data->projection == NULL)
    return g_strdup (_("No projection yet."));

  switch (kind)
    {
    case LF_CHART_SHARE:
      return describe_share (data);
    case LF_CHART_ORIGIN:
      return describe_origin (data);
    case LF_CHART_FORD:
      return describe_ford (data);
    case LF_CHART_MAP:
    case LF_CHART_TORNADO:
    case LF_CHART_VALIDATION:
    case LF_N_CHARTS:
    default:
      g_assert_not_reached ();
    }
}
