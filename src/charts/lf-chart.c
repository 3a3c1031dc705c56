/* lf-chart.c: the charts' public entry points.
 *
 * What each chart kind is lives in lf-chart-kinds.c (one lookup,
 * lf_chart_kind_get_spec()); a time-series chart is laid out and drawn by
 * lf-chart-layer.c on the axes of lf-chart-axis.c, with the read-out of
 * lf-chart-readout.c; the map, the tornado and the backtest draw
 * themselves; lf-chart-describe.c puts a chart into words.
 */
#define G_LOG_DOMAIN "landfall-charts"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lf-chart-private.h"

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
  data->hover_plant = -1;
  data->difference_from = -1;

  if (scenario != NULL)
    for (int p = 0; p < LF_N_PARAMS; p++)
      for (int i = 1; i < LF_N_YEARS; i++)
        if (scenario->has_step[p][i])
          data->marked_years[i] = TRUE;
}

/**
 * lf_chart_kind_from_string:
 * @name: "share", "origin", "ford", "map", "tornado" or "validation"
 *
 * Returns: the kind, or %LF_N_CHARTS for an unknown name
 */
LfChartKind
lf_chart_kind_from_string (const char *name)
{
  g_return_val_if_fail (name != NULL, LF_N_CHARTS);

  for (int k = 0; k < LF_N_CHARTS; k++)
    if (g_str_equal (name, lf_chart_kind_get_spec (k)->name))
      return (LfChartKind) k;

  return LF_N_CHARTS;
}

const char *
lf_chart_kind_to_string (LfChartKind kind)
{
  g_return_val_if_fail (kind < LF_N_CHARTS, NULL);

  return lf_chart_kind_get_spec (kind)->name;
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

  return _(lf_chart_kind_get_spec (kind)->title);
}

/* One part of a laid-out time-series chart, from the cairo state
 * lf_draw_begin() leaves: nothing one part leaves behind reaches the next. */
static void
draw_part (cairo_t           *cr,
           const LfChartData *data,
           double             width,
           double             height,
           const LfLayout    *layout,
           LfChartPart        part)
{
  LfDraw d;

  cairo_save (cr);
  lf_draw_begin (&d, cr, data, width, height);
  lf_layers_draw_part (&d, layout, part);
  lf_draw_end (&d);
  cairo_restore (cr);
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
  const LfChartSpec *spec;
  LfDraw d;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (kind < LF_N_CHARTS);

  if (width < 1.0 || height < 1.0)
    return;

  spec = lf_chart_kind_get_spec (kind);
  if (spec->draw == NULL && data->projection != NULL)
    {
      LfLayout l;

      /* A time-series chart: its parts in order, each afresh, as the window
       * draws them (lf_chart_parts_draw()). */
      lf_layout_chart (spec, data, width, height, &l);
      for (int part = 0; part < LF_N_CHART_PARTS; part++)
        draw_part (cr, data, width, height, &l, part);
      return;
    }

  cairo_save (cr);
  lf_draw_begin (&d, cr, data, width, height);
  if (spec->draw != NULL)
    spec->draw (&d);
  else
    lf_draw_text (&d, _("No projection yet"), width / 2.0, height / 2.0, LF_ALIGN_CENTER,
                  LF_ALIGN_CENTER, &d.palette->dim_foreground, NULL, NULL);
  lf_draw_end (&d);
  cairo_restore (cr);
}

/* ---- a time-series chart in parts -------------------------------------------------- */

struct _LfChartParts
{
  const LfChartSpec *spec;
  LfChartData        data;     /* the caller's: its pointers must outlive the parts */
  double             width, height;
  LfLayout           layout;
  char              *keys[LF_N_CHART_PARTS];
};

/* What the axes' drawing depends on: the chart, its size, the colours and
 * each panel's place, range, ticks and title. */
