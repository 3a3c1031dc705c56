/* lf-palette.h: every colour the charts use, for light and dark style.
 *
 * The GNOME palette (the one libadwaita's named colours come from), so
 * charts sit well next to the widgets around them.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;
} LfColor;

typedef struct {
  LfColor background;
  LfColor foreground;      /* titles, values */
  LfColor dim_foreground;  /* axis labels, footnotes */
  LfColor grid;
  LfColor axis;
  LfColor scenario;        /* the scenario's main line */
  LfColor band;            /* p10–p90 */
  LfColor baseline;        /* current policy / no-entry counterfactual */
  LfColor partner;         /* Ford partnership income */
  LfColor marker;          /* policy-change years */
  LfColor crosshair;
  LfColor tooltip_bg;
  LfColor tooltip_border;
  LfColor origin[4];       /* by LfOrigin: China, Mexico, US, Canada */
  LfColor land;
  LfColor land_home;       /* the US, Canada and Mexico */
  LfColor water;
  LfColor coast;
  LfColor border;
  LfColor state;
  LfColor selection;
  LfColor runs[5];         /* the scenarios of a comparison, by position */
} LfPalette;

/* What a chart layer is, which picks its colour (see lf-chart-kinds.c). */
typedef enum {
  LF_ROLE_SCENARIO,
  LF_ROLE_BASELINE,
  LF_ROLE_BAND,
  LF_ROLE_PARTNER,
  LF_ROLE_ORIGIN_CHINA,   /* the four in LfOrigin's order */
  LF_ROLE_ORIGIN_MEXICO,
  LF_ROLE_ORIGIN_US,
  LF_ROLE_ORIGIN_CANADA,
} LfPaletteRole;

const LfPalette *lf_palette_get          (gboolean         dark);
const LfColor   *lf_palette_role_color   (const LfPalette *palette,
                                          LfPaletteRole    role);
LfColor          lf_palette_maker_color  (const LfPalette *palette,
                                          int              maker);
const double    *lf_run_dash             (int              run,
                                          int             *n_dashes);
void             lf_set_source_color     (cairo_t         *cr,
                                          const LfColor   *color);
void             lf_set_source_color_alpha (cairo_t       *cr,
                                          const LfColor   *color,
                                          double           alpha);

G_END_DECLS
