/* test-chart-pixels.c: every chart exports pixel for pixel as the reference
 * PNGs in tests/chart-references/ say, light and dark, with and without a
 * hover year and a selected plant, from the built-in baseline and two presets.
 *
 * The references were drawn by the program itself. After a change that is
 * meant to change the pictures, draw them again and look at them:
 *
 *   LANDFALL_UPDATE_REFERENCE=1 meson test -C build test-chart-pixels
 *
 * A mismatch leaves the picture drawn and a difference picture (changed
 * pixels in red) under BUILD/tests/chart-pixels/ for a person to look at.
 *
 * Text is drawn with whatever fontconfig resolves for the charts' font
 * family, and antialiased by cairo and pixman: the references hold for the
 * font, cairo and pango recorded in tests/chart-references/RENDERER (CI runs
 * the same Debian 12 packages). Elsewhere the comparison is skipped, saying
 * why, rather than failed. The user's own fontconfig files are kept out. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "lf-chart.h"
#include "lf-scenario-file.h"
#include "lf-test-util.h"

#define WIDTH   800
#define HEIGHT  450
#define DRAWS   100
#define SEED    7

static const char *source_dir;
static char       *reference_dir;
static char       *artifact_dir;
static char       *work_dir;
static gboolean    updating;
static char       *renderer_mismatch;  /* why pixels cannot be compared here, or NULL */

/* One scenario, projected with its bands, its tornado and the backtest. */
typedef struct {
  LfScenario   *scenario;
  LfProjection  projection;
  LfProjection  current;
  LfBands       bands;
  LfTornadoBar  tornado[LF_TORNADO_MAX];
  LfAttribution *attribution;
  LfChartData   data;
} Inputs;

static LfBaseline   *baseline;
static LfValidation *validation;

static Inputs *
inputs_new (const char *preset,
            LfSeries    tornado_series)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (source_dir, "data", "presets", preset, NULL);
  g_autoptr(LfScenario) current = lf_scenario_new (baseline);
  Inputs *in = g_new0 (Inputs, 1);

  in->scenario = lf_scenario_load_file (baseline, path, &error);
  g_assert_no_error (error);
  lf_project (in->scenario, &in->projection);
  lf_project (current, &in->current);
  g_assert_true (lf_monte_carlo (in->scenario, DRAWS, SEED, &in->bands, NULL));

  lf_chart_data_init (&in->data, in->scenario, &in->projection, &in->current, &in->bands);
  in->data.n_tornado = lf_tornado (in->scenario, tornado_series, 2030, in->tornado);
  in->data.tornado = in->tornado;
  in->data.tornado_series = tornado_series;
  in->data.tornado_year = 2030;
  in->data.validation = validation;
  in->attribution = lf_attribute (current, in->scenario, tornado_series, 2030, NULL);
  in->data.attribution = in->attribution;

  return in;
}

static void
inputs_free (Inputs *in)
{
  lf_scenario_free (in->scenario);
  lf_attribution_free (in->attribution);
  g_free (in);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Inputs, inputs_free)

/* What draws the text: the font the charts' family resolves to, and the
 * libraries' versions. */
static char *
describe_renderer (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  PangoFontDescription *desc = pango_font_description_from_string ("Cantarell, DejaVu Sans, Sans 12");
  PangoFont *font = pango_font_map_load_font (map, context, desc);
  PangoFontDescription *found = pango_font_describe (font);
  char *text = g_strdup_printf ("font %s\ncairo %s\npango %s\n",
                                pango_font_description_get_family (found),
                                cairo_version_string (), pango_version_string ());

  pango_font_description_free (found);
  g_object_unref (font);
  pango_font_description_free (desc);
  g_object_unref (context);
  return text;
}

static void
check_renderer (void)
{
  g_autofree char *path = g_build_filename (reference_dir, "RENDERER", NULL);
  g_autofree char *here = describe_renderer ();
  g_autofree char *recorded = NULL;

  if (updating)
    {
      g_autoptr(GError) error = NULL;

      g_file_set_contents (path, here, -1, &error);
      g_assert_no_error (error);
      return;
    }
  if (!g_file_get_contents (path, &recorded, NULL, NULL))
    renderer_mismatch = g_strdup_printf ("%s is missing", path);
  else if (!g_str_equal (recorded, here))
    renderer_mismatch = g_strdup_printf ("the references were drawn with\n%sand this machine has\n%s",
                                         recorded, here);
}

