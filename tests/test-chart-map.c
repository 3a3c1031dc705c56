/* test-chart-map.c: the plant map frames every site at every size, keeps
 * its key, labels and boxes off the markers and inside the map, and draws a
 * plant that builds nothing as a hollow ring with the reason in its read-out.
 * No display needed. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lf-chart.h"
#include "lf-chart-private.h"
#include "lf-palette.h"

/* A phone, the default export, and very wide and very tall. */
static const int sizes[][2] = { { 360, 300 }, { 1600, 900 }, { 2400, 600 }, { 600, 1200 } };

/* The real baseline with one plant at every one of its sites (China's
 * included, which goes in the outside box), every other one selling nothing. */
typedef struct {
  LfBaseline   *baseline;
  LfScenario   *scenario;
  LfProjection  projection;
  LfChartData   data;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  const LfBaseline *b;

  memset (f, 0, sizeof *f);
  f->baseline = lf_baseline_load_default (&error);
  g_assert_no_error (error);
  b = f->baseline;
  f->scenario = lf_scenario_new (b);
  f->scenario->n_plants = 0;
  g_assert_cmpint (b->n_sites, >=, 4);
  for (int s = 0; s < b->n_sites && s < LF_MAX_PLANTS; s++)
    {
      LfPlant *plant = &f->scenario->plants[f->scenario->n_plants++];

      memset (plant, 0, sizeof *plant);
      g_snprintf (plant->id, sizeof plant->id, "p%d", s);
      plant->maker = s % b->n_makers;
      plant->site = s;
      plant->capacity = 100000.0 + 50000.0 * (s % 4);
    }
  f->projection.n_plants = f->scenario->n_plants;
  for (int i = 0; i < f->scenario->n_plants; i++)
    for (int y = 0; y < LF_N_YEARS; y++)
      f->projection.plant_sales[i][y] = i % 2 == 0 ? 80000.0 : 0.0;
  lf_chart_data_init (&f->data, f->scenario, &f->projection, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  lf_scenario_free (f->scenario);
  lf_baseline_unref (f->baseline);
}

static gboolean
overlap (const LfRect *a, const LfRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
inside (const LfRect *a, double x, double y, double w, double h)
{
  return a->x >= x - 1e-6 && a->y >= y - 1e-6 &&
         a->x + a->width <= x + w + 1e-6 && a->y + a->height <= y + h + 1e-6;
}

static void
assert_inside (const LfRect *a, const LfRect *box, const char *what, int w, int h)
{
  if (!inside (a, box->x, box->y, box->width, box->height))
    g_error ("%d×%d: %s (%.1f, %.1f, %.1f × %.1f) is not inside (%.1f, %.1f, %.1f × %.1f)",
             w, h, what, a->x, a->y, a->width, a->height, box->x, box->y, box->width, box->height);
}

static void
assert_apart (const LfRect *a, const LfRect *b, const char *what, int w, int h)
{
  if (overlap (a, b))
    g_error ("%d×%d: %s overlap: (%.1f, %.1f, %.1f × %.1f) and (%.1f, %.1f, %.1f × %.1f)",
             w, h, what, a->x, a->y, a->width, a->height, b->x, b->y, b->width, b->height);
}

/* Every site's marker is on the map, wholly, at every size; those in North
 * America on the land, China's in the outside box. */
static void
check_frame (Fixture *f)
{
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      int w = sizes[k][0], h = sizes[k][1];
      LfMapGeometry g;
      gboolean seen[LF_MAX_PLANTS] = { 0 };
      double land_x0 = G_MAXDOUBLE, land_x1 = -G_MAXDOUBLE;

      g_assert_true (lf_chart_map_layout (&f->data, w, h, &g));
      assert_inside (&g.map, &(LfRect) { 0, 0, w, h }, "the map", w, h);
      g_assert_cmpuint (g.n_markers, ==, (guint) f->scenario->n_plants);
      for (guint j = 0; j < g.n_markers; j++)
        {
          const LfMapMarker *m = &g.markers[j];
          const LfSite *site = &f->baseline->sites[f->scenario->plants[m->plant].site];
          gboolean in_america = site->lon > -170.0 && site->lon < -50.0 && site->lat > 5.0;

          seen[m->plant] = TRUE;
          g_assert_true (m->outside == !in_america);
          assert_inside (&m->box, &g.map, site->id, w, h);
          if (m->outside)
            assert_inside (&m->box, &g.outside_box, site->id, w, h);
          else
            {
              land_x0 = MIN (land_x0, m->box.x);
              land_x1 = MAX (land_x1, m->box.x + m->box.width);
            }
          g_assert_true (m->builds == (m->plant % 2 == 0));
        }
      for (int i = 0; i < f->scenario->n_plants; i++)
        g_assert_true (seen[i]);
      /* Fitted, not shrunk to a dot: the sites from Texas to Québec span a
       * good part of the land's width or height. */
      g_assert_cmpfloat (land_x1 - land_x0, >, 0.2 * MIN (g.land.width, g.land.height));
      lf_map_geometry_clear (&g);
    }
}

static void
test_frame (Fixture       *f,
            gconstpointer  user_data)
{
  check_frame (f);

  /* Sites far from the usual view (Anchorage, Yellowknife, Mérida) are
   * framed too: the map grows to hold every North American site. */
  f->baseline->sites[0].lat = 61.2;
  f->baseline->sites[0].lon = -149.9;
  f->baseline->sites[1].lat = 62.45;
  f->baseline->sites[1].lon = -114.37;
  f->baseline->sites[2].lat = 20.97;
  f->baseline->sites[2].lon = -89.62;
  check_frame (f);
}

/* The size key, the outside box and the site labels cover no marker and
 * each other not, and stay inside the map; labels are dropped, never
 * overlapped, and the large export has room for all of them. */
static void
test_apart (Fixture       *f,
            gconstpointer  user_data)
{
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      int w = sizes[k][0], h = sizes[k][1];
      LfMapGeometry g;
      guint n_land_sites = 0;

      g_assert_true (lf_chart_map_layout (&f->data, w, h, &g));
      g_assert_true (g.has_outside_box);
      assert_inside (&g.outside_box, &g.map, "the outside box", w, h);
      if (g.has_key)
        {
          assert_inside (&g.key, &g.map, "the size key", w, h);
          assert_apart (&g.key, &g.outside_box, "the size key and the outside box", w, h);
        }
      for (guint j = 0; j < g.n_markers; j++)
        {
          if (g.markers[j].outside)
            continue;
          n_land_sites++;
          if (g.has_key)
            assert_apart (&g.key, &g.markers[j].box, "the size key and a marker", w, h);
          assert_apart (&g.outside_box, &g.markers[j].box, "the outside box and a marker", w, h);
          for (guint l = 0; l < g.n_labels; l++)
            assert_apart (&g.labels[l], &g.markers[j].box, g.label_text[l], w, h);
        }
      for (guint l = 0; l < g.n_labels; l++)
        {
          g_assert_cmpuint (strlen (g.label_text[l]), >, 0);
          /* The site's short name: "Flat Rock", not "Flat Rock, Michigan (Ford plant)". */
          g_assert_null (strpbrk (g.label_text[l], ",("));
          g_assert_false (g_str_has_suffix (g.label_text[l], " "));
          assert_inside (&g.labels[l], &g.map, g.label_text[l], w, h);
          assert_apart (&g.labels[l], &g.outside_box, g.label_text[l], w, h);
          if (g.has_key)
            assert_apart (&g.labels[l], &g.key, g.label_text[l], w, h);
          for (guint m = l + 1; m < g.n_labels; m++)
            assert_apart (&g.labels[l], &g.labels[m], "two labels", w, h);
        }
      g_test_message ("%d×%d: %u of %u labels, key %s", w, h, g.n_labels, n_land_sites,
                      g.has_key ? "shown" : "left out");
      if (w == 1600)
        {
          g_assert_true (g.has_key);
          g_assert_cmpuint (g.n_labels, ==, n_land_sites);
        }
      lf_map_geometry_clear (&g);
    }
}

