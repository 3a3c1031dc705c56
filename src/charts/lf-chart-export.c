/* lf-chart-export.c: a chart as a self-contained PNG, for reports.
 *
 * Unlike the widget, an exported picture has no window around it to say
 * what it shows, so it carries its own title, scenario name and source.
 */
#define G_LOG_DOMAIN "landfall-charts"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "lf-chart-private.h"
#include "lf-file.h"

#define EXPORT_PAD       28.0
#define EXPORT_HEADER    72.0
#define EXPORT_FOOTER    34.0

static cairo_status_t
write_to_byte_array (void                *closure,
                     const unsigned char *data,
                     unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
draw_export (cairo_t           *cr,
             LfChartKind        kind,
             const LfChartData *data,
             double             width,
             double             height)
{
  const LfChartSpec *spec = lf_chart_kind_get_spec (kind);
  LfDraw d;
  const LfPalette *pal;
  /* The default scenario and the presets carry English names (po/ has them, from
   * src/ui/lf-preset-strings.h); any other name passes through gettext unchanged. */
  const char *name = data->scenario != NULL && data->scenario->name != NULL && *data->scenario->name
                     ? _(data->scenario->name) : _("Unnamed scenario");
  g_autofree char *subtitle = NULL;
  double footer = 0.0;

  lf_draw_begin (&d, cr, data, width, height);
  pal = d.palette;

  lf_set_source_color (cr, &pal->background);
  cairo_paint (cr);

  /* The title in one line: a narrow picture gets it smaller, never cut. */
  {
    const char *title = lf_chart_kind_get_title (kind);
    double room = MAX (1.0, width - 2 * EXPORT_PAD), tw, th, size = 22.0;

    lf_draw_set_font (&d, size, PANGO_WEIGHT_BOLD);
    lf_draw_text_size (&d, title, &tw, &th);
    if (tw > room)
      {
        size = MAX (11.0, floor (size * room / tw));
        lf_draw_set_font (&d, size, PANGO_WEIGHT_BOLD);
      }
    lf_draw_text (&d, title, EXPORT_PAD, EXPORT_PAD - 6.0 + (22.0 - size) / 2.0,
                  LF_ALIGN_START, LF_ALIGN_START, &pal->foreground, NULL, NULL);
  }

  if (spec->subtitle != NULL)
    subtitle = g_strdup (_(spec->subtitle));
  else if (lf_chart_comparing (data) && data->difference_from >= 0)
    /* TRANSLATORS: the subtitle of an exported comparison drawn as differences; %s is a scenario's name */
    subtitle = g_strdup_printf (_("Difference of each scenario from %s"), data->runs[data->difference_from].name);
  else if (lf_chart_comparing (data))
    /* TRANSLATORS: the subtitle of an exported comparison; %d is how many scenarios */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Comparison of %d scenario",
                                             "Comparison of %d scenarios", data->n_runs), data->n_runs);
  else
    /* TRANSLATORS: the subtitle of an exported chart; %s is the scenario's name */
    subtitle = g_strdup_printf (_("Scenario: %s"), name);
  lf_draw_set_font (&d, 14.0, PANGO_WEIGHT_NORMAL);
  lf_draw_text (&d, subtitle, EXPORT_PAD, EXPORT_PAD + 24.0, LF_ALIGN_START, LF_ALIGN_START,
                &pal->dim_foreground, NULL, NULL);

  /* The source note wraps (up to three lines) and the chart makes room. */
  lf_draw_set_font (&d, LF_FONT_SIZE_SMALL, PANGO_WEIGHT_NORMAL);
  pango_layout_set_width (d.layout, (int) MAX (1.0, width - 2 * EXPORT_PAD) * PANGO_SCALE);
  pango_layout_set_wrap (d.layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (d.layout, -3);
  pango_layout_set_ellipsize (d.layout, PANGO_ELLIPSIZE_END);
  lf_draw_text (&d, _(spec->source), EXPORT_PAD, height - EXPORT_PAD / 2.0, LF_ALIGN_START, LF_ALIGN_END,
                &pal->dim_foreground, NULL, &footer);
  lf_draw_end (&d);

  footer = MAX (EXPORT_FOOTER, footer + EXPORT_FOOTER - LF_FONT_SIZE_SMALL * 1.3);
  cairo_save (cr);
  cairo_translate (cr, EXPORT_PAD, EXPORT_HEADER + 8.0);
  lf_chart_draw (cr, kind, data, width - 2 * EXPORT_PAD,
                 height - EXPORT_HEADER - 8.0 - footer - EXPORT_PAD / 2.0);
  cairo_restore (cr);
}

