/* bench-model.c: one projection, and 1,000 Monte Carlo draws, timed in-process.
 *
 * Reports medians (this machine is shared and noisy). Run:
 *   ninja -C build && ./build/bench/bench-model
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"

#include "lf-projection.h"

/* Median time of one projection, in microseconds: batches of calls, so the
 * clock's resolution does not matter. */
static double
time_projection (const LfScenario *s)
{
  enum { BATCHES = 201, PER_BATCH = 100 };
  static double t[BATCHES];
  LfProjection *p = g_new (LfProjection, 1);

  for (int i = 0; i < 50; i++)   /* warm up */
    lf_project (s, p);
  for (int b = 0; b < BATCHES; b++)
    {
      gint64 start = g_get_monotonic_time ();
      for (int i = 0; i < PER_BATCH; i++)
        lf_project (s, p);
      t[b] = (double) (g_get_monotonic_time () - start) / PER_BATCH;
    }
  g_free (p);
  return bench_median (t, BATCHES);
}

/* Median time of 1,000 draws, in milliseconds. */
static double
time_monte_carlo (const LfScenario *s, int runs)
{
  double *t = g_new (double, runs);
  LfBands *bands = g_new (LfBands, 1);
  double m;

  lf_monte_carlo (s, 1000, 1, bands, NULL);
  for (int r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time ();
      lf_monte_carlo (s, 1000, (guint) r + 1, bands, NULL);
      t[r] = (g_get_monotonic_time () - start) / 1000.0;
    }
  m = bench_median (t, runs);
  g_free (bands);
  g_free (t);
  return m;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfBaseline) baseline = lf_baseline_load_default (&error);
  g_autoptr(LfScenario) current = NULL;
  g_autoptr(LfScenario) open = NULL;
  g_autoptr(LfScenario) quota = NULL;
  int runs = argc > 1 ? atoi (argv[1]) : 21;
  double p_cur, p_open, p_quota, mc_cur, mc_open, mc_quota;
  gboolean ok;

  if (baseline == NULL)
    {
      fprintf (stderr, "bench-model: %s\n", error->message);
      return 1;
    }
  if (runs < 3)
    runs = 3;
  current = lf_scenario_new (baseline);
  open = lf_scenario_new (baseline);
  /* The open market makes every plant bind: the slowest path (capacity iteration). */
  lf_scenario_apply (open, "tariff.china=0", NULL);
  lf_scenario_apply (open, "rule.connected_vehicle=0", NULL);
  lf_scenario_apply (open, "plant.byd-mx.maker=byd", NULL);
  lf_scenario_apply (open, "plant.byd-mx.site=mx-nuevo-leon", NULL);

  /* A binding quota (the trade deal's): the rent is searched for every year. */
  quota = lf_scenario_new (baseline);
  lf_scenario_apply (quota, "tariff.china@2027=27.5", NULL);
  lf_scenario_apply (quota, "quota.china@2027=100000", NULL);
  lf_scenario_apply (quota, "rule.connected_vehicle@2027=0", NULL);

  p_cur = time_projection (current);
  p_quota = time_projection (quota);
  p_open = time_projection (open);
  mc_cur = time_monte_carlo (current, runs);
  mc_open = time_monte_carlo (open, runs);
  mc_quota = time_monte_carlo (quota, runs);

  printf ("projection, current policy:       median %8.1f µs  (target < 50 µs)\n", p_cur);
  printf ("projection, open market:          median %8.1f µs  (target < 50 µs)\n", p_open);
  printf ("projection, binding quota:        median %8.1f µs  (target < 50 µs)\n", p_quota);
  printf ("1,000 draws, current policy:      median %8.2f ms  (target < 50 ms, %d runs)\n", mc_cur, runs);
  printf ("1,000 draws, open market:         median %8.2f ms  (target < 50 ms, %d runs)\n", mc_open, runs);
  printf ("1,000 draws, binding quota:       median %8.2f ms  (target < 50 ms, %d runs)\n", mc_quota, runs);
  ok = p_cur < 50 && p_open < 50 && p_quota < 50 && mc_cur < 50 && mc_open < 50 && mc_quota < 50;
  printf ("%s\n", ok ? "all within target" : "ABOVE TARGET");
  return 0;
}
