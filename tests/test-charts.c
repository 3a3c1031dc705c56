/* test-charts.c: the charts draw where the data says, hit tests agree with
 * drawing, and PNG export works and fails cleanly. No display needed. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "lf-chart.h"
#include "lf-chart-private.h"
#include "lf-chart-spec.h"
#include "lf-palette.h"

#define W 800
#define H 500

/* A hand-made baseline and scenario: the tests do not depend on the model's
 * numbers, only on what the charts do with them. */
typedef struct {
  LfBaseline   baseline;
  LfScenario   scenario;
  LfProjection projection;
  LfProjection current;
  LfBands      bands;
  LfChartData  data;
  LfTornadoBar tornado[3];
  LfValidation validation;
  LfAttributionPart parts[3];
  LfAttribution attribution;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  LfBaseline *b = &f->baseline;
  LfScenario *s = &f->scenario;

  memset (f, 0, sizeof *f);

  b->n_makers = 2;
  b->makers[0].id = (char *) "byd";
  b->makers[0].name = (char *) "BYD";
  b->makers[1].id = (char *) "geely";
  b->makers[1].name = (char *) "Geely";

  b->n_sites = 3;
  b->sites[0] = (LfSite) { (char *) "mx-nuevo-leon", (char *) "Monterrey, Nuevo León",
                           LF_ORIGIN_MEXICO, 25.67, -100.31, 0.9, 2027, { 0.3, 0.7, 1.0 }, FALSE, 0.002 };
  b->sites[1] = (LfSite) { (char *) "us-michigan", (char *) "Marshall, Michigan",
                           LF_ORIGIN_US, 42.27, -84.96, 1.1, 2028, { 0.3, 0.7, 1.0 }, TRUE, 0.003 };
  b->sites[2] = (LfSite) { (char *) "cn-shenzhen", (char *) "Shenzhen, Guangdong",
                           LF_ORIGIN_CHINA, 22.54, 114.06, 0.6, 2025, { 1.0, 1.0, 1.0 }, FALSE, 0.0 };

  s->baseline = b;
  s->name = (char *) "Test scenario";
  s->n_plants = 4;
  s->plants[0] = (LfPlant) { "byd-mx", 0, 0, 150000, 0 };
  s->plants[1] = (LfPlant) { "geely-mx", 1, 0, 300000, 0 };   /* same site as plant 0 */
  s->plants[2] = (LfPlant) { "geely-us", 1, 1, 200000, 2029 };
  s->plants[3] = (LfPlant) { "byd-cn", 0, 2, 500000, 0 };
  s->has_step[LF_PARAM_TARIFF_CHINA][lf_year_index (2028)] = TRUE;

  for (int i = 0; i < LF_N_YEARS; i++)
    {
      double t = i / (double) (LF_N_YEARS - 1);
      LfProjection *p = &f->projection;

      p->series[LF_SERIES_CHINESE_SHARE_EV_PCT][i] = 12.3 * t;
      p->series[LF_SERIES_CHINESE_CHINA_BUILT][i] = 20000 * t;
      p->series[LF_SERIES_CHINESE_MEXICO_BUILT][i] = 150000 * t;
      p->series[LF_SERIES_CHINESE_US_BUILT][i] = i >= 4 ? 100000 * t : 0;
      p->series[LF_SERIES_CHINESE_CANADA_BUILT][i] = 0;
      p->series[LF_SERIES_CHINESE_EV_SALES][i] = 20000 * t + 150000 * t + (i >= 4 ? 100000 * t : 0);
      p->series[LF_SERIES_FORD_EV_SALES][i] = 100000 + 60000 * t;
      p->series[LF_SERIES_FORD_EV_SALES_NO_ENTRY][i] = 100000 + 120000 * t;
      p->series[LF_SERIES_FORD_EV_EBIT_MUSD][i] = -5000 + 3000 * t;
      p->series[LF_SERIES_FORD_EV_EBIT_NO_ENTRY_MUSD][i] = -5000 + 5000 * t;
      p->series[LF_SERIES_FORD_PARTNER_INCOME_MUSD][i] = i >= 3 ? 400 * t : 0;

      f->current.series[LF_SERIES_CHINESE_SHARE_EV_PCT][i] = 2.0;

      f->bands.p10[LF_SERIES_CHINESE_SHARE_EV_PCT][i] = 8.1 * t;
      f->bands.p50[LF_SERIES_CHINESE_SHARE_EV_PCT][i] = 12.3 * t;
      f->bands.p90[LF_SERIES_CHINESE_SHARE_EV_PCT][i] = 17.0 * t;
    }
  f->bands.n_draws = 100;

  lf_chart_data_init (&f->data, s, &f->projection, &f->current, &f->bands);

  /* Sensitivity bars around the 2030 share (12.3 × 0.5 = 6.15 %). */
  f->tornado[0] = (LfTornadoBar) { LF_PARAM_TARIFF_CHINA, { 0, 150 }, { 20.0, 2.0 } };
  f->tornado[1] = (LfTornadoBar) { LF_PARAM_PASS_THROUGH, { 0.6, 1.0 }, { 8.0, 4.5 } };
  f->tornado[2] = (LfTornadoBar) { LF_PARAM_QUOTA_CHINA, { 49000, INFINITY }, { 5.0, 6.15 } };
  f->data.tornado = f->tornado;
  f->data.n_tornado = 3;
  f->data.tornado_series = LF_SERIES_CHINESE_SHARE_EV_PCT;
  f->data.tornado_year = 2030;

  /* Where the change from current policy (2.0 %) to the scenario (6.15 %)
   * in 2030 came from: two rises and a fall. */
  f->parts[0] = (LfAttributionPart) { (char *) "rule.connected_vehicle", (char *) "Connected-vehicle rule",
                                      (char *) "as published", (char *) "off", 5.0 };
  f->parts[1] = (LfAttributionPart) { (char *) "plant.byd-mx", (char *) "BYD plant (byd-mx)",
                                      (char *) "—", (char *) "BYD at Monterrey", -1.5 };
  f->parts[2] = (LfAttributionPart) { (char *) "tariff.china", (char *) "Tariff on China-built EVs",
                                      (char *) "127.5 %", (char *) "100 %", 0.65 };
  f->attribution = (LfAttribution) { LF_SERIES_CHINESE_SHARE_EV_PCT, 2030, 2.0, 6.15, 3, f->parts, TRUE, 8 };
  f->data.attribution = &f->attribution;

  /* A backtest of two markets, one share of all cars and one of EV sales. */
  {
    LfValidation *v = &f->validation;

    v->params = (LfValidationParams) { 0.35, 0.4, 6.0, 0.8, 0.85, 0.5, 0.77, 0.2 };
    v->fitted = v->params;
    v->fitted.acceptance_speed = 0.2;
    v->n_markets = 2;
    for (int i = 0; i < 2; i++)
      {
        LfValidationMarket *m = &v->markets[i];

        m->id = (char *) (i == 0 ? "north" : "south");
        m->name = (char *) (i == 0 ? "North" : "South");
        m->base = i == 0 ? LF_VALIDATION_BASE_ALL : LF_VALIDATION_BASE_EV;
        m->definition = (char *) "test";
        m->arrival_year = 2019 + i;
        m->price_gap = -0.1 * (i + 1);
        m->first_year = 2018;
        m->last_year = 2025;
        m->n_points = 3;
        for (int j = 0; j < 3; j++)
          {
            m->points[j].year = 2021 + 2 * j;
            m->points[j].observed_pct = (i == 0 ? 3.0 : 30.0) * (j + 1);
            m->points[j].source = (char *) "test";
          }
      }
    lf_validation_evaluate (v);
    f->data.validation = v;
  }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
}

/* Draws onto white (or the dark background) so antialiased pixels blend
 * with a known colour. */
static cairo_surface_t *
render (LfChartKind        kind,
        const LfChartData *data,
        int                width,
        int                height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  const LfPalette *pal = lf_palette_get (data->dark);

  lf_set_source_color (cr, &pal->background);
  cairo_paint (cr);
  lf_chart_draw (cr, kind, data, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y,
          double           rgb[3])
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 px = *(const guint32 *) (const void *) (data + y * stride + 4 * x);

  rgb[0] = ((px >> 16) & 0xff) / 255.0;
  rgb[1] = ((px >> 8) & 0xff) / 255.0;
  rgb[2] = (px & 0xff) / 255.0;
}

