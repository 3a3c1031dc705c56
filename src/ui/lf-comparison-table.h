/* lf-comparison-table.h: the summary of a comparison: headline figures by
 * scenario with their differences from the reference, and what differs. */
#pragma once

#include <gtk/gtk.h>

#include "lf-comparison.h"

G_BEGIN_DECLS

#define LF_TYPE_COMPARISON_TABLE (lf_comparison_table_get_type ())

G_DECLARE_FINAL_TYPE (LfComparisonTable, lf_comparison_table, LF, COMPARISON_TABLE, GtkBox)

GtkWidget *lf_comparison_table_new     (LfComparison      *comparison);

G_END_DECLS
