/* lf-chart-spec.h: a chart kind described as data (the tables are in lf-chart-kinds.c).
 *
 * A time-series chart is panels stacked down the chart, each with its own
 * y axis, and layers drawn onto them: each layer names a series of the
 * model, the panel it sits on, how it is drawn, its colour and its labels.
 * The drawing (lf-chart-layer.c), the hover read-out (lf-chart-readout.c),
 * the axes and hover lookups (lf-chart-axis.c) all read the same table. The
 * map, the tornado and the backtest are drawings of their own: their spec
 * has a draw hook instead of panels and layers.
 */
#pragma once

#include "lf-chart.h"
#include "lf-palette.h"

G_BEGIN_DECLS

typedef struct _LfDraw LfDraw;

#define LF_MAX_PANELS 2
#define LF_MAX_LAYERS 8

typedef enum {
  LF_LAYER_LINE,   /* a line with a dot per year when emphasised */
  LF_LAYER_BAND,   /* the p10–p90 range of the series, from the Monte Carlo bands */
  LF_LAYER_BARS,   /* a bar per year from zero */
  LF_LAYER_STACK,  /* an area on top of the panel's stack layers before it */
} LfLayerKind;

/* Which run a layer's series comes from. */
typedef enum {
  LF_FROM_SCENARIO,        /* LfChartData.projection (and .bands for a band) */
  LF_FROM_CURRENT_POLICY,  /* LfChartData.baseline; the layer is left out without one */
} LfLayerSource;

/* How a read-out writes a layer's value. */
typedef enum {
  LF_VALUE_PERCENT,   /* one decimal, with a percent sign */
  LF_VALUE_VEHICLES,  /* a whole number of vehicles */
  LF_VALUE_MUSD,      /* millions of US dollars */
  LF_VALUE_USD,       /* whole US dollars (a price) */
  LF_VALUE_COUNT,     /* a whole number (of jobs) */
} LfValueFormat;

/* Drawing order: areas, then the policy-change marks, then lines; within a
 * depth, table order. */
enum {
  LF_DEPTH_AREA     = 10,
  LF_DEPTH_BARS     = 20,
  LF_DEPTH_MARKS    = 30,   /* the dashed policy-change years (not a layer) */
  LF_DEPTH_LINE     = 40,
  LF_DEPTH_EMPHASIS = 50,
};

typedef struct {
  const char *unit;       /* N_(): the y axis' title, drawn above the panel */
  double      top;        /* the axis reaches at least this high (1: a flat zero still reads) */
  double      ceiling;    /* and at most this high (a share stops at 100 %) */
  gboolean    from_zero;  /* the axis starts at zero; else at the lowest value, zero included */
} LfPanelSpec;

typedef struct {
  LfLayerKind    kind;
  LfSeries       series;
  LfLayerSource  source;
  guint          panel;
  double         divisor;   /* model units per axis unit: 1000 for thousands */
  LfPaletteRole  color;
  int            depth;     /* LF_DEPTH_* */
  const char    *legend;    /* N_(); layers with the same label share one entry; NULL: none */
  const char    *readout;   /* N_(): the read-out row's label; NULL: no row */
  LfValueFormat  format;    /* the read-out row's value */
  int            maker;     /* 1 + a baseline maker's index: that maker's sales
                             * (LfProjection.maker_sales) instead of the series,
                             * named and coloured as the maker (legend and read-out
                             * may then be NULL); 0: the series */
} LfLayerSpec;

typedef struct {
  const char        *name;        /* for the command line and file names: "share" */
  const char        *title;       /* N_() */
  const char        *subtitle;    /* N_() for an export; NULL: the scenario's name */
  const char        *source;      /* N_(): an export's source note */

  /* A time-series chart ... */
  guint              n_panels;
  const LfPanelSpec *panels;
  guint              n_layers;
  const LfLayerSpec *layers;
  const char        *empty_note;  /* N_(): said over an empty stack; NULL: nothing */

  /* ... or a drawing of its own (map, tornado, backtest): no time axis. */
  void             (*draw)     (LfDraw            *d);

  /* The accessible text (lf-chart-describe.c and the special drawings). */
  char            *(*describe) (const LfChartData *data);
} LfChartSpec;

const LfChartSpec *lf_chart_kind_get_spec (LfChartKind kind);

static inline gboolean
lf_chart_spec_has_time_axis (const LfChartSpec *spec)
{
  return spec->draw == NULL;
}

G_END_DECLS
