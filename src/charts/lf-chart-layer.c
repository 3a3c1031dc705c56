/* lf-chart-layer.c: a time-series chart laid out from its spec, and its layers drawn.
 *
 * Numbers stay out of drawing: the layout takes each layer's series from
 * the model in axis units, sets each panel's range from the layers on it
 * and lists the legend; the drawing then only maps through lf-chart-axis.c.
 */
#define G_LOG_DOMAIN "landfall-charts"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lf-chart-private.h"

/* Layout ------------------------------------------------------------------- */

static gboolean
any_marked (const LfChartData *data)
{
  for (int i = 1; i < LF_N_YEARS; i++)
    if (data->marked_years[i])
      return TRUE;
  return FALSE;
}

/**
 * lf_chart_comparing:
 * Whether @data is a comparison: more than one run, or runs drawn as
 * differences.
 */
gboolean
lf_chart_comparing (const LfChartData *data)
{
  return data->runs != NULL && data->n_runs >= 1 &&
         (data->n_runs > 1 || data->difference_from >= 0);
}

/**
 * lf_layer_values:
 * Returns: (transfer none): the layer's numbers in @projection, by year, in
 *   model units: its series, or its maker's sales
 */
const double *
lf_layer_values (const LfLayerSpec  *layer,
                 const LfProjection *projection)
{
  if (layer->maker > 0)
    return projection->maker_sales[CLAMP (layer->maker - 1, 0, LF_MAX_MAKERS - 1)];
  return projection->series[layer->series];
}

/* A maker's layer in the maker's colour (as on the map), any other in its role's. */
LfColor
lf_layer_color (const LfLayerSpec *layer,
                const LfPalette   *palette)
{
  if (layer->maker > 0)
    return lf_palette_maker_color (palette, layer->maker - 1);
  return *lf_palette_role_color (palette, layer->color);
}

/**
 * lf_layer_name:
 * @readout: the read-out's label rather than the legend's
 * Returns: (transfer none) (nullable): the translated label; a maker's
 *   layer is named as its maker in the scenario's data
 */
const char *
lf_layer_name (const LfLayerSpec *layer,
               const LfChartData *data,
               gboolean           readout)
{
  const char *label = readout ? layer->readout : layer->legend;

  if (label != NULL)
    return _(label);
  if (layer->maker > 0 && data->scenario != NULL && data->scenario->baseline != NULL &&
      layer->maker <= data->scenario->baseline->n_makers)
    return _(data->scenario->baseline->makers[layer->maker - 1].name);
  return NULL;
}

/* The scenario's own lines: drawn once for each run of a comparison. */
gboolean
lf_layer_is_per_run (const LfLayerSpec *layer)
{
  return layer->kind == LF_LAYER_LINE && layer->source == LF_FROM_SCENARIO &&
         layer->color == LF_ROLE_SCENARIO;
}

/* A run's numbers for a per-run layer (its line, or its band), as
 * differences from the reference run when the chart shows differences. */
static void
run_data_fill (LfLayerData       *ld,
               const LfLayerSpec *layer,
               const LfChartData *data,
               int                r)
{
  const LfChartRun *run = &data->runs[r];
  const LfProjection *ref = data->difference_from >= 0 ? data->runs[data->difference_from].projection : NULL;

  memset (ld, 0, sizeof *ld);
  if (run->projection == NULL)
    return;
  for (int i = 0; i < LF_N_YEARS; i++)
    ld->values[i] = (run->projection->series[layer->series][i] -
                     (ref ? ref->series[layer->series][i] : 0.0)) / layer->divisor;
  if (layer->kind != LF_LAYER_BAND)
    {
      ld->present = TRUE;
      return;
    }
  if (run->bands == NULL || run->bands->n_draws <= 0 || ref != NULL)
    return;
  for (int i = 0; i < LF_N_YEARS; i++)
    {
      ld->lo[i] = run->bands->p10[layer->series][i] / layer->divisor;
      ld->hi[i] = run->bands->p90[layer->series][i] / layer->divisor;
      if (ld->hi[i] != ld->lo[i])
        ld->present = TRUE;
    }
}

