/* lf-palette.c: the light and dark chart palettes.
 *
 * Hex values are the GNOME HIG palette (blue_3 #3584e4 …); dark style uses
 * lighter shades so lines keep their contrast on #1e1e1e.
 */
#include "config.h"

#include "lf-palette.h"

#define HEX(x) { ((x) >> 16 & 0xff) / 255.0, ((x) >> 8 & 0xff) / 255.0, ((x) & 0xff) / 255.0, 1.0 }
#define HEXA(x, a) { ((x) >> 16 & 0xff) / 255.0, ((x) >> 8 & 0xff) / 255.0, ((x) & 0xff) / 255.0, (a) }

static const LfPalette light = {
  .background     = HEX (0xffffff),
  .foreground     = HEXA (0x000000, 0.8),
  .dim_foreground = HEXA (0x000000, 0.55),
  .grid           = HEXA (0x000000, 0.08),
  .axis           = HEXA (0x000000, 0.35),
  .scenario       = HEX (0x3584e4),   /* blue_3 */
  .band           = HEXA (0x3584e4, 0.18),
  .baseline       = HEX (0x77767b),   /* dark_1 */
  .partner        = HEX (0x33d17a),   /* green_3 */
  .marker         = HEX (0xe66100),   /* orange_5 */
  .crosshair      = HEXA (0x000000, 0.45),
  .tooltip_bg     = HEXA (0xffffff, 0.94),
  .tooltip_border = HEXA (0x000000, 0.15),
  .origin = {
    HEX (0xe01b24),                   /* red_3: China */
    HEX (0x33d17a),                   /* green_3: Mexico */
    HEX (0x3584e4),                   /* blue_3: United States */
    HEX (0x9141ac),                   /* purple_3: Canada */
  },
  .land           = HEX (0xebebe8),
  .land_home      = HEX (0xdeddda),   /* light_3 */
  .water          = HEX (0xf4f8fc),
  .coast          = HEX (0x9a9996),   /* light_5 */
  .border         = HEX (0x77767b),
  .state          = HEX (0xc0bfbc),   /* light_4 */
  .selection      = HEX (0x000000),
  /* A comparison's scenarios: the first in the scenario blue; none in the
   * policy-change orange or the grey of current policy. */
  .runs = {
    HEX (0x3584e4),                   /* blue_3 */
    HEX (0xe5a50a),                   /* yellow_5 */
    HEX (0x9141ac),                   /* purple_3 */
    HEX (0x26a269),                   /* green_5 */
    HEX (0x986a44),                   /* brown_3 */
  },
};

static const LfPalette dark = {
  .background     = HEX (0x1e1e1e),
  .foreground     = HEX (0xffffff),
  .dim_foreground = HEXA (0xffffff, 0.6),
  .grid           = HEXA (0xffffff, 0.09),
  .axis           = HEXA (0xffffff, 0.4),
  .scenario       = HEX (0x62a0ea),   /* blue_2 */
  .band           = HEXA (0x62a0ea, 0.28),
  .baseline       = HEX (0x9a9996),   /* light_5 */
  .partner        = HEX (0x57e389),   /* green_2 */
  .marker         = HEX (0xffa348),   /* orange_2 */
  .crosshair      = HEXA (0xffffff, 0.5),
  .tooltip_bg     = HEXA (0x303030, 0.95),
  .tooltip_border = HEXA (0xffffff, 0.15),
  .origin = {
    HEX (0xf66151),                   /* red_2 */
    HEX (0x57e389),                   /* green_2 */
    HEX (0x62a0ea),                   /* blue_2 */
    HEX (0xc061cb),                   /* purple_2 */
  },
  .land           = HEX (0x2a2a2a),
  .land_home      = HEX (0x3a3a3a),
  .water          = HEX (0x1a1a1f),
  .coast          = HEX (0x77767b),
  .border         = HEX (0x9a9996),
  .state          = HEX (0x5e5c64),   /* dark_2 */
  .selection      = HEX (0xffffff),
  .runs = {
    HEX (0x62a0ea),                   /* blue_2 */
    HEX (0xf6d32d),                   /* yellow_3 */
    HEX (0xc061cb),                   /* purple_2 */
    HEX (0x57e389),                   /* green_2 */
    HEX (0xcdab8f),                   /* brown_2 */
  },
};

/* One hue per baseline maker index; enough for LF_MAX_MAKERS, and none is
 * the scenario blue's exact shade so a plant never reads as "the line". */
static const LfColor maker_light[] = {
  HEX (0xe01b24), HEX (0x1c71d8), HEX (0x2ec27e), HEX (0xe66100),
  HEX (0x9141ac), HEX (0x986a44), HEX (0xc64600), HEX (0x5e5c64),
};
static const LfColor maker_dark[] = {
  HEX (0xf66151), HEX (0x62a0ea), HEX (0x57e389), HEX (0xffa348),
  HEX (0xc061cb), HEX (0xcdab8f), HEX (0xf8e45c), HEX (0xc0bfbc),
};

const LfPalette *
lf_palette_get (gboolean dark_style)
{
  return dark_style ? &dark : &light;
}

const LfColor *
lf_palette_role_color (const LfPalette *palette,
                       LfPaletteRole    role)
{
  switch (role)
    {
    case LF_ROLE_SCENARIO:
      return &palette->scenario;
    case LF_ROLE_BASELINE:
      return &palette->baseline;
    case LF_ROLE_BAND:
      return &palette->band;
    case LF_ROLE_PARTNER:
      return &palette->partner;
    case LF_ROLE_ORIGIN_CHINA:
    case LF_ROLE_ORIGIN_MEXICO:
    case LF_ROLE_ORIGIN_US:
    case LF_ROLE_ORIGIN_CANADA:
      return &palette->origin[role - LF_ROLE_ORIGIN_CHINA];
    default:
      g_return_val_if_reached (&palette->foreground);
    }
}

LfColor
lf_palette_maker_color (const LfPalette *palette,
                        int              maker)
{
  const LfColor *table = palette == &dark ? maker_dark : maker_light;
  guint n = G_N_ELEMENTS (maker_light);

  if (maker < 0)
    return palette->baseline;

  return table[(guint) maker % n];
}

void
lf_set_source_color (cairo_t       *cr,
                     const LfColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

void
lf_set_source_color_alpha (cairo_t       *cr,
                           const LfColor *color,
                           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/**
 * lf_run_dash:
 * @run: a comparison's scenario, by position
 * @n_dashes: (out): the pattern's length; 0 for a solid line
 *
 * Each scenario of a comparison has its own line style as well as its
 * colour, so the lines tell apart in grey print and for colour-blind readers.
 */
const double *
lf_run_dash (int run, int *n_dashes)
{
  static const double dashed[] = { 9.0, 4.0 };
  static const double dotted[] = { 2.0, 3.0 };
  static const double dash_dot[] = { 9.0, 3.0, 2.0, 3.0 };
  static const double long_dash[] = { 16.0, 5.0 };
  static const struct { const double *dash; int n; } styles[] = {
    { NULL, 0 }, { dashed, 2 }, { dotted, 2 }, { dash_dot, 4 }, { long_dash, 2 },
  };

  run = CLAMP (run, 0, (int) G_N_ELEMENTS (styles) - 1);
  *n_dashes = styles[run].n;
  return styles[run].dash;
}
