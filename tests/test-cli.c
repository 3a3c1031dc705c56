/* test-cli.c: the real landfall binary, run as a process (path from
 * LANDFALL_BIN): listings, projections as CSV and JSON, Monte Carlo bands,
 * --set, failures as one line on stderr, and the same bytes in every locale. */
#include "config.h"

#include <math.h>

#include <locale.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <json-glib/json-glib.h>

#include "lf-scenario.h"
#include "lf-test-util.h"

static const char *landfall_bin;
static const char *source_dir;

typedef struct {
  int   exit_status;
  char *out;
  char *err;
} Result;

static void
result_free (Result *r)
{
  g_free (r->out);
  g_free (r->err);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

/* Runs @argv (NULL-terminated) under LC_ALL=@lc_all, without LANGUAGE. */
static Result *
spawn (const char *lc_all, char **argv)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  Result *r = g_new0 (Result, 1);
  int wait_status = 0;

  envp = g_environ_setenv (envp, "LC_ALL", lc_all, TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");
  g_spawn_sync (NULL, argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (wait_status, &error))
    r->exit_status = 0;
  else if (g_error_matches (error, G_SPAWN_EXIT_ERROR, error->code))
    r->exit_status = error->code;
  else
    g_error ("landfall did not exit normally: %s", error->message);
  return r;
}

/* Runs landfall with @args (NULL-terminated) under LC_ALL=@lc_all. */
static Result *
run_in_locale (const char *lc_all, const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) landfall_bin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  return spawn (lc_all, (char **) argv->pdata);
}

#define run(...) run_in_locale ("C.UTF-8", (const char *const[]) { __VA_ARGS__, NULL })

/* Whether standard error holds notes only ("landfall: note: …" lines),
 * which a projection prints beside its results. */
static gboolean
only_notes (const char *err)
{
  g_auto(GStrv) lines = g_strsplit (err, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0' && !g_str_has_prefix (lines[i], "landfall: note: "))
      return FALSE;
  return *err == '\0' || g_str_has_suffix (err, "\n");
}

static void
assert_success (const Result *r)
{
  if (r->exit_status != 0 || !only_notes (r->err))
    g_error ("landfall failed (exit %d): %s", r->exit_status, r->err);
  g_assert_cmpstr (r->out, !=, "");
}

/* ---- CSV ----------------------------------------------------------------- */

typedef struct {
  GStrv  header;
  GPtrArray *rows;   /* of GStrv */
} Csv;

static void
csv_free (Csv *c)
{
  g_strfreev (c->header);
  g_ptr_array_unref (c->rows);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Csv, csv_free)

static Csv *
csv_parse (const char *text)
{
  g_auto(GStrv) lines = NULL;
  Csv *c = g_new0 (Csv, 1);
  guint n;

  g_assert_true (g_str_has_suffix (text, "\n"));
  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpstr (lines[n - 1], ==, "");   /* the final newline */
  c->header = g_strsplit (lines[0], ",", -1);
  c->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 1; i + 1 < n; i++)
    {
      GStrv row = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (row), ==, g_strv_length (c->header));
      g_ptr_array_add (c->rows, row);
    }
  return c;
}

static int
csv_column (const Csv *c, const char *name)
{
  for (int i = 0; c->header[i] != NULL; i++)
    if (strcmp (c->header[i], name) == 0)
      return i;
  return -1;
}

static double
csv_get (const Csv *c, int year, const char *name)
{
  int col = csv_column (c, name);
  GStrv row;
  char *end = NULL;
  double v;

  if (col < 0)
    g_error ("no column %s", name);
  g_assert_cmpint (year, >=, LF_FIRST_YEAR);
  g_assert_cmpint (year, <=, LF_LAST_YEAR);
  row = g_ptr_array_index (c->rows, year - LF_FIRST_YEAR);
  v = g_ascii_strtod (row[col], &end);
  g_assert_true (end != row[col] && *end == '\0');
  return v;
}

static const char *const required_columns[] = {
  "year", "ev_sales_us", "chinese_ev_sales", "chinese_share_ev_pct", "ford_ev_sales",
  "ford_ev_sales_no_entry", "ford_ev_ebit_musd", "ford_ev_ebit_no_entry_musd",
  "ford_partner_income_musd", "tariff_revenue_musd", "avg_ev_price_usd",
};

static void
assert_projection_csv (const Csv *c)
{
  g_assert_cmpstr (c->header[0], ==, "year");
  for (guint i = 0; i < G_N_ELEMENTS (required_columns); i++)
    if (csv_column (c, required_columns[i]) < 0)
      g_error ("the CSV has no column %s", required_columns[i]);
  g_assert_cmpuint (c->rows->len, ==, LF_N_YEARS);
  for (guint i = 0; i < c->rows->len; i++)
    {
      GStrv row = g_ptr_array_index (c->rows, i);
      g_autofree char *year = g_strdup_printf ("%d", LF_FIRST_YEAR + (int) i);

      g_assert_cmpstr (row[0], ==, year);
      for (int k = 1; row[k] != NULL; k++)
        {
          char *end = NULL;
          g_ascii_strtod (row[k], &end);
          if (end == row[k] || *end != '\0')
            g_error ("%s, column %s: '%s' is not a number", year, c->header[k], row[k]);
        }
    }
}

/* ---- listings ------------------------------------------------------------ */

static void
test_list_parameters (void)
{
  g_autoptr(Result) r = run ("--list-parameters");
  g_auto(GStrv) lines = NULL;
  gboolean seen[LF_N_PARAMS] = { FALSE };

  assert_success (r);
  g_assert_true (g_str_has_suffix (r->out, "\n"));
  lines = g_strsplit (r->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      int p;

      if (g_strv_length (f) != 6)
        g_error ("line %u has %u fields, not 6: %s", i + 1, g_strv_length (f), lines[i]);
      for (int k = 0; k < 6; k++)
        if (k != 1 && *f[k] == '\0')   /* a unit may be empty, nothing else */
          g_error ("line %u: field %d is empty: %s", i + 1, k + 1, lines[i]);
      p = lf_param_lookup (f[0]);
      if (p >= 0)
        seen[p] = TRUE;
    }
  for (int p = 0; p < LF_N_PARAMS; p++)
    if (!seen[p])
      g_error ("--list-parameters does not list %s", lf_param_info (p)->key);
  g_assert_nonnull (strstr (r->out, "\ntariff.mexico\t%\t0\t500\t27.5\t"));
  g_assert_true (g_str_has_prefix (r->out, "tariff.china\t%\t0\t500\t127.5\t"));
  g_assert_nonnull (strstr (r->out, "\nquota.china\tvehicles/year\t0\tunlimited\tunlimited\t"));
  g_assert_nonnull (strstr (r->out, "\nrule.connected_vehicle\tmode\t0\t2\t1\t"));
  g_assert_nonnull (strstr (r->out, "\nplant.byd-cn.capacity\t"));
}

/* The capacity lever and one authorisation line per maker of the baseline. */
static void
test_list_parameters_new_keys (void)
{
  g_autoptr(Result) r = run ("--list-parameters");
  g_autoptr(GError) error = NULL;
  g_autoptr(LfBaseline) b = lf_baseline_load_default (&error);
  const char *plants, *makers;

  g_assert_no_error (error);
  assert_success (r);
  plants = strstr (r->out, "\nplants.expansion_years\tyears\t0\t10\t2\tYears for an entrant to add "
                   "capacity at its cheapest plant when it could sell more there than the plant makes "
                   "(0: capacity stays as set)\n");
  g_assert_nonnull (plants);
  /* Not a policy lever: no KEY@YEAR. */
  g_assert_null (strstr (r->out, "(0: capacity stays as set) (may"));
  makers = strstr (r->out, "\nmaker.");
  g_assert_nonnull (makers);
  for (int m = 0; m < b->n_makers; m++)
    {
      g_autofree char *line = g_strdup_printf ("\nmaker.%s.authorised\t0/1\t0\t1\t0\t1: Commerce has "
                                               "authorised %s under the connected-vehicle rule "
                                               "(sells under rule mode 1)\n",
                                               b->makers[m].id, b->makers[m].name);
      if (strstr (r->out, line) == NULL)
        g_error ("--list-parameters has no line %s", line + 1);
    }
  /* After the global levers, before the plants. */
  g_assert_true (makers > plants);
  g_assert_true (makers < strstr (r->out, "\nplant."));
}

/* --set and --save-scenario take both keys; the file gives the same projection. */
static void
test_save_scenario_new_keys (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("landfall-test-cli-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "s.landfall", NULL);
  g_autofree char *text = NULL;
  g_autoptr(Result) a = NULL;
  g_autoptr(Result) b = NULL;

  g_assert_no_error (error);
  a = run ("--project", "--set", "maker.byd.authorised=1", "--set", "maker.xiaomi.authorised=0",
           "--set", "plants.expansion_years=0", "--save-scenario", path);
  assert_success (a);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"maker.byd.authorised\" : 1"));
  g_assert_null (strstr (text, "xiaomi"));
  g_assert_nonnull (strstr (text, "\"plants.expansion_years\" : 0"));
  b = run ("--project", "--scenario", path);
  assert_success (b);
  g_assert_cmpstr (a->out, ==, b->out);
  g_remove (path);
  g_rmdir (dir);
}

/* Minimum, maximum and default as a person would write them (0.35, not
 * 0.34999999999999998). */
static void
test_list_parameters_numbers (void)
{
  g_autoptr(Result) r = run ("--list-parameters");

  assert_success (r);
  g_assert_nonnull (strstr (r->out, "\nbehaviour.acceptance_speed\t1/year\t0.05\t2\t0.35\t"));
  g_assert_nonnull (strstr (r->out, "\nbehaviour.consideration_cap\tfraction\t0.05\t1\t0.44\t"));
  /* Choices by name, with the names listed. */
  g_assert_nonnull (strstr (r->out, "\nmarket.ev_path\tpath\tlow\thigh\tcentral\t"));
  g_assert_nonnull (strstr (r->out, "(one of: low, central, high)\n"));
  g_assert_nonnull (strstr (r->out, "\nford.ev_case\tcase\tguidance\tdownside\tguidance\t"));
  {
    g_autoptr(Result) t = run ("--tornado");
    g_assert_nonnull (strstr (t->out, "\nmarket.ev_path\tlow\thigh\t"));
  }
  g_assert_nonnull (strstr (r->out, "\nbehaviour.pass_through\tfraction\t0\t1\t0.8\t"));
}

