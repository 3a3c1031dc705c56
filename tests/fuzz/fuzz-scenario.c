/* fuzz-scenario.c: the scenario loaders, lf_scenario_load_bytes() and
 * lf_comparison_file_load_bytes().
 *
 * Input: the bytes of a scenario or comparison file. A refused file gives
 * one line and leaves the baseline as it was; an accepted one validates,
 * saves and loads back equal, and projects to finite numbers. A file either
 * loader takes as one scenario, both take alike.
 */
#include "config.h"

#include <string.h>

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
  {
    g_autoptr(GError) c_error = NULL;
    g_autoptr(LfComparisonFile) c = lf_comparison_file_load_bytes (baseline, bytes, "fuzz.landfall", &c_error);

    fuzz_check_outcome ("lf_comparison_file_load_bytes", c != NULL, c_error);
    /* A scenario file is a comparison of one, the same scenario. */
    if (s != NULL)
      FUZZ_CHECK (c != NULL && c->n == 1 && lf_scenario_equal (c->scenarios[0], s),
                  "a scenario file did not load as a comparison of itself");
    if (c != NULL)
      {
        g_autofree char *text = lf_comparison_file_to_json (c);
        g_autoptr(GBytes) saved = g_bytes_new (text, strlen (text));
        g_autoptr(GError) back_error = NULL;
        g_autoptr(LfComparisonFile) back = lf_comparison_file_load_bytes (baseline, saved, "saved.landfall",
                                                                          &back_error);

        FUZZ_CHECK (c->n >= 1 && c->n <= LF_COMPARISON_MAX, "a comparison of %d scenarios", c->n);
        FUZZ_CHECK (back != NULL, "a saved comparison does not load back: %s",
                    back_error ? back_error->message : "");
        FUZZ_CHECK (back->n == c->n && back->edited == c->edited && back->reference == c->reference,
                    "a comparison loads back with other indices");
        for (int i = 0; i < c->n; i++)
          {
            FUZZ_CHECK (lf_scenario_equal (back->scenarios[i], c->scenarios[i]),
                        "scenario %d of a comparison loads back changed", i);
            fuzz_check_accepted (c->scenarios[i]);
          }
      }
  }
  fuzz_check_baseline_unchanged ();
  return 0;
}
