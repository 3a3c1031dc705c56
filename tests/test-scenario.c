/* test-scenario.c: scenario files. Good files load with the values they
 * say; bad ones fail with one exact line (file, key, value, allowed range)
 * and change nothing; saving is atomic, round-trips and ignores the locale. */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "lf-projection.h"
#include "lf-scenario.h"
#include "lf-test-util.h"

static LfBaseline *baseline;
static char *good_dir;
static char *bad_dir;

/* ---- helpers ------------------------------------------------------------- */

static LfScenario *
load_good (const char *name)
{
  g_autofree char *path = g_build_filename (good_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  LfScenario *s = lf_scenario_load_file (baseline, path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (s);
  g_assert_true (lf_scenario_validate (s, NULL));
  return s;
}

static void
apply (LfScenario *s, const char *assignment)
{
  g_autoptr(GError) error = NULL;

  lf_scenario_apply (s, assignment, &error);
  g_assert_no_error (error);
}

/* A scenario far from the defaults: what a failed load must leave alone. */
static LfScenario *
held_scenario (void)
{
  LfScenario *s = lf_scenario_new (baseline);

  lf_scenario_set_name (s, "Held");
  apply (s, "tariff.china=42.5");
  apply (s, "tariff.china@2030=10");
  apply (s, "quota.china=49000");
  apply (s, "plant.byd-cn.removed=1");
  apply (s, "plant.held.maker=geely");
  apply (s, "plant.held.site=ca-qc-becancour");
  apply (s, "behaviour.pass_through=0.3");
  apply (s, "plants.expansion_years=5");
  apply (s, "maker.geely.authorised=1");
  return s;
}

static void
assert_same_scenario (const LfScenario *a, const LfScenario *b)
{
  g_assert_true (lf_scenario_equal (a, b));
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->description, ==, b->description);
  g_assert_cmpint (a->n_plants, ==, b->n_plants);
  g_assert_cmpmem (a->value, sizeof a->value, b->value, sizeof b->value);
  g_assert_cmpmem (a->has_step, sizeof a->has_step, b->has_step, sizeof b->has_step);
  g_assert_cmpmem (a->authorised, sizeof a->authorised, b->authorised, sizeof b->authorised);
}

static int
maker (const char *id)
{
  int m = lf_baseline_find_maker (baseline, id);

  g_assert_cmpint (m, >=, 0);
  return m;
}

static double
value (const LfScenario *s, const char *key, int year)
{
  int p = lf_param_lookup (key);

  g_assert_cmpint (p, >=, 0);
  return lf_scenario_value_at (s, p, year);
}

/* ---- good files ---------------------------------------------------------- */

static void
test_good_minimal (void)
{
  g_autoptr(LfScenario) s = load_good ("minimal.json");
  g_autoptr(LfScenario) def = lf_scenario_new (baseline);

  assert_same_scenario (s, def);
}

static void
test_good_named (void)
{
  g_autoptr(LfScenario) s = load_good ("named.json");

  g_assert_cmpstr (s->name, ==, "Tariff cut, Brasil-style quota");
  g_assert_true (g_str_has_prefix (s->description, "A 25 % tariff"));
  g_assert_nonnull (strstr (s->description, "\nSecond line, and ünïcödé."));
  g_assert_cmpfloat (value (s, "tariff.china", 2025), ==, 25);
  g_assert_cmpfloat (value (s, "tariff.china", 2035), ==, 25);
  g_assert_cmpfloat (value (s, "quota.china", 2030), ==, 49000);
  /* What the file does not name keeps its default. */
  g_assert_cmpfloat (value (s, "tariff.mexico", 2030), ==, 27.5);
  g_assert_cmpint (s->n_plants, ==, baseline->n_plants);
}

static void
test_good_schedules (void)
{
  g_autoptr(LfScenario) s = load_good ("schedules.json");
  double v[LF_N_YEARS];

  g_assert_cmpstr (s->name, ==, "Schedules");
  lf_scenario_resolve (s, LF_PARAM_TARIFF_CHINA, v);
  for (int year = LF_FIRST_YEAR; year <= LF_LAST_YEAR; year++)
    g_assert_cmpfloat (v[lf_year_index (year)], ==,
                       year < 2028 ? 100 : year < 2031 ? 25 : 200.5);
  g_assert_cmpfloat (value (s, "rule.connected_vehicle", 2029), ==, 0);
  g_assert_cmpfloat (value (s, "rule.connected_vehicle", 2030), ==, 2);
  g_assert_true (isinf (value (s, "quota.china", 2028)));
  g_assert_cmpfloat (value (s, "quota.china", 2029), ==, 49000);
  g_assert_cmpfloat (value (s, "quota.china", 2032), ==, 49000);
  g_assert_true (isinf (value (s, "quota.china", 2033)));
  /* A number given as text. */
  g_assert_cmpfloat (value (s, "credit.ev_usd", 2026), ==, 0);
  g_assert_cmpfloat (value (s, "credit.ev_usd", 2027), ==, 7500);
  /* A step in the first year is the starting value. */
  g_assert_cmpfloat (s->value[LF_PARAM_TARIFF_MEXICO], ==, 10);
  g_assert_false (s->has_step[LF_PARAM_TARIFF_MEXICO][0]);
}

static void
test_good_new_plant (void)
{
  g_autoptr(LfScenario) s = load_good ("new-plant.json");
  int i = lf_scenario_find_plant (s, "xiaomi-flat-rock");
  int j = lf_scenario_find_plant (s, "byd_mx2");
  const LfPlant *p, *q;

  g_assert_cmpint (s->n_plants, ==, baseline->n_plants + 2);
  g_assert_cmpint (i, >=, 0);
  g_assert_cmpint (j, >=, 0);
  p = &s->plants[i];
  g_assert_cmpint (p->maker, ==, lf_baseline_find_maker (baseline, "xiaomi"));
  g_assert_cmpint (p->site, ==, lf_baseline_find_site (baseline, "us-mi-flat-rock"));
  g_assert_cmpfloat (p->capacity, ==, 200000);
  g_assert_cmpint (p->start_year, ==, 2028);
  g_assert_cmpint (lf_plant_effective_start (s, p), ==, 2028);
  /* Site given before maker; no capacity or year: the defaults. */
  q = &s->plants[j];
  g_assert_cmpint (q->maker, ==, lf_baseline_find_maker (baseline, "byd"));
  g_assert_cmpint (q->site, ==, lf_baseline_find_site (baseline, "mx-guanajuato"));
  g_assert_cmpfloat (q->capacity, ==, LF_PLANT_DEFAULT_CAPACITY);
  g_assert_cmpint (q->start_year, ==, 0);
  g_assert_cmpint (lf_plant_effective_start (s, q), ==,
                   baseline->sites[q->site].earliest_year);
  g_assert_cmpfloat (value (s, "ford.partnership", 2030), ==, 1);
  g_assert_cmpfloat (value (s, "ford.partner_fee_usd", 2030), ==, 2500);
}

static void
test_good_removed_plant (void)
{
  g_autoptr(LfScenario) s = load_good ("removed-plant.json");
  int g;

  g_assert_cmpint (s->n_plants, ==, baseline->n_plants - 2);
  g_assert_cmpint (lf_scenario_find_plant (s, "byd-cn"), ==, -1);
  g_assert_cmpint (lf_scenario_find_plant (s, "xiaomi-cn"), ==, -1);
  g = lf_scenario_find_plant (s, "geely-cn");
  g_assert_cmpint (g, >=, 0);
  g_assert_cmpfloat (s->plants[g].capacity, ==, 50000.5);
  g_assert_cmpint (lf_scenario_find_plant (s, "other-cn"), >=, 0);
}

static void
test_good_authorised (void)
{
  g_autoptr(LfScenario) s = load_good ("authorised.json");

  g_assert_true (s->authorised[maker ("byd")]);
  g_assert_true (s->authorised[maker ("xiaomi")]);   /* given as text */
  g_assert_false (s->authorised[maker ("geely")]);
  g_assert_false (s->authorised[maker ("other")]);
  g_assert_cmpfloat (s->value[LF_PARAM_EXPANSION_YEARS], ==, 0);
}

static void
test_good_unlimited (void)
{
  g_autoptr(LfScenario) s = load_good ("unlimited-quota.json");

  g_assert_true (isinf (s->value[LF_PARAM_QUOTA_CHINA]) && s->value[LF_PARAM_QUOTA_CHINA] > 0);
  g_assert_true (s->has_step[LF_PARAM_QUOTA_CHINA][lf_year_index (2027)]);
  g_assert_true (isinf (value (s, "quota.china", 2030)));
  g_assert_cmpfloat (s->value[LF_PARAM_PASS_THROUGH], ==, 0.65);
  g_assert_cmpfloat (s->value[LF_PARAM_ACCEPTANCE_SPEED], ==, 0.5);
}

/* The presets shipped in data/presets are scenario files too. */
static void
test_good_presets (void)
{
  g_autofree char *dir_path = g_build_filename (g_getenv ("LANDFALL_SOURCE_DIR"), "data",
                                                "presets", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    {
      g_test_skip ("no data/presets directory");
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(LfScenario) s = NULL;

      if (!g_str_has_suffix (name, ".landfall"))
        continue;
      g_test_message ("%s", name);
      s = lf_scenario_load_file (baseline, path, &error);
      g_assert_no_error (error);
      g_assert_true (lf_scenario_validate (s, NULL));
      g_assert_cmpstr (s->name, !=, "");
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

/* ---- bad files ----------------------------------------------------------- */

/* Loads @path expecting failure with exactly @expected; the scenario held
 * before must come through untouched. */
static void
assert_load_fails (const char *path, const char *expected)
{
  g_autoptr(LfScenario) held = held_scenario ();
  g_autoptr(LfScenario) before = lf_scenario_copy (held);
  g_autoptr(LfScenario) loaded = NULL;
  g_autoptr(GError) error = NULL;

  loaded = lf_scenario_load_file (baseline, path, &error);
  g_assert_null (loaded);
  g_assert_nonnull (error);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_cmpstr (error->message, ==, expected);
  assert_same_scenario (held, before);
}

static void
test_bad_file (gconstpointer data)
{
  const char *name = data;
  g_autofree char *exp_path = g_strconcat (bad_dir, G_DIR_SEPARATOR_S, name, ".expected", NULL);
  g_autofree char *path = g_strconcat (bad_dir, G_DIR_SEPARATOR_S, name, ".json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *expected = NULL;

  g_file_get_contents (exp_path, &text, NULL, &error);
  g_assert_no_error (error);
  g_strchomp (text);
  g_assert_null (strchr (text, '\n'));
  parts = g_strsplit (text, "@DIR@", -1);
  expected = g_strjoinv (bad_dir, parts);
  assert_load_fails (path, expected);
}

static void
write_padded (const char *path, gsize size)
{
  static const char head[] = "{\"format\": 1, \"name\": \"Padded\"}";
  g_autofree char *buf = g_malloc (size);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (size, >=, sizeof head);
  memcpy (buf, head, sizeof head - 1);
  memset (buf + sizeof head - 1, ' ', size - (sizeof head - 1));
  buf[size - 1] = '\n';
  g_file_set_contents (path, buf, size, &error);
  g_assert_no_error (error);
}

/* Too big to commit: made here. One byte over the limit fails before it is
 * read; exactly at the limit loads. */
static void
test_bad_oversized (void)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *big = g_build_filename (dir, "oversized.json", NULL);
  g_autofree char *edge = g_build_filename (dir, "at-limit.json", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(LfScenario) s = NULL;
  g_autoptr(GError) error = NULL;

  write_padded (big, LF_SCENARIO_MAX_FILE_SIZE + 1);
  expected = g_strdup_printf ("%s: file is %d bytes, larger than the %d-byte limit", big,
                              LF_SCENARIO_MAX_FILE_SIZE + 1, LF_SCENARIO_MAX_FILE_SIZE);
  assert_load_fails (big, expected);

  /* The same bytes in memory. */
  {
    g_autofree char *data = NULL;
    gsize len;
    g_autoptr(GBytes) bytes = NULL;

    g_file_get_contents (big, &data, &len, &error);
    g_assert_no_error (error);
    bytes = g_bytes_new_take (g_steal_pointer (&data), len);
    s = lf_scenario_load_bytes (baseline, bytes, "memory", &error);
    g_assert_null (s);
    g_assert_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_TOO_LARGE);
    g_assert_true (g_str_has_prefix (error->message, "memory: "));
    g_clear_error (&error);
  }

  write_padded (edge, LF_SCENARIO_MAX_FILE_SIZE);
  s = lf_scenario_load_file (baseline, edge, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (s->name, ==, "Padded");

  lf_test_remove_tree (dir);
}

static void
test_bad_not_regular (void)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *expected = g_strdup_printf ("%s: is a folder, not a regular file", dir);

  assert_load_fails (dir, expected);
  lf_test_remove_tree (dir);
}

/* Empty bytes may carry no data pointer at all (g_bytes_new (NULL, 0)):
 * both loaders refuse them with a message, not a crash. */
static void
test_bad_empty_bytes (void)
{
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfBaseline) b = lf_baseline_load_bytes (empty, "nothing", &error);
  g_autoptr(LfScenario) s = NULL;

  g_assert_null (b);
  g_assert_cmpstr (error->message, ==, "nothing: file is empty");
  g_clear_error (&error);
  s = lf_scenario_load_bytes (baseline, empty, "nothing", &error);
  g_assert_null (s);
  g_assert_cmpstr (error->message, ==, "nothing: file is empty");
}

/* Bytes without a file: the display name leads the message. */
static void
test_bad_bytes (void)
{
  static const char text[] = "{\"format\": 1, \"values\": {\"tariff.canada\": 600}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfScenario) s = lf_scenario_load_bytes (baseline, bytes, "pasted", &error);

  g_assert_null (s);
  g_assert_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, ==, "pasted: tariff.canada: 600 is out of range (0 to 500 %)");
}

/* ---- setting values ------------------------------------------------------ */

/* Every rejected assignment leaves the scenario as it was, plants included. */
static void
test_set_unchanged_on_error (void)
{
  static const char *const bad[] = {
    "tariff.china=501", "tariff.china=-1", "tariff.china=abc", "tariff.china=",
    "tariff.china=nan", "tariff.china=inf", "tariff.china=1e999", "tariff.china@2024=5",
    "tariff.china@2036=5", "tariff.china@=5", "rule.connected_vehicle=0.5",
    "quota.china=-1", "quota.china=12.5", "credit.ev_usd=unlimited",
    "behaviour.pass_through@2030=0.5", "behaviour.pass_through=1.5", "nosuch.key=1", "=5",
    "tariff.china", "plant.other-cn.removed=0", "plant.nope.removed=1",
    "plant.other-cn.site=nowhere", "plant.other-cn.maker=tesla", "plant.other-cn.capacity=-1",
    "plant.other-cn.start_year=2024", "plant.other-cn.start_year=2030.5",
    "plant.Bad.maker=byd", "plant..maker=byd", "plant.other-cn=1",
    "plant.byd-cn.capacity@2030=1",
    "plants.expansion_years=11", "plants.expansion_years=-1", "plants.expansion_years=1.5",
    "plants.expansion_years=unlimited", "plants.expansion_years@2030=3",
    "maker.byd.authorised=2", "maker.byd.authorised=-1", "maker.byd.authorised=0.5",
    "maker.byd.authorised=yes", "maker.byd.authorised=", "maker.byd.authorised@2030=1",
    "maker.geely.authorised@2030=0", "maker.tesla.authorised=1", "maker.BYD.authorised=1",
    "maker..authorised=1", "maker.byd.colour=1", "maker.byd=1", "maker.=1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LfScenario) s = held_scenario ();
      g_autoptr(LfScenario) before = lf_scenario_copy (s);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad[i]);
      g_assert_false (lf_scenario_apply (s, bad[i], &error));
      g_assert_error (error, LF_SCENARIO_ERROR, error->code);
      g_assert_null (strchr (error->message, '\n'));
      assert_same_scenario (s, before);
    }
}

/* The same for a plant that does not exist yet: a rejected value must not
 * leave a half-made plant behind. */
static void
test_set_new_plant_unchanged_on_error (void)
{
  static const char *const bad[] = {
    "plant.fresh.site=nowhere", "plant.fresh.maker=tesla", "plant.fresh.capacity=-1",
    "plant.fresh.capacity=abc", "plant.fresh.start_year=1999",
  };
  g_autoptr(GString) left = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LfScenario) s = held_scenario ();
      g_autoptr(LfScenario) before = lf_scenario_copy (s);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad[i]);
      g_assert_false (lf_scenario_apply (s, bad[i], &error));
      g_assert_nonnull (error);
      if (s->n_plants != before->n_plants || !lf_scenario_validate (s, NULL))
        {
          g_string_append_printf (left, "%s'%s'", left->len ? ", " : "", bad[i]);
          continue;
        }
      assert_same_scenario (s, before);
    }
  g_assert_cmpstr (left->str, ==, "");
}

