/* lf-lever-row.h: one numeric lever of the model as a row: an exact entry, a
 * slider and, for a policy lever, its schedule. Everything it shows about the
 * lever comes from the parameter registry (lf-param.h). */
#pragma once

#include <adwaita.h>

#include "lf-scenario.h"

G_BEGIN_DECLS

#define LF_TYPE_LEVER_ROW (lf_lever_row_get_type ())

G_DECLARE_FINAL_TYPE (LfLeverRow, lf_lever_row, LF, LEVER_ROW, AdwPreferencesRow)

GtkWidget *lf_lever_row_new          (LfParam           param);
LfParam    lf_lever_row_get_param    (LfLeverRow       *self);
double     lf_lever_row_get_value    (LfLeverRow       *self);
void       lf_lever_row_set_value    (LfLeverRow       *self,
                                      double            value);
void       lf_lever_row_show         (LfLeverRow       *self,
                                      const LfScenario *scenario);
void       lf_lever_row_set_note     (LfLeverRow       *self,
                                      const char       *text);

G_END_DECLS
