/* lf-cli.c: landfall --project / --list-parameters / --list-sites / --export-png / --validate /
 * --tornado / --attribution.
 *
 * Exit status 0 on success; on any bad argument, key or value, 2 (1 for a
 * failure to read or write a file) with one line on standard error.
 */
#define G_LOG_DOMAIN "landfall-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lf-attribution.h"
#include "lf-chart.h"
#include "lf-file.h"
#include "lf-cli.h"
#include "lf-notes.h"
#include "lf-output.h"
#include "lf-projection.h"
#include "lf-validate.h"

#define EXIT_USAGE 2
#define EXIT_IO    1

/**
 * lf_cli_wants_command_line:
 * Whether the arguments ask for batch work rather than the window. The
 * window takes only files, so any option (a mistyped one too) is the
 * command line's, which names what was wrong with its own prefix and exit
 * status; only GApplication's own option and what follows "--" are left to
 * the window.
 */
gboolean
lf_cli_wants_command_line (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      const char *a = argv[i];

      if (strcmp (a, "--") == 0)
        return FALSE;
      if (a[0] != '-' || a[1] == '\0')
        continue;
      if (strcmp (a, "--gapplication-service") == 0)
        continue;
      return TRUE;
    }
  return FALSE;
}

G_GNUC_PRINTF (1, 2) static void
complain (const char *format, ...)
{
  g_autofree char *msg = NULL, *line = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  line = lf_text_one_line (msg, -1);
  fprintf (stderr, "landfall: %s\n", line);
}

/* The first failed write to standard output, as errno (0: none yet). */
static int stdout_errno;

/* Everything the command line prints goes through here; lf_cli_run()
 * turns a failure into a message and exit status 1. */
static void
emit (const char *text)
{
  if (fputs (text, stdout) == EOF && stdout_errno == 0)
    stdout_errno = errno != 0 ? errno : EIO;
}

/* A lever's value as a person writes it: a choice by its name. */
static char *
value_text (LfParam param, double v)
{
  const LfParamInfo *info = lf_param_info (param);

  if ((info->flags & LF_PARAM_FLAG_CHOICE) && v >= info->min && v <= info->max && v == floor (v))
    return g_strdup (info->choices[(int) v]);
  return lf_format_number (v);
}

