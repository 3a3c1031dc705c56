/* fuzz-baseline.c: the baseline loader, lf_baseline_load_bytes().
 *
 * Input: the bytes of a baseline file. A refused file gives one line; an
 * accepted one holds makers, sites and plants within bounds, with ids and
 * names in UTF-8, and gives a default scenario (lf_scenario_new) that
 * validates, saves and loads back equal, and projects to finite numbers.
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
  /* A copy of exactly @size bytes, so reading past the end is caught. */
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfBaseline) b = NULL;
  g_autoptr(LfScenario) s = NULL;

  b = lf_baseline_load_bytes (bytes, "fuzz-baseline.json", &error);
  fuzz_check_outcome ("lf_baseline_load_bytes", b != NULL, error);
  if (b != NULL)
    {
      FUZZ_CHECK (b->n_makers >= 1 && b->n_makers <= LF_MAX_MAKERS, "%d makers", b->n_makers);
      FUZZ_CHECK (b->n_sites >= 1 && b->n_sites <= LF_MAX_SITES, "%d sites", b->n_sites);
      FUZZ_CHECK (b->n_plants >= 0 && b->n_plants <= LF_MAX_PLANTS, "%d plants", b->n_plants);
      /* Names are shown in the window, the CSV and JSON output and the PNG. */
      for (int i = 0; i < b->n_makers; i++)
        FUZZ_CHECK (b->makers[i].id && g_utf8_validate (b->makers[i].id, -1, NULL) &&
                    b->makers[i].name && g_utf8_validate (b->makers[i].name, -1, NULL),
                    "maker %d: id or name is not UTF-8", i);
      for (int i = 0; i < b->n_sites; i++)
        FUZZ_CHECK (b->sites[i].id && g_utf8_validate (b->sites[i].id, -1, NULL) &&
                    b->sites[i].name && g_utf8_validate (b->sites[i].name, -1, NULL),
                    "site %d: id or name is not UTF-8", i);
      s = lf_scenario_new (b);
      fuzz_check_accepted (s);
    }
  return 0;
}