static void
centre_pixel (cairo_surface_t *surface, const LfRect *box, double rgb[3])
{
  const guint8 *px = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int x = (int) floor (box->x + box->width / 2.0), y = (int) floor (box->y + box->height / 2.0);
  guint32 v = *(const guint32 *) (const void *) (px + y * stride + 4 * x);

  rgb[0] = ((v >> 16) & 0xff) / 255.0;
  rgb[1] = ((v >> 8) & 0xff) / 255.0;
  rgb[2] = (v & 0xff) / 255.0;
}

static cairo_surface_t *
render (const LfChartData *data, int w, int h)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);

  lf_set_source_color (cr, &lf_palette_get (data->dark)->background);
  cairo_paint (cr);
  lf_chart_draw (cr, LF_CHART_MAP, data, w, h);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static double
distance (const double a[3], const double b[3])
{
  return fabs (a[0] - b[0]) + fabs (a[1] - b[1]) + fabs (a[2] - b[2]);
}

/* A plant that builds nothing is a ring: its centre is the land, as where
 * there is no plant at all; one that builds is filled in its maker's colour. */
static void
test_hollow (Fixture       *f,
             gconstpointer  user_data)
{
  LfScenario *s = f->scenario;
  const int w = 800, h = 500;
  int last;
  double built[3], idle[3], none[3];

  /* Two plants of one maker and one size (so the legend and the fit are
   * the same with either or both): the first never builds, the second is
   * the one looked at. */
  s->n_plants = 2;
  s->plants[0].site = 0;
  s->plants[1].site = 1;
  s->plants[0].maker = s->plants[1].maker = 0;
  s->plants[0].capacity = s->plants[1].capacity = 300000.0;
  f->projection.n_plants = 2;
  last = 1;
  for (int dark = 0; dark <= 1; dark++)
    {
      LfMapGeometry g;
      LfRect box = { 0 };
      cairo_surface_t *a, *b, *c;

      f->data.dark = dark;
      for (int y = 0; y < LF_N_YEARS; y++)
        {
          f->projection.plant_sales[0][y] = 0.0;
          f->projection.plant_sales[1][y] = 120000.0;
        }
      g_assert_true (lf_chart_map_layout (&f->data, w, h, &g));
      for (guint j = 0; j < g.n_markers; j++)
        if (g.markers[j].plant == last)
          box = g.markers[j].box;
      lf_map_geometry_clear (&g);
      g_assert_cmpfloat (box.width, >, 6.0);

      a = render (&f->data, w, h);
      f->projection.plant_sales[1][lf_year_index (LF_CHART_MAP_DEFAULT_YEAR)] = 0.0;
      b = render (&f->data, w, h);
      s->n_plants = 1;
      c = render (&f->data, w, h);
      s->n_plants = 2;

      centre_pixel (a, &box, built);
      centre_pixel (b, &box, idle);
      centre_pixel (c, &box, none);
      g_assert_cmpfloat (distance (idle, none), <, 0.02);
      g_assert_cmpfloat (distance (built, none), >, 0.15);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
      cairo_surface_destroy (c);
    }

  /* The year shown is the hover year when one is set: in 2026 the plant
   * builds again. */
  f->data.hover_year = 2026;
  g_assert_true (lf_chart_map_plant_builds (&f->data, 1));
  f->data.hover_year = -1;
  g_assert_false (lf_chart_map_plant_builds (&f->data, 1));
  /* Near nothing is nothing; no projection says nothing against building. */
  f->projection.plant_sales[1][lf_year_index (LF_CHART_MAP_DEFAULT_YEAR)] = 0.4;
  g_assert_false (lf_chart_map_plant_builds (&f->data, 1));
  f->data.projection = NULL;
  g_assert_true (lf_chart_map_plant_builds (&f->data, 1));
}