static void
test_list_sites (void)
{
  g_autoptr(Result) r = run ("--list-sites");
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  assert_success (r);
  lines = g_strsplit (r->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++, n++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (f), ==, 6);
      g_assert_true (g_strv_contains ((const char *const[]) { "china", "mexico", "us", "canada",
                                                              NULL }, f[1]));
      g_assert_cmpint (atoi (f[2]), >=, LF_FIRST_YEAR);
      g_assert_cmpint (atoi (f[2]), <=, LF_LAST_YEAR);
    }
  g_assert_cmpuint (n, >=, 4);
  g_assert_true (g_str_has_prefix (r->out, "cn-export\tchina\t"));
  g_assert_nonnull (strstr (r->out, "\nmx-nuevo-leon\tmexico\t2028\t25.69\t-100.32\t"));
  g_assert_nonnull (strstr (r->out, "\nus-mi-flat-rock\tus\t"));
}

/* ---- projections --------------------------------------------------------- */

static void
test_project_csv (void)
{
  g_autoptr(Result) r = run ("--project");
  g_autoptr(Csv) c = NULL;

  assert_success (r);
  c = csv_parse (r->out);
  assert_projection_csv (c);
  g_assert_cmpfloat (csv_get (c, 2025, "ev_sales_us"), ==, 1275714);
  g_assert_cmpfloat (csv_get (c, 2025, "ford_ev_sales"), ==, 78927);
  g_assert_cmpfloat (csv_get (c, 2025, "ford_ev_ebit_musd"), ==, -3230);
  g_assert_cmpfloat (csv_get (c, 2025, "chinese_ev_sales"), ==, 0);
  g_assert_cmpfloat_with_epsilon (csv_get (c, 2025, "avg_ev_price_usd"), 58638, 60);
  for (int year = LF_FIRST_YEAR; year <= LF_LAST_YEAR; year++)
    g_assert_cmpfloat (csv_get (c, year, "ford_ev_sales"), <=,
                       csv_get (c, year, "ev_sales_us"));
}

static void
test_project_json (void)
{
  g_autoptr(Result) r = run ("--project", "--format", "json");
  g_autoptr(Result) rc = run ("--project");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(Csv) c = NULL;
  JsonObject *root, *series;
  JsonArray *years;

  assert_success (r);
  json_parser_load_from_data (parser, r->out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  root = json_node_get_object (json_parser_get_root (parser));
  years = json_object_get_array_member (root, "years");
  g_assert_cmpuint (json_array_get_length (years), ==, LF_N_YEARS);
  g_assert_cmpint (json_array_get_int_element (years, 0), ==, LF_FIRST_YEAR);
  g_assert_cmpint (json_array_get_int_element (years, LF_N_YEARS - 1), ==, LF_LAST_YEAR);
  series = json_object_get_object_member (root, "series");
  g_assert_nonnull (series);

  /* The same numbers as the CSV, which rounds them. */
  c = csv_parse (rc->out);
  for (guint i = 1; i < G_N_ELEMENTS (required_columns); i++)
    {
      JsonArray *a = json_object_get_array_member (series, required_columns[i]);

      g_assert_nonnull (a);
      g_assert_cmpuint (json_array_get_length (a), ==, LF_N_YEARS);
      for (int y = 0; y < LF_N_YEARS; y++)
        g_assert_cmpfloat_with_epsilon (json_array_get_double_element (a, y),
                                        csv_get (c, LF_FIRST_YEAR + y, required_columns[i]),
                                        0.51);
    }
  g_assert_true (json_object_has_member (root, "sales_by_maker"));
  g_assert_true (json_object_has_member (root, "sales_by_plant"));
  g_assert_false (json_object_has_member (root, "bands"));
}

static void
assert_bands (const Csv *c)
{
  static const char *const banded[] = {
    "ev_sales_us", "chinese_ev_sales", "chinese_share_ev_pct", "ford_ev_sales",
    "ford_ev_ebit_musd",
  };

  for (guint i = 0; i < G_N_ELEMENTS (banded); i++)
    for (int year = LF_FIRST_YEAR; year <= LF_LAST_YEAR; year++)
      {
        g_autofree char *p10 = g_strconcat (banded[i], "_p10", NULL);
        g_autofree char *p50 = g_strconcat (banded[i], "_p50", NULL);
        g_autofree char *p90 = g_strconcat (banded[i], "_p90", NULL);

        g_assert_cmpfloat (csv_get (c, year, p10), <=, csv_get (c, year, p50));
        g_assert_cmpfloat (csv_get (c, year, p50), <=, csv_get (c, year, p90));
      }
}

static void
test_draws (void)
{
  g_autoptr(Result) a = run ("--project", "--draws", "200", "--seed", "7");
  g_autoptr(Result) b = run ("--project", "--draws", "200", "--seed", "7");
  g_autoptr(Result) plain = run ("--project");
  /* Open to China-built cars: the rule off and a tariff they can pay. */
  g_autoptr(Result) open7 = run ("--project", "--draws", "200", "--seed", "7",
                                 "--set", "rule.connected_vehicle=0", "--set", "tariff.china=25");
  g_autoptr(Result) open8 = run ("--project", "--draws", "200", "--seed", "8",
                                 "--set", "rule.connected_vehicle=0", "--set", "tariff.china=25");
  g_autoptr(Csv) c = NULL;
  g_autoptr(Csv) cp = NULL;
  g_autoptr(Csv) co = NULL;

  assert_success (a);
  assert_success (open7);
  c = csv_parse (a->out);
  cp = csv_parse (plain->out);
  assert_projection_csv (c);
  g_assert_cmpuint (g_strv_length (c->header), >, g_strv_length (cp->header));
  g_assert_cmpint (csv_column (c, "chinese_share_ev_pct_p10"), >, 0);
  g_assert_cmpint (csv_column (c, "chinese_share_ev_pct_p50"), >, 0);
  g_assert_cmpint (csv_column (c, "chinese_share_ev_pct_p90"), >, 0);
  g_assert_cmpint (csv_column (c, "ford_ev_ebit_musd_p90"), >, 0);
  assert_bands (c);

  /* The same seed, the same bytes; another seed, other bands. */
  g_assert_cmpstr (a->out, ==, b->out);
  g_assert_cmpstr (open7->out, !=, open8->out);
  co = csv_parse (open7->out);
  assert_bands (co);
  g_assert_cmpfloat (csv_get (co, 2030, "chinese_share_ev_pct_p90"), >,
                     csv_get (co, 2030, "chinese_share_ev_pct_p10"));

  /* JSON carries the draws and the seed. */
  {
    g_autoptr(Result) j = run ("--project", "--format", "json", "--draws", "20", "--seed", "7");
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    JsonObject *root;

    assert_success (j);
    json_parser_load_from_data (parser, j->out, -1, &error);
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpint (json_object_get_int_member (root, "draws"), ==, 20);
    g_assert_cmpint (json_object_get_int_member (root, "seed"), ==, 7);
    g_assert_true (json_object_has_member (json_object_get_object_member (root, "bands"),
                                           "chinese_share_ev_pct"));
  }
}

/* Ford's impact in the CSV: the net effect is the EBIT change plus the fee
 * (to the CSV's 0.1 M USD rounding), zero under current policy; with draws it
 * has its own band. */
static void
test_ford_impact_columns (void)
{
  g_autoptr(Result) current = run ("--project");
  g_autoptr(Result) partner = run ("--project", "--draws", "100", "--set", "rule.connected_vehicle=2",
                                   "--set", "plant.x.maker=xiaomi", "--set", "plant.x.site=us-mi-flat-rock",
                                   "--set", "plant.x.capacity=200000", "--set", "ford.partnership=1");
  g_autoptr(Csv) c = NULL;
  g_autoptr(Csv) p = NULL;

  assert_success (current);
  assert_success (partner);
  c = csv_parse (current->out);
  p = csv_parse (partner->out);
  for (int year = LF_FIRST_YEAR; year <= LF_LAST_YEAR; year++)
    {
      g_assert_cmpfloat (csv_get (c, year, "ford_net_effect_musd"), ==, 0.0);
      g_assert_cmpfloat (csv_get (c, year, "ford_ev_sales_change"), ==, 0.0);
      g_assert_cmpfloat (fabs (csv_get (p, year, "ford_net_effect_musd") -
                               csv_get (p, year, "ford_ev_ebit_change_musd") -
                               csv_get (p, year, "ford_partner_income_musd")), <=, 0.11);
      g_assert_cmpfloat (fabs (csv_get (p, year, "ford_ev_ebit_change_musd") -
                               (csv_get (p, year, "ford_ev_ebit_musd") -
                                csv_get (p, year, "ford_ev_ebit_no_entry_musd"))), <=, 0.11);
      g_assert_cmpfloat (csv_get (p, year, "ford_ev_sales_change"), ==,
                         csv_get (p, year, "ford_ev_sales") - csv_get (p, year, "ford_ev_sales_no_entry"));
    }
  g_assert_cmpfloat (csv_get (p, 2030, "ford_net_effect_musd"), >, 0.0);
  g_assert_cmpfloat (csv_get (p, 2030, "ford_net_effect_musd_p90"), >, csv_get (p, 2030, "ford_net_effect_musd_p10"));
}

static void
test_set_schedule (void)
{
  g_autoptr(Result) flat = run ("--project", "--set", "rule.connected_vehicle=0");
  g_autoptr(Result) step = run ("--project", "--set", "rule.connected_vehicle=0",
                                "--set", "tariff.china@2028=25");
  g_autoptr(Csv) a = NULL;
  g_autoptr(Csv) b = NULL;

  assert_success (flat);
  assert_success (step);
  a = csv_parse (flat->out);
  b = csv_parse (step->out);
  for (int y = 0; y < lf_year_index (2028); y++)
    {
      g_autofree char *ra = g_strjoinv (",", g_ptr_array_index (a->rows, y));
      g_autofree char *rb = g_strjoinv (",", g_ptr_array_index (b->rows, y));
      g_assert_cmpstr (ra, ==, rb);
    }
  for (int year = 2028; year <= LF_LAST_YEAR; year++)
    g_assert_cmpfloat (csv_get (b, year, "chinese_china_built"), >,
                       csv_get (a, year, "chinese_china_built"));
}

static void
test_add_plant (void)
{
  g_autoptr(Result) r = run ("--project", "--format", "json",
                             "--set", "plant.x.maker=byd", "--set", "plant.x.site=mx-nuevo-leon",
                             "--set", "rule.connected_vehicle=0");
  g_autoptr(Result) csv = run ("--project", "--set", "plant.x.maker=byd",
                               "--set", "plant.x.site=mx-nuevo-leon",
                               "--set", "rule.connected_vehicle=0");
  g_autoptr(Result) ruled = run ("--project", "--set", "plant.x.maker=byd",
                                 "--set", "plant.x.site=mx-nuevo-leon");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(Csv) c = NULL;
  JsonObject *plants;
  JsonArray *x;

  assert_success (r);
  assert_success (ruled);
  json_parser_load_from_data (parser, r->out, -1, &error);
  g_assert_no_error (error);
  plants = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                          "sales_by_plant");
  x = json_object_get_array_member (plants, "x");
  g_assert_nonnull (x);
  /* Monterrey opens in 2028 at the earliest. */
  g_assert_cmpfloat (json_array_get_double_element (x, lf_year_index (2027)), ==, 0);
  g_assert_cmpfloat (json_array_get_double_element (x, lf_year_index (2028)), >, 0);
  c = csv_parse (csv->out);
  g_assert_cmpfloat (csv_get (c, 2030, "chinese_mexico_built"), >, 0);
  g_assert_cmpfloat (csv_get (c, 2030, "entrant_na_jobs"), >, 0);
}

