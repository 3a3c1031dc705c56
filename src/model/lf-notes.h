/* lf-notes.h: why a projection came out as it did, in words.
 *
 * A projection records, for each plant and year, what kept the plant from
 * supplying (LfProjection.plant_block) and whether the China quota bound
 * (quota_binds). lf_notes_compute() turns that into notes: a plant that
 * builds nothing and why, a lever that can change nothing in this scenario
 * and why, a plant that runs far below its capacity. Each note names its
 * subject (a plant or a lever), says why in plain words, and, where one
 * setting fixes it, carries that setting (lf_note_apply_fix()).
 *
 * GLib only. Cheap: one pass over the projection, no model run.
 */
#pragma once

#include "lf-projection.h"

G_BEGIN_DECLS

typedef enum {
  /* A plant that builds nothing in any year 2027–2035, one note per reason: */
  LF_NOTE_PLANT_NO_PARTNERSHIP,   /* at a Ford site with the partnership off */
  LF_NOTE_PLANT_RULE,             /* its maker barred by the connected-vehicle rule */
  LF_NOTE_PLANT_QUOTA_ZERO,       /* China-built under a quota of 0 */
  LF_NOTE_PLANT_TARIFF,           /* priced out by its origin's tariff */
  LF_NOTE_PLANT_COST,             /* dearer than the incumbents even without a tariff */
  LF_NOTE_PLANT_NO_CAPACITY,      /* a capacity of 0 */
  LF_NOTE_PLANT_AFTER_HORIZON,    /* its first year is after 2035 */
  LF_NOTE_PLANT_NOT_NEEDED,       /* could supply, but none of its maker's sales came to it */
  /* A plant that builds: */
  LF_NOTE_PLANT_LATE,             /* asked to start before its site's earliest year */
  LF_NOTE_PLANT_UNDERUSED,        /* under LF_NOTES_UNDERUSED of its capacity in its open years */
  /* A lever that changes nothing here: */
  LF_NOTE_LEVER_NO_PLANT,         /* a tariff with no plant of its origin */
  LF_NOTE_LEVER_BARRED,           /* a tariff whose plants are all kept out another way */
  LF_NOTE_LEVER_QUOTA_SLACK,      /* a quota that never binds */
  LF_NOTE_LEVER_NO_CREDIT,        /* excluding Chinese makers from a credit of $0 */
  LF_NOTE_LEVER_NO_FORD_SITE,     /* the partnership on with no plant at a Ford site */
  LF_N_NOTE_KINDS
} LfNoteKind;

/* Assumption: a plant that sells less than half of what it could build, over
 * the years it is open, "runs far below its capacity". */
#define LF_NOTES_UNDERUSED 0.5

typedef struct {
  LfNoteKind kind;
  int    plant;          /* scenario plant index, or -1 */
  int    param;          /* LfParam of a lever note, or -1 */
  char  *subject;        /* "plant.<id>" or the lever's key */
  char  *text;           /* one sentence, translated */
  char  *reason;         /* a plant that builds nothing: why, in a few words (the end of text), else NULL */
  char  *fix_key;        /* the setting that fixes it (a scenario key), or NULL */
  char  *fix_value;      /* its value, as lf_scenario_apply() reads it */
  char  *fix_label;      /* the action in words, translated ("Turn on the partnership") */
  gboolean novel;        /* its subject differs from current policy (a plant added or
                          * changed, a lever moved): what the user did, to show first */
} LfNote;

GPtrArray *lf_notes_compute        (const LfScenario   *scenario,
                                    const LfProjection *projection);
GPtrArray *lf_notes_compute_full   (const LfScenario   *scenario,
                                    const LfProjection *projection,
                                    gboolean            translate);
void       lf_note_free            (LfNote             *note);
gboolean   lf_note_is_plant        (const LfNote       *note);
gboolean   lf_note_apply_fix       (const LfNote       *note,
                                    LfScenario         *scenario,
                                    GError            **error);
int        lf_notes_count_kind     (GPtrArray          *notes,
                                    LfNoteKind          kind,
                                    const char         *subject);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LfNote, lf_note_free)

G_END_DECLS
