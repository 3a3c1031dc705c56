/* lf-document.c: a scenario being worked on, its file, its history and its results. */
#define G_LOG_DOMAIN "landfall-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-document.h"

typedef struct _QuickBand QuickBand;

struct _LfDocument
{
  GObject           parent_instance;

  LfBaseline       *baseline;     /* a reference: band jobs may outlive the document */
  LfScenario       *scenario;     /* edited in place, then committed */
  LfScenario       *committed;    /* the state before the edit being made */
  LfScenario       *saved;        /* as last opened or saved */
  GFile            *file;
  GPtrArray        *undo;
  GPtrArray        *redo;
  char             *last_key;
  gint64            last_change;

  LfProjection     *projection;
  LfProjection     *reference;    /* current policy, computed once */
  LfBands          *bands;
  int               live_draws;
  int               full_draws;
  guint             generation;   /* bumped by every change of the values */
  gboolean          bands_final;
  guint             stale_bands;
  GCancellable     *band_cancellable;
  QuickBand        *quick;        /* a new scenario's quick band, being drawn; or NULL */

  /* The properties' last notified values, to notify only real changes. */
  char             *title;
  gboolean          modified;
  gboolean          can_undo;
  gboolean          can_redo;
};

G_DEFINE_FINAL_TYPE (LfDocument, lf_document, G_TYPE_OBJECT)
G_DEFINE_FLAGS_TYPE (LfDocumentChange, lf_document_change,
  G_DEFINE_ENUM_VALUE (LF_DOCUMENT_CHANGE_VALUES, "values"),
  G_DEFINE_ENUM_VALUE (LF_DOCUMENT_CHANGE_REPLACED, "replaced"),
  G_DEFINE_ENUM_VALUE (LF_DOCUMENT_CHANGE_BANDS, "bands"))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_FILE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- state -------------------------------------------------------------------------- */

/* Notifies each property whose value differs from the one last notified. */
static void
update_state (LfDocument *self)
{
  gboolean modified = !lf_scenario_equal (self->scenario, self->saved);
  gboolean can_undo = self->undo->len > 0;
  gboolean can_redo = self->redo->len > 0;

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->title, self->scenario->name) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (self->scenario->name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_file (LfDocument *self, GFile *file)
{
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/* ---- the projection and its bands ------------------------------------------------- */

/* A refined band being made in a thread. It holds the baseline its scenario
 * refers to, and not the document: a document closed meanwhile is finalized
 * at once, here, and the job's result is dropped when it comes in. */
typedef struct {
  LfBaseline *baseline;
  LfScenario *scenario;
  guint       generation;
  int         n_draws;
  GWeakRef    document;
} BandJob;

static void
band_job_free (BandJob *job)
{
  lf_scenario_free (job->scenario);
  lf_baseline_unref (job->baseline);
  g_weak_ref_clear (&job->document);
  g_free (job);
}

static void
band_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  BandJob *job = task_data;
  g_autofree LfBands *bands = g_new (LfBands, 1);

  if (!lf_monte_carlo (job->scenario, job->n_draws, LF_DOCUMENT_BAND_SEED, bands, cancellable))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&bands), g_free);
}

static void start_band_job (LfDocument *self, int n_draws);

static void
on_band_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BandJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(LfDocument) self = g_weak_ref_get (&job->document);
  g_autofree LfBands *bands = g_task_propagate_pointer (G_TASK (result), NULL);

  if (self == NULL)
    return;

  /* Work for values that have changed since is dropped, whether it was
   * cancelled in time or had finished already. */
  if (job->generation != self->generation)
    {
      self->stale_bands++;
      return;
    }
  if (bands == NULL)
    return;
  *self->bands = *bands;
  self->bands_final = job->n_draws >= self->full_draws;
  /* The quick band first, then the refined one. */
  if (!self->bands_final)
    start_band_job (self, self->full_draws);
  g_signal_emit (self, signals[CHANGED], 0, LF_DOCUMENT_CHANGE_BANDS);
}

