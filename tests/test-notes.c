/* test-notes.c: each note appears exactly when its cause holds. A note that
 * says a lever changes nothing is checked by moving the lever; a note that
 * says a plant builds nothing by its sales; a fix by applying it. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lf-notes.h"
#include "lf-test-util.h"

static LfBaseline *baseline;

static GPtrArray *
notes_of (const LfScenario *s, LfProjection *p)
{
  lf_project (s, p);
  return lf_notes_compute (s, p);
}

static double
plant_sold (const LfProjection *p, int plant)
{
  double sold = 0.0;

  for (int y = 0; y < LF_N_YEARS; y++)
    sold += p->plant_sales[plant][y];
  return sold;
}

static const LfNote *
find_note (GPtrArray *notes, LfNoteKind kind, const char *subject)
{
  for (guint i = 0; i < notes->len; i++)
    {
      const LfNote *n = g_ptr_array_index (notes, i);

      if (n->kind == kind && g_strcmp0 (n->subject, subject) == 0)
        return n;
    }
  return NULL;
}

static gboolean
builds_nothing_kind (LfNoteKind k)
{
  return k <= LF_NOTE_PLANT_NOT_NEEDED;
}

static const char *const flat_rock[] = {
  "plant.xiaomi-fr.maker=xiaomi", "plant.xiaomi-fr.site=us-mi-flat-rock",
  "plant.xiaomi-fr.capacity=200000", "plant.xiaomi-fr.start_year=2028", NULL
};

/* Current policy: the rule bars every Chinese maker, so every plant of the
 * baseline builds nothing for that reason alone, and the China tariff
 * changes nothing; no plant is in Mexico or Canada. */
static void
test_current_policy (void)
{
  g_autoptr(LfScenario) s = lf_test_scenario_from (baseline, NULL);
  g_autofree LfProjection *p = g_new0 (LfProjection, 1);
  g_autoptr(GPtrArray) notes = notes_of (s, p);

  for (int i = 0; i < s->n_plants; i++)
    {
      g_autofree char *subject = g_strdup_printf ("plant.%s", s->plants[i].id);
      const LfNote *n = find_note (notes, LF_NOTE_PLANT_RULE, subject);

      g_assert_nonnull (n);
      g_assert_cmpfloat (plant_sold (p, i), ==, 0.0);
      g_assert_true (g_str_has_prefix (n->fix_key, "maker."));
      g_assert_nonnull (strstr (n->fix_label, baseline->makers[s->plants[i].maker].name));
      g_assert_cmpint (lf_notes_count_kind (notes, LF_NOTE_PLANT_NO_PARTNERSHIP, subject), ==, 0);
    }
  g_assert_nonnull (find_note (notes, LF_NOTE_LEVER_BARRED, "tariff.china"));
  g_assert_nonnull (find_note (notes, LF_NOTE_LEVER_NO_PLANT, "tariff.mexico"));
  g_assert_nonnull (find_note (notes, LF_NOTE_LEVER_NO_PLANT, "tariff.canada"));
  g_assert_null (find_note (notes, LF_NOTE_LEVER_QUOTA_SLACK, "quota.china"));
  /* Every note's subject and text are there, and the fix, if any, is whole. */
  for (guint i = 0; i < notes->len; i++)
    {
      const LfNote *n = g_ptr_array_index (notes, i);

      g_assert_true (n->subject != NULL && n->text != NULL && *n->text != '\0');
      g_assert_true ((n->fix_key == NULL) == (n->fix_label == NULL));
      g_assert_true ((n->fix_key == NULL) == (n->fix_value == NULL));
    }
}

/* The case: Xiaomi at Flat Rock needs the partnership and the rule
 * waived (two notes); with both fixes applied, no note and it sells. */
