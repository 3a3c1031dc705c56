/* test-format.c: lf-format gives one style for people, per locale, and one
 * for files, the same in every locale. Locales that are not installed are
 * skipped, not failed. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <glib/gi18n-lib.h>

#include "lf-format.h"

/* Switches LC_ALL (and LANGUAGE, for the words) for one test; FALSE (and a
 * skip) when the locale is not installed. */
static gboolean
use_locale (const char *locale,
            const char *language)
{
  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_autofree char *why = g_strdup_printf ("locale %s is not installed", locale);

      g_test_skip (why);
      setlocale (LC_ALL, "C.UTF-8");
      return FALSE;
    }
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  /* gettext caches translations per LANGUAGE: tell it that it changed. */
  textdomain (GETTEXT_PACKAGE);
  return TRUE;
}

static gboolean have_catalogue;

static void
restore_locale (void)
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

#define assert_format(expr, expected) \
  G_STMT_START { g_autofree char *s_ = (expr); g_assert_cmpstr (s_, ==, (expected)); } G_STMT_END

static void
test_c_locale (void)
{
  if (!use_locale ("C.UTF-8", NULL))
    return;

  /* The C locale has no digit grouping. */
  assert_format (lf_format_value (1234567.25, 1), "1234567.2");
  assert_format (lf_format_value (-3230.4, 0), "−3230");
  assert_format (lf_format_value (-0.04, 1), "0.0");
  assert_format (lf_format_value (NAN, 1), "–");
  assert_format (lf_format_count (211847.4), "211847");
  assert_format (lf_format_thousands (211847.4), "212\u00a0thousand");
  assert_format (lf_format_percent (12.345, 1), "12.3 %");
  assert_format (lf_format_percent_change (4.21, 1), "+4.2 %");
  assert_format (lf_format_percent_change (-4.21, 1), "−4.2 %");
  assert_format (lf_format_percent_change (-0.01, 1), "0.0 %");
  assert_format (lf_format_percent_range (8.1, 17.0, 1), "8.1–17.0 %");
  assert_format (lf_format_year (2030), "2030");
  restore_locale ();
}

static void
test_money (void)
{
  if (!use_locale ("C.UTF-8", NULL))
    return;

  assert_format (lf_format_musd (162.4), "$162\u00a0M");
  assert_format (lf_format_musd (-162.4), "−$162\u00a0M");
  assert_format (lf_format_musd (0.0), "$0\u00a0M");
  assert_format (lf_format_musd (-0.2), "$0\u00a0M");
  assert_format (lf_format_musd (999.4), "$999\u00a0M");
  /* Rounds up to a billion: then it is written in billions. */
  assert_format (lf_format_musd (999.6), "$1.0\u00a0B");
  assert_format (lf_format_musd (1234.0), "$1.2\u00a0B");
  assert_format (lf_format_musd (-3230.0), "−$3.2\u00a0B");
  assert_format (lf_format_musd (52340.0), "$52.3\u00a0B");
  assert_format (lf_format_musd (INFINITY), "–");
  restore_locale ();
}

static void
test_en_us (void)
{
  if (!use_locale ("en_US.UTF-8", NULL))
    return;

  assert_format (lf_format_value (1234567.25, 1), "1,234,567.2");
  assert_format (lf_format_count (211847.4), "211,847");
  assert_format (lf_format_musd (-1234.0), "−$1.2\u00a0B");
  assert_format (lf_format_musd (162.0), "$162\u00a0M");
  /* Years are never grouped. */
  assert_format (lf_format_year (2030), "2030");
  restore_locale ();
}

static void
test_de_de (void)
{
  if (!use_locale ("de_DE.UTF-8", "de"))
    return;

  /* Digits and separators come from LC_NUMERIC, with or without a catalogue. */
  assert_format (lf_format_value (1234567.25, 1), "1.234.567,2");
  assert_format (lf_format_count (211847.4), "211.847");
  assert_format (lf_format_year (2030), "2030");

  /* The words from the built German catalogue, when there is one. */
  if (!have_catalogue)
    {
      g_test_message ("no German catalogue under %s/po: numbers only", g_getenv ("LANDFALL_BUILD_DIR"));
      restore_locale ();
      return;
    }
  assert_format (lf_format_percent (12.345, 1), "12,3\u00a0%");
  assert_format (lf_format_musd (162.4), "162\u00a0Mio. $");
  assert_format (lf_format_musd (-3230.0), "−3,2\u00a0Mrd. $");
  assert_format (lf_format_thousands (211847.4), "212\u00a0Tsd.");
  restore_locale ();
}