/* The smallest colour distance to @color within ±@radius pixels of (x, y). */
static double
nearest_distance (cairo_surface_t *surface,
                  double           x,
                  double           y,
                  int              radius,
                  const LfColor   *color)
{
  double best = G_MAXDOUBLE;
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);

  for (int dy = -radius; dy <= radius; dy++)
    for (int dx = -radius; dx <= radius; dx++)
      {
        int px = (int) floor (x) + dx, py = (int) floor (y) + dy;
        double rgb[3], dist;

        if (px < 0 || py < 0 || px >= w || py >= h)
          continue;
        pixel_at (surface, px, py, rgb);
        dist = fabs (rgb[0] - color->red) + fabs (rgb[1] - color->green) + fabs (rgb[2] - color->blue);
        best = MIN (best, dist);
      }

  return best;
}

static guint
count_non_background (cairo_surface_t *surface,
                      const LfColor   *background)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  guint n = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        double rgb[3];

        pixel_at (surface, x, y, rgb);
        if (fabs (rgb[0] - background->red) + fabs (rgb[1] - background->green) +
            fabs (rgb[2] - background->blue) > 0.05)
          n++;
      }

  return n;
}

static void
test_kind_from_string (void)
{
  g_assert_cmpint (lf_chart_kind_from_string ("share"), ==, LF_CHART_SHARE);
  g_assert_cmpint (lf_chart_kind_from_string ("origin"), ==, LF_CHART_ORIGIN);
  g_assert_cmpint (lf_chart_kind_from_string ("ford"), ==, LF_CHART_FORD);
  g_assert_cmpint (lf_chart_kind_from_string ("map"), ==, LF_CHART_MAP);
  g_assert_cmpint (lf_chart_kind_from_string ("tornado"), ==, LF_CHART_TORNADO);
  g_assert_cmpint (lf_chart_kind_from_string ("attribution"), ==, LF_CHART_ATTRIBUTION);
  g_assert_cmpint (lf_chart_kind_from_string ("pie"), ==, LF_N_CHARTS);
  for (int k = 0; k < LF_N_CHARTS; k++)
    {
      g_assert_cmpint (lf_chart_kind_from_string (lf_chart_kind_to_string (k)), ==, k);
      g_assert_nonnull (lf_chart_kind_get_title (k));
    }
}

static void
test_draw_all (Fixture       *f,
               gconstpointer  user_data)
{
  for (int dark = 0; dark <= 1; dark++)
    for (int k = 0; k < LF_N_CHARTS; k++)
      {
        cairo_surface_t *surface;
        guint n;

        f->data.dark = dark;
        surface = render (k, &f->data, W, H);
        g_assert_cmpint (cairo_image_surface_get_width (surface), ==, W);
        g_assert_cmpint (cairo_image_surface_get_height (surface), ==, H);
        n = count_non_background (surface, &lf_palette_get (dark)->background);
        /* Axes, lines, labels or land: a few percent of the picture at least. */
        g_assert_cmpuint (n, >, W * H / 50);
        cairo_surface_destroy (surface);
      }

  /* Tiny and empty boxes must not crash or warn. */
  for (int k = 0; k < LF_N_CHARTS; k++)
    cairo_surface_destroy (render (k, &f->data, 3, 3));
}

static gboolean
same_pixels (cairo_surface_t *a, cairo_surface_t *b)
{
  int h = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  return h == cairo_image_surface_get_height (b) && stride == cairo_image_surface_get_stride (b)
         && memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b), (gsize) h * stride) == 0;
}

/* Words kept from a chart's last drawing (as the window keeps them) draw
 * the same pixels as words laid out anew, the first time, the second, after
 * other charts have used the cache and at another scale. */
static void
test_text_cache (Fixture       *f,
                 gconstpointer  user_data)
{
  g_autoptr(LfTextCache) cache = lf_text_cache_new ();

  for (int round = 0; round < 2; round++)
    for (int dark = 0; dark <= 1; dark++)
      for (int k = 0; k < LF_N_CHARTS; k++)
        {
          cairo_surface_t *fresh, *kept;

          f->data.dark = dark;
          f->data.text_cache = NULL;
          fresh = render (k, &f->data, W, H);
          f->data.text_cache = cache;
          kept = render (k, &f->data, W, H);
          f->data.text_cache = NULL;
          if (!same_pixels (fresh, kept))
            g_error ("%s (dark %d, round %d) draws other pixels from the text cache",
                     lf_chart_kind_to_string (k), dark, round);
          cairo_surface_destroy (fresh);
          cairo_surface_destroy (kept);
        }

  /* Scaled (a presentation export, a HiDPI screen): laid out again for the scale. */
  {
    cairo_surface_t *scaled[2];

    for (int i = 0; i < 2; i++)
      {
        cairo_t *cr;

        scaled[i] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2 * W, 2 * H);
        cr = cairo_create (scaled[i]);
        cairo_scale (cr, 2, 2);
        f->data.text_cache = i == 0 ? NULL : cache;
        lf_chart_draw (cr, LF_CHART_SHARE, &f->data, W, H);
        cairo_destroy (cr);
        cairo_surface_flush (scaled[i]);
      }
    f->data.text_cache = NULL;
    g_assert_true (same_pixels (scaled[0], scaled[1]));
    cairo_surface_destroy (scaled[0]);
    cairo_surface_destroy (scaled[1]);
  }
}

/* The parts of a time-series chart, each drawn with a cairo context of its
 * own (as the window draws each into a node of its own), in order on one
 * surface, draw exactly the whole chart; the data part stays within its
 * bounds; the axes' and the legend's keys follow what they draw and nothing
 * else; the charts drawn whole have no parts. */
