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
#define BOX_GAP            6.0    /* between a box and anything else */
#define LABEL_GAP          3.0    /* between a label and its markers */
#define KEY_COLUMN         56.0   /* the capacity key: room for "500,000" */
#define KEY_MIN_WIDTH      164.0  /* and for its heading */

typedef struct {
  int      plant;          /* index into scenario->plants */
  double   x, y, r;
  gboolean outside;        /* drawn in the "outside North America" box */
  gboolean builds;         /* sells cars in the year shown */
} MapItem;

typedef struct {
  LfRect  rect;
  int     site;
  char   *text;            /* owned */
} MapLabel;

typedef struct {
  LfRect  map;
  LfRect  land;            /* the continent is fitted into this */
  double  scale, ox, oy;   /* pixel = (ox + x·scale, oy − y·scale) */
  double  r_scale;
  int     year;
  guint   n_items;
  MapItem items[LF_MAX_PLANTS];   /* in drawing order: largest first */
  LfRect  outside_box;
  gboolean has_key;
  LfRect  key;
  double  key_r_big;
  guint   n_legend;
  LfLegendItem legend[LF_MAX_LEGEND];
  char   *legend_owned;    /* the "builds nothing" entry's text */
  guint   n_outside_sites;
  int     outside_sites[LF_MAX_SITES];
  double  outside_row_y[LF_MAX_SITES];
  guint   n_labels;
  MapLabel labels[LF_MAP_MAX_LABELS];
} MapLayout;

static void
map_layout_clear (MapLayout *ml)
{
  g_clear_pointer (&ml->legend_owned, g_free);
  for (guint i = 0; i < ml->n_labels; i++)
    g_clear_pointer (&ml->labels[i].text, g_free);
  ml->n_labels = 0;
}

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

/**
 * lf_chart_map_year:
 * @data: what the map shows
 *
 * Returns: the year the map shows which plants build: the hover year when
 *   one is set, else %LF_CHART_MAP_DEFAULT_YEAR
 */
int
lf_chart_map_year (const LfChartData *data)
{
  if (data->hover_year >= LF_FIRST_YEAR && data->hover_year <= LF_LAST_YEAR)
    return data->hover_year;
  return LF_CHART_MAP_DEFAULT_YEAR;
}

/**
 * lf_chart_map_plant_builds:
 * @data: what the map shows
 * @plant: index into @data's scenario->plants
 *
 * Returns: whether the plant sells any cars (one or more) in
 *   lf_chart_map_year() by @data's projection; %TRUE when there is no
 *   projection to say otherwise
 */
gboolean
lf_chart_map_plant_builds (const LfChartData *data,
                           int                plant)
{
  const LfProjection *p = data->projection;

  if (p == NULL || plant < 0 || plant >= LF_MAX_PLANTS || plant >= p->n_plants)
    return TRUE;
  return p->plant_sales[plant][lf_year_index (lf_chart_map_year (data))] >= 1.0;
}

static gboolean
rects_overlap (const LfRect *a, const LfRect *b, double gap)
{
  return a->x < b->x + b->width + gap && b->x < a->x + a->width + gap &&
         a->y < b->y + b->height + gap && b->y < a->y + a->height + gap;
}

static gboolean
rect_inside (const LfRect *inner, const LfRect *outer)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

static LfRect
item_box (const MapItem *item)
{
  /* The marker's stroke (1.5 px) and a selection ring stay inside. */
  double r = item->r + 1.0;

  return (LfRect) { item->x - r, item->y - r, 2.0 * r, 2.0 * r };
}

/* Whether @box would cover a marker on the land (not in the outside box). */
static gboolean
covers_marker (const MapLayout *ml, const LfRect *box, double gap)
{
  for (guint j = 0; j < ml->n_items; j++)
    if (!ml->items[j].outside)
      {
        LfRect b = item_box (&ml->items[j]);

        if (rects_overlap (box, &b, gap))
          return TRUE;
      }
  return FALSE;
}

/* How much of @box (pixels) covers land, 0 to 1. */
static double
box_land (const LfGeo *geo, const MapLayout *ml, const LfRect *box)
{
  return lf_geo_land_fraction (geo, (box->x - ml->ox) / ml->scale,
                               (ml->oy - box->y - box->height) / ml->scale,
                               (box->x + box->width - ml->ox) / ml->scale,
                               (ml->oy - box->y) / ml->scale);
}

/* The part of the projection to show: the contiguous US, southern Canada and
 * Mexico (the geo view), grown to hold every North American site of the
 * baseline, so a plant is never off the map whatever the site list. */
static void
map_extent (const LfGeo      *geo,
            const LfBaseline *b,
            double           *x0,
            double           *y0,
            double           *x1,
            double           *y1)
{
  *x0 = geo->view_x0;
  *y0 = geo->view_y0;
  *x1 = geo->view_x1;
  *y1 = geo->view_y1;
  for (int s = 0; b != NULL && s < b->n_sites; s++)
    {
      const LfSite *site = &b->sites[s];
      double x, y;

      if (site->lon < -170.0 || site->lon > -50.0 || site->lat < 5.0)
        continue;
      lf_geo_project (site->lon, site->lat, &x, &y);
      /* About 1.5° of room around a site. */
      *x0 = MIN (*x0, x - 0.025);
      *x1 = MAX (*x1, x + 0.025);
      *y0 = MIN (*y0, y - 0.025);
      *y1 = MAX (*y1, y + 0.025);
    }
}

