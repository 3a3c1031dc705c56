/* lf-geo-pack.c: read the map outlines' JSON, check it, pack it. */
#define G_LOG_DOMAIN "landfall-charts"

#include "config.h"

#include <json-glib/json-glib.h>

#include "lf-geo.h"
#include "lf-geo-pack.h"

typedef struct {
  GVariantBuilder paths;   /* a(yu) */
  GArray         *lonlat;  /* double */
} Packer;

static JsonArray *
get_array_member (JsonObject *object,
                  const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* Adds every flat [lon, lat, …] array of @arrays as one path each. */
static gboolean
add_paths (Packer     *packer,
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

      if (!JSON_NODE_HOLDS_ARRAY (node))
        goto bad;
      flat = json_node_get_array (node);
      len = json_array_get_length (flat);
      if (len < 4 || len % 2 != 0)
        goto bad;

      for (guint j = 0; j < len; j += 2)
        {
          JsonNode *lon_node = json_array_get_element (flat, j);
          JsonNode *lat_node = json_array_get_element (flat, j + 1);
          double p[2];

          if (json_node_get_value_type (lon_node) != G_TYPE_DOUBLE &&
              json_node_get_value_type (lon_node) != G_TYPE_INT64)
            goto bad;
          if (json_node_get_value_type (lat_node) != G_TYPE_DOUBLE &&
              json_node_get_value_type (lat_node) != G_TYPE_INT64)
            goto bad;
          p[0] = json_node_get_double (lon_node);
          p[1] = json_node_get_double (lat_node);
          if (!(p[0] >= -180.0 && p[0] <= 180.0 && p[1] >= -90.0 && p[1] <= 90.0))
            goto bad;
          g_array_append_vals (packer->lonlat, p, 2);
        }
      g_variant_builder_add (&packer->paths, "(yu)", (guchar) kind, len / 2);
    }
  return TRUE;

bad:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               "Map outlines: expected flat [lon, lat, …] arrays of degrees");
  return FALSE;
}

/**
 * lf_geo_pack_json:
 * @json: the JSON written by data/geo/make-geo.mjs: an object with "land"
 *   (countries, each with an ISO 3166 numeric "id" and "rings"), "borders"
 *   and "states" (lines); every ring or line a flat [lon, lat, …] array
 * @length: its length in bytes
 * @error: return location for an error
 *
 * Land rings of the United States, Canada and Mexico become
 * %LF_GEO_LAND_HOME, other countries' %LF_GEO_LAND, then the borders and
 * the states' lines, in the file's order.
 *
 * Returns: (transfer full) (nullable): the outlines as a GVariant of type
 *   %LF_GEO_PACKED_TYPE, serialised, or %NULL with @error set
 */
GBytes *
lf_geo_pack_json (const char  *json,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GArray) lonlat = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GVariant) packed = NULL;
  Packer packer = { .lonlat = lonlat };
  JsonNode *root;
  JsonObject *object;
  JsonArray *land, *borders, *states;

  g_return_val_if_fail (json != NULL || length == 0, NULL);

  if (!json_parser_load_from_data (parser, json, (gssize) length, error))
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

  g_variant_builder_init (&packer.paths, G_VARIANT_TYPE ("a(yu)"));
  for (guint i = 0; i < json_array_get_length (land); i++)
    {
      JsonNode *node = json_array_get_element (land, i);
      JsonObject *country;
      JsonArray *rings;
      const char *id;
      LfGeoKind kind;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto bad_paths;
      country = json_node_get_object (node);
      id = json_object_get_string_member_with_default (country, "id", "");
      rings = get_array_member (country, "rings");
      if (rings == NULL)
        goto bad_paths;

      /* ISO 3166 numeric: United States, Canada, Mexico. */
      kind = g_str_equal (id, "840") || g_str_equal (id, "124") || g_str_equal (id, "484")
             ? LF_GEO_LAND_HOME : LF_GEO_LAND;
      if (!add_paths (&packer, rings, kind, error))
        {
          g_variant_builder_clear (&packer.paths);
          return NULL;
        }
    }
  if (!add_paths (&packer, borders, LF_GEO_BORDER, error) ||
      !add_paths (&packer, states, LF_GEO_STATE, error))
    {
      g_variant_builder_clear (&packer.paths);
      return NULL;
    }

  packed = g_variant_ref_sink (g_variant_new ("(@a(yu)@ad)",
                                              g_variant_builder_end (&packer.paths),
                                              g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE,
                                                                         lonlat->data, lonlat->len,
                                                                         sizeof (double))));
  return g_variant_get_data_as_bytes (packed);

bad_paths:
  g_variant_builder_clear (&packer.paths);
bad:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               "Map outlines: expected an object with land, borders and states");
  return NULL;
}