/* Draws @n_draws for the current values in a thread; on_band_done_cb() takes
 * the result if the values are still the same. */
static void
start_band_job (LfDocument *self, int n_draws)
{
  g_autoptr(GTask) task = NULL;
  BandJob *job;

  g_cancellable_cancel (self->band_cancellable);
  g_clear_object (&self->band_cancellable);
  self->band_cancellable = g_cancellable_new ();
  job = g_new0 (BandJob, 1);
  job->baseline = lf_baseline_ref (self->baseline);
  job->scenario = lf_scenario_copy (self->scenario);
  g_weak_ref_init (&job->document, self);
  job->generation = self->generation;
  job->n_draws = n_draws;
  task = g_task_new (NULL, self->band_cancellable, on_band_done_cb, NULL);
  g_task_set_source_tag (task, start_band_job);
  /* A result that made it before the cancel is still returned: the
   * generation, not the cancellable, decides whether it is current. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) band_job_free);
  g_task_run_in_thread (task, band_thread);
}

/* A new scenario's quick band, drawn in a thread of its own. Whoever asks for
 * the bands first waits for it (settle_quick()); if nobody has by the time
 * it is drawn, the thread has the main loop bring it in (quick_band_in_cb()).
 * Taken or dropped, it leaves nothing behind in the main loop. Shared by the
 * document and the thread (and the main loop's call), reference-counted. */
struct _QuickBand {
  LfBaseline   *baseline;
  LfScenario   *scenario;
  int           n_draws;
  GCancellable *cancellable;
  GMainContext *context;
  GWeakRef      document;

  GMutex        lock;
  GCond         cond;
  gboolean      done;      /* under @lock: @drawn and @bands are set */
  gboolean      dropped;   /* under @lock: taken or no longer wanted */
  GSource      *in;        /* under @lock: the main loop's call to bring it in */
  gboolean      drawn;     /* not cancelled */
  LfBands       bands;
};

static void
quick_band_clear (QuickBand *q)
{
  lf_scenario_free (q->scenario);
  lf_baseline_unref (q->baseline);
  g_object_unref (q->cancellable);
  g_main_context_unref (q->context);
  g_weak_ref_clear (&q->document);
  g_clear_pointer (&q->in, g_source_unref);
  g_mutex_clear (&q->lock);
  g_cond_clear (&q->cond);
}

static void
quick_band_release (gpointer q)
{
  g_atomic_rc_box_release_full (q, (GDestroyNotify) quick_band_clear);
}

static gboolean quick_band_in_cb (gpointer data);

static gpointer
quick_band_thread (gpointer data)
{
  QuickBand *q = data;
  gboolean drawn = lf_monte_carlo (q->scenario, q->n_draws, LF_DOCUMENT_BAND_SEED, &q->bands,
                                   q->cancellable);

  g_mutex_lock (&q->lock);
  q->drawn = drawn;
  q->done = TRUE;
  if (!q->dropped)
    {
      q->in = g_idle_source_new ();
      g_source_set_priority (q->in, G_PRIORITY_DEFAULT);
      g_source_set_callback (q->in, quick_band_in_cb, g_atomic_rc_box_acquire (q), quick_band_release);
      g_source_attach (q->in, q->context);
    }
  g_cond_broadcast (&q->cond);
  g_mutex_unlock (&q->lock);
  quick_band_release (q);
  return NULL;
}

/* Starts drawing the current values' quick band in a thread. */
static QuickBand *
quick_band_start (LfDocument *self)
{
  QuickBand *q = g_atomic_rc_box_new0 (QuickBand);
  GThread *thread;

  q->baseline = lf_baseline_ref (self->baseline);
  q->scenario = lf_scenario_copy (self->scenario);
  q->n_draws = self->live_draws;
  q->cancellable = g_cancellable_new ();
  q->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&q->document, self);
  g_mutex_init (&q->lock);
  g_cond_init (&q->cond);
  thread = g_thread_try_new ("landfall-band", quick_band_thread, g_atomic_rc_box_acquire (q), NULL);
  if (thread != NULL)
    g_thread_unref (thread);
  else
    {
      /* No thread to be had: drawn here, and taken when asked for. */
      q->drawn = lf_monte_carlo (q->scenario, q->n_draws, LF_DOCUMENT_BAND_SEED, &q->bands, NULL);
      q->done = TRUE;
      quick_band_release (q);
    }
  return q;
}