static void
test_files (void)
{
  const char *locales[] = { "C.UTF-8", "de_DE.UTF-8", "en_US.UTF-8" };

  /* The same bytes whatever the locale. */
  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      if (setlocale (LC_ALL, locales[i]) == NULL)
        continue;
      assert_format (lf_format_value_c (1234567.25, 1), "1234567.2");
      assert_format (lf_format_value_c (-3230.44, 1), "-3230.4");
      assert_format (lf_format_value_c (12.3456, 3), "12.346");
      /* Never a signed zero. */
      assert_format (lf_format_value_c (-0.0, 0), "0");
      assert_format (lf_format_value_c (-0.04, 1), "0.0");
      assert_format (lf_format_value_c (-0.0001, 3), "0.000");
      assert_format (lf_format_value_c (-0.4, 0), "0");
      lf_format_append_value_c (out, 211847.4, 0);
      g_string_append_c (out, ',');
      lf_format_append_value_c (out, -5.25, 3);
      g_assert_cmpstr (out->str, ==, "211847,-5.250");

      assert_format (lf_format_number (0.05), "0.05");
      assert_format (lf_format_number (27.5), "27.5");
      assert_format (lf_format_number (250000), "250000");
      assert_format (lf_format_number (INFINITY), "unlimited");
    }
  restore_locale ();
}

/* What a person types into a number entry is read as the locale writes it,
 * or as plain digits; anything else is refused and the value left alone. */
static void
test_parse (void)
{
  static const struct { const char *locale; const char *text; gboolean ok; double value; } cases[] = {
    { "C.UTF-8", "200000", TRUE, 200000 },
    { "C.UTF-8", "12.5", TRUE, 12.5 },
    { "C.UTF-8", "", FALSE, 0 },
    { "C.UTF-8", "abc", FALSE, 0 },
    { "C.UTF-8", "1e9", FALSE, 0 },
    { "C.UTF-8", "inf", FALSE, 0 },
    { "C.UTF-8", "nan", FALSE, 0 },
    { "C.UTF-8", "0x10", FALSE, 0 },
    { "C.UTF-8", "1.2.3", FALSE, 0 },
    { "C.UTF-8", "--5", FALSE, 0 },
    { "en_US.UTF-8", "200,000", TRUE, 200000 },
    { "en_US.UTF-8", "200000", TRUE, 200000 },
    { "en_US.UTF-8", " 1,234.5 ", TRUE, 1234.5 },
    { "en_US.UTF-8", "\u22121.50", TRUE, -1.5 },
    { "en_US.UTF-8", "-1.5", TRUE, -1.5 },
    { "en_US.UTF-8", "127.5 %", TRUE, 127.5 },
    { "en_US.UTF-8", "$7,500", TRUE, 7500 },
    { "en_US.UTF-8", "200 000", TRUE, 200000 },
    { "en_US.UTF-8", "twenty", FALSE, 0 },
    { "en_US.UTF-8", "12a", FALSE, 0 },
    { "de_DE.UTF-8", "200.000", TRUE, 200000 },
    { "de_DE.UTF-8", "200000", TRUE, 200000 },
    { "de_DE.UTF-8", "127,5", TRUE, 127.5 },
    { "de_DE.UTF-8", "1.234,5", TRUE, 1234.5 },
    { "de_DE.UTF-8", "1,2,3", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double v = -42;

      if (setlocale (LC_ALL, cases[i].locale) == NULL)
        continue;
      g_test_message ("%s: %s", cases[i].locale, cases[i].text);
      g_assert_cmpint (lf_parse_value (cases[i].text, &v), ==, cases[i].ok);
      g_assert_cmpfloat (v, ==, cases[i].ok ? cases[i].value : -42);
    }
  /* What lf_format_value() writes reads back as the same number. */
  for (guint k = 0; k < 3; k++)
    {
      static const char *const locales[] = { "C.UTF-8", "en_US.UTF-8", "de_DE.UTF-8" };
      static const double values[] = { 0, 200000, -1.5, 1234567.25, 127.5 };

      if (setlocale (LC_ALL, locales[k]) == NULL)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        {
          g_autofree char *text = lf_format_value (values[i], 2);
          double v = 0;

          g_assert_true (lf_parse_value (text, &v));
          g_assert_cmpfloat_with_epsilon (v, values[i], 1e-9);
        }
    }
  restore_locale ();
}

int
main (int   argc,
      char *argv[])
{
  const char *build_dir = g_getenv ("LANDFALL_BUILD_DIR");
  g_autofree char *localedir = g_build_filename (build_dir != NULL ? build_dir : ".", "po", NULL);
  g_autofree char *mo = g_build_filename (localedir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  /* g_dgettext() decides once, at its first call, whether to translate at
   * all (not under C): make that first call under German, with the
   * catalogue the build made. */
  have_catalogue = g_file_test (mo, G_FILE_TEST_IS_REGULAR);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  if (setlocale (LC_ALL, "de_DE.UTF-8") != NULL)
    {
      g_setenv ("LANGUAGE", "de", TRUE);
      (void) g_dgettext (GETTEXT_PACKAGE, "");
    }
  restore_locale ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/landfall/format/c-locale", test_c_locale);
  g_test_add_func ("/landfall/format/money", test_money);
  g_test_add_func ("/landfall/format/en-us", test_en_us);
  g_test_add_func ("/landfall/format/de-de", test_de_de);
  g_test_add_func ("/landfall/format/files", test_files);
  g_test_add_func ("/landfall/format/parse", test_parse);

  return g_test_run ();
}