static void
test_parts (Fixture       *f,
            gconstpointer  user_data)
{
  for (int k = 0; k < LF_N_CHARTS; k++)
    for (int variant = 0; variant < 3; variant++)
      {
        g_autoptr(LfChartParts) parts = NULL;
        cairo_surface_t *whole, *split;
        const LfPalette *pal;

        f->data.dark = variant == 1;
        f->data.hover_year = variant == 2 ? 2030 : -1;
        pal = lf_palette_get (f->data.dark);
        parts = lf_chart_parts_new (k, &f->data, W, H);
        if (!lf_chart_kind_has_time_axis (k))
          {
            g_assert_null (parts);
            continue;
          }
        g_assert_nonnull (parts);
        whole = render (k, &f->data, W, H);
        split = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
        {
          cairo_t *cr = cairo_create (split);

          lf_set_source_color (cr, &pal->background);
          cairo_paint (cr);
          cairo_destroy (cr);
        }
        for (int part = 0; part < LF_N_CHART_PARTS; part++)
          {
            cairo_t *cr = cairo_create (split);

            lf_chart_parts_draw (parts, part, cr);
            cairo_destroy (cr);
          }
        cairo_surface_flush (split);
        if (!same_pixels (whole, split))
          g_error ("%s (variant %d): its parts draw other pixels than the whole", lf_chart_kind_to_string (k), variant);
        cairo_surface_destroy (whole);
        cairo_surface_destroy (split);

        /* The data alone, on a clear surface: nothing outside its bounds. */
        {
          cairo_surface_t *data = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
          cairo_t *cr = cairo_create (data);
          double bx, by, bw, bh;
          const guint8 *px;
          int stride;

          lf_chart_parts_draw (parts, LF_CHART_PART_DATA, cr);
          cairo_destroy (cr);
          cairo_surface_flush (data);
          lf_chart_parts_get_bounds (parts, LF_CHART_PART_DATA, &bx, &by, &bw, &bh);
          g_assert_cmpfloat (bx, >=, 0);
          g_assert_cmpfloat (by, >=, 0);
          g_assert_cmpfloat (bx + bw, <=, W);
          g_assert_cmpfloat (by + bh, <=, H);
          /* Smaller than the chart: the axes' labels and the legend are outside. */
          g_assert_cmpfloat (bw * bh, <, 0.9 * W * H);
          px = cairo_image_surface_get_data (data);
          stride = cairo_image_surface_get_stride (data);
          for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++)
              if (x < bx || x >= bx + bw || y < by || y >= by + bh)
                if (((const guint32 *) (px + y * stride))[x] != 0)
                  g_error ("%s: the data drawn at %d,%d, outside its bounds %g,%g %gx%g",
                           lf_chart_kind_to_string (k), x, y, bx, by, bw, bh);
          cairo_surface_destroy (data);
        }
        g_assert_null (lf_chart_parts_get_key (parts, LF_CHART_PART_DATA));
        g_assert_null (lf_chart_parts_get_key (parts, LF_CHART_PART_READOUT));
      }
  f->data.dark = FALSE;
  f->data.hover_year = -1;

  /* Keys: equal for the same drawing, other for another size, style or
   * chart; the hovered year (the read-out's) changes neither. */
  {
    g_autoptr(LfChartParts) a = lf_chart_parts_new (LF_CHART_SHARE, &f->data, W, H);
    g_autoptr(LfChartParts) same = lf_chart_parts_new (LF_CHART_SHARE, &f->data, W, H);
    g_autoptr(LfChartParts) wider = lf_chart_parts_new (LF_CHART_SHARE, &f->data, W + 40, H);
    g_autoptr(LfChartParts) other = lf_chart_parts_new (LF_CHART_ORIGIN, &f->data, W, H);
    g_autoptr(LfChartParts) dark = NULL, hover = NULL;
    static const LfChartPart kept[] = { LF_CHART_PART_AXES, LF_CHART_PART_LEGEND };

    f->data.dark = TRUE;
    dark = lf_chart_parts_new (LF_CHART_SHARE, &f->data, W, H);
    f->data.dark = FALSE;
    f->data.hover_year = 2031;
    hover = lf_chart_parts_new (LF_CHART_SHARE, &f->data, W, H);
    f->data.hover_year = -1;
    for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
      {
        LfChartPart part = kept[i];
        const char *key = lf_chart_parts_get_key (a, part);

        g_assert_nonnull (key);
        g_assert_cmpstr (key, ==, lf_chart_parts_get_key (same, part));
        g_assert_cmpstr (key, ==, lf_chart_parts_get_key (hover, part));
        g_assert_cmpstr (key, !=, lf_chart_parts_get_key (wider, part));
        g_assert_cmpstr (key, !=, lf_chart_parts_get_key (other, part));
        g_assert_cmpstr (key, !=, lf_chart_parts_get_key (dark, part));
      }
  }

  /* A range that grows changes the axes' key (their ticks and labels). */
  {
    g_autoptr(LfChartParts) before = lf_chart_parts_new (LF_CHART_SHARE, &f->data, W, H);
    g_autoptr(LfChartParts) after = NULL;
    double saved[LF_N_YEARS];

    memcpy (saved, f->projection.series[LF_SERIES_CHINESE_SHARE_EV_PCT], sizeof saved);
    for (int y = 0; y < LF_N_YEARS; y++)
      f->projection.series[LF_SERIES_CHINESE_SHARE_EV_PCT][y] = 95.0;
    after = lf_chart_parts_new (LF_CHART_SHARE, &f->data, W, H);
    memcpy (f->projection.series[LF_SERIES_CHINESE_SHARE_EV_PCT], saved, sizeof saved);
    g_assert_cmpstr (lf_chart_parts_get_key (before, LF_CHART_PART_AXES), !=,
                     lf_chart_parts_get_key (after, LF_CHART_PART_AXES));
  }
}

static void
check_share_lines (Fixture *f,
                   gboolean dark)
{
  const LfPalette *pal = lf_palette_get (dark);
  cairo_surface_t *surface;

  f->data.dark = dark;
  f->data.bands = NULL;  /* the band would tint the pixels around the line */
  surface = render (LF_CHART_SHARE, &f->data, W, H);

  for (int year = 2027; year <= LF_LAST_YEAR; year += 2)
    {
      double x = lf_chart_x_for_year (LF_CHART_SHARE, W, H, year);
      double ys = lf_chart_y_for_value (LF_CHART_SHARE, &f->data, W, H, LF_SERIES_CHINESE_SHARE_EV_PCT,
                                        lf_projection_get (&f->projection, LF_SERIES_CHINESE_SHARE_EV_PCT, year));
      double yb = lf_chart_y_for_value (LF_CHART_SHARE, &f->data, W, H, LF_SERIES_CHINESE_SHARE_EV_PCT,
                                        lf_projection_get (&f->current, LF_SERIES_CHINESE_SHARE_EV_PCT, year));

      g_assert_cmpfloat (x, >, 0);
      g_assert_cmpfloat (x, <, W);
      g_assert_cmpfloat (fabs (ys - yb), >, 10.0);
      g_assert_cmpfloat (nearest_distance (surface, x, ys, 1, &pal->scenario), <, 0.15);
      g_assert_cmpfloat (nearest_distance (surface, x, yb, 1, &pal->baseline), <, 0.15);
      /* And the scenario colour is not everywhere: halfway between, it is absent. */
      g_assert_cmpfloat (nearest_distance (surface, x, (ys + yb) / 2.0, 1, &pal->scenario), >, 0.3);
    }

  /* The policy step in 2028 is marked with a dashed line across the plot. */
  {
    double x = lf_chart_x_for_year (LF_CHART_SHARE, W, H, 2028);
    double y = lf_chart_y_for_value (LF_CHART_SHARE, &f->data, W, H, LF_SERIES_CHINESE_SHARE_EV_PCT, 9.0);

    g_assert_true (f->data.marked_years[lf_year_index (2028)]);
    g_assert_cmpfloat (nearest_distance (surface, x, y, 3, &pal->marker), <, 0.15);
  }

  /* Higher values are drawn higher up. */
  g_assert_cmpfloat (lf_chart_y_for_value (LF_CHART_SHARE, &f->data, W, H, LF_SERIES_CHINESE_SHARE_EV_PCT, 10.0),
                     <, lf_chart_y_for_value (LF_CHART_SHARE, &f->data, W, H, LF_SERIES_CHINESE_SHARE_EV_PCT, 1.0));
  cairo_surface_destroy (surface);
}

static void
test_share_lines (Fixture       *f,
                  gconstpointer  user_data)
{
  check_share_lines (f, FALSE);
  check_share_lines (f, TRUE);
}

static void
test_ford_lines (Fixture       *f,
                 gconstpointer  user_data)
{
  const LfPalette *pal = lf_palette_get (FALSE);
  cairo_surface_t *surface = render (LF_CHART_FORD, &f->data, W, H);
  int year = 2034;
  double x = lf_chart_x_for_year (LF_CHART_FORD, W, H, year);
  struct { LfSeries series; const LfColor *color; } checks[] = {
    { LF_SERIES_FORD_EV_SALES, &pal->scenario },
    { LF_SERIES_FORD_EV_SALES_NO_ENTRY, &pal->baseline },
    { LF_SERIES_FORD_EV_EBIT_MUSD, &pal->scenario },
    { LF_SERIES_FORD_EV_EBIT_NO_ENTRY_MUSD, &pal->baseline },
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      double v = lf_projection_get (&f->projection, checks[i].series, year);
      double y = lf_chart_y_for_value (LF_CHART_FORD, &f->data, W, H, checks[i].series, v);

      g_assert_cmpfloat (nearest_distance (surface, x, y, 1, checks[i].color), <, 0.15);
    }
  cairo_surface_destroy (surface);
}

static void
test_year_at (void)
{
  for (int k = 0; k < LF_CHART_MAP; k++)
    {
      for (int year = LF_FIRST_YEAR; year <= LF_LAST_YEAR; year++)
        {
          double x = lf_chart_x_for_year (k, W, H, year);

          g_assert_cmpint (lf_chart_year_at (k, W, H, x), ==, year);
          g_assert_cmpint (lf_chart_year_at (k, W, H, x + 3.0), ==, year);
        }
      g_assert_cmpint (lf_chart_year_at (k, W, H, 2.0), ==, -1);
      g_assert_cmpint (lf_chart_year_at (k, W, H, W - 1.0), ==, -1);
    }
  g_assert_cmpint (lf_chart_year_at (LF_CHART_MAP, W, H, W / 2.0), ==, -1);
}

static void
test_hover (Fixture       *f,
            gconstpointer  user_data)
{
  for (int k = 0; k < LF_CHART_MAP; k++)
    {
      cairo_surface_t *plain, *hover;

      f->data.hover_year = -1;
      plain = render (k, &f->data, W, H);
      f->data.hover_year = 2030;
      hover = render (k, &f->data, W, H);
      /* The crosshair and read-out add ink. */
      g_assert_cmpuint (count_non_background (hover, &lf_palette_get (FALSE)->background), >,
                        count_non_background (plain, &lf_palette_get (FALSE)->background));
      cairo_surface_destroy (plain);
      cairo_surface_destroy (hover);
    }
}

