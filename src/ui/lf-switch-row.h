/* lf-switch-row.h: a yes/no lever of the model as a row with a switch. */
#pragma once

#include <adwaita.h>

#include "lf-scenario.h"

G_BEGIN_DECLS

#define LF_TYPE_SWITCH_ROW (lf_switch_row_get_type ())

G_DECLARE_FINAL_TYPE (LfSwitchRow, lf_switch_row, LF, SWITCH_ROW, AdwPreferencesRow)

LfParam    lf_switch_row_get_param    (LfSwitchRow      *self);
gboolean   lf_switch_row_get_active   (LfSwitchRow      *self);
void       lf_switch_row_set_active   (LfSwitchRow      *self,
                                       gboolean          active);
void       lf_switch_row_add_suffix   (LfSwitchRow      *self,
                                       GtkWidget        *widget);
void       lf_switch_row_show         (LfSwitchRow      *self,
                                       const LfScenario *scenario);

G_END_DECLS
