/* lf-summary-card.c: one headline figure above the charts.
 *
 * Shows a short title, the value and a note (the range, the comparison);
 * a screen reader hears the long title, the value and the note as one label.
 *
 * The value and the note change with every step of a slider. Labels would
 * ask for a new size each time, and GTK would measure the cards again at
 * every width a layout tries, wrapping the notes' text anew for each
 * (bench/profile-input.py counted that as a sixth of a key press's work). So
 * they are inscriptions, whose size does not follow their text: the card
 * wraps a new text once, at the width it has, after the frame that shows it,
 * and asks for more room only when the text needs more than it has had
 * since the scenario last changed (lf_summary_card_refit()). */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include "lf-summary-card.h"

struct _LfSummaryCard
{
  GtkBox     parent_instance;

  GtkLabel       *title_label;
  GtkInscription *value_label;
  GtkInscription *note_label;

  char           *long_title;
  guint           label_id;   /* the accessible label follows after the frame */
  guint           fit_id;     /* fits the note to a new width after its allocation */
  guint           grow_id;    /* gives a new text more room, if it needs it, after the frame */
  int             note_width; /* the width the note's lines were counted at; 0: none */
  gboolean        changed;    /* a text changed since the card was last drawn */
  gboolean        mark;       /* which of two clear colours marks the card's area */
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
  const char *value = lf_summary_card_get_value (self);
  g_autofree char *label = NULL;

  if (*value == '\0')
    label = g_strdup (title);
  else
    label = g_strdup_printf ("%s: %s. %s", title, value, lf_summary_card_get_note (self));
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

/* One of the card's texts changed: the card's area is marked changed in the
 * next frame, its accessible label follows after it, and @prop is notified. */
static void
text_changed (LfSummaryCard *self, int prop)
{
  self->changed = TRUE;
  update_accessible_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_label (LfSummaryCard *self, GtkLabel *label, const char *text, int prop)
{
  if (g_strcmp0 (gtk_label_get_text (label), text ? text : "") == 0)
    return;
  gtk_label_set_text (label, text);
  text_changed (self, prop);
}

/* The room @text needs in @inscription, in the units an inscription asks
 * for: characters of its font's approximate width on one line (@width ≤ 0),
 * or lines of its font's height when wrapped at @width pixels. One layout
 * of the text, where a label's measuring wraps it at every width GTK tries. */
static guint
text_room (GtkInscription *inscription, const char *text, int width)
{
  GtkWidget *widget = GTK_WIDGET (inscription);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  PangoFontMetrics *metrics = pango_context_get_metrics (gtk_widget_get_pango_context (widget), NULL, NULL);
  int char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                        pango_font_metrics_get_approximate_digit_width (metrics));
  int line_height = pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics);
  int w, h;

  pango_font_metrics_unref (metrics);
  if (width > 0)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_wrap (layout, gtk_inscription_get_wrap_mode (inscription));
    }
  pango_layout_get_size (layout, &w, &h);
  if (width > 0)
    return line_height > 0 ? (guint) MAX (1, (h + line_height - 1) / line_height) : 1;
  /* One character more: CSS font features (tabular digits) are not in the
   * measuring layout, and may widen a figure a little. */
  return char_width > 0 ? (guint) ((w + char_width - 1) / char_width) + 1 : 1;
}

/* The width the note wraps at: its own once allocated, its natural width before. */
static int
note_width (LfSummaryCard *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->note_label));

  if (width <= 0)
    {
      int min = 0, nat = 0;

      gtk_widget_measure (GTK_WIDGET (self->note_label), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      width = nat;
    }
  return width;
}

/* Gives the note the lines its text needs at its width: more whenever it
 * needs more, fewer only when @shrink (a new width, a new scenario). */
static void
fit_note (LfSummaryCard *self, gboolean shrink)
{
  const char *text = lf_summary_card_get_note (self);
  guint lines = *text != '\0' ? text_room (self->note_label, text, note_width (self)) : 1;

  if (lines > gtk_inscription_get_min_lines (self->note_label)
      || (shrink && lines != gtk_inscription_get_min_lines (self->note_label)))
    gtk_inscription_set_min_lines (self->note_label, lines);
}