/* --save-scenario then --scenario gives the same projection as the --set. */
static void
test_save_scenario (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("landfall-test-cli-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "s.landfall", NULL);
  g_autoptr(Result) a = NULL;
  g_autoptr(Result) b = NULL;

  g_assert_no_error (error);
  a = run ("--project", "--set", "tariff.china@2029=40", "--set", "plant.y.maker=geely",
           "--set", "plant.y.site=us-ga-savannah", "--set", "rule.connected_vehicle=2",
           "--save-scenario", path);
  assert_success (a);
  b = run ("--project", "--scenario", path);
  assert_success (b);
  g_assert_cmpstr (a->out, ==, b->out);
  g_remove (path);
  g_rmdir (dir);
}

/* --save-scenario is batch work too: it must not try to open the window. */
static void
test_save_scenario_alone (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("landfall-test-cli-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "s.landfall", NULL);
  g_autoptr(Result) r = NULL;
  gboolean written;

  g_assert_no_error (error);
  r = run ("--set", "tariff.china=50", "--save-scenario", path);
  written = g_file_test (path, G_FILE_TEST_IS_REGULAR);
  g_remove (path);
  g_rmdir (dir);
  g_assert_cmpint (r->exit_status, ==, 0);
  g_assert_true (written);
}

/* ---- failures ------------------------------------------------------------ */

typedef struct {
  const char *args[8];
  int         exit_status;
  const char *mentions[3];   /* what the one line must name */
} BadCase;

static const BadCase bad_cases[] = {
  { { "--project", "--set", "tariff.japan=5" }, 2, { "tariff.japan", "unknown key" } },
  { { "--project", "--set", "tariff.china=900" }, 2, { "tariff.china", "900", "0 to 500" } },
  { { "--project", "--set", "tariff.china=lots" }, 2, { "tariff.china", "lots" } },
  { { "--project", "--set", "tariff.china" }, 2, { "tariff.china", "KEY=VALUE" } },
  { { "--project", "--set", "tariff.china@2040=5" }, 2, { "tariff.china@2040", "2040", "2035" } },
  { { "--project", "--set", "behaviour.pass_through@2030=1" }, 2, { "behaviour.pass_through" } },
  { { "--project", "--set", "rule.connected_vehicle=1.5" }, 2, { "rule.connected_vehicle", "1.5" } },
  { { "--project", "--set", "plant.x.maker=byd" }, 2, { "plant.x", "site" } },
  { { "--project", "--set", "plant.x.site=mars" }, 2, { "plant.x.site", "mars" } },
  { { "--project", "--set", "plants.expansion_years=11" }, 2, { "plants.expansion_years", "11", "0 to 10" } },
  { { "--project", "--set", "plants.expansion_years=2.5" }, 2, { "plants.expansion_years", "2.5", "whole" } },
  { { "--project", "--set", "plants.expansion_years@2030=3" }, 2, { "plants.expansion_years@2030", "by year" } },
  { { "--project", "--set", "maker.byd.authorised=2" }, 2, { "maker.byd.authorised", "2", "0 to 1" } },
  { { "--project", "--set", "maker.byd.authorised=0.5" }, 2, { "maker.byd.authorised", "0.5", "whole" } },
  { { "--project", "--set", "maker.byd.authorised@2030=1" }, 2, { "maker.byd.authorised@2030", "by year" } },
  { { "--project", "--set", "maker.tesla.authorised=1" }, 2, { "maker.tesla.authorised", "'tesla'", "byd" } },
  { { "--project", "--format", "xml" }, 2, { "--format", "xml" } },
  { { "--project", "--draws", "-1" }, 2, { "--draws", "-1" } },
  { { "--project", "--draws", "many" }, 2, { "--draws", "many" } },
  { { "--project", "--draws", "100001" }, 2, { "--draws", "100001" } },
  { { "--project", "--seed", "-5" }, 2, { "--seed", "-5" } },
  { { "--project", "--no-such-option" }, 2, { "--no-such-option" } },
  { { "--project", "stray" }, 2, { "stray" } },
  { { "--project", "--scenario", "/nonexistent/dir/s.landfall" }, 1,
    { "/nonexistent/dir/s.landfall" } },
};

static void
assert_one_line_failure (const Result *r, int exit_status)
{
  const char *nl;

  g_assert_cmpint (r->exit_status, ==, exit_status);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_true (g_str_has_prefix (r->err, "landfall: "));
  nl = strchr (r->err, '\n');
  g_assert_nonnull (nl);
  g_assert_cmpstr (nl, ==, "\n");
}

static void
test_bad_arguments (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *bc = &bad_cases[i];
      g_autofree char *cmd = g_strjoinv (" ", (char **) bc->args);
      g_autoptr(Result) r = run_in_locale ("C.UTF-8", bc->args);

      g_test_message ("landfall %s -> %.*s", cmd, (int) strcspn (r->err, "\n"), r->err);
      assert_one_line_failure (r, bc->exit_status);
      for (int k = 0; k < 3 && bc->mentions[k] != NULL; k++)
        if (strstr (r->err, bc->mentions[k]) == NULL)
          g_error ("landfall %s: '%s' does not mention '%s'", cmd, r->err, bc->mentions[k]);
    }
}

/* A bad scenario file: the message is the one the scenario tests expect. */
static void
test_bad_scenario_file (void)
{
  static const char *const names[] = {
    "unknown-key", "tariff-out-of-range", "malformed", "unknown-site", "plant-without-site",
    "format-wrong-version", "truncated", "maker-authorised-out-of-range", "schedule-authorised",
    "expansion-years-not-integer",
  };
  g_autofree char *dir = g_build_filename (source_dir, "tests", "scenarios", "bad", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.json", dir, names[i]);
      g_autofree char *exp_path = g_strdup_printf ("%s/%s.expected", dir, names[i]);
      g_autofree char *text = NULL;
      g_auto(GStrv) parts = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *line = NULL;
      g_autoptr(Result) r = NULL;

      g_assert_true (g_file_get_contents (exp_path, &text, NULL, NULL));
      g_strchomp (text);
      parts = g_strsplit (text, "@DIR@", -1);
      expected = g_strjoinv (dir, parts);
      line = g_strdup_printf ("landfall: %s\n", expected);
      r = run ("--project", "--scenario", path);
      assert_one_line_failure (r, 2);
      g_assert_cmpstr (r->err, ==, line);
    }
}

/* ---- comparison ----------------------------------------------------------- */

static char *
preset (const char *name)
{
  return g_build_filename (source_dir, "data", "presets", name, NULL);
}

/* The name --project gives a scenario file (its "scenario" in JSON). */
static char *
scenario_name (const char *path)
{
  g_autoptr(Result) r = run ("--project", "--format", "json", "--scenario", path);
  g_autoptr(JsonParser) parser = json_parser_new ();

  assert_success (r);
  g_assert_true (json_parser_load_from_data (parser, r->out, -1, NULL));
  return g_strdup (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                                  "scenario"));
}

/* Each block of a comparison, its first column taken off, is that
 * scenario's own --project output, and the column names it. */
static void
assert_blocks (const char *comparison, char **names, char **own, int n)
{
  g_auto(GStrv) lines = g_strsplit (comparison, "\n", -1);
  int l = 1;

  g_assert_true (g_str_has_prefix (lines[0], "scenario,year,"));
  for (int i = 0; i < n; i++)
    {
      g_auto(GStrv) own_lines = g_strsplit (own[i], "\n", -1);
      g_autofree char *prefix = g_strconcat (names[i], ",", NULL);

      g_assert_cmpstr (lines[0] + strlen ("scenario,"), ==, own_lines[0]);
      g_assert_cmpint (g_strv_length (own_lines), ==, LF_N_YEARS + 2);
      for (int k = 1; k <= LF_N_YEARS; k++, l++)
        {
          g_assert_nonnull (lines[l]);
          g_assert_true (g_str_has_prefix (lines[l], prefix));
          g_assert_cmpstr (lines[l] + strlen (prefix), ==, own_lines[k]);
        }
    }
  g_assert_cmpstr (lines[l], ==, "");
  g_assert_null (lines[l + 1]);
}

