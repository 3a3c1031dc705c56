/* lf-chart-readout.c: the hover read-out of a time-series chart.
 *
 * A crosshair at the hovered year, a dot on each line where it crosses, and
 * a box with the year and one row per layer that has a read-out label (the
 * spec's), in table order; a stack reads from its total down, as its layers
 * are seen from the top.
 */
#define G_LOG_DOMAIN "landfall-charts"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "lf-chart-private.h"

typedef struct {
  const char *label;
  char       *owned_label;  /* freed with the row: a comparison's labels name their run */
  char       *value;
  LfColor     color;
  LfSwatch    swatch;
  int         panel;     /* where to put a dot; -1 for none */
  double      dot_value;
} LfReadoutRow;

#define MAX_ROWS ((LF_MAX_LAYERS + 1) * LF_COMPARISON_MAX + 1)

/**
 * lf_layer_format_value:
 * @value: in model units (a count of vehicles, not thousands)
 *
 * A value of @layer as its format says: the read-out's and the
 * description's words for it.
 */
char *
lf_layer_format_value (const LfLayerSpec *layer,
                       double             value)
{
  switch (layer->format)
    {
    case LF_VALUE_PERCENT:
      return lf_format_percent (value, 1);
    case LF_VALUE_VEHICLES:
      return lf_format_count (value);
    case LF_VALUE_MUSD:
      return lf_format_musd (value);
    case LF_VALUE_USD:
      return lf_chart_format_usd (value);
    case LF_VALUE_COUNT:
      return lf_format_count (value);
    default:
      g_assert_not_reached ();
    }
}

/* @value in axis units, as the layer's format says. */
static char *
format_value (const LfLayerSpec *layer,
              double             value)
{
  return lf_layer_format_value (layer, value * layer->divisor);
}

static char *
format_range (const LfLayerSpec *layer,
              double             lo,
              double             hi)
{
  g_autofree char *a = NULL, *b = NULL;

  if (layer->format == LF_VALUE_PERCENT)
    return lf_format_percent_range (lo, hi, 1);
  a = format_value (layer, lo);
  b = format_value (layer, hi);
  return g_strdup_printf ("%s–%s", a, b);
}

/* A stack's rows: its total, then its layers from the top down, each with
 * a dot at its top edge where it holds any cars. */
static guint
stack_rows (const LfLayout *l,
            const LfChartData *data,
            const LfPalette *pal,
            int             y,
            LfReadoutRow   *rows)
{
  const LfChartSpec *spec = l->spec;
  const LfLayerSpec *first = NULL;
  double cumulative = 0.0;
  guint n = 0;

  for (guint i = 0; i < spec->n_layers; i++)
    if (spec->layers[i].kind == LF_LAYER_STACK && lf_layer_name (&spec->layers[i], data, TRUE) != NULL &&
        l->layers[i].present)
      {
        double v = l->layers[i].values[y];

        if (first == NULL)
          first = &spec->layers[i];
        cumulative += isfinite (v) ? MAX (0.0, v) : 0.0;
      }
  if (first == NULL)
    return 0;

  rows[n++] = (LfReadoutRow) { _("Total"), NULL, format_value (first, cumulative), pal->foreground,
                               LF_SWATCH_DOT, -1, NAN };
  for (guint i = spec->n_layers; i-- > 0;)
    {
      const LfLayerSpec *layer = &spec->layers[i];
      double v;

      if (layer->kind != LF_LAYER_STACK || lf_layer_name (layer, data, TRUE) == NULL || !l->layers[i].present)
        continue;
      v = isfinite (l->layers[i].values[y]) ? MAX (0.0, l->layers[i].values[y]) : 0.0;
      rows[n++] = (LfReadoutRow) { lf_layer_name (layer, data, TRUE), NULL, format_value (layer, v),
                                   lf_layer_color (layer, pal), LF_SWATCH_BOX,
                                   v > 0.0 ? (int) layer->panel : -1, cumulative };
      cumulative -= v;
    }
  return n;
}

/* A comparison's rows for one layer: a row per run, named by the run (and
 * the layer, when the chart has more than one line per run). */
static guint
run_rows (const LfLayout    *l,
          const LfChartData *data,
          const LfPalette   *pal,
          guint              i,
          int                y,
          LfReadoutRow      *rows)
{
  const LfLayerSpec *layer = &l->spec->layers[i];
  guint n_per_run = 0, n = 0;

  for (guint j = 0; j < l->spec->n_layers; j++)
    n_per_run += lf_layer_is_per_run (&l->spec->layers[j]);
  for (int r = 0; r < l->n_runs; r++)
    {
      const LfLayerData *ld = &l->runs[i][r];
      char *label;

      if (!ld->present || layer->readout == NULL)
        continue;
      /* A band, or one line of several a run has, is named with its run:
         "p10–p90, Trade deal", "EV sales, Trade deal". */
      if (layer->kind == LF_LAYER_BAND || n_per_run > 1)
        /* Translators: a read-out row: what it is and which scenario, "p10–p90, Trade deal" */
        label = g_strdup_printf (_("%s, %s"), _(layer->readout), data->runs[r].name);
      else
        label = g_strdup (data->runs[r].name);
      if (layer->kind == LF_LAYER_BAND)
        rows[n++] = (LfReadoutRow) { label, label, format_range (layer, ld->lo[y], ld->hi[y]),
                                     pal->runs[r], LF_SWATCH_BOX, -1, NAN };
      else
        rows[n++] = (LfReadoutRow) { label, label, format_value (layer, ld->values[y]), pal->runs[r],
                                     LF_SWATCH_RUN (r), (int) layer->panel, ld->values[y] };
    }
  return n;
}

