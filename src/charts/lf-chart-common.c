/* lf-chart-common.c: text, legend and number helpers the charts share. */
#define G_LOG_DOMAIN "landfall-charts"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lf-chart-private.h"

/* ---- the words a chart drew, kept ----------------------------------------- */

/* A chart in the window is drawn again on every step of a slider, and most
 * of its words (ticks, legend, titles) are the same as before: shaping them
 * anew was about half of the time a chart took to draw (bench/profile-input.py).
 * The cache keeps each text laid out with its font, in one Pango context that
 * follows the cairo context it is drawn to (pango_cairo_update_context(): a
 * new scale or font options lay everything out again), so what is drawn is
 * what a new layout would draw. Only plain, unwrapped lines are kept. */
struct _LfTextCache
{
  PangoContext         *context;
  GHashTable           *layouts;   /* "size weight text" -> PangoLayout */
  cairo_matrix_t        matrix;    /* the cairo context's the context was last made to follow */
  cairo_font_options_t *options;
};

/* Past this many texts the cache starts over (values that change with every
 * step make new texts; the ticks and legends come back at once). */
#define LF_TEXT_CACHE_MAX 512

LfTextCache *
lf_text_cache_new (void)
{
  LfTextCache *cache = g_new0 (LfTextCache, 1);

  cache->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  return cache;
}

void
lf_text_cache_free (LfTextCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->layouts);
  g_clear_object (&cache->context);
  g_clear_pointer (&cache->options, cairo_font_options_destroy);
  g_free (cache);
}

static PangoLayout *
text_cache_layout (LfTextCache *cache, const PangoFontDescription *font, const char *text)
{
  g_autofree char *key = g_strdup_printf ("%d %d %s", pango_font_description_get_size (font),
                                          (int) pango_font_description_get_weight (font), text);
  PangoLayout *layout = g_hash_table_lookup (cache->layouts, key);

  if (layout != NULL)
    return layout;
  if (g_hash_table_size (cache->layouts) >= LF_TEXT_CACHE_MAX)
    g_hash_table_remove_all (cache->layouts);
  layout = pango_layout_new (cache->context);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  g_hash_table_insert (cache->layouts, g_steal_pointer (&key), layout);
  return layout;
}

/* The cache's layouts as a layout made for @cr would be: Pango lays them all
 * out again when the scale or the font options differ from the last time
 * (and whenever it is told of a matrix, the same or not: so only then). */
static void
text_cache_follow (LfTextCache *cache, cairo_t *cr)
{
  cairo_matrix_t matrix;
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_font_options_t *own = cairo_font_options_create ();

  cairo_get_matrix (cr, &matrix);
  cairo_surface_get_font_options (cairo_get_target (cr), options);
  cairo_get_font_options (cr, own);
  cairo_font_options_merge (options, own);
  cairo_font_options_destroy (own);
  if (cache->context == NULL)
    cache->context = pango_cairo_create_context (cr);
  else if (memcmp (&matrix, &cache->matrix, sizeof matrix) != 0
           || !cairo_font_options_equal (options, cache->options))
    pango_cairo_update_context (cr, cache->context);
  cache->matrix = matrix;
  g_clear_pointer (&cache->options, cairo_font_options_destroy);
  cache->options = options;
}

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
  if (data->text_cache != NULL)
    text_cache_follow (data->text_cache, cr);
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

/* @text laid out in the current font: a line with no width to wrap or cut
 * at comes from the cache, if any; anything else is set on d->layout. */