static void
test_set_accepts (void)
{
  g_autoptr(LfScenario) s = lf_scenario_new (baseline);

  apply (s, "  tariff.china =  55.25 ");
  g_assert_cmpfloat (s->value[LF_PARAM_TARIFF_CHINA], ==, 55.25);
  apply (s, "tariff.china=0");
  apply (s, "tariff.china=500");
  apply (s, "quota.china=UNLIMITED");
  g_assert_true (isinf (s->value[LF_PARAM_QUOTA_CHINA]));
  apply (s, "quota.china=0");
  g_assert_cmpfloat (s->value[LF_PARAM_QUOTA_CHINA], ==, 0);
  apply (s, "rule.connected_vehicle=2.0");
  g_assert_cmpfloat (s->value[LF_PARAM_RULE_CONNECTED_VEHICLE], ==, 2);
  apply (s, "credit.ev_usd=7.5e3");
  g_assert_cmpfloat (s->value[LF_PARAM_CREDIT_EV_USD], ==, 7500);
  apply (s, "plant.byd-cn.removed=1");
  g_assert_cmpint (lf_scenario_find_plant (s, "byd-cn"), ==, -1);

  /* Every parameter takes its own minimum and maximum. */
  for (int p = 0; p < LF_N_PARAMS; p++)
    {
      const LfParamInfo *info = lf_param_info (p);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (lf_param_lookup (info->key), ==, p);
      lf_scenario_set_number (s, info->key, info->min, &error);
      g_assert_no_error (error);
      lf_scenario_set_number (s, info->key, info->max, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpint (lf_param_lookup ("tariff.japan"), ==, -1);
}

/* plants.expansion_years: a whole number of years from 0 to 10, for every
 * year; its default is the baseline's. */
static void
test_set_expansion_years (void)
{
  static const struct { const char *assignment, *message; } bad[] = {
    { "plants.expansion_years=11", "plants.expansion_years: 11 is out of range (0 to 10 years)" },
    { "plants.expansion_years=-1", "plants.expansion_years: -1 is out of range (0 to 10 years)" },
    { "plants.expansion_years=1.5", "plants.expansion_years: 1.5 is not a whole number (0 to 10 years)" },
    { "plants.expansion_years=two", "plants.expansion_years: 'two' is not a number" },
    { "plants.expansion_years@2030=3",
      "plants.expansion_years@2030: plants.expansion_years holds for every year and cannot change by year" },
  };
  g_autoptr(LfScenario) s = lf_scenario_new (baseline);
  const LfParamInfo *info = lf_param_info (LF_PARAM_EXPANSION_YEARS);

  g_assert_cmpint (lf_param_lookup ("plants.expansion_years"), ==, LF_PARAM_EXPANSION_YEARS);
  g_assert_cmpint (LF_PARAM_EXPANSION_YEARS, ==, LF_PARAM_FORD_PARTNER_FEE_USD + 1);
  g_assert_cmpint (LF_PARAM_EXPANSION_YEARS, <, LF_PARAM_FIRST_BEHAVIOUR);
  g_assert_cmpstr (info->unit, ==, "years");
  g_assert_cmpfloat (info->min, ==, 0);
  g_assert_cmpfloat (info->max, ==, 10);
  g_assert_cmpint (info->flags, ==, LF_PARAM_FLAG_INTEGER);
  g_assert_cmpfloat (s->value[LF_PARAM_EXPANSION_YEARS], ==,
                     lf_baseline_get_range (baseline, info->key)->central);
  g_assert_cmpfloat (s->value[LF_PARAM_EXPANSION_YEARS], ==, 2);
  g_assert_nonnull (lf_baseline_get_source (baseline, info->key));

  apply (s, "plants.expansion_years=0");
  g_assert_cmpfloat (s->value[LF_PARAM_EXPANSION_YEARS], ==, 0);
  apply (s, "plants.expansion_years=10.0");
  g_assert_cmpfloat (value (s, "plants.expansion_years", 2035), ==, 10);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LfScenario) before = lf_scenario_copy (s);
      g_autoptr(GError) error = NULL;

      g_assert_false (lf_scenario_apply (s, bad[i].assignment, &error));
      g_assert_cmpstr (error->message, ==, bad[i].message);
      assert_same_scenario (s, before);
    }
}