/* Three scenarios, --set on the first: three blocks, each its own --project. */
static void
test_compare_csv (void)
{
  g_autofree char *a = preset ("03-mexico-route.landfall");
  g_autofree char *b = preset ("05-trade-deal.landfall");
  g_autofree char *c = preset ("04-ford-xiaomi.landfall");
  g_autoptr(Result) all = run ("--project", "--scenario", a, "--compare", b, "--compare", c,
                               "--set", "tariff.mexico=60");
  g_autoptr(Result) ra = run ("--project", "--scenario", a, "--set", "tariff.mexico=60");
  g_autoptr(Result) ra_unset = run ("--project", "--scenario", a);
  g_autoptr(Result) rb = run ("--project", "--scenario", b);
  g_autoptr(Result) rc = run ("--project", "--scenario", c);
  g_autofree char *na = scenario_name (a), *nb = scenario_name (b), *nc = scenario_name (c);
  char *names[] = { na, nb, nc };
  char *own[] = { ra->out, rb->out, rc->out };

  assert_success (all);
  /* --set reaches the first scenario (and, by the blocks, only it). */
  g_assert_cmpstr (ra->out, !=, ra_unset->out);
  assert_blocks (all->out, names, own, 3);
}

/* With --draws each scenario has its own bands, as on its own. */
static void
test_compare_draws (void)
{
  g_autofree char *a = preset ("02-build-in-america.landfall");
  g_autofree char *b = preset ("06-rule-waived.landfall");
  g_autoptr(Result) all = run ("--project", "--draws", "40", "--seed", "7",
                               "--scenario", a, "--compare", b);
  g_autoptr(Result) ra = run ("--project", "--draws", "40", "--seed", "7", "--scenario", a);
  g_autoptr(Result) rb = run ("--project", "--draws", "40", "--seed", "7", "--scenario", b);
  g_autofree char *na = scenario_name (a), *nb = scenario_name (b);
  char *names[] = { na, nb };
  char *own[] = { ra->out, rb->out };

  assert_success (all);
  g_assert_nonnull (strstr (ra->out, "_p90"));
  assert_blocks (all->out, names, own, 2);
}

/* JSON: a "scenarios" array of the scenarios' own objects, in order; the
 * current policy when no --scenario is given. */
static void
test_compare_json (void)
{
  g_autofree char *b = preset ("03-mexico-route.landfall");
  g_autoptr(Result) all = run ("--project", "--format", "json", "--compare", b);
  g_autoptr(Result) ra = run ("--project", "--format", "json");
  g_autoptr(Result) rb = run ("--project", "--format", "json", "--scenario", b);
  g_autoptr(JsonParser) pall = json_parser_new ();
  g_autoptr(JsonParser) pa = json_parser_new ();
  g_autoptr(JsonParser) pb = json_parser_new ();
  JsonArray *array;

  assert_success (all);
  g_assert_true (json_parser_load_from_data (pall, all->out, -1, NULL));
  g_assert_true (json_parser_load_from_data (pa, ra->out, -1, NULL));
  g_assert_true (json_parser_load_from_data (pb, rb->out, -1, NULL));
  array = json_object_get_array_member (json_node_get_object (json_parser_get_root (pall)), "scenarios");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_true (json_node_equal (json_array_get_element (array, 0), json_parser_get_root (pa)));
  g_assert_true (json_node_equal (json_array_get_element (array, 1), json_parser_get_root (pb)));
}

/* Two scenarios of one name are told apart; a name with a comma is quoted. */
static void
test_compare_names (void)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "named.landfall", NULL);
  g_autofree char *a = preset ("03-mexico-route.landfall");
  g_autofree char *na = scenario_name (a);
  g_autofree char *second = NULL;
  g_autoptr(Result) save = run ("--scenario", a, "--save-scenario", path);
  g_autoptr(Result) twice = run ("--project", "--scenario", a, "--compare", a);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (save->exit_status, ==, 0);
  assert_success (twice);
  lines = g_strsplit (twice->out, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[1], na));
  second = g_strdup_printf ("%s (2),", na);
  g_assert_true (g_str_has_prefix (lines[1 + LF_N_YEARS], second));

  /* A name with a comma and a quote, as a file may carry. */
  {
    g_autofree char *text = NULL;
    g_autoptr(GRegex) re = g_regex_new ("\"name\" *: *\"[^\"]*\"", 0, 0, NULL);
    g_autofree char *renamed = NULL;
    g_autoptr(Result) r = NULL;

    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    renamed = g_regex_replace_literal (re, text, -1, 0, "\"name\": \"Tariffs, \\\"high\\\"\"", 0, NULL);
    g_assert_cmpstr (renamed, !=, text);
    g_assert_true (g_file_set_contents (path, renamed, -1, NULL));
    r = run ("--project", "--compare", path);
    assert_success (r);
    g_assert_nonnull (strstr (r->out, "\n\"Tariffs, \"\"high\"\"\",2025,"));
  }
  lf_test_remove_tree (dir);
}

/* A comparison file brings all its scenarios, in order; one that would make
 * more than five is refused; --scenario wants one scenario and says so. */
static void
test_compare_file (void)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "two.landfall", NULL);
  g_autofree char *five = g_build_filename (dir, "five.landfall", NULL);
  g_autoptr(Result) r = NULL;
  g_autoptr(Result) too_many = NULL;
  g_autoptr(Result) as_scenario = NULL;
  g_autoptr(Result) own = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_set_contents (path,
    "{\"format\": 1, \"comparison\": {\"edited\": 1, \"scenarios\": ["
    "{\"name\": \"Open\", \"values\": {\"rule.connected_vehicle\": 0}},"
    "{\"name\": \"Deal\", \"values\": {\"tariff.china@2028\": 25}}]}}", -1, NULL));
  g_assert_true (g_file_set_contents (five,
    "{\"format\": 1, \"comparison\": {\"scenarios\": [{}, {}, {}, {}, {}]}}", -1, NULL));

  r = run ("--project", "--compare", path);
  assert_success (r);
  lines = g_strsplit (r->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3 * LF_N_YEARS + 2);
  g_assert_true (g_str_has_prefix (lines[1], "Current policy,2025,"));
  g_assert_true (g_str_has_prefix (lines[1 + LF_N_YEARS], "Open,2025,"));
  g_assert_true (g_str_has_prefix (lines[1 + 2 * LF_N_YEARS], "Deal,2025,"));
  own = run ("--project", "--set", "rule.connected_vehicle=0");
  {
    g_auto(GStrv) own_lines = g_strsplit (own->out, "\n", -1);
    g_assert_cmpstr (lines[1 + LF_N_YEARS] + strlen ("Open,"), ==, own_lines[1]);
  }

  too_many = run ("--project", "--compare", five);
  assert_one_line_failure (too_many, 2);
  g_assert_nonnull (strstr (too_many->err, "brings the comparison to 6 scenarios"));

  as_scenario = run ("--project", "--scenario", path);
  assert_one_line_failure (as_scenario, 2);
  g_assert_nonnull (strstr (as_scenario->err, "a comparison of several scenarios, not one scenario"));
  lf_test_remove_tree (dir);
}

/* Wrong uses fail with one line and print nothing; a file that does not
 * load fails the whole run. */
static void
test_compare_errors (void)
{
  g_autofree char *a = preset ("03-mexico-route.landfall");
  g_autofree char *bad = g_build_filename (source_dir, "tests", "scenarios", "bad", "unknown-key.json", NULL);
  struct { const char *args[16]; int status; const char *mention; } cases[] = {
    { { "--project", "--compare", a, "--compare", a, "--compare", a, "--compare", a, "--compare", a }, 2,
      "6 scenarios in all, more than the 5" },
    { { "--compare", a, "--list-sites" }, 2, "--compare goes with --project or --export-png" },
    { { "--project", "--compare", a, "--tornado" }, 2, "not with --tornado" },
    { { "--export-png", "x.png", "--chart", "tornado", "--compare", a }, 2, "not --chart tornado" },
    { { "--export-png", "x.png", "--difference" }, 2, "--difference goes with --export-png and --compare" },
    { { "--project", "--compare", a, "--difference" }, 2, "--difference goes with --export-png and --compare" },
    { { "--project", "--compare", "" }, 2, "--compare: the file name is empty" },
    { { "--project", "--compare", "/nonexistent/dir/s.landfall" }, 1, "/nonexistent/dir/s.landfall" },
    { { "--project", "--compare", a, "--compare", bad }, 2, "unknown-key.json" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Result) r = run_in_locale ("C.UTF-8", cases[i].args);

      g_test_message ("case %u: %s", i, r->err);
      assert_one_line_failure (r, cases[i].status);
      g_assert_nonnull (strstr (r->err, cases[i].mention));
    }
}

/* ---- locale -------------------------------------------------------------- */

static void
test_locale (void)
{
  static const char *const cases[][14] = {
    { "--project" },
    { "--project", "--format", "json" },
    { "--list-parameters" },
    { "--list-sites" },
    { "--project", "--draws", "40", "--seed", "3", "--set", "rule.connected_vehicle=0",
      "--set", "tariff.china=27.5", "--set", "behaviour.pass_through=0.65" },
    { "--project", "--format", "json", "--draws", "10", "--set", "plant.z.maker=byd",
      "--set", "plant.z.site=us-tx-san-antonio", "--set", "plant.z.capacity=123456.5",
      "--set", "rule.connected_vehicle=2" },
    { "--attribution", "--set", "tariff.china@2028=27.5", "--set", "quota.china=100000",
      "--set", "rule.connected_vehicle=0", "--set", "credit.ev_usd=7500" },
    { "--project", "--set", "tariff.china=27,5" },
    { "--project", "--set", "tariff.china=500.5" },
  };
  g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));
  gboolean have_de = setlocale (LC_ALL, "de_DE.UTF-8") != NULL;

  setlocale (LC_ALL, old);
  if (!have_de)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed (Debian: apt install locales-all)");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Result) c = run_in_locale ("C", cases[i]);
      g_autoptr(Result) de = run_in_locale ("de_DE.UTF-8", cases[i]);
      g_autofree char *cmd = g_strjoinv (" ", (char **) cases[i]);

      g_test_message ("landfall %s", cmd);
      g_assert_cmpint (c->exit_status, ==, de->exit_status);
      g_assert_cmpstr (c->out, ==, de->out);
      g_assert_cmpstr (c->err, ==, de->err);
    }
}