static PangoLayout *
text_layout (LfDraw *d, const char *text, double *width, double *height)
{
  PangoLayout *layout = d->layout;
  PangoRectangle logical;

  if (d->data->text_cache != NULL && pango_layout_get_width (d->layout) < 0)
    layout = text_cache_layout (d->data->text_cache, d->font, text);
  else
    pango_layout_set_text (d->layout, text, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width;
  if (height != NULL)
    *height = logical.height;
  return layout;
}

void
lf_draw_text_size (LfDraw     *d,
                   const char *text,
                   double     *width,
                   double     *height)
{
  text_layout (d, text, width, height);
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
  PangoLayout *layout = text_layout (d, text, &w, &h);

  x -= w * halign / 2.0;
  y -= h * valign / 2.0;
  lf_set_source_color (d->cr, color);
  cairo_move_to (d->cr, round (x), round (y));
  pango_cairo_show_layout (d->cr, layout);

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

    case LF_SWATCH_RING:
      cairo_new_path (cr);
      cairo_arc (cr, x + size * 0.7, y + size / 2.0, size * 0.35, 0, 2 * G_PI);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
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
/* A legend label's logical size, measured once: every redraw of every
 * chart lays its legend out again, and a fresh Pango context and layout for
 * that (font loading, shaping) was most of a legend's cost. The cache holds
 * labels as measured with a context of their own (see lf_legend_layout()),
 * so it gives exactly what measuring again would. */
static GMutex legend_sizes_lock;
static GHashTable *legend_sizes;   /* label → LegendSize */

typedef struct {
  int width, height;
} LegendSize;

#define LEGEND_SIZES_MAX 512

static void
legend_label_size (PangoLayout **layout, const char *label, int *width, int *height)
{
  LegendSize size = { 0, 0 };
  const LegendSize *cached;

  g_mutex_lock (&legend_sizes_lock);
  if (legend_sizes == NULL)
    legend_sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cached = g_hash_table_lookup (legend_sizes, label);
  if (cached != NULL)
    size = *cached;
  g_mutex_unlock (&legend_sizes_lock);

  if (cached == NULL)
    {
      PangoRectangle logical;

      if (*layout == NULL)
        {
          PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
          PangoFontDescription *font = pango_font_description_from_string (LF_FONT_FAMILY);

          *layout = pango_layout_new (context);
          /* No g_autoptr: Pango 1.50 defines none for PangoContext. */
          g_object_unref (context);
          pango_font_description_set_absolute_size (font, LF_FONT_SIZE_SMALL * PANGO_SCALE);
          pango_layout_set_font_description (*layout, font);
          pango_font_description_free (font);
        }
      pango_layout_set_text (*layout, label, -1);
      pango_layout_get_pixel_extents (*layout, NULL, &logical);
      size.width = logical.width;
      size.height = logical.height;

      g_mutex_lock (&legend_sizes_lock);
      /* Scenario names come and go: a bounded cache, emptied when full. */
      if (g_hash_table_size (legend_sizes) >= LEGEND_SIZES_MAX)
        g_hash_table_remove_all (legend_sizes);
      g_hash_table_insert (legend_sizes, g_strdup (label), g_memdup2 (&size, sizeof size));
      g_mutex_unlock (&legend_sizes_lock);
    }
  *width = size.width;
  *height = size.height;
}

double
lf_legend_layout (const LfLegendItem *items,
                  guint               n_items,
                  double              max_width,
                  double             *xs,
                  double             *ys)
{
  PangoLayout *layout = NULL;
  double x = 0.0, y = LF_LEGEND_PAD, row_h = 0.0;

  for (guint i = 0; i < n_items; i++)
    {
      int w, h;
      double item_w;

      legend_label_size (&layout, items[i].label, &w, &h);
      item_w = LF_LEGEND_SWATCH * 1.4 + 6.0 + w;
      if (x > 0.0 && x + item_w > max_width)
        {
          x = 0.0;
          y += row_h + 2.0;
        }
      row_h = MAX (row_h, h);
      xs[i] = x;
      ys[i] = y;
      x += item_w + 16.0;
    }

  g_clear_object (&layout);

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
      PangoLayout *unused = NULL;
      int tw, h;
      double th;

      legend_label_size (&unused, items[i].label, &tw, &h);
      g_clear_object (&unused);
      th = h;
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
