/* lf-comparison.c: documents side by side (see lf-comparison.h). */
#define G_LOG_DOMAIN "landfall-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lf-comparison.h"

struct _LfComparison
{
  GObject     parent_instance;

  LfBaseline *baseline;
  GPtrArray  *documents;   /* LfDocument, 1 … LF_COMPARISON_MAX */
  guint       edited;
  guint       reference;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LfComparison, lf_comparison, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_EDITED,
  PROP_EDITED_INDEX,
  PROP_REFERENCE_INDEX,
  PROP_N_DOCUMENTS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- GListModel --------------------------------------------------------------------- */

static GType
get_item_type (GListModel *model)
{
  return LF_TYPE_DOCUMENT;
}

static guint
get_n_items (GListModel *model)
{
  return LF_COMPARISON (model)->documents->len;
}

static gpointer
get_item (GListModel *model, guint position)
{
  LfComparison *self = LF_COMPARISON (model);

  if (position >= self->documents->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->documents, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* ---- documents ----------------------------------------------------------------------- */

static void
on_document_changed_cb (LfDocument *document, LfDocumentChange change, LfComparison *self)
{
  guint index;

  if (g_ptr_array_find (self->documents, document, &index))
    g_signal_emit (self, signals[CHANGED], 0, index, change);
}

static void
add_document (LfComparison *self, LfDocument *document)
{
  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed_cb), self, 0);
  g_ptr_array_add (self->documents, document);
}

static void
drop_document (gpointer data)
{
  LfDocument *document = data;

  g_signal_handlers_disconnect_matched (document, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                        on_document_changed_cb, NULL);
  g_object_unref (document);
}

/* ---- object ---------------------------------------------------------------------- */

static void
lf_comparison_finalize (GObject *object)
{
  LfComparison *self = LF_COMPARISON (object);

  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->baseline, lf_baseline_unref);
  G_OBJECT_CLASS (lf_comparison_parent_class)->finalize (object);
}

static void
lf_comparison_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LfComparison *self = LF_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_EDITED:
      g_value_set_object (value, lf_comparison_get_edited (self));
      break;
    case PROP_EDITED_INDEX:
      g_value_set_uint (value, self->edited);
      break;
    case PROP_REFERENCE_INDEX:
      g_value_set_uint (value, self->reference);
      break;
    case PROP_N_DOCUMENTS:
      g_value_set_uint (value, self->documents->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_comparison_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LfComparison *self = LF_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_EDITED_INDEX:
      lf_comparison_set_edited_index (self, g_value_get_uint (value));
      break;
    case PROP_REFERENCE_INDEX:
      lf_comparison_set_reference_index (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_comparison_class_init (LfComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lf_comparison_finalize;
  object_class->get_property = lf_comparison_get_property;
  object_class->set_property = lf_comparison_set_property;

  /* The document being edited. */
  properties[PROP_EDITED] =
    g_param_spec_object ("edited", NULL, NULL, LF_TYPE_DOCUMENT, G_PARAM_READABLE | flags);
  properties[PROP_EDITED_INDEX] =
    g_param_spec_uint ("edited-index", NULL, NULL, 0, LF_COMPARISON_MAX - 1, 0, G_PARAM_READWRITE | flags);
  /* The document differences are taken from. */
  properties[PROP_REFERENCE_INDEX] =
    g_param_spec_uint ("reference-index", NULL, NULL, 0, LF_COMPARISON_MAX - 1, 0, G_PARAM_READWRITE | flags);
  properties[PROP_N_DOCUMENTS] =
    g_param_spec_uint ("n-documents", NULL, NULL, 1, LF_COMPARISON_MAX, 1, G_PARAM_READABLE | flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LfComparison::changed:
   * @index: the document's position
   * @change: LfDocumentChange flags
   *
   * One of the documents was projected again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, LF_TYPE_DOCUMENT_CHANGE);
}

static void
lf_comparison_init (LfComparison *self)
{
  self->documents = g_ptr_array_new_with_free_func (drop_document);
}

/* ---- public API ------------------------------------------------------------------ */

/**
 * lf_comparison_new:
 *
 * A comparison of one document, current policy, being edited and the
 * reference.
 */
LfComparison *
lf_comparison_new (LfBaseline *baseline)
{
  LfComparison *self;

  g_return_val_if_fail (baseline != NULL, NULL);
  self = g_object_new (LF_TYPE_COMPARISON, NULL);
  self->baseline = lf_baseline_ref (baseline);
  add_document (self, lf_document_new (baseline));
  return self;
}

guint
lf_comparison_get_n_documents (LfComparison *self)
{
  g_return_val_if_fail (LF_IS_COMPARISON (self), 0);
  return self->documents->len;
}

/* Returns: (transfer none) */
LfDocument *
lf_comparison_get_document (LfComparison *self, guint index)
{
  g_return_val_if_fail (LF_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->documents->len, NULL);
  return g_ptr_array_index (self->documents, index);
}

/* Returns: (transfer none) */
LfDocument *
lf_comparison_get_edited (LfComparison *self)
{
  g_return_val_if_fail (LF_IS_COMPARISON (self), NULL);
  return g_ptr_array_index (self->documents, self->edited);
}

guint
lf_comparison_get_edited_index (LfComparison *self)
{
  g_return_val_if_fail (LF_IS_COMPARISON (self), 0);
  return self->edited;
}

void
lf_comparison_set_edited_index (LfComparison *self, guint index)
{
  g_return_if_fail (LF_IS_COMPARISON (self));
  g_return_if_fail (index < self->documents->len);
  if (self->edited == index)
    return;
  self->edited = index;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITED_INDEX]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITED]);
}

