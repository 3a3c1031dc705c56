/* lf-validate.h: the backtest. Markets that let Chinese brands in, what
 * share those brands took there by year, and what the US projection's
 * behavioural parameters say they should have taken, from each market's
 * own inputs (data/validation.json).
 *
 * The model is the US model's functional form (docs/model.md 2.3, 2.4, 2.7,
 * 2.8) reduced to one tier and one nest; docs/validation.md writes out every
 * simplification. No parameter is set per market.
 *
 * GLib + json-glib only.
 */
#pragma once

#include "lf-baseline.h"

G_BEGIN_DECLS

#define LF_VALIDATION_RESOURCE "/io/github/landfall/Landfall/data/validation.json"
#define LF_VALIDATION_MAX_FILE_SIZE (1024 * 1024)

/* Years a market's inputs may cover. */
#define LF_VALIDATION_FIRST_YEAR 2005
#define LF_VALIDATION_LAST_YEAR  2030
#define LF_VALIDATION_N_YEARS    (LF_VALIDATION_LAST_YEAR - LF_VALIDATION_FIRST_YEAR + 1)

#define LF_VALIDATION_MAX_MARKETS 12
#define LF_VALIDATION_MAX_POINTS  LF_VALIDATION_N_YEARS

/* What an observed share is a share of. */
typedef enum {
  LF_VALIDATION_BASE_ALL,   /* all new cars (passenger cars, or cars and light commercials as defined) */
  LF_VALIDATION_BASE_EV,    /* battery-EV sales */
} LfValidationBase;

/* The behavioural parameters the backtest runs on, and the Chinese brands
 * as one brand, aggregated from the baseline's makers (lf_validation_params_from_baseline). */
typedef struct {
  double acceptance_speed;    /* k, behaviour.acceptance_speed */
  double consideration_cap;   /* Amax, behaviour.consideration_cap */
  double choice_price_coef;   /* β, behaviour.choice_price_coef */
  double pass_through;        /* π, behaviour.pass_through */
  double customs_value_factor;/* v_c, trade.customs_value_factor */
  double appeal;              /* Σ over makers of appeal, averaged over tiers with the 2025 tier shares */
  double price_factor;        /* appeal-weighted mean of the makers' price factors (pre-tariff price / local price) */
  double margin;              /* appeal-weighted mean of the makers' markups over cost */
} LfValidationParams;

typedef struct {
  int     year;
  double  observed_pct;       /* Chinese-brand share of the market's base, % */
  char   *source;
  char   *note;               /* nullable: how this year's figure differs from the market's definition */
  double  model_pct;          /* with the US projection's parameters */
  double  fitted_pct;         /* with the fitted parameters */
} LfValidationPoint;

typedef struct {
  char            *id;        /* "norway" */
  char            *name;      /* "Norway" */
  LfValidationBase base;
  char            *definition;         /* what is counted, in words */
  char            *definition_source;
  gboolean         ev_only;            /* the Chinese brands sold (almost) only EVs there */
  char            *ev_only_source;
  int              arrival_year;       /* first year Chinese brands sold there */
  char            *arrival_source;
  double           price_gap;          /* Chinese price / comparable local price − 1, or NAN: use the baseline's price factor */
  double           price_gap_tariff_pct; /* the tariff in force when the gap was observed */
  char            *price_gap_source;
  int              first_year, last_year;  /* the years of the yearly inputs */
  double           market_size[LF_VALIDATION_N_YEARS];   /* new cars a year, NAN where not given */
  double           tariff_pct[LF_VALIDATION_N_YEARS];    /* on China-built cars, % */
  double           ev_share[LF_VALIDATION_N_YEARS];      /* battery-EV share of new cars, fraction, NAN where not given */
  char            *market_size_source;
  char            *tariff_source;
  char            *ev_share_source;
  int              n_points;
  LfValidationPoint points[LF_VALIDATION_MAX_POINTS];
  /* Error over the observed points, in percentage points. */
  double           mae, bias, fitted_mae, fitted_bias;
} LfValidationMarket;

typedef struct {
  LfValidationParams params;      /* the US projection's, from the baseline */
  LfValidationParams fitted;      /* params with acceptance_speed and consideration_cap fitted */
  double             sse, fitted_sse;     /* sum of squared errors, points² */
  double             mae, bias, fitted_mae, fitted_bias;
  int                n_points;
  int                n_markets;
  LfValidationMarket markets[LF_VALIDATION_MAX_MARKETS];
} LfValidation;

/* Bounds of the fit. */
#define LF_VALIDATION_FIT_SPEED_MIN 0.02
#define LF_VALIDATION_FIT_SPEED_MAX 3.0
#define LF_VALIDATION_FIT_CAP_MIN   0.02
#define LF_VALIDATION_FIT_CAP_MAX   1.0

void          lf_validation_params_from_baseline (const LfBaseline        *baseline,
                                                  LfValidationParams      *params);
LfValidation *lf_validation_load_default (const LfBaseline *baseline,
                                          GError          **error);
LfValidation *lf_validation_load_bytes   (const LfBaseline *baseline,
                                          GBytes           *bytes,
                                          const char       *display_name,
                                          GError          **error);
void          lf_validation_free         (LfValidation     *validation);

double        lf_validation_relative_price (const LfValidationParams *params,
                                            const LfValidationMarket *market,
                                            int                       year);
double        lf_validation_share_pct    (const LfValidationParams *params,
                                          const LfValidationMarket *market,
                                          int                       year);
void          lf_validation_evaluate     (LfValidation     *validation);
void          lf_validation_fit          (LfValidation     *validation);
char         *lf_validation_to_csv       (const LfValidation *validation);
const char   *lf_validation_base_name    (LfValidationBase  base);

static inline int
lf_validation_year_index (int year)
{
  return year - LF_VALIDATION_FIRST_YEAR;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfValidation, lf_validation_free)

G_END_DECLS
