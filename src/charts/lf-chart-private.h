/* lf-chart-private.h: what the chart files share and nothing else needs. */
#pragma once

#include <pango/pangocairo.h>

#include "lf-chart.h"
#include "lf-chart-spec.h"
#include "lf-format.h"
#include "lf-palette.h"

G_BEGIN_DECLS

/* Pixel sizes at scale 1; cairo's device scale handles HiDPI and export. */
#define LF_FONT_FAMILY      "Cantarell, DejaVu Sans, Sans"
#define LF_FONT_SIZE        12.0
#define LF_FONT_SIZE_SMALL  11.0
#define LF_LEGEND_PAD       4.0
#define LF_LEGEND_SWATCH    12.0
#define LF_MAX_LEGEND       (LF_MAX_MAKERS + LF_COMPARISON_MAX + 1)

typedef struct {
  double x, y, width, height;
} LfRect;

/* State of one draw call: one layout is reused for every label. */
struct _LfDraw {
  cairo_t              *cr;
  PangoLayout          *layout;  /* for text set on it (a width to wrap or cut at) */
  PangoFontDescription *font;
  const LfPalette      *palette;
  const LfChartData    *data;
  double                width, height;
};

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
  LF_SWATCH_RING,            /* a hollow dot: the map's plant that builds nothing */
  LF_SWATCH_RUN_BASE = 16,   /* + a comparison's run: its line style (lf_run_dash()) */
} LfSwatch;

#define LF_SWATCH_RUN(run) ((LfSwatch) (LF_SWATCH_RUN_BASE + (run)))

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

/* lf-chart-axis.c: a time-series chart's geometry, shared by drawing and
 * hover lookups. x depends on the chart's width alone, never on the data. */
typedef struct {
  LfRect      rect;
  double      min, max, step;
  int         decimals;
  const char *unit;         /* the y axis' title, drawn above the panel */
  gboolean    year_labels;  /* only the lowest panel labels the years */
} LfPanel;

guint   lf_axis_panel_rects       (const LfChartSpec  *spec,
                                   double              width,
                                   double              height,
                                   double              legend_height,
                                   LfRect             *rects);
double  lf_axis_year_to_x         (const LfRect       *plot,
                                   double              year);
int     lf_axis_x_to_year         (const LfRect       *plot,
                                   double              x);
double  lf_axis_value_to_y        (const LfPanel      *panel,
                                   double              value);
void    lf_axis_set_range         (LfPanel            *panel,
                                   double              lo,
                                   double              hi);
double  lf_axis_bar_width         (const LfPanel      *panel);
void    lf_axis_draw              (LfDraw             *d,
                                   const LfPanel      *panel);
void    lf_axis_draw_marked_years (LfDraw             *d,
                                   const LfPanel      *panels,
                                   guint               n_panels);
void    lf_axis_draw_projection_start (LfDraw         *d,
                                   const LfPanel      *panels,
                                   guint               n_panels);

/* lf-chart-layer.c: a time-series chart laid out from its spec and drawn. */
typedef struct {
  gboolean present;             /* FALSE: no run, or a band of zero width */
  double   values[LF_N_YEARS];  /* in axis units (series / divisor) */
  double   lo[LF_N_YEARS];      /* a band's p10 and p90 */
  double   hi[LF_N_YEARS];
} LfLayerData;

typedef struct {
  const LfChartSpec *spec;
  guint              n_panels;
  LfPanel            panels[LF_MAX_PANELS];
  LfLayerData        layers[LF_MAX_LAYERS];
  /* A comparison (lf_chart_comparing()): each run's own lines (and bands,
   * when all are drawn) and the top of each run's stack. */
  int                n_runs;
  LfLayerData        runs[LF_MAX_LAYERS][LF_COMPARISON_MAX];
  LfLayerData        stack_totals[LF_COMPARISON_MAX];
  int                stack_panel;
  guint              n_legend;
  LfLegendItem       legend[LF_MAX_LEGEND];
  double             legend_height;
} LfLayout;

void    lf_layout_chart           (const LfChartSpec  *spec,
                                   const LfChartData  *data,
                                   double              width,
                                   double              height,
                                   LfLayout           *layout);
void    lf_layers_draw_part       (LfDraw             *d,
                                   const LfLayout     *l,
                                   LfChartPart         part);
gboolean lf_chart_comparing       (const LfChartData  *data);
const double *lf_layer_values     (const LfLayerSpec  *layer,
                                   const LfProjection *projection);
