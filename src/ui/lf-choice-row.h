/* lf-choice-row.h: a lever that takes one of a few named values (the EV
 * path, Ford's cost case, the connected-vehicle rule) as a row that opens a
 * list, in the shape of libadwaita's combo rows. The names people read for
 * its values, its label, tooltip and any schedule come from the registry
 * (kept in C there, where xgettext:no-c-format applies). */
#pragma once

#include <adwaita.h>

#include "lf-scenario.h"

G_BEGIN_DECLS

#define LF_TYPE_CHOICE_ROW (lf_choice_row_get_type ())

G_DECLARE_FINAL_TYPE (LfChoiceRow, lf_choice_row, LF, CHOICE_ROW, AdwPreferencesRow)

LfParam    lf_choice_row_get_param    (LfChoiceRow      *self);
guint      lf_choice_row_get_selected (LfChoiceRow      *self);
void       lf_choice_row_set_selected (LfChoiceRow      *self,
                                       guint             position);
void       lf_choice_row_add_suffix   (LfChoiceRow      *self,
                                       GtkWidget        *widget);
void       lf_choice_row_show         (LfChoiceRow      *self,
                                       const LfScenario *scenario);

G_END_DECLS