/* maker.<id>.authorised: 0 or 1 for a maker of the baseline, FALSE for every
 * maker until set, for every year; part of equality, copies and files. */
static void
test_set_authorised (void)
{
  static const struct { const char *assignment, *message; } bad[] = {
    { "maker.byd.authorised=2", "maker.byd.authorised: 2 is out of range (0 to 1)" },
    { "maker.byd.authorised=-1", "maker.byd.authorised: -1 is out of range (0 to 1)" },
    { "maker.byd.authorised=0.5", "maker.byd.authorised: 0.5 is not a whole number (0 to 1)" },
    { "maker.byd.authorised=yes", "maker.byd.authorised: 'yes' is not a number" },
    { "maker.byd.authorised@2030=1",
      "maker.byd.authorised@2030: a maker's authorisation holds for every year and cannot change by year" },
    { "maker.byd.colour=1", "maker.byd.colour: unknown key (maker keys are maker.<id>.authorised)" },
    { "maker.byd=1", "maker.byd: unknown key (maker keys are maker.<id>.authorised)" },
  };
  g_autoptr(LfScenario) s = lf_scenario_new (baseline);
  g_autoptr(LfScenario) def = lf_scenario_new (baseline);
  g_autoptr(LfScenario) copy = NULL;
  g_autoptr(GString) known = g_string_new (NULL);
  int byd = maker ("byd");

  for (int m = 0; m < LF_MAX_MAKERS; m++)
    g_assert_false (s->authorised[m]);

  apply (s, "maker.byd.authorised=1");
  g_assert_true (s->authorised[byd]);
  g_assert_false (lf_scenario_equal (s, def));
  g_assert_false (lf_scenario_equal (def, s));
  copy = lf_scenario_copy (s);
  g_assert_true (lf_scenario_equal (copy, s));
  g_assert_true (copy->authorised[byd]);
  lf_scenario_assign (def, s);
  g_assert_true (lf_scenario_equal (def, s));
  apply (def, "maker.byd.authorised=0.0");
  g_assert_false (def->authorised[byd]);
  g_assert_false (lf_scenario_equal (def, s));
  apply (def, "maker.byd.authorised=1e0");
  g_assert_true (lf_scenario_equal (def, s));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LfScenario) before = lf_scenario_copy (s);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad[i].assignment);
      g_assert_false (lf_scenario_apply (s, bad[i].assignment, &error));
      g_assert_error (error, LF_SCENARIO_ERROR, error->code);
      g_assert_cmpstr (error->message, ==, bad[i].message);
      assert_same_scenario (s, before);
    }

  /* An unknown maker is named, with the makers there are. */
  for (int m = 0; m < baseline->n_makers; m++)
    g_string_append_printf (known, "%s%s", m ? ", " : "", baseline->makers[m].id);
  {
    g_autoptr(LfScenario) before = lf_scenario_copy (s);
    g_autoptr(GError) error = NULL;
    g_autofree char *expected = g_strdup_printf ("maker.tesla.authorised: 'tesla' is not a known "
                                                 "maker (one of: %s)", known->str);

    g_assert_false (lf_scenario_set_number (s, "maker.tesla.authorised", 1, &error));
    g_assert_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_UNKNOWN_KEY);
    g_assert_cmpstr (error->message, ==, expected);
    assert_same_scenario (s, before);
  }
}

