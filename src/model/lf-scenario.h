/* lf-scenario.h: the levers of the model, and a scenario (their values).
 *
 * A scenario is plain data: the value of every global parameter from the
 * first year, optional (year, value) steps for policy levers, and the plants.
 * Every change goes through lf_scenario_set_*(), which checks it; loading a
 * file applies its assignments to a copy and keeps it only if all succeed.
 */
#pragma once

#include "lf-baseline.h"

G_BEGIN_DECLS

#define LF_SCENARIO_FORMAT_VERSION 1
#define LF_SCENARIO_MAX_FILE_SIZE  (256 * 1024)
#define LF_PLANT_ID_MAX            LF_ID_MAX
#define LF_SCENARIO_NAME_MAX       200

#define LF_SCENARIO_ERROR (lf_scenario_error_quark ())

typedef enum {
  LF_SCENARIO_ERROR_UNKNOWN_KEY,
  LF_SCENARIO_ERROR_INVALID_VALUE,
  LF_SCENARIO_ERROR_OUT_OF_RANGE,
  LF_SCENARIO_ERROR_INVALID_FILE,
  LF_SCENARIO_ERROR_TOO_LARGE,
  LF_SCENARIO_ERROR_TOO_MANY_PLANTS,
} LfScenarioError;

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
} LfParamFlags;

typedef struct {
  const char  *key;
  const char  *unit;
  double       min;
  double       max;
  LfParamFlags flags;
  const char  *description;   /* untranslated; pass through gettext to show */
  const char  *label;         /* short name for controls and charts, untranslated */
} LfParamInfo;

const LfParamInfo *lf_param_info       (LfParam param);
int                lf_param_lookup     (const char *key);

typedef struct {
  char   id[LF_PLANT_ID_MAX + 1];
  int    maker;        /* index into baseline makers, -1 until given */
  int    site;         /* index into baseline sites, -1 until given */
  double capacity;     /* vehicles/year at full ramp */
  int    start_year;   /* 0: as early as the site allows */
} LfPlant;

typedef struct _LfScenario LfScenario;

struct _LfScenario {
  const LfBaseline *baseline;       /* not owned: must outlive the scenario */
  char    *name;
  char    *description;
  double   value[LF_N_PARAMS];                 /* from LF_FIRST_YEAR */
  gboolean has_step[LF_N_PARAMS][LF_N_YEARS];  /* a new value from that year on */
  double   step[LF_N_PARAMS][LF_N_YEARS];
  int      n_plants;
  LfPlant  plants[LF_MAX_PLANTS];
};

/* Plant plants.capacity defaults etc. */
#define LF_PLANT_PARAM_MIN_CAPACITY 0.0
#define LF_PLANT_PARAM_MAX_CAPACITY 2000000.0
#define LF_PLANT_DEFAULT_CAPACITY   150000.0

GQuark      lf_scenario_error_quark    (void);
LfScenario *lf_scenario_new            (const LfBaseline *baseline);
LfScenario *lf_scenario_copy           (const LfScenario *scenario);
void        lf_scenario_free           (LfScenario       *scenario);
void        lf_scenario_assign         (LfScenario       *dest,
                                        const LfScenario *src);
gboolean    lf_scenario_equal          (const LfScenario *a,
                                        const LfScenario *b);
void        lf_scenario_set_name       (LfScenario       *scenario,
                                        const char       *name);

gboolean    lf_scenario_set_number     (LfScenario  *scenario,
                                        const char  *key,
                                        double       value,
                                        GError     **error);
gboolean    lf_scenario_set_string     (LfScenario  *scenario,
                                        const char  *key,
                                        const char  *value,
                                        GError     **error);
gboolean    lf_scenario_apply          (LfScenario  *scenario,
                                        const char  *assignment,
                                        GError     **error);
gboolean    lf_scenario_validate       (const LfScenario *scenario,
                                        GError          **error);

double      lf_scenario_value_at       (const LfScenario *scenario,
                                        LfParam           param,
                                        int               year);
void        lf_scenario_resolve        (const LfScenario *scenario,
                                        LfParam           param,
                                        double            out[LF_N_YEARS]);
void        lf_scenario_clear_steps    (LfScenario       *scenario,
                                        LfParam           param);
int         lf_scenario_find_plant     (const LfScenario *scenario,
                                        const char       *id);
gboolean    lf_scenario_remove_plant   (LfScenario       *scenario,
                                        const char       *id);
int         lf_plant_effective_start   (const LfScenario *scenario,
                                        const LfPlant    *plant);

LfScenario *lf_scenario_load_file      (const LfBaseline *baseline,
                                        const char       *path,
                                        GError          **error);
LfScenario *lf_scenario_load_bytes     (const LfBaseline *baseline,
                                        GBytes           *bytes,
                                        const char       *display_name,
                                        GError          **error);
char       *lf_scenario_to_json        (const LfScenario *scenario);
gboolean    lf_scenario_save_file      (const LfScenario *scenario,
                                        const char       *path,
                                        GError          **error);

char       *lf_format_number           (double value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfScenario, lf_scenario_free)

G_END_DECLS