/* Writes @surface's differing pixels in red over a faded copy of @expected. */
static void
write_difference (cairo_surface_t *expected,
                  cairo_surface_t *actual,
                  const char      *path)
{
  int w = cairo_image_surface_get_width (expected);
  int h = cairo_image_surface_get_height (expected);
  cairo_surface_t *diff = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  int es = cairo_image_surface_get_stride (expected), as = cairo_image_surface_get_stride (actual);
  int ds = cairo_image_surface_get_stride (diff);
  const guint8 *e = cairo_image_surface_get_data (expected), *a = cairo_image_surface_get_data (actual);
  guint8 *d;

  cairo_surface_flush (diff);
  d = cairo_image_surface_get_data (diff);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 ep = *(const guint32 *) (const void *) (e + y * es + 4 * x);
        guint32 ap = *(const guint32 *) (const void *) (a + y * as + 4 * x);
        guint32 grey = (((ep >> 16) & 0xff) + ((ep >> 8) & 0xff) + (ep & 0xff)) / 3 / 4 + 191;

        *(guint32 *) (void *) (d + y * ds + 4 * x) = ep == ap ? (grey << 16 | grey << 8 | grey) : 0xff0000;
      }
  cairo_surface_mark_dirty (diff);
  g_assert_cmpint (cairo_surface_write_to_png (diff, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (diff);
}

/* The number of pixels that differ, and the box around them. */
static guint
compare (cairo_surface_t *expected,
         cairo_surface_t *actual,
         int              box[4])
{
  int w = cairo_image_surface_get_width (expected);
  int h = cairo_image_surface_get_height (expected);
  int es = cairo_image_surface_get_stride (expected), as = cairo_image_surface_get_stride (actual);
  const guint8 *e = cairo_image_surface_get_data (expected), *a = cairo_image_surface_get_data (actual);
  guint n = 0;

  box[0] = w, box[1] = h, box[2] = -1, box[3] = -1;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (*(const guint32 *) (const void *) (e + y * es + 4 * x) !=
          *(const guint32 *) (const void *) (a + y * as + 4 * x))
        {
          n++;
          box[0] = MIN (box[0], x), box[1] = MIN (box[1], y);
          box[2] = MAX (box[2], x), box[3] = MAX (box[3], y);
        }
  return n;
}

static void
check_picture (const char        *name,
               LfChartKind        kind,
               const LfChartData *data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *drawn = g_build_filename (work_dir, file, NULL);
  g_autofree char *reference = g_build_filename (reference_dir, file, NULL);
  cairo_surface_t *expected, *actual;
  int box[4];
  guint n;

  g_assert_true (lf_chart_export_png (drawn, kind, data, WIDTH, HEIGHT, 1.0, &error));
  g_assert_no_error (error);

  if (updating)
    {
      g_autofree char *bytes = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (drawn, &bytes, &length, &error));
      g_assert_true (g_file_set_contents (reference, bytes, length, &error));
      g_assert_no_error (error);
      g_test_message ("wrote %s", reference);
      return;
    }

  expected = cairo_image_surface_create_from_png (reference);
  if (cairo_surface_status (expected) != CAIRO_STATUS_SUCCESS)
    g_error ("cannot read the reference %s (%s): draw the references with "
             "LANDFALL_UPDATE_REFERENCE=1", reference, cairo_status_to_string (cairo_surface_status (expected)));
  actual = cairo_image_surface_create_from_png (drawn);
  g_assert_cmpint (cairo_surface_status (actual), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (actual), ==, cairo_image_surface_get_width (expected));
  g_assert_cmpint (cairo_image_surface_get_height (actual), ==, cairo_image_surface_get_height (expected));
  g_assert_cmpint (cairo_image_surface_get_format (actual), ==, cairo_image_surface_get_format (expected));

  n = compare (expected, actual, box);
  if (n > 0)
    {
      g_autofree char *kept = g_build_filename (artifact_dir, file, NULL);
      g_autofree char *diff_name = g_strconcat (name, "-diff.png", NULL);
      g_autofree char *diff = g_build_filename (artifact_dir, diff_name, NULL);

      g_assert_cmpint (g_mkdir_with_parents (artifact_dir, 0755), ==, 0);
      g_assert_cmpint (cairo_surface_write_to_png (actual, kept), ==, CAIRO_STATUS_SUCCESS);
      write_difference (expected, actual, diff);
      g_test_message ("%s: %u pixels differ, within x %d–%d, y %d–%d; drawn: %s; difference: %s",
                      name, n, box[0], box[2], box[1], box[3], kept, diff);
      g_test_fail ();
    }
  cairo_surface_destroy (expected);
  cairo_surface_destroy (actual);
}