/* The legend says what a ring means, and only when there is one; the
 * description and the read-out say why a plant builds nothing: the note
 * given, else "Builds nothing in YEAR". */
static void
test_note (Fixture       *f,
           gconstpointer  user_data)
{
  g_autofree char *desc = NULL, *desc_note = NULL, *desc_all = NULL;
  cairo_surface_t *plain, *hover, *hover_note;
  const int w = 800, h = 500;
  int idle = 1;
  guint n_plain, n_hover;

  desc = lf_chart_describe (LF_CHART_MAP, &f->data);
  g_assert_nonnull (strstr (desc, "Builds nothing in 2030"));

  f->data.plant_note[idle] = "Ford site without the partnership";
  desc_note = lf_chart_describe (LF_CHART_MAP, &f->data);
  g_assert_nonnull (strstr (desc_note, "Builds nothing in 2030: Ford site without the partnership"));

  /* Every plant builds: no ring, no word of one. */
  f->data.plant_note[idle] = NULL;
  for (int i = 0; i < f->scenario->n_plants; i++)
    f->projection.plant_sales[i][lf_year_index (2030)] = 1000.0;
  desc_all = lf_chart_describe (LF_CHART_MAP, &f->data);
  g_assert_null (strstr (desc_all, "Builds nothing"));
  for (int i = 0; i < f->scenario->n_plants; i++)
    f->projection.plant_sales[i][lf_year_index (2030)] = i % 2 == 0 ? 80000.0 : 0.0;

  /* Hovering a plant draws its read-out; a note makes it larger (a line
   * longer than "Builds nothing in 2030"). */
  plain = render (&f->data, w, h);
  f->data.hover_plant = idle;
  hover = render (&f->data, w, h);
  f->data.plant_note[idle] = "Not built: its maker is barred by the connected-vehicle rule, "
                             "which bars Chinese-brand cars from 2027";
  hover_note = render (&f->data, w, h);
  {
    const guint8 *pa = cairo_image_surface_get_data (plain);
    const guint8 *pb = cairo_image_surface_get_data (hover);
    const guint8 *pc = cairo_image_surface_get_data (hover_note);
    gsize n = (gsize) cairo_image_surface_get_stride (plain) * h;

    n_plain = 0;
    n_hover = 0;
    for (gsize i = 0; i < n; i += 4)
      {
        n_plain += memcmp (pa + i, pb + i, 4) != 0;
        n_hover += memcmp (pb + i, pc + i, 4) != 0;
      }
  }
  g_assert_cmpuint (n_plain, >, 500);
  g_assert_cmpuint (n_hover, >, 200);
  cairo_surface_destroy (plain);
  cairo_surface_destroy (hover);
  cairo_surface_destroy (hover_note);
}

