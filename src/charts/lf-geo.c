/* lf-geo.c: load and project the map outlines. */
#define G_LOG_DOMAIN "landfall-charts"

#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo.h>

#include "landfall-resources.h"
#include "lf-geo.h"
#include "lf-geo-pack.h"

/* Albers equal-area conic centred on North America: areas stay true, so
 * the circles sized by capacity and the countries compare fairly. */
#define ALBERS_LON0  (-96.0)
#define ALBERS_LAT0  (37.5)
#define ALBERS_LAT1  (20.0)
#define ALBERS_LAT2  (50.0)

/* What the map shows: lon/lat box sampled along its edges. */
#define VIEW_WEST  (-126.0)
#define VIEW_EAST  (-64.0)
#define VIEW_SOUTH (14.5)
#define VIEW_NORTH (53.0)

void
lf_geo_project (double  lon,
                double  lat,
                double *x,
                double *y)
{
  static const double deg = G_PI / 180.0;
  double n = (sin (ALBERS_LAT1 * deg) + sin (ALBERS_LAT2 * deg)) / 2.0;
  double c = cos (ALBERS_LAT1 * deg) * cos (ALBERS_LAT1 * deg) + 2.0 * n * sin (ALBERS_LAT1 * deg);
  double rho0 = sqrt (c - 2.0 * n * sin (ALBERS_LAT0 * deg)) / n;
  double rho = sqrt (MAX (0.0, c - 2.0 * n * sin (lat * deg))) / n;
  double theta = n * (lon - ALBERS_LON0) * deg;

  *x = rho * sin (theta);
  *y = rho0 - rho * cos (theta);
}

void
lf_geo_free (LfGeo *geo)
{
  if (geo == NULL)
    return;
  g_free (geo->xy);
  g_free (geo->paths);
  g_free (geo->land_mask);
  g_free (geo);
}

static void
compute_view (LfGeo *geo)
{
  geo->view_x0 = geo->view_y0 = G_MAXDOUBLE;
  geo->view_x1 = geo->view_y1 = -G_MAXDOUBLE;

  /* The edges of a lon/lat box are curves in a conic projection: sample them. */
  for (int i = 0; i <= 32; i++)
    {
      double t = i / 32.0;
      double pts[4][2] = {
        { VIEW_WEST + t * (VIEW_EAST - VIEW_WEST), VIEW_SOUTH },
        { VIEW_WEST + t * (VIEW_EAST - VIEW_WEST), VIEW_NORTH },
        { VIEW_WEST, VIEW_SOUTH + t * (VIEW_NORTH - VIEW_SOUTH) },
        { VIEW_EAST, VIEW_SOUTH + t * (VIEW_NORTH - VIEW_SOUTH) },
      };

      for (int k = 0; k < 4; k++)
        {
          double x, y;

          lf_geo_project (pts[k][0], pts[k][1], &x, &y);
          geo->view_x0 = MIN (geo->view_x0, x);
          geo->view_x1 = MAX (geo->view_x1, x);
          geo->view_y0 = MIN (geo->view_y0, y);
          geo->view_y1 = MAX (geo->view_y1, y);
        }
    }

  /* Parallels are arcs: the northern edge is highest at the corners, which
   * are open sea and tundra. Trim to its middle so land fills the frame; the
   * southern edge keeps its lowest point, southern Mexico. */
  {
    double x, y;

    lf_geo_project (ALBERS_LON0, VIEW_NORTH, &x, &y);
    geo->view_y1 = y;
  }
}

#define MASK_WIDTH 256

/* Fills every land ring into a small A8 picture, once. */
static void
compute_land_mask (LfGeo *geo)
{
  double w = geo->view_x1 - geo->view_x0, h = geo->view_y1 - geo->view_y0;
  double scale;
  cairo_surface_t *surface;
  cairo_t *cr;
  const guint8 *data;
  int stride;

  geo->mask_x0 = geo->view_x0 - w / 2.0;
  geo->mask_x1 = geo->view_x1 + w / 2.0;
  geo->mask_y0 = geo->view_y0 - h / 2.0;
  geo->mask_y1 = geo->view_y1 + h / 2.0;
  geo->mask_width = MASK_WIDTH;
  scale = MASK_WIDTH / (geo->mask_x1 - geo->mask_x0);
  geo->mask_height = MAX (1, (int) ceil ((geo->mask_y1 - geo->mask_y0) * scale));

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, geo->mask_width, geo->mask_height);
  cr = cairo_create (surface);
  for (guint p = 0; p < geo->n_paths; p++)
    {
      const LfGeoPath *path = &geo->paths[p];
      const float *xy = geo->xy + 2 * path->first;

      if (path->kind != LF_GEO_LAND && path->kind != LF_GEO_LAND_HOME)
        continue;
      for (guint i = 0; i < path->n_points; i++)
        {
          double px = (xy[2 * i] - geo->mask_x0) * scale;
          double py = (geo->mask_y1 - xy[2 * i + 1]) * scale;

          if (i == 0)
            cairo_move_to (cr, px, py);
          else
            cairo_line_to (cr, px, py);
        }
      cairo_close_path (cr);
    }
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  geo->land_mask = g_new (guint8, (gsize) geo->mask_width * geo->mask_height);
  for (int y = 0; y < geo->mask_height; y++)
    memcpy (geo->land_mask + (gsize) y * geo->mask_width, data + (gsize) y * stride, geo->mask_width);
  cairo_surface_destroy (surface);
}