static void
test_tornado (void)
{
  g_autoptr(Result) r = run ("--tornado", "--set", "rule.connected_vehicle=0");
  g_auto(GStrv) lines = NULL;
  g_autoptr(Result) bad = run ("--tornado", "--series", "nonsense");
  g_autoptr(Result) bad_year = run ("--tornado", "--year", "2040");

  assert_success (r);
  lines = g_strsplit (r->out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "key\tlow\thigh\tchinese_share_ev_pct_2030_at_low\t"
                                 "chinese_share_ev_pct_2030_at_high\tswing");
  /* The China tariff moves the share most when the rule is off. */
  g_assert_true (g_str_has_prefix (lines[1], "tariff.china\t0\t150\t"));
  g_assert_cmpint (g_strv_length (lines), >=, 14);
  for (int i = 1; lines[i] && *lines[i]; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpint (g_strv_length (f), ==, 6);
    }
  g_assert_cmpint (bad->exit_status, !=, 0);
  g_assert_nonnull (strstr (bad->err, "--series: 'nonsense'"));
  g_assert_cmpstr (bad->out, ==, "");
  g_assert_cmpint (bad_year->exit_status, !=, 0);
  g_assert_nonnull (strstr (bad_year->err, "--year: 2040 is out of range"));
  {
    g_autoptr(Result) alone = run ("--project", "--year", "2031");
    g_autoptr(Result) deflt = run ("--project", "--year", "2030");
    g_assert_cmpint (alone->exit_status, ==, 2);
    g_assert_nonnull (strstr (alone->err, "--year and --series go with --tornado"));
    /* The default year given explicitly is refused the same way. */
    g_assert_cmpint (deflt->exit_status, ==, 2);
    g_assert_nonnull (strstr (deflt->err, "--year and --series go with --tornado"));
  }
}

/* ---- attribution ------------------------------------------------------------ */

static void png_size (const char *path, guint *w, guint *h);

/* The last field of a row of --attribution (its part), and its first (the key). */
static double
last_number (const char *line)
{
  const char *comma = strrchr (line, ',');
  char *end = NULL;
  double v;

  g_assert_nonnull (comma);
  v = g_ascii_strtod (comma + 1, &end);
  g_assert_true (end != comma + 1 && *end == '\0');
  return v;
}

static char *
first_field (const char *line)
{
  return g_strndup (line, strcspn (line, ","));
}

/* Current policy's and the scenario's values: the total row's third and fourth fields. */
static void
total_values (const char *line, double *from, double *to)
{
  g_auto(GStrv) f = g_strsplit (line, ",", -1);

  g_assert_cmpuint (g_strv_length (f), ==, 5);
  *from = g_ascii_strtod (f[2], NULL);
  *to = g_ascii_strtod (f[3], NULL);
}

static void
test_attribution (void)
{
  g_autofree char *build = preset ("02-build-in-america.landfall");
  g_autoptr(Result) r = run ("--attribution", "--scenario", build);
  g_autoptr(Result) project = run ("--project", "--scenario", build);
  g_autoptr(Result) none = run ("--attribution");
  g_autoptr(Result) ebit = run ("--attribution", "--scenario", build, "--series", "ford_ev_sales", "--year", "2031");
  g_auto(GStrv) lines = NULL;
  double sum = 0.0, from, to;
  guint n;

  assert_success (r);
  lines = g_strsplit (r->out, "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpstr (lines[0], ==, "key,lever,current_policy,scenario,chinese_share_ev_pct_2030_contribution");
  /* The rule, two plants, the total and the final newline. */
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpstr (lines[n - 1], ==, "");
  for (guint i = 1; i < n - 2; i++)
    {
      g_autofree char *key = first_field (lines[i]);

      g_assert_true (g_str_equal (key, "rule.connected_vehicle") || g_str_equal (key, "plant.byd-tx") ||
                     g_str_equal (key, "plant.geely-sc"));
      sum += last_number (lines[i]);
      /* Largest part first. */
      if (i > 1)
        g_assert_cmpfloat (fabs (last_number (lines[i])), <=, fabs (last_number (lines[i - 1])));
    }
  /* A plant's values in words, quoted for their commas. */
  g_assert_nonnull (strstr (r->out, "plant.byd-tx,BYD plant (byd-tx),—,\"BYD at San Antonio, Texas"));
  g_assert_true (g_str_has_prefix (lines[n - 2], "total,All levers,"));
  total_values (lines[n - 2], &from, &to);
  /* The parts add up to the whole change (each printed to 6 decimals). */
  g_assert_cmpfloat_with_epsilon (sum, last_number (lines[n - 2]), 1e-5);
  g_assert_cmpfloat_with_epsilon (to - from, last_number (lines[n - 2]), 1e-5);
  g_assert_cmpfloat (to - from, >, 1.0);
  /* …from current policy's value to the scenario's, as --project has them. */
  {
    g_autoptr(Csv) c = csv_parse (project->out);
    g_assert_cmpfloat_with_epsilon (to, csv_get (c, 2030, "chinese_share_ev_pct"), 1e-3);
  }

  /* Current policy against itself: no lever, nothing changes. */
  assert_success (none);
  g_assert_true (g_str_has_prefix (none->out, "key,lever,current_policy,scenario,chinese_share_ev_pct_2030_contribution\n"
                                              "total,All levers,"));
  g_assert_true (g_str_has_suffix (none->out, ",0.000000\n"));

  assert_success (ebit);
  g_assert_true (g_str_has_prefix (ebit->out, "key,lever,current_policy,scenario,ford_ev_sales_2031_contribution\n"));

  {
    g_autoptr(Result) bad_year = run ("--attribution", "--year", "2040");
    g_autoptr(Result) bad_series = run ("--attribution", "--series", "nonsense");
    g_autoptr(Result) compare = run ("--project", "--attribution", "--compare", build);
    g_autoptr(Result) year_alone = run ("--project", "--year", "2031");

    g_assert_cmpint (bad_year->exit_status, ==, 2);
    g_assert_nonnull (strstr (bad_year->err, "--year: 2040 is out of range"));
    g_assert_cmpint (bad_series->exit_status, ==, 2);
    g_assert_nonnull (strstr (bad_series->err, "--series: 'nonsense'"));
    g_assert_cmpint (compare->exit_status, ==, 2);
    g_assert_nonnull (strstr (compare->err, "not with --attribution"));
    g_assert_cmpstr (compare->out, ==, "");
    g_assert_nonnull (strstr (year_alone->err, "--attribution"));
  }
}

/* --chart attribution draws the waterfall for the year and result asked. */
static void
test_attribution_png (void)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "attribution.png", NULL);
  g_autofree char *trade = preset ("05-trade-deal.landfall");
  g_autoptr(Result) r = run ("--export-png", path, "--chart", "attribution", "--size", "800x450",
                             "--scenario", trade, "--year", "2032", "--series", "ford_ev_ebit_musd");
  guint w, h;

  g_assert_cmpint (r->exit_status, ==, 0);
  g_assert_true (only_notes (r->err));
  png_size (path, &w, &h);
  g_assert_cmpuint (w, ==, 800);
  g_assert_cmpuint (h, ==, 450);
  g_remove (path);
  g_rmdir (dir);
}

/* --help is the command line's own help, not the window's. */
static void
test_help (void)
{
  g_autoptr(Result) r = run ("--help");

  g_assert_cmpint (r->exit_status, ==, 0);
  g_assert_nonnull (strstr (r->out, "--project"));
  g_assert_nonnull (strstr (r->out, "--tornado"));
  g_assert_null (strstr (r->out, "--gapplication-service"));
}

/* PNG export from the command line: every chart kind, the asked size, and an
 * unwritable path refused with one line. Reads the PNG header itself. */
static void
png_size (const char *path, guint *w, guint *h)
{
  g_autofree guchar *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, (char **) &data, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0);
  *w = (guint) data[16] << 24 | (guint) data[17] << 16 | (guint) data[18] << 8 | data[19];
  *h = (guint) data[20] << 24 | (guint) data[21] << 16 | (guint) data[22] << 8 | data[23];
}