static void
test_map_hit_test (Fixture       *f,
                   gconstpointer  user_data)
{
  gboolean found[LF_MAX_PLANTS] = { 0 };
  cairo_surface_t *surface;

  for (int y = 0; y < H; y += 4)
    for (int x = 0; x < W; x += 4)
      {
        int i = lf_chart_map_hit_test (&f->data, W, H, x, y);

        g_assert_cmpint (i, >=, -1);
        g_assert_cmpint (i, <, f->scenario.n_plants);
        if (i >= 0)
          found[i] = TRUE;
      }

  /* Every plant is reachable: the two at one site do not hide each other,
   * and the one in China is shown apart from the map. */
  for (int i = 0; i < f->scenario.n_plants; i++)
    g_assert_true (found[i]);

  /* The top-left corner is the legend, not a plant. */
  g_assert_cmpint (lf_chart_map_hit_test (&f->data, W, H, 1, 1), ==, -1);

  /* Selecting draws without trouble. */
  f->data.selected_plant = 2;
  surface = render (LF_CHART_MAP, &f->data, W, H);
  cairo_surface_destroy (surface);

  /* No scenario: nothing to hit. */
  f->data.scenario = NULL;
  g_assert_cmpint (lf_chart_map_hit_test (&f->data, W, H, W / 2.0, H / 2.0), ==, -1);
}

/* Every kind's table holds together: a name, a title, a source note and a
 * describer; a time-series chart has panels, and each layer sits on one of
 * them with a divisor, each panel carries at least one layer. */
static void
test_specs (void)
{
  for (int k = 0; k < LF_N_CHARTS; k++)
    {
      const LfChartSpec *spec = lf_chart_kind_get_spec (k);

      g_assert_nonnull (spec->name);
      g_assert_cmpint (lf_chart_kind_from_string (spec->name), ==, k);
      g_assert_nonnull (spec->title);
      g_assert_nonnull (spec->source);
      g_assert_nonnull (spec->describe);
      if (!lf_chart_spec_has_time_axis (spec))
        {
          g_assert_cmpuint (spec->n_layers, ==, 0);
          continue;
        }
      g_assert_cmpuint (spec->n_panels, >=, 1);
      g_assert_cmpuint (spec->n_panels, <=, LF_MAX_PANELS);
      g_assert_cmpuint (spec->n_layers, >=, 1);
      g_assert_cmpuint (spec->n_layers, <=, LF_MAX_LAYERS);
      for (guint p = 0; p < spec->n_panels; p++)
        {
          guint n_on_panel = 0;

          g_assert_nonnull (spec->panels[p].unit);
          for (guint i = 0; i < spec->n_layers; i++)
            if (spec->layers[i].panel == p)
              n_on_panel++;
          g_assert_cmpuint (n_on_panel, >, 0);
        }
      for (guint i = 0; i < spec->n_layers; i++)
        {
          const LfLayerSpec *layer = &spec->layers[i];

          g_assert_cmpuint (layer->panel, <, spec->n_panels);
          g_assert_cmpint (layer->series, <, LF_N_SERIES);
          g_assert_cmpfloat (layer->divisor, >, 0.0);
          g_assert_true (layer->depth == LF_DEPTH_AREA || layer->depth == LF_DEPTH_BARS ||
                         layer->depth == LF_DEPTH_LINE || layer->depth == LF_DEPTH_EMPHASIS);
          /* A band of the current-policy run has no bands to come from. */
          if (layer->kind == LF_LAYER_BAND)
            g_assert_cmpint (layer->source, ==, LF_FROM_SCENARIO);
        }
    }
}

static void
test_describe (Fixture       *f,
               gconstpointer  user_data)
{
  g_autofree char *share = lf_chart_describe (LF_CHART_SHARE, &f->data);
  g_autofree char *origin = lf_chart_describe (LF_CHART_ORIGIN, &f->data);
  g_autofree char *ford = lf_chart_describe (LF_CHART_FORD, &f->data);
  g_autofree char *map = lf_chart_describe (LF_CHART_MAP, &f->data);

  g_test_message ("%s\n%s\n%s\n%s", share, origin, ford, map);
  g_assert_nonnull (strstr (share, "rises from 0.0 % in 2025 to 12.3 % in 2035"));
  g_assert_nonnull (strstr (share, "8.1–17.0 %"));
  g_assert_nonnull (strstr (share, "current policy: 2.0 %"));
  g_assert_nonnull (strstr (origin, "270000"));
  g_assert_nonnull (strstr (ford, "160000"));
  /* Money in lf-format's one style, a change with its sign. */
  g_assert_nonnull (strstr (ford, "EBIT in 2035: −$2.0\u00a0B, against $0\u00a0M"));
  g_assert_nonnull (strstr (ford, "partnership income: $400\u00a0M."));
  g_assert_nonnull (strstr (ford, "(−27.3 %)"));
  g_assert_nonnull (strstr (map, "Monterrey, Nuevo León"));
  g_assert_nonnull (strstr (map, "4 plants"));
}

