/* lf-projection.h: run the model over 2025–2035, once or as Monte Carlo draws. */
#pragma once

#include <gio/gio.h>
#include "lf-scenario.h"

G_BEGIN_DECLS

/* Why a plant supplies nothing in a year (flags; none: it could supply).
 * The projection records them as the model finds them (plant_capacity() and
 * year_sources() in lf-projection.c); lf-notes.c words them. */
typedef enum {
  LF_PLANT_BLOCK_NOT_STARTED    = 1 << 0, /* before its (effective) start, or an actual year */
  LF_PLANT_BLOCK_NO_CAPACITY    = 1 << 1, /* a capacity of 0 */
  LF_PLANT_BLOCK_RULE           = 1 << 2, /* its maker barred by the connected-vehicle rule */
  LF_PLANT_BLOCK_NO_PARTNERSHIP = 1 << 3, /* at a Ford site, the partnership off */
  LF_PLANT_BLOCK_QUOTA_ZERO     = 1 << 4, /* China-built, the quota 0 */
  LF_PLANT_BLOCK_TARIFF         = 1 << 5, /* landed cost above the incumbents' price, only with the duty */
  LF_PLANT_BLOCK_COST           = 1 << 6, /* its cost alone above the incumbents' price */
} LfPlantBlock;

typedef struct {
  double series[LF_N_SERIES][LF_N_YEARS];
  double maker_sales[LF_MAX_MAKERS][LF_N_YEARS];    /* by baseline maker index */
  double plant_sales[LF_MAX_PLANTS][LF_N_YEARS];    /* by scenario plant index */
  double plant_capacity[LF_MAX_PLANTS][LF_N_YEARS]; /* effective (ramped, allowed) capacity */
  guint8 plant_block[LF_MAX_PLANTS][LF_N_YEARS];   /* LfPlantBlock flags, by scenario plant index */
  guint8 quota_binds[LF_N_YEARS];                  /* the China quota changed that year's sales */
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
double   lf_plant_max_tariff   (const LfScenario *scenario,
                                int               plant);
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
