/* lf-notes-view.h: the scenario's notes (lf-notes.h) as a short list above
 * the charts, each with the button that applies its fix where it has one. */
#pragma once

#include <adwaita.h>

#include "lf-notes.h"

G_BEGIN_DECLS

/* Notes shown at once; the rest fold under "N more". */
#define LF_NOTES_VIEW_SHOWN 2

#define LF_TYPE_NOTES_VIEW (lf_notes_view_get_type ())

G_DECLARE_FINAL_TYPE (LfNotesView, lf_notes_view, LF, NOTES_VIEW, GtkBox)

GtkWidget *lf_notes_view_new       (void);
void       lf_notes_view_set_notes (LfNotesView *self,
                                    GPtrArray   *notes,
                                    const char  *first_subject);

G_END_DECLS