/* The quick band is no longer wanted (or has been taken): its thread stops,
 * and its call in the main loop, if made, is withdrawn. */
static void
quick_band_drop (QuickBand *q)
{
  g_cancellable_cancel (q->cancellable);
  g_mutex_lock (&q->lock);
  q->dropped = TRUE;
  if (q->in != NULL)
    g_source_destroy (q->in);
  g_mutex_unlock (&q->lock);
  quick_band_release (q);
}

/* Waits for the quick band of a new scenario, if one is being drawn, takes
 * it, and starts the refined one. */
static void
settle_quick (LfDocument *self)
{
  QuickBand *q = g_steal_pointer (&self->quick);

  if (q == NULL)
    return;
  g_mutex_lock (&q->lock);
  while (!q->done)
    g_cond_wait (&q->cond, &q->lock);
  g_mutex_unlock (&q->lock);
  /* Only dropping it cancels it, and this is its document's own. */
  g_assert (q->drawn);
  *self->bands = q->bands;
  self->bands_final = q->n_draws >= self->full_draws;
  quick_band_drop (q);
  if (!self->bands_final)
    start_band_job (self, self->full_draws);
}

/* The quick band is drawn and nobody has asked for it yet: it comes in. */
static gboolean
quick_band_in_cb (gpointer data)
{
  QuickBand *q = data;
  g_autoptr(LfDocument) self = g_weak_ref_get (&q->document);

  if (self != NULL && self->quick == q)
    {
      settle_quick (self);
      g_signal_emit (self, signals[CHANGED], 0, LF_DOCUMENT_CHANGE_BANDS);
    }
  return G_SOURCE_REMOVE;
}

/* The band of the values before an edit, moved by what the edit did to the
 * projection: each percentile shifts as the central run does. It stands in,
 * for the frame of the change, until the draws for the new values come in
 * (a few frames later); a series that cannot go below zero is kept at zero
 * or above. */
static void
shift_bands (LfBands *bands, const LfProjection *before, const LfProjection *after)
{
  for (int s = 0; s < LF_N_SERIES; s++)
    for (int y = 0; y < LF_N_YEARS; y++)
      {
        double d = after->series[s][y] - before->series[s][y];
        gboolean non_negative = bands->p10[s][y] >= 0.0 && after->series[s][y] >= 0.0;

        if (!isfinite (d) || d == 0.0)
          continue;
        bands->p10[s][y] += d;
        bands->p50[s][y] += d;
        bands->p90[s][y] += d;
        if (non_negative)
          {
            bands->p10[s][y] = MAX (0.0, bands->p10[s][y]);
            bands->p50[s][y] = MAX (0.0, bands->p50[s][y]);
            bands->p90[s][y] = MAX (0.0, bands->p90[s][y]);
          }
      }
}

/* Projects the scenario and starts its band. An edit (a slider moving)
 * keeps the frame free of Monte Carlo: the band it had moves with the
 * projection, and the quick and refined bands follow from a thread. A new
 * scenario (opened, undone, a preset) has no band to move: its quick band is
 * drawn in a thread at once, and whoever asks for the bands first (the next
 * frame, at the latest) waits for it, then the refined one follows. Meanwhile
 * the caller goes on (at start-up, building the window). */
