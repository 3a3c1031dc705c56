/* lf-chart-private.h: what the chart files share and nothing else needs. */
#pragma once

#include <pango/pangocairo.h>

#include "lf-chart.h"
#include "lf-format.h"
#include "lf-palette.h"

G_BEGIN_DECLS

/* Pixel sizes at scale 1; cairo's device scale handles HiDPI and export. */
#define LF_FONT_FAMILY      "Cantarell, DejaVu Sans, Sans"
#define LF_FONT_SIZE        12.0
#define LF_FONT_SIZE_SMALL  11.0
#define LF_LEGEND_PAD       4.0
#define LF_LEGEND_SWATCH    12.0
#define LF_MAX_LEGEND       (LF_MAX_MAKERS + 1)

typedef struct {
  double x, y, width, height;
} LfRect;

/* State of one draw call: one layout is reused for every label. */
typedef struct {
  cairo_t              *cr;
  PangoLayout          *layout;
  PangoFontDescription *font;
  const LfPalette      *palette;
  const LfChartData    *data;
  double                width, height;
} LfDraw;

typedef enum {
  LF_ALIGN_START  = 0,
  LF_ALIGN_CENTER = 1,
  LF_ALIGN_END    = 2,
} LfAlign;

typedef enum {
  LF_SWATCH_LINE,
  LF_SWATCH_DASH,
  LF_SWATCH_BOX,
  LF_SWATCH_DOT,
} LfSwatch;

typedef struct {
  const char *label;
  LfColor     color;
  LfSwatch    swatch;
} LfLegendItem;

void    lf_draw_begin        (LfDraw             *d,
                              cairo_t            *cr,
                              const LfChartData  *data,
                              double              width,
                              double              height);
void    lf_draw_end          (LfDraw             *d);
void    lf_draw_set_font     (LfDraw             *d,
                              double              pixel_size,
                              PangoWeight         weight);
void    lf_draw_text         (LfDraw             *d,
                              const char         *text,
                              double              x,
                              double              y,
                              LfAlign             halign,
                              LfAlign             valign,
                              const LfColor      *color,
                              double             *out_width,
                              double             *out_height);
void    lf_draw_text_size    (LfDraw             *d,
                              const char         *text,
                              double             *width,
                              double             *height);
double  lf_legend_layout     (const LfLegendItem *items,
                              guint               n_items,
                              double              max_width,
                              double             *xs,
                              double             *ys);
void    lf_draw_legend       (LfDraw             *d,
                              const LfLegendItem *items,
                              guint               n_items,
                              double              max_width);
void    lf_draw_swatch       (LfDraw             *d,
                              LfSwatch            swatch,
                              const LfColor      *color,
                              double              x,
                              double              y,
                              double              size);
void    lf_draw_panel_box    (LfDraw             *d,
                              double              x,
                              double              y,
                              double              width,
                              double              height);

/* lf-chart-tornado.c */
void    lf_chart_tornado_draw     (LfDraw            *d);
char   *lf_chart_tornado_describe (const LfChartData *data);

/* lf-chart-validation.c */
void    lf_chart_validation_draw     (LfDraw            *d);
char   *lf_chart_validation_describe (const LfChartData *data);

/* lf-chart-map.c */
void    lf_chart_map_draw    (LfDraw             *d);
char   *lf_chart_map_describe (const LfChartData *data);

G_END_DECLS
