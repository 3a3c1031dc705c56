/* test-attribution.c: where a change came from (lf_attribute()): the parts
 * add up to the whole change, a lever that changes nothing gets nothing,
 * levers that act alike get alike, one lever gets all, and a scenario
 * against itself has no parts; with many levers, the sample of orders keeps
 * all of that and is the same on every run. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lf-attribution.h"
#include "lf-test-util.h"

static LfBaseline *baseline;

static double
result_of (const LfScenario *s, LfSeries series, int year)
{
  g_autofree LfProjection *p = g_new0 (LfProjection, 1);

  lf_project (s, p);
  return lf_projection_get (p, series, year);
}

static const LfAttributionPart *
find_part (const LfAttribution *a, const char *key)
{
  for (int i = 0; i < a->n_parts; i++)
    if (g_str_equal (a->parts[i].key, key))
      return &a->parts[i];
  return NULL;
}

/* The whole change, from and to the scenarios' own results, in parts
 * ordered by size. */
static void
assert_adds_up (const LfScenario *from, const LfScenario *to, const LfAttribution *a)
{
  double scale = MAX (1.0, MAX (fabs (a->from), fabs (a->to)));

  g_assert_cmpfloat_with_epsilon (a->from, result_of (from, a->series, a->year), 1e-9 * scale);
  g_assert_cmpfloat_with_epsilon (a->to, result_of (to, a->series, a->year), 1e-9 * scale);
  g_assert_cmpfloat_with_epsilon (lf_attribution_sum (a), a->to - a->from, 1e-9 * scale);
  for (int i = 1; i < a->n_parts; i++)
    g_assert_cmpfloat (fabs (a->parts[i - 1].contribution), >=, fabs (a->parts[i].contribution));
}

static void
test_preset_adds_up (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("LANDFALL_SOURCE_DIR"), "data", "presets",
                                            "02-build-in-america.landfall", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfScenario) to = lf_scenario_load_file (baseline, path, &error);
  g_autoptr(LfScenario) from = lf_scenario_new (baseline);
  const LfSeries series[] = { LF_SERIES_CHINESE_SHARE_EV_PCT, LF_SERIES_FORD_EV_SALES,
                              LF_SERIES_FORD_EV_EBIT_MUSD };

  g_assert_no_error (error);
  for (guint k = 0; k < G_N_ELEMENTS (series); k++)
    for (int year = LF_FIRST_YEAR; year <= LF_LAST_YEAR; year++)
      {
        g_autoptr(LfAttribution) a = lf_attribute (from, to, series[k], year, NULL);

        g_assert_nonnull (a);
        /* The rule and two plants. */
        g_assert_cmpint (a->n_parts, ==, 3);
        g_assert_true (a->exact);
        g_assert_cmpint (a->n_projections, ==, 8);
        assert_adds_up (from, to, a);
        g_assert_nonnull (find_part (a, "rule.connected_vehicle"));
        g_assert_nonnull (find_part (a, "plant.byd-tx"));
        g_assert_nonnull (find_part (a, "plant.geely-sc"));
      }
  {
    g_autoptr(LfAttribution) a = lf_attribute (from, to, LF_SERIES_CHINESE_SHARE_EV_PCT, 2032, NULL);

    /* The plants build nothing without the rule waived, nor the waiver
     * without plants: each gets a part of a change that is not small. */
    g_assert_cmpfloat (a->to - a->from, >, 0.5);
    for (int i = 0; i < a->n_parts; i++)
      g_assert_cmpfloat (a->parts[i].contribution, >, 0.0);
  }
}

