/* fuzz-scenario.c: the scenario loader, lf_scenario_load_bytes().
 *
 * Input: the bytes of a scenario file. A refused file gives one line and
 * leaves the baseline as it was; an accepted one validates, saves and loads
 * back equal, and projects to finite numbers.
 */
#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const LfBaseline *baseline = fuzz_baseline ();
  /* A copy of exactly @size bytes, so reading past the end is caught. */
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfScenario) s = lf_scenario_load_bytes (baseline, bytes, "fuzz.landfall", &error);

  fuzz_check_outcome ("lf_scenario_load_bytes", s != NULL, error);
  if (s != NULL)
    {
      FUZZ_CHECK (s->baseline == baseline, "the loaded scenario has another baseline");
      fuzz_check_accepted (s);
    }
  fuzz_check_baseline_unchanged ();
  return 0;
}
