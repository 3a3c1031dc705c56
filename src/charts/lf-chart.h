/* lf-chart.h: draw a projection onto any cairo_t (widget, PNG, test).
 *
 * cairo and pango only, no GTK: the UI wraps these in widgets, the CLI
 * and the tests export PNGs with no display.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "lf-attribution.h"
#include "lf-projection.h"
#include "lf-validate.h"

G_BEGIN_DECLS

/* The words a chart drew, laid out once and kept for its next drawing
 * (lf-chart-common.c). */
typedef struct _LfTextCache LfTextCache;

LfTextCache *lf_text_cache_new  (void);
void         lf_text_cache_free (LfTextCache *cache);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfTextCache, lf_text_cache_free)

typedef enum {
  LF_CHART_SHARE,    /* Chinese-brand share of US EV sales, % */
  LF_CHART_ORIGIN,   /* Chinese-brand EV sales stacked by where built */
  LF_CHART_FORD,     /* Ford EV units and EBIT vs the no-entry counterfactual */
  LF_CHART_MAP,      /* plants on a map of North America */
  LF_CHART_TORNADO,  /* which levers move a result most (bars from LfChartData.tornado) */
  LF_CHART_VALIDATION, /* the backtest: observed against modelled shares abroad (LfChartData.validation) */
  LF_CHART_ATTRIBUTION, /* where the change from current policy came from (LfChartData.attribution) */
  LF_CHART_FORD_IMPACT,   /* what entry does to Ford: units, EBIT, partner income and the net, against no entry */
  LF_CHART_PRICE,         /* average US EV price */
  LF_CHART_TARIFF_REVENUE, /* duty collected on entrants' cars */
  LF_CHART_JOBS,          /* jobs at entrants' North American plants */
  LF_CHART_MARKET,        /* the size of the US EV market, Chinese brands' part in it */
  LF_CHART_MAKERS,        /* Chinese-brand EV sales stacked by maker */
  LF_N_CHARTS
} LfChartKind;

/* The time-series charts and the map, drawn together in the main view; the
 * tornado has a view of its own, the backtest is exported only. */
#define LF_N_MAIN_CHARTS (LF_CHART_MAP + 1)

/* How large an export's words and lines are against its size: a
 * presentation draws the same chart at a smaller size and scales it up, so
 * text and lines read from the back of a room. */
typedef enum {
  LF_TEXT_SIZE_NORMAL,
  LF_TEXT_SIZE_PRESENTATION,
  LF_N_TEXT_SIZES
} LfTextSize;

#define LF_CHART_PRESENTATION_ZOOM 1.6

#define LF_CHART_DEFAULT_EXPORT_WIDTH  1600
#define LF_CHART_DEFAULT_EXPORT_HEIGHT 900

/* The year the map shows, unless a hover year is set: the headline year of
 * the summary cards and the tornado. */
#define LF_CHART_MAP_DEFAULT_YEAR 2030

/* One scenario of a comparison (see LfChartData.runs). */
typedef struct {
  const char         *name;
  const LfScenario   *scenario;
  const LfProjection *projection;
  const LfBands      *bands;       /* nullable */
} LfChartRun;

typedef struct {
  const LfProjection *projection;  /* the scenario's run */
  const LfProjection *baseline;    /* nullable: current policy, overlaid on the share chart */
  const LfBands      *bands;       /* nullable: Monte Carlo p10–p90 */
  const LfScenario   *scenario;    /* nullable: plants, name and policy steps */
  gboolean            dark;
  int                 hover_year;  /* a year in LF_FIRST_YEAR…LF_LAST_YEAR, or -1 */
  int                 selected_plant; /* index into scenario->plants, or -1 */
  int                 hover_plant;    /* the map: the plant under the pointer, or -1 */
  /* The map: a note for a plant's read-out, why it builds nothing (or
   * NULL for none), by index into scenario->plants: the read-out says
   * "Builds nothing in 2030: NOTE" (the window's are lf-notes.h reasons). */
  const char         *plant_note[LF_MAX_PLANTS];
  gboolean            marked_years[LF_N_YEARS]; /* a policy lever changes from that year */
  const LfTornadoBar *tornado;     /* nullable: for LF_CHART_TORNADO, from lf_tornado() */
  int                 n_tornado;
  LfSeries            tornado_series;
  int                 tornado_year;
  const LfValidation *validation;  /* nullable: for LF_CHART_VALIDATION, from lf_validation_load_default() */
  const LfAttribution *attribution; /* nullable: for LF_CHART_ATTRIBUTION, from lf_attribute() */

  /* A comparison: with more than one run (or a difference), the scenario's
   * own lines are drawn for each run in its colour and line style, the
   * edited run emphasised; everything else (bands, stacks, bars, the
   * no-entry lines) is the edited run's, which must be the one above. */
  const LfChartRun   *runs;        /* nullable */
  int                 n_runs;      /* 0 … LF_COMPARISON_MAX */
  int                 edited_run;
  gboolean            all_bands;   /* every run's band, not only the edited one's */
  int                 difference_from; /* a run: draw each run's lines as differences from it; -1: none */

  /* nullable: the words a chart drew before, laid out (a chart in the
   * window keeps one; an export, made once, has none) */
  LfTextCache        *text_cache;
} LfChartData;