static void
test_flat_rock (void)
{
  g_autoptr(LfScenario) s = lf_test_scenario_from (baseline, flat_rock);
  g_autofree LfProjection *p = g_new0 (LfProjection, 1);
  g_autoptr(GPtrArray) notes = notes_of (s, p);
  const LfNote *part = find_note (notes, LF_NOTE_PLANT_NO_PARTNERSHIP, "plant.xiaomi-fr");
  const LfNote *rule = find_note (notes, LF_NOTE_PLANT_RULE, "plant.xiaomi-fr");
  int i = lf_scenario_find_plant (s, "xiaomi-fr");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) one = NULL, both = NULL;

  g_assert_cmpint (i, >=, 0);
  g_assert_nonnull (part);
  g_assert_nonnull (rule);
  g_assert_cmpstr (part->fix_key, ==, "ford.partnership");
  g_assert_cmpstr (rule->fix_key, ==, "maker.xiaomi.authorised");
  g_assert_cmpfloat (plant_sold (p, i), ==, 0.0);
  /* The plant added is new against current policy; the baseline's are not. */
  g_assert_true (part->novel && rule->novel);
  g_assert_false (find_note (notes, LF_NOTE_PLANT_RULE, "plant.byd-cn")->novel);
  g_assert_false (find_note (notes, LF_NOTE_LEVER_BARRED, "tariff.china")->novel);

  /* The partnership alone: the rule's note stays, the partnership's goes. */
  g_assert_true (lf_note_apply_fix (part, s, &error));
  g_assert_no_error (error);
  one = notes_of (s, p);
  g_assert_null (find_note (one, LF_NOTE_PLANT_NO_PARTNERSHIP, "plant.xiaomi-fr"));
  g_assert_nonnull (find_note (one, LF_NOTE_PLANT_RULE, "plant.xiaomi-fr"));
  g_assert_cmpfloat (plant_sold (p, i), ==, 0.0);

  g_assert_true (lf_note_apply_fix (find_note (one, LF_NOTE_PLANT_RULE, "plant.xiaomi-fr"), s, &error));
  g_assert_no_error (error);
  both = notes_of (s, p);
  g_assert_cmpfloat (plant_sold (p, i), >, 0.0);
  for (guint k = 0; k < both->len; k++)
    {
      const LfNote *n = g_ptr_array_index (both, k);

      if (g_strcmp0 (n->subject, "plant.xiaomi-fr") == 0)
        g_assert_false (builds_nothing_kind (n->kind));
    }
  /* A plant at a Ford site exists now: the partnership is no longer moot. */
  g_assert_null (find_note (both, LF_NOTE_LEVER_NO_FORD_SITE, "ford.partnership"));
}

/* A tariff that prices a plant out: the note, and its fix (the highest
 * tariff at which the plant covers its cost) makes it go. */
static void
test_priced_out (void)
{
  static const char *const a[] = {
    "rule.connected_vehicle=0", "plant.byd-mx.maker=byd", "plant.byd-mx.site=mx-nuevo-leon",
    "plant.byd-mx.capacity=150000", "tariff.mexico=500", NULL
  };
  g_autoptr(LfScenario) s = lf_test_scenario_from (baseline, a);
  g_autofree LfProjection *p = g_new0 (LfProjection, 1);
  g_autoptr(GPtrArray) notes = notes_of (s, p);
  const LfNote *n = find_note (notes, LF_NOTE_PLANT_TARIFF, "plant.byd-mx");
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  int i = lf_scenario_find_plant (s, "byd-mx");

  g_assert_nonnull (n);
  g_assert_cmpstr (n->fix_key, ==, "tariff.mexico");
  g_assert_cmpfloat (g_ascii_strtod (n->fix_value, NULL), <, 500);
  g_assert_cmpfloat (g_ascii_strtod (n->fix_value, NULL), <=, lf_plant_max_tariff (s, i));
  g_assert_true (lf_note_apply_fix (n, s, &error));
  g_assert_no_error (error);
  after = notes_of (s, p);
  g_assert_null (find_note (after, LF_NOTE_PLANT_TARIFF, "plant.byd-mx"));
  /* A point above the fix prices it out again. */
  s->value[LF_PARAM_TARIFF_MEXICO] = lf_plant_max_tariff (s, i) + 1;
  g_clear_pointer (&after, g_ptr_array_unref);
  after = notes_of (s, p);
  g_assert_nonnull (find_note (after, LF_NOTE_PLANT_TARIFF, "plant.byd-mx"));
}

/* The quota: slack when it never binds; not when it does; a quota of 0
 * keeps China-built plants out (with its fix). */
