/* lf-param.h: the registry of the model's levers (global parameters).
 *
 * One entry per parameter: its key in files and on the command line, its
 * unit, its range, whether it may change by year, whether Monte Carlo draws
 * it, what it means, and how a control shows it (step, decimals, unit). The
 * controls read all of it from here: nothing about a lever is written twice.
 * Defaults are not here: they live, with their
 * sources, in data/baseline.json (lf_baseline_get_range()).
 *
 * GLib only (GObject for the enum type, so that .ui files can name a
 * parameter by its key).
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  LF_PARAM_TARIFF_CHINA,
  LF_PARAM_TARIFF_MEXICO,
  LF_PARAM_TARIFF_CANADA,
  LF_PARAM_RULE_CONNECTED_VEHICLE,
  LF_PARAM_QUOTA_CHINA,
  LF_PARAM_CREDIT_EV_USD,
  LF_PARAM_CREDIT_EXCLUDE_CHINESE,
  LF_PARAM_FORD_PARTNERSHIP,
  LF_PARAM_FORD_PARTNER_FEE_USD,
  LF_PARAM_EXPANSION_YEARS,
  LF_PARAM_EV_PATH,
  LF_PARAM_FORD_CASE,
  LF_PARAM_PRICE_ELASTICITY,
  LF_PARAM_CHOICE_PRICE_COEF,
  LF_PARAM_ACCEPTANCE_SPEED,
  LF_PARAM_CONSIDERATION_CAP,
  LF_PARAM_PASS_THROUGH,
  LF_PARAM_INCUMBENT_RESPONSE,
  LF_N_PARAMS
} LfParam;

/* The first and last behavioural parameter: the ones Monte Carlo draws. */
#define LF_PARAM_FIRST_BEHAVIOUR LF_PARAM_PRICE_ELASTICITY
#define LF_PARAM_LAST_BEHAVIOUR  LF_PARAM_INCUMBENT_RESPONSE

/* Rule modes of rule.connected_vehicle */
#define LF_RULE_OFF          0
#define LF_RULE_AS_PUBLISHED 1
#define LF_RULE_US_WAIVER    2

typedef enum {
  LF_PARAM_FLAG_SCHEDULE   = 1 << 0,  /* a policy lever: may change in a later year */
  LF_PARAM_FLAG_INTEGER    = 1 << 1,
  LF_PARAM_FLAG_UNLIMITED  = 1 << 2,  /* accepts "unlimited" (stored as +inf) */
  LF_PARAM_FLAG_BEHAVIOUR  = 1 << 3,  /* drawn by Monte Carlo */
  LF_PARAM_FLAG_CHOICE     = 1 << 4,  /* one of the names in choices: stored as its index */
} LfParamFlags;

typedef struct {
  const char  *key;
  const char  *unit;
  double       min;
  double       max;
  LfParamFlags flags;
  const char  *description;   /* untranslated; pass through gettext to show */
  const char  *label;         /* short name for controls and charts, untranslated */
  const char *const *choices; /* LF_PARAM_FLAG_CHOICE: the names, NULL-terminated; index = value */
  /* How a control shows the value: */
  double       step;          /* one arrow-key step, in shown units (a page is ten) */
  int          digits;        /* decimals shown */
  gboolean     percent;       /* a fraction shown as a percentage (shown = value x 100) */
  const char  *shown_unit;    /* beside the number; untranslated, NULL for none */
  double       slider_max;    /* where a slider ends when below max, in shown units
                               * (0: at max); the exact entry takes the whole range */
  const char *const *choice_labels; /* a mode or choice lever: what people read for each
                                     * value (index = value), untranslated; else NULL */
  /* For people who meet the lever for the first time, untranslated: */
  const char  *tip;           /* one short plain sentence: the control's tooltip */
  const char  *about;         /* what it means, in plain words: the start of its
                               * information popover (range, default and source follow) */
} LfParamInfo;

/* Paths of US battery-EV adoption without entrants (market.ev_path). */
typedef enum {
  LF_EV_PATH_LOW,
  LF_EV_PATH_CENTRAL,
  LF_EV_PATH_HIGH,
  LF_N_EV_PATHS
} LfEvPath;

/* Ford Model e's cost outlook (ford.ev_case): its guidance, or a downside. */
typedef enum {
  LF_FORD_CASE_GUIDANCE,
  LF_FORD_CASE_DOWNSIDE,
  LF_N_FORD_CASES
} LfFordCase;

#define LF_TYPE_PARAM (lf_param_get_type ())

GType              lf_param_get_type   (void) G_GNUC_CONST;
const LfParamInfo *lf_param_info       (LfParam param);
int                lf_param_lookup     (const char *key);
int                lf_param_choice     (const LfParamInfo *info,
                                        const char        *name);

/* Plant plants.capacity defaults etc. */
#define LF_PLANT_PARAM_MIN_CAPACITY 0.0
#define LF_PLANT_PARAM_MAX_CAPACITY 2000000.0
#define LF_PLANT_DEFAULT_CAPACITY   150000.0

G_END_DECLS
