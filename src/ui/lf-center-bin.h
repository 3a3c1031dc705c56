/* lf-center-bin.h: holds wrapped text beside taller controls, centred at its
 * own height, and cheap to lay out. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LF_TYPE_CENTER_BIN (lf_center_bin_get_type ())
G_DECLARE_FINAL_TYPE (LfCenterBin, lf_center_bin, LF, CENTER_BIN, AdwBin)

GtkWidget *lf_center_bin_new (void);

G_END_DECLS
