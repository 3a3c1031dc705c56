/* test-geo.c: the map outlines from their JSON to the packed form the
 * program embeds, and back to projected paths; damaged input of either kind
 * is an error, never a crash. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lf-geo.h"
#include "lf-geo-pack.h"

static GBytes *
pack (const char *json, GError **error)
{
  return lf_geo_pack_json (json, strlen (json), error);
}

static LfGeo *
pack_and_load (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) packed = pack (json, &error);
  LfGeo *geo;

  g_assert_no_error (error);
  g_assert_nonnull (packed);
  geo = lf_geo_new_from_bytes (packed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (geo);
  return geo;
}

#define SMALL \
  "{\"land\": [" \
  "  {\"id\": \"840\", \"rings\": [[-100, 40, -90, 40, -90, 45, -100, 45]]}," \
  "  {\"id\": \"192\", \"rings\": [[-80, 22, -76, 21, -78, 20]]}]," \
  " \"borders\": [[-100, 49, -95, 49]]," \
  " \"states\": [[-95, 40, -95, 45, -95.5, 46]]}"

/* Kinds, counts and order follow the file; every point is the projection of
 * its longitude and latitude. */
static void
test_pack_round_trip (void)
{
  g_autoptr(LfGeo) geo = pack_and_load (SMALL);
  static const struct { LfGeoKind kind; guint n; } expect[] = {
    { LF_GEO_LAND_HOME, 4 }, { LF_GEO_LAND, 3 }, { LF_GEO_BORDER, 2 }, { LF_GEO_STATE, 3 },
  };
  static const double lonlat[] = { -100, 40, -90, 40, -90, 45, -100, 45, -80, 22, -76, 21,
                                   -78, 20, -100, 49, -95, 49, -95, 40, -95, 45, -95.5, 46 };
  guint first = 0;

  g_assert_cmpuint (geo->n_paths, ==, G_N_ELEMENTS (expect));
  g_assert_cmpuint (geo->n_points, ==, G_N_ELEMENTS (lonlat) / 2);
  for (guint p = 0; p < geo->n_paths; p++)
    {
      g_assert_cmpint (geo->paths[p].kind, ==, expect[p].kind);
      g_assert_cmpuint (geo->paths[p].n_points, ==, expect[p].n);
      g_assert_cmpuint (geo->paths[p].first, ==, first);
      first += expect[p].n;
    }
  for (guint i = 0; i < geo->n_points; i++)
    {
      double x, y;

      lf_geo_project (lonlat[2 * i], lonlat[2 * i + 1], &x, &y);
      g_assert_cmpfloat_with_epsilon (geo->xy[2 * i], x, 1e-6);
      g_assert_cmpfloat_with_epsilon (geo->xy[2 * i + 1], y, 1e-6);
    }
  g_assert_nonnull (geo->land_mask);
  g_assert_cmpfloat (geo->view_x0, <, geo->view_x1);
  g_assert_cmpfloat (geo->view_y0, <, geo->view_y1);
}

/* The program's embedded outlines are the source file's, packed: the build
 * step ran on the JSON in the checkout. */
static void
test_embedded_matches_source (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("LANDFALL_SOURCE_DIR"), "data", "geo",
                                            "north-america.json", NULL);
  g_autofree char *json = NULL;
  gsize length;
  g_autoptr(GBytes) packed = NULL;
  g_autoptr(LfGeo) fresh = NULL;
  const LfGeo *embedded = lf_geo_get_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (embedded);
  g_assert_true (g_file_get_contents (path, &json, &length, &error));
  g_assert_no_error (error);
  packed = lf_geo_pack_json (json, length, &error);
  g_assert_no_error (error);
  fresh = lf_geo_new_from_bytes (packed, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (embedded->n_paths, ==, fresh->n_paths);
  g_assert_cmpuint (embedded->n_points, ==, fresh->n_points);
  g_assert_cmpuint (embedded->n_paths, >, 100);
  g_assert_cmpmem (embedded->paths, embedded->n_paths * sizeof (LfGeoPath),
                   fresh->paths, fresh->n_paths * sizeof (LfGeoPath));
  g_assert_cmpmem (embedded->xy, embedded->n_points * 2 * sizeof (float),
                   fresh->xy, fresh->n_points * 2 * sizeof (float));
}