/**
 * lf_chart_export_png:
 * @path: the file to write, in the GLib filename encoding
 * @kind: which chart
 * @data: what it shows; hover and selection are drawn as given
 * @width: the picture's width in pixels at scale 1
 *   (%LF_CHART_DEFAULT_EXPORT_WIDTH is a good default)
 * @height: its height
 * @scale: pixels per unit: the PNG is ⌈@width × @scale⌉ × ⌈@height × @scale⌉
 * @error: return location for an error
 *
 * Draws the chart with a title, the scenario's name and a source note, and
 * replaces @path atomically, so a failed export never leaves half a file.
 *
 * Returns: %TRUE on success; on failure @error names @path
 */
gboolean
lf_chart_export_png (const char         *path,
                     LfChartKind         kind,
                     const LfChartData  *data,
                     int                 width,
                     int                 height,
                     double              scale,
                     GError            **error)
{
  return lf_chart_export_png_sized (path, kind, data, width, height, scale, LF_TEXT_SIZE_NORMAL, error);
}

static const char *const text_size_names[LF_N_TEXT_SIZES] = { "normal", "presentation" };

/**
 * lf_text_size_from_string:
 * @name: "normal" or "presentation"
 *
 * Returns: the size, or %LF_N_TEXT_SIZES for an unknown name
 */
LfTextSize
lf_text_size_from_string (const char *name)
{
  g_return_val_if_fail (name != NULL, LF_N_TEXT_SIZES);

  for (int i = 0; i < LF_N_TEXT_SIZES; i++)
    if (g_str_equal (name, text_size_names[i]))
      return (LfTextSize) i;
  return LF_N_TEXT_SIZES;
}

const char *
lf_text_size_to_string (LfTextSize size)
{
  g_return_val_if_fail (size < LF_N_TEXT_SIZES, NULL);
  return text_size_names[size];
}

/**
 * lf_chart_export_png_sized:
 * @text_size: %LF_TEXT_SIZE_PRESENTATION draws the chart at
 *   1/%LF_CHART_PRESENTATION_ZOOM of @width × @height and scales it up to
 *   the same number of pixels: every font, line and margin is that much
 *   larger, for slides
 *
 * As lf_chart_export_png(), in a text size.
 */
gboolean
lf_chart_export_png_sized (const char         *path,
                           LfChartKind         kind,
                           const LfChartData  *data,
                           int                 width,
                           int                 height,
                           double              scale,
                           LfTextSize          text_size,
                           GError            **error)
{
  double zoom = text_size == LF_TEXT_SIZE_PRESENTATION ? LF_CHART_PRESENTATION_ZOOM : 1.0;
  g_autoptr(GByteArray) png = NULL;
  g_autofree char *display = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  int pw, ph;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (kind < LF_N_CHARTS, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0 && scale > 0, FALSE);
  g_return_val_if_fail (text_size < LF_N_TEXT_SIZES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  pw = (int) ceil (width * scale - 1e-6);
  ph = (int) ceil (height * scale - 1e-6);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not export the chart to “%s”: a %d × %d picture is too large"),
                   display, pw, ph);
      cairo_surface_destroy (surface);
      return FALSE;
    }
  cairo_surface_set_device_scale (surface, scale * zoom, scale * zoom);

  cr = cairo_create (surface);
  draw_export (cr, kind, data, width / zoom, height / zoom);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  png = g_byte_array_new ();
  status = cairo_surface_write_to_png_stream (surface, write_to_byte_array, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not export the chart to “%s”: %s"),
                   display, cairo_status_to_string (status));
      return FALSE;
    }

  /* The model's one writer: a failure leaves the old file byte for byte. */
  if (!lf_file_replace (path, png->data, png->len, error))
    {
      g_prefix_error (error, _("Could not export the chart: "));
      return FALSE;
    }

  return TRUE;
}