static void
test_quota (void)
{
  static const char *const open[] = { "rule.connected_vehicle=0", "tariff.china=0", NULL };
  g_autoptr(LfScenario) s = lf_test_scenario_from (baseline, open);
  g_autofree LfProjection *p = g_new0 (LfProjection, 1);
  g_autoptr(GPtrArray) none = notes_of (s, p), slack = NULL, binds = NULL, zero = NULL;
  double china_max = 0.0;
  g_autoptr(GError) error = NULL;

  g_assert_null (find_note (none, LF_NOTE_LEVER_QUOTA_SLACK, "quota.china"));
  for (int y = 0; y < LF_N_YEARS; y++)
    china_max = MAX (china_max, p->series[LF_SERIES_CHINESE_CHINA_BUILT][y]);
  g_assert_cmpfloat (china_max, >, 1000);

  s->value[LF_PARAM_QUOTA_CHINA] = ceil (china_max) + 10;
  slack = notes_of (s, p);
  g_assert_nonnull (find_note (slack, LF_NOTE_LEVER_QUOTA_SLACK, "quota.china"));

  s->value[LF_PARAM_QUOTA_CHINA] = floor (china_max / 2);
  binds = notes_of (s, p);
  g_assert_null (find_note (binds, LF_NOTE_LEVER_QUOTA_SLACK, "quota.china"));

  /* A tight quota: the China-built plants run far below capacity, and the
   * note says the quota is why. */
  s->value[LF_PARAM_QUOTA_CHINA] = 20000;
  {
    g_autoptr(GPtrArray) tight = notes_of (s, p);
    const LfNote *n = find_note (tight, LF_NOTE_PLANT_UNDERUSED, "plant.byd-cn");

    g_assert_nonnull (n);
    g_assert_nonnull (strstr (n->text, "quota"));
  }

  s->value[LF_PARAM_QUOTA_CHINA] = 0;
  zero = notes_of (s, p);
  g_assert_null (find_note (zero, LF_NOTE_LEVER_QUOTA_SLACK, "quota.china"));
  g_assert_nonnull (find_note (zero, LF_NOTE_PLANT_QUOTA_ZERO, "plant.byd-cn"));
  g_assert_true (lf_note_apply_fix (find_note (zero, LF_NOTE_PLANT_QUOTA_ZERO, "plant.byd-cn"), s, &error));
  g_assert_no_error (error);
  g_assert_false (isfinite (s->value[LF_PARAM_QUOTA_CHINA]));
}

/* Far below capacity: a plant many times larger than its maker's demand. */
static void
test_underused (void)
{
  static const char *const a[] = {
    "rule.connected_vehicle=0", "tariff.china=0", "plant.byd-cn.capacity=2000000", "plant.geely-cn.capacity=1000", NULL
  };
  g_autoptr(LfScenario) s = lf_test_scenario_from (baseline, a);
  g_autofree LfProjection *p = g_new0 (LfProjection, 1);
  g_autoptr(GPtrArray) notes = notes_of (s, p);

  g_assert_nonnull (find_note (notes, LF_NOTE_PLANT_UNDERUSED, "plant.byd-cn"));
  g_assert_null (find_note (notes, LF_NOTE_PLANT_UNDERUSED, "plant.geely-cn"));
  g_assert_cmpfloat (plant_sold (p, lf_scenario_find_plant (s, "geely-cn")), >, 0);
}

/* Over random scenarios: a plant has a builds-nothing note exactly when it
 * sells nothing 2027–2035, and never one otherwise; a lever that "changes
 * nothing" changes no result when moved across its range; every fix makes
 * its own note go. */
