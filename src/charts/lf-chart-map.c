/* lf-chart-map.c: the scenario's plants on a map of North America.
 *
 * Drawing and hit testing share map_layout(), which places every plant,
 * so a click always picks the circle drawn under the pointer.
 */
#define G_LOG_DOMAIN "landfall-charts"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lf-chart-private.h"
#include "lf-geo.h"

#define OUTSIDE_BOX_WIDTH  260.0
#define OUTSIDE_TITLE      22.0
#define OUTSIDE_SITE_NAME  16.0   /* a site's name, above its row of circles */
#define MAP_MARGIN         4.0

typedef struct {
  int      plant;          /* index into scenario->plants */
  double   x, y, r;
  gboolean outside;        /* drawn in the "outside North America" box */
} MapItem;

typedef struct {
  LfRect  map;
  double  scale, ox, oy;   /* pixel = (ox + x·scale, oy − y·scale) */
  double  r_scale;
  guint   n_items;
  MapItem items[LF_MAX_PLANTS];   /* in drawing order: largest first */
  LfRect  outside_box;
  guint   n_legend;
  LfLegendItem legend[LF_MAX_LEGEND];
  guint   n_outside_sites;
  int     outside_sites[LF_MAX_SITES];
  double  outside_row_y[LF_MAX_SITES];
} MapLayout;

static gboolean
plant_is_valid (const LfScenario *scenario,
                int               i)
{
  const LfPlant *plant = &scenario->plants[i];

  return scenario->baseline != NULL &&
         plant->site >= 0 && plant->site < scenario->baseline->n_sites &&
         plant->maker >= 0 && plant->maker < scenario->baseline->n_makers;
}

/* Circle area grows with capacity, so a plant twice the size looks it. */
static double
plant_radius (const MapLayout *ml,
              double           capacity)
{
  return MAX (3.0, 7.0 * sqrt (MAX (0.0, capacity) / 100000.0) * ml->r_scale);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const MapItem *ia = a, *ib = b;

  /* Big circles first so small ones stay visible on top; then by index so
   * the order is stable. */
  if (ia->r != ib->r)
    return ia->r > ib->r ? -1 : 1;
  return ia->plant - ib->plant;
}

/* In a comparison, whether plant @i of run @r is one the edited scenario
 * does not have as it is (another place, size or year, or none), so the map
 * draws it as that run's ring. */
static gboolean
run_plant_differs (const LfChartData *data,
                   int                r,
                   int                i)
{
  const LfScenario *s = data->runs[r].scenario;
  const LfScenario *edited = data->scenario;
  int j;

  if (s == NULL || !plant_is_valid (s, i))
    return FALSE;
  j = edited ? lf_scenario_find_plant (edited, s->plants[i].id) : -1;
  return j < 0 || edited->plants[j].site != s->plants[i].site ||
         edited->plants[j].maker != s->plants[i].maker ||
         edited->plants[j].capacity != s->plants[i].capacity ||
         edited->plants[j].start_year != s->plants[i].start_year;
}

static gboolean
run_has_own_plants (const LfChartData *data,
                    int                r)
{
  if (r == data->edited_run || data->runs[r].scenario == NULL)
    return FALSE;
  for (int i = 0; i < data->runs[r].scenario->n_plants; i++)
    if (run_plant_differs (data, r, i))
      return TRUE;
  return FALSE;
}