static void
test_export_png (Fixture       *f,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-charts-XXXXXX", &error);
  g_assert_no_error (error);

  for (int k = 0; k < LF_N_CHARTS; k++)
    {
      g_autofree char *name = g_strdup_printf ("%s.png", lf_chart_kind_to_string (k));
      g_autofree char *path = g_build_filename (dir, name, NULL);
      cairo_surface_t *png;

      g_assert_true (lf_chart_export_png (path, k, &f->data, LF_CHART_DEFAULT_EXPORT_WIDTH,
                                          LF_CHART_DEFAULT_EXPORT_HEIGHT, 1.0, &error));
      g_assert_no_error (error);
      png = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, LF_CHART_DEFAULT_EXPORT_WIDTH);
      g_assert_cmpint (cairo_image_surface_get_height (png), ==, LF_CHART_DEFAULT_EXPORT_HEIGHT);
      cairo_surface_destroy (png);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }

  {
    g_autofree char *path = g_build_filename (dir, "scaled.png", NULL);
    cairo_surface_t *png;

    g_assert_true (lf_chart_export_png (path, LF_CHART_SHARE, &f->data, 400, 300, 2.0, &error));
    g_assert_no_error (error);
    png = cairo_image_surface_create_from_png (path);
    g_assert_cmpint (cairo_image_surface_get_width (png), ==, 800);
    g_assert_cmpint (cairo_image_surface_get_height (png), ==, 600);
    cairo_surface_destroy (png);
    g_assert_cmpint (g_unlink (path), ==, 0);
  }

  /* A narrow picture keeps its title whole: smaller, inside the margin,
   * where it would run off the edge at its full size. */
  {
    g_autofree char *path = g_build_filename (dir, "narrow.png", NULL);
    cairo_surface_t *png;
    const guint32 *px;
    int stride, inked = -1;

    g_assert_true (lf_chart_export_png (path, LF_CHART_FORD_IMPACT, &f->data, 360, 500, 1.0, &error));
    g_assert_no_error (error);
    png = cairo_image_surface_create_from_png (path);
    cairo_surface_flush (png);
    px = (const guint32 *) cairo_image_surface_get_data (png);
    stride = cairo_image_surface_get_stride (png) / 4;
    for (int y = 16; y < 50; y++)
      for (int x = 0; x < 360; x++)
        if ((px[y * stride + x] & 0xffffff) != (px[y * stride + 359] & 0xffffff))
          inked = MAX (inked, x);
    g_assert_cmpint (inked, >, 180);        /* a title is there */
    g_assert_cmpint (inked, <, 360 - 20);   /* and ends inside the margin */
    cairo_surface_destroy (png);
    g_assert_cmpint (g_unlink (path), ==, 0);
  }

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_export_unwritable (Fixture       *f,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  const char *path = "/nonexistent-landfall-dir/chart.png";

  g_assert_false (lf_chart_export_png (path, LF_CHART_SHARE, &f->data, 320, 200, 1.0, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

/* Redrawing on every pointer motion must stay far below a frame. The median
 * of many rounds, so other work on a shared machine does not count. */
static void
test_speed (Fixture       *f,
            gconstpointer  user_data)
{
  enum { ROUNDS = 31 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 800);
  cairo_t *cr = cairo_create (surface);
  double times[LF_N_CHARTS][ROUNDS];
  double total = 0.0;

  /* Warm up: fonts, the map outlines. */
  for (int k = 0; k < LF_N_CHARTS; k++)
    lf_chart_draw (cr, k, &f->data, 1280, 800);

  f->data.hover_year = 2030;
  f->data.selected_plant = 1;
  for (int r = 0; r < ROUNDS; r++)
    for (int k = 0; k < LF_N_CHARTS; k++)
      {
        gint64 start;

        /* The background is the widget's to paint, not the chart's. */
        cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_paint (cr);
        cairo_surface_flush (surface);
        start = g_get_monotonic_time ();
        lf_chart_draw (cr, k, &f->data, 1280, 800);
        cairo_surface_flush (surface);
        times[k][r] = (g_get_monotonic_time () - start) / 1000.0;
      }

  for (int k = 0; k < LF_N_CHARTS; k++)
    {
      qsort (times[k], ROUNDS, sizeof (double), compare_doubles);
      g_test_message ("%s: median %.2f ms, fastest %.2f ms", lf_chart_kind_to_string (k),
                      times[k][ROUNDS / 2], times[k][0]);
      total += times[k][ROUNDS / 2];
    }
  g_test_message ("all four at 1280×800: %.2f ms (median)", total);
  /* Generous, so a loaded CI machine does not fail it; the target is 8 ms. */
  g_assert_cmpfloat (total, <, 80.0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The real model: every preset draws, the lines sit where the model's numbers
 * put them, every plant can be picked on the map and the PNGs are written. */
static void
test_model_presets (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfBaseline) baseline = lf_baseline_load_default (&error);
  g_autoptr(LfScenario) current = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *presets = NULL;
  g_autofree char *out_dir = NULL;
  const char *source_dir = g_getenv ("LANDFALL_SOURCE_DIR");
  const char *name;
  LfProjection *current_projection = g_new0 (LfProjection, 1);
  guint n_presets = 0;
  g_autoptr(LfValidation) validation = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (baseline);
  current = lf_scenario_new (baseline);
  lf_project (current, current_projection);
  validation = lf_validation_load_default (baseline, &error);
  g_assert_no_error (error);

  if (source_dir == NULL)
    {
      g_test_skip ("LANDFALL_SOURCE_DIR is not set");
      g_free (current_projection);
      return;
    }
  presets = g_build_filename (source_dir, "data", "presets", NULL);
  dir = g_dir_open (presets, 0, &error);
  g_assert_no_error (error);
  out_dir = g_dir_make_tmp ("test-charts-model-XXXXXX", &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(LfScenario) scenario = NULL;
      g_autofree LfProjection *projection = g_new0 (LfProjection, 1);
      g_autofree LfBands *bands = g_new0 (LfBands, 1);
      LfChartData data;
      LfTornadoBar tornado[LF_TORNADO_MAX];
      gboolean found[LF_MAX_PLANTS] = { 0 };
      g_autoptr(LfAttribution) attribution = NULL;

      if (!g_str_has_suffix (name, ".landfall"))
        continue;
      path = g_build_filename (presets, name, NULL);
      scenario = lf_scenario_load_file (baseline, path, &error);
      g_assert_no_error (error);
      lf_project (scenario, projection);
      g_assert_true (lf_monte_carlo (scenario, 40, 7, bands, NULL));
      lf_chart_data_init (&data, scenario, projection, current_projection, bands);
      data.n_tornado = lf_tornado (scenario, LF_SERIES_CHINESE_SHARE_EV_PCT, 2030, tornado);
      data.tornado = tornado;
      data.tornado_series = LF_SERIES_CHINESE_SHARE_EV_PCT;
      data.tornado_year = 2030;
      data.validation = validation;
      attribution = lf_attribute (current, scenario, LF_SERIES_CHINESE_SHARE_EV_PCT, 2030, NULL);
      data.attribution = attribution;
      n_presets++;

      for (int dark = 0; dark <= 1; dark++)
        for (int k = 0; k < LF_N_CHARTS; k++)
          {
            cairo_surface_t *surface;

            data.dark = dark;
            surface = render (k, &data, W, H);
            /* Nothing changes (current policy, or the rule off behind a tariff
             * wall): the attribution is a sentence. */
            if (k == LF_CHART_ATTRIBUTION && lf_attribution_is_empty (attribution))
              g_assert_cmpuint (count_non_background (surface, &lf_palette_get (dark)->background), >, 500);
            else
              g_assert_cmpuint (count_non_background (surface, &lf_palette_get (dark)->background), >, W * H / 50);

            if (k == LF_CHART_SHARE)
              {
                /* The scenario's dot at each year is drawn in the scenario's colour;
                 * the band is left out so it does not tint the pixels. */
                LfChartData no_band = data;

                cairo_surface_destroy (surface);
                no_band.bands = NULL;
                no_band.hover_year = -1;
                surface = render (k, &no_band, W, H);
                for (int year = LF_FIRST_YEAR; year <= LF_LAST_YEAR; year++)
                  {
                    double x = lf_chart_x_for_year (k, W, H, year);
                    double y = lf_chart_y_for_value (k, &no_band, W, H, LF_SERIES_CHINESE_SHARE_EV_PCT,
                                                     lf_projection_get (projection, LF_SERIES_CHINESE_SHARE_EV_PCT, year));

                    g_assert_cmpfloat (nearest_distance (surface, x, y, 1, &lf_palette_get (dark)->scenario), <, 0.15);
                  }
              }
            cairo_surface_destroy (surface);
          }

      for (int y = 0; y < H; y += 4)
        for (int x = 0; x < W; x += 4)
          {
            int i = lf_chart_map_hit_test (&data, W, H, x, y);

            if (i >= 0)
              found[i] = TRUE;
          }
      for (int i = 0; i < scenario->n_plants; i++)
        if (scenario->plants[i].maker >= 0 && scenario->plants[i].site >= 0)
          g_assert_true (found[i]);

      for (int k = 0; k < LF_N_CHARTS; k++)
        {
          g_autofree char *description = lf_chart_describe (k, &data);
          g_autofree char *png_name = g_strdup_printf ("%s-%s.png", name, lf_chart_kind_to_string (k));
          g_autofree char *png = g_build_filename (out_dir, png_name, NULL);

          g_assert_cmpuint (strlen (description), >, 20);
          g_test_message ("%s %s: %s", name, lf_chart_kind_to_string (k), description);
          data.dark = FALSE;
          data.hover_year = 2030;
          g_assert_true (lf_chart_export_png (png, k, &data, 1600, 900, 1.0, &error));
          g_assert_no_error (error);
          /* Kept for a person to look at when LANDFALL_KEEP_CHARTS is set. */
          if (g_getenv ("LANDFALL_KEEP_CHARTS") == NULL)
            g_assert_cmpint (g_unlink (png), ==, 0);
        }
    }

  g_assert_cmpuint (n_presets, >, 0);
  if (g_getenv ("LANDFALL_KEEP_CHARTS") == NULL)
    g_assert_cmpint (g_rmdir (out_dir), ==, 0);
  else
    g_test_message ("charts kept in %s", out_dir);
  g_free (current_projection);
}

/* ---- comparisons ----------------------------------------------------------- */

typedef struct {
  LfProjection projections[3];
  LfBands      bands[3];
  LfChartRun   runs[3];
} Runs;

/* Three runs: the fixture's, its share 5 points higher, and 2 points lower
 * (every year, so differences are plain); the second is edited. */
static void
runs_init (Runs *r, Fixture *f)
{
  static const char *const names[] = { "First", "Second", "Third" };
  static const double offsets[] = { 0.0, 5.0, -2.0 };

  for (int k = 0; k < 3; k++)
    {
      r->projections[k] = f->projection;
      r->bands[k] = f->bands;
      for (int i = 0; i < LF_N_YEARS; i++)
        {
          r->projections[k].series[LF_SERIES_CHINESE_SHARE_EV_PCT][i] += offsets[k];
          r->projections[k].series[LF_SERIES_CHINESE_MEXICO_BUILT][i] += 1000.0 * k;
        }
      r->runs[k] = (LfChartRun) { names[k], &f->scenario, &r->projections[k], &r->bands[k] };
    }
  f->data.runs = r->runs;
  f->data.n_runs = 3;
  f->data.edited_run = 1;
  f->data.projection = &r->projections[1];
  f->data.bands = &r->bands[1];
}

/* Each run's own line, the legend naming every run first, the band only
 * the edited run's; as differences, the reference is flat at zero. */
static void
test_compare_layout (Fixture       *f,
                     gconstpointer  user_data)
{
  const LfChartSpec *spec = lf_chart_kind_get_spec (LF_CHART_SHARE);
  Runs r;
  LfLayout l;
  int line = -1, band = -1, current = -1;

  for (guint i = 0; i < spec->n_layers; i++)
    {
      if (lf_layer_is_per_run (&spec->layers[i]))
        line = (int) i;
      else if (spec->layers[i].kind == LF_LAYER_BAND)
        band = (int) i;
      else if (spec->layers[i].source == LF_FROM_CURRENT_POLICY)
        current = (int) i;
    }
  g_assert_cmpint (line, >=, 0);
  g_assert_cmpint (band, >=, 0);
  g_assert_cmpint (current, >=, 0);

  runs_init (&r, f);
  g_assert_true (lf_chart_comparing (&f->data));
  lf_layout_chart (spec, &f->data, W, H, &l);
  g_assert_cmpint (l.n_runs, ==, 3);
  g_assert_cmpuint (l.n_legend, >=, 3);
  for (int k = 0; k < 3; k++)
    {
      g_assert_cmpstr (l.legend[k].label, ==, r.runs[k].name);
      g_assert_cmpint (l.legend[k].swatch, ==, LF_SWATCH_RUN (k));
      g_assert_true (l.runs[line][k].present);
      for (int i = 0; i < LF_N_YEARS; i++)
        g_assert_cmpfloat (l.runs[line][k].values[i], ==,
                           r.projections[k].series[LF_SERIES_CHINESE_SHARE_EV_PCT][i]);
      /* The band: the edited run's alone. */
      g_assert_true (l.runs[band][k].present == (k == 1));
    }
  /* Nothing drawn twice: the per-run layers are not drawn as one. */
  g_assert_false (l.layers[line].present);
  g_assert_false (l.layers[band].present);
  g_assert_true (l.layers[current].present);
  /* Current policy pinned as a run is drawn as that run, not twice. */
  {
    LfProjection saved = r.projections[2];

    r.projections[2] = f->current;
    lf_layout_chart (spec, &f->data, W, H, &l);
    g_assert_false (l.layers[current].present);
    r.projections[2] = saved;
  }

  /* Every band, when asked. */
  f->data.all_bands = TRUE;
  lf_layout_chart (spec, &f->data, W, H, &l);
  for (int k = 0; k < 3; k++)
    g_assert_true (l.runs[band][k].present);

  /* Differences from the first: it is zero, the others their offsets; no
   * band, no current policy; the axis goes below zero. */
  f->data.difference_from = 0;
  lf_layout_chart (spec, &f->data, W, H, &l);
  for (int i = 0; i < LF_N_YEARS; i++)
    {
      g_assert_cmpfloat (l.runs[line][0].values[i], ==, 0.0);
      g_assert_cmpfloat_with_epsilon (l.runs[line][1].values[i], 5.0, 1e-9);
      g_assert_cmpfloat_with_epsilon (l.runs[line][2].values[i], -2.0, 1e-9);
    }
  for (int k = 0; k < 3; k++)
    g_assert_false (l.runs[band][k].present);
  g_assert_false (l.layers[current].present);
  g_assert_cmpfloat (l.panels[0].min, <=, -2.0);

  /* The stack chart: the edited run's stack, the others' totals as lines. */
  f->data.difference_from = -1;
  lf_layout_chart (lf_chart_kind_get_spec (LF_CHART_ORIGIN), &f->data, W, H, &l);
  g_assert_true (l.stack_totals[0].present);
  g_assert_false (l.stack_totals[1].present);
  g_assert_true (l.stack_totals[2].present);
  g_assert_cmpfloat_with_epsilon (l.stack_totals[2].values[LF_N_YEARS - 1],
                                  (r.projections[2].series[LF_SERIES_CHINESE_EV_SALES][LF_N_YEARS - 1] + 2000.0) / 1000.0,
                                  1e-9);
}

/* One run and no difference is no comparison: the same pixels as without. */
static void
test_compare_one_run (Fixture       *f,
                      gconstpointer  user_data)
{
  LfChartRun run = { "Only", &f->scenario, &f->projection, &f->bands };

  for (LfChartKind kind = LF_CHART_SHARE; kind <= LF_CHART_FORD; kind++)
    {
      cairo_surface_t *plain = render (kind, &f->data, W, H);
      cairo_surface_t *one;

      f->data.runs = &run;
      f->data.n_runs = 1;
      one = render (kind, &f->data, W, H);
      f->data.runs = NULL;
      f->data.n_runs = 0;
      g_assert_cmpmem (cairo_image_surface_get_data (plain), cairo_image_surface_get_stride (plain) * H,
                       cairo_image_surface_get_data (one), cairo_image_surface_get_stride (one) * H);
      cairo_surface_destroy (plain);
      cairo_surface_destroy (one);
    }
}

/* Each run's line is drawn in its colour where its value says; the
 * read-out and the description name every run. */
static void
test_compare_draw (Fixture       *f,
                   gconstpointer  user_data)
{
  const LfPalette *pal = lf_palette_get (FALSE);
  Runs r;
  g_autofree char *text = NULL;

  runs_init (&r, f);
  for (int difference = -1; difference <= 0; difference++)
    {
      f->data.difference_from = difference;
      for (LfChartKind kind = LF_CHART_SHARE; kind <= LF_CHART_FORD; kind++)
        {
          cairo_surface_t *surface;

          f->data.hover_year = 2030;
          surface = render (kind, &f->data, W, H);
          cairo_surface_destroy (surface);
          f->data.hover_year = -1;
        }
    }
  f->data.difference_from = -1;
  {
    cairo_surface_t *surface = render (LF_CHART_SHARE, &f->data, W, H);
    int year = 2033, y = lf_year_index (year);

    for (int k = 0; k < 3; k++)
      {
        double x = lf_chart_x_for_year (LF_CHART_SHARE, W, H, year);
        double py = lf_chart_y_for_value (LF_CHART_SHARE, &f->data, W, H, LF_SERIES_CHINESE_SHARE_EV_PCT,
                                          r.projections[k].series[LF_SERIES_CHINESE_SHARE_EV_PCT][y]);
        g_assert_cmpfloat (nearest_distance (surface, x, py, 6, &pal->runs[k]), <, 0.2);
      }
    cairo_surface_destroy (surface);
  }
  text = lf_chart_describe (LF_CHART_SHARE, &f->data);
  g_assert_nonnull (strstr (text, "comparing 3 scenarios"));
  for (int k = 0; k < 3; k++)
    g_assert_nonnull (strstr (text, r.runs[k].name));
}

/* Pixels near @color in the whole picture. */
static guint
count_color (cairo_surface_t *surface,
             const LfColor   *color)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  guint n = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        double rgb[3];

        pixel_at (surface, x, y, rgb);
        if (fabs (rgb[0] - color->red) + fabs (rgb[1] - color->green) + fabs (rgb[2] - color->blue) < 0.08)
          n++;
      }
  return n;
}

/* The map draws a plant another compared scenario has, and the edited one
 * has not, as a ring in that scenario's colour; none when they agree. */
static void
test_compare_map (Fixture       *f,
                  gconstpointer  user_data)
{
  const LfPalette *pal = lf_palette_get (FALSE);
  LfScenario other = f->scenario;
  LfChartRun runs[2] = {
    { "Edited", &f->scenario, &f->projection, &f->bands },
    { "Other", &other, &f->projection, &f->bands },
  };
  cairo_surface_t *same, *more;

  f->data.runs = runs;
  f->data.n_runs = 2;
  f->data.edited_run = 0;
  same = render (LF_CHART_MAP, &f->data, W, H);
  other.plants[other.n_plants++] = (LfPlant) { "extra-us", 0, 1, 400000, 0 };
  more = render (LF_CHART_MAP, &f->data, W, H);
  g_assert_cmpuint (count_color (same, &pal->runs[1]), <, 5);
  g_assert_cmpuint (count_color (more, &pal->runs[1]), >, 20);
  cairo_surface_destroy (same);
  cairo_surface_destroy (more);
}

/* The waterfall: current policy's bar, a rise and a fall in their colours,
 * the scenario's bar about three times current policy's (6.15 against 2.0);
 * the words name each lever with its part. */
static void
test_attribution (Fixture       *f,
                  gconstpointer  user_data)
{
  for (int dark = 0; dark <= 1; dark++)
    {
      const LfPalette *pal = lf_palette_get (dark);
      cairo_surface_t *surface;
      guint scenario, current;

      f->data.dark = dark;
      surface = render (LF_CHART_ATTRIBUTION, &f->data, W, H);
      g_assert_cmpuint (count_color (surface, &pal->marker), >, 1000);
      g_assert_cmpuint (count_color (surface, &pal->origin[LF_ORIGIN_CANADA]), >, 500);
      scenario = count_color (surface, &pal->scenario);
      current = count_color (surface, &pal->baseline);
      g_assert_cmpfloat ((double) scenario / current, >, 2.0);
      g_assert_cmpfloat ((double) scenario / current, <, 4.0);
      cairo_surface_destroy (surface);
    }
  {
    g_autofree char *text = lf_chart_describe (LF_CHART_ATTRIBUTION, &f->data);

    g_test_message ("%s", text);
    g_assert_nonnull (strstr (text, "from 2.0 % under current policy to 6.2 % in this scenario"));
    g_assert_nonnull (strstr (text, "Connected-vehicle rule +5.0 pts; BYD plant (byd-mx) −1.5 pts; "
                                    "Tariff on China-built EVs +0.7 pts."));
  }
  /* Nothing differs: a sentence, no bars. */
  f->attribution.n_parts = 0;
  f->attribution.to = f->attribution.from;
  {
    g_autofree char *text = lf_chart_describe (LF_CHART_ATTRIBUTION, &f->data);
    cairo_surface_t *surface = render (LF_CHART_ATTRIBUTION, &f->data, W, H);

    g_assert_nonnull (strstr (text, "no lever differs"));
    g_assert_cmpuint (count_color (surface, &lf_palette_get (f->data.dark)->scenario), <, 400);
    g_assert_cmpuint (count_non_background (surface, &lf_palette_get (f->data.dark)->background), >, 500);
    cairo_surface_destroy (surface);
  }
  /* More levers than rows: the rest share one, and the steps still reach the scenario. */
  {
    LfAttributionPart many[20];
    cairo_surface_t *surface;

    for (int i = 0; i < 20; i++)
      many[i] = (LfAttributionPart) { (char *) "k", (char *) "Lever", (char *) "a", (char *) "b", 0.2 };
    f->attribution = (LfAttribution) { LF_SERIES_CHINESE_SHARE_EV_PCT, 2030, 2.0, 6.0, 20, many, FALSE, 1 };
    surface = render (LF_CHART_ATTRIBUTION, &f->data, W, H);
    g_assert_cmpuint (count_color (surface, &lf_palette_get (f->data.dark)->marker), >, 1000);
    cairo_surface_destroy (surface);
  }
  f->data.attribution = NULL;
  {
    g_autofree char *text = lf_chart_describe (LF_CHART_ATTRIBUTION, &f->data);
    g_assert_nonnull (strstr (text, "not computed"));
  }
}

/* Ford's impact and the other results people asked for ------------------------ */

static guint count_color (cairo_surface_t *surface, const LfColor *color);

static void
fill_more_series (Fixture *f)
{
  for (int i = 0; i < LF_N_YEARS; i++)
    {
      double t = i / (double) (LF_N_YEARS - 1);
      LfProjection *p = &f->projection;
      double (*v)[LF_N_YEARS] = p->series;

      v[LF_SERIES_FORD_EV_SALES_CHANGE][i] = v[LF_SERIES_FORD_EV_SALES][i] - v[LF_SERIES_FORD_EV_SALES_NO_ENTRY][i];
      v[LF_SERIES_FORD_EV_EBIT_CHANGE_MUSD][i] = v[LF_SERIES_FORD_EV_EBIT_MUSD][i] - v[LF_SERIES_FORD_EV_EBIT_NO_ENTRY_MUSD][i];
      v[LF_SERIES_FORD_NET_EFFECT_MUSD][i] = v[LF_SERIES_FORD_EV_EBIT_CHANGE_MUSD][i] + v[LF_SERIES_FORD_PARTNER_INCOME_MUSD][i];
      v[LF_SERIES_AVG_EV_PRICE_USD][i] = 56000 - 9000 * t;
      v[LF_SERIES_TARIFF_REVENUE_MUSD][i] = 900 * t;
      v[LF_SERIES_ENTRANT_NA_JOBS][i] = 30000 * t * t;
      v[LF_SERIES_EV_SALES][i] = 1.3e6 + 4e6 * t;
      f->current.series[LF_SERIES_AVG_EV_PRICE_USD][i] = 58000;
      f->current.series[LF_SERIES_TARIFF_REVENUE_MUSD][i] = 50;
      f->current.series[LF_SERIES_ENTRANT_NA_JOBS][i] = 0;
      f->current.series[LF_SERIES_EV_SALES][i] = 1.3e6 + 2e6 * t;
      p->maker_sales[0][i] = 120000 * t;
      p->maker_sales[1][i] = v[LF_SERIES_CHINESE_EV_SALES][i] - 120000 * t;
    }
  f->projection.n_makers = 2;
}

/* Each new kind draws its scenario line where the projection says, in each
 * style, and says the same numbers in words. */
static void
test_more_kinds (Fixture       *f,
                 gconstpointer  user_data)
{
  static const struct { LfChartKind kind; LfSeries series; } kinds[] = {
    { LF_CHART_FORD_IMPACT, LF_SERIES_FORD_EV_SALES_CHANGE },
    { LF_CHART_FORD_IMPACT, LF_SERIES_FORD_NET_EFFECT_MUSD },
    { LF_CHART_PRICE, LF_SERIES_AVG_EV_PRICE_USD },
    { LF_CHART_TARIFF_REVENUE, LF_SERIES_TARIFF_REVENUE_MUSD },
    { LF_CHART_JOBS, LF_SERIES_ENTRANT_NA_JOBS },
    { LF_CHART_MARKET, LF_SERIES_EV_SALES },
  };

  fill_more_series (f);
  f->data.bands = NULL;
  for (int dark = 0; dark <= 1; dark++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        const LfPalette *pal = lf_palette_get (dark);
        cairo_surface_t *surface;

        f->data.dark = dark;
        surface = render (kinds[k].kind, &f->data, W, H);
        g_assert_cmpuint (count_non_background (surface, &pal->background), >, W * H / 50);
        for (int year = 2028; year <= 2034; year += 3)
          {
            double x = lf_chart_x_for_year (kinds[k].kind, W, H, year);
            double v = lf_projection_get (&f->projection, kinds[k].series, year);
            double y = lf_chart_y_for_value (kinds[k].kind, &f->data, W, H, kinds[k].series, v);

            if (nearest_distance (surface, x, y, 1, &pal->scenario) >= 0.15)
              g_error ("%s: %s %d (%g) not drawn at %.0f,%.0f", lf_chart_kind_to_string (kinds[k].kind),
                       lf_series_name (kinds[k].series), year, v, x, y);
          }
        cairo_surface_destroy (surface);
      }

  /* By maker: each maker's layer in its colour, named as in the data. */
  {
    const LfPalette *pal = lf_palette_get (FALSE);
    LfColor byd = lf_palette_maker_color (pal, 0), geely = lf_palette_maker_color (pal, 1);
    g_autofree char *text = NULL;
    cairo_surface_t *surface;

    /* A stack's area is its colour at 0.55 over the background. */
#define OVER_WHITE(c) (c).red = 1 - 0.55 * (1 - (c).red), (c).green = 1 - 0.55 * (1 - (c).green), \
                      (c).blue = 1 - 0.55 * (1 - (c).blue)
    OVER_WHITE (byd);
    OVER_WHITE (geely);
#undef OVER_WHITE

    f->data.dark = FALSE;
    surface = render (LF_CHART_MAKERS, &f->data, W, H);
    g_assert_cmpuint (count_color (surface, &byd), >, 500);
    g_assert_cmpuint (count_color (surface, &geely), >, 500);
    cairo_surface_destroy (surface);
    text = lf_chart_describe (LF_CHART_MAKERS, &f->data);
    g_test_message ("%s", text);
    g_assert_nonnull (strstr (text, "270000 vehicles; BYD: 120000, Geely: 150000."));
  }
  {
    g_autofree char *impact = lf_chart_describe (LF_CHART_FORD_IMPACT, &f->data);
    g_autofree char *price = lf_chart_describe (LF_CHART_PRICE, &f->data);
    g_autofree char *jobs = lf_chart_describe (LF_CHART_JOBS, &f->data);
    g_autofree char *market = lf_chart_describe (LF_CHART_MARKET, &f->data);

    g_test_message ("%s\n%s\n%s\n%s", impact, price, jobs, market);
    /* 2035: EBIT −2,000 M against no entry, 400 M of fees: −1,600 M net. */
    g_assert_nonnull (strstr (impact, "in 2035: −$1.6\u00a0B, the EV EBIT change −$2.0\u00a0B plus partnership income $400\u00a0M"));
    g_assert_nonnull (strstr (impact, "−60000 vehicles"));
    g_assert_nonnull (strstr (price, "Average US EV price in 2035: $47000; current policy: $58000"));
    g_assert_nonnull (strstr (jobs, "30000"));
    g_assert_nonnull (strstr (market, "5300000"));
  }
}

/* Every time chart draws the line between the actual years and the
 * projection, in the axis colour, in every panel. */
static void
test_projection_marked (Fixture       *f,
                        gconstpointer  user_data)
{
  fill_more_series (f);
  f->data.bands = NULL;   /* a band over the line would tint it */
  for (int dark = 0; dark <= 1; dark++)
    for (int k = 0; k < LF_N_CHARTS; k++)
      {
        const LfPalette *pal = lf_palette_get (dark);
        /* The axis colour is translucent: as it shows over the background. */
        LfColor rule = {
          pal->background.red + (pal->axis.red - pal->background.red) * pal->axis.alpha,
          pal->background.green + (pal->axis.green - pal->background.green) * pal->axis.alpha,
          pal->background.blue + (pal->axis.blue - pal->background.blue) * pal->axis.alpha, 1.0 };
        double x;
        cairo_surface_t *surface;

        if (!lf_chart_kind_has_time_axis (k))
          continue;
        f->data.dark = dark;
        surface = render (k, &f->data, W, H);
        x = lf_chart_x_for_year (k, W, H, LF_FIRST_PROJECTED_YEAR) -
            (lf_chart_x_for_year (k, W, H, LF_FIRST_PROJECTED_YEAR) - lf_chart_x_for_year (k, W, H, 2026)) / 2.0;
        {
          int rows = 0;

          /* Down the chart, wherever nothing is drawn over it. */
          for (int y = 0; y < H; y++)
            if (nearest_distance (surface, x, y, 1, &rule) < 0.1)
              rows++;
          if (rows < H / 5)
            g_error ("%s: no line at the start of the projection (%d rows)", lf_chart_kind_to_string (k), rows);
        }
        cairo_surface_destroy (surface);
      }
}

/* The presentation size draws the same picture with larger words: the
 * title takes more rows and more ink. */
static void
measure_title (const char *path,
               const LfColor *ink,
               int           *rows,
               guint         *pixels)
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);
  int w = cairo_image_surface_get_width (png);
  int first = -1, last = -1;

  *pixels = 0;
  /* The title is the first line of text from the top. */
  for (int y = 0; y < 160; y++)
    {
      gboolean any = FALSE;

      for (int x = 0; x < w / 2; x++)
        {
          double rgb[3];

          pixel_at (png, x, y, rgb);
          if (fabs (rgb[0] - ink->red) + fabs (rgb[1] - ink->green) + fabs (rgb[2] - ink->blue) < 0.3)
            {
              any = TRUE;
              (*pixels)++;
            }
        }
      if (any && first < 0)
        first = y;
      if (any)
        last = y;
      if (!any && first >= 0)
        break;
    }
  *rows = first >= 0 ? last - first + 1 : 0;
  cairo_surface_destroy (png);
}