static void
list_parameters (const LfBaseline *b)
{
  g_autoptr(LfScenario) s = lf_scenario_new (b);
  g_autoptr(GString) out = g_string_new (NULL);

  for (int i = 0; i < LF_N_PARAMS; i++)
    {
      const LfParamInfo *info = lf_param_info (i);
      g_autofree char *min = value_text (i, info->min);
      g_autofree char *max = value_text (i, info->max);
      g_autofree char *def = value_text (i, s->value[i]);
      g_autofree char *names = info->choices ? g_strjoinv (", ", (char **) info->choices) : NULL;

      g_string_append_printf (out, "%s\t%s\t%s\t%s\t%s\t%s%s%s%s\n", info->key, info->unit, min,
                              (info->flags & LF_PARAM_FLAG_UNLIMITED) ? "unlimited" : max, def,
                              info->description,
                              (info->flags & LF_PARAM_FLAG_SCHEDULE)
                              ? " (may change by year: KEY@YEAR=VALUE)" : "",
                              names ? " (one of: " : "", names ? names : "");
      if (names)
        g_string_insert_c (out, out->len - 1, ')');
    }
  for (int m = 0; m < b->n_makers; m++)
    g_string_append_printf (out, "maker.%s.authorised\t0/1\t0\t1\t%d\t1: Commerce has authorised %s "
                            "under the connected-vehicle rule (sells under rule mode 1)\n",
                            b->makers[m].id, s->authorised[m] ? 1 : 0, b->makers[m].name);
  for (int i = 0; i < s->n_plants; i++)
    {
      const LfPlant *p = &s->plants[i];
      g_string_append_printf (out, "plant.%s.maker\tmaker\t-\t-\t%s\tMaker of plant %s\n",
                              p->id, b->makers[p->maker].id, p->id);
      g_string_append_printf (out, "plant.%s.site\tsite\t-\t-\t%s\tSite of plant %s (see --list-sites)\n",
                              p->id, b->sites[p->site].id, p->id);
      g_string_append_printf (out, "plant.%s.capacity\tvehicles/year\t0\t2000000\t%.0f\tCapacity of plant %s at full ramp\n",
                              p->id, p->capacity, p->id);
      g_string_append_printf (out, "plant.%s.start_year\tyear\t%d\t%d\t%d\tFirst year plant %s may produce (not before its site allows)\n",
                              p->id, LF_FIRST_YEAR, LF_LAST_YEAR, lf_plant_effective_start (s, p), p->id);
    }
  g_string_append_printf (out, "plant.<new-id>.maker\tmaker\t-\t-\t-\tAdds a plant: its maker, one of");
  for (int m = 0; m < b->n_makers; m++)
    g_string_append_printf (out, "%s%s", m ? ", " : " ", b->makers[m].id);
  g_string_append (out, "\n");
  g_string_append (out, "plant.<new-id>.site\tsite\t-\t-\t-\tAdds a plant: its site (see --list-sites)\n");
  g_string_append_printf (out, "plant.<new-id>.capacity\tvehicles/year\t0\t2000000\t%.0f\tAdds a plant: its capacity at full ramp\n",
                          LF_PLANT_DEFAULT_CAPACITY);
  g_string_append_printf (out, "plant.<new-id>.start_year\tyear\t%d\t%d\t-\tAdds a plant: first year (default: as early as its site allows)\n",
                          LF_FIRST_YEAR, LF_LAST_YEAR);
  g_string_append (out, "plant.<id>.removed\t-\t1\t1\t-\tRemoves a plant of the baseline\n");
  emit (out->str);
}

static void
list_sites (const LfBaseline *b)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (int i = 0; i < b->n_sites; i++)
    {
      const LfSite *s = &b->sites[i];
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (lat, sizeof lat, "%.2f", s->lat);
      g_ascii_formatd (lon, sizeof lon, "%.2f", s->lon);
      g_string_append_printf (out, "%s\t%s\t%d\t%s\t%s\t%s%s\n", s->id, lf_origin_name (s->origin),
                              s->earliest_year, lat, lon, s->name,
                              s->ford_owned ? " [Ford plant: needs ford.partnership=1]" : "");
    }
  emit (out->str);
}

static gboolean
parse_size (const char *text, int *w, int *h)
{
  char *end = NULL;
  gint64 a, b;

  a = g_ascii_strtoll (text, &end, 10);
  if (end == text || (*end != 'x' && *end != 'X'))
    return FALSE;
  text = end + 1;
  b = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0')
    return FALSE;
  if (a < 16 || b < 16 || a > 8192 || b > 8192)
    return FALSE;
  *w = (int) a;
  *h = (int) b;
  return TRUE;
}

/* Options whose values are text are taken as bytes (G_OPTION_ARG_FILENAME),
 * so that text that is not UTF-8 is refused here with the option named,
 * rather than by GOption's conversion with a message that names nothing. */
static gboolean
check_text (const char *option, const char *value)
{
  if (value == NULL || g_utf8_validate (value, -1, NULL))
    return TRUE;
  complain ("%s: the value is not UTF-8 text", option);
  return FALSE;
}

/* A file name must name something: "" is refused before anything runs. */
static gboolean
check_file_name (const char *option, const char *value)
{
  if (value == NULL || *value != '\0')
    return TRUE;
  complain ("%s: the file name is empty", option);
  return FALSE;
}

/* Reading a file failed (exit 1), or what it holds is wrong (exit 2). */
static int
load_failure_status (const GError *error)
{
  return error->domain == G_IO_ERROR || error->domain == LF_FILE_ERROR ? EXIT_IO : EXIT_USAGE;
}

/* A comparison on the command line: the first scenario and the others,
 * each projected, with its bands when asked (the same seed for each), named
 * apart (lf_comparison_unique_name()). */