/**
 * lf_geo_land_fraction:
 * @geo: the outlines
 * @x0: a box in projected units (x east, y north): west edge
 * @y0: south edge
 * @x1: east edge
 * @y1: north edge
 *
 * Returns: how much of the box is land, 0 to 1, from the coarse picture
 *   (beyond it counts as water)
 */
double
lf_geo_land_fraction (const LfGeo *geo,
                      double       x0,
                      double       y0,
                      double       x1,
                      double       y1)
{
  double sx, sy;
  int c0, c1, r0, r1;
  guint64 land = 0, n;

  if (geo->land_mask == NULL || x1 <= x0 || y1 <= y0)
    return 0.0;
  sx = geo->mask_width / (geo->mask_x1 - geo->mask_x0);
  sy = geo->mask_height / (geo->mask_y1 - geo->mask_y0);
  c0 = (int) floor ((x0 - geo->mask_x0) * sx);
  c1 = (int) ceil ((x1 - geo->mask_x0) * sx);
  r0 = (int) floor ((geo->mask_y1 - y1) * sy);
  r1 = (int) ceil ((geo->mask_y1 - y0) * sy);
  n = (guint64) MAX (1, c1 - c0) * (guint64) MAX (1, r1 - r0);
  for (int r = MAX (0, r0); r < MIN (geo->mask_height, r1); r++)
    for (int c = MAX (0, c0); c < MIN (geo->mask_width, c1); c++)
      land += geo->land_mask[(gsize) r * geo->mask_width + c] >= 128;

  return (double) land / (double) n;
}

/**
 * lf_geo_new_from_bytes:
 * @bytes: the outlines packed by lf_geo_pack_json() (%LF_GEO_PACKED_TYPE)
 * @error: return location for an error
 *
 * Reads the packed outlines in place (a malformed GVariant reads as empty
 * arrays, which fail the checks below), checks them and projects them.
 *
 * Returns: (transfer full) (nullable): the projected outlines
 */
LfGeo *
lf_geo_new_from_bytes (GBytes  *bytes,
                       GError **error)
{
  g_autoptr(GVariant) packed = NULL;
  g_autoptr(GVariant) paths = NULL;
  g_autoptr(GVariant) coords = NULL;
  g_autoptr(LfGeo) geo = NULL;
  const double *lonlat;
  gsize n_paths, n_coords;
  guint first = 0;

  g_return_val_if_fail (bytes != NULL, NULL);

  packed = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (LF_GEO_PACKED_TYPE),
                                                         bytes, FALSE));
  paths = g_variant_get_child_value (packed, 0);
  coords = g_variant_get_child_value (packed, 1);
  lonlat = g_variant_get_fixed_array (coords, &n_coords, sizeof (double));
  n_paths = g_variant_n_children (paths);
  if (n_paths == 0 || n_coords % 2 != 0)
    goto bad;

  geo = g_new0 (LfGeo, 1);
  geo->paths = g_new (LfGeoPath, n_paths);
  for (gsize p = 0; p < n_paths; p++)
    {
      guchar kind;
      guint32 n_points;

      g_variant_get_child (paths, p, "(yu)", &kind, &n_points);
      if (kind > LF_GEO_STATE || n_points < 2 || n_points > n_coords / 2 - first)
        goto bad;
      geo->paths[p] = (LfGeoPath) { kind, first, n_points };
      first += n_points;
    }
  if (first != n_coords / 2)
    goto bad;
  geo->n_paths = n_paths;
  geo->n_points = first;

  geo->xy = g_new (float, n_coords);
  for (gsize i = 0; i < n_coords; i += 2)
    {
      double lon = lonlat[i], lat = lonlat[i + 1];
      double x, y;

      if (!(lon >= -180.0 && lon <= 180.0 && lat >= -90.0 && lat <= 90.0))
        goto bad;
      lf_geo_project (lon, lat, &x, &y);
      geo->xy[i] = (float) x;
      geo->xy[i + 1] = (float) y;
    }
  compute_view (geo);
  compute_land_mask (geo);

  return g_steal_pointer (&geo);

bad:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               "Map outlines: the packed outlines are damaged (rebuild from data/geo/north-america.json)");
  return NULL;
}

/**
 * lf_geo_get_default:
 * @error: return location for an error
 *
 * Loads the embedded outlines the first time, then returns the same copy:
 * the map redraws on every hover and must not read the outlines each time.
 *
 * Returns: (transfer none) (nullable): the outlines, or %NULL on error
 */
const LfGeo *
lf_geo_get_default (GError **error)
{
  static LfGeo *geo;
  static gsize initialized;
  static GError *load_error;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GBytes) bytes = NULL;

      /* Looking the data up through the resource's own symbol keeps the
       * linker from dropping the resource object out of the static library. */
      bytes = g_resource_lookup_data (landfall_get_resource (), LF_GEO_RESOURCE,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &load_error);
      if (bytes != NULL)
        geo = lf_geo_new_from_bytes (bytes, &load_error);
      g_once_init_leave (&initialized, 1);
    }

  if (geo == NULL && error != NULL)
    *error = g_error_copy (load_error);

  return geo;
}