/* The read-out of any hovered plant, with a long note, lies inside the map
 * and leaves the plant it reads out seen, at every size. */
static void
test_readout_place (Fixture       *f,
                    gconstpointer  user_data)
{
  for (int i = 0; i < f->scenario->n_plants; i++)
    f->data.plant_note[i] = "Builds nothing: a Ford site, used only with the partnership "
                            "between Ford and a Chinese maker, which is off";
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    for (int i = 0; i < f->scenario->n_plants; i++)
      {
        int w = sizes[k][0], h = sizes[k][1];
        LfMapGeometry g;

        f->data.hover_plant = i;
        g_assert_true (lf_chart_map_layout (&f->data, w, h, &g));
        g_assert_true (g.has_readout);
        assert_inside (&g.readout, &g.map, "the read-out", w, h);
        assert_apart (&g.readout, &g.readout_marker, "the read-out and its plant", w, h);
        lf_map_geometry_clear (&g);
      }
  f->data.hover_plant = -1;
  f->data.selected_plant = 0;
  {
    LfMapGeometry g;

    g_assert_true (lf_chart_map_layout (&f->data, 800, 500, &g));
    g_assert_true (g.has_readout);
    lf_map_geometry_clear (&g);
    f->data.selected_plant = -1;
    g_assert_true (lf_chart_map_layout (&f->data, 800, 500, &g));
    g_assert_false (g.has_readout);
    lf_map_geometry_clear (&g);
  }
}