/* Each names what is wrong with the JSON; none packs anything. */
static void
test_pack_rejects (void)
{
  static const char *bad[] = {
    "",
    "not json",
    "[1, 2]",
    "{\"land\": [], \"borders\": []}",
    "{\"land\": {}, \"borders\": [], \"states\": []}",
    "{\"land\": [7], \"borders\": [], \"states\": []}",
    "{\"land\": [{\"id\": \"840\"}], \"borders\": [], \"states\": []}",
    "{\"land\": [], \"borders\": [[-100, 40, -90]], \"states\": []}",
    "{\"land\": [], \"borders\": [[-100, 40]], \"states\": []}",
    "{\"land\": [], \"borders\": [[-100, 40, -90, 95]], \"states\": []}",
    "{\"land\": [], \"borders\": [[-190, 40, -90, 45]], \"states\": []}",
    "{\"land\": [], \"borders\": [[-100, \"40\", -90, 45]], \"states\": []}",
    "{\"land\": [], \"borders\": [[-100, null, -90, 45]], \"states\": []}",
    "{\"land\": [], \"borders\": [[-100, [40], -90, 45]], \"states\": []}",
    "{\"land\": [], \"borders\": [7], \"states\": []}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) packed = pack (bad[i], &error);

      g_test_message ("%s", bad[i]);
      g_assert_null (packed);
      g_assert_nonnull (error);
      g_assert_nonnull (error->message);
    }
}

/* Packed data of any kind loads, with every path inside the points, or
 * fails with an error: one or the other, never both. */
static void
loads_or_fails (const guint8 *data, gsize size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) load_error = NULL;
  g_autoptr(LfGeo) geo = lf_geo_new_from_bytes (bytes, &load_error);

  g_assert_true ((geo == NULL) != (load_error == NULL));
  if (geo != NULL)
    for (guint p = 0; p < geo->n_paths; p++)
      g_assert_cmpuint (geo->paths[p].first + geo->paths[p].n_points, <=, geo->n_points);
}

/* Packed data that does not add up (damaged, truncated, hand-made) is an
 * error, and no path reaches past the points. */
static void
test_load_rejects (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) good = pack (SMALL, &error);
  gsize size = g_bytes_get_size (good);
  const guint8 *data = g_bytes_get_data (good, NULL);
  GVariant *made[] = {
    /* no paths */
    g_variant_new_parsed ("(@a(yu) [], @ad [])"),
    /* a path longer than the points */
    g_variant_new_parsed ("(@a(yu) [(0, 3)], @ad [1.0, 2.0, 3.0, 4.0])"),
    /* points left over */
    g_variant_new_parsed ("(@a(yu) [(0, 2)], @ad [1.0, 2.0, 3.0, 4.0, 5.0, 6.0])"),
    /* a path of one point */
    g_variant_new_parsed ("(@a(yu) [(0, 1), (0, 1)], @ad [1.0, 2.0, 3.0, 4.0])"),
    /* an unknown kind */
    g_variant_new_parsed ("(@a(yu) [(9, 2)], @ad [1.0, 2.0, 3.0, 4.0])"),
    /* a latitude past the pole */
    g_variant_new_parsed ("(@a(yu) [(0, 2)], @ad [1.0, 2.0, 3.0, 95.0])"),
    /* not a number */
    g_variant_new_parsed ("(@a(yu) [(0, 2)], @ad [1.0, 2.0, 3.0, nan])"),
    /* counts that overflow when added up */
    g_variant_new_parsed ("(@a(yu) [(0, 2), (0, 4294967295)], @ad [1.0, 2.0, 3.0, 4.0])"),
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (made); i++)
    {
      g_autoptr(GVariant) v = g_variant_ref_sink (made[i]);
      g_autoptr(GBytes) bytes = g_variant_get_data_as_bytes (v);
      g_autoptr(GError) load_error = NULL;
      g_autoptr(LfGeo) geo = lf_geo_new_from_bytes (bytes, &load_error);

      g_test_message ("made %u", i);
      g_assert_null (geo);
      g_assert_error (load_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }

  /* Every truncation and a flipped byte at every tenth offset: loads or
   * fails, never reads out of bounds (the sanitizer build checks that). */
  for (gsize cut = 0; cut < size; cut++)
    loads_or_fails (data, cut);
  for (gsize at = 0; at < size; at += 10)
    {
      g_autofree guint8 *copy = g_memdup2 (data, size);

      copy[at] ^= 0xa5;
      loads_or_fails (copy, size);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/geo/pack/round-trip", test_pack_round_trip);
  g_test_add_func ("/geo/pack/embedded-matches-source", test_embedded_matches_source);
  g_test_add_func ("/geo/pack/rejects", test_pack_rejects);
  g_test_add_func ("/geo/load/rejects", test_load_rejects);
  return g_test_run ();
}
