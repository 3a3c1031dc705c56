/* lf-geo.c: load and project the map outlines. */
#define G_LOG_DOMAIN "landfall-charts"

#include "config.h"

#include <math.h>
#include <json-glib/json-glib.h>

#include "landfall-resources.h"
#include "lf-geo.h"

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
  g_free (geo);
}

/* Appends every flat [lon, lat, …] array of @arrays as one path each. */
static gboolean
add_paths (GArray     *xy,
           GArray     *paths,
           JsonArray  *arrays,
           LfGeoKind   kind,
           GError    **error)
{
  guint n = json_array_get_length (arrays);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (arrays, i);
      JsonArray *flat;
      guint len;
      LfGeoPath path = { kind, xy->len / 2, 0 };

      if (!JSON_NODE_HOLDS_ARRAY (node))
        goto bad;
      flat = json_node_get_array (node);
      len = json_array_get_length (flat);
      if (len < 4 || len % 2 != 0)
        goto bad;

      for (guint j = 0; j < len; j += 2)
        {
          double lon = json_array_get_double_element (flat, j);
          double lat = json_array_get_double_element (flat, j + 1);
          double x, y;
          float p[2];

          if (!(lon >= -180.0 && lon <= 180.0 && lat >= -90.0 && lat <= 90.0))
            goto bad;
          lf_geo_project (lon, lat, &x, &y);
          p[0] = (float) x;
          p[1] = (float) y;
          g_array_append_vals (xy, p, 2);
        }
      path.n_points = len / 2;
      g_array_append_val (paths, path);
    }
  return TRUE;

bad:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               "Map outlines: expected flat [lon, lat, …] arrays");
  return FALSE;
}

static JsonArray *
get_array_member (JsonObject *object,
                  const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
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

/**
 * lf_geo_new_from_bytes:
 * @bytes: the JSON written by data/geo/make-geo.mjs
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the projected outlines
 */
LfGeo *
lf_geo_new_from_bytes (GBytes  *bytes,
                       GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GArray) xy = g_array_new (FALSE, FALSE, sizeof (float));
  g_autoptr(GArray) paths = g_array_new (FALSE, FALSE, sizeof (LfGeoPath));
  g_autoptr(LfGeo) geo = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  JsonNode *root;
  JsonObject *object;
  JsonArray *land, *borders, *states;

  if (!json_parser_load_from_data (parser, data, (gssize) size, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto bad;
  object = json_node_get_object (root);
  land = get_array_member (object, "land");
  borders = get_array_member (object, "borders");
  states = get_array_member (object, "states");
  if (land == NULL || borders == NULL || states == NULL)
    goto bad;

  for (guint i = 0; i < json_array_get_length (land); i++)
    {
      JsonNode *node = json_array_get_element (land, i);
      JsonObject *country;
      JsonArray *rings;
      const char *id;
      LfGeoKind kind;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto bad;
      country = json_node_get_object (node);
      id = json_object_get_string_member_with_default (country, "id", "");
      rings = get_array_member (country, "rings");
      if (rings == NULL)
        goto bad;

      /* ISO 3166 numeric: United States, Canada, Mexico. */
      kind = g_str_equal (id, "840") || g_str_equal (id, "124") || g_str_equal (id, "484")
             ? LF_GEO_LAND_HOME : LF_GEO_LAND;
      if (!add_paths (xy, paths, rings, kind, error))
        return NULL;
    }

  if (!add_paths (xy, paths, borders, LF_GEO_BORDER, error) ||
      !add_paths (xy, paths, states, LF_GEO_STATE, error))
    return NULL;

  geo = g_new0 (LfGeo, 1);
  geo->n_points = xy->len / 2;
  geo->n_paths = paths->len;
  geo->xy = (float *) (void *) g_array_free (g_steal_pointer (&xy), FALSE);
  geo->paths = (LfGeoPath *) (void *) g_array_free (g_steal_pointer (&paths), FALSE);
  compute_view (geo);

  return g_steal_pointer (&geo);

bad:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               "Map outlines: expected an object with land, borders and states");
  return NULL;
}

/**
 * lf_geo_get_default:
 * @error: return location for an error
 *
 * Loads the embedded outlines the first time, then returns the same copy:
 * the map redraws on every hover and must not parse JSON each time.
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
