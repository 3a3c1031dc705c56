/* fuzz-set.c: the --set parser, lf_scenario_apply().
 *
 * Input: up to MAX_ASSIGNMENTS command-line arguments separated by NUL bytes
 * (an argument itself never holds one), applied in order to the default
 * scenario as `landfall --set A --set B …` does. Each refused assignment
 * gives one line and changes nothing; at the end, a scenario that validates
 * saves and loads back equal and projects to finite numbers.
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"

#define MAX_ASSIGNMENTS 64

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
apply_one (LfScenario *s, const char *assignment)
{
  g_autoptr(LfScenario) before = lf_scenario_copy (s);
  g_autoptr(GError) error = NULL;
  gboolean ok = lf_scenario_apply (s, assignment, &error);

  fuzz_check_outcome ("lf_scenario_apply", ok, error);
  if (!ok)
    {
      FUZZ_CHECK (lf_scenario_equal (s, before) &&
                  g_strcmp0 (s->description, before->description) == 0 &&
                  memcmp (s->plants, before->plants, s->n_plants * sizeof s->plants[0]) == 0,
                  "refused '%s' (%s) but changed the scenario", assignment, error->message);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(LfScenario) s = lf_scenario_new (fuzz_baseline ());
  g_autoptr(GError) error = NULL;
  const char *p = (const char *) data, *end = p + size;
  gboolean valid;

  for (int n = 0; n < MAX_ASSIGNMENTS && p <= end; n++)
    {
      const char *nul = memchr (p, '\0', end - p);
      const char *stop = nul ? nul : end;
      g_autofree char *assignment = g_strndup (p, stop - p);

      apply_one (s, assignment);
      p = stop + 1;
    }

  valid = lf_scenario_validate (s, &error);
  fuzz_check_outcome ("lf_scenario_validate", valid, error);
  if (valid)
    fuzz_check_accepted (s);
  fuzz_check_baseline_unchanged ();
  return 0;
}