static void
recompute (LfDocument *self, LfDocumentChange change)
{
  gboolean replaced = (change & LF_DOCUMENT_CHANGE_REPLACED) != 0;

  if (replaced)
    g_clear_pointer (&self->quick, quick_band_drop);
  else
    settle_quick (self);
  self->generation++;
  if (!replaced && self->bands->n_draws > 0)
    {
      LfProjection before = *self->projection;

      lf_project (self->scenario, self->projection);
      shift_bands (self->bands, &before, self->projection);
      self->bands_final = FALSE;
      start_band_job (self, self->live_draws);
    }
  else
    {
      lf_project (self->scenario, self->projection);
      self->bands_final = FALSE;
      g_cancellable_cancel (self->band_cancellable);
      self->quick = quick_band_start (self);
    }

  update_state (self);
  g_signal_emit (self, signals[CHANGED], 0, change);
}

/* ---- object ---------------------------------------------------------------------- */

static void
lf_document_dispose (GObject *object)
{
  LfDocument *self = LF_DOCUMENT (object);

  g_cancellable_cancel (self->band_cancellable);
  g_clear_object (&self->band_cancellable);
  g_clear_pointer (&self->quick, quick_band_drop);
  g_clear_object (&self->file);
  G_OBJECT_CLASS (lf_document_parent_class)->dispose (object);
}

static void
lf_document_finalize (GObject *object)
{
  LfDocument *self = LF_DOCUMENT (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->scenario, lf_scenario_free);
  g_clear_pointer (&self->committed, lf_scenario_free);
  g_clear_pointer (&self->saved, lf_scenario_free);
  g_clear_pointer (&self->projection, g_free);
  g_clear_pointer (&self->reference, g_free);
  g_clear_pointer (&self->bands, g_free);
  g_clear_pointer (&self->last_key, g_free);
  g_clear_pointer (&self->title, g_free);
  /* Scenarios point into the baseline: drop it last. */
  g_clear_pointer (&self->baseline, lf_baseline_unref);
  G_OBJECT_CLASS (lf_document_parent_class)->finalize (object);
}

static void
lf_document_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LfDocument *self = LF_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, lf_document_get_title (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, lf_document_get_modified (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, lf_document_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, lf_document_get_can_redo (self));
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_document_class_init (LfDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lf_document_dispose;
  object_class->finalize = lf_document_finalize;
  object_class->get_property = lf_document_get_property;

  /* The scenario's name. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The scenario differs from the one last opened or saved. */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The file the scenario was opened from or saved to; NULL for a new one or a preset. */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LfDocument::changed:
   * @change: LfDocumentChange flags: what changed
   *
   * The projection or the bands have been computed again. Emitted after the
   * properties are notified.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LF_TYPE_DOCUMENT_CHANGE);
}

static void
lf_document_init (LfDocument *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) lf_scenario_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) lf_scenario_free);
  self->projection = g_new0 (LfProjection, 1);
  self->reference = g_new0 (LfProjection, 1);
  self->bands = g_new0 (LfBands, 1);
  self->live_draws = LF_DOCUMENT_LIVE_DRAWS;
  self->full_draws = LF_DOCUMENT_FULL_DRAWS;
  self->title = g_strdup ("");
}

/* ---- public API ------------------------------------------------------------------ */

/**
 * lf_document_new:
 * @baseline: the data every scenario refers to (the document takes a reference)
 *
 * A document holding current policy (named "Current policy", translated),
 * unmodified, with no file, projected, with its quick band under way (see
 * lf_document_get_bands_pending()).
 */
LfDocument *
lf_document_new (LfBaseline *baseline)
{
  g_autoptr(LfScenario) current = NULL;

  g_return_val_if_fail (baseline != NULL, NULL);
  current = lf_scenario_new (baseline);
  /* Named like the first preset, and shown translated (lf-preset-strings.h
   * carries the English to the translators). */
  if (*current->name != '\0')
    lf_scenario_set_name (current, _(current->name));
  if (*current->description != '\0')
    lf_scenario_set_description (current, _(current->description));
  return lf_document_new_for_scenario (baseline, current);
}

/**
 * lf_document_new_for_scenario:
 * @scenario: the values to start from (copied); on @baseline
 *
 * A document holding @scenario, unmodified, with no file and nothing to
 * undo: a preset or a scenario pinned into a comparison.
 */
