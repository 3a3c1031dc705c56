/* lf-document.h: one scenario being worked on, and everything that follows from it.
 *
 * A document owns the scenario, the file it came from and the copy last
 * opened or saved (for the modified marker), undo and redo (a slider drag is
 * one step), the projection with its counterfactual, the current-policy
 * reference it is drawn against, and its Monte Carlo bands. A new scenario's
 * quick band is drawn in a thread at once, and lf_document_get_bands() waits
 * for it (lf_document_get_bands_pending() says whether it would); an edit
 * moves the band it had with the projection, in the same call, and the quick
 * band, then the refined one, follow from a thread (each a `changed` with
 * LF_DOCUMENT_CHANGE_BANDS); a band for values that changed meanwhile is
 * dropped. Views bind to its
 * properties and listen to `changed`; it knows nothing of them.
 *
 * GLib and GIO only: tested with no display (tests/test-document.c).
 */
#pragma once

#include <gio/gio.h>

#include "lf-projection.h"

G_BEGIN_DECLS

/* What a `changed` signal reports. */
typedef enum {
  LF_DOCUMENT_CHANGE_VALUES   = 1 << 0, /* the scenario's values changed (an edit, undo, a new one) */
  LF_DOCUMENT_CHANGE_REPLACED = 1 << 1, /* the whole scenario was replaced: views re-read every value */
  LF_DOCUMENT_CHANGE_BANDS    = 1 << 2, /* the bands were refined; the values did not change */
} LfDocumentChange;

GType lf_document_change_get_type (void) G_GNUC_CONST;
#define LF_TYPE_DOCUMENT_CHANGE (lf_document_change_get_type ())

#define LF_TYPE_DOCUMENT (lf_document_get_type ())

G_DECLARE_FINAL_TYPE (LfDocument, lf_document, LF, DOCUMENT, GObject)

/* The number of draws of the band made at once, and of the refined one. */
#define LF_DOCUMENT_LIVE_DRAWS 200
#define LF_DOCUMENT_FULL_DRAWS 1000
#define LF_DOCUMENT_BAND_SEED  1
/* The same key changed again within this time joins the last undo step. */
#define LF_DOCUMENT_COALESCE_USEC (800 * 1000)
#define LF_DOCUMENT_MAX_UNDO   200

LfDocument         *lf_document_new                (LfBaseline       *baseline);
LfDocument         *lf_document_new_for_scenario   (LfBaseline       *baseline,
                                                    const LfScenario *scenario);

const LfBaseline   *lf_document_get_baseline       (LfDocument       *self);
LfScenario         *lf_document_get_scenario       (LfDocument       *self);
const LfProjection *lf_document_get_projection     (LfDocument       *self);
const LfProjection *lf_document_get_reference      (LfDocument       *self);
const LfBands      *lf_document_get_bands          (LfDocument       *self);
const char         *lf_document_get_title          (LfDocument       *self);
GFile              *lf_document_get_file           (LfDocument       *self);
gboolean            lf_document_get_modified       (LfDocument       *self);
gboolean            lf_document_get_can_undo       (LfDocument       *self);
gboolean            lf_document_get_can_redo       (LfDocument       *self);

void                lf_document_commit_edit        (LfDocument       *self,
                                                    const char       *key);
void                lf_document_replace            (LfDocument       *self,
                                                    const LfScenario *scenario,
                                                    gboolean          undoable);
gboolean            lf_document_undo               (LfDocument       *self);
gboolean            lf_document_redo               (LfDocument       *self);

gboolean            lf_document_open               (LfDocument       *self,
                                                    GFile            *file,
                                                    gboolean          undoable,
                                                    GError          **error);
gboolean            lf_document_save               (LfDocument       *self,
                                                    GFile            *file,
                                                    GError          **error);
void                lf_document_start_from         (LfDocument       *self,
                                                    const LfScenario *scenario);

/* What the user had before a replacement (a preset, a file opened): the
 * scenario, its file and the copy last saved, so that it can come back exactly. */
typedef struct _LfDocumentState LfDocumentState;

LfDocumentState    *lf_document_get_state          (LfDocument       *self);
void                lf_document_restore_state      (LfDocument       *self,
                                                    const LfDocumentState *state);
void                lf_document_state_free         (LfDocumentState  *state);
const LfScenario   *lf_document_get_saved          (LfDocument       *self);

void                lf_document_set_band_draws     (LfDocument       *self,
                                                    int               live_draws,
                                                    int               full_draws);
gboolean            lf_document_get_bands_final    (LfDocument       *self);
gboolean            lf_document_get_bands_pending  (LfDocument       *self);
guint               lf_document_get_stale_bands    (LfDocument       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfDocumentState, lf_document_state_free)

G_END_DECLS