/* Removing a plant of the baseline, changing one and adding one: each a lever. */
static void
test_plants_added_removed_changed (void)
{
  const char *const to_set[] = {
    "rule.connected_vehicle=0", "tariff.china=25", "plant.byd-cn.removed=1", "plant.geely-cn.capacity=300000",
    "plant.byd-mx.maker=byd", "plant.byd-mx.site=mx-nuevo-leon", "plant.byd-mx.capacity=200000", NULL
  };
  g_autoptr(LfScenario) from = lf_scenario_new (baseline);
  g_autoptr(LfScenario) to = lf_test_scenario_from (baseline, to_set);
  g_autoptr(LfAttribution) a = lf_attribute (from, to, LF_SERIES_CHINESE_SHARE_EV_PCT, 2031, NULL);
  const LfAttributionPart *removed = find_part (a, "plant.byd-cn");

  g_assert_cmpint (a->n_parts, ==, 5);
  assert_adds_up (from, to, a);
  g_assert_nonnull (find_part (a, "plant.geely-cn"));
  g_assert_nonnull (find_part (a, "plant.byd-mx"));
  g_assert_nonnull (removed);
  g_assert_cmpstr (removed->to_words, ==, "—");
  /* Without the rule and at a low tariff, removing BYD's export plant lowers the share. */
  g_assert_cmpfloat (removed->contribution, <, 0.0);
}

static void
test_itself (void)
{
  g_autoptr(LfScenario) from = lf_scenario_new (baseline);
  g_autoptr(LfScenario) to = lf_scenario_copy (from);
  g_autoptr(LfAttribution) a = NULL;
  g_autofree char *csv = NULL;

  lf_scenario_set_name (to, "Another name");
  a = lf_attribute (from, to, LF_SERIES_CHINESE_SHARE_EV_PCT, 2030, NULL);
  g_assert_cmpint (a->n_parts, ==, 0);
  g_assert_cmpfloat (a->from, ==, a->to);
  g_assert_cmpfloat (lf_attribution_sum (a), ==, 0.0);
  csv = lf_attribution_to_csv (a);
  g_assert_true (g_str_has_prefix (csv, "key,lever,current_policy,scenario,chinese_share_ev_pct_2030_contribution\n"
                                        "total,All levers,"));
}

static void
test_single_lever_gets_all (void)
{
  const char *const from_set[] = { "rule.connected_vehicle=0", NULL };
  const char *const to_set[] = { "rule.connected_vehicle=0", "tariff.china=25", NULL };
  g_autoptr(LfScenario) from = lf_test_scenario_from (baseline, from_set);
  g_autoptr(LfScenario) to = lf_test_scenario_from (baseline, to_set);
  g_autoptr(LfAttribution) a = lf_attribute (from, to, LF_SERIES_CHINESE_SHARE_EV_PCT, 2030, NULL);

  g_assert_cmpint (a->n_parts, ==, 1);
  g_assert_cmpstr (a->parts[0].key, ==, "tariff.china");
  g_assert_cmpfloat (a->to - a->from, >, 1.0);
  g_assert_cmpfloat (a->parts[0].contribution, ==, a->to - a->from);
}

/* The partner fee does not move the Chinese share: a null player. */
static void
test_null_lever (void)
{
  const char *const to_set[] = {
    "rule.connected_vehicle=0", "tariff.china=50", "ford.partner_fee_usd=9000", NULL
  };
  const char *const without_fee[] = { "rule.connected_vehicle=0", "tariff.china=50", NULL };
  g_autoptr(LfScenario) from = lf_scenario_new (baseline);
  g_autoptr(LfScenario) to = lf_test_scenario_from (baseline, to_set);
  g_autoptr(LfScenario) nofee = lf_test_scenario_from (baseline, without_fee);
  g_autoptr(LfAttribution) a = lf_attribute (from, to, LF_SERIES_CHINESE_SHARE_EV_PCT, 2030, NULL);
  const LfAttributionPart *fee = find_part (a, "ford.partner_fee_usd");

  /* The premise: the fee alone changes nothing here. */
  g_assert_cmpfloat (result_of (to, LF_SERIES_CHINESE_SHARE_EV_PCT, 2030), ==,
                     result_of (nofee, LF_SERIES_CHINESE_SHARE_EV_PCT, 2030));
  g_assert_cmpint (a->n_parts, ==, 3);
  assert_adds_up (from, to, a);
  g_assert_nonnull (fee);
  g_assert_cmpfloat (fee->contribution, ==, 0.0);
  /* The smallest part is last. */
  g_assert_true (fee == &a->parts[2]);
}

