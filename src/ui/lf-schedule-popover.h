/* lf-schedule-popover.h: a policy lever's new value from a later year. */
#pragma once

#include <gtk/gtk.h>

#include "lf-scenario.h"

G_BEGIN_DECLS

#define LF_TYPE_SCHEDULE_POPOVER (lf_schedule_popover_get_type ())

G_DECLARE_FINAL_TYPE (LfSchedulePopover, lf_schedule_popover, LF, SCHEDULE_POPOVER, GtkPopover)

GtkWidget *lf_schedule_popover_new           (LfParam            param);
LfParam    lf_schedule_popover_get_param     (LfSchedulePopover *self);
void       lf_schedule_popover_set_scenario  (LfSchedulePopover *self,
                                              const LfScenario  *scenario);
void       lf_schedule_popover_build_later   (GtkMenuButton      *button,
                                              LfParam             param,
                                              LfSchedulePopover **popover,
                                              const LfScenario  **scenario,
                                              GCallback           apply,
                                              GCallback           clear,
                                              gpointer            row);

G_END_DECLS
