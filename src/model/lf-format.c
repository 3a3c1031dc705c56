/* lf-format.c: numbers, units, money, percentages and years, for people and for files.
 *
 * One money style everywhere a person reads it: "$162 M" below a billion,
 * "$1.2 B" from a billion, "−$3.2 B" for a loss (the sign outside the
 * currency, so a translation that puts the unit after the number still reads
 * "−162 Mio. $").
 */
#define G_LOG_DOMAIN "landfall-model"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lf-format.h"

#define MINUS "\u2212"

/* Zero when @value would print as "-0" at @decimals. */
static double
drop_negative_zero (double value,
                    int    decimals)
{
  return fabs (value) < 0.5 * pow (10.0, -decimals) ? 0.0 : value;
}

/**
 * lf_format_value:
 * @value: a number
 * @decimals: digits after the decimal separator (0 to 6)
 *
 * Formats @value for the user's locale: digit grouping and decimal separator
 * from LC_NUMERIC, a real minus sign, never "−0". A value that is not finite
 * gives an en dash. Files never use this; see lf_format_value_c().
 *
 * Returns: (transfer full): the text, e.g. "1,234.5" or "−3,230"
 */
char *
lf_format_value (double value,
                 int    decimals)
{
  g_autofree char *digits = NULL;

  g_return_val_if_fail (decimals >= 0 && decimals <= 6, NULL);

  if (!isfinite (value))
    return g_strdup ("–");

  value = drop_negative_zero (value, decimals);
  digits = g_strdup_printf ("%'.*f", decimals, fabs (value));
  if (value < 0.0)
    return g_strconcat (MINUS, digits, NULL);

  return g_steal_pointer (&digits);
}

/**
 * lf_format_count:
 * @value: a count of things (vehicles, jobs)
 *
 * Returns: (transfer full): the whole number with digit grouping, e.g. "211,847"
 */
char *
lf_format_count (double value)
{
  return lf_format_value (value, 0);
}

/**
 * lf_format_thousands:
 * @value: a count of things
 *
 * Returns: (transfer full): @value in thousands, rounded, e.g. "212 thousand"
 */
char *
lf_format_thousands (double value)
{
  g_autofree char *number = lf_format_value (value / 1000.0, 0);

  if (!isfinite (value))
    return g_steal_pointer (&number);
  /* TRANSLATORS: a count in thousands, e.g. "212 thousand" (vehicles); %s is the number */
  return g_strdup_printf (_("%s\u00a0thousand"), number);
}

/**
 * lf_format_percent:
 * @value: a percentage (12.3 for 12.3 %)
 * @decimals: digits after the decimal separator
 *
 * Returns: (transfer full): e.g. "12.3 %"; the translation places the sign
 *   ("12,3 %" in German, "12.3%" in Chinese)
 */
char *
lf_format_percent (double value,
                   int    decimals)
{
  g_autofree char *number = lf_format_value (value, decimals);

  /* TRANSLATORS: a percentage; %s is the number */
  return g_strdup_printf (_("%s %%"), number);
}

/**
 * lf_format_percent_change:
 * @value: a change in percent
 * @decimals: digits after the decimal separator
 *
 * Returns: (transfer full): the change with its sign: "+4.2 %", "−4.2 %", "0.0 %"
 */
char *
lf_format_percent_change (double value,
                          int    decimals)
{
  g_autofree char *percent = lf_format_percent (value, decimals);

  if (isfinite (value) && drop_negative_zero (value, decimals) > 0.0)
    return g_strconcat ("+", percent, NULL);
  return g_steal_pointer (&percent);
}

/**
 * lf_format_percent_range:
 * @lo: the low end, a percentage
 * @hi: the high end
 * @decimals: digits after the decimal separator
 *
 * Returns: (transfer full): a range with one percent sign: "8.1–17.0 %"
 */
char *
lf_format_percent_range (double lo,
                         double hi,
                         int    decimals)
{
  g_autofree char *a = lf_format_value (lo, decimals);
  g_autofree char *b = lf_format_percent (hi, decimals);

  return g_strdup_printf ("%s–%s", a, b);
}

/**
 * lf_format_musd:
 * @musd: an amount in millions of US dollars
 *
 * The one money style: whole millions below a billion ("$162 M"), billions
 * with one decimal from a billion ("$1.2 B"), a loss with a minus sign in
 * front ("−$3.2 B"). A value that is not finite gives an en dash.
 *
 * Returns: (transfer full): the text
 */