LfColor  lf_layer_color           (const LfLayerSpec  *layer,
                                   const LfPalette    *palette);
const char *lf_layer_name         (const LfLayerSpec  *layer,
                                   const LfChartData  *data,
                                   gboolean            readout);
gboolean lf_layer_is_per_run      (const LfLayerSpec  *layer);

/* lf-chart-readout.c: the hover read-out of a time-series chart. */
void    lf_readout_draw           (LfDraw             *d,
                                   const LfLayout     *layout,
                                   int                 year);
char   *lf_layer_format_value     (const LfLayerSpec  *layer,
                                   double              value);

/* lf-chart-describe.c: the time-series charts' accessible text. */
char   *lf_chart_share_describe   (const LfChartData  *data);
char   *lf_chart_origin_describe  (const LfChartData  *data);
char   *lf_chart_ford_describe    (const LfChartData  *data);

/* lf-chart-more.c: Ford's impact and the market's other results. */
char   *lf_chart_format_usd              (double              usd);
char   *lf_chart_ford_impact_describe    (const LfChartData  *data);
char   *lf_chart_price_describe          (const LfChartData  *data);
char   *lf_chart_tariff_revenue_describe (const LfChartData  *data);
char   *lf_chart_jobs_describe           (const LfChartData  *data);
char   *lf_chart_market_describe         (const LfChartData  *data);
char   *lf_chart_makers_describe         (const LfChartData  *data);

/* lf-chart-tornado.c */
void    lf_chart_tornado_draw     (LfDraw            *d);
char   *lf_chart_tornado_describe (const LfChartData *data);
/* A result of one year, for the tornado and the attribution. */
gboolean lf_chart_series_is_percent (LfSeries       series);
gboolean lf_chart_series_is_money   (LfSeries       series);
char   *lf_chart_result_name      (LfSeries           series,
                                   int                year);
double  lf_chart_nice_step        (double             lo,
                                   double             hi,
                                   double             n_ticks);
double  lf_chart_bar_range        (double            *lo,
                                   double            *hi,
                                   double             plot_w);
void    lf_chart_bar_axis_draw    (LfDraw            *d,
                                   LfSeries           series,
                                   double             lo,
                                   double             hi,
                                   double             step,
                                   double             plot_x,
                                   double             plot_w,
                                   double             plot_y,
                                   double             plot_h,
                                   gboolean           mark_zero);

/* lf-chart-attribution.c */
void    lf_chart_attribution_draw     (LfDraw            *d);
char   *lf_chart_attribution_describe (const LfChartData *data);

/* lf-chart-validation.c */
void    lf_chart_validation_draw     (LfDraw            *d);
char   *lf_chart_validation_describe (const LfChartData *data);

/* lf-chart-map.c */
void    lf_chart_map_draw    (LfDraw             *d);

/* The map's geometry, as drawn, for the tests: each plant's marker, each
 * site's label, the size key and the box of plants outside North America;
 * no two of them overlap, and all lie inside the map. */
#define LF_MAP_MAX_LABELS LF_MAX_SITES
typedef struct {
  int      plant;          /* index into scenario->plants */
  LfRect   box;            /* the marker's bounding box */
  gboolean builds;         /* sells cars in lf_chart_map_year() */
  gboolean outside;        /* in the outside box */
} LfMapMarker;

typedef struct {
  LfRect      map;         /* the area under the legend */
  LfRect      land;        /* the part the continent is fitted into */
  guint       n_markers;
  LfMapMarker markers[LF_MAX_PLANTS];
  gboolean    has_key;
  LfRect      key;
  gboolean    has_outside_box;
  LfRect      outside_box;
  guint       n_labels;
  LfRect      labels[LF_MAP_MAX_LABELS];
  int         label_site[LF_MAP_MAX_LABELS];
  char       *label_text[LF_MAP_MAX_LABELS];  /* owned */
  gboolean    has_readout; /* a plant is hovered or selected */
  LfRect      readout;     /* its read-out box */
  LfRect      readout_marker;
} LfMapGeometry;

gboolean lf_chart_map_layout       (const LfChartData *data,
                                    double             width,
                                    double             height,
                                    LfMapGeometry     *out);
void     lf_map_geometry_clear     (LfMapGeometry     *geometry);
char   *lf_chart_map_describe (const LfChartData *data);

G_END_DECLS
