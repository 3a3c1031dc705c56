/* lf-projection.h: run the model over 2025–2035, once or as Monte Carlo draws. */
#pragma once

#include <gio/gio.h>
#include "lf-scenario.h"

G_BEGIN_DECLS

typedef struct {
  double series[LF_N_SERIES][LF_N_YEARS];
  double maker_sales[LF_MAX_MAKERS][LF_N_YEARS];    /* by baseline maker index */
  double plant_sales[LF_MAX_PLANTS][LF_N_YEARS];    /* by scenario plant index */
  double plant_capacity[LF_MAX_PLANTS][LF_N_YEARS]; /* effective (ramped, allowed) capacity */
  int    n_plants;
  int    n_makers;
} LfProjection;

/* Percentile bands over Monte Carlo draws. */
typedef struct {
  int    n_draws;
  guint  seed;
  double p10[LF_N_SERIES][LF_N_YEARS];
  double p50[LF_N_SERIES][LF_N_YEARS];
  double p90[LF_N_SERIES][LF_N_YEARS];
} LfBands;

#define LF_MAX_DRAWS 100000

/* One lever of a tornado: its low and high value and the result at each. */
typedef struct {
  LfParam param;
  double  value[2];
  double  result[2];
  double  span;       /* from the lowest to the highest of the two results and the scenario's own */
} LfTornadoBar;

#define LF_TORNADO_MAX 16

void     lf_project            (const LfScenario *scenario,
                                LfProjection     *out);
gboolean lf_monte_carlo        (const LfScenario *scenario,
                                int               n_draws,
                                guint             seed,
                                LfBands          *out,
                                GCancellable     *cancellable);
int      lf_tornado            (const LfScenario *scenario,
                                LfSeries          series,
                                int               year,
                                LfTornadoBar     *bars);

static inline double
lf_projection_get (const LfProjection *p, LfSeries s, int year)
{
  return p->series[s][lf_year_index (year)];
}

G_END_DECLS