static char *
axes_key (const LfChartParts *parts)
{
  const LfLayout *l = &parts->layout;
  GString *key = g_string_new (NULL);

  g_string_append_printf (key, "%p %g %g %d", (const void *) parts->spec, parts->width, parts->height,
                          parts->data.dark);
  for (guint p = 0; p < l->n_panels; p++)
    {
      const LfPanel *panel = &l->panels[p];

      g_string_append_printf (key, "|%a %a %a %a %a %a %a %d %d %s", panel->rect.x, panel->rect.y,
                              panel->rect.width, panel->rect.height, panel->min, panel->max,
                              panel->step, panel->decimals, panel->year_labels,
                              panel->unit != NULL ? panel->unit : "");
    }
  return g_string_free (key, FALSE);
}

/* What the legend's drawing depends on: the chart, its width, the colours
 * and its items. */
static char *
legend_key (const LfChartParts *parts)
{
  const LfLayout *l = &parts->layout;
  GString *key = g_string_new (NULL);

  g_string_append_printf (key, "%p %g %d", (const void *) parts->spec, parts->width, parts->data.dark);
  for (guint i = 0; i < l->n_legend; i++)
    {
      const LfLegendItem *item = &l->legend[i];

      g_string_append_printf (key, "|%a %a %a %a %d %s", item->color.red, item->color.green,
                              item->color.blue, item->color.alpha, item->swatch, item->label);
    }
  return g_string_free (key, FALSE);
}

/**
 * lf_chart_parts_new:
 * @kind: which chart
 * @data: what it shows; its pointers must stay valid while the parts are used
 * @width: the chart's size, as for lf_chart_draw()
 * @height:
 *
 * Lays out a time-series chart to be drawn part by part.
 *
 * Returns: (transfer full) (nullable): the parts, or %NULL for a chart drawn
 *   whole (the map, the tornado, the backtest), or no projection yet
 */