static void
test_export_png (void)
{
  static const char *const kinds[] = { "share", "origin", "ford", "map", "tornado", "validation", "attribution",
                                       "ford-impact", "price", "tariff-revenue", "jobs", "market", "makers" };
  g_autofree char *dir = lf_test_make_temp_dir ();

  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.png", kinds[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(Result) r = run ("--export-png", path, "--chart", kinds[i], "--size", "640x360",
                                 "--set", "rule.connected_vehicle=0");
      guint w, h;

      g_assert_cmpint (r->exit_status, ==, 0);
      g_assert_true (only_notes (r->err));
      png_size (path, &w, &h);
      g_assert_cmpuint (w, ==, 640);
      g_assert_cmpuint (h, ==, 360);
      g_remove (path);
    }
  {
    g_autoptr(Result) r = run ("--export-png", "/nonexistent-dir/x.png");
    g_assert_cmpint (r->exit_status, ==, 1);
    g_assert_nonnull (strstr (r->err, "/nonexistent-dir/x.png"));
    /* One line: its only newline ends it. */
    g_assert_true (strchr (r->err, '\n') == r->err + strlen (r->err) - 1);
  }
  {
    g_autoptr(Result) r = run ("--export-png", "x.png", "--chart", "pie");
    g_assert_cmpint (r->exit_status, ==, 2);
    g_assert_nonnull (strstr (r->err, "--chart: 'pie'"));
    /* The message names every kind there is. */
    g_assert_nonnull (strstr (r->err, "ford-impact, price, tariff-revenue, jobs, market"));
  }
  /* A presentation-size export has the size asked for, and other pixels. */
  {
    g_autofree char *normal = g_build_filename (dir, "normal.png", NULL);
    g_autofree char *slides = g_build_filename (dir, "slides.png", NULL);
    g_autoptr(Result) a = run ("--export-png", normal, "--chart", "ford-impact", "--size", "960x540");
    g_autoptr(Result) b = run ("--export-png", slides, "--chart", "ford-impact", "--size", "960x540",
                               "--text-size", "presentation");
    g_autofree char *na = NULL, *nb = NULL;
    gsize la, lb;
    guint w, h;

    g_assert_cmpint (a->exit_status, ==, 0);
    g_assert_cmpint (b->exit_status, ==, 0);
    g_assert_true (only_notes (b->err));
    png_size (slides, &w, &h);
    g_assert_cmpuint (w, ==, 960);
    g_assert_cmpuint (h, ==, 540);
    g_assert_true (g_file_get_contents (normal, &na, &la, NULL));
    g_assert_true (g_file_get_contents (slides, &nb, &lb, NULL));
    g_assert_true (la != lb || memcmp (na, nb, la) != 0);
    g_remove (normal);
    g_remove (slides);
  }
  {
    g_autoptr(Result) r = run ("--export-png", "x.png", "--text-size", "huge");
    g_assert_cmpint (r->exit_status, ==, 2);
    g_assert_cmpstr (r->err, ==, "landfall: --text-size: 'huge' is not normal or presentation\n");
  }
  {
    g_autoptr(Result) r = run ("--project", "--text-size", "presentation");
    g_assert_cmpint (r->exit_status, ==, 2);
    g_assert_cmpstr (r->err, ==, "landfall: --chart, --size and --text-size go with --export-png FILE\n");
  }
  /* --chart list: every kind, with its title, tab-separated. */
  {
    g_autoptr(Result) r = run ("--chart", "list");
    g_auto(GStrv) lines = NULL;

    assert_success (r);
    lines = g_strsplit (r->out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), >=, 12);   /* eleven kinds at least, and the last newline */
    g_assert_nonnull (strstr (r->out, "ford-impact\tWhat Chinese entry does to Ford\n"));
    g_assert_nonnull (strstr (r->out, "market\tSize of the US EV market\n"));
  }
  g_rmdir (dir);
}


/* ---- the backtest (issue 9) ------------------------------------------------------ */

/* One CSV line into its fields, RFC 4180 quoting. */
static GStrv
split_csv_line (const char *line)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *c = line;; c++)
    {
      if (quoted)
        {
          g_assert_true (*c != '\0');   /* a closing quote on the same line */
          if (*c == '"' && c[1] == '"')
            g_string_append_c (field, *c++);
          else if (*c == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *c);
        }
      else if (*c == '"' && field->len == 0)
        quoted = TRUE;
      else if (*c == ',' || *c == '\0')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          if (*c == '\0')
            break;
        }
      else
        g_string_append_c (field, *c);
    }
  g_ptr_array_add (fields, NULL);
  return (GStrv) g_ptr_array_steal (fields, NULL);
}

/* landfall --validate: the header, one row per observed year of
 * data/validation.json (same markets, same years, same observed figures),
 * shares from 0 to 100, a source on every row, at least four markets. */
static void
test_validate (void)
{
  g_autoptr(Result) r = run ("--validate");
  g_autofree char *path = g_build_filename (source_dir, "data", "validation.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) markets = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) lines = NULL;
  JsonArray *data;
  guint row = 1, n;

  assert_success (r);
  g_assert_true (g_str_has_prefix (r->out, "market,year,observed_share_pct,model_share_pct,source"));
  g_assert_true (g_str_has_suffix (r->out, "\n"));
  lines = g_strsplit (r->out, "\n", -1);
  n = g_strv_length (lines);

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  data = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "markets");
  for (guint i = 0; i < json_array_get_length (data); i++)
    {
      JsonObject *m = json_array_get_object_element (data, i);
      JsonArray *points = json_object_get_array_member (m, "observed_share_pct");
      const char *id = json_object_get_string_member (m, "id");

      g_hash_table_add (markets, (gpointer) id);
      for (guint j = 0; j < json_array_get_length (points); j++, row++)
        {
          JsonObject *p = json_array_get_object_element (points, j);
          g_auto(GStrv) f = NULL;
          g_autofree char *year = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (p, "year"));
          char *end = NULL;
          double observed, model;

          g_assert_cmpuint (row, <, n);
          f = split_csv_line (lines[row]);
          g_assert_cmpuint (g_strv_length (f), >=, 5);
          g_assert_cmpstr (f[0], ==, id);
          g_assert_cmpstr (f[1], ==, year);
          observed = g_ascii_strtod (f[2], &end);
          g_assert_true (end != f[2] && *end == '\0');
          model = g_ascii_strtod (f[3], &end);
          g_assert_true (end != f[3] && *end == '\0');
          g_assert_cmpfloat_with_epsilon (observed, json_object_get_double_member (p, "value"), 0.005);
          g_assert_cmpfloat (observed, >=, 0.0);
          g_assert_cmpfloat (observed, <=, 100.0);
          g_assert_cmpfloat (model, >=, 0.0);
          g_assert_cmpfloat (model, <=, 100.0);
          g_assert_cmpuint (strlen (f[4]), >, 0);
          g_assert_cmpstr (f[4], ==, json_object_get_string_member (p, "source"));
        }
    }
  g_assert_cmpuint (row, ==, n - 1);          /* nothing after the last point but the final newline */
  g_assert_cmpstr (lines[n - 1], ==, "");
  g_assert_cmpuint (g_hash_table_size (markets), >=, 4);

  /* The same bytes in every locale. */
  {
    g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));
    gboolean have_de = setlocale (LC_ALL, "de_DE.UTF-8") != NULL;

    setlocale (LC_ALL, old);
    if (have_de)
      {
        g_autoptr(Result) de = run_in_locale ("de_DE.UTF-8", (const char *const[]) { "--validate", NULL });
        g_autoptr(Result) c = run_in_locale ("C", (const char *const[]) { "--validate", NULL });

        g_assert_cmpint (de->exit_status, ==, 0);
        g_assert_cmpstr (de->out, ==, r->out);
        g_assert_cmpstr (c->out, ==, r->out);
        g_assert_true (only_notes (de->err));
      }
    else
      g_test_message ("de_DE.UTF-8 is not installed: the locale comparison is skipped");
  }

  /* A broken baseline is one line and exit 1; --validate alone needs no scenario. */
  {
    g_autoptr(Result) bad = run ("--validate", "--baseline", "/nonexistent-dir/baseline.json");

    g_assert_cmpint (bad->exit_status, ==, 1);
    g_assert_cmpstr (bad->out, ==, "");
    g_assert_true (g_str_has_prefix (bad->err, "landfall: "));
    g_assert_true (strchr (bad->err, '\n') == bad->err + strlen (bad->err) - 1);
  }
  {
    g_autoptr(Result) help = run ("--help");
    g_assert_nonnull (strstr (help->out, "--validate"));
  }
}

/* The backtest chart at the asked size, and beside --validate in one run. */
static void
test_validate_chart (void)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "validation.png", NULL);
  g_autoptr(Result) r = run ("--validate", "--export-png", path, "--chart", "validation", "--size", "1000x560");
  g_autoptr(Result) alone = run ("--validate");
  guint w, h;

  assert_success (r);
  g_assert_cmpstr (r->out, ==, alone->out);
  png_size (path, &w, &h);
  g_assert_cmpuint (w, ==, 1000);
  g_assert_cmpuint (h, ==, 560);
  g_remove (path);
  g_rmdir (dir);
}


/* ---- issue 7: nothing lost, nothing crashes ----------------------------------------- */

/* Runs landfall through bash: @script sees the program as "$0" and @args as
 * "$@", so it can redirect, set a ulimit or an environment variable first. */
static Result *
run_sh_v (const char *script, const char *const *args)
{
  g_autoptr(GPtrArray) full = g_ptr_array_new ();

  g_ptr_array_add (full, (char *) "/bin/bash");
  g_ptr_array_add (full, (char *) "-c");
  g_ptr_array_add (full, (char *) script);
  g_ptr_array_add (full, (char *) landfall_bin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (full, (char *) args[i]);
  g_ptr_array_add (full, NULL);
  return spawn ("C.UTF-8", (char **) full->pdata);
}

#define run_sh(script, ...) run_sh_v (script, (const char *const[]) { __VA_ARGS__, NULL })

/* Exactly one line on standard error, starting "landfall: ". */
static void
assert_one_error_line (const Result *r)
{
  g_assert_true (g_str_has_prefix (r->err, "landfall: "));
  g_assert_true (g_str_has_suffix (r->err, "\n"));
  g_assert_true (strchr (r->err, '\n') == r->err + strlen (r->err) - 1);
}

/* A failed export (the disk fills half way: RLIMIT_FSIZE, as "ulimit -f"
 * sets it, fails the write as a full disk would) leaves the chart that was
 * there byte for byte, and nothing beside it. */
static void
test_export_full_disk (void)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *before = NULL, *after = NULL, *names = NULL;
  gsize before_len = 0, after_len = 0;
  g_autoptr(Result) first = run ("--export-png", path, "--size", "320x180");
  g_autoptr(Result) r = NULL;

  g_assert_cmpint (first->exit_status, ==, 0);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  /* 16 KiB of room: far less than a 1600x900 chart needs. */
  r = run_sh ("trap '' XFSZ; ulimit -f 16; exec \"$0\" \"$@\"",
              "--export-png", path, "--size", "1600x900", "--set", "rule.connected_vehicle=0");
  g_assert_cmpint (r->exit_status, ==, 1);
  assert_one_error_line (r);
  g_assert_nonnull (strstr (r->err, path));
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  names = lf_test_list_dir (dir, " ");
  g_assert_cmpstr (names, ==, "chart.png");

  /* The same for a scenario save. */
  {
    g_autofree char *scen = g_build_filename (dir, "s.landfall", NULL);
    g_autofree char *old = NULL, *now = NULL;
    g_autoptr(Result) save = run ("--save-scenario", scen);
    g_autoptr(Result) fail = NULL;

    g_assert_cmpint (save->exit_status, ==, 0);
    g_assert_true (g_file_get_contents (scen, &old, NULL, NULL));
    fail = run_sh ("trap '' XFSZ; ulimit -f 0; exec \"$0\" \"$@\"",
                   "--save-scenario", scen, "--set", "tariff.china=30");
    g_assert_cmpint (fail->exit_status, ==, 1);
    assert_one_error_line (fail);
    g_assert_true (g_file_get_contents (scen, &now, NULL, NULL));
    g_assert_cmpstr (old, ==, now);
    g_unlink (scen);
  }
  lf_test_remove_tree (dir);
}