static void
test_export_presentation (Fixture       *f,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-charts-XXXXXX", &error);
  g_autofree char *normal = g_build_filename (dir, "normal.png", NULL);
  g_autofree char *slides = g_build_filename (dir, "slides.png", NULL);
  const LfPalette *pal = lf_palette_get (FALSE);
  /* The title's colour over the background (it is translucent). */
  const LfColor blended = {
    pal->background.red + (pal->foreground.red - pal->background.red) * pal->foreground.alpha,
    pal->background.green + (pal->foreground.green - pal->background.green) * pal->foreground.alpha,
    pal->background.blue + (pal->foreground.blue - pal->background.blue) * pal->foreground.alpha, 1.0 };
  const LfColor *ink = &blended;
  int rows_n, rows_s;
  guint px_n, px_s;
  cairo_surface_t *png;

  g_assert_cmpint (lf_text_size_from_string ("presentation"), ==, LF_TEXT_SIZE_PRESENTATION);
  g_assert_cmpint (lf_text_size_from_string ("normal"), ==, LF_TEXT_SIZE_NORMAL);
  g_assert_cmpint (lf_text_size_from_string ("huge"), ==, LF_N_TEXT_SIZES);
  g_assert_true (lf_chart_export_png_sized (normal, LF_CHART_FORD_IMPACT, &f->data, 1600, 900, 1.0,
                                            LF_TEXT_SIZE_NORMAL, &error));
  g_assert_no_error (error);
  g_assert_true (lf_chart_export_png_sized (slides, LF_CHART_FORD_IMPACT, &f->data, 1600, 900, 1.0,
                                            LF_TEXT_SIZE_PRESENTATION, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (slides);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1600);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 900);
  cairo_surface_destroy (png);

  measure_title (normal, ink, &rows_n, &px_n);
  measure_title (slides, ink, &rows_s, &px_s);
  g_test_message ("title: %d rows, %u pixels; presentation: %d rows, %u pixels", rows_n, px_n, rows_s, px_s);
  g_assert_cmpint (rows_n, >, 10);
  g_assert_cmpfloat (rows_s, >=, 1.4 * rows_n);
  g_assert_cmpfloat (px_s, >=, 1.8 * px_n);

  g_assert_cmpint (g_unlink (normal), ==, 0);
  g_assert_cmpint (g_unlink (slides), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A short panel gets fewer, wider ticks: its labels never sit on one
 * another (Ford's impact has two panels of about 40 px in a small window). */
static void
test_axis_short_panel (void)
{
  static const double heights[] = { 24, 40, 60, 120, 300 };
  static const double ranges[][2] = { { -220, 30 }, { -3.2, 0.4 }, { 0, 1 }, { -1900, 1100 }, { 0, 21.9 } };

  for (guint h = 0; h < G_N_ELEMENTS (heights); h++)
    for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
      {
        LfPanel panel = { .rect = { 0, 0, 400, heights[h] } };
        double intervals;

        lf_axis_set_range (&panel, ranges[r][0], ranges[r][1]);
        intervals = round ((panel.max - panel.min) / panel.step);
        g_assert_cmpfloat (panel.min, <=, ranges[r][0]);
        g_assert_cmpfloat (panel.max, >=, ranges[r][1]);
        g_assert_true (intervals <= 2.0 || heights[h] / intervals >= 18.0);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/landfall/charts/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/landfall/charts/kind-from-string", test_kind_from_string);
  g_test_add_func ("/landfall/charts/year-at", test_year_at);
  g_test_add_func ("/landfall/charts/axis-short-panel", test_axis_short_panel);
  g_test_add_func ("/landfall/charts/specs", test_specs);
  ADD ("draw-all", test_draw_all);
  ADD ("text-cache", test_text_cache);
  ADD ("parts", test_parts);
  ADD ("share-lines", test_share_lines);
  ADD ("ford-lines", test_ford_lines);
  ADD ("hover", test_hover);
  ADD ("map-hit-test", test_map_hit_test);
  ADD ("describe", test_describe);
  ADD ("export-png", test_export_png);
  ADD ("export-unwritable", test_export_unwritable);
  ADD ("speed", test_speed);
  ADD ("compare/layout", test_compare_layout);
  ADD ("compare/one-run", test_compare_one_run);
  ADD ("compare/draw", test_compare_draw);
  ADD ("compare/map", test_compare_map);
  ADD ("attribution", test_attribution);
  ADD ("more-kinds", test_more_kinds);
  ADD ("projection-marked", test_projection_marked);
  ADD ("export-presentation", test_export_presentation);
  g_test_add_func ("/landfall/charts/model/presets", test_model_presets);

#undef ADD

  return g_test_run ();
}