char *
lf_format_musd (double musd)
{
  g_autofree char *number = NULL;
  g_autofree char *amount = NULL;
  double magnitude;

  if (!isfinite (musd))
    return g_strdup ("–");

  musd = drop_negative_zero (musd, 0);
  magnitude = fabs (musd);
  if (round (magnitude) < 1000.0)
    {
      number = lf_format_value (magnitude, 0);
      /* TRANSLATORS: an amount in millions of US dollars, e.g. "$162 M"; %s is the number */
      amount = g_strdup_printf (_("$%s\u00a0M"), number);
    }
  else
    {
      number = lf_format_value (magnitude / 1000.0, 1);
      /* TRANSLATORS: an amount in billions of US dollars, e.g. "$1.2 B"; %s is the number */
      amount = g_strdup_printf (_("$%s\u00a0B"), number);
    }

  if (musd < 0.0)
    return g_strconcat (MINUS, amount, NULL);
  return g_steal_pointer (&amount);
}

/**
 * lf_format_year:
 * @year: a calendar year
 *
 * Years are labels, not quantities: never grouped ("2030", not "2,030").
 *
 * Returns: (transfer full): the text
 */
char *
lf_format_year (int year)
{
  return g_strdup_printf ("%d", year);
}

/**
 * lf_format_value_c:
 * @value: a number
 * @decimals: digits after the point (0 to 17)
 *
 * Formats @value the same in every locale, for files: ASCII digits, '.' as
 * the decimal point, no grouping, '-' for a negative number, never "-0"
 * (a small negative number that rounds to zero prints as "0", "0.0" …).
 *
 * Returns: (transfer full): the text, e.g. "-3230.5"
 */
char *
lf_format_value_c (double value,
                   int    decimals)
{
  GString *out = g_string_new (NULL);

  lf_format_append_value_c (out, value, decimals);
  return g_string_free (out, FALSE);
}

/**
 * lf_format_append_value_c:
 * @out: where to append
 * @value: a number
 * @decimals: digits after the point
 *
 * Appends what lf_format_value_c() returns, without an allocation per number.
 */
void
lf_format_append_value_c (GString *out,
                          double   value,
                          int      decimals)
{
  char format[8];
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const char *p;

  g_return_if_fail (out != NULL);
  g_return_if_fail (decimals >= 0 && decimals <= 17);

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buf, sizeof buf, format, value);

  /* "-0" and "-0.000" read badly in a report: drop the sign of a zero. */
  p = buf;
  if (buf[0] == '-' && buf[1] != '\0' && strspn (buf + 1, "0.") == strlen (buf + 1))
    p = buf + 1;
  g_string_append (out, p);
}

/**
 * lf_format_number:
 * @value: a number
 *
 * The shortest text that reads back (g_ascii_strtod()) as the same number,
 * the same in every locale: "0.05", not "0.050000000000000003"; whole
 * numbers without a point; "unlimited" for +∞. For scenario files and
 * the command line.
 *
 * Returns: (transfer full): the text
 */
char *
lf_format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isinf (value) && value > 0)
    return g_strdup ("unlimited");
  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return g_strdup (buf);
}

/* Appends @text to @out without the characters that group digits in some
 * locale or other: spaces, no-break and thin spaces, and the locale's own. */
static gboolean
is_group_char (gunichar c, gunichar locale_sep)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009 || c == '\'' || c == 0x2019 ||
         (locale_sep != 0 && c == locale_sep);
}

/**
 * lf_parse_value:
 * @text: what a person typed, e.g. "200,000", "200000", "−1.5", or in a
 *   German locale "200.000"
 * @value: (out): the number
 *
 * Reads a number the way lf_format_value() writes it in the user's locale:
 * the locale's digit grouping is skipped, its decimal separator read, a
 * real minus sign or a hyphen taken, and a "%" or "$" around it ignored.
 *
 * Returns: %FALSE (and @value untouched) for anything that is not one
 *   finite number
 */
gboolean
lf_parse_value (const char *text,
                double     *value)
{
  struct lconv *lc = localeconv ();
  gunichar sep = lc->thousands_sep && *lc->thousands_sep ? g_utf8_get_char_validated (lc->thousands_sep, -1) : 0;
  gunichar point = lc->decimal_point && *lc->decimal_point ? g_utf8_get_char_validated (lc->decimal_point, -1) : '.';
  g_autoptr(GString) ascii = g_string_new (NULL);
  char *end = NULL;
  double v;

  g_return_val_if_fail (value != NULL, FALSE);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  if (sep == (gunichar) -1 || sep == (gunichar) -2)
    sep = 0;
  if (point == (gunichar) -1 || point == (gunichar) -2)
    point = '.';
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == point)
        g_string_append_c (ascii, '.');
      else if (is_group_char (c, sep) || c == '%' || c == '$')
        continue;
      else if (c == 0x2212 || c == '-')
        g_string_append_c (ascii, '-');
      else if ((c >= '0' && c <= '9') || c == '+')
        g_string_append_c (ascii, (char) c);
      else
        return FALSE;
    }
  if (ascii->len == 0)
    return FALSE;
  v = g_ascii_strtod (ascii->str, &end);
  if (end == ascii->str || *end != '\0' || !isfinite (v))
    return FALSE;
  *value = v;
  return TRUE;
}