LfDocument *
lf_document_new_for_scenario (LfBaseline *baseline, const LfScenario *scenario)
{
  LfDocument *self;

  g_return_val_if_fail (baseline != NULL && scenario != NULL, NULL);
  g_return_val_if_fail (scenario->baseline == baseline, NULL);
  self = g_object_new (LF_TYPE_DOCUMENT, NULL);
  self->baseline = lf_baseline_ref (baseline);
  self->scenario = lf_scenario_copy (scenario);
  self->committed = lf_scenario_copy (scenario);
  self->saved = lf_scenario_copy (scenario);
  {
    g_autoptr(LfScenario) current = lf_scenario_new (baseline);
    lf_project (current, self->reference);
  }
  recompute (self, LF_DOCUMENT_CHANGE_VALUES | LF_DOCUMENT_CHANGE_REPLACED);
  return self;
}

const LfBaseline *
lf_document_get_baseline (LfDocument *self)
{
  g_return_val_if_fail (LF_IS_DOCUMENT (self), NULL);
  return self->baseline;
}

/**
 * lf_document_get_scenario:
 *
 * The scenario, which a control may change in place; it then calls
 * lf_document_commit_edit(). Valid until the document is finalized.
 */
LfScenario *
lf_document_get_scenario (LfDocument *self)
{
  g_return_val_if_fail (LF_IS_DOCUMENT (self), NULL);
  return self->scenario;
}

const LfProjection *
lf_document_get_projection (LfDocument *self)
{
  g_return_val_if_fail (LF_IS_DOCUMENT (self), NULL);
  return self->projection;
}

/* Current policy, which every chart draws the scenario against. */
const LfProjection *
lf_document_get_reference (LfDocument *self)
{
  g_return_val_if_fail (LF_IS_DOCUMENT (self), NULL);
  return self->reference;
}

const LfBands *
lf_document_get_bands (LfDocument *self)
{
  g_return_val_if_fail (LF_IS_DOCUMENT (self), NULL);
  settle_quick (self);
  return self->bands;
}

const char *
lf_document_get_title (LfDocument *self)
{
  g_return_val_if_fail (LF_IS_DOCUMENT (self), NULL);
  return self->title;
}

GFile *
lf_document_get_file (LfDocument *self)
{
  g_return_val_if_fail (LF_IS_DOCUMENT (self), NULL);
  return self->file;
}

gboolean
lf_document_get_modified (LfDocument *self)
{
  g_return_val_if_fail (LF_IS_DOCUMENT (self), FALSE);
  return self->modified;
}

gboolean
lf_document_get_can_undo (LfDocument *self)
{
  g_return_val_if_fail (LF_IS_DOCUMENT (self), FALSE);
  return self->can_undo;
}

gboolean
lf_document_get_can_redo (LfDocument *self)
{
  g_return_val_if_fail (LF_IS_DOCUMENT (self), FALSE);
  return self->can_redo;
}

/**
 * lf_document_commit_edit:
 * @key: the lever or plant field that was changed, as in files; or NULL
 *
 * The scenario has been changed in place: record the step for undo (the
 * same @key changed again within LF_DOCUMENT_COALESCE_USEC joins the last
 * step, so a slider drag is undone at once), forget redo, and project again.
 */
void
lf_document_commit_edit (LfDocument *self, const char *key)
{
  gint64 now = g_get_monotonic_time ();

  g_return_if_fail (LF_IS_DOCUMENT (self));
  if (key == NULL || g_strcmp0 (key, self->last_key) != 0 ||
      now - self->last_change > LF_DOCUMENT_COALESCE_USEC)
    {
      g_ptr_array_add (self->undo, lf_scenario_copy (self->committed));
      if (self->undo->len > LF_DOCUMENT_MAX_UNDO)
        g_ptr_array_remove_index (self->undo, 0);
    }
  g_ptr_array_set_size (self->redo, 0);
  g_free (self->last_key);
  self->last_key = g_strdup (key);
  self->last_change = now;
  lf_scenario_assign (self->committed, self->scenario);
  recompute (self, LF_DOCUMENT_CHANGE_VALUES);
}

