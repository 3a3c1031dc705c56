/* lf-row-common.h: what the control rows share: a lever's tooltip and unit
 * from the parameter registry, a schedule's summary, and a mouse wheel that
 * scrolls the panel rather than the value under it. */
#pragma once

#include <gtk/gtk.h>

#include "lf-scenario.h"

G_BEGIN_DECLS

char       *lf_param_tooltip        (LfParam           param,
                                     const LfBaseline *baseline);
const char *lf_param_shown_unit     (LfParam           param);
double      lf_param_shown_scale    (LfParam           param);
char       *lf_schedule_text        (const LfScenario *scenario,
                                     LfParam           param);
void        lf_wheel_scrolls_panel  (GtkWidget        *widget);

G_END_DECLS