/* The map does not move when a plant starts or stops selling (the
 * legend keeps the room of its "Builds nothing" entry): a drag across the
 * point where it does keeps the cached outlines. */
static void
test_stable (Fixture       *f,
             gconstpointer  user_data)
{
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      int w = sizes[k][0], h = sizes[k][1];
      LfMapGeometry idle, all;

      g_assert_true (lf_chart_map_layout (&f->data, w, h, &idle));
      for (int i = 0; i < f->scenario->n_plants; i++)
        f->projection.plant_sales[i][lf_year_index (2030)] = 1000.0;
      g_assert_true (lf_chart_map_layout (&f->data, w, h, &all));
      for (int i = 0; i < f->scenario->n_plants; i++)
        f->projection.plant_sales[i][lf_year_index (2030)] = i % 2 == 0 ? 80000.0 : 0.0;
      g_assert_cmpmem (&idle.map, sizeof idle.map, &all.map, sizeof all.map);
      g_assert_cmpmem (&idle.land, sizeof idle.land, &all.land, sizeof all.land);
      lf_map_geometry_clear (&idle);
      lf_map_geometry_clear (&all);
    }
}

static int
site_index (const LfBaseline *b, const char *id)
{
  for (int s = 0; s < b->n_sites; s++)
    if (g_str_equal (b->sites[s].id, id))
      return s;
  g_error ("no site %s in the baseline", id);
}

/* A phone's map card, with a plant in Michigan and one in China: the key
 * and the outside box would hide much of the land wherever they went, so
 * they sit side by side below it. On a large export there is water enough
 * for them on the map itself. */
static void
test_phone (Fixture       *f,
            gconstpointer  user_data)
{
  LfMapGeometry g;

  f->scenario->n_plants = 2;
  f->scenario->plants[0].site = site_index (f->baseline, "us-mi-flat-rock");
  f->scenario->plants[1].site = site_index (f->baseline, "cn-export");

  g_assert_true (lf_chart_map_layout (&f->data, 325, 300, &g));
  g_assert_true (g.has_key);
  g_assert_true (g.has_outside_box);
  g_assert_cmpfloat (g.land.height, <, g.map.height);
  g_assert_cmpfloat (g.key.y, >=, g.land.y + g.land.height);
  g_assert_cmpfloat (g.outside_box.y, >=, g.land.y + g.land.height);
  assert_apart (&g.key, &g.outside_box, "the key and the outside box", 325, 300);
  lf_map_geometry_clear (&g);

  g_assert_true (lf_chart_map_layout (&f->data, 1600, 900, &g));
  g_assert_true (g.has_key);
  g_assert_cmpfloat (g.land.height, ==, g.map.height);
  lf_map_geometry_clear (&g);
}

/* Tiny and degenerate sizes draw without trouble and never report a marker
 * outside the map. */
static void
test_small (Fixture       *f,
            gconstpointer  user_data)
{
  static const int small[][2] = { { 1, 1 }, { 40, 30 }, { 200, 160 }, { 120, 900 }, { 900, 80 } };

  for (guint k = 0; k < G_N_ELEMENTS (small); k++)
    {
      int w = small[k][0], h = small[k][1];
      LfMapGeometry g;
      cairo_surface_t *surface = render (&f->data, w, h);

      cairo_surface_destroy (surface);
      if (!lf_chart_map_layout (&f->data, w, h, &g))
        continue;
      for (guint l = 0; l < g.n_labels; l++)
        assert_inside (&g.labels[l], &g.map, g.label_text[l], w, h);
      if (g.has_key)
        assert_inside (&g.key, &g.map, "the size key", w, h);
      lf_map_geometry_clear (&g);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add ("/chart-map/" name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("frame", test_frame);
  ADD ("apart", test_apart);
  ADD ("hollow", test_hollow);
  ADD ("note", test_note);
  ADD ("readout", test_readout_place);
  ADD ("stable", test_stable);
  ADD ("phone", test_phone);
  ADD ("small", test_small);
#undef ADD

  return g_test_run ();
}