static void
fit_value (LfSummaryCard *self, gboolean shrink)
{
  const char *text = lf_summary_card_get_value (self);
  guint chars = *text != '\0' ? text_room (self->value_label, text, 0) : 1;

  if (chars > gtk_inscription_get_min_chars (self->value_label)
      || (shrink && chars != gtk_inscription_get_min_chars (self->value_label)))
    gtk_inscription_set_min_chars (self->value_label, chars);
}

static gboolean
fit_note_idle (gpointer data)
{
  LfSummaryCard *self = data;

  self->fit_id = 0;
  fit_note (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* A new width wraps the note differently: its lines are counted again
 * after the frame. A box's allocation is its layout manager's, out of the
 * card's reach, but a card whose allocation changed is drawn again: that is
 * where it notices. */
static void
lf_summary_card_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  LfSummaryCard *self = LF_SUMMARY_CARD (widget);
  int width = gtk_widget_get_width (GTK_WIDGET (self->note_label));

  GTK_WIDGET_CLASS (lf_summary_card_parent_class)->snapshot (widget, snapshot);
  /* A frame's changed area is the card's whole area when one of its texts
   * changed, not each line of text apart: GTK 4.8 stops counting a frame's
   * changed area past 30 rectangles and draws every container above them
   * again, whole (a slider's step changes ten texts in the cards, whose
   * lines and runs came to more than 30: the whole window was drawn). GTK
   * compares colour nodes by value, so a clear colour that differs from
   * the last one drawn marks the card changed, and draws nothing. */
  if (self->changed)
    {
      self->changed = FALSE;
      self->mark = !self->mark;
    }
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { self->mark ? 1.f : 0.f, 0.f, 0.f, 0.f },
                             &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                  gtk_widget_get_height (widget)));
  if (width > 0 && width != self->note_width)
    {
      self->note_width = width;
      if (self->fit_id == 0)
        self->fit_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_note_idle, self, NULL);
    }
}

/* A new text is drawn in the room the card has; whether it needs more is
 * found after the frame that shows it (laying the text out to count its
 * lines would otherwise be a part of every slider step's frame). A text
 * that needs more room than it got is cut short for that one frame. */
static gboolean
fit_text_idle (gpointer data)
{
  LfSummaryCard *self = data;

  self->grow_id = 0;
  fit_value (self, FALSE);
  fit_note (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
set_text (LfSummaryCard *self, GtkInscription *inscription, const char *text, int prop)
{
  if (g_strcmp0 (gtk_inscription_get_text (inscription), text ? text : "") == 0)
    return;
  gtk_inscription_set_text (inscription, text);
  if (self->grow_id == 0)
    self->grow_id = g_idle_add_full (G_PRIORITY_LOW, fit_text_idle, self, NULL);
  text_changed (self, prop);
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
  g_clear_handle_id (&LF_SUMMARY_CARD (object)->fit_id, g_source_remove);
  g_clear_handle_id (&LF_SUMMARY_CARD (object)->grow_id, g_source_remove);
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
  widget_class->snapshot = lf_summary_card_snapshot;

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
  const char *text;

  g_return_val_if_fail (LF_IS_SUMMARY_CARD (self), NULL);
  text = gtk_inscription_get_text (self->value_label);
  return text ? text : "";
}

void
lf_summary_card_set_value (LfSummaryCard *self, const char *value)
{
  g_return_if_fail (LF_IS_SUMMARY_CARD (self));
  set_text (self, self->value_label, value, PROP_VALUE);
}

const char *
lf_summary_card_get_note (LfSummaryCard *self)
{
  const char *text;

  g_return_val_if_fail (LF_IS_SUMMARY_CARD (self), NULL);
  text = gtk_inscription_get_text (self->note_label);
  return text ? text : "";
}

void
lf_summary_card_set_note (LfSummaryCard *self, const char *note)
{
  g_return_if_fail (LF_IS_SUMMARY_CARD (self));
  set_text (self, self->note_label, note, PROP_NOTE);
}

/**
 * lf_summary_card_refit:
 *
 * Fits the room for the value and the note to their text now: until this
 * is called (a new scenario), a text that needs less keeps the room a
 * longer one needed, so the cards keep their size as a slider moves.
 */
void
lf_summary_card_refit (LfSummaryCard *self)
{
  g_return_if_fail (LF_IS_SUMMARY_CARD (self));
  fit_value (self, TRUE);
  fit_note (self, TRUE);
}
