/* lf-welcome.h: what a first-time user reads above the charts: why every
 * Chinese figure is zero under current policy, and scenarios to try. */
#pragma once

#include <adwaita.h>

#include "lf-projection.h"

G_BEGIN_DECLS

#define LF_TYPE_WELCOME (lf_welcome_get_type ())

G_DECLARE_FINAL_TYPE (LfWelcome, lf_welcome, LF, WELCOME, AdwBin)

GtkWidget *lf_welcome_new  (const LfBaseline   *baseline,
                            const LfProjection *current_policy);
char      *lf_welcome_text (const LfBaseline   *baseline,
                            const LfProjection *current_policy);

G_END_DECLS
