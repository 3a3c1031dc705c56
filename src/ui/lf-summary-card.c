/* lf-summary-card.c: one headline figure above the charts.
 *
 * Shows a short title, the value and a note (the range, the comparison);
 * a screen reader hears the long title, the value and the note as one label.
 */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include "lf-summary-card.h"

struct _LfSummaryCard
{
  GtkBox     parent_instance;

  GtkLabel  *title_label;
  GtkLabel  *value_label;
  GtkLabel  *note_label;

  char      *long_title;
  guint      label_id;   /* the accessible label follows after the frame */
};

G_DEFINE_FINAL_TYPE (LfSummaryCard, lf_summary_card, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_LONG_TITLE,
  PROP_VALUE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "Long title: value. note", or the title alone while there is no value. */
static gboolean
update_accessible_label_idle (gpointer data)
{
  LfSummaryCard *self = data;
  const char *title = lf_summary_card_get_long_title (self);
  const char *value = gtk_label_get_text (self->value_label);
  g_autofree char *label = NULL;

  if (*value == '\0')
    label = g_strdup (title);
  else
    label = g_strdup_printf ("%s: %s. %s", title, value, gtk_label_get_text (self->note_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  self->label_id = 0;
  return G_SOURCE_REMOVE;
}

/* Value, note and title change together: one message to assistive
 * technology for them all, once the frame that shows them is out. */
static void
update_accessible_label (LfSummaryCard *self)
{
  if (self->label_id == 0)
    self->label_id = g_idle_add_full (G_PRIORITY_LOW, update_accessible_label_idle, self, NULL);
}

static void
set_label (LfSummaryCard *self, GtkLabel *label, const char *text, int prop)
{
  if (g_strcmp0 (gtk_label_get_text (label), text ? text : "") == 0)
    return;
  gtk_label_set_text (label, text);
  update_accessible_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
lf_summary_card_finalize (GObject *object)
{
  LfSummaryCard *self = LF_SUMMARY_CARD (object);

  g_clear_pointer (&self->long_title, g_free);
  G_OBJECT_CLASS (lf_summary_card_parent_class)->finalize (object);
}

static void
lf_summary_card_dispose (GObject *object)
{
  g_clear_handle_id (&LF_SUMMARY_CARD (object)->label_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), LF_TYPE_SUMMARY_CARD);
  G_OBJECT_CLASS (lf_summary_card_parent_class)->dispose (object);
}

static void
lf_summary_card_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LfSummaryCard *self = LF_SUMMARY_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, lf_summary_card_get_title (self));
      break;
    case PROP_LONG_TITLE:
      g_value_set_string (value, lf_summary_card_get_long_title (self));
      break;
    case PROP_VALUE:
      g_value_set_string (value, lf_summary_card_get_value (self));
      break;
    case PROP_NOTE:
      g_value_set_string (value, lf_summary_card_get_note (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_summary_card_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LfSummaryCard *self = LF_SUMMARY_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      lf_summary_card_set_title (self, g_value_get_string (value));
      break;
    case PROP_LONG_TITLE:
      lf_summary_card_set_long_title (self, g_value_get_string (value));
      break;
    case PROP_VALUE:
      lf_summary_card_set_value (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      lf_summary_card_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_summary_card_class_init (LfSummaryCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lf_summary_card_finalize;
  object_class->dispose = lf_summary_card_dispose;
  object_class->get_property = lf_summary_card_get_property;
  object_class->set_property = lf_summary_card_set_property;

  /* The caption shown, short: "Chinese share 2030". */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  /* The caption read out, in full: "Chinese share of US EV sales, 2030"; the title when unset. */
  properties[PROP_LONG_TITLE] = g_param_spec_string ("long-title", NULL, NULL, NULL, flags);
  properties[PROP_VALUE] = g_param_spec_string ("value", NULL, NULL, "", flags);
  /* The range or comparison under the value; may hold a line break. */
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/landfall/Landfall/ui/lf-summary-card.ui");
  gtk_widget_class_bind_template_child (widget_class, LfSummaryCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, LfSummaryCard, value_label);
  gtk_widget_class_bind_template_child (widget_class, LfSummaryCard, note_label);
}

static void
lf_summary_card_init (LfSummaryCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lf_summary_card_new (const char *title)
{
  return g_object_new (LF_TYPE_SUMMARY_CARD, "title", title, NULL);
}

const char *
lf_summary_card_get_title (LfSummaryCard *self)
{
  g_return_val_if_fail (LF_IS_SUMMARY_CARD (self), NULL);
  return gtk_label_get_text (self->title_label);
}

void
lf_summary_card_set_title (LfSummaryCard *self, const char *title)
{
  g_return_if_fail (LF_IS_SUMMARY_CARD (self));
  set_label (self, self->title_label, title, PROP_TITLE);
}

const char *
lf_summary_card_get_long_title (LfSummaryCard *self)
{
  g_return_val_if_fail (LF_IS_SUMMARY_CARD (self), NULL);
  return self->long_title ? self->long_title : gtk_label_get_text (self->title_label);
}

void
lf_summary_card_set_long_title (LfSummaryCard *self, const char *long_title)
{
  g_return_if_fail (LF_IS_SUMMARY_CARD (self));
  if (g_strcmp0 (self->long_title, long_title) == 0)
    return;
  g_free (self->long_title);
  self->long_title = g_strdup (long_title);
  update_accessible_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LONG_TITLE]);
}

const char *
lf_summary_card_get_value (LfSummaryCard *self)
{
  g_return_val_if_fail (LF_IS_SUMMARY_CARD (self), NULL);
  return gtk_label_get_text (self->value_label);
}

void
lf_summary_card_set_value (LfSummaryCard *self, const char *value)
{
  g_return_if_fail (LF_IS_SUMMARY_CARD (self));
  set_label (self, self->value_label, value, PROP_VALUE);
}

const char *
lf_summary_card_get_note (LfSummaryCard *self)
{
  g_return_val_if_fail (LF_IS_SUMMARY_CARD (self), NULL);
  return gtk_label_get_text (self->note_label);
}

void
lf_summary_card_set_note (LfSummaryCard *self, const char *note)
{
  g_return_if_fail (LF_IS_SUMMARY_CARD (self));
  set_label (self, self->note_label, note, PROP_NOTE);
}