/* The top of each run's stack (for runs drawn as lines over the edited
 * run's stack), as differences when the chart shows them. */
static void
stack_totals_fill (LfLayout          *l,
                   const LfChartData *data)
{
  const LfChartSpec *spec = l->spec;

  l->stack_panel = -1;
  for (guint i = 0; i < spec->n_layers; i++)
    if (spec->layers[i].kind == LF_LAYER_STACK)
      l->stack_panel = (int) spec->layers[i].panel;
  if (l->stack_panel < 0)
    return;
  for (int r = 0; r < data->n_runs; r++)
    {
      LfLayerData *ld = &l->stack_totals[r];

      memset (ld, 0, sizeof *ld);
      for (int k = 0; k < 2; k++)
        {
          const LfProjection *p = k == 0 ? data->runs[r].projection
                                  : data->difference_from >= 0 ? data->runs[data->difference_from].projection
                                  : NULL;
          if (p == NULL)
            continue;
          for (guint i = 0; i < spec->n_layers; i++)
            if (spec->layers[i].kind == LF_LAYER_STACK)
              for (int y = 0; y < LF_N_YEARS; y++)
                ld->values[y] += (k == 0 ? 1.0 : -1.0) *
                                 MAX (0.0, lf_layer_values (&spec->layers[i], p)[y]) / spec->layers[i].divisor;
        }
      /* Over its own stack the edited run needs no line; as differences,
       * the stacks are not drawn and every run is a line. */
      ld->present = data->runs[r].projection != NULL &&
                    (r != data->edited_run || data->difference_from >= 0);
    }
}

/* The layer's numbers in axis units; not present when its run is missing,
 * or for a band of zero width (a series no draw changes). */
