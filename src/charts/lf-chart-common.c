/* lf-chart-common.c: text, legend and number helpers the charts share. */
#define G_LOG_DOMAIN "landfall-charts"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lf-chart-private.h"

void
lf_draw_begin (LfDraw            *d,
               cairo_t           *cr,
               const LfChartData *data,
               double             width,
               double             height)
{
  memset (d, 0, sizeof *d);
  d->cr = cr;
  d->data = data;
  d->width = width;
  d->height = height;
  d->palette = lf_palette_get (data->dark);
  d->layout = pango_cairo_create_layout (cr);
  d->font = pango_font_description_from_string (LF_FONT_FAMILY);
  lf_draw_set_font (d, LF_FONT_SIZE, PANGO_WEIGHT_NORMAL);
}

void
lf_draw_end (LfDraw *d)
{
  g_clear_object (&d->layout);
  g_clear_pointer (&d->font, pango_font_description_free);
}

void
lf_draw_set_font (LfDraw      *d,
                  double       pixel_size,
                  PangoWeight  weight)
{
  pango_font_description_set_absolute_size (d->font, pixel_size * PANGO_SCALE);
  pango_font_description_set_weight (d->font, weight);
  pango_layout_set_font_description (d->layout, d->font);
}

void
lf_draw_text_size (LfDraw     *d,
                   const char *text,
                   double     *width,
                   double     *height)
{
  PangoRectangle logical;

  pango_layout_set_text (d->layout, text, -1);
  pango_layout_get_pixel_extents (d->layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width;
  if (height != NULL)
    *height = logical.height;
}

/* Draws @text with its box aligned on (x, y) as @halign and @valign say. */
void
lf_draw_text (LfDraw        *d,
              const char    *text,
              double         x,
              double         y,
              LfAlign        halign,
              LfAlign        valign,
              const LfColor *color,
              double        *out_width,
              double        *out_height)
{
  double w, h;

  lf_draw_text_size (d, text, &w, &h);
  x -= w * halign / 2.0;
  y -= h * valign / 2.0;
  lf_set_source_color (d->cr, color);
  cairo_move_to (d->cr, round (x), round (y));
  pango_cairo_show_layout (d->cr, d->layout);

  if (out_width != NULL)
    *out_width = w;
  if (out_height != NULL)
    *out_height = h;
}

void
lf_draw_swatch (LfDraw        *d,
                LfSwatch       swatch,
                const LfColor *color,
                double         x,
                double         y,
                double         size)
{
  cairo_t *cr = d->cr;

  cairo_save (cr);
  lf_set_source_color (cr, color);
  switch (swatch)
    {
    case LF_SWATCH_LINE:
    case LF_SWATCH_DASH:
      cairo_set_line_width (cr, 2.5);
      if (swatch == LF_SWATCH_DASH)
        {
          static const double dash[] = { 4.0, 3.0 };

          cairo_set_line_width (cr, 1.5);
          cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
        }
      cairo_move_to (cr, x, y + size / 2.0);
      cairo_line_to (cr, x + size * 1.4, y + size / 2.0);
      cairo_stroke (cr);
      break;

    case LF_SWATCH_BOX:
      cairo_rectangle (cr, x, y + size * 0.1, size * 1.4, size * 0.8);
      cairo_fill (cr);
      break;

    case LF_SWATCH_DOT:
      cairo_arc (cr, x + size * 0.7, y + size / 2.0, size * 0.4, 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    default:
      {
        int n_dashes;
        const double *dash;

        g_assert (swatch >= LF_SWATCH_RUN_BASE && swatch < LF_SWATCH_RUN_BASE + LF_COMPARISON_MAX);
        dash = lf_run_dash (swatch - LF_SWATCH_RUN_BASE, &n_dashes);
        cairo_set_line_width (cr, 2.5);
        cairo_set_dash (cr, dash, n_dashes, 0);
        /* Long enough to show the pattern. */
        cairo_move_to (cr, x, y + size / 2.0);
        cairo_line_to (cr, x + size * 1.4, y + size / 2.0);
        cairo_stroke (cr);
      }
    }
  cairo_restore (cr);
}

/* Places the items in rows, a new row where the next item would cross
 * @max_width rather than cutting it. Measured with a context of its own, not
 * a cairo_t's, so hit tests and y lookups (which have none) reserve the same
 * room as drawing. Returns the height the legend needs. */
double
lf_legend_layout (const LfLegendItem *items,
                  guint               n_items,
                  double              max_width,
                  double             *xs,
                  double             *ys)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (LF_FONT_FAMILY);
  double x = 0.0, y = LF_LEGEND_PAD, row_h = 0.0;

  /* No g_autoptr: Pango 1.50 defines none for PangoContext. */
  g_object_unref (context);

  pango_font_description_set_absolute_size (font, LF_FONT_SIZE_SMALL * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  for (guint i = 0; i < n_items; i++)
    {
      PangoRectangle logical;
      double item_w;

      pango_layout_set_text (layout, items[i].label, -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      item_w = LF_LEGEND_SWATCH * 1.4 + 6.0 + logical.width;
      if (x > 0.0 && x + item_w > max_width)
        {
          x = 0.0;
          y += row_h + 2.0;
        }
      row_h = MAX (row_h, logical.height);
      xs[i] = x;
      ys[i] = y;
      x += item_w + 16.0;
    }

  g_object_unref (layout);

  return n_items > 0 ? y + row_h + LF_LEGEND_PAD : 0.0;
}

void
lf_draw_legend (LfDraw             *d,
                const LfLegendItem *items,
                guint               n_items,
                double              max_width)
{
  double xs[LF_MAX_LEGEND], ys[LF_MAX_LEGEND];

  g_assert (n_items <= LF_MAX_LEGEND);

  lf_legend_layout (items, n_items, max_width, xs, ys);
  lf_draw_set_font (d, LF_FONT_SIZE_SMALL, PANGO_WEIGHT_NORMAL);
  for (guint i = 0; i < n_items; i++)
    {
      double th;

      lf_draw_text_size (d, items[i].label, NULL, &th);
      lf_draw_swatch (d, items[i].swatch, &items[i].color, xs[i], ys[i] + (th - LF_LEGEND_SWATCH) / 2.0,
                      LF_LEGEND_SWATCH);
      lf_draw_text (d, items[i].label, xs[i] + LF_LEGEND_SWATCH * 1.4 + 6.0, ys[i],
                    LF_ALIGN_START, LF_ALIGN_START, &d->palette->foreground, NULL, NULL);
    }
  lf_draw_set_font (d, LF_FONT_SIZE, PANGO_WEIGHT_NORMAL);
}

/* The framed box of tooltips, read-outs and map keys. */
void
lf_draw_panel_box (LfDraw *d, double x, double y, double width, double height)
{
  cairo_t *cr = d->cr;

  cairo_rectangle (cr, x, y, width, height);
  lf_set_source_color (cr, &d->palette->tooltip_bg);
  cairo_fill_preserve (cr);
  lf_set_source_color (cr, &d->palette->tooltip_border);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
}