/* ---- saving -------------------------------------------------------------- */

static void
assert_round_trip (const LfScenario *s)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "scenario.landfall", NULL);
  g_autoptr(LfScenario) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_true (lf_scenario_save_file (s, path, &error));
  g_assert_no_error (error);
  back = lf_scenario_load_file (baseline, path, &error);
  g_assert_no_error (error);
  g_assert_true (lf_scenario_equal (s, back));
  g_assert_cmpstr (s->name, ==, back->name);
  g_assert_cmpstr (s->description, ==, back->description);
  a = lf_scenario_to_json (s);
  b = lf_scenario_to_json (back);
  g_assert_cmpstr (a, ==, b);
  lf_test_remove_tree (dir);
}

static void
test_round_trip (void)
{
  static const char *const files[] = {
    "minimal.json", "named.json", "schedules.json", "new-plant.json", "removed-plant.json",
    "unlimited-quota.json", "authorised.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(LfScenario) s = load_good (files[i]);
      g_test_message ("%s", files[i]);
      assert_round_trip (s);
    }

  /* Values that need every digit, and every lever moved. */
  {
    g_autoptr(LfScenario) s = held_scenario ();
    g_autoptr(GError) error = NULL;

    lf_scenario_set_number (s, "tariff.mexico", 0.1 + 0.2, &error);
    g_assert_no_error (error);
    lf_scenario_set_number (s, "behaviour.choice_price_coef", G_PI, &error);
    g_assert_no_error (error);
    lf_scenario_set_number (s, "behaviour.price_elasticity", -4.0 / 3.0, &error);
    g_assert_no_error (error);
    lf_scenario_set_number (s, "plant.held.capacity", 123456.789, &error);
    g_assert_no_error (error);
    apply (s, "plant.held.start_year=2031");
    apply (s, "quota.china@2030=unlimited");
    apply (s, "credit.ev_usd@2027=7500");
    apply (s, "credit.exclude_chinese@2029=0");
    apply (s, "ford.partnership@2028=1");
    apply (s, "plant.geely-cn.capacity=0");
    apply (s, "plant.other-cn.start_year=2025");
    g_free (s->description);
    s->description = g_strdup ("Quotes \" and \\ backslashes,\ttabs and ünïcödé");
    assert_round_trip (s);
  }
}

/* A baseline plant removed and then made again under the same id (a user
 * deletes BYD's imports and adds a BYD plant called the same). */