/* The tops of a comparison's stacks, a row per run drawn as a line. */
static guint
stack_total_rows (const LfLayout    *l,
                  const LfChartData *data,
                  const LfPalette   *pal,
                  int                y,
                  LfReadoutRow      *rows)
{
  const LfLayerSpec *first = NULL;
  guint n = 0;

  for (guint i = 0; i < l->spec->n_layers && first == NULL; i++)
    if (l->spec->layers[i].kind == LF_LAYER_STACK)
      first = &l->spec->layers[i];
  for (int r = 0; first != NULL && r < l->n_runs; r++)
    if (l->stack_totals[r].present)
      {
        /* Translators: a read-out row: the total of one scenario, "Total, Trade deal" */
        char *label = g_strdup_printf (_("Total, %s"), data->runs[r].name);
        rows[n++] = (LfReadoutRow) { label, label, format_value (first, l->stack_totals[r].values[y]),
                                     pal->runs[r], LF_SWATCH_RUN (r), l->stack_panel,
                                     l->stack_totals[r].values[y] };
      }
  return n;
}

/* The rows, from the spec's layers in table order. */
static guint
collect_rows (const LfLayout    *l,
              const LfChartData *data,
              const LfPalette   *pal,
              int                year,
              LfReadoutRow      *rows)
{
  const LfChartSpec *spec = l->spec;
  int y = lf_year_index (year);
  gboolean stacked = FALSE;
  guint n = 0;

  if (l->n_runs > 0)
    n += stack_total_rows (l, data, pal, y, rows + n);
  for (guint i = 0; i < spec->n_layers; i++)
    {
      const LfLayerSpec *layer = &spec->layers[i];
      const LfLayerData *ld = &l->layers[i];
      LfColor color = lf_layer_color (layer, pal);

      if (l->n_runs > 0)
        n += run_rows (l, data, pal, i, y, rows + n);
      if (lf_layer_name (layer, data, TRUE) == NULL || !ld->present)
        continue;
      switch (layer->kind)
        {
        case LF_LAYER_LINE:
          rows[n++] = (LfReadoutRow) { _(layer->readout), NULL, format_value (layer, ld->values[y]), color,
                                       LF_SWATCH_LINE, (int) layer->panel, ld->values[y] };
          break;
        case LF_LAYER_BARS:
          rows[n++] = (LfReadoutRow) { _(layer->readout), NULL, format_value (layer, ld->values[y]), color,
                                       LF_SWATCH_BOX, -1, NAN };
          break;
        case LF_LAYER_BAND:
          rows[n++] = (LfReadoutRow) { _(layer->readout), NULL, format_range (layer, ld->lo[y], ld->hi[y]),
                                       color, LF_SWATCH_BOX, -1, NAN };
          break;
        case LF_LAYER_STACK:
          if (!stacked)
            n += stack_rows (l, data, pal, y, rows + n);
          stacked = TRUE;
          break;
        default:
          g_assert_not_reached ();
        }
      g_assert (n <= MAX_ROWS);
    }
  return n;
}

/**
 * lf_readout_draw:
 * @d: the draw call's state
 * @layout: the chart as laid out for this draw
 * @year: the hovered year
 */
void
lf_readout_draw (LfDraw         *d,
                 const LfLayout *l,
                 int             year)
{
  cairo_t *cr = d->cr;
  const LfPalette *pal = d->palette;
  const LfRect *top = &l->panels[0].rect;
  const LfRect *bottom = &l->panels[l->n_panels - 1].rect;
  double x = round (lf_axis_year_to_x (top, year)) + 0.5;
  double label_w = 0.0, value_w = 0.0, row_h = 0.0, title_h;
  double box_w, box_h, bx, by;
  const double pad = 8.0, swatch = 10.0;
  g_autofree char *title = lf_format_year (year);
  LfReadoutRow rows[MAX_ROWS];
  guint n_rows = collect_rows (l, d->data, pal, year, rows);

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
      y = lf_axis_value_to_y (panel, rows[i].dot_value);
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
          sum += lf_axis_value_to_y (&l->panels[rows[i].panel], rows[i].dot_value);
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
      g_free (rows[i].value);
      g_free (rows[i].owned_label);
    }
  lf_draw_set_font (d, LF_FONT_SIZE, PANGO_WEIGHT_NORMAL);
  cairo_restore (cr);
}