/* Every kind, light and dark, pointing at 2031 with the first plant picked. */
static void
test_interactive (void)
{
  g_autoptr(Inputs) in = NULL;

  if (renderer_mismatch != NULL)
    {
      g_test_skip (renderer_mismatch);
      return;
    }
  in = inputs_new ("04-ford-xiaomi.landfall", LF_SERIES_FORD_EV_EBIT_MUSD);
  in->data.hover_year = 2031;
  in->data.selected_plant = 0;
  for (int dark = 0; dark <= 1; dark++)
    for (int k = 0; k < LF_N_CHARTS; k++)
      {
        g_autofree char *name = g_strdup_printf ("ford-xiaomi-%s-%s-hover", lf_chart_kind_to_string (k),
                                                 dark ? "dark" : "light");

        in->data.dark = dark;
        check_picture (name, k, &in->data);
      }
}

/* The main view's charts at rest, for a scenario with policy steps (marked
 * years), a quota and China-built imports. */
static void
test_at_rest (void)
{
  g_autoptr(Inputs) in = NULL;

  if (renderer_mismatch != NULL)
    {
      g_test_skip (renderer_mismatch);
      return;
    }
  in = inputs_new ("05-trade-deal.landfall", LF_SERIES_CHINESE_SHARE_EV_PCT);
  for (int k = 0; k < LF_N_CHARTS; k++)
    {
      g_autofree char *name = g_strdup_printf ("trade-deal-%s-light", lf_chart_kind_to_string (k));

      check_picture (name, k, &in->data);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *build_dir = g_getenv ("LANDFALL_BUILD_DIR");
  g_autofree char *config_home = NULL;
  int status;

  /* Before fontconfig starts: no user configuration, no user fonts. */
  work_dir = lf_test_make_temp_dir ();
  config_home = g_build_filename (work_dir, "config", NULL);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("XDG_DATA_HOME", config_home, TRUE);
  g_unsetenv ("FONTCONFIG_FILE");
  g_unsetenv ("FONTCONFIG_PATH");
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");

  g_test_init (&argc, &argv, NULL);

  source_dir = g_getenv ("LANDFALL_SOURCE_DIR");
  if (source_dir == NULL || build_dir == NULL)
    {
      g_printerr ("LANDFALL_SOURCE_DIR and LANDFALL_BUILD_DIR must be set (meson test sets them)\n");
      return 1;
    }
  reference_dir = g_build_filename (source_dir, "tests", "chart-references", NULL);
  artifact_dir = g_build_filename (build_dir, "tests", "chart-pixels", NULL);
  updating = g_getenv ("LANDFALL_UPDATE_REFERENCE") != NULL &&
             !g_str_equal (g_getenv ("LANDFALL_UPDATE_REFERENCE"), "") &&
             !g_str_equal (g_getenv ("LANDFALL_UPDATE_REFERENCE"), "0");
  if (updating)
    g_assert_cmpint (g_mkdir_with_parents (reference_dir, 0755), ==, 0);

  baseline = lf_baseline_load_default (&error);
  g_assert_no_error (error);
  validation = lf_validation_load_default (baseline, &error);
  g_assert_no_error (error);
  check_renderer ();

  g_test_add_func ("/landfall/chart-pixels/interactive", test_interactive);
  g_test_add_func ("/landfall/chart-pixels/at-rest", test_at_rest);
  status = g_test_run ();

  lf_test_remove_tree (work_dir);
  lf_validation_free (validation);
  lf_baseline_unref (baseline);
  g_free (renderer_mismatch);
  g_free (work_dir);
  g_free (artifact_dir);
  g_free (reference_dir);
  return status;
}
