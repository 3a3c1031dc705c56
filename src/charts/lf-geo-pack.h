/* lf-geo-pack.h: the map outlines' JSON turned into the packed form the
 * program embeds, at build time.
 *
 * data/geo/north-america.json stays the outlines' source (readable, diffable,
 * regenerated from Natural Earth by make-geo.mjs); the build packs it with
 * lf-geo-pack (src/charts/lf-geo-pack-tool.c) into a GVariant that the map
 * reads in place: no JSON tree is built at run time. See lf-geo.h.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each path: its kind (LfGeoKind) and its number of points; then every
 * point's longitude and latitude in degrees, path after path. */
#define LF_GEO_PACKED_TYPE "(a(yu)ad)"

GBytes *lf_geo_pack_json (const char  *json,
                          gsize        length,
                          GError     **error);

G_END_DECLS