/* Saving keeps the file's mode, and writes the file a symbolic link names. */
static void
test_save_keeps_attributes (void)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *real = g_build_filename (dir, "real.landfall", NULL);
  g_autofree char *link = g_build_filename (dir, "link.landfall", NULL);
  g_autofree char *text = NULL, *names = NULL;
  g_autoptr(Result) r = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (real, "{\"format\": 1}", -1, NULL));
  g_assert_cmpint (g_chmod (real, 0600), ==, 0);
  g_assert_cmpint (symlink ("real.landfall", link), ==, 0);
  r = run ("--save-scenario", link, "--set", "tariff.china=42");
  g_assert_cmpint (r->exit_status, ==, 0);
  g_assert_true (only_notes (r->err));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (real, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"tariff.china\" : 42"));
  g_assert_cmpint (g_stat (real, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  names = lf_test_list_dir (dir, " ");
  g_assert_cmpstr (names, ==, "link.landfall real.landfall");
  lf_test_remove_tree (dir);
}

/* 250 KB of '[' (inside the scenario cap) would overflow json-glib's
 * recursive parser; the depth is checked before it sees the text. */
static void
test_deep_nesting (void)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "deep.landfall", NULL);
  g_autofree char *deep = g_strnfill (250000, '[');
  g_autofree char *expected = g_strdup_printf ("landfall: %s: line 1: nested more than 64 levels deep\n", path);

  g_assert_true (g_file_set_contents (path, deep, -1, NULL));
  {
    g_autoptr(Result) r = run ("--project", "--scenario", path);
    g_assert_cmpint (r->exit_status, ==, 2);
    g_assert_cmpstr (r->err, ==, expected);
  }
  {
    g_autoptr(Result) r = run ("--project", "--baseline", path);
    g_assert_cmpint (r->exit_status, ==, 1);
    g_assert_cmpstr (r->err, ==, expected);
  }
  lf_test_remove_tree (dir);
}

/* The baseline reader has the scenario reader's limits: no device, no FIFO
 * (without blocking), no file over 1 MiB. */
static void
test_baseline_not_regular (void)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *big = g_build_filename (dir, "big.json", NULL);
  g_autofree char *spaces = g_strnfill (1024 * 1024 + 1, ' ');

  {
    g_autoptr(Result) r = run ("--project", "--baseline", "/dev/zero");
    g_assert_cmpint (r->exit_status, ==, 1);
    g_assert_cmpstr (r->err, ==, "landfall: /dev/zero: is a device, not a regular file\n");
  }
  {
    g_autoptr(Result) r = run_sh ("LANDFALL_BASELINE=/dev/zero exec \"$0\" \"$@\"", "--project");
    g_assert_cmpint (r->exit_status, ==, 1);
    g_assert_cmpstr (r->err, ==, "landfall: /dev/zero: is a device, not a regular file\n");
  }
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  {
    g_autoptr(Result) r = run_sh ("exec timeout 20 \"$0\" \"$@\"", "--project", "--baseline", fifo);
    g_assert_cmpint (r->exit_status, ==, 1);
    g_assert_nonnull (strstr (r->err, "is a pipe (FIFO), not a regular file"));
  }
  g_assert_true (g_file_set_contents (big, spaces, -1, NULL));
  {
    g_autoptr(Result) r = run ("--project", "--baseline", big);
    g_autofree char *expected = g_strdup_printf ("landfall: %s: file is 1048577 bytes, larger than "
                                                 "the 1048576-byte limit\n", big);
    g_assert_cmpint (r->exit_status, ==, 1);
    g_assert_cmpstr (r->err, ==, expected);
  }
  lf_test_remove_tree (dir);
}

/* Every command checks that what it printed was written. */
static void
test_full_stdout (void)
{
  static const char *const commands[][3] = {
    { "--project", NULL }, { "--project", "--format", "json" }, { "--list-parameters", NULL },
    { "--list-sites", NULL }, { "--tornado", NULL }, { "--help-cli", NULL }, { "--help", NULL },
  };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *args[4] = { commands[i][0], commands[i][1], commands[i][1] ? commands[i][2] : NULL, NULL };
      g_autoptr(Result) r = run_sh_v ("exec \"$0\" \"$@\" >/dev/full", args);

      g_test_message ("%s", commands[i][0]);
      g_assert_cmpint (r->exit_status, ==, 1);
      g_assert_cmpstr (r->err, ==, "landfall: could not write to standard output: No space left on device\n");
    }
}

/* The command line's own parse errors: its prefix, exit 2, the option named. */
static void
test_parse_errors (void)
{
  {
    g_autoptr(Result) r = run ("--projec");
    g_assert_cmpint (r->exit_status, ==, 2);
    g_assert_cmpstr (r->err, ==, "landfall: Unknown option --projec\n");
  }
  {
    g_autoptr(Result) r = run ("--project", "--set", "tariff.china=\xff\xfe");
    g_assert_cmpint (r->exit_status, ==, 2);
    g_assert_cmpstr (r->err, ==, "landfall: --set: the value is not UTF-8 text\n");
  }
  {
    g_autoptr(Result) r = run ("--project", "--chart=\xff");
    g_assert_cmpint (r->exit_status, ==, 2);
    g_assert_cmpstr (r->err, ==, "landfall: --chart: the value is not UTF-8 text\n");
  }
  {
    g_autoptr(Result) r = run ("--export-png", "");
    g_assert_cmpint (r->exit_status, ==, 2);
    g_assert_cmpstr (r->err, ==, "landfall: --export-png: the file name is empty\n");
  }
  {
    g_autoptr(Result) r = run ("--project", "--scenario", "");
    g_assert_cmpint (r->exit_status, ==, 2);
    g_assert_cmpstr (r->err, ==, "landfall: --scenario: the file name is empty\n");
  }
}

/* "file/" is not the file; a name with a newline gives one line. */
static void
test_file_names (void)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "a.landfall", NULL);
  g_autofree char *slash = g_strconcat (path, "/", NULL);
  g_autofree char *nl = g_build_filename (dir, "two\nlines.landfall", NULL);

  g_assert_true (g_file_set_contents (path, "{\"format\": 1}", -1, NULL));
  {
    g_autoptr(Result) r = run ("--project", "--scenario", slash);
    g_autofree char *expected = g_strdup_printf ("landfall: %s: Not a directory\n", slash);
    g_assert_cmpint (r->exit_status, ==, 1);
    g_assert_cmpstr (r->err, ==, expected);
  }
  {
    g_autoptr(Result) r = run ("--project", "--scenario", nl);
    g_assert_cmpint (r->exit_status, ==, 1);
    assert_one_error_line (r);
    g_assert_nonnull (strstr (r->err, "two\\nlines.landfall: No such file or directory"));
  }
  {
    g_autoptr(Result) r = run ("--export-png", nl);
    g_assert_cmpint (r->exit_status, ==, 0);   /* a strange name is still a name */
    g_assert_true (g_file_test (nl, G_FILE_TEST_IS_REGULAR));
    g_unlink (nl);
  }
  g_unlink (path);
  g_rmdir (dir);
}

/* Baseline errors: a plant id used twice is refused; an id holding a
 * newline gives a one-line message. */
static void
test_baseline_ids (void)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *src = g_build_filename (source_dir, "data", "baseline.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *dup_path = g_build_filename (dir, "dup.json", NULL);
  g_autofree char *nl_path = g_build_filename (dir, "nl.json", NULL);

  g_assert_true (g_file_get_contents (src, &text, NULL, NULL));
  {
    GString *t = g_string_new (text);
    g_autofree char *s = NULL;
    g_assert_cmpuint (g_string_replace (t, "{ \"id\": \"xiaomi-cn\"", "{ \"id\": \"byd-cn\"", 1), ==, 1);
    s = g_string_free (t, FALSE);
    g_assert_true (g_file_set_contents (dup_path, s, -1, NULL));
  }
  {
    GString *t = g_string_new (text);
    g_autofree char *s = NULL;
    g_assert_cmpuint (g_string_replace (t, "{ \"id\": \"xiaomi-cn\"", "{ \"id\": \"xiaomi\\ncn\"", 1), ==, 1);
    s = g_string_free (t, FALSE);
    g_assert_true (g_file_set_contents (nl_path, s, -1, NULL));
  }
  {
    g_autoptr(Result) r = run ("--project", "--baseline", dup_path);
    g_autofree char *expected = g_strdup_printf ("landfall: %s: plants.byd-cn: plant id is used twice "
                                                 "(a scenario names plants by id)\n", dup_path);
    g_assert_cmpint (r->exit_status, ==, 1);
    g_assert_cmpstr (r->err, ==, expected);
  }
  {
    g_autoptr(Result) r = run ("--project", "--baseline", nl_path);
    g_assert_cmpint (r->exit_status, ==, 1);
    assert_one_error_line (r);
    g_assert_nonnull (strstr (r->err, "plants.xiaomi\\ncn"));
  }
  lf_test_remove_tree (dir);
}

