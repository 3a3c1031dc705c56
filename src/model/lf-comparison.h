/* lf-comparison.h: up to five documents side by side.
 *
 * A comparison is a list of LfDocument (a GListModel, so a list widget can
 * show it): one is the one being edited, one is the reference differences
 * are taken from. Each document projects itself, so a change to one
 * projects that one again and no other. A comparison is saved as a
 * comparison file (lf-scenario-file.h) and read back all or nothing.
 *
 * GLib and GIO only.
 */
#pragma once

#include <gio/gio.h>

#include "lf-document.h"

G_BEGIN_DECLS

#define LF_TYPE_COMPARISON (lf_comparison_get_type ())

G_DECLARE_FINAL_TYPE (LfComparison, lf_comparison, LF, COMPARISON, GObject)

LfComparison     *lf_comparison_new                (LfBaseline       *baseline);
guint             lf_comparison_get_n_documents    (LfComparison     *self);
LfDocument       *lf_comparison_get_document       (LfComparison     *self,
                                                    guint             index);
LfDocument       *lf_comparison_get_edited         (LfComparison     *self);
guint             lf_comparison_get_edited_index   (LfComparison     *self);
void              lf_comparison_set_edited_index   (LfComparison     *self,
                                                    guint             index);
guint             lf_comparison_get_reference_index (LfComparison    *self);
void              lf_comparison_set_reference_index (LfComparison    *self,
                                                    guint             index);
gboolean          lf_comparison_pin                (LfComparison     *self,
                                                    const LfScenario *scenario,
                                                    GError          **error);
gboolean          lf_comparison_remove             (LfComparison     *self,
                                                    guint             index,
                                                    GError          **error);
LfComparisonFile *lf_comparison_to_file            (LfComparison     *self);
void              lf_comparison_replace            (LfComparison     *self,
                                                    const LfComparisonFile *file);

G_END_DECLS