/* Two plants alike but for their ids act alike and get the same part. */
static void
test_symmetric_levers (void)
{
  const char *const to_set[] = {
    "rule.connected_vehicle=2",
    "plant.a.maker=byd", "plant.a.site=us-tx-san-antonio", "plant.a.capacity=100000",
    "plant.b.maker=byd", "plant.b.site=us-tx-san-antonio", "plant.b.capacity=100000",
    NULL
  };
  g_autoptr(LfScenario) from = lf_scenario_new (baseline);
  g_autoptr(LfScenario) to = lf_test_scenario_from (baseline, to_set);
  g_autoptr(LfAttribution) a = lf_attribute (from, to, LF_SERIES_CHINESE_SHARE_EV_PCT, 2033, NULL);
  const LfAttributionPart *pa = find_part (a, "plant.a"), *pb = find_part (a, "plant.b");

  g_assert_cmpint (a->n_parts, ==, 3);
  assert_adds_up (from, to, a);
  g_assert_cmpfloat (pa->contribution, >, 0.0);
  g_assert_cmpfloat_with_epsilon (pa->contribution, pb->contribution, 1e-9);
}

/* More levers than LF_ATTRIBUTION_EXACT_MAX: sampled orders, still adding
 * up, the null lever still nothing, the same every run. */
static void
test_many_levers_sampled (void)
{
  const char *const to_set[] = {
    "rule.connected_vehicle=0", "tariff.china=40", "tariff.mexico=10", "tariff.canada=10",
    "quota.china=300000", "credit.ev_usd=7500", "credit.exclude_chinese=0",
    "ford.partner_fee_usd=9000", "plants.expansion_years=4", "behaviour.price_elasticity=-2",
    "behaviour.pass_through=0.6", "behaviour.acceptance_speed=0.5",
    "plant.byd-mx.maker=byd", "plant.byd-mx.site=mx-nuevo-leon",
    "plant.geely-ca.maker=geely", "plant.geely-ca.site=ca-on-oakville",
    "plant.xiaomi-cn.removed=1", NULL
  };
  g_autoptr(LfScenario) from = lf_scenario_new (baseline);
  g_autoptr(LfScenario) to = lf_test_scenario_from (baseline, to_set);
  gint64 t0 = g_get_monotonic_time ();
  g_autoptr(LfAttribution) a = lf_attribute (from, to, LF_SERIES_CHINESE_SHARE_EV_PCT, 2030, NULL);
  gint64 t1 = g_get_monotonic_time ();
  g_autoptr(LfAttribution) again = lf_attribute (from, to, LF_SERIES_CHINESE_SHARE_EV_PCT, 2030, NULL);

  g_assert_cmpint (a->n_parts, ==, 15);
  g_assert_false (a->exact);
  assert_adds_up (from, to, a);
  g_assert_cmpfloat (find_part (a, "ford.partner_fee_usd")->contribution, ==, 0.0);
  for (int i = 0; i < a->n_parts; i++)
    {
      g_assert_cmpstr (a->parts[i].key, ==, again->parts[i].key);
      g_assert_cmpfloat (a->parts[i].contribution, ==, again->parts[i].contribution);
    }
  g_test_message ("%d levers sampled: %d projections in %.1f ms", a->n_parts, a->n_projections,
                  (t1 - t0) / 1000.0);
}

/* The sample against the exact values where both can be had: 12 levers
 * exact, then the same levers with three more that do nothing to the
 * result, sampled; the sample comes within a tenth of the change. */