/* Fits the extent inside @area less @margin on each side, keeping the
 * aspect ratio, centred. */
static void
fit (MapLayout *ml, const LfRect *area, double margin,
     double x0, double y0, double x1, double y1)
{
  double w = MAX (1.0, area->width - 2.0 * margin);
  double h = MAX (1.0, area->height - 2.0 * margin);

  ml->land = *area;
  ml->scale = MIN (w / (x1 - x0), h / (y1 - y0));
  ml->ox = area->x + (area->width - (x1 - x0) * ml->scale) / 2.0 - x0 * ml->scale;
  ml->oy = area->y + (area->height - (y1 - y0) * ml->scale) / 2.0 + y1 * ml->scale;
}

/* Every plant on the land at its site; plants at one site around it. */
static void
place_land_items (const LfScenario *scenario,
                  MapLayout        *ml,
                  const guint      *n_site_plants,
                  const double     *site_rmax)
{
  guint site_seen[LF_MAX_SITES] = { 0 };

  for (guint j = 0; j < ml->n_items; j++)
    {
      MapItem *item = &ml->items[j];
      int s = scenario->plants[item->plant].site;
      const LfSite *site = &scenario->baseline->sites[s];
      guint n = n_site_plants[s];
      guint k = site_seen[s]++;
      double x, y;

      if (item->outside)
        continue;
      lf_geo_project (site->lon, site->lat, &x, &y);
      item->x = ml->ox + x * ml->scale;
      item->y = ml->oy - y * ml->scale;
      if (n > 1)
        {
          double angle = -G_PI / 2.0 + 2.0 * G_PI * k / n;
          double spread = site_rmax[s] * 0.9;

          item->x += spread * cos (angle);
          item->y += spread * sin (angle);
        }
    }
}

/* The site's name up to its first comma or bracket, full-width ones too:
 * "Flat Rock", "密歇根州弗拉特罗克". */
static char *
site_short_name (const LfSite *site)
{
  static const char *const stops[] = { ",", "(", "\uFF0C", "\uFF08", "\u3001" };
  const char *name = _(site->name);
  gsize n = strlen (name);

  for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
    {
      const char *at = strstr (name, stops[i]);

      if (at != NULL)
        n = MIN (n, (gsize) (at - name));
    }

  while (n > 0 && name[n - 1] == ' ')
    n--;
  return g_strndup (name, n);
}

/* One label per site on the land, placed greedily: the site with most
 * capacity first, at the first of eight places around its markers that
 * covers no marker, label or box and stays inside the map. A label that
 * fits nowhere is dropped rather than drawn over something. */
static void
place_labels (const LfScenario *scenario,
              LfDraw           *d,
              MapLayout        *ml)
{
  int order[LF_MAX_SITES];
  double capacity[LF_MAX_SITES] = { 0 };
  guint n_sites = 0;
  const LfRect bounds = { ml->map.x + 2.0, ml->map.y + 2.0, ml->map.width - 4.0, ml->map.height - 4.0 };

  for (guint j = 0; j < ml->n_items; j++)
    if (!ml->items[j].outside)
      {
        int s = scenario->plants[ml->items[j].plant].site;

        if (capacity[s] == 0.0)
          order[n_sites++] = s;
        capacity[s] += MAX (1.0, scenario->plants[ml->items[j].plant].capacity);
      }
  for (guint a = 1; a < n_sites; a++)
    for (guint b = a; b > 0 && capacity[order[b]] > capacity[order[b - 1]]; b--)
      {
        int t = order[b];
        order[b] = order[b - 1];
        order[b - 1] = t;
      }

  lf_draw_set_font (d, LF_FONT_SIZE_SMALL, PANGO_WEIGHT_NORMAL);
  for (guint k = 0; k < n_sites && ml->n_labels < LF_MAP_MAX_LABELS; k++)
    {
      int s = order[k];
      LfRect cluster = { G_MAXDOUBLE, G_MAXDOUBLE, 0, 0 };
      double cx1 = -G_MAXDOUBLE, cy1 = -G_MAXDOUBLE, tw, th;
      g_autofree char *text = site_short_name (&scenario->baseline->sites[s]);
      gboolean placed = FALSE;

      for (guint j = 0; j < ml->n_items; j++)
        if (!ml->items[j].outside && scenario->plants[ml->items[j].plant].site == s)
          {
            LfRect b = item_box (&ml->items[j]);

            cluster.x = MIN (cluster.x, b.x);
            cluster.y = MIN (cluster.y, b.y);
            cx1 = MAX (cx1, b.x + b.width);
            cy1 = MAX (cy1, b.y + b.height);
          }
      cluster.width = cx1 - cluster.x;
      cluster.height = cy1 - cluster.y;
      lf_draw_text_size (d, text, &tw, &th);
      tw = ceil (tw);
      th = ceil (th);

      {
        double mx = cluster.x + cluster.width / 2.0, my = cluster.y + cluster.height / 2.0;
        double g = LABEL_GAP;
        /* Right, left, above, below, then the diagonals. */
        const double cand[8][2] = {
          { cx1 + g, my - th / 2.0 },
          { cluster.x - g - tw, my - th / 2.0 },
          { mx - tw / 2.0, cluster.y - g - th },
          { mx - tw / 2.0, cy1 + g },
          { cx1 + g, cluster.y - th },
          { cx1 + g, cy1 },
          { cluster.x - g - tw, cluster.y - th },
          { cluster.x - g - tw, cy1 },
        };

        for (guint c = 0; c < G_N_ELEMENTS (cand) && !placed; c++)
          {
            LfRect r = { round (cand[c][0]), round (cand[c][1]), tw, th };
            gboolean free = rect_inside (&r, &bounds) && !covers_marker (ml, &r, 1.0);

            for (guint l = 0; free && l < ml->n_labels; l++)
              free = !rects_overlap (&r, &ml->labels[l].rect, 2.0);
            if (free && ml->has_key)
              free = !rects_overlap (&r, &ml->key, 2.0);
            if (free && ml->n_outside_sites > 0)
              free = !rects_overlap (&r, &ml->outside_box, 2.0);
            if (free)
              {
                ml->labels[ml->n_labels++] = (MapLabel) { r, s, g_steal_pointer (&text) };
                placed = TRUE;
              }
          }
      }
    }
  lf_draw_set_font (d, LF_FONT_SIZE, PANGO_WEIGHT_NORMAL);
}

