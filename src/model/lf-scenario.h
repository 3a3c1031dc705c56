/* lf-scenario.h: a scenario, the values of the levers (lf-param.h) and the plants.
 *
 * A scenario is plain data: the value of every global parameter from the
 * first year, optional (year, value) steps for policy levers, the plants,
 * and which makers Commerce has authorised under the connected-vehicle rule.
 * Every change goes through lf_scenario_set_*(), which checks it; loading a
 * file applies its assignments to a copy and keeps it only if all succeed.
 */
#pragma once

#include "lf-baseline.h"
#include "lf-param.h"
#include "lf-format.h"

G_BEGIN_DECLS

#define LF_PLANT_ID_MAX            LF_ID_MAX
#define LF_SCENARIO_NAME_MAX       200
#define LF_SCENARIO_DESCRIPTION_MAX 4000

#define LF_SCENARIO_ERROR (lf_scenario_error_quark ())

typedef enum {
  LF_SCENARIO_ERROR_UNKNOWN_KEY,
  LF_SCENARIO_ERROR_INVALID_VALUE,
  LF_SCENARIO_ERROR_OUT_OF_RANGE,
  LF_SCENARIO_ERROR_INVALID_FILE,
  LF_SCENARIO_ERROR_TOO_LARGE,
  LF_SCENARIO_ERROR_TOO_MANY_PLANTS,
  LF_SCENARIO_ERROR_IS_COMPARISON,   /* one scenario was asked for; the file holds a comparison */
} LfScenarioError;

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
  /* maker.<id>.authorised: Commerce has authorised the maker (index into
   * baseline makers) under the connected-vehicle rule. FALSE by default. */
  gboolean authorised[LF_MAX_MAKERS];
};

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
void        lf_scenario_set_description (LfScenario      *scenario,
                                        const char       *description);

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfScenario, lf_scenario_free)

G_END_DECLS

/* Scenario files: every user of a scenario may read and write them. */
#include "lf-scenario-file.h"
