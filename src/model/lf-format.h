/* lf-format.h: every number the program shows or writes, formatted in one place.
 *
 * Two families. The plain names (lf_format_value, lf_format_percent,
 * lf_format_musd …) are for people: the user's LC_NUMERIC (digit grouping,
 * decimal separator), a real minus sign (U+2212), a no-break space before a
 * unit, and words through gettext. The names ending in _c are for files and
 * CSV: ASCII, '.' as decimal separator, no grouping, no words, the same in
 * every locale.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* For people: the user's locale. */
char *lf_format_value           (double   value,
                                 int      decimals);
char *lf_format_count           (double   value);
char *lf_format_thousands       (double   value);
char *lf_format_percent         (double   value,
                                 int      decimals);
char *lf_format_percent_change  (double   value,
                                 int      decimals);
char *lf_format_percent_range   (double   lo,
                                 double   hi,
                                 int      decimals);
char *lf_format_musd            (double   musd);
char *lf_format_year            (int      year);
gboolean lf_parse_value         (const char *text,
                                 double     *value);

/* For files: the C locale. */
char *lf_format_value_c         (double   value,
                                 int      decimals);
void  lf_format_append_value_c  (GString *out,
                                 double   value,
                                 int      decimals);
char *lf_format_number          (double   value);

G_END_DECLS