typedef struct {
  int                 n;
  const LfScenario   *scenarios[LF_COMPARISON_MAX];
  char               *names[LF_COMPARISON_MAX];
  LfProjection        projections[LF_COMPARISON_MAX];
  LfBands             bands[LF_COMPARISON_MAX];
  gboolean            has_bands;
  const LfProjection *projection_ptrs[LF_COMPARISON_MAX];
  const LfBands      *band_ptrs[LF_COMPARISON_MAX];
  LfChartRun          runs[LF_COMPARISON_MAX];
} Comparison;

static void
comparison_free (Comparison *c)
{
  for (int i = 0; i < c->n; i++)
    g_free (c->names[i]);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Comparison, comparison_free)

static Comparison *
comparison_new (const LfScenario *first, LfScenario *const *others, int n_others, int draws, guint seed)
{
  Comparison *c = g_new0 (Comparison, 1);
  const char *own[LF_COMPARISON_MAX];

  c->n = n_others + 1;
  c->has_bands = draws > 0;
  for (int i = 0; i < c->n; i++)
    {
      const LfScenario *s = i == 0 ? first : others[i - 1];

      c->scenarios[i] = s;
      lf_project (s, &c->projections[i]);
      if (c->has_bands)
        lf_monte_carlo (s, draws, seed, &c->bands[i], NULL);
      c->projection_ptrs[i] = &c->projections[i];
      c->band_ptrs[i] = c->has_bands ? &c->bands[i] : NULL;
    }
  for (int i = 0; i < c->n; i++)
    own[i] = c->scenarios[i]->name;
  for (int i = 0; i < c->n; i++)
    {
      c->names[i] = lf_comparison_unique_name (own, i);
      c->runs[i] = (LfChartRun) { c->names[i], c->scenarios[i], &c->projections[i], c->band_ptrs[i] };
    }
  return c;
}

static char *
comparison_to_text (const Comparison *c, LfOutputFormat format)
{
  const LfBands *const *bands = c->has_bands ? c->band_ptrs : NULL;

  return format == LF_OUTPUT_JSON
         ? lf_comparison_to_json ((const char *const *) c->names, c->scenarios, c->projection_ptrs, bands, c->n)
         : lf_comparison_to_csv ((const char *const *) c->names, c->scenarios, c->projection_ptrs, bands, c->n);
}

/* The notes of a projected scenario (lf-notes.h) on standard error, one
 * line each, in the same words in every locale: "landfall: note: SUBJECT:
 * TEXT (fix: --set KEY=VALUE)"; @name, when given, says which scenario of
 * a comparison they are about. Results stay on standard output. */
static void
print_notes (const LfScenario *scenario, const LfProjection *proj, const char *name)
{
  g_autoptr(GPtrArray) notes = NULL;

  /* Notes follow results that were written; none after a failed write. */
  if (fflush (stdout) != 0 && stdout_errno == 0)
    stdout_errno = errno != 0 ? errno : EIO;
  if (stdout_errno != 0 || ferror (stdout))
    return;
  notes = lf_notes_compute_full (scenario, proj, FALSE);

  for (guint i = 0; i < notes->len; i++)
    {
      const LfNote *n = g_ptr_array_index (notes, i);
      g_autofree char *fix = n->fix_key != NULL ? g_strdup_printf (" (fix: --set %s=%s)", n->fix_key, n->fix_value)
                                                : g_strdup ("");
      g_autofree char *in = name != NULL ? g_strdup_printf ("in '%s': ", name) : g_strdup ("");

      complain ("note: %s%s: %s%s", in, n->subject, n->text, fix);
    }
}

static int run (int argc, char **argv);

/**
 * lf_cli_run:
 * Runs the command line. Whatever it printed, a write to standard output
 * that failed (a full disk, a closed pipe) is an error: one line, exit 1.
 */