/* --export-png with --compare draws the overlay (and --difference the
 * differences): a PNG of the size asked, different from one scenario's. */
static void
test_compare_export (void)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *a = preset ("03-mexico-route.landfall");
  g_autofree char *b = preset ("05-trade-deal.landfall");
  const char *kinds[] = { "share", "origin", "ford", "map" };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *one = g_strdup_printf ("%s/one-%s.png", dir, kinds[k]);
      g_autofree char *two = g_strdup_printf ("%s/two-%s.png", dir, kinds[k]);
      g_autofree char *diff = g_strdup_printf ("%s/diff-%s.png", dir, kinds[k]);
      g_autoptr(Result) r1 = run ("--export-png", one, "--chart", kinds[k], "--size", "640x360", "--scenario", a);
      g_autoptr(Result) r2 = run ("--export-png", two, "--chart", kinds[k], "--size", "640x360", "--scenario", a,
                                  "--compare", b, "--draws", "20");
      g_autoptr(Result) r3 = run ("--export-png", diff, "--chart", kinds[k], "--size", "640x360", "--scenario", a,
                                  "--compare", b, "--difference");
      g_autofree char *c1 = NULL, *c2 = NULL, *c3 = NULL;
      gsize n1, n2, n3;
      guint w, h;

      g_assert_cmpint (r1->exit_status, ==, 0);
      g_assert_cmpint (r2->exit_status, ==, 0);
      g_assert_cmpint (r3->exit_status, ==, 0);
      g_assert_true (only_notes (r2->err));
      png_size (two, &w, &h);
      g_assert_cmpuint (w, ==, 640);
      g_assert_cmpuint (h, ==, 360);
      g_assert_true (g_file_get_contents (one, &c1, &n1, NULL));
      g_assert_true (g_file_get_contents (two, &c2, &n2, NULL));
      g_assert_true (g_file_get_contents (diff, &c3, &n3, NULL));
      g_assert_false (n1 == n2 && memcmp (c1, c2, n1) == 0);
      g_assert_false (n2 == n3 && memcmp (c2, c3, n2) == 0);
    }
  lf_test_remove_tree (dir);
}


/* Notes: why a plant builds nothing, on standard error after the results,
 * naming the plant or key, with the setting that fixes it; results the same
 * with or without them; --quiet silences them; the same bytes in German. */
#define FLAT_ROCK "--set", "plant.xiaomi-fr.maker=xiaomi", "--set", "plant.xiaomi-fr.site=us-mi-flat-rock", \
                  "--set", "plant.xiaomi-fr.capacity=200000", "--set", "plant.xiaomi-fr.start_year=2028"

static int
count_lines_with (const char *text, const char *a, const char *b)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  int n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], a) != NULL && (b == NULL || strstr (lines[i], b) != NULL))
      n++;
  return n;
}

static void
test_notes (void)
{
  g_autoptr(Result) r = run ("--project", FLAT_ROCK);
  g_autoptr(Result) quiet = run ("--project", "--quiet", FLAT_ROCK);
  g_autoptr(Result) fixed = run ("--project", FLAT_ROCK, "--set", "ford.partnership=1",
                                 "--set", "maker.xiaomi.authorised=1");
  g_autoptr(Result) tornado = run ("--tornado", FLAT_ROCK);
  g_autoptr(Result) failed = run ("--project", FLAT_ROCK, "--set", "tariff.china=-1");
  g_autoptr(Csv) csv = NULL;

  assert_success (r);
  g_assert_cmpint (count_lines_with (r->err, "landfall: note: plant.xiaomi-fr: ", "(fix: --set ford.partnership=1)"), ==, 1);
  g_assert_cmpint (count_lines_with (r->err, "landfall: note: plant.xiaomi-fr: ", "(fix: --set maker.xiaomi.authorised=1)"), ==, 1);
  g_assert_cmpint (count_lines_with (r->err, "landfall: note: tariff.china: ", "changes nothing"), ==, 1);
  g_assert_cmpint (count_lines_with (r->err, "landfall: note: plant.byd-cn: ", "maker.byd.authorised=1"), ==, 1);
  /* The results are the same, on standard output only; --quiet prints no note. */
  g_assert_cmpint (quiet->exit_status, ==, 0);
  g_assert_cmpstr (quiet->err, ==, "");
  g_assert_cmpstr (quiet->out, ==, r->out);
  g_assert_null (strstr (r->out, "note"));

  /* Fixed: it sells, and no note is about it. */
  assert_success (fixed);
  g_assert_cmpint (count_lines_with (fixed->err, "plant.xiaomi-fr", NULL), ==, 0);
  g_assert_cmpint (count_lines_with (fixed->err, "plant.byd-cn", NULL), ==, 1);
  csv = csv_parse (fixed->out);
  g_assert_cmpfloat (csv_get (csv, 2030, "chinese_us_built"), >, 0);

  /* The tornado projects the scenario too; a failed run prints its error alone. */
  g_assert_cmpint (tornado->exit_status, ==, 0);
  g_assert_cmpint (count_lines_with (tornado->err, "landfall: note: plant.xiaomi-fr: ", NULL), ==, 2);
  g_assert_cmpint (failed->exit_status, ==, 2);
  g_assert_cmpint (count_lines_with (failed->err, "note", NULL), ==, 0);

  /* Compared, each scenario's notes say whose they are. */
  {
    g_autofree char *mexico = g_build_filename (source_dir, "data", "presets", "03-mexico-route.landfall", NULL);
    g_autoptr(Result) cmp = run ("--project", "--compare", mexico);

    assert_success (cmp);
    g_assert_cmpint (count_lines_with (cmp->err, "landfall: note: in 'Current policy': tariff.china: ", NULL), ==, 1);
    g_assert_cmpint (count_lines_with (cmp->err, "landfall: note: in 'The Mexico route': tariff.mexico: ", NULL), ==, 0);
    g_assert_cmpint (count_lines_with (cmp->err, "landfall: note: in 'The Mexico route': ", NULL), >, 0);
  }

  {
    g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));
    gboolean have_de = setlocale (LC_ALL, "de_DE.UTF-8") != NULL;

    setlocale (LC_ALL, old);
    if (have_de)
      {
        g_autoptr(Result) de = run_in_locale ("de_DE.UTF-8", (const char *const[]) { "--project", FLAT_ROCK, NULL });
        g_assert_cmpstr (de->err, ==, r->err);
      }
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  landfall_bin = g_getenv ("LANDFALL_BIN");
  source_dir = g_getenv ("LANDFALL_SOURCE_DIR");
  if (landfall_bin == NULL || source_dir == NULL)
    g_error ("LANDFALL_BIN and LANDFALL_SOURCE_DIR must be set (meson test sets them)");

  g_test_add_func ("/landfall/cli/list-parameters", test_list_parameters);
  g_test_add_func ("/landfall/cli/list-parameters/numbers", test_list_parameters_numbers);
  g_test_add_func ("/landfall/cli/list-parameters/new-keys", test_list_parameters_new_keys);
  g_test_add_func ("/landfall/cli/list-sites", test_list_sites);
  g_test_add_func ("/landfall/cli/project/csv", test_project_csv);
  g_test_add_func ("/landfall/cli/compare/csv", test_compare_csv);
  g_test_add_func ("/landfall/cli/compare/draws", test_compare_draws);
  g_test_add_func ("/landfall/cli/compare/json", test_compare_json);
  g_test_add_func ("/landfall/cli/compare/names", test_compare_names);
  g_test_add_func ("/landfall/cli/compare/errors", test_compare_errors);
  g_test_add_func ("/landfall/cli/compare/file", test_compare_file);
  g_test_add_func ("/landfall/cli/compare/export", test_compare_export);
  g_test_add_func ("/landfall/cli/project/json", test_project_json);
  g_test_add_func ("/landfall/cli/project/draws", test_draws);
  g_test_add_func ("/landfall/cli/project/ford-impact", test_ford_impact_columns);
  g_test_add_func ("/landfall/cli/set/schedule", test_set_schedule);
  g_test_add_func ("/landfall/cli/set/plant", test_add_plant);
  g_test_add_func ("/landfall/cli/save-scenario", test_save_scenario);
  g_test_add_func ("/landfall/cli/save-scenario/alone", test_save_scenario_alone);
  g_test_add_func ("/landfall/cli/save-scenario/new-keys", test_save_scenario_new_keys);
  g_test_add_func ("/landfall/cli/bad/arguments", test_bad_arguments);
  g_test_add_func ("/landfall/cli/bad/scenario-file", test_bad_scenario_file);
  g_test_add_func ("/landfall/cli/locale", test_locale);
  g_test_add_func ("/landfall/cli/tornado", test_tornado);
  g_test_add_func ("/landfall/cli/attribution", test_attribution);
  g_test_add_func ("/landfall/cli/attribution-png", test_attribution_png);
  g_test_add_func ("/landfall/cli/notes", test_notes);
  g_test_add_func ("/landfall/cli/help", test_help);
  g_test_add_func ("/landfall/cli/export-png", test_export_png);
  g_test_add_func ("/landfall/cli/validate", test_validate);
  g_test_add_func ("/landfall/cli/validate/chart", test_validate_chart);
  g_test_add_func ("/landfall/cli/hardening/export-full-disk", test_export_full_disk);
  g_test_add_func ("/landfall/cli/hardening/save-keeps-attributes", test_save_keeps_attributes);
  g_test_add_func ("/landfall/cli/hardening/deep-nesting", test_deep_nesting);
  g_test_add_func ("/landfall/cli/hardening/baseline-not-regular", test_baseline_not_regular);
  g_test_add_func ("/landfall/cli/hardening/full-stdout", test_full_stdout);
  g_test_add_func ("/landfall/cli/hardening/parse-errors", test_parse_errors);
  g_test_add_func ("/landfall/cli/hardening/file-names", test_file_names);
  g_test_add_func ("/landfall/cli/hardening/baseline-ids", test_baseline_ids);

  return g_test_run ();
}