static void
key_size (const MapLayout *ml, double *w, double *h, double *r_big)
{
  *r_big = plant_radius (ml, 500000.0);
  *w = MAX (3 * MAX (2 * *r_big + 8.0, KEY_COLUMN) + 16.0, KEY_MIN_WIDTH);
  *h = 2 * *r_big + 50.0;
}

/* @d: for measuring labels, or %NULL to leave them out (hit testing) */
static gboolean
map_layout (const LfChartData *data,
            const LfGeo       *geo,
            LfDraw            *d,
            double             width,
            double             height,
            MapLayout         *ml)
{
  const LfScenario *scenario = data->scenario;
  guint n_site_plants[LF_MAX_SITES] = { 0 };
  double site_rmax[LF_MAX_SITES] = { 0 };
  gboolean site_outside[LF_MAX_SITES] = { 0 };
  double site_cursor[LF_MAX_SITES];
  double site_needed[LF_MAX_SITES];
  double x0, y0, x1, y1, r_max = 0.0, margin;
  gboolean any_idle = FALSE;
  int idle_entry;

  const LfPalette *pal = lf_palette_get (data->dark);
  double legend_h, xs[LF_MAX_LEGEND], ys[LF_MAX_LEGEND];

  memset (ml, 0, sizeof *ml);
  ml->year = lf_chart_map_year (data);

  if (scenario != NULL && scenario->baseline != NULL)
    for (int i = 0; i < scenario->n_plants && i < LF_MAX_PLANTS; i++)
      if (plant_is_valid (scenario, i) && !lf_chart_map_plant_builds (data, i))
        any_idle = TRUE;

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
  /* A plant that sells nothing that year is a ring: say so. The entry's
   * room is kept whenever there are plants (below), so the map does not
   * move, and its cached outlines are not drawn again, each time a plant
   * starts or stops selling during a drag. */
  idle_entry = ml->n_legend > 0 && ml->n_legend < LF_MAX_LEGEND ? (int) ml->n_legend : -1;
  if (idle_entry >= 0)
    {
      /* TRANSLATORS: the map's legend for a hollow marker; %d is a year */
      ml->legend_owned = g_strdup_printf (_("Builds nothing in %d"), ml->year);
      ml->legend[ml->n_legend++] = (LfLegendItem) { ml->legend_owned, pal->dim_foreground,
                                                    LF_SWATCH_RING };
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
  if (idle_entry >= 0 && !any_idle)
    {
      memmove (&ml->legend[idle_entry], &ml->legend[idle_entry + 1],
               sizeof ml->legend[0] * (ml->n_legend - idle_entry - 1));
      ml->n_legend--;
    }

  ml->map = (LfRect) { 0.0, legend_h + MAP_MARGIN, floor (width),
                       MAX (1.0, floor (height - legend_h - MAP_MARGIN)) };
  if (ml->map.width < 2.0 || ml->map.height < 2.0)
    return FALSE;

  ml->r_scale = CLAMP (MIN (ml->map.width, ml->map.height) / 700.0, 0.6, 1.5);
  map_extent (geo, scenario != NULL ? scenario->baseline : NULL, &x0, &y0, &x1, &y1);

  /* The plants, and which sites lie beyond the map (China, …). */
  if (scenario != NULL && scenario->baseline != NULL)
    for (int i = 0; i < scenario->n_plants && i < LF_MAX_PLANTS; i++)
      {
        const LfSite *site;
        MapItem *item;
        int s;

        if (!plant_is_valid (scenario, i))
          continue;
        s = scenario->plants[i].site;
        site = &scenario->baseline->sites[s];
        item = &ml->items[ml->n_items++];
        item->plant = i;
        item->r = plant_radius (ml, scenario->plants[i].capacity);
        item->builds = lf_chart_map_plant_builds (data, i);
        item->outside = site->lon < -170.0 || site->lon > -50.0 || site->lat < 5.0;

        n_site_plants[s]++;
        site_rmax[s] = MAX (site_rmax[s], item->r);
        if (item->outside && !site_outside[s])
          {
            site_outside[s] = TRUE;
            ml->outside_sites[ml->n_outside_sites++] = s;
          }
      }
  /* Room for the largest marker (spread around its site) at the edge. */
  for (int s = 0; s < LF_MAX_SITES; s++)
    if (!site_outside[s])
      r_max = MAX (r_max, site_rmax[s] * (n_site_plants[s] > 1 ? 1.9 : 1.0));
  margin = MIN (r_max + 4.0, MIN (ml->map.width, ml->map.height) / 4.0);

  fit (ml, &ml->map, margin, x0, y0, x1, y1);
  if (scenario == NULL || scenario->baseline == NULL)
    return TRUE;
  place_land_items (scenario, ml, n_site_plants, site_rmax);

  /* The boxes over the map: the one of plants outside North America (sites
   * beyond the map, China, …, a row each in the order they first appear)
   * and the capacity key. Each goes where it covers no plant on the land;
   * of those places, the pair over least land (the outside box's corners
   * from the top left, the Pacific and Alaska, where no site is; the key's
   * from the bottom left, off Baja California). Where no corner is free
   * for the outside box, or each covers much land and there is room beside
   * the continent, the land is fitted beside the box instead. The key is
   * left out rather than put over a plant (a phone). */
  {
    const LfRect *m = &ml->map;
    double bw = 0.0, bh = 0.0, kw, kh;
    LfRect ob[4];
    double ol[4];
    guint n_ob = 0;
    gboolean strip = FALSE;

    if (ml->n_outside_sites > 0)
      {
        double rows_h = 0.0, best_land = G_MAXDOUBLE;

        for (guint k = 0; k < ml->n_outside_sites; k++)
          rows_h += OUTSIDE_SITE_NAME + 2.0 * site_rmax[ml->outside_sites[k]] + 8.0;
        bw = MIN (OUTSIDE_BOX_WIDTH, MAX (120.0, 0.36 * m->width));
        bw = floor (MIN (bw, m->width - 16.0));
        bh = ceil (OUTSIDE_TITLE + rows_h + 4.0);
        {
          const double corners[4][2] = {
            { m->x + 8.0, m->y + 8.0 },
            { m->x + 8.0, m->y + m->height - bh - 8.0 },
            { m->x + m->width - bw - 8.0, m->y + 8.0 },
            { m->x + m->width - bw - 8.0, m->y + m->height - bh - 8.0 },
          };

          for (guint c = 0; c < G_N_ELEMENTS (corners); c++)
            {
              LfRect box = { round (corners[c][0]), round (corners[c][1]), bw, bh };

              if (box.y < m->y || covers_marker (ml, &box, BOX_GAP))
                continue;
              ob[n_ob] = box;
              ol[n_ob] = box_land (geo, ml, &box);
              best_land = MIN (best_land, ol[n_ob]);
              n_ob++;
            }
        }
        if (n_ob == 0 || best_land > 0.15)
          {
            /* A strip of its own: at the left of a wide map, at the top of
             * a tall one; worth it when the continent keeps most of its
             * size. */
            LfRect area = *m;
            double aspect = (x1 - x0) / (y1 - y0);
            double scale = ml->scale, ox = ml->ox, oy = ml->oy;
            LfRect land = ml->land;

            if (m->width / m->height > aspect)
              {
                area.x += bw + 16.0;
                area.width = MAX (1.0, area.width - bw - 16.0);
              }
            else
              {
                area.y += bh + 16.0;
                area.height = MAX (1.0, area.height - bh - 16.0);
              }
            fit (ml, &area, margin, x0, y0, x1, y1);
            if (n_ob == 0 || ml->scale >= 0.85 * scale)
              {
                strip = TRUE;
                ml->outside_box = (LfRect) { m->x + 8.0, m->y + 8.0, bw, bh };
                place_land_items (scenario, ml, n_site_plants, site_rmax);
              }
            else
              {
                ml->scale = scale;
                ml->ox = ox;
                ml->oy = oy;
                ml->land = land;
              }
          }
      }

    key_size (ml, &kw, &kh, &ml->key_r_big);
    {
      double left = m->x + 8.0, right = m->x + m->width - kw - 8.0;
      double top = m->y + 8.0, bottom = m->y + m->height - kh - 8.0;
      double mid = m->x + (m->width - kw) / 2.0;
      const double cand[6][2] = { { left, bottom }, { right, bottom }, { right, top },
                                  { left, top }, { mid, bottom }, { mid, top } };
      LfRect kb[6];
      double kl[6];
      guint n_kb = 0;
      double best = G_MAXDOUBLE, best_land = 0.0;

      for (guint c = 0; c < G_N_ELEMENTS (cand); c++)
        {
          LfRect box = { round (cand[c][0]), round (cand[c][1]), kw, kh };

          if (!rect_inside (&box, m) || covers_marker (ml, &box, BOX_GAP))
            continue;
          kb[n_kb] = box;
          kl[n_kb] = box_land (geo, ml, &box);
          n_kb++;
        }

      /* Every pair (no key: index n_kb, costing more than any land), the
       * earlier places first when the land is nearly the same. */
      for (guint o = 0; o < (ml->n_outside_sites > 0 ? (strip ? 1 : n_ob) : 1); o++)
        for (guint k = 0; k <= n_kb; k++)
          {
            const LfRect *obox = ml->n_outside_sites == 0 ? NULL : strip ? &ml->outside_box : &ob[o];
            double cost = (k < n_kb ? kl[k] : 2.0) + 0.01 * (o + k);

            if (obox != NULL && !strip)
              cost += ol[o];
            if (k < n_kb && obox != NULL && rects_overlap (&kb[k], obox, BOX_GAP))
              continue;
            if (cost < best)
              {
                best = cost;
                best_land = (k < n_kb ? kl[k] : 2.0) + (obox != NULL && !strip ? ol[o] : 0.0);
                if (obox != NULL)
                  ml->outside_box = *obox;
                ml->has_key = k < n_kb;
                if (k < n_kb)
                  ml->key = kb[k];
              }
          }

      /* Where the boxes would hide much land wherever they go (a small map,
       * a phone's), or the key has no free place, they go side by side in
       * a strip of their own below the continent, and the land is fitted
       * above it, if it keeps most of the height. */
      if (!strip && best_land > 0.3)
        {
          double sh = MAX (ml->n_outside_sites > 0 ? bh : 0.0, kh) + 16.0;
          LfRect area = { m->x, m->y, m->width, m->height - sh };

          if (area.height >= 0.55 * m->height)
            {
              double sy = round (m->y + m->height - sh + 8.0), x = m->x + 8.0;

              fit (ml, &area, margin, x0, y0, x1, y1);
              place_land_items (scenario, ml, n_site_plants, site_rmax);
              if (ml->n_outside_sites > 0)
                {
                  /* Narrower, down to 100 px, to leave the key room. */
                  double w = CLAMP (m->width - kw - 24.0, MIN (bw, 100.0), bw);

                  ml->outside_box = (LfRect) { round (x), sy, floor (w), bh };
                  x += floor (w) + 8.0;
                }
              ml->has_key = x + kw <= m->x + m->width - 8.0;
              if (ml->has_key)
                ml->key = (LfRect) { round (x), sy, kw, kh };
            }
        }
    }
  }

  if (ml->n_outside_sites > 0)
    {
      double y = ml->outside_box.y + OUTSIDE_TITLE;

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
      double squeeze;

      if (!item->outside)
        continue;
      squeeze = MIN (1.0, (ml->outside_box.width - 16.0) / site_needed[s]);
      for (guint row = 0; row < ml->n_outside_sites; row++)
        if (ml->outside_sites[row] == s)
          item->y = ml->outside_row_y[row];
      item->x = site_cursor[s] + item->r * squeeze;
      site_cursor[s] = item->x + (item->r + 4.0) * squeeze;
    }

  qsort (ml->items, ml->n_items, sizeof (MapItem), compare_items);

  if (d != NULL)
    place_labels (scenario, d, ml);

  return TRUE;
}

static char  *readout_text  (const LfChartData *data,
                             const MapLayout   *ml,
                             const MapItem     *item);
static LfRect readout_place (LfDraw            *d,
                             const MapLayout   *ml,
                             const MapItem     *item,
                             const char        *text);

/**
 * lf_chart_map_layout:
 * @data: what the map shows
 * @width: the map's width, as given to lf_chart_draw()
 * @height: its height
 * @out: (out caller-allocates): where everything is drawn; free its
 *   contents with lf_map_geometry_clear()
 *
 * Returns: %FALSE when the map draws nothing (no outlines, no room)
 */
gboolean
lf_chart_map_layout (const LfChartData *data,
                     double             width,
                     double             height,
                     LfMapGeometry     *out)
{
  const LfGeo *geo = lf_geo_get_default (NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  LfDraw d;
  MapLayout *ml;
  gboolean ok;

  g_return_val_if_fail (data != NULL && out != NULL, FALSE);
  memset (out, 0, sizeof *out);
  if (geo == NULL)
    return FALSE;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  lf_draw_begin (&d, cr, data, width, height);
  ml = g_new0 (MapLayout, 1);
  ok = map_layout (data, geo, &d, width, height, ml);
  if (ok)
    {
      out->map = ml->map;
      out->land = ml->land;
      out->n_markers = ml->n_items;
      for (guint j = 0; j < ml->n_items; j++)
        out->markers[j] = (LfMapMarker) { ml->items[j].plant, item_box (&ml->items[j]),
                                          ml->items[j].builds, ml->items[j].outside };
      out->has_key = ml->has_key;
      out->key = ml->key;
      out->has_outside_box = ml->n_outside_sites > 0;
      out->outside_box = ml->outside_box;
      /* The read-out of the hovered plant, else the selected one. */
      for (int pass = 0; pass < 2 && !out->has_readout; pass++)
        for (guint j = 0; j < ml->n_items; j++)
          if (ml->items[j].plant == (pass == 0 ? data->hover_plant : data->selected_plant))
            {
              g_autofree char *text = readout_text (data, ml, &ml->items[j]);

              out->has_readout = TRUE;
              out->readout = readout_place (&d, ml, &ml->items[j], text);
              out->readout_marker = item_box (&ml->items[j]);
              pango_layout_set_width (d.layout, -1);
              break;
            }
      out->n_labels = ml->n_labels;
      for (guint l = 0; l < ml->n_labels; l++)
        {
          out->labels[l] = ml->labels[l].rect;
          out->label_site[l] = ml->labels[l].site;
          out->label_text[l] = g_steal_pointer (&ml->labels[l].text);
        }
    }
  map_layout_clear (ml);
  g_free (ml);
  lf_draw_end (&d);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return ok;
}

void
lf_map_geometry_clear (LfMapGeometry *geometry)
{
  for (guint l = 0; l < geometry->n_labels; l++)
    g_clear_pointer (&geometry->label_text[l], g_free);
  geometry->n_labels = 0;
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
  double           scale, ox, oy;   /* the fit, relative to the map's corner */
  guint64          used;            /* when last drawn from, for replacing the oldest */
} MapCache;

static GMutex map_cache_lock;
/* Two pictures per style: the map with and without a comparison's legend
 * (a line more or less) both stay, so switching between them, or a window
 * and an export of another size, does not draw the outlines again each time. */
#define MAP_CACHE_SLOTS 2
static MapCache map_cache[2][MAP_CACHE_SLOTS];   /* light, dark */
static guint64 map_cache_clock;

static void
draw_background (LfDraw          *d,
                 const LfGeo     *geo,
                 const MapLayout *ml)
{
  cairo_t *cr = d->cr;
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t m;
  double sx, sy, dx, dy;
  MapCache *slots = map_cache[d->data->dark ? 1 : 0];
  MapCache *cache = NULL;

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
  for (guint i = 0; i < MAP_CACHE_SLOTS && cache == NULL; i++)
    {
      MapCache *c = &slots[i];

      if (c->surface != NULL && c->width == ml->map.width && c->height == ml->map.height &&
          c->scale_x == sx && c->scale_y == sy && c->scale == ml->scale &&
          c->ox == ml->ox - ml->map.x && c->oy == ml->oy - ml->map.y)
        cache = c;
    }
  if (cache == NULL)
    {
      cairo_surface_t *surface;
      cairo_t *cache_cr;
      LfDraw cache_d = *d;

      /* The empty slot, else the one drawn from longest ago. */
      cache = &slots[0];
      for (guint i = 1; i < MAP_CACHE_SLOTS; i++)
        if (slots[i].used < cache->used)
          cache = &slots[i];
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
      cache->scale = ml->scale;
      cache->ox = ml->ox - ml->map.x;
      cache->oy = ml->oy - ml->map.y;
    }
  cache->used = ++map_cache_clock;
  cairo_set_source_surface (cr, cache->surface, ml->map.x, ml->map.y);
  cairo_paint (cr);
  g_mutex_unlock (&map_cache_lock);
}

/* A plant that builds: a filled circle in its maker's colour. One that
 * builds nothing in the year shown: a dashed ring with nothing inside, so
 * the land shows through (and it differs in grey too). */
static void
draw_plant (LfDraw        *d,
            const MapItem *item,
            const LfColor *color)
{
  cairo_t *cr = d->cr;
  static const double dash[] = { 3.0, 2.0 };

  cairo_new_path (cr);
  cairo_arc (cr, item->x, item->y, item->r, 0, 2 * G_PI);
  if (item->builds)
    {
      lf_set_source_color_alpha (cr, color, 0.55);
      cairo_fill_preserve (cr);
      lf_set_source_color (cr, color);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      return;
    }
  lf_set_source_color (cr, color);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
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

/* What a plant does in the year shown: "Builds nothing in 2030", with the
 * note given for it (why) where there is one, else how many it builds. */
static char *
plant_status (const LfChartData *data,
              int                plant,
              int                year,
              gboolean           builds)
{
  g_autofree char *count = NULL;

  if (plant >= 0 && plant < LF_MAX_PLANTS && data->plant_note[plant] != NULL &&
      data->plant_note[plant][0] != '\0')
    /* TRANSLATORS: a plant that builds nothing in a year, and why: "Builds nothing in 2030: the rule bars BYD…" */
    return builds ? g_strdup (data->plant_note[plant])
                  : g_strdup_printf (_("Builds nothing in %d: %s"), year, data->plant_note[plant]);
  if (!builds)
    return g_strdup_printf (_("Builds nothing in %d"), year);
  if (data->projection == NULL || plant >= data->projection->n_plants)
    return NULL;
  count = lf_format_count (data->projection->plant_sales[plant][lf_year_index (year)]);
  /* TRANSLATORS: a plant's output in a year: "120,000 vehicles in 2030" */
  return g_strdup_printf (_("%s vehicles in %d"), count, year);
}

static char *
readout_text (const LfChartData *data,
              const MapLayout   *ml,
              const MapItem     *item)
{
  g_autofree char *label = plant_label (data->scenario, item->plant);
  g_autofree char *status = plant_status (data, item->plant, ml->year, item->builds);

  return status != NULL ? g_strdup_printf ("%s\n%s", label, status) : g_strdup (label);
}

#define READOUT_PAD 6.0

/* Where the read-out box of @item goes: beside the marker (right, then
 * left), else below or above it, the first wholly inside the map that
 * leaves the marker seen; else the last, kept inside the map. Leaves
 * @d's layout set up (small font, wrapped) for drawing @text. */
static LfRect
readout_place (LfDraw          *d,
               const MapLayout *ml,
               const MapItem   *item,
               const char      *text)
{
  const double pad = READOUT_PAD;
  const LfRect *m = &ml->map;
  LfRect marker = item_box (item);
  double tw, th, w, h, max_w;
  LfRect r = { 0 };

  lf_draw_set_font (d, LF_FONT_SIZE_SMALL, PANGO_WEIGHT_NORMAL);
  /* Wrapped to the map's width, never wider than reads comfortably. */
  max_w = MAX (40.0, MIN (m->width - 2 * pad - 4.0, 360.0));
  pango_layout_set_width (d->layout, (int) (max_w * PANGO_SCALE));
  pango_layout_set_wrap (d->layout, PANGO_WRAP_WORD_CHAR);
  lf_draw_text_size (d, text, &tw, &th);
  w = ceil (tw + 2 * pad);
  h = ceil (th + 2 * pad);

  {
    const LfRect *ob = &ml->outside_box;
    /* Beside the marker, below it, above it; for a plant in the outside
     * box, first beside and below and above the box, off its names. */
    const double cand[7][2] = {
      { ob->x + ob->width + 6.0, item->y - h / 2.0 },
      { item->x - w / 2.0, ob->y + ob->height + 6.0 },
      { item->x - w / 2.0, ob->y - 6.0 - h },
      { item->x + item->r + 8.0, item->y - h / 2.0 },
      { item->x - item->r - 8.0 - w, item->y - h / 2.0 },
      { item->x - w / 2.0, item->y + item->r + 8.0 },
      { item->x - w / 2.0, item->y - item->r - 8.0 - h },
    };
    const LfRect inner = { m->x + 1.0, m->y + 1.0, m->width - 2.0, m->height - 2.0 };

    /* First clear of every marker and the key, then only of its own. */
    for (int strict = 1; strict >= 0; strict--)
      for (guint c = item->outside ? 0 : 3; c < G_N_ELEMENTS (cand); c++)
        {
          gboolean ok;

          r = (LfRect) { cand[c][0], cand[c][1], w, h };
          /* Slide along the side it is on, to stay in the map. */
          if (c == 0 || c == 3 || c == 4)
            r.y = CLAMP (r.y, inner.y, MAX (inner.y, inner.y + inner.height - h));
          else
            r.x = CLAMP (r.x, inner.x, MAX (inner.x, inner.x + inner.width - w));
          r.x = round (r.x);
          r.y = round (r.y);
          ok = rect_inside (&r, &inner) && !rects_overlap (&r, &marker, 0.0);
          for (guint j = 0; ok && strict && j < ml->n_items; j++)
            {
              LfRect b = item_box (&ml->items[j]);

              ok = !rects_overlap (&r, &b, 0.0);
            }
          if (ok && strict && item->outside)
            ok = !rects_overlap (&r, ob, 0.0);
          if (ok && strict && ml->has_key)
            ok = !rects_overlap (&r, &ml->key, 0.0);
          if (ok)
            return r;
        }
    /* Nowhere whole: below or above, where there is more room. */
    r.y = item->y > m->y + m->height / 2.0 ? cand[6][1] : cand[5][1];
    r.x = CLAMP (r.x, inner.x, MAX (inner.x, inner.x + inner.width - w));
    r.y = round (CLAMP (r.y, inner.y, MAX (inner.y, inner.y + inner.height - h)));
    r.x = round (r.x);
  }
  return r;
}

/* The read-out of the hovered (else the selected) plant: ringed when
 * selected, with a box saying what and where it is and what it builds that
 * year (or why not), inside the map and off the marker. */
static void
draw_readout (LfDraw          *d,
              const MapLayout *ml,
              const MapItem   *item,
              gboolean         ring)
{
  cairo_t *cr = d->cr;
  const LfPalette *pal = d->palette;
  g_autofree char *text = readout_text (d->data, ml, item);
  LfRect box;

  if (ring)
    {
      cairo_new_path (cr);
      cairo_arc (cr, item->x, item->y, item->r + 3.0, 0, 2 * G_PI);
      lf_set_source_color (cr, &pal->background);
      cairo_set_line_width (cr, 4.0);
      cairo_stroke_preserve (cr);
      lf_set_source_color (cr, &pal->selection);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);
    }
  else
    {
      /* Hovered, not selected: a thin ring says which plant is read out. */
      cairo_new_path (cr);
      cairo_arc (cr, item->x, item->y, item->r + 2.5, 0, 2 * G_PI);
      lf_set_source_color (cr, &pal->foreground);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
    }

  box = readout_place (d, ml, item, text);
  lf_draw_panel_box (d, box.x + 0.5, box.y + 0.5, box.width, box.height);
  lf_draw_text (d, text, box.x + 0.5 + READOUT_PAD, box.y + 0.5 + READOUT_PAD, LF_ALIGN_START,
                LF_ALIGN_START, &pal->foreground, NULL, NULL);
  pango_layout_set_width (d->layout, -1);
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

static void
draw_size_key (LfDraw          *d,
               const MapLayout *ml)
{
  static const double capacities[] = { 100000.0, 300000.0, 500000.0 };
  cairo_t *cr = d->cr;
  const LfPalette *pal = d->palette;
  double r_big = ml->key_r_big;
  double col_w = MAX (2 * r_big + 8.0, KEY_COLUMN);
  double bx = round (ml->key.x) + 0.5, by = round (ml->key.y) + 0.5;
  double base_y = by + 24.0 + 2 * r_big;

  lf_draw_panel_box (d, bx, by, ml->key.width, ml->key.height);

  lf_draw_set_font (d, LF_FONT_SIZE_SMALL, PANGO_WEIGHT_BOLD);
  pango_layout_set_width (d->layout, (int) MAX (1.0, ml->key.width - 16.0) * PANGO_SCALE);
  pango_layout_set_ellipsize (d->layout, PANGO_ELLIPSIZE_END);
  lf_draw_text (d, _("Capacity, vehicles/year"), bx + 8.0, by + 4.0, LF_ALIGN_START,
                LF_ALIGN_START, &pal->dim_foreground, NULL, NULL);
  pango_layout_set_width (d->layout, -1);
  pango_layout_set_ellipsize (d->layout, PANGO_ELLIPSIZE_NONE);
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

static void
draw_labels (LfDraw          *d,
             const MapLayout *ml)
{
  static const double halo[8][2] = { { -1, -1 }, { 0, -1 }, { 1, -1 }, { -1, 0 },
                                      { 1, 0 }, { -1, 1 }, { 0, 1 }, { 1, 1 } };

  lf_draw_set_font (d, LF_FONT_SIZE_SMALL, PANGO_WEIGHT_NORMAL);
  for (guint l = 0; l < ml->n_labels; l++)
    {
      /* A halo in the land's colour keeps the name readable over borders. */
      for (guint k = 0; k < G_N_ELEMENTS (halo); k++)
        lf_draw_text (d, ml->labels[l].text, ml->labels[l].rect.x + halo[k][0],
                      ml->labels[l].rect.y + halo[k][1], LF_ALIGN_START, LF_ALIGN_START,
                      &d->palette->land_home, NULL, NULL);
      lf_draw_text (d, ml->labels[l].text, ml->labels[l].rect.x, ml->labels[l].rect.y,
                    LF_ALIGN_START, LF_ALIGN_START, &d->palette->foreground, NULL, NULL);
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
          if (site->lon < -170.0 || site->lon > -50.0 || site->lat < 5.0)
            continue;
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
  g_autofree MapLayout *ml = g_new0 (MapLayout, 1);
  const MapItem *selected = NULL, *hovered = NULL;

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
  if (!map_layout (data, geo, d, d->width, d->height, ml))
    {
      map_layout_clear (ml);
      return;
    }

  cairo_save (cr);
  cairo_rectangle (cr, ml->map.x, ml->map.y, ml->map.width, ml->map.height);
  cairo_clip (cr);
  draw_background (d, geo, ml);

  if (ml->n_outside_sites > 0)
    draw_outside_box (d, ml);
  if (ml->has_key)
    draw_size_key (d, ml);

  for (guint j = 0; j < ml->n_items; j++)
    {
      const LfPlant *plant = &data->scenario->plants[ml->items[j].plant];
      LfColor color = lf_palette_maker_color (pal, plant->maker);

      draw_plant (d, &ml->items[j], &color);
      if (ml->items[j].plant == data->selected_plant)
        selected = &ml->items[j];
      if (ml->items[j].plant == data->hover_plant)
        hovered = &ml->items[j];
    }
  draw_labels (d, ml);
  if (lf_chart_comparing (data))
    draw_run_plants (d, ml);
  if (selected != NULL && selected != hovered)
    draw_readout (d, ml, selected, TRUE);
  if (hovered != NULL)
    draw_readout (d, ml, hovered, hovered == selected);
  cairo_restore (cr);

  lf_draw_legend (d, ml->legend, ml->n_legend, d->width);
  map_layout_clear (ml);
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
  g_autofree MapLayout *ml = NULL;
  int hit = -1;

  g_return_val_if_fail (data != NULL, -1);

  geo = lf_geo_get_default (NULL);
  if (geo == NULL || data->scenario == NULL)
    return -1;
  ml = g_new0 (MapLayout, 1);
  if (!map_layout (data, geo, NULL, width, height, ml))
    {
      map_layout_clear (ml);
      return -1;
    }

  /* Topmost first: the reverse of drawing order; a little slack for small
   * circles under a finger or a coarse pointer. */
  for (int j = (int) ml->n_items - 1; j >= 0 && hit < 0; j--)
    {
      double dx = x - ml->items[j].x, dy = y - ml->items[j].y;
      double r = MAX (ml->items[j].r, 6.0) + 2.0;

      if (dx * dx + dy * dy <= r * r)
        hit = ml->items[j].plant;
    }
  map_layout_clear (ml);

  return hit;
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
      /* Why it builds nothing, where it does. */
      if (!lf_chart_map_plant_builds (data, i) ||
          (i < LF_MAX_PLANTS && data->plant_note[i] != NULL && data->plant_note[i][0] != '\0'))
        {
          g_autofree char *status = plant_status (data, i, lf_chart_map_year (data),
                                                  lf_chart_map_plant_builds (data, i));

          g_string_append_printf (s, " (%s)", status);
        }
      if (i == data->selected_plant)
        g_string_append_printf (s, " (%s)", _("selected"));
    }
  g_string_append (s, ".");

  return g_string_free (s, FALSE);
}