void         lf_chart_data_init          (LfChartData        *data,
                                          const LfScenario   *scenario,
                                          const LfProjection *projection,
                                          const LfProjection *baseline,
                                          const LfBands      *bands);

LfChartKind  lf_chart_kind_from_string   (const char         *name);
const char  *lf_chart_kind_to_string     (LfChartKind         kind);
const char  *lf_chart_kind_get_title     (LfChartKind         kind);
gboolean     lf_chart_kind_has_time_axis (LfChartKind         kind);

/* A time-series chart's parts, drawn in this order (lf_chart_parts_draw()):
 * a window keeps the parts whose drawing did not change (their keys are
 * equal) and draws again only the data, whose bounds are the panels. */
typedef enum {
  LF_CHART_PART_AXES,     /* grid, ticks and their labels, the axes' titles */
  LF_CHART_PART_DATA,     /* inside the panels: areas, bars, where the projection starts, lines */
  LF_CHART_PART_LEGEND,
  LF_CHART_PART_READOUT,  /* the hovered year's read-out, over all */
  LF_N_CHART_PARTS
} LfChartPart;

typedef struct _LfChartParts LfChartParts;

LfChartParts *lf_chart_parts_new        (LfChartKind         kind,
                                         const LfChartData  *data,
                                         double              width,
                                         double              height);
void         lf_chart_parts_free         (LfChartParts       *parts);
const char  *lf_chart_parts_get_key      (LfChartParts       *parts,
                                          LfChartPart         part);
void         lf_chart_parts_get_bounds   (LfChartParts       *parts,
                                          LfChartPart         part,
                                          double             *x,
                                          double             *y,
                                          double             *width,
                                          double             *height);
void         lf_chart_parts_draw         (LfChartParts       *parts,
                                          LfChartPart         part,
                                          cairo_t            *cr);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfChartParts, lf_chart_parts_free)

void         lf_chart_draw               (cairo_t            *cr,
                                          LfChartKind         kind,
                                          const LfChartData  *data,
                                          double              width,
                                          double              height);
int          lf_chart_year_at            (LfChartKind         kind,
                                          double              width,
                                          double              height,
                                          double              x);
double       lf_chart_x_for_year         (LfChartKind         kind,
                                          double              width,
                                          double              height,
                                          int                 year);
double       lf_chart_y_for_value        (LfChartKind         kind,
                                          const LfChartData  *data,
                                          double              width,
                                          double              height,
                                          LfSeries            series,
                                          double              value);
int          lf_chart_map_hit_test       (const LfChartData  *data,
                                          double              width,
                                          double              height,
                                          double              x,
                                          double              y);
int          lf_chart_map_year           (const LfChartData  *data);
gboolean     lf_chart_map_plant_builds   (const LfChartData  *data,
                                          int                 plant);
char        *lf_chart_describe           (LfChartKind         kind,
                                          const LfChartData  *data);
char        *lf_chart_format_result      (LfSeries            series,
                                          double              value);
char        *lf_chart_format_change      (LfSeries            series,
                                          double              change,
                                          int                 decimals);
gboolean     lf_chart_export_png         (const char         *path,
                                          LfChartKind         kind,
                                          const LfChartData  *data,
                                          int                 width,
                                          int                 height,
                                          double              scale,
                                          GError            **error);
gboolean     lf_chart_export_png_sized   (const char         *path,
                                          LfChartKind         kind,
                                          const LfChartData  *data,
                                          int                 width,
                                          int                 height,
                                          double              scale,
                                          LfTextSize          text_size,
                                          GError            **error);
LfTextSize   lf_text_size_from_string    (const char         *name);
const char  *lf_text_size_to_string      (LfTextSize          size);

G_END_DECLS