LfChartParts *
lf_chart_parts_new (LfChartKind        kind,
                    const LfChartData *data,
                    double             width,
                    double             height)
{
  const LfChartSpec *spec;
  LfChartParts *parts;

  g_return_val_if_fail (kind < LF_N_CHARTS, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  spec = lf_chart_kind_get_spec (kind);
  if (spec->draw != NULL || data->projection == NULL || width < 1.0 || height < 1.0)
    return NULL;
  parts = g_new0 (LfChartParts, 1);
  parts->spec = spec;
  parts->data = *data;
  parts->width = width;
  parts->height = height;
  lf_layout_chart (spec, data, width, height, &parts->layout);
  parts->keys[LF_CHART_PART_AXES] = axes_key (parts);
  parts->keys[LF_CHART_PART_LEGEND] = legend_key (parts);
  return parts;
}

void
lf_chart_parts_free (LfChartParts *parts)
{
  if (parts == NULL)
    return;
  for (int i = 0; i < LF_N_CHART_PARTS; i++)
    g_free (parts->keys[i]);
  g_free (parts);
}

/**
 * lf_chart_parts_get_key:
 *
 * Returns: (nullable): a part's key: two parts with the same key draw the
 *   same; %NULL for the parts that follow every change (the data, the
 *   read-out)
 */
const char *
lf_chart_parts_get_key (LfChartParts *parts,
                        LfChartPart   part)
{
  g_return_val_if_fail (parts != NULL, NULL);
  g_return_val_if_fail (part < LF_N_CHART_PARTS, NULL);
  return parts->keys[part];
}

/* How far the data's drawing reaches outside the panels: a line's width
 * and an emphasised point's dot (lf-chart-layer.c). */
#define DATA_MARGIN 6.0

/**
 * lf_chart_parts_get_bounds:
 *
 * Where a part draws: the data within its panels (and a line's width
 * around them), the others anywhere in the chart.
 */
void
lf_chart_parts_get_bounds (LfChartParts *parts,
                           LfChartPart   part,
                           double       *x,
                           double       *y,
                           double       *width,
                           double       *height)
{
  const LfLayout *l;
  double x0 = 0.0, y0 = 0.0, x1, y1;

  g_return_if_fail (parts != NULL);
  l = &parts->layout;
  x1 = parts->width;
  y1 = parts->height;
  if (part == LF_CHART_PART_DATA && l->n_panels > 0)
    {
      x0 = y0 = G_MAXDOUBLE;
      x1 = y1 = -G_MAXDOUBLE;
      for (guint p = 0; p < l->n_panels; p++)
        {
          const LfRect *r = &l->panels[p].rect;

          x0 = MIN (x0, r->x);
          y0 = MIN (y0, r->y);
          x1 = MAX (x1, r->x + r->width);
          y1 = MAX (y1, r->y + r->height);
        }
      x0 = MAX (0.0, floor (x0 - DATA_MARGIN));
      y0 = MAX (0.0, floor (y0 - DATA_MARGIN));
      x1 = MIN (parts->width, ceil (x1 + DATA_MARGIN));
      y1 = MIN (parts->height, ceil (y1 + DATA_MARGIN));
    }
  *x = x0;
  *y = y0;
  *width = x1 - x0;
  *height = y1 - y0;
}

/**
 * lf_chart_parts_draw:
 * @cr: where to draw, as for lf_chart_draw(); a context of its own or the
 *   one the previous part was drawn on
 *
 * Draws one part. All of them in order draw what lf_chart_draw() does.
 */
void
lf_chart_parts_draw (LfChartParts *parts,
                     LfChartPart   part,
                     cairo_t      *cr)
{
  g_return_if_fail (parts != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (part < LF_N_CHART_PARTS);

  draw_part (cr, &parts->data, parts->width, parts->height, &parts->layout, part);
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
  const LfChartSpec *spec;
  LfRect rects[LF_MAX_PANELS];

  g_return_val_if_fail (kind < LF_N_CHARTS, -1);

  spec = lf_chart_kind_get_spec (kind);
  if (!lf_chart_spec_has_time_axis (spec))
    return -1;

  lf_axis_panel_rects (spec, width, height, 0.0, rects);  /* x does not depend on the legend */
  return lf_axis_x_to_year (&rects[0], x);
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
  LfRect rects[LF_MAX_PANELS];

  g_return_val_if_fail (kind < LF_N_CHARTS, 0.0);
  g_return_val_if_fail (lf_chart_spec_has_time_axis (lf_chart_kind_get_spec (kind)), 0.0);

  /* x does not depend on the legend */
  lf_axis_panel_rects (lf_chart_kind_get_spec (kind), width, height, 0.0, rects);
  return lf_axis_year_to_x (&rects[0], year);
}

/**
 * lf_chart_y_for_value:
 * @series: which series; it picks the panel the chart draws it on (on the
 *   Ford chart: EBIT and partnership income below, units above)
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
  const LfChartSpec *spec;
  const LfLayerSpec *layer;
  LfLayout l;

  g_return_val_if_fail (kind < LF_N_CHARTS, 0.0);
  g_return_val_if_fail (data != NULL, 0.0);
  spec = lf_chart_kind_get_spec (kind);
  g_return_val_if_fail (lf_chart_spec_has_time_axis (spec), 0.0);

  /* The first layer that draws @series says where; any other series is
   * read on the first layer's panel and units. */
  layer = &spec->layers[0];
  for (guint i = 0; i < spec->n_layers; i++)
    if (spec->layers[i].series == series)
      {
        layer = &spec->layers[i];
        break;
      }

  lf_layout_chart (spec, data, width, height, &l);
  return lf_axis_value_to_y (&l.panels[layer->panel], value / layer->divisor);
}

/* Whether the chart draws years along x (share, origin, Ford), rather than
 * a drawing of its own (map, tornado, backtest). */
gboolean
lf_chart_kind_has_time_axis (LfChartKind kind)
{
  g_return_val_if_fail (kind >= 0 && kind < LF_N_CHARTS, FALSE);
  return lf_chart_spec_has_time_axis (lf_chart_kind_get_spec (kind));
}