static void
test_round_trip_readded_plant (void)
{
  g_autoptr(LfScenario) s = lf_scenario_new (baseline);
  g_autoptr(LfScenario) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *text;

  apply (s, "plant.byd-cn.removed=1");
  apply (s, "plant.byd-cn.maker=byd");
  apply (s, "plant.byd-cn.site=mx-nuevo-leon");
  text = lf_scenario_to_json (s);
  bytes = g_bytes_new_take (text, strlen (text));
  back = lf_scenario_load_bytes (baseline, bytes, "saved", NULL);
  g_assert_nonnull (back);
  g_assert_true (lf_scenario_equal (s, back));
  assert_round_trip (s);
}

/* Whatever name a scenario can be given, its file must load again. */
static void
test_round_trip_long_name (void)
{
  g_autoptr(LfScenario) s = lf_scenario_new (baseline);
  g_autofree char *name = g_strnfill (300, 'n');

  lf_scenario_set_name (s, name);
  /* Names are limited when set, so every file saved loads again. */
  {
    char *text = lf_scenario_to_json (s);
    g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));
    g_autoptr(GError) error = NULL;
    g_autoptr(LfScenario) back = lf_scenario_load_bytes (baseline, bytes, "saved", &error);

    g_assert_no_error (error);
    g_assert_nonnull (back);
  }
  assert_round_trip (s);
}

static void
test_save_atomic (void)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "target.landfall", NULL);
  g_autoptr(LfScenario) s = held_scenario ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *want = lf_scenario_to_json (s);
  g_autofree char *names = NULL;

  g_file_set_contents (path, "old contents\n", -1, &error);
  g_assert_no_error (error);
  g_assert_true (lf_scenario_save_file (s, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, want);
  /* The target replaced, and no temporary file left beside it. */
  names = lf_test_list_dir (dir, ",");
  g_assert_cmpstr (names, ==, "target.landfall");
  lf_test_remove_tree (dir);
}

static void
test_save_missing_dir (void)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", NULL);
  g_autofree char *path = g_build_filename (missing, "x.landfall", NULL);
  g_autoptr(LfScenario) s = held_scenario ();
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  g_assert_false (lf_scenario_save_file (s, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  names = lf_test_list_dir (dir, ",");
  g_assert_cmpstr (names, ==, "");

  /* Nor does saving over a directory leave anything. */
  g_clear_error (&error);
  g_assert_false (lf_scenario_save_file (s, dir, &error));
  g_assert_nonnull (error);
  g_clear_pointer (&names, g_free);
  names = lf_test_list_dir (dir, ",");
  g_assert_cmpstr (names, ==, "");
  lf_test_remove_tree (dir);
}

/* ---- locale -------------------------------------------------------------- */

/* In a locale with a decimal comma, files and messages still use a point.
 * Needs the de_DE.UTF-8 locale (Debian: locales-all). */
static void
test_locale (void)
{
  g_autoptr(LfScenario) s = held_scenario ();
  g_autoptr(LfScenario) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "de.landfall", NULL);
  g_autofree char *c_text = NULL;
  g_autofree char *de_text = NULL;
  g_autofree char *file_text = NULL;
  g_autofree char *c_message = NULL;
  g_autofree char *probe = NULL;
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));

  apply (s, "behaviour.pass_through=0.65");
  apply (s, "plant.held.capacity=1234.5");
  c_text = lf_scenario_to_json (s);
  lf_scenario_apply (s, "tariff.canada=500.5", &error);
  g_assert_nonnull (error);
  c_message = g_strdup (error->message);
  g_clear_error (&error);

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      lf_test_remove_tree (dir);
      g_test_skip ("the de_DE.UTF-8 locale is not installed (Debian: apt install locales-all)");
      return;
    }
  probe = g_strdup_printf ("%.1f", 1.5);
  g_assert_cmpstr (probe, ==, "1,5");

  de_text = lf_scenario_to_json (s);
  g_assert_cmpstr (de_text, ==, c_text);
  g_assert_nonnull (strstr (de_text, "0.65"));
  g_assert_true (lf_scenario_save_file (s, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &file_text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (file_text, ==, c_text);
  back = lf_scenario_load_file (baseline, path, &error);
  g_assert_no_error (error);
  g_assert_true (lf_scenario_equal (s, back));
  g_assert_cmpfloat (back->value[LF_PARAM_PASS_THROUGH], ==, 0.65);

  /* Text values are read with a point, never the locale's comma. */
  apply (back, "tariff.china=27.5");
  g_assert_cmpfloat (back->value[LF_PARAM_TARIFF_CHINA], ==, 27.5);
  g_assert_false (lf_scenario_apply (back, "tariff.china=27,5", &error));
  g_assert_error (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  lf_scenario_apply (back, "tariff.canada=500.5", &error);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, c_message);

  setlocale (LC_NUMERIC, old);
  lf_test_remove_tree (dir);
}

/* ---- main ---------------------------------------------------------------- */

static void
add_bad_file_tests (void)
{
  g_autoptr(GDir) dir = g_dir_open (bad_dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".expected"))
      g_ptr_array_add (names, g_strndup (name, strlen (name) - strlen (".expected")));
  g_ptr_array_sort (names, lf_test_compare_names);
  g_assert_cmpuint (names->len, >=, 20);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/landfall/scenario/bad/%s",
                                                    (char *) names->pdata[i]);
      /* Each test owns its name, freed when the test suite is. */
      g_test_add_data_func_full (test_path, names->pdata[i], test_bad_file, g_free);
    }
}

/* Whatever bytes arrive, loading either gives a valid scenario that projects,
 * or one line naming the problem: never a crash, never a half-applied file.
 * Seeded mutations of every good file and every preset (flipped bytes,
 * truncations, spliced numbers and keys). */