static gboolean
map_layout (const LfChartData *data,
            const LfGeo       *geo,
            double             width,
            double             height,
            MapLayout         *ml)
{
  const LfScenario *scenario = data->scenario;
  double vw = geo->view_x1 - geo->view_x0;
  double vh = geo->view_y1 - geo->view_y0;
  guint n_site_plants[LF_MAX_SITES] = { 0 };
  guint site_seen[LF_MAX_SITES] = { 0 };
  double site_rmax[LF_MAX_SITES] = { 0 };
  gboolean site_outside[LF_MAX_SITES] = { 0 };
  double site_cursor[LF_MAX_SITES];
  double site_needed[LF_MAX_SITES];

  const LfPalette *pal = lf_palette_get (data->dark);
  double legend_h, xs[LF_MAX_LEGEND], ys[LF_MAX_LEGEND];

  memset (ml, 0, sizeof *ml);

  /* Legend: the makers that have a plant, in baseline order. */
  if (scenario != NULL && scenario->baseline != NULL)
    {
      const LfBaseline *b = scenario->baseline;

      for (int m = 0; m < b->n_makers && m < LF_MAX_MAKERS; m++)
        for (int i = 0; i < scenario->n_plants; i++)
          if (plant_is_valid (scenario, i) && scenario->plants[i].maker == m)
            {
              ml->legend[ml->n_legend++] = (LfLegendItem) { _(b->makers[m].name),
                                                            lf_palette_maker_color (pal, m),
                                                            LF_SWATCH_DOT };
              break;
            }
    }
  /* A comparison: the other scenarios' own plants, as rings in their style. */
  if (lf_chart_comparing (data))
    for (int r = 0; r < data->n_runs && ml->n_legend < LF_MAX_LEGEND; r++)
      if (run_has_own_plants (data, r))
        ml->legend[ml->n_legend++] = (LfLegendItem) { data->runs[r].name, pal->runs[r], LF_SWATCH_RUN (r) };
  if (ml->n_legend == 0)
    ml->legend[ml->n_legend++] = (LfLegendItem) { _("No plants in this scenario"),
                                                  pal->dim_foreground, LF_SWATCH_DOT };
  legend_h = ceil (lf_legend_layout (ml->legend, ml->n_legend, width, xs, ys));

  ml->map = (LfRect) { 0.0, legend_h + MAP_MARGIN, width,
                       MAX (1.0, floor (height - legend_h - MAP_MARGIN)) };
  if (ml->map.width < 2.0 || ml->map.height < 2.0)
    return FALSE;

  /* Fit the view inside the box and centre it; the box shows more land
   * around it rather than stretching the projection. */
  ml->scale = MIN (ml->map.width / vw, ml->map.height / vh);
  ml->ox = ml->map.x + (ml->map.width - vw * ml->scale) / 2.0 - geo->view_x0 * ml->scale;
  ml->oy = ml->map.y + (ml->map.height - vh * ml->scale) / 2.0 + geo->view_y1 * ml->scale;
  ml->r_scale = CLAMP (MIN (ml->map.width, ml->map.height) / 700.0, 0.6, 1.5);

  if (scenario == NULL || scenario->baseline == NULL)
    return TRUE;

  for (int i = 0; i < scenario->n_plants && i < LF_MAX_PLANTS; i++)
    {
      const LfSite *site;
      MapItem *item;
      double x, y;

      if (!plant_is_valid (scenario, i))
        continue;
      site = &scenario->baseline->sites[scenario->plants[i].site];
      item = &ml->items[ml->n_items++];
      item->plant = i;
      item->r = plant_radius (ml, scenario->plants[i].capacity);

      lf_geo_project (site->lon, site->lat, &x, &y);
      item->x = ml->ox + x * ml->scale;
      item->y = ml->oy - y * ml->scale;
      item->outside = site->lon < -170.0 || site->lon > -50.0 || site->lat < 5.0 ||
                      item->x < ml->map.x || item->x > ml->map.x + ml->map.width ||
                      item->y < ml->map.y || item->y > ml->map.y + ml->map.height;

      n_site_plants[scenario->plants[i].site]++;
      site_rmax[scenario->plants[i].site] = MAX (site_rmax[scenario->plants[i].site], item->r);
      if (item->outside && !site_outside[scenario->plants[i].site])
        {
          site_outside[scenario->plants[i].site] = TRUE;
          ml->outside_sites[ml->n_outside_sites++] = scenario->plants[i].site;
        }
    }

  /* Sites outside the map (China, …) get a row each in a box over the
   * Pacific, in the order they first appear. */
  if (ml->n_outside_sites > 0)
    {
      double rows_h = 0.0;
      double y;

      for (guint k = 0; k < ml->n_outside_sites; k++)
        rows_h += OUTSIDE_SITE_NAME + 2.0 * site_rmax[ml->outside_sites[k]] + 8.0;
      /* Top left, over Alaska and the Pacific: no plant site is there, while
       * the bottom left would hide Mexico's. */
      ml->outside_box.width = MIN (OUTSIDE_BOX_WIDTH, MAX (120.0, 0.36 * ml->map.width));
      ml->outside_box.width = MIN (ml->outside_box.width, ml->map.width - 16.0);
      ml->outside_box.height = OUTSIDE_TITLE + rows_h + 4.0;
      ml->outside_box.x = ml->map.x + 8.0;
      ml->outside_box.y = ml->map.y + 8.0;
      y = ml->outside_box.y + OUTSIDE_TITLE;
      for (guint k = 0; k < ml->n_outside_sites; k++)
        {
          ml->outside_row_y[k] = y + OUTSIDE_SITE_NAME + site_rmax[ml->outside_sites[k]] + 2.0;
          y += OUTSIDE_SITE_NAME + 2.0 * site_rmax[ml->outside_sites[k]] + 8.0;
        }
    }

  /* Outside the map there is room: circles side by side, overlapping only
   * when a site has more than its row can hold. */
  for (int s = 0; s < LF_MAX_SITES; s++)
    {
      site_cursor[s] = ml->outside_box.x + 8.0;
      site_needed[s] = 0.0;
    }
  for (guint j = 0; j < ml->n_items; j++)
    if (ml->items[j].outside)
      site_needed[scenario->plants[ml->items[j].plant].site] += 2.0 * ml->items[j].r + 4.0;

  for (guint j = 0; j < ml->n_items; j++)
    {
      MapItem *item = &ml->items[j];
      int s = scenario->plants[item->plant].site;
      guint n = n_site_plants[s];
      guint k = site_seen[s]++;

      if (item->outside)
        {
          double squeeze = MIN (1.0, (ml->outside_box.width - 16.0) / site_needed[s]);

          /* Side by side in the site's row, below the site's name. */
          for (guint row = 0; row < ml->n_outside_sites; row++)
            if (ml->outside_sites[row] == s)
              item->y = ml->outside_row_y[row];
          item->x = site_cursor[s] + item->r * squeeze;
          site_cursor[s] = item->x + (item->r + 4.0) * squeeze;
        }
      else if (n > 1)
        {
          /* Plants at one site sit around it, overlapping but each visible. */
          double angle = -G_PI / 2.0 + 2.0 * G_PI * k / n;
          double spread = site_rmax[s] * 0.9;

          item->x += spread * cos (angle);
          item->y += spread * sin (angle);
        }
    }

  qsort (ml->items, ml->n_items, sizeof (MapItem), compare_items);

  return TRUE;
}