guint
lf_comparison_get_reference_index (LfComparison *self)
{
  g_return_val_if_fail (LF_IS_COMPARISON (self), 0);
  return self->reference;
}

void
lf_comparison_set_reference_index (LfComparison *self, guint index)
{
  g_return_if_fail (LF_IS_COMPARISON (self));
  g_return_if_fail (index < self->documents->len);
  if (self->reference == index)
    return;
  self->reference = index;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE_INDEX]);
}

/**
 * lf_comparison_pin:
 * @scenario: the values to pin (copied): the edited scenario as it is now,
 *   a preset or a file's
 *
 * Adds a document holding @scenario at the end. The edited document stays
 * the one edited. Fails when the comparison holds LF_COMPARISON_MAX.
 */
gboolean
lf_comparison_pin (LfComparison *self, const LfScenario *scenario, GError **error)
{
  guint position;

  g_return_val_if_fail (LF_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (scenario != NULL && scenario->baseline == self->baseline, FALSE);

  if (self->documents->len >= LF_COMPARISON_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("A comparison holds at most %d scenarios; remove one first"), LF_COMPARISON_MAX);
      return FALSE;
    }
  position = self->documents->len;
  add_document (self, lf_document_new_for_scenario (self->baseline, scenario));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DOCUMENTS]);
  return TRUE;
}

/* After a removal at @index: an index past it moves down one; the removed
 * one itself becomes its neighbour. */
static guint
shift_index (guint i, guint index, guint n_left)
{
  if (i > index)
    return i - 1;
  if (i == index)
    return MIN (index, n_left - 1);
  return i;
}

/**
 * lf_comparison_remove:
 *
 * Removes the document at @index. The last one cannot go. Removing the
 * edited one makes its neighbour the edited one; likewise the reference.
 */
gboolean
lf_comparison_remove (LfComparison *self, guint index, GError **error)
{
  guint edited, reference;
  gboolean edited_changed;

  g_return_val_if_fail (LF_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (index < self->documents->len, FALSE);

  if (self->documents->len == 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A comparison keeps at least one scenario"));
      return FALSE;
    }
  edited = shift_index (self->edited, index, self->documents->len - 1);
  reference = shift_index (self->reference, index, self->documents->len - 1);
  edited_changed = index == self->edited;
  g_ptr_array_remove_index (self->documents, index);
  self->edited = edited;
  self->reference = reference;

  g_object_freeze_notify (G_OBJECT (self));
  g_list_model_items_changed (G_LIST_MODEL (self), index, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DOCUMENTS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITED_INDEX]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE_INDEX]);
  if (edited_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITED]);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

/**
 * lf_comparison_to_file:
 * Returns: (transfer full): the scenarios as they are now, for
 *   lf_comparison_file_save()
 */
LfComparisonFile *
lf_comparison_to_file (LfComparison *self)
{
  LfComparisonFile *file;

  g_return_val_if_fail (LF_IS_COMPARISON (self), NULL);
  file = lf_comparison_file_new ();
  for (guint i = 0; i < self->documents->len; i++)
    file->scenarios[i] = lf_scenario_copy (lf_document_get_scenario (g_ptr_array_index (self->documents, i)));
  file->n = (int) self->documents->len;
  file->edited = (int) self->edited;
  file->reference = (int) self->reference;
  return file;
}

/**
 * lf_comparison_replace:
 * @file: a loaded comparison (each scenario already checked)
 *
 * The comparison becomes @file's: its scenarios, each a new unmodified
 * document, the edited one and the reference.
 */
void
lf_comparison_replace (LfComparison *self, const LfComparisonFile *file)
{
  guint removed;

  g_return_if_fail (LF_IS_COMPARISON (self));
  g_return_if_fail (file != NULL && file->n >= 1 && file->n <= LF_COMPARISON_MAX);
  g_return_if_fail (file->edited >= 0 && file->edited < file->n);
  g_return_if_fail (file->reference >= 0 && file->reference < file->n);

  removed = self->documents->len;
  g_ptr_array_set_size (self->documents, 0);
  for (int i = 0; i < file->n; i++)
    add_document (self, lf_document_new_for_scenario (self->baseline, file->scenarios[i]));
  self->edited = (guint) file->edited;
  self->reference = (guint) file->reference;

  g_object_freeze_notify (G_OBJECT (self));
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, (guint) file->n);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DOCUMENTS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITED_INDEX]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE_INDEX]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITED]);
  g_object_thaw_notify (G_OBJECT (self));
}