static void
test_fuzz (void)
{
  static const char *const splices[] = {
    "1e308", "-1e308", "NaN", "\"unlimited\"", "null", "[]", "{}", "\"plant.x.site\"",
    "\"tariff.china@2030\"", "-0", "999999999999999999999", "\"\\u0000\"", "\"\\ud800\"",
  };
  g_autoptr(GPtrArray) corpus = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261126);
  g_autofree LfProjection *proj = g_new (LfProjection, 1);
  const char *dirs[2];
  g_autofree char *presets = g_build_filename (g_getenv ("LANDFALL_SOURCE_DIR") ? g_getenv ("LANDFALL_SOURCE_DIR") : ".",
                                               "data", "presets", NULL);
  guint loaded = 0, refused = 0;

  dirs[0] = good_dir;
  dirs[1] = presets;
  for (int d = 0; d < 2; d++)
    {
      g_autoptr(GDir) dir = g_dir_open (dirs[d], 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dirs[d], name, NULL);
          char *text;
          gsize len;

          if (g_file_get_contents (path, &text, &len, NULL))
            g_ptr_array_add (corpus, g_bytes_new_take (text, len));
        }
    }
  g_assert_cmpuint (corpus->len, >=, 8);

  for (int i = 0; i < 3000; i++)
    {
      GBytes *seed = g_ptr_array_index (corpus, g_rand_int_range (rand, 0, corpus->len));
      gsize len;
      const char *data = g_bytes_get_data (seed, &len);
      GString *m = g_string_new_len (data, len);
      int edits = g_rand_int_range (rand, 1, 4);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(LfScenario) s = NULL;

      for (int e = 0; e < edits && m->len > 0; e++)
        {
          gsize at = g_rand_int_range (rand, 0, m->len);
          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0:   /* flip a byte */
              m->str[at] = (char) g_rand_int_range (rand, 1, 256);
              break;
            case 1:   /* cut the file short */
              g_string_truncate (m, at);
              break;
            case 2:   /* splice in a hostile token */
              g_string_insert (m, at, splices[g_rand_int_range (rand, 0, G_N_ELEMENTS (splices))]);
              break;
            default:  /* drop a run of bytes */
              {
                gsize n = (gsize) g_rand_int_range (rand, 1, 16);
                g_string_erase (m, at, MIN (n, m->len - at));
              }
              break;
            }
        }
      bytes = g_bytes_new (m->str, m->len);
      g_string_free (m, TRUE);
      s = lf_scenario_load_bytes (baseline, bytes, "fuzz", &error);
      if (s == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (g_str_has_prefix (error->message, "fuzz: "));
          g_assert_null (strchr (error->message, '\n'));
          refused++;
        }
      else
        {
          g_assert_no_error (error);
          g_assert_true (lf_scenario_validate (s, NULL));
          lf_project (s, proj);
          for (int k = 0; k < LF_N_SERIES; k++)
            for (int y = 0; y < LF_N_YEARS; y++)
              g_assert_true (isfinite (proj->series[k][y]));
          loaded++;
        }
    }
  g_test_message ("fuzz: %u loaded, %u refused", loaded, refused);
  g_assert_cmpuint (loaded, >, 0);
  g_assert_cmpuint (refused, >, 0);
}

/* The default baseline loaded ahead in a thread (as the program does at
 * start-up) is the one loaded at once, and its error comes through too. */
