/* fuzz-common.c: the checks every fuzz target makes (see fuzz-common.h). */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "lf-projection.h"

static LfBaseline *baseline;
static LfBaseline  baseline_picture;     /* a byte copy of *baseline after loading */
static LfRange     range_picture[LF_N_PARAMS];
static LfScenario *default_picture;      /* lf_scenario_new (baseline) after loading */

void
fuzz_fail (const char *file, int line, const char *cond, const char *format, ...)
{
  va_list args;

  fprintf (stderr, "\nfuzz check failed at %s:%d: %s\n  ", file, line, cond);
  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  fflush (stderr);
  abort ();
}

void
fuzz_init (void)
{
  g_autoptr(GError) error = NULL;

  if (baseline != NULL)
    return;
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_unsetenv ("LANDFALL_BASELINE");
  baseline = lf_baseline_load_default (&error);
  if (baseline == NULL)
    fuzz_fail (__FILE__, __LINE__, "baseline != NULL", "the built-in baseline does not load: %s",
               error ? error->message : "(no error)");
  baseline_picture = *baseline;
  for (int i = 0; i < LF_N_PARAMS; i++)
    {
      const LfRange *r = lf_baseline_get_range (baseline, lf_param_info (i)->key);
      FUZZ_CHECK (r != NULL, "built-in baseline: no range for %s", lf_param_info (i)->key);
      range_picture[i] = *r;
    }
  default_picture = lf_scenario_new (baseline);
}

const LfBaseline *
fuzz_baseline (void)
{
  fuzz_init ();
  return baseline;
}

void
fuzz_check_baseline_unchanged (void)
{
  g_autoptr(LfScenario) fresh = NULL;

  FUZZ_CHECK (memcmp (baseline, &baseline_picture, sizeof *baseline) == 0,
              "the built-in baseline changed");
  for (int i = 0; i < LF_N_PARAMS; i++)
    {
      const LfRange *r = lf_baseline_get_range (baseline, lf_param_info (i)->key);
      FUZZ_CHECK (r != NULL && memcmp (r, &range_picture[i], sizeof *r) == 0,
                  "the built-in baseline's range of %s changed", lf_param_info (i)->key);
    }
  fresh = lf_scenario_new (baseline);
  FUZZ_CHECK (lf_scenario_equal (fresh, default_picture),
              "the built-in baseline gives another default scenario");
}

void
fuzz_check_outcome (const char *what, gboolean ok, const GError *error)
{
  if (ok)
    {
      FUZZ_CHECK (error == NULL, "%s succeeded but set an error: %s", what, error->message);
      return;
    }
  FUZZ_CHECK (error != NULL, "%s failed without an error", what);
  FUZZ_CHECK (error->message != NULL && error->message[0] != '\0',
              "%s failed with an empty message", what);
  FUZZ_CHECK (strchr (error->message, '\n') == NULL,
              "%s: the error is more than one line: \"%s\"", what, error->message);
}

void
fuzz_check_scenario (const LfScenario *s)
{
  const LfBaseline *b = s->baseline;
  g_autoptr(GError) error = NULL;

  /* Text that is not UTF-8 would poison the saved file, the JSON output and the PNG. */
  FUZZ_CHECK (s->name != NULL && g_utf8_validate (s->name, -1, NULL),
              "the scenario's name is not UTF-8");
  FUZZ_CHECK (s->description != NULL && g_utf8_validate (s->description, -1, NULL),
              "the scenario's description is not UTF-8");
  FUZZ_CHECK (s->n_plants >= 0 && s->n_plants <= LF_MAX_PLANTS, "%d plants", s->n_plants);
  for (int i = 0; i < s->n_plants; i++)
    {
      const LfPlant *p = &s->plants[i];

      FUZZ_CHECK (lf_id_is_valid (p->id, -1), "plant %d has the id '%s'", i, p->id);
      FUZZ_CHECK (p->maker >= -1 && p->maker < b->n_makers, "plant.%s: maker %d", p->id, p->maker);
      FUZZ_CHECK (p->site >= -1 && p->site < b->n_sites, "plant.%s: site %d", p->id, p->site);
      for (int j = 0; j < i; j++)
        FUZZ_CHECK (strcmp (s->plants[j].id, p->id) != 0,
                    "two plants have the id '%s' (plants %d and %d)", p->id, j, i);
    }
  FUZZ_CHECK (lf_scenario_validate (s, &error), "an accepted scenario does not validate: %s",
              error->message);
}

void
fuzz_check_round_trip (const LfScenario *s)
{
  g_autofree char *json = lf_scenario_to_json (s);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(LfScenario) back = lf_scenario_load_bytes (s->baseline, bytes, "saved.landfall", &error);

  fuzz_check_outcome ("loading a saved scenario", back != NULL, error);
  FUZZ_CHECK (back != NULL, "the saved scenario does not load back: %s\n%s", error->message, json);
  FUZZ_CHECK (lf_scenario_equal (s, back), "the saved scenario loads back different:\n%s", json);
  FUZZ_CHECK (g_strcmp0 (s->description, back->description) == 0,
              "the saved scenario loads back with another description:\n%s", json);
}

static void
check_finite (const char *what, int index, int year_index, double v)
{
  FUZZ_CHECK (isfinite (v), "projection: %s[%d] in %d is %g", what, index,
              LF_FIRST_YEAR + year_index, v);
}

void
fuzz_check_projection (const LfScenario *s)
{
  LfProjection *p = g_new0 (LfProjection, 1);

  lf_project (s, p);
  FUZZ_CHECK (p->n_plants >= 0 && p->n_plants <= LF_MAX_PLANTS, "projection: %d plants", p->n_plants);
  FUZZ_CHECK (p->n_makers >= 0 && p->n_makers <= LF_MAX_MAKERS, "projection: %d makers", p->n_makers);
  for (int y = 0; y < LF_N_YEARS; y++)
    {
      for (int k = 0; k < LF_N_SERIES; k++)
        check_finite (lf_series_name (k), k, y, p->series[k][y]);
      for (int m = 0; m < p->n_makers; m++)
        check_finite ("maker_sales", m, y, p->maker_sales[m][y]);
      for (int i = 0; i < p->n_plants; i++)
        {
          check_finite ("plant_sales", i, y, p->plant_sales[i][y]);
          check_finite ("plant_capacity", i, y, p->plant_capacity[i][y]);
        }
    }
  g_free (p);
}

void
fuzz_check_accepted (const LfScenario *s)
{
  fuzz_check_scenario (s);
  fuzz_check_round_trip (s);
  fuzz_check_projection (s);
}