static void
layer_data_fill (LfLayerData        *ld,
                 const LfLayerSpec  *layer,
                 const LfChartData  *data)
{
  const LfProjection *run = layer->source == LF_FROM_CURRENT_POLICY ? data->baseline : data->projection;

  memset (ld, 0, sizeof *ld);
  if (run == NULL)
    return;
  /* A comparison draws the scenario's own lines run by run (run_data_fill);
   * as differences, nothing else is drawn. */
  if (lf_chart_comparing (data) &&
      (lf_layer_is_per_run (layer) || data->difference_from >= 0 || layer->kind == LF_LAYER_BAND))
    return;
  /* Current policy, when it is one of the runs, is drawn as that run. */
  if (lf_chart_comparing (data) && layer->source == LF_FROM_CURRENT_POLICY)
    for (int r = 0; r < data->n_runs; r++)
      if (data->runs[r].projection != NULL &&
          memcmp (data->runs[r].projection->series[layer->series], run->series[layer->series],
                  sizeof run->series[layer->series]) == 0)
        return;

  for (int i = 0; i < LF_N_YEARS; i++)
    ld->values[i] = lf_layer_values (layer, run)[i] / layer->divisor;

  if (layer->kind != LF_LAYER_BAND)
    {
      /* A maker the data does not have is not drawn. */
      ld->present = layer->maker <= run->n_makers;
      return;
    }

  g_assert (layer->source == LF_FROM_SCENARIO);
  if (data->bands == NULL || data->bands->n_draws <= 0)
    return;
  for (int i = 0; i < LF_N_YEARS; i++)
    {
      ld->lo[i] = data->bands->p10[layer->series][i] / layer->divisor;
      ld->hi[i] = data->bands->p90[layer->series][i] / layer->divisor;
      if (ld->hi[i] != ld->lo[i])
        ld->present = TRUE;
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

/* One legend entry per label, in table order, for the layers drawn. */
static void
layout_legend (LfLayout          *l,
               const LfChartData *data)
{
  const LfChartSpec *spec = l->spec;
  const LfPalette *pal = lf_palette_get (data->dark);

  /* A comparison names each run, in its colour and line style. */
  for (int r = 0; r < l->n_runs; r++)
    {
      g_assert (l->n_legend < LF_MAX_LEGEND);
      l->legend[l->n_legend++] = (LfLegendItem) { data->runs[r].name, pal->runs[r], LF_SWATCH_RUN (r) };
    }
  for (guint i = 0; i < spec->n_layers; i++)
    {
      const LfLayerSpec *layer = &spec->layers[i];
      gboolean seen = FALSE;

      if (layer->kind == LF_LAYER_BAND && l->n_runs > 0)
        {
          /* The runs' bands, each in its run's colour: one entry says what they are. */
          gboolean any = FALSE;
          LfColor tint = pal->runs[CLAMP (data->edited_run, 0, l->n_runs - 1)];

          for (int r = 0; r < l->n_runs; r++)
            any |= l->runs[i][r].present;
          for (guint j = 0; j < i; j++)
            if (spec->layers[j].kind == LF_LAYER_BAND)
              seen = TRUE;
          tint.alpha = 0.16;
          if (any && !seen)
            {
              g_assert (l->n_legend < LF_MAX_LEGEND);
              l->legend[l->n_legend++] = (LfLegendItem) { _(layer->legend), tint, LF_SWATCH_BOX };
            }
          continue;
        }
      if (!l->layers[i].present || lf_layer_name (layer, data, FALSE) == NULL)
        continue;
      for (guint j = 0; j < i && layer->legend != NULL; j++)
        if (l->layers[j].present && spec->layers[j].legend != NULL &&
            g_str_equal (spec->layers[j].legend, layer->legend))
          seen = TRUE;
      if (seen)
        continue;

      g_assert (l->n_legend < LF_MAX_LEGEND);
      l->legend[l->n_legend++] = (LfLegendItem) {
        lf_layer_name (layer, data, FALSE), lf_layer_color (layer, pal),
        layer->kind == LF_LAYER_LINE ? LF_SWATCH_LINE : LF_SWATCH_BOX
      };
    }
  if (any_marked (data))
    {
      g_assert (l->n_legend < LF_MAX_LEGEND);
      l->legend[l->n_legend++] = (LfLegendItem) { _("Policy change"), pal->marker, LF_SWATCH_DASH };
    }
}

/* A panel's range holds every layer drawn on it: lines and bars, both ends
 * of a band, and the top of the stack. */
static void
layout_range (LfLayout *l,
              guint     p,
              gboolean  difference)
{
  const LfChartSpec *spec = l->spec;
  const LfPanelSpec *ps = &spec->panels[p];
  double stack[LF_N_YEARS] = { 0 };
  gboolean has_stack = FALSE;
  double lo = 0.0, hi = difference ? 0.0 : ps->top;

  for (guint i = 0; i < spec->n_layers; i++)
    {
      const LfLayerSpec *layer = &spec->layers[i];
      const LfLayerData *ld = &l->layers[i];

      if (layer->panel != p || !ld->present)
        continue;
      switch (layer->kind)
        {
        case LF_LAYER_LINE:
        case LF_LAYER_BARS:
          extend_range (ld->values, &lo, &hi);
          break;
        case LF_LAYER_BAND:
          extend_range (ld->lo, &lo, &hi);
          extend_range (ld->hi, &lo, &hi);
          break;
        case LF_LAYER_STACK:
          for (int y = 0; y < LF_N_YEARS; y++)
            if (isfinite (ld->values[y]))
              stack[y] += MAX (0.0, ld->values[y]);
          has_stack = TRUE;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (has_stack)
    extend_range (stack, &lo, &hi);
  for (guint i = 0; i < spec->n_layers; i++)
    for (int r = 0; r < l->n_runs; r++)
      if (spec->layers[i].panel == p && l->runs[i][r].present)
        {
          extend_range (l->runs[i][r].values, &lo, &hi);
          if (spec->layers[i].kind == LF_LAYER_BAND)
            {
              extend_range (l->runs[i][r].lo, &lo, &hi);
              extend_range (l->runs[i][r].hi, &lo, &hi);
            }
        }
  for (int r = 0; r < l->n_runs; r++)
    if (l->stack_panel == (int) p && l->stack_totals[r].present)
      extend_range (l->stack_totals[r].values, &lo, &hi);

  l->panels[p].unit = _(ps->unit);
  /* Differences go below zero as readily as above. */
  lf_axis_set_range (&l->panels[p], ps->from_zero && !difference ? 0.0 : lo, MIN (hi, ps->ceiling));
}

/**
 * lf_layout_chart:
 * @spec: a time-series chart
 * @data: what it shows
 * @layout: (out caller-allocates): filled in
 *
 * Everything the chart needs, from the data, once per draw: the layers'
 * numbers, the legend (its height sets where the panels start) and each
 * panel's rectangle and range. Drawing, hover and lf_chart_y_for_value()
 * all start here.
 */
void
lf_layout_chart (const LfChartSpec *spec,
                 const LfChartData *data,
                 double             width,
                 double             height,
                 LfLayout          *l)
{
  LfRect rects[LF_MAX_PANELS];

  g_assert (lf_chart_spec_has_time_axis (spec));
  g_assert (spec->n_layers <= LF_MAX_LAYERS);

  memset (l, 0, sizeof *l);
  l->spec = spec;

  /* Layers first: the legend lists a band only when there is one. */
  for (guint i = 0; i < spec->n_layers; i++)
    layer_data_fill (&l->layers[i], &spec->layers[i], data);
  if (lf_chart_comparing (data))
    {
      l->n_runs = MIN (data->n_runs, LF_COMPARISON_MAX);
      for (guint i = 0; i < spec->n_layers; i++)
        {
          const LfLayerSpec *layer = &spec->layers[i];
          gboolean band = layer->kind == LF_LAYER_BAND && layer->source == LF_FROM_SCENARIO;

          /* Bands: the edited run's, in its colour, or every run's. */
          if (lf_layer_is_per_run (layer) || band)
            for (int r = 0; r < l->n_runs; r++)
              if (!band || data->all_bands || r == data->edited_run)
                run_data_fill (&l->runs[i][r], layer, data, r);
        }
      stack_totals_fill (l, data);
    }
  else
    l->stack_panel = -1;
  layout_legend (l, data);
  {
    double xs[LF_MAX_LEGEND], ys[LF_MAX_LEGEND];

    l->legend_height = lf_legend_layout (l->legend, l->n_legend, width, xs, ys);
  }

  l->n_panels = lf_axis_panel_rects (spec, width, height, l->legend_height, rects);
  for (guint p = 0; p < l->n_panels; p++)
    l->panels[p].rect = rects[p];
  l->panels[l->n_panels - 1].year_labels = TRUE;
  for (guint p = 0; p < l->n_panels; p++)
    layout_range (l, p, lf_chart_comparing (data) && data->difference_from >= 0);
}

/* Drawing ------------------------------------------------------------------ */

static void
draw_band (LfDraw            *d,
           const LfPanel     *panel,
           const LfLayerData *ld,
           const LfColor     *color)
{
  cairo_t *cr = d->cr;

  for (int i = 0; i < LF_N_YEARS; i++)
    {
      double x = lf_axis_year_to_x (&panel->rect, LF_FIRST_YEAR + i);
      double y = lf_axis_value_to_y (panel, ld->hi[i]);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  for (int i = LF_N_YEARS - 1; i >= 0; i--)
    cairo_line_to (cr, lf_axis_year_to_x (&panel->rect, LF_FIRST_YEAR + i),
                   lf_axis_value_to_y (panel, ld->lo[i]));
  cairo_close_path (cr);
  lf_set_source_color (cr, color);
  cairo_fill (cr);
}

/* The scenario's own lines are emphasised: thicker, with a dot per year. */
static void
draw_line (LfDraw        *d,
           const LfPanel *panel,
           const double  *values,
           const LfColor *color,
           gboolean       emphasis,
           int            run)
{
  cairo_t *cr = d->cr;
  double line_width = emphasis ? 2.5 : 2.0;
  gboolean pen_down = FALSE;
  int n_dashes = 0;
  const double *dash = run >= 0 ? lf_run_dash (run, &n_dashes) : NULL;

  cairo_save (cr);
  cairo_rectangle (cr, panel->rect.x, panel->rect.y - ceil (line_width),
                   panel->rect.width, panel->rect.height + 2 * ceil (line_width));
  cairo_clip (cr);

  cairo_new_path (cr);
  for (int i = 0; i < LF_N_YEARS; i++)
    {
      double x = lf_axis_year_to_x (&panel->rect, LF_FIRST_YEAR + i);

      /* A missing value breaks the line rather than drawing it at zero. */
      if (!isfinite (values[i]))
        {
          pen_down = FALSE;
          continue;
        }
      if (pen_down)
        cairo_line_to (cr, x, lf_axis_value_to_y (panel, values[i]));
      else
        cairo_move_to (cr, x, lf_axis_value_to_y (panel, values[i]));
      pen_down = TRUE;
    }
  lf_set_source_color (cr, color);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  /* Round caps on every dash are costly to stroke: dashes get butt caps. */
  if (n_dashes > 0)
    {
      cairo_set_dash (cr, dash, n_dashes, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  if (emphasis)
    {
      for (int i = 0; i < LF_N_YEARS; i++)
        if (isfinite (values[i]))
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, lf_axis_year_to_x (&panel->rect, LF_FIRST_YEAR + i),
                       lf_axis_value_to_y (panel, values[i]), line_width * 1.3, 0, 2 * G_PI);
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
  double bar_w = lf_axis_bar_width (panel);
  double zero = lf_axis_value_to_y (panel, 0.0);

  cairo_save (d->cr);
  cairo_rectangle (d->cr, panel->rect.x, panel->rect.y, panel->rect.width, panel->rect.height);
  cairo_clip (d->cr);
  for (int i = 0; i < LF_N_YEARS; i++)
    {
      double x = lf_axis_year_to_x (&panel->rect, LF_FIRST_YEAR + i);
      double y;

      if (!isfinite (values[i]) || values[i] == 0.0)
        continue;
      y = lf_axis_value_to_y (panel, values[i]);
      cairo_rectangle (d->cr, x - bar_w / 2.0, MIN (y, zero), bar_w, fabs (zero - y));
    }
  lf_set_source_color_alpha (d->cr, color, 0.7);
  cairo_fill (d->cr);
  cairo_restore (d->cr);
}

/* One layer of a stack, from @below (the layers before it) up; @below
 * becomes its top. */
static void
draw_stack_layer (LfDraw        *d,
                  const LfPanel *panel,
                  const double  *values,
                  const LfColor *color,
                  double        *below)
{
  cairo_t *cr = d->cr;
  double above[LF_N_YEARS];

  for (int i = 0; i < LF_N_YEARS; i++)
    above[i] = below[i] + (isfinite (values[i]) ? MAX (0.0, values[i]) : 0.0);

  for (int i = 0; i < LF_N_YEARS; i++)
    {
      double x = lf_axis_year_to_x (&panel->rect, LF_FIRST_YEAR + i);

      if (i == 0)
        cairo_move_to (cr, x, lf_axis_value_to_y (panel, above[i]));
      else
        cairo_line_to (cr, x, lf_axis_value_to_y (panel, above[i]));
    }
  for (int i = LF_N_YEARS - 1; i >= 0; i--)
    cairo_line_to (cr, lf_axis_year_to_x (&panel->rect, LF_FIRST_YEAR + i),
                   lf_axis_value_to_y (panel, below[i]));
  cairo_close_path (cr);
  lf_set_source_color_alpha (cr, color, 0.55);
  cairo_fill (cr);

  /* A crisp top edge tells the layers apart where they are thin; only
   * where the layer has cars, or an empty layer would paint its colour
   * over the edge of the one below. */
  for (int i = 0; i + 1 < LF_N_YEARS; i++)
    {
      if (above[i] == below[i] && above[i + 1] == below[i + 1])
        continue;
      cairo_move_to (cr, lf_axis_year_to_x (&panel->rect, LF_FIRST_YEAR + i),
                     lf_axis_value_to_y (panel, above[i]));
      cairo_line_to (cr, lf_axis_year_to_x (&panel->rect, LF_FIRST_YEAR + i + 1),
                     lf_axis_value_to_y (panel, above[i + 1]));
    }
  lf_set_source_color (cr, color);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);

  memcpy (below, above, sizeof above);
}

/* A comparison's runs at @depth: bands with the areas, the other runs'
 * lines (and the tops of their stacks) with the lines, the edited run's
 * on top. */
static void
draw_runs (LfDraw         *d,
           const LfLayout *l,
           int             depth)
{
  const LfChartSpec *spec = l->spec;

  for (int r = 0; r < l->n_runs; r++)
    {
      gboolean edited = r == d->data->edited_run;
      const LfColor *color = &d->palette->runs[r];

      for (guint i = 0; i < spec->n_layers; i++)
        {
          const LfLayerSpec *layer = &spec->layers[i];
          const LfLayerData *ld = &l->runs[i][r];
          const LfPanel *panel = &l->panels[layer->panel];

          if (!ld->present)
            continue;
          if (layer->kind == LF_LAYER_BAND && depth == LF_DEPTH_AREA)
            {
              LfColor tint = *color;
              tint.alpha = 0.16;
              draw_band (d, panel, ld, &tint);
            }
          else if (layer->kind == LF_LAYER_LINE &&
                   depth == (edited ? LF_DEPTH_EMPHASIS : LF_DEPTH_LINE))
            draw_line (d, panel, ld->values, color, edited, r);
        }
      if (l->stack_totals[r].present && depth == (edited ? LF_DEPTH_EMPHASIS : LF_DEPTH_LINE))
        draw_line (d, &l->panels[l->stack_panel], l->stack_totals[r].values, color, edited, r);
    }
}

/* Draws the layers at @depth, in table order. */
static void
draw_depth (LfDraw         *d,
            const LfLayout *l,
            int             depth,
            double          stack_below[LF_MAX_PANELS][LF_N_YEARS])
{
  const LfChartSpec *spec = l->spec;

  for (guint i = 0; i < spec->n_layers; i++)
    {
      const LfLayerSpec *layer = &spec->layers[i];
      const LfLayerData *ld = &l->layers[i];
      const LfPanel *panel = &l->panels[layer->panel];
      LfColor own = lf_layer_color (layer, d->palette);
      const LfColor *color = &own;

      if (layer->depth != depth || !ld->present)
        continue;
      switch (layer->kind)
        {
        case LF_LAYER_LINE:
          draw_line (d, panel, ld->values, color, layer->depth >= LF_DEPTH_EMPHASIS, -1);
          break;
        case LF_LAYER_BAND:
          draw_band (d, panel, ld, color);
          break;
        case LF_LAYER_BARS:
          draw_bars (d, panel, ld->values, color);
          break;
        case LF_LAYER_STACK:
          draw_stack_layer (d, panel, ld->values, color, stack_below[layer->panel]);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  draw_runs (d, l, depth);
}

/* An empty stack, or a chart whose every value is zero, says why rather
 * than showing bare axes. */
static void
draw_empty_note (LfDraw         *d,
                 const LfLayout *l)
{
  const LfChartSpec *spec = l->spec;
  const LfPanel *panel = &l->panels[0];
  double total = 0.0;
  gboolean has_stack = FALSE;

  if (spec->empty_note == NULL)
    return;
  for (guint i = 0; i < spec->n_layers; i++)
    if (spec->layers[i].kind == LF_LAYER_STACK)
      {
        has_stack = TRUE;
        for (int y = 0; y < LF_N_YEARS; y++)
          total += lf_layer_values (&spec->layers[i], d->data->projection)[y];
      }
  /* A chart of lines and bars: said when every value of the scenario's is zero. */
  if (!has_stack && !lf_chart_comparing (d->data))
    {
      for (guint i = 0; i < spec->n_layers; i++)
        if (spec->layers[i].source == LF_FROM_SCENARIO && spec->layers[i].kind != LF_LAYER_BAND)
          for (int y = 0; y < LF_N_YEARS; y++)
            total += fabs (lf_layer_values (&spec->layers[i], d->data->projection)[y]);
      has_stack = TRUE;
    }
  if (has_stack && total <= 0.0)
    {
      /* Over every panel (a chart of two short panels has room for it
       * only across both), wrapped, centred, on the chart's background so
       * the zero lines do not strike through it. */
      double top = panel->rect.y, bottom = panel->rect.y + panel->rect.height;
      double tw, th, cy;

      for (guint p = 1; p < l->n_panels; p++)
        {
          top = MIN (top, l->panels[p].rect.y);
          bottom = MAX (bottom, l->panels[p].rect.y + l->panels[p].rect.height);
        }
      cy = (top + bottom) / 2.0;
      pango_layout_set_width (d->layout, (int) MAX (1.0, panel->rect.width - 16.0) * PANGO_SCALE);
      pango_layout_set_wrap (d->layout, PANGO_WRAP_WORD);
      pango_layout_set_alignment (d->layout, PANGO_ALIGN_CENTER);
      lf_draw_text_size (d, _(spec->empty_note), &tw, &th);
      lf_set_source_color (d->cr, &d->palette->background);
      cairo_rectangle (d->cr, panel->rect.x + 4.0, cy - th / 2.0 - 4.0,
                       panel->rect.width - 8.0, th + 8.0);
      cairo_fill (d->cr);
      /* The layout centres each line in its width: drawn from the panel's left. */
      lf_draw_text (d, _(spec->empty_note), panel->rect.x + 8.0, cy,
                    LF_ALIGN_START, LF_ALIGN_CENTER, &d->palette->dim_foreground, NULL, NULL);
      pango_layout_set_width (d->layout, -1);
      pango_layout_set_alignment (d->layout, PANGO_ALIGN_LEFT);
    }
}

/**
 * lf_layers_draw_part:
 * @d: the part's draw call, begun with lf_draw_begin() on its own
 * @l: the chart, laid out
 * @part: which part
 *
 * One part of a laid-out time-series chart (see #LfChartPart). A part uses
 * nothing another left in @d or its cairo context, so one drawn on its own
 * (the window keeps its axes and legend from drawing to drawing) draws the
 * same as within the whole.
 */
void
lf_layers_draw_part (LfDraw         *d,
                     const LfLayout *l,
                     LfChartPart     part)
{
  static const int depths[] = { LF_DEPTH_AREA, LF_DEPTH_BARS, LF_DEPTH_MARKS,
                                LF_DEPTH_LINE, LF_DEPTH_EMPHASIS };
  int hover = d->data->hover_year;

  switch (part)
    {
    case LF_CHART_PART_AXES:
      for (guint p = 0; p < l->n_panels; p++)
        lf_axis_draw (d, &l->panels[p]);
      break;
    case LF_CHART_PART_DATA:
      {
        double stack_below[LF_MAX_PANELS][LF_N_YEARS] = { { 0 } };

        for (guint i = 0; i < G_N_ELEMENTS (depths); i++)
          {
            if (depths[i] == LF_DEPTH_MARKS)
              {
                lf_axis_draw_projection_start (d, l->panels, l->n_panels);
                lf_axis_draw_marked_years (d, l->panels, l->n_panels);
              }
            else
              draw_depth (d, l, depths[i], stack_below);
          }
        draw_empty_note (d, l);
      }
      break;
    case LF_CHART_PART_LEGEND:
      lf_draw_legend (d, l->legend, l->n_legend, d->width);
      break;
    case LF_CHART_PART_READOUT:
      if (hover >= LF_FIRST_YEAR && hover <= LF_LAST_YEAR)
        lf_readout_draw (d, l, hover);
      break;
    default:
      g_return_if_reached ();
    }
}