int
lf_cli_run (int argc, char **argv)
{
  int status = run (argc, argv);

  if (fflush (stdout) != 0 && stdout_errno == 0)
    stdout_errno = errno != 0 ? errno : EIO;
  if (stdout_errno != 0 || ferror (stdout))
    {
      if (stdout_errno != 0)
        complain ("could not write to standard output: %s", g_strerror (stdout_errno));
      else
        complain ("could not write to standard output");
      return status != 0 ? status : EXIT_IO;
    }
  return status;
}

static int
run (int argc, char **argv)
{
  gboolean opt_project = FALSE, opt_list_params = FALSE, opt_list_sites = FALSE;
  g_autofree char *opt_scenario = NULL, *opt_format = NULL, *opt_baseline = NULL;
  g_autofree char *opt_export = NULL, *opt_chart = NULL, *opt_size = NULL, *opt_save = NULL;
  g_autofree char *opt_text_size = NULL;
  LfTextSize text_size = LF_TEXT_SIZE_NORMAL;
  g_auto(GStrv) opt_set = NULL;
  g_auto(GStrv) opt_compare = NULL;
  gboolean opt_difference = FALSE;
  g_autoptr(Comparison) comparison = NULL;
  int opt_draws = 0;
  gint64 opt_seed = 1;
  gboolean help_cli = FALSE, opt_tornado = FALSE, opt_validate = FALSE, opt_attribution = FALSE;
  gboolean opt_quiet = FALSE;
  int opt_year = 0;   /* 0: not given (the tornado's default is 2030) */
  g_autofree char *opt_series = NULL;
  GOptionEntry entries[] = {
    { "project", 0, 0, G_OPTION_ARG_NONE, &opt_project, "Print the projection, one row per year 2025–2035", NULL },
    { "list-parameters", 0, 0, G_OPTION_ARG_NONE, &opt_list_params, "List every parameter: key, unit, minimum, maximum, default, description", NULL },
    { "list-sites", 0, 0, G_OPTION_ARG_NONE, &opt_list_sites, "List the plant sites", NULL },
    { "scenario", 0, 0, G_OPTION_ARG_FILENAME, &opt_scenario, "Start from a scenario file", "FILE" },
    { "compare", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_compare, "Project another scenario file beside the first (repeatable; five scenarios in all)", "FILE" },
    { "difference", 0, 0, G_OPTION_ARG_NONE, &opt_difference, "With --compare and --export-png: draw each scenario as its difference from the first", NULL },
    { "set", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_set, "Set a value (KEY@YEAR=VALUE from a year on); repeatable", "KEY=VALUE" },
    { "format", 0, 0, G_OPTION_ARG_FILENAME, &opt_format, "Output format: csv (default) or json", "csv|json" },
    { "draws", 0, 0, G_OPTION_ARG_INT, &opt_draws, "Monte Carlo draws for p10/p50/p90 columns (0: none)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &opt_seed, "Random seed for the draws (default 1)", "S" },
    { "baseline", 0, 0, G_OPTION_ARG_FILENAME, &opt_baseline, "Read the baseline data from FILE instead of the built-in copy", "FILE" },
    { "save-scenario", 0, 0, G_OPTION_ARG_FILENAME, &opt_save, "Write the resulting scenario to FILE", "FILE" },
    { "export-png", 0, 0, G_OPTION_ARG_FILENAME, &opt_export, "Write a chart as PNG", "FILE" },
    { "chart", 0, 0, G_OPTION_ARG_FILENAME, &opt_chart, "Chart to export (default share; --chart list names them all)", "KIND" },
    { "size", 0, 0, G_OPTION_ARG_FILENAME, &opt_size, "PNG size in pixels (default 1600x900)", "WxH" },
    { "text-size", 0, 0, G_OPTION_ARG_FILENAME, &opt_text_size, "Text and lines in the PNG: normal (default) or presentation (1.6 times larger, for slides)", "SIZE" },
    { "tornado", 0, 0, G_OPTION_ARG_NONE, &opt_tornado, "Which levers move a result most: each lever at its low and high value (tab-separated)", NULL },
    { "attribution", 0, 0, G_OPTION_ARG_NONE, &opt_attribution, "Where the change from current policy came from: each lever that differs and its part of the change (Shapley values, CSV)", NULL },
    { "year", 0, 0, G_OPTION_ARG_INT, &opt_year, "Year of the tornado or attribution (default 2030), also for --chart tornado or attribution", "YEAR" },
    { "series", 0, 0, G_OPTION_ARG_FILENAME, &opt_series, "Result of the tornado or attribution: a --project column (default chinese_share_ev_pct)", "NAME" },
    { "validate", 0, 0, G_OPTION_ARG_NONE, &opt_validate, "Print the backtest: observed and modelled Chinese-brand shares in markets that let Chinese brands in (CSV)", NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &opt_quiet, "Print no notes (why a plant builds nothing, which lever changes nothing) on standard error", NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help_cli, "Show this help", NULL },
    { "help-all", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &help_cli, NULL, NULL },
    { "help-cli", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &help_cli, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfBaseline) baseline = NULL;
  g_autoptr(LfScenario) scenario = NULL;
  g_autoptr(LfValidation) validation = NULL;
  g_autoptr(LfAttribution) attribution = NULL;
  g_autofree LfProjection *proj = NULL;
  g_autofree LfBands *bands = NULL;
  LfOutputFormat format = LF_OUTPUT_CSV;
  g_autofree char *text = NULL;
  int width = 1600, height = 900;
  int n_compare = 0;
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func ((GDestroyNotify) lf_scenario_free);
  LfChartKind chart = LF_CHART_SHARE;
  LfSeries series = LF_SERIES_CHINESE_SHARE_EV_PCT;

  g_option_context_set_summary (context,
    "Projects the Chinese-brand share of US EV sales and the impact on Ford, 2025–2035.\n"
    "Without these options, opens the window.");
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Our own --help, so that its output is checked like any other. */
  g_option_context_set_help_enabled (context, FALSE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      complain ("%s", error->message);
      return EXIT_USAGE;
    }
  if (argc > 1)
    {
      complain ("unexpected argument '%s'", argv[1]);
      return EXIT_USAGE;
    }
  if (help_cli)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      emit (help);
      return 0;
    }
  for (int i = 0; opt_set != NULL && opt_set[i] != NULL; i++)
    if (!check_text ("--set", opt_set[i]))
      return EXIT_USAGE;
  if (!check_text ("--format", opt_format) || !check_text ("--chart", opt_chart) ||
      !check_text ("--size", opt_size) || !check_text ("--series", opt_series) ||
      !check_file_name ("--scenario", opt_scenario) || !check_file_name ("--baseline", opt_baseline) ||
      !check_file_name ("--save-scenario", opt_save) || !check_file_name ("--export-png", opt_export))
    return EXIT_USAGE;
  if (opt_format != NULL)
    {
      if (strcmp (opt_format, "csv") == 0)
        format = LF_OUTPUT_CSV;
      else if (strcmp (opt_format, "json") == 0)
        format = LF_OUTPUT_JSON;
      else
        {
          complain ("--format: '%s' is not csv or json", opt_format);
          return EXIT_USAGE;
        }
    }
  if (opt_draws < 0 || opt_draws > LF_MAX_DRAWS)
    {
      complain ("--draws: %d is out of range (0 to %d)", opt_draws, LF_MAX_DRAWS);
      return EXIT_USAGE;
    }
  if (opt_seed < 0 || opt_seed > G_MAXUINT32)
    {
      complain ("--seed: %" G_GINT64_FORMAT " is out of range (0 to %u)", opt_seed, G_MAXUINT32);
      return EXIT_USAGE;
    }
  if (opt_size != NULL && !parse_size (opt_size, &width, &height))
    {
      complain ("--size: '%s' is not WIDTHxHEIGHT with each from 16 to 8192", opt_size);
      return EXIT_USAGE;
    }
  if (opt_chart != NULL && g_str_equal (opt_chart, "list"))
    {
      GString *list = g_string_new (NULL);

      for (int k = 0; k < LF_N_CHARTS; k++)
        g_string_append_printf (list, "%s\t%s\n", lf_chart_kind_to_string (k), lf_chart_kind_get_title (k));
      emit (list->str);
      g_string_free (list, TRUE);
      return 0;
    }
  if (opt_chart != NULL && (chart = lf_chart_kind_from_string (opt_chart)) == LF_N_CHARTS)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (int k = 0; k < LF_N_CHARTS; k++)
        g_string_append_printf (names, "%s%s", k == 0 ? "" : k + 1 == LF_N_CHARTS ? " or " : ", ",
                                lf_chart_kind_to_string (k));
      complain ("--chart: '%s' is not %s", opt_chart, names->str);
      return EXIT_USAGE;
    }
  if (opt_text_size != NULL && !check_text ("--text-size", opt_text_size))
    return EXIT_USAGE;
  if (opt_text_size != NULL && (text_size = lf_text_size_from_string (opt_text_size)) == LF_N_TEXT_SIZES)
    {
      complain ("--text-size: '%s' is not normal or presentation", opt_text_size);
      return EXIT_USAGE;
    }
  if ((opt_chart != NULL || opt_size != NULL || opt_text_size != NULL) && opt_export == NULL)
    {
      complain ("--chart, --size and --text-size go with --export-png FILE");
      return EXIT_USAGE;
    }
  if (!opt_tornado && !opt_attribution && chart != LF_CHART_TORNADO && chart != LF_CHART_ATTRIBUTION &&
      (opt_series != NULL || opt_year != 0))
    {
      complain ("--year and --series go with --tornado, --attribution, --chart tornado or --chart attribution");
      return EXIT_USAGE;
    }
  if (opt_year == 0)
    opt_year = 2030;
  else if (opt_year < LF_FIRST_YEAR || opt_year > LF_LAST_YEAR)
    {
      complain ("--year: %d is out of range (%d to %d)", opt_year, LF_FIRST_YEAR, LF_LAST_YEAR);
      return EXIT_USAGE;
    }
  if (opt_series != NULL)
    {
      series = LF_N_SERIES;
      for (int i = 0; i < LF_N_SERIES; i++)
        if (g_str_equal (opt_series, lf_series_name (i)))
          series = i;
      if (series == LF_N_SERIES)
        {
          complain ("--series: '%s' is not a --project column", opt_series);
          return EXIT_USAGE;
        }
    }
  n_compare = opt_compare ? (int) g_strv_length (opt_compare) : 0;
  for (int i = 0; i < n_compare; i++)
    if (!check_file_name ("--compare", opt_compare[i]))
      return EXIT_USAGE;
  if (n_compare + 1 > LF_COMPARISON_MAX)
    {
      complain ("--compare: %d scenarios in all, more than the %d a comparison holds",
                n_compare + 1, LF_COMPARISON_MAX);
      return EXIT_USAGE;
    }
  if (n_compare > 0 && !opt_project && opt_export == NULL)
    {
      complain ("--compare goes with --project or --export-png");
      return EXIT_USAGE;
    }
  if (n_compare > 0 && opt_tornado)
    {
      complain ("--compare goes with --project or --export-png, not with --tornado");
      return EXIT_USAGE;
    }
  if (n_compare > 0 && opt_attribution)
    {
      complain ("--compare goes with --project or --export-png, not with --attribution "
                "(which compares the scenario with current policy)");
      return EXIT_USAGE;
    }
  if (n_compare > 0 && opt_export != NULL && !lf_chart_kind_has_time_axis (chart) && chart != LF_CHART_MAP)
    {
      complain ("--compare draws the share, origin, ford and map charts, not --chart %s",
                lf_chart_kind_to_string (chart));
      return EXIT_USAGE;
    }
  if (opt_difference && (n_compare == 0 || opt_export == NULL))
    {
      complain ("--difference goes with --export-png and --compare");
      return EXIT_USAGE;
    }
  if (!opt_project && !opt_list_params && !opt_list_sites && opt_export == NULL && opt_save == NULL &&
      !opt_tornado && !opt_validate && !opt_attribution)
    {
      complain ("nothing to do: use --project, --tornado, --attribution, --validate, --export-png, "
                "--save-scenario, --list-parameters or --list-sites");
      return EXIT_USAGE;
    }

  baseline = opt_baseline ? lf_baseline_load_file (opt_baseline, &error)
                          : lf_baseline_load_default (&error);
  if (baseline == NULL)
    {
      complain ("%s", error->message);
      return EXIT_IO;
    }
  if (opt_list_params)
    list_parameters (baseline);
  if (opt_list_sites)
    list_sites (baseline);
  if (opt_validate || chart == LF_CHART_VALIDATION)
    {
      validation = lf_validation_load_default (baseline, &error);
      if (validation == NULL)
        {
          complain ("%s", error->message);
          return EXIT_IO;
        }
      if (opt_validate)
        {
          g_autofree char *csv = lf_validation_to_csv (validation);
          emit (csv);
        }
    }
  if (!opt_project && opt_export == NULL && opt_save == NULL && !opt_tornado && !opt_attribution)
    return 0;

  if (opt_scenario != NULL)
    {
      scenario = lf_scenario_load_file (baseline, opt_scenario, &error);
      if (scenario == NULL)
        {
          complain ("%s", error->message);
          return load_failure_status (error);
        }
    }
  else
    scenario = lf_scenario_new (baseline);

  for (int i = 0; opt_set != NULL && opt_set[i] != NULL; i++)
    if (!lf_scenario_apply (scenario, opt_set[i], &error))
      {
        complain ("--set %s", error->message);
        return EXIT_USAGE;
      }
  if (!lf_scenario_validate (scenario, &error))
    {
      complain ("%s", error->message);
      return EXIT_USAGE;
    }

  /* Every scenario loads before anything is written or printed; a
   * comparison file brings all of its scenarios. */
  for (int i = 0; i < n_compare; i++)
    {
      g_autoptr(LfComparisonFile) file = lf_comparison_file_load_file (baseline, opt_compare[i], &error);

      if (file == NULL)
        {
          int status = load_failure_status (error);
          complain ("--compare %s", error->message);
          return status;
        }
      if (others->len + file->n + 1 > LF_COMPARISON_MAX)
        {
          complain ("--compare: %s brings the comparison to %u scenarios, more than the %d it holds",
                    opt_compare[i], others->len + file->n + 1, LF_COMPARISON_MAX);
          return EXIT_USAGE;
        }
      for (int k = 0; k < file->n; k++)
        g_ptr_array_add (others, g_steal_pointer (&file->scenarios[k]));
      file->n = 0;
    }

  if (opt_save != NULL && !lf_scenario_save_file (scenario, opt_save, &error))
    {
      complain ("%s", error->message);
      return EXIT_IO;
    }

  if (opt_project || opt_export != NULL || opt_tornado || opt_attribution)
    {
      proj = g_new0 (LfProjection, 1);
      lf_project (scenario, proj);
    }

  if (opt_tornado)
    {
      LfTornadoBar bars[LF_TORNADO_MAX];
      int n = lf_tornado (scenario, series, opt_year, bars);
      g_autoptr(GString) out = g_string_new (NULL);

      g_string_append_printf (out, "key\tlow\thigh\t%s_%d_at_low\t%s_%d_at_high\tswing\n",
                              lf_series_name (series), opt_year, lf_series_name (series), opt_year);
      for (int i = 0; i < n; i++)
        {
          g_autofree char *lo = value_text (bars[i].param, bars[i].value[0]);
          g_autofree char *hi = value_text (bars[i].param, bars[i].value[1]);
          char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE], d[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (a, sizeof a, "%.3f", bars[i].result[0]);
          g_ascii_formatd (b, sizeof b, "%.3f", bars[i].result[1]);
          g_ascii_formatd (d, sizeof d, "%.3f", fabs (bars[i].result[1] - bars[i].result[0]));
          g_string_append_printf (out, "%s\t%s\t%s\t%s\t%s\t%s\n", lf_param_info (bars[i].param)->key,
                                  lo, hi, a, b, d);
        }
      emit (out->str);
      if (!opt_project && opt_export == NULL && !opt_attribution)
        {
          if (!opt_quiet)
            print_notes (scenario, proj, NULL);
          return 0;
        }
    }

  if (opt_attribution || chart == LF_CHART_ATTRIBUTION)
    {
      g_autoptr(LfScenario) current = lf_scenario_new (baseline);

      /* The levers' names and values in words are written as the command
       * line writes everything, in English with C numbers, in every locale
       * (the chart, for people, follows the user's). */
      if (opt_attribution)
        {
          locale_t base = duplocale (LC_GLOBAL_LOCALE);
          locale_t c_words = base != (locale_t) 0 ? newlocale (LC_MESSAGES_MASK | LC_NUMERIC_MASK, "C", base)
                                                  : (locale_t) 0;
          locale_t old = c_words != (locale_t) 0 ? uselocale (c_words) : (locale_t) 0;
          g_autoptr(LfAttribution) words = lf_attribute (current, scenario, series, opt_year, NULL);
          g_autofree char *csv = lf_attribution_to_csv (words);

          if (c_words != (locale_t) 0)
            {
              uselocale (old);
              freelocale (c_words);   /* and base, which it took over */
            }
          else if (base != (locale_t) 0)
            freelocale (base);
          emit (csv);
        }
      if (chart == LF_CHART_ATTRIBUTION)
        attribution = lf_attribute (current, scenario, series, opt_year, NULL);
      if (!opt_project && opt_export == NULL)
        {
          if (!opt_quiet)
            print_notes (scenario, proj, NULL);
          return 0;
        }
    }

  if (!opt_project && opt_export == NULL)
    return 0;   /* --save-scenario alone: nothing to compute */

  if (opt_draws > 0)
    {
      bands = g_new0 (LfBands, 1);
      lf_monte_carlo (scenario, opt_draws, (guint) opt_seed, bands, NULL);
    }
  if (others->len > 0)
    {
      comparison = comparison_new (scenario, (LfScenario *const *) others->pdata, (int) others->len,
                                   opt_draws, (guint) opt_seed);
    }

  if (opt_export != NULL)
    {
      g_autoptr(LfScenario) current = lf_scenario_new (baseline);
      g_autofree LfProjection *base_proj = g_new0 (LfProjection, 1);
      LfChartData data = { 0 };

      LfTornadoBar bars[LF_TORNADO_MAX];

      lf_project (current, base_proj);
      lf_chart_data_init (&data, scenario, proj, base_proj, bands);
      if (chart == LF_CHART_TORNADO)
        {
          data.n_tornado = lf_tornado (scenario, series, opt_year, bars);
          data.tornado = bars;
          data.tornado_series = series;
          data.tornado_year = opt_year;
        }
      data.validation = validation;
      data.attribution = attribution;
      if (comparison != NULL)
        {
          data.runs = comparison->runs;
          data.n_runs = comparison->n;
          data.edited_run = 0;
          data.difference_from = opt_difference ? 0 : -1;
        }
      if (!lf_chart_export_png_sized (opt_export, chart, &data, width, height, 1.0, text_size, &error))
        {
          complain ("%s", error->message);
          return EXIT_IO;
        }
    }

  if (opt_project && comparison != NULL)
    {
      text = comparison_to_text (comparison, format);
      emit (text);
    }
  else if (opt_project)
    {
      text = format == LF_OUTPUT_JSON ? lf_projection_to_json (scenario, proj, bands)
                                      : lf_projection_to_csv (scenario, proj, bands);
      emit (text);
    }
  /* Last, once the results are out: why some of them are what they are. */
  if (!opt_quiet)
    {
      print_notes (scenario, proj, comparison != NULL ? comparison->names[0] : NULL);
      for (int i = 1; comparison != NULL && i < comparison->n; i++)
        print_notes (comparison->scenarios[i], &comparison->projections[i], comparison->names[i]);
    }
  return 0;
}