/* One path of every outline of a kind: rings for land (closed), lines for
 * borders and states. */
static void
trace_paths (cairo_t *cr, const LfGeo *geo, const MapLayout *ml, LfGeoKind kind, gboolean close)
{
  cairo_new_path (cr);
  for (guint p = 0; p < geo->n_paths; p++)
    {
      const LfGeoPath *path = &geo->paths[p];
      const float *xy = geo->xy + 2 * path->first;

      if (path->kind != kind)
        continue;
      cairo_move_to (cr, ml->ox + xy[0] * ml->scale, ml->oy - xy[1] * ml->scale);
      for (guint i = 1; i < path->n_points; i++)
        cairo_line_to (cr, ml->ox + xy[2 * i] * ml->scale, ml->oy - xy[2 * i + 1] * ml->scale);
      if (close)
        cairo_close_path (cr);
    }
}

static void
draw_outlines (LfDraw          *d,
               const LfGeo     *geo,
               const MapLayout *ml)
{
  cairo_t *cr = d->cr;
  const LfPalette *pal = d->palette;

  /* Land is filled kind by kind: one fill per kind, not one per ring. */
  for (int pass = 0; pass < 2; pass++)
    {
      LfGeoKind kind = pass == 0 ? LF_GEO_LAND : LF_GEO_LAND_HOME;

      trace_paths (cr, geo, ml, kind, TRUE);
      lf_set_source_color (cr, pass == 0 ? &pal->land : &pal->land_home);
      cairo_fill_preserve (cr);
      lf_set_source_color (cr, &pal->coast);
      cairo_set_line_width (cr, 0.8);
      cairo_stroke (cr);
    }

  for (int pass = 0; pass < 2; pass++)
    {
      LfGeoKind kind = pass == 0 ? LF_GEO_STATE : LF_GEO_BORDER;

      trace_paths (cr, geo, ml, kind, FALSE);
      lf_set_source_color (cr, pass == 0 ? &pal->state : &pal->border);
      cairo_set_line_width (cr, pass == 0 ? 0.6 : 1.1);
      cairo_stroke (cr);
    }
}

