/* lf-controls.h: every lever of the model as a control, grouped as an analyst thinks. */
#pragma once

#include <adwaita.h>

#include "lf-scenario.h"

G_BEGIN_DECLS

#define LF_TYPE_CONTROLS (lf_controls_get_type ())

G_DECLARE_FINAL_TYPE (LfControls, lf_controls, LF, CONTROLS, AdwBin)

GtkWidget *lf_controls_new           (void);
void       lf_controls_set_scenario  (LfControls *self,
                                      LfScenario *scenario);
void       lf_controls_sync          (LfControls *self);
void       lf_controls_select_plant  (LfControls *self,
                                      int         plant);
void       lf_controls_show_notes    (LfControls *self,
                                      GPtrArray  *notes);

G_END_DECLS