static void
assign (LfDocument *self, const LfScenario *next)
{
  lf_scenario_assign (self->scenario, next);
  lf_scenario_assign (self->committed, next);
  g_clear_pointer (&self->last_key, g_free);
}

/**
 * lf_document_replace:
 * @scenario: the new values (copied)
 * @undoable: whether undo brings the old ones back
 *
 * Replaces the whole scenario (a preset, reset, where the user left off).
 * The file and the saved copy stay: the document is modified if the new
 * values differ from them.
 */
void
lf_document_replace (LfDocument *self, const LfScenario *scenario, gboolean undoable)
{
  g_return_if_fail (LF_IS_DOCUMENT (self));
  g_return_if_fail (scenario != NULL && scenario->baseline == self->baseline);

  if (undoable)
    {
      g_ptr_array_add (self->undo, lf_scenario_copy (self->scenario));
      if (self->undo->len > LF_DOCUMENT_MAX_UNDO)
        g_ptr_array_remove_index (self->undo, 0);
      g_ptr_array_set_size (self->redo, 0);
    }
  assign (self, scenario);
  recompute (self, LF_DOCUMENT_CHANGE_VALUES | LF_DOCUMENT_CHANGE_REPLACED);
}

/**
 * lf_document_start_from:
 *
 * Replaces the scenario (undoably) with a starting point that is no file,
 * such as a preset: unmodified, with nothing to save yet.
 */
void
lf_document_start_from (LfDocument *self, const LfScenario *scenario)
{
  g_return_if_fail (LF_IS_DOCUMENT (self));
  g_return_if_fail (scenario != NULL && scenario->baseline == self->baseline);

  lf_scenario_assign (self->saved, scenario);
  set_file (self, NULL);
  lf_document_replace (self, scenario, TRUE);
}

gboolean
lf_document_undo (LfDocument *self)
{
  g_autoptr(LfScenario) prev = NULL;

  g_return_val_if_fail (LF_IS_DOCUMENT (self), FALSE);
  if (self->undo->len == 0)
    return FALSE;
  prev = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  g_ptr_array_add (self->redo, lf_scenario_copy (self->scenario));
  assign (self, prev);
  recompute (self, LF_DOCUMENT_CHANGE_VALUES | LF_DOCUMENT_CHANGE_REPLACED);
  return TRUE;
}

gboolean
lf_document_redo (LfDocument *self)
{
  g_autoptr(LfScenario) next = NULL;

  g_return_val_if_fail (LF_IS_DOCUMENT (self), FALSE);
  if (self->redo->len == 0)
    return FALSE;
  next = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  g_ptr_array_add (self->undo, lf_scenario_copy (self->scenario));
  assign (self, next);
  recompute (self, LF_DOCUMENT_CHANGE_VALUES | LF_DOCUMENT_CHANGE_REPLACED);
  return TRUE;
}

/**
 * lf_document_open:
 * @file: a local scenario file
 * @undoable: whether undo brings back the scenario it replaces
 *
 * All or nothing: on error the document is unchanged.
 */
gboolean
lf_document_open (LfDocument *self, GFile *file, gboolean undoable, GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr(LfScenario) s = NULL;

  g_return_val_if_fail (LF_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only local files can be opened"));
      return FALSE;
    }
  s = lf_scenario_load_file (self->baseline, path, error);
  if (s == NULL)
    return FALSE;
  lf_scenario_assign (self->saved, s);
  set_file (self, file);
  lf_document_replace (self, s, undoable);
  return TRUE;
}

/**
 * lf_document_save:
 * @file: where to write; the document's file from now on
 *
 * Writes the scenario whole or not at all (lf_file_replace()). On error the
 * document, its file and the file on disk are unchanged.
 */