/* The outlines are most of the map's cost (thousands of points, filled and
 * stroked), and they only change with the size and the style: keep them as
 * a picture per style, so hovering and selecting redraw only the plants. */
typedef struct {
  cairo_surface_t *surface;
  double           width, height, scale_x, scale_y;
} MapCache;

static GMutex map_cache_lock;
static MapCache map_cache[2];   /* light, dark */

static void
draw_background (LfDraw          *d,
                 const LfGeo     *geo,
                 const MapLayout *ml)
{
  cairo_t *cr = d->cr;
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t m;
  double sx, sy, dx, dy;
  MapCache *cache = &map_cache[d->data->dark ? 1 : 0];

  /* Only where the picture lands on whole device pixels unscaled; anywhere
   * else (a zoomed or rotated context) drawing directly stays sharp. */
  cairo_get_matrix (cr, &m);
  cairo_surface_get_device_scale (target, &sx, &sy);
  dx = (m.x0 + ml->map.x) * sx;
  dy = (m.y0 + ml->map.y) * sy;
  if (m.xx != 1.0 || m.yy != 1.0 || m.xy != 0.0 || m.yx != 0.0 ||
      fabs (dx - round (dx)) > 1e-6 || fabs (dy - round (dy)) > 1e-6)
    {
      lf_set_source_color (cr, &d->palette->water);
      cairo_paint (cr);
      draw_outlines (d, geo, ml);
      return;
    }

  g_mutex_lock (&map_cache_lock);
  if (cache->surface == NULL || cache->width != ml->map.width || cache->height != ml->map.height ||
      cache->scale_x != sx || cache->scale_y != sy)
    {
      cairo_surface_t *surface;
      cairo_t *cache_cr;
      LfDraw cache_d = *d;

      g_clear_pointer (&cache->surface, cairo_surface_destroy);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (ml->map.width * sx),
                                            (int) ceil (ml->map.height * sy));
      cairo_surface_set_device_scale (surface, sx, sy);
      cache_cr = cairo_create (surface);
      cairo_translate (cache_cr, -ml->map.x, -ml->map.y);
      lf_set_source_color (cache_cr, &d->palette->water);
      cairo_paint (cache_cr);
      cache_d.cr = cache_cr;
      draw_outlines (&cache_d, geo, ml);
      cairo_destroy (cache_cr);

      cache->surface = surface;
      cache->width = ml->map.width;
      cache->height = ml->map.height;
      cache->scale_x = sx;
      cache->scale_y = sy;
    }
  cairo_set_source_surface (cr, cache->surface, ml->map.x, ml->map.y);
  cairo_paint (cr);
  g_mutex_unlock (&map_cache_lock);
}

