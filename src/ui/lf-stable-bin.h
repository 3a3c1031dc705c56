/* lf-stable-bin.h: a container whose height only grows while its width stays. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LF_TYPE_STABLE_BIN (lf_stable_bin_get_type ())
G_DECLARE_FINAL_TYPE (LfStableBin, lf_stable_bin, LF, STABLE_BIN, AdwBin)

GtkWidget *lf_stable_bin_new   (void);
void       lf_stable_bin_reset (LfStableBin *self);

G_END_DECLS