gboolean
lf_document_save (LfDocument *self, GFile *file, GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (LF_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only local files can be saved"));
      return FALSE;
    }
  if (!lf_scenario_save_file (self->scenario, path, error))
    return FALSE;
  lf_scenario_assign (self->saved, self->scenario);
  set_file (self, file);
  /* A save ends a drag: undo comes back to the saved values. */
  g_clear_pointer (&self->last_key, g_free);
  update_state (self);
  return TRUE;
}

struct _LfDocumentState
{
  LfScenario *scenario;
  LfScenario *saved;
  GFile      *file;
};

/**
 * lf_document_get_state:
 *
 * Returns: (transfer full): the scenario as it is, its file and the copy
 *   last opened or saved: what lf_document_restore_state() brings back
 */
LfDocumentState *
lf_document_get_state (LfDocument *self)
{
  LfDocumentState *state;

  g_return_val_if_fail (LF_IS_DOCUMENT (self), NULL);
  state = g_new0 (LfDocumentState, 1);
  state->scenario = lf_scenario_copy (self->scenario);
  state->saved = lf_scenario_copy (self->saved);
  state->file = self->file ? g_object_ref (self->file) : NULL;
  return state;
}

/**
 * lf_document_restore_state:
 * @state: from lf_document_get_state() on this document
 *
 * Brings back the scenario, its file and whether it was modified, as they
 * were (the Undo of "Replaced your unsaved changes"). Undoable itself.
 */
void
lf_document_restore_state (LfDocument *self, const LfDocumentState *state)
{
  g_return_if_fail (LF_IS_DOCUMENT (self));
  g_return_if_fail (state != NULL && state->scenario->baseline == self->baseline);

  lf_scenario_assign (self->saved, state->saved);
  set_file (self, state->file);
  lf_document_replace (self, state->scenario, TRUE);
}

void
lf_document_state_free (LfDocumentState *state)
{
  if (state == NULL)
    return;
  lf_scenario_free (state->scenario);
  lf_scenario_free (state->saved);
  g_clear_object (&state->file);
  g_free (state);
}

/**
 * lf_document_get_saved:
 *
 * Returns: (transfer none): the scenario as last opened, saved or started
 *   from (a preset): what the document's changes are changes to
 */
const LfScenario *
lf_document_get_saved (LfDocument *self)
{
  g_return_val_if_fail (LF_IS_DOCUMENT (self), NULL);
  return self->saved;
}

/**
 * lf_document_set_band_draws:
 *
 * How many Monte Carlo draws the quick band and the refined one take (for
 * tests and benchmarks; 0 < @live_draws ≤ @full_draws ≤ LF_MAX_DRAWS).
 * Applies from the next change.
 */
void
lf_document_set_band_draws (LfDocument *self, int live_draws, int full_draws)
{
  g_return_if_fail (LF_IS_DOCUMENT (self));
  g_return_if_fail (live_draws > 0 && live_draws <= full_draws && full_draws <= LF_MAX_DRAWS);
  self->live_draws = live_draws;
  self->full_draws = full_draws;
}

/* Whether the bands are the refined ones for the current values. */
gboolean
lf_document_get_bands_final (LfDocument *self)
{
  g_return_val_if_fail (LF_IS_DOCUMENT (self), FALSE);
  settle_quick (self);
  return self->bands_final;
}

/**
 * lf_document_get_bands_pending:
 *
 * Whether a new scenario's quick band is still being drawn in a thread, so
 * that lf_document_get_bands() would wait for it. A view that can show the
 * bands later (as the next frame begins) asks this first, and goes on
 * meanwhile; the band comes in with a `changed` (LF_DOCUMENT_CHANGE_BANDS)
 * if nobody has asked for it by then.
 */
gboolean
lf_document_get_bands_pending (LfDocument *self)
{
  g_return_val_if_fail (LF_IS_DOCUMENT (self), FALSE);
  return self->quick != NULL;
}

/* How many refined bands arrived after the values had changed again, and were dropped. */
guint
lf_document_get_stale_bands (LfDocument *self)
{
  g_return_val_if_fail (LF_IS_DOCUMENT (self), 0);
  return self->stale_bands;
}
