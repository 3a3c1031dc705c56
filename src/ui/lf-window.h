/* lf-window.h: the explorer window. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LF_TYPE_WINDOW (lf_window_get_type ())

G_DECLARE_FINAL_TYPE (LfWindow, lf_window, LF, WINDOW, AdwApplicationWindow)

LfWindow *lf_window_new        (AdwApplication *app);
void      lf_window_open_file  (LfWindow       *self,
                                GFile          *file);
void      lf_window_restore_last (LfWindow     *self);

G_END_DECLS
