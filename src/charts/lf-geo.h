/* lf-geo.h: North America outlines for the plant map, read once.
 *
 * Outlines come from data/geo/north-america.json (Natural Earth and US
 * Census Bureau, public domain), which the build packs into a GVariant
 * (lf-geo-pack.h) that the program embeds and reads in place. They are
 * projected once at load time with an Albers equal-area conic, so drawing
 * only scales and translates.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LF_GEO_RESOURCE "/io/github/landfall/Landfall/data/geo/north-america.gvariant"

typedef enum {
  LF_GEO_LAND,        /* a closed ring of a neighbouring country */
  LF_GEO_LAND_HOME,   /* a closed ring of the US, Canada or Mexico */
  LF_GEO_BORDER,      /* an open line: a border between countries */
  LF_GEO_STATE,       /* an open line: a border between US states */
} LfGeoKind;

typedef struct {
  LfGeoKind kind;
  guint     first;    /* index of the first point in LfGeo.xy (pairs) */
  guint     n_points;
} LfGeoPath;

typedef struct {
  /* Projected points, x east and y north, in the projection's own units
   * (radians on a unit sphere); pairs x0, y0, x1, y1, … */
  float     *xy;
  guint      n_points;
  LfGeoPath *paths;
  guint      n_paths;
  /* The fixed view of the map: the contiguous US, southern Canada, Mexico. */
  double     view_x0, view_y0, view_x1, view_y1;
  /* A coarse picture of the land (one byte a cell, 255 land, 0 water) over
   * the view and as much again around it, for putting boxes over water. */
  guint8    *land_mask;
  int        mask_width, mask_height;
  double     mask_x0, mask_y0, mask_x1, mask_y1;
} LfGeo;

const LfGeo *lf_geo_get_default   (GError     **error);
LfGeo       *lf_geo_new_from_bytes (GBytes     *bytes,
                                    GError    **error);
void         lf_geo_free          (LfGeo      *geo);
double       lf_geo_land_fraction (const LfGeo *geo,
                                   double       x0,
                                   double       y0,
                                   double       x1,
                                   double       y1);
void         lf_geo_project       (double       lon,
                                   double       lat,
                                   double      *x,
                                   double      *y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfGeo, lf_geo_free)

G_END_DECLS