static void
test_random (void)
{
  g_autoptr(GRand) r = g_rand_new_with_seed (12);
  static const char *const sites[] = {
    "cn-export", "mx-nuevo-leon", "us-sc-ridgeville", "us-mi-flat-rock", "ca-on-oakville", "ca-qc-becancour",
  };
  static const char *const makers[] = { "byd", "xiaomi", "geely", "other" };
  int checked_levers = 0, checked_fixes = 0;

  for (int run = 0; run < 60; run++)
    {
      g_autoptr(LfScenario) s = lf_scenario_new (baseline);
      g_autofree LfProjection *p = g_new0 (LfProjection, 1), *q = g_new0 (LfProjection, 1);
      g_autoptr(GPtrArray) notes = NULL;

      s->value[LF_PARAM_TARIFF_CHINA] = g_rand_double_range (r, 0, 300);
      s->value[LF_PARAM_TARIFF_MEXICO] = g_rand_double_range (r, 0, 300);
      s->value[LF_PARAM_TARIFF_CANADA] = g_rand_double_range (r, 0, 300);
      s->value[LF_PARAM_RULE_CONNECTED_VEHICLE] = g_rand_int_range (r, 0, 3);
      if (g_rand_boolean (r))
        s->value[LF_PARAM_QUOTA_CHINA] = g_rand_int_range (r, 0, 600000);
      s->value[LF_PARAM_CREDIT_EV_USD] = g_rand_boolean (r) ? 7500 : 0;
      s->value[LF_PARAM_CREDIT_EXCLUDE_CHINESE] = g_rand_int_range (r, 0, 2);
      s->value[LF_PARAM_FORD_PARTNERSHIP] = g_rand_int_range (r, 0, 2);
      for (int m = 0; m < baseline->n_makers; m++)
        s->authorised[m] = g_rand_int_range (r, 0, 3) == 0;
      for (int n = g_rand_int_range (r, 0, 4); n > 0; n--)
        {
          g_autofree char *km = g_strdup_printf ("plant.r%d.maker", n);
          g_autofree char *ks = g_strdup_printf ("plant.r%d.site", n);
          g_autofree char *kc = g_strdup_printf ("plant.r%d.capacity", n);
          g_assert_true (lf_scenario_set_string (s, km, makers[g_rand_int_range (r, 0, 4)], NULL));
          g_assert_true (lf_scenario_set_string (s, ks, sites[g_rand_int_range (r, 0, G_N_ELEMENTS (sites))], NULL));
          g_assert_true (lf_scenario_set_number (s, kc, g_rand_double_range (r, 0, 400000), NULL));
        }
      g_assert_true (lf_scenario_validate (s, NULL));
      notes = notes_of (s, p);

      for (int i = 0; i < s->n_plants; i++)
        {
          g_autofree char *subject = g_strdup_printf ("plant.%s", s->plants[i].id);
          int nothing = 0;

          for (guint k = 0; k < notes->len; k++)
            {
              const LfNote *n = g_ptr_array_index (notes, k);
              if (g_strcmp0 (n->subject, subject) == 0 && builds_nothing_kind (n->kind))
                nothing++;
            }
          g_assert_cmpint (nothing > 0, ==, plant_sold (p, i) == 0.0);
        }

      for (guint k = 0; k < notes->len; k++)
        {
          const LfNote *n = g_ptr_array_index (notes, k);

          if (n->kind == LF_NOTE_LEVER_NO_PLANT || n->kind == LF_NOTE_LEVER_BARRED ||
              n->kind == LF_NOTE_LEVER_QUOTA_SLACK || n->kind == LF_NOTE_LEVER_NO_CREDIT ||
              n->kind == LF_NOTE_LEVER_NO_FORD_SITE)
            {
              const LfParamInfo *info = lf_param_info (n->param);
              g_autoptr(LfScenario) moved = lf_scenario_copy (s);
              double to[] = { info->min, info->max, 0.5 * (info->min + info->max) };

              for (guint v = 0; v < G_N_ELEMENTS (to); v++)
                {
                  /* A quota that never binds stays slack when it is raised only. */
                  if (n->kind == LF_NOTE_LEVER_QUOTA_SLACK && to[v] < s->value[n->param])
                    continue;
                  /* The partnership moot: moved within "on"; the exclusion: with no credit. */
                  moved->value[n->param] = to[v];
                  lf_project (moved, q);
                  g_assert_cmpmem (q->series, sizeof q->series, p->series, sizeof p->series);
                }
              checked_levers++;
            }
          if (n->fix_key != NULL)
            {
              g_autoptr(LfScenario) fixed = lf_scenario_copy (s);
              g_autofree LfProjection *f = g_new0 (LfProjection, 1);
              g_autoptr(GPtrArray) after = NULL;
              g_autoptr(GError) error = NULL;

              g_assert_true (lf_note_apply_fix (n, fixed, &error));
              g_assert_no_error (error);
              after = notes_of (fixed, f);
              g_assert_null (find_note (after, n->kind, n->subject));
              checked_fixes++;
            }
        }
    }
  g_assert_cmpint (checked_levers, >, 20);
  g_assert_cmpint (checked_fixes, >, 20);
}

/* A note with no fix refuses to apply one. */
static void
test_no_fix (void)
{
  LfNote n = { LF_NOTE_LEVER_NO_PLANT, -1, LF_PARAM_TARIFF_MEXICO, (char *) "tariff.mexico", (char *) "x", NULL, NULL, NULL };
  g_autoptr(LfScenario) s = lf_test_scenario_from (baseline, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (lf_note_apply_fix (&n, s, &error));
  g_assert_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_VALUE);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  baseline = lf_baseline_load_default (&error);
  g_assert_no_error (error);
  g_test_add_func ("/landfall/notes/current-policy", test_current_policy);
  g_test_add_func ("/landfall/notes/flat-rock", test_flat_rock);
  g_test_add_func ("/landfall/notes/priced-out", test_priced_out);
  g_test_add_func ("/landfall/notes/quota", test_quota);
  g_test_add_func ("/landfall/notes/underused", test_underused);
  g_test_add_func ("/landfall/notes/random", test_random);
  g_test_add_func ("/landfall/notes/no-fix", test_no_fix);
  ret = g_test_run ();
  lf_baseline_unref (baseline);
  return ret;
}
