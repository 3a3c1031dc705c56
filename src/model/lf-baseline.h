/* lf-baseline.h: the sourced baseline data, loaded from data/baseline.json.
 *
 * The file is embedded as a GResource so the program runs with no files
 * installed; an analyst may point at another copy with a path.
 */
#pragma once

#include "lf-param.h"
#include "lf-types.h"

G_BEGIN_DECLS

#define LF_BASELINE_RESOURCE "/io/github/landfall/Landfall/data/baseline.json"

/* A baseline is about 20 KB; an edited copy may grow, a runaway file may not. */
#define LF_BASELINE_MAX_FILE_SIZE (1024 * 1024)

typedef struct {
  char   *id;                      /* "byd" */
  char   *name;                    /* "BYD" */
  double  appeal[LF_N_TIERS];      /* weight against all incumbents at equal price, full acceptance */
  double  unit_cost;               /* unit cost, relative to the incumbents' for a comparable car */
  double  margin;                  /* the maker's markup over its unit cost */
  double  price_factor;            /* derived: US price before tariff relative to the tier's incumbent price,
                                      if China-built: unit_cost × (1 + margin) / (1 + incumbent markup) */
  gboolean chinese_controlled;     /* subject to the connected-vehicle rule */
} LfMaker;

typedef struct {
  char    *id;                     /* "mx-nuevo-leon" */
  char    *name;                   /* "Monterrey, Nuevo León" */
  LfOrigin origin;
  double   lat, lon;
  double   cost_factor;            /* price relative to a China-built car, before tariff */
  int      earliest_year;          /* first year a new plant here can produce */
  double   ramp[3];                /* share of capacity in years 0, 1, 2+ */
  gboolean ford_owned;             /* a Ford plant: hosts a partner under ford.partnership */
  double   jobs_per_unit;          /* direct jobs per vehicle a year of output (0 outside North America) */
} LfSite;

typedef struct {
  char  *id;
  char  *maker;
  char  *site;
  double capacity;
  int    start_year;
} LfPlantSpec;

typedef struct {
  double low, central, high;
} LfRange;

typedef struct _LfBaseline LfBaseline;

struct _LfBaseline {
  /* US market */
  double lv_sales[LF_N_YEARS];
  double ev_path[LF_N_EV_PATHS][LF_N_YEARS];    /* fraction: low, central, high */
  double tier_share[LF_N_TIERS][LF_N_YEARS];    /* fraction of EV sales, no entry */
  double tier_price[LF_N_TIERS];                /* USD, incumbent transaction price */
  double nest_lambda;                           /* how much tier sizes respond to their logsum */
  double max_ev_share;
  double consideration_trend[LF_N_YEARS];       /* multiple of the consideration cap, by year */
  double construction_jobs_per_unit;            /* jobs a year per vehicle/year of capacity, two years before a plant's start */

  /* Ford */
  double ford_share[LF_N_TIERS][LF_N_YEARS];    /* of tier sales, no entry */
  double ford_margin[LF_N_FORD_CASES][LF_N_YEARS];      /* USD/unit contribution at the 2025 volume */
  double ford_scale_gain;                       /* USD/unit per doubling of volume */
  double ford_fixed_cost[LF_N_FORD_CASES][LF_N_YEARS];  /* USD millions; 2025 calibrated */
  double ford_volume_ref;                       /* units: 2025 actual */

  /* Calibration actuals (2025) */
  double actual_ev_sales_2025;
  double actual_ford_ev_2025;
  double actual_ford_ebit_2025;                 /* USD millions */
  double actual_avg_ev_price_2025;

  /* Trade */
  double customs_value_factor;                  /* customs value as fraction of US price before tariff */
  double incumbent_markup;                      /* incumbents' price over unit cost, minus 1 */
  double credit_pass_through;                   /* share of a credit that reaches the buyer */

  /* Uncertainty the Monte Carlo draws beyond the parameters (multipliers, central 1) */
  LfRange entrant_cost;                         /* entrants' costs and so prices */
  LfRange entrant_appeal;                       /* entrants' appeal */

  int       n_makers;
  LfMaker   makers[LF_MAX_MAKERS];
  int       n_sites;
  LfSite    sites[LF_MAX_SITES];
  int       n_plants;
  LfPlantSpec plants[LF_MAX_PLANTS];            /* the baseline's plants */

  /* Default and uncertainty range of each behavioural parameter, by key. */
  GHashTable *param_defaults;                   /* key → LfRange* (central is the default) */
  GHashTable *param_sources;                    /* key → where the default comes from */
};

void          lf_baseline_preload_default (void);
LfBaseline   *lf_baseline_load_default   (GError     **error);
LfBaseline   *lf_baseline_load_file      (const char  *path,
                                          GError     **error);
LfBaseline   *lf_baseline_load_bytes     (GBytes      *bytes,
                                          const char  *display_name,
                                          GError     **error);
LfBaseline   *lf_baseline_ref            (LfBaseline  *baseline);
void          lf_baseline_unref          (LfBaseline  *baseline);
int           lf_baseline_find_maker     (const LfBaseline *baseline,
                                          const char       *id);
int           lf_baseline_find_site      (const LfBaseline *baseline,
                                          const char       *id);
const LfRange *lf_baseline_get_range     (const LfBaseline *baseline,
                                          const char       *key);
const char   *lf_baseline_get_source     (const LfBaseline *baseline,
                                          const char       *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfBaseline, lf_baseline_unref)

G_END_DECLS