static void
test_baseline_preload (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfBaseline) now = lf_baseline_load_default (&error);
  g_autoptr(LfBaseline) ahead = NULL;
  g_autoptr(LfBaseline) again = NULL;
  g_autoptr(LfScenario) a = NULL;
  g_autoptr(LfScenario) b = NULL;
  g_autofree LfProjection *pa = g_new (LfProjection, 1);
  g_autofree LfProjection *pb = g_new (LfProjection, 1);
  g_autofree char *missing = g_build_filename (g_get_tmp_dir (), "landfall-no-such-baseline.json", NULL);

  g_assert_no_error (error);
  lf_baseline_preload_default ();
  lf_baseline_preload_default ();   /* once is enough: the second does nothing */
  /* Loaded before the setting changed (had it been loaded now, it would fail). */
  g_setenv ("LANDFALL_BASELINE", missing, TRUE);
  ahead = lf_baseline_load_default (&error);
  g_unsetenv ("LANDFALL_BASELINE");
  g_assert_no_error (error);
  g_assert_true (ahead != now);
  g_assert_cmpint (ahead->n_makers, ==, now->n_makers);
  g_assert_cmpint (ahead->n_sites, ==, now->n_sites);
  a = lf_scenario_new (now);
  b = lf_scenario_new (ahead);
  lf_project (a, pa);
  lf_project (b, pb);
  g_assert_cmpmem (pa->series, sizeof pa->series, pb->series, sizeof pb->series);
  /* Taken once: the next call loads anew. */
  again = lf_baseline_load_default (&error);
  g_assert_no_error (error);
  g_assert_true (again != ahead);

  /* The preload's error is the load's. */
  g_setenv ("LANDFALL_BASELINE", missing, TRUE);
  lf_baseline_preload_default ();
  g_unsetenv ("LANDFALL_BASELINE");
  g_assert_null (lf_baseline_load_default (&error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* An analyst's edited baseline (LANDFALL_BASELINE, --baseline) is user input
 * too: a damaged copy is refused with one line, or it runs with finite results. */
static void
test_baseline_fuzz (void)
{
  static const char *const splices[] = { "1e308", "-1e308", "0", "-1", "1e-308", "null", "[]", "{}",
                                         "\"unlimited\"", "99999999" };
  g_autofree char *path = g_build_filename (g_getenv ("LANDFALL_SOURCE_DIR") ? g_getenv ("LANDFALL_SOURCE_DIR") : ".",
                                            "data", "baseline.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1126);
  g_autofree LfProjection *proj = g_new (LfProjection, 1);
  g_autofree LfBands *bands = g_new (LfBands, 1);
  gsize len;
  guint loaded = 0, refused = 0;

  g_assert_true (g_file_get_contents (path, &text, &len, NULL));
  for (int i = 0; i < 1500; i++)
    {
      GString *m = g_string_new_len (text, len);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      LfBaseline *b;

      for (int e = 0; e < 2; e++)
        {
          gsize at = g_rand_int_range (rand, 0, m->len);
          /* Mostly numbers replaced, where the interesting failures are. */
          if (g_rand_int_range (rand, 0, 3) > 0)
            {
              while (at < m->len && !g_ascii_isdigit (m->str[at]))
                at++;
              if (at < m->len)
                {
                  gsize end = at;
                  while (end < m->len && (g_ascii_isdigit (m->str[end]) || m->str[end] == '.'))
                    end++;
                  g_string_erase (m, at, end - at);
                  g_string_insert (m, at, splices[g_rand_int_range (rand, 0, G_N_ELEMENTS (splices))]);
                }
            }
          else
            g_string_truncate (m, at);
        }
      bytes = g_bytes_new (m->str, m->len);
      g_string_free (m, TRUE);
      b = lf_baseline_load_bytes (bytes, "baseline", &error);
      if (b == NULL)
        {
          g_assert_nonnull (error);
          refused++;
          continue;
        }
      {
        g_autoptr(LfScenario) s = lf_scenario_new (b);
        g_autoptr(LfScenario) open = lf_scenario_new (b);

        lf_scenario_set_number (open, "rule.connected_vehicle", 0, NULL);
        lf_scenario_set_number (open, "tariff.china", 0, NULL);
        for (int k = 0; k < 2; k++)
          {
            lf_project (k ? open : s, proj);
            for (int q = 0; q < LF_N_SERIES; q++)
              for (int y = 0; y < LF_N_YEARS; y++)
                if (!isfinite (proj->series[q][y]))
                  g_error ("mutation %d: %s[%d] is not finite", i, lf_series_name (q), y);
          }
        lf_monte_carlo (open, 20, 1, bands, NULL);
      }
      lf_baseline_unref (b);
      loaded++;
    }
  g_test_message ("baseline fuzz: %u loaded, %u refused", loaded, refused);
  g_assert_cmpuint (loaded, >, 0);
  g_assert_cmpuint (refused, >, 0);
}

/* Saved numbers are the shortest text that reads back exactly, so people can
 * read and edit their files: 0.7, not 0.69999999999999996. */
static void
test_save_short_numbers (void)
{
  g_autoptr(LfScenario) s = lf_scenario_new (baseline);
  g_autoptr(LfScenario) back = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (lf_scenario_set_number (s, "behaviour.pass_through", 0.7, NULL));
  g_assert_true (lf_scenario_set_number (s, "tariff.china@2029", 12.3, NULL));
  g_assert_true (lf_scenario_set_string (s, "quota.china@2030", "unlimited", NULL));
  g_assert_true (lf_scenario_set_number (s, "quota.china@2028", 49000, NULL));
  text = lf_scenario_to_json (s);
  g_assert_nonnull (strstr (text, "\"behaviour.pass_through\" : 0.7\n"));
  g_assert_nonnull (strstr (text, "\"tariff.china@2029\" : 12.3,"));
  g_assert_nonnull (strstr (text, "\"quota.china@2028\" : 49000,"));
  g_assert_nonnull (strstr (text, "\"quota.china@2030\" : \"unlimited\""));
  g_assert_null (strstr (text, "9999"));
  bytes = g_bytes_new (text, strlen (text));
  back = lf_scenario_load_bytes (baseline, bytes, "saved", NULL);
  g_assert_nonnull (back);
  g_assert_true (lf_scenario_equal (s, back));
}

/* Saved only when it differs from the default (that is, when 1), and read back. */
static void
test_save_authorised (void)
{
  g_autoptr(LfScenario) s = lf_scenario_new (baseline);
  g_autoptr(LfScenario) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *text = NULL;

  plain = lf_scenario_to_json (s);
  g_assert_null (strstr (plain, "authorised"));
  g_assert_null (strstr (plain, "expansion_years"));
  apply (s, "maker.byd.authorised=1");
  apply (s, "maker.other.authorised=1");
  apply (s, "maker.other.authorised=0");
  apply (s, "plants.expansion_years=0");
  text = lf_scenario_to_json (s);
  g_assert_nonnull (strstr (text, "\"maker.byd.authorised\" : 1"));
  g_assert_null (strstr (text, "maker.other"));
  g_assert_nonnull (strstr (text, "\"plants.expansion_years\" : 0"));
  bytes = g_bytes_new (text, strlen (text));
  back = lf_scenario_load_bytes (baseline, bytes, "saved", NULL);
  g_assert_nonnull (back);
  g_assert_true (lf_scenario_equal (s, back));
  g_assert_true (back->authorised[maker ("byd")]);
  assert_round_trip (s);
}


/* Choice levers are written by name and read back by name or number. */
static void
test_choice_round_trip (void)
{
  g_autoptr(LfScenario) s = lf_scenario_new (baseline);
  g_autoptr(LfScenario) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  g_assert_true (lf_scenario_apply (s, "market.ev_path=high", &error));
  g_assert_true (lf_scenario_apply (s, "ford.ev_case=1", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (s->value[LF_PARAM_EV_PATH], ==, LF_EV_PATH_HIGH);
  g_assert_cmpfloat (s->value[LF_PARAM_FORD_CASE], ==, LF_FORD_CASE_DOWNSIDE);
  json = lf_scenario_to_json (s);
  g_assert_nonnull (strstr (json, "\"market.ev_path\" : \"high\""));
  g_assert_nonnull (strstr (json, "\"ford.ev_case\" : \"downside\""));
  bytes = g_bytes_new (json, strlen (json));
  back = lf_scenario_load_bytes (baseline, bytes, "saved", &error);
  g_assert_no_error (error);
  g_assert_true (lf_scenario_equal (s, back));
  /* Refused: a name that is not one, a number out of range, a year. */
  g_assert_false (lf_scenario_apply (s, "market.ev_path=highest", &error));
  g_assert_cmpstr (error->message, ==, "market.ev_path: 'highest' is not one of low, central, high");
  g_clear_error (&error);
  g_assert_false (lf_scenario_apply (s, "ford.ev_case=2", &error));
  g_assert_cmpstr (error->message, ==, "ford.ev_case: 2 is not one of guidance, downside (or their numbers, 0 to 1)");
  g_clear_error (&error);
  g_assert_false (lf_scenario_apply (s, "market.ev_path@2030=low", &error));
  g_clear_error (&error);
  g_assert_cmpfloat (s->value[LF_PARAM_EV_PATH], ==, LF_EV_PATH_HIGH);
}

/* ---- comparison files ------------------------------------------------------- */

static LfComparisonFile *
comparison_from_text (const char *text, GError **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return lf_comparison_file_load_bytes (baseline, bytes, "c.landfall", error);
}

/* Saved and read back, a comparison is the same: its scenarios in order,
 * which is edited and which is the reference. */
static void
test_comparison_round_trip (void)
{
  g_autoptr(LfComparisonFile) c = lf_comparison_file_new ();
  g_autoptr(LfComparisonFile) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "briefing.landfall", NULL);

  c->scenarios[0] = lf_scenario_new (baseline);
  c->scenarios[1] = load_good ("named.json");
  c->scenarios[2] = lf_scenario_new (baseline);
  apply (c->scenarios[2], "tariff.china@2028=25");
  apply (c->scenarios[2], "rule.connected_vehicle=0");
  lf_scenario_set_name (c->scenarios[2], "Deal, \"2028\"");
  lf_scenario_set_description (c->scenarios[2], "line one\nline two");
  c->n = 3;
  c->edited = 2;
  c->reference = 1;

  g_assert_true (lf_comparison_file_save (c, path, &error));
  g_assert_no_error (error);
  back = lf_comparison_file_load_file (baseline, path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->n, ==, 3);
  g_assert_cmpint (back->edited, ==, 2);
  g_assert_cmpint (back->reference, ==, 1);
  for (int i = 0; i < 3; i++)
    g_assert_true (lf_scenario_equal (back->scenarios[i], c->scenarios[i]));
  /* The text is the same when written again. */
  {
    g_autofree char *a = lf_comparison_file_to_json (c);
    g_autofree char *b = lf_comparison_file_to_json (back);
    g_assert_cmpstr (a, ==, b);
  }
  /* A comparison file is not one scenario, and says so. */
  {
    g_autoptr(LfScenario) s = lf_scenario_load_file (baseline, path, &error);
    g_assert_null (s);
    g_assert_nonnull (strstr (error->message, "is a comparison of several scenarios"));
  }
  lf_test_remove_tree (dir);
}

/* A scenario file reads as a comparison of one. */
static void
test_comparison_of_one (void)
{
  g_autofree char *path = g_build_filename (good_dir, "named.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfComparisonFile) c = lf_comparison_file_load_file (baseline, path, &error);
  g_autoptr(LfScenario) s = load_good ("named.json");

  g_assert_no_error (error);
  g_assert_cmpint (c->n, ==, 1);
  g_assert_cmpint (c->edited, ==, 0);
  g_assert_cmpint (c->reference, ==, 0);
  g_assert_true (lf_scenario_equal (c->scenarios[0], s));
}

/* Every fault refuses the whole file with one line naming where it is. */
static void
test_comparison_bad (void)
{
  static const struct { const char *text; const char *message; } cases[] = {
    { "{\"format\": 1, \"comparison\": {\"scenarios\": []}}",
      "c.landfall: comparison.scenarios: expected a list of 1 to 5 scenarios" },
    { "{\"format\": 1, \"comparison\": {\"scenarios\": [{}, {}, {}, {}, {}, {}]}}",
      "c.landfall: comparison.scenarios: expected a list of 1 to 5 scenarios" },
    { "{\"format\": 1, \"comparison\": {}}",
      "c.landfall: comparison.scenarios: expected a list of 1 to 5 scenarios" },
    { "{\"format\": 1, \"comparison\": {\"scenarios\": [{}, {}], \"edited\": 2}}",
      "c.landfall: comparison.edited: expected the index of one of its 2 scenarios (0 to 1)" },
    { "{\"format\": 1, \"comparison\": {\"scenarios\": [{}], \"reference\": -1}}",
      "c.landfall: comparison.reference: expected the index of one of its 1 scenarios (0 to 0)" },
    { "{\"format\": 1, \"comparison\": {\"scenarios\": [{}], \"edited\": 0.5}}",
      "c.landfall: comparison.edited: expected the index of one of its 1 scenarios (0 to 0)" },
    { "{\"format\": 1, \"comparison\": {\"scenarios\": [{}, {\"values\": {\"tariff.china\": 900}}]}}",
      "c.landfall: comparison.scenarios[1]: tariff.china: 900 is out of range (0 to 500 %)" },
    { "{\"format\": 1, \"comparison\": {\"scenarios\": [{\"format\": 1}]}}",
      "c.landfall: comparison.scenarios[0]: format: unknown member (a scenario has name, description, values)" },
    { "{\"format\": 1, \"comparison\": {\"scenarios\": [3]}}",
      "c.landfall: comparison.scenarios[0]: expected a scenario object" },
    { "{\"format\": 1, \"comparison\": [1]}",
      "c.landfall: comparison: expected an object of scenarios, edited, reference" },
    { "{\"format\": 1, \"comparison\": {\"scenarios\": [{}]}, \"values\": {}}",
      "c.landfall: values: unknown member (a comparison file has format, comparison)" },
    { "{\"format\": 1, \"comparison\": {\"scenarios\": [{}], \"colour\": 1}}",
      "c.landfall: comparison.colour: unknown member (a comparison has scenarios, edited, reference)" },
    { "{\"format\": 2, \"comparison\": {\"scenarios\": [{}]}}",
      "c.landfall: format: 2 is not supported (this version reads 1)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LfComparisonFile) c = comparison_from_text (cases[i].text, &error);

      g_test_message ("%s", cases[i].text);
      g_assert_null (c);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *srcdir = g_getenv ("LANDFALL_SOURCE_DIR");
  int ret;

  g_test_init (&argc, &argv, NULL);
  if (srcdir == NULL)
    g_error ("LANDFALL_SOURCE_DIR must name the source tree (meson test sets it)");
  good_dir = g_build_filename (srcdir, "tests", "scenarios", "good", NULL);
  bad_dir = g_build_filename (srcdir, "tests", "scenarios", "bad", NULL);
  baseline = lf_baseline_load_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/landfall/scenario/good/minimal", test_good_minimal);
  g_test_add_func ("/landfall/scenario/choice-round-trip", test_choice_round_trip);
  g_test_add_func ("/landfall/scenario/good/named", test_good_named);
  g_test_add_func ("/landfall/scenario/good/schedules", test_good_schedules);
  g_test_add_func ("/landfall/scenario/good/new-plant", test_good_new_plant);
  g_test_add_func ("/landfall/scenario/good/removed-plant", test_good_removed_plant);
  g_test_add_func ("/landfall/scenario/good/unlimited-quota", test_good_unlimited);
  g_test_add_func ("/landfall/scenario/good/authorised", test_good_authorised);
  g_test_add_func ("/landfall/scenario/good/presets", test_good_presets);
  add_bad_file_tests ();
  g_test_add_func ("/landfall/scenario/bad/oversized", test_bad_oversized);
  g_test_add_func ("/landfall/scenario/bad/not-regular", test_bad_not_regular);
  g_test_add_func ("/landfall/scenario/bad/bytes", test_bad_bytes);
  g_test_add_func ("/landfall/scenario/bad/empty-bytes", test_bad_empty_bytes);
  g_test_add_func ("/landfall/scenario/set/unchanged-on-error", test_set_unchanged_on_error);
  g_test_add_func ("/landfall/scenario/set/new-plant-unchanged-on-error",
                   test_set_new_plant_unchanged_on_error);
  g_test_add_func ("/landfall/scenario/set/accepts", test_set_accepts);
  g_test_add_func ("/landfall/scenario/set/expansion-years", test_set_expansion_years);
  g_test_add_func ("/landfall/scenario/set/authorised", test_set_authorised);
  g_test_add_func ("/landfall/scenario/round-trip/files", test_round_trip);
  g_test_add_func ("/landfall/scenario/round-trip/readded-plant", test_round_trip_readded_plant);
  g_test_add_func ("/landfall/scenario/round-trip/long-name", test_round_trip_long_name);
  g_test_add_func ("/landfall/scenario/save/atomic", test_save_atomic);
  g_test_add_func ("/landfall/scenario/save/missing-dir", test_save_missing_dir);
  g_test_add_func ("/landfall/scenario/fuzz", test_fuzz);
  g_test_add_func ("/landfall/scenario/save-short-numbers", test_save_short_numbers);
  g_test_add_func ("/landfall/scenario/save-authorised", test_save_authorised);
  g_test_add_func ("/landfall/scenario/baseline-preload", test_baseline_preload);
  g_test_add_func ("/landfall/scenario/baseline-fuzz", test_baseline_fuzz);
  g_test_add_func ("/landfall/scenario/locale", test_locale);
  g_test_add_func ("/landfall/scenario/comparison/round-trip", test_comparison_round_trip);
  g_test_add_func ("/landfall/scenario/comparison/of-one", test_comparison_of_one);
  g_test_add_func ("/landfall/scenario/comparison/bad", test_comparison_bad);

  ret = g_test_run ();
  lf_baseline_unref (baseline);
  g_free (good_dir);
  g_free (bad_dir);
  return ret;
}
