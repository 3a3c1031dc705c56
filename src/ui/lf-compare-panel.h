/* lf-compare-panel.h: the Compare popover's content: the pinned scenarios
 * (colour, name, which is edited, remove) and how the charts compare them. */
#pragma once

#include <adwaita.h>

#include "lf-comparison.h"

G_BEGIN_DECLS

#define LF_TYPE_COMPARE_PANEL (lf_compare_panel_get_type ())

G_DECLARE_FINAL_TYPE (LfComparePanel, lf_compare_panel, LF, COMPARE_PANEL, GtkBox)

GtkWidget    *lf_compare_panel_new            (LfComparison   *comparison);
LfComparison *lf_compare_panel_get_comparison (LfComparePanel *self);

G_END_DECLS