static void
draw_plant (LfDraw        *d,
            const MapItem *item,
            const LfColor *color)
{
  cairo_t *cr = d->cr;

  cairo_new_path (cr);
  cairo_arc (cr, item->x, item->y, item->r, 0, 2 * G_PI);
  lf_set_source_color_alpha (cr, color, 0.55);
  cairo_fill_preserve (cr);
  lf_set_source_color (cr, color);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

static char *
plant_label (const LfScenario *scenario,
             int               i)
{
  const LfPlant *plant = &scenario->plants[i];
  const LfBaseline *b = scenario->baseline;
  g_autofree char *capacity = lf_format_value (plant->capacity, 0);

  /* TRANSLATORS: maker, site, capacity: "BYD, Monterrey, Nuevo León: 150,000 vehicles/year" */
  return g_strdup_printf (_("%s, %s: %s vehicles/year"), _(b->makers[plant->maker].name),
                          _(b->sites[plant->site].name), capacity);
}

static void
draw_selection (LfDraw          *d,
                const MapLayout *ml,
                const MapItem   *item)
{
  cairo_t *cr = d->cr;
  const LfPalette *pal = d->palette;
  g_autofree char *label = plant_label (d->data->scenario, item->plant);
  double tw, th, bx, by;
  const double pad = 6.0;

  cairo_new_path (cr);
  cairo_arc (cr, item->x, item->y, item->r + 3.0, 0, 2 * G_PI);
  lf_set_source_color (cr, &pal->background);
  cairo_set_line_width (cr, 4.0);
  cairo_stroke_preserve (cr);
  lf_set_source_color (cr, &pal->selection);
  cairo_set_line_width (cr, 2.0);
  cairo_stroke (cr);

  lf_draw_set_font (d, LF_FONT_SIZE_SMALL, PANGO_WEIGHT_NORMAL);
  lf_draw_text_size (d, label, &tw, &th);
  bx = item->x + item->r + 8.0;
  if (bx + tw + 2 * pad > ml->map.x + ml->map.width)
    bx = item->x - item->r - 8.0 - tw - 2 * pad;
  by = CLAMP (item->y - th / 2.0 - pad, ml->map.y, ml->map.y + ml->map.height - th - 2 * pad);
  bx = round (MAX (ml->map.x, bx)) + 0.5;
  by = round (by) + 0.5;

  lf_draw_panel_box (d, bx, by, tw + 2 * pad, th + 2 * pad);
  lf_draw_text (d, label, bx + pad, by + pad, LF_ALIGN_START, LF_ALIGN_START,
                &pal->foreground, NULL, NULL);
  lf_draw_set_font (d, LF_FONT_SIZE, PANGO_WEIGHT_NORMAL);
}

static void
draw_outside_box (LfDraw          *d,
                  const MapLayout *ml)
{
  const LfPalette *pal = d->palette;
  const LfRect *box = &ml->outside_box;
  const LfBaseline *b = d->data->scenario->baseline;

  lf_draw_panel_box (d, round (box->x) + 0.5, round (box->y) + 0.5, round (box->width), round (box->height));

  /* Heading and each site's name (above its row of circles), cut with an
   * ellipsis if the box is narrow. */
  lf_draw_set_font (d, LF_FONT_SIZE_SMALL, PANGO_WEIGHT_BOLD);
  pango_layout_set_width (d->layout, (int) MAX (1.0, box->width - 16.0) * PANGO_SCALE);
  pango_layout_set_ellipsize (d->layout, PANGO_ELLIPSIZE_END);
  lf_draw_text (d, _("Outside North America"), box->x + 8.0, box->y + 4.0,
                LF_ALIGN_START, LF_ALIGN_START, &pal->dim_foreground, NULL, NULL);

  lf_draw_set_font (d, LF_FONT_SIZE_SMALL, PANGO_WEIGHT_NORMAL);
  pango_layout_set_width (d->layout, (int) MAX (1.0, box->width - 16.0) * PANGO_SCALE);
  pango_layout_set_ellipsize (d->layout, PANGO_ELLIPSIZE_END);
  for (guint k = 0; k < ml->n_outside_sites; k++)
    {
      double rmax = 0.0;

      for (guint j = 0; j < ml->n_items; j++)
        if (ml->items[j].outside && ml->items[j].y == ml->outside_row_y[k])
          rmax = MAX (rmax, ml->items[j].r);
      lf_draw_text (d, _(b->sites[ml->outside_sites[k]].name), box->x + 8.0,
                    ml->outside_row_y[k] - rmax - 2.0, LF_ALIGN_START, LF_ALIGN_END,
                    &pal->foreground, NULL, NULL);
    }
  pango_layout_set_width (d->layout, -1);
  pango_layout_set_ellipsize (d->layout, PANGO_ELLIPSIZE_NONE);
  lf_draw_set_font (d, LF_FONT_SIZE, PANGO_WEIGHT_NORMAL);
}

/* How many plant circles on the map a box would cover. */
static guint
box_covers (const MapLayout *ml, double x, double y, double w, double h)
{
  guint n = 0;

  for (guint j = 0; j < ml->n_items; j++)
    {
      const MapItem *it = &ml->items[j];
      if (!it->outside && it->x + it->r > x && it->x - it->r < x + w &&
          it->y + it->r > y && it->y - it->r < y + h)
        n++;
    }
  if (ml->n_outside_sites > 0 && ml->outside_box.x < x + w && x < ml->outside_box.x + ml->outside_box.width &&
      ml->outside_box.y < y + h && y < ml->outside_box.y + ml->outside_box.height)
    n += 1000;   /* never over the outside box */
  return n;
}

static void
draw_size_key (LfDraw          *d,
               const MapLayout *ml)
{
  static const double capacities[] = { 100000.0, 300000.0, 500000.0 };
  cairo_t *cr = d->cr;
  const LfPalette *pal = d->palette;
  double r_big = plant_radius (ml, capacities[G_N_ELEMENTS (capacities) - 1]);
  double col_w = MAX (2 * r_big + 8.0, 64.0);
  double box_w = MAX (G_N_ELEMENTS (capacities) * col_w + 16.0, 180.0);
  double box_h = 2 * r_big + 50.0;
  double left = ml->map.x + 8.0, right = ml->map.x + ml->map.width - box_w - 8.0;
  double top = ml->map.y + 8.0, bottom = ml->map.y + ml->map.height - box_h - 8.0;
  /* Bottom left (the Pacific off Baja California) first, then the other
   * corners: the first that hides no plant, else the one hiding fewest. */
  const double corners[4][2] = { { left, bottom }, { right, bottom }, { right, top }, { left, top } };
  guint best = G_MAXUINT;
  double bx = left, by = bottom;
  double base_y;

  for (guint c = 0; c < G_N_ELEMENTS (corners); c++)
    {
      guint n = box_covers (ml, corners[c][0], corners[c][1], box_w, box_h);
      if (n < best)
        {
          best = n;
          bx = corners[c][0];
          by = corners[c][1];
        }
      if (n == 0)
        break;
    }
  bx = round (bx) + 0.5;
  by = round (by) + 0.5;
  base_y = by + 24.0 + 2 * r_big;

  lf_draw_panel_box (d, bx, by, box_w, box_h);

  lf_draw_set_font (d, LF_FONT_SIZE_SMALL, PANGO_WEIGHT_BOLD);
  lf_draw_text (d, _("Capacity, vehicles/year"), bx + 8.0, by + 4.0, LF_ALIGN_START,
                LF_ALIGN_START, &pal->dim_foreground, NULL, NULL);
  lf_draw_set_font (d, LF_FONT_SIZE_SMALL, PANGO_WEIGHT_NORMAL);

  /* Circles side by side on a common base line, each labelled below. */
  for (guint i = 0; i < G_N_ELEMENTS (capacities); i++)
    {
      double r = plant_radius (ml, capacities[i]);
      double cx = bx + 8.0 + col_w * (i + 0.5);
      g_autofree char *label = lf_format_value (capacities[i], 0);

      cairo_new_path (cr);
      cairo_arc (cr, cx, base_y - r, r, 0, 2 * G_PI);
      lf_set_source_color (cr, &pal->dim_foreground);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
      lf_draw_text (d, label, cx, base_y + 4.0, LF_ALIGN_CENTER, LF_ALIGN_START,
                    &pal->foreground, NULL, NULL);
    }
  lf_draw_set_font (d, LF_FONT_SIZE, PANGO_WEIGHT_NORMAL);
}

/* The other scenarios' own plants: a ring at the site in the run's colour
 * and line style, sized by capacity, a little wider for each run so rings
 * at one site stay apart. Plants outside the map are listed for the edited
 * scenario only. */
static void
draw_run_plants (LfDraw          *d,
                 const MapLayout *ml)
{
  const LfChartData *data = d->data;
  cairo_t *cr = d->cr;

  for (int r = 0; r < data->n_runs; r++)
    {
      const LfScenario *s = data->runs[r].scenario;
      int n_dashes;
      const double *dash = lf_run_dash (r, &n_dashes);

      if (r == data->edited_run || s == NULL)
        continue;
      for (int i = 0; i < s->n_plants; i++)
        {
          const LfSite *site;
          double x, y, px, py;

          if (!run_plant_differs (data, r, i))
            continue;
          site = &s->baseline->sites[s->plants[i].site];
          lf_geo_project (site->lon, site->lat, &x, &y);
          px = ml->ox + x * ml->scale;
          py = ml->oy - y * ml->scale;
          if (px < ml->map.x || px > ml->map.x + ml->map.width ||
              py < ml->map.y || py > ml->map.y + ml->map.height)
            continue;
          cairo_new_path (cr);
          cairo_arc (cr, px, py, plant_radius (ml, s->plants[i].capacity) + 2.0 * r, 0, 2 * G_PI);
          lf_set_source_color (cr, &d->palette->runs[r]);
          cairo_set_line_width (cr, 2.5);
          cairo_set_dash (cr, dash, n_dashes, 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
    }
}

void
lf_chart_map_draw (LfDraw *d)
{
  const LfChartData *data = d->data;
  const LfPalette *pal = d->palette;
  cairo_t *cr = d->cr;
  g_autoptr(GError) error = NULL;
  const LfGeo *geo = lf_geo_get_default (&error);
  MapLayout ml;
  const MapItem *selected = NULL;

  if (geo == NULL)
    {
      static gsize warned;

      /* Once, not on every redraw. */
      if (g_once_init_enter (&warned))
        {
          g_warning ("Could not load the map outlines: %s", error->message);
          g_once_init_leave (&warned, 1);
        }
      lf_draw_text (d, _("Map outlines unavailable"), d->width / 2.0, d->height / 2.0,
                    LF_ALIGN_CENTER, LF_ALIGN_CENTER, &pal->dim_foreground, NULL, NULL);
      return;
    }
  if (!map_layout (data, geo, d->width, d->height, &ml))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, ml.map.x, ml.map.y, ml.map.width, ml.map.height);
  cairo_clip (cr);
  draw_background (d, geo, &ml);

  if (ml.n_outside_sites > 0)
    draw_outside_box (d, &ml);
  draw_size_key (d, &ml);

  for (guint j = 0; j < ml.n_items; j++)
    {
      const LfPlant *plant = &data->scenario->plants[ml.items[j].plant];
      LfColor color = lf_palette_maker_color (pal, plant->maker);

      draw_plant (d, &ml.items[j], &color);
      if (ml.items[j].plant == data->selected_plant)
        selected = &ml.items[j];
    }
  if (lf_chart_comparing (data))
    draw_run_plants (d, &ml);
  if (selected != NULL)
    draw_selection (d, &ml, selected);
  cairo_restore (cr);

  lf_draw_legend (d, ml.legend, ml.n_legend, d->width);
}

/**
 * lf_chart_map_hit_test:
 * @data: what the map shows
 * @width: the map's width, as given to lf_chart_draw()
 * @height: its height
 * @x: a point, in the same units
 * @y: a point
 *
 * Returns: the index into @data's scenario->plants of the plant drawn under
 *   (@x, @y) (the topmost when circles overlap), or -1
 */
int
lf_chart_map_hit_test (const LfChartData *data,
                       double             width,
                       double             height,
                       double             x,
                       double             y)
{
  const LfGeo *geo;
  MapLayout ml;

  g_return_val_if_fail (data != NULL, -1);

  geo = lf_geo_get_default (NULL);
  if (geo == NULL || data->scenario == NULL || !map_layout (data, geo, width, height, &ml))
    return -1;

  /* Topmost first: the reverse of drawing order; a little slack for small
   * circles under a finger or a coarse pointer. */
  for (int j = (int) ml.n_items - 1; j >= 0; j--)
    {
      double dx = x - ml.items[j].x, dy = y - ml.items[j].y;
      double r = MAX (ml.items[j].r, 6.0) + 2.0;

      if (dx * dx + dy * dy <= r * r)
        return ml.items[j].plant;
    }

  return -1;
}

char *
lf_chart_map_describe (const LfChartData *data)
{
  const LfScenario *scenario = data->scenario;
  GString *s;
  int n_valid = 0;

  if (scenario == NULL || scenario->baseline == NULL)
    return g_strdup (_("Map of North America with no plants."));

  for (int i = 0; i < scenario->n_plants; i++)
    n_valid += plant_is_valid (scenario, i);
  if (n_valid == 0)
    return g_strdup (_("Map of North America: this scenario has no plants."));

  s = g_string_new (NULL);
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "Map of North America with %d plant: ",
                                          "Map of North America with %d plants: ", n_valid),
                          n_valid);
  for (int i = 0, k = 0; i < scenario->n_plants; i++)
    {
      const LfPlant *plant = &scenario->plants[i];
      g_autofree char *label = NULL;
      int start;

      if (!plant_is_valid (scenario, i))
        continue;
      start = lf_plant_effective_start (scenario, plant);
      label = plant_label (scenario, i);
      if (k++ > 0)
        g_string_append (s, "; ");
      /* TRANSLATORS: a plant and the first year it builds cars */
      g_string_append_printf (s, _("%s from %d"), label, start);
      if (i == data->selected_plant)
        g_string_append_printf (s, " (%s)", _("selected"));
    }
  g_string_append (s, ".");

  return g_string_free (s, FALSE);
}