static void
test_sample_near_exact (void)
{
  const char *const twelve[] = {
    "rule.connected_vehicle=0", "tariff.china=40", "tariff.mexico=10", "tariff.canada=10",
    "quota.china=300000", "credit.ev_usd=7500", "credit.exclude_chinese=0",
    "plants.expansion_years=4", "behaviour.pass_through=0.6",
    "plant.byd-mx.maker=byd", "plant.byd-mx.site=mx-nuevo-leon",
    "plant.geely-ca.maker=geely", "plant.geely-ca.site=ca-on-oakville",
    "plant.xiaomi-cn.removed=1", NULL
  };
  g_autoptr(GPtrArray) more = g_ptr_array_new ();
  g_autoptr(LfScenario) from = lf_scenario_new (baseline);
  g_autoptr(LfScenario) to12 = lf_test_scenario_from (baseline, twelve);
  g_autoptr(LfScenario) to15 = NULL;
  g_autoptr(LfAttribution) exact = NULL, sampled = NULL;
  double change;

  for (guint i = 0; twelve[i] != NULL; i++)
    g_ptr_array_add (more, (gpointer) twelve[i]);
  g_ptr_array_add (more, "ford.partner_fee_usd=9000");
  g_ptr_array_add (more, "plant.idle.maker=other");       /* a plant that builds nothing */
  g_ptr_array_add (more, "plant.idle.site=ca-on-oakville");
  g_ptr_array_add (more, "plant.idle.capacity=0");
  g_ptr_array_add (more, "ford.ev_case=downside");
  g_ptr_array_add (more, NULL);
  to15 = lf_test_scenario_from (baseline, (const char *const *) more->pdata);
  exact = lf_attribute (from, to12, LF_SERIES_CHINESE_SHARE_EV_PCT, 2031, NULL);
  sampled = lf_attribute (from, to15, LF_SERIES_CHINESE_SHARE_EV_PCT, 2031, NULL);
  g_assert_cmpint (exact->n_parts, ==, 12);
  g_assert_true (exact->exact);
  g_assert_false (sampled->exact);
  g_assert_cmpfloat (exact->to, ==, sampled->to);
  change = fabs (exact->to - exact->from);
  g_assert_cmpfloat (change, >, 1.0);
  for (int i = 0; i < exact->n_parts; i++)
    {
      const LfAttributionPart *p = find_part (sampled, exact->parts[i].key);
      g_assert_nonnull (p);
      g_assert_cmpfloat (fabs (p->contribution - exact->parts[i].contribution), <, 0.1 * change);
    }
  g_assert_cmpfloat (find_part (sampled, "plant.idle")->contribution, ==, 0.0);
}

static void
test_cancelled (void)
{
  const char *const to_set[] = { "rule.connected_vehicle=0", "tariff.china=25", NULL };
  g_autoptr(LfScenario) from = lf_scenario_new (baseline);
  g_autoptr(LfScenario) to = lf_test_scenario_from (baseline, to_set);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  g_assert_null (lf_attribute (from, to, LF_SERIES_CHINESE_SHARE_EV_PCT, 2030, cancellable));
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);
  baseline = lf_baseline_load_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/attribution/preset-adds-up", test_preset_adds_up);
  g_test_add_func ("/attribution/plants", test_plants_added_removed_changed);
  g_test_add_func ("/attribution/itself", test_itself);
  g_test_add_func ("/attribution/single-lever", test_single_lever_gets_all);
  g_test_add_func ("/attribution/null-lever", test_null_lever);
  g_test_add_func ("/attribution/symmetric", test_symmetric_levers);
  g_test_add_func ("/attribution/many-levers-sampled", test_many_levers_sampled);
  g_test_add_func ("/attribution/sample-near-exact", test_sample_near_exact);
  g_test_add_func ("/attribution/cancelled", test_cancelled);

  {
    int status = g_test_run ();
    lf_baseline_unref (baseline);
    return status;
  }
}
