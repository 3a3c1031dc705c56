/* lf-switch-row.c: a yes/no lever as a row (see lf-switch-row.h). */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-center-bin.h"
#include "lf-row-common.h"
#include "lf-switch-row.h"

struct _LfSwitchRow
{
  AdwPreferencesRow  parent_instance;

  LfParam            param;
  const LfBaseline  *tooltip_baseline;
  GtkSwitch         *switch_;
  GtkLabel          *subtitle_label;
  GtkWidget         *suffixes;
  GtkWidget         *info_button;   /* "About …": meaning, default, source */
  char              *subtitle;      /* the .ui file's, shown while the lever has no later change */
};

G_DEFINE_FINAL_TYPE (LfSwitchRow, lf_switch_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_PARAM,
  PROP_ACTIVE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_switch_active_cb (LfSwitchRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
lf_switch_row_constructed (GObject *object)
{
  LfSwitchRow *self = LF_SWITCH_ROW (object);
  const char *label = _(lf_param_info (self->param)->label);

  G_OBJECT_CLASS (lf_switch_row_parent_class)->constructed (object);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->switch_), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  /* Beside the switch, before it. */
  self->info_button = lf_info_button_new (label);
  gtk_widget_insert_before (self->info_button, self->suffixes, GTK_WIDGET (self->switch_));
}

/* The text under the title; hidden when empty. */
static void
show_subtitle (LfSwitchRow *self, const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (self->subtitle_label), text ? text : "") != 0)
    gtk_label_set_text (self->subtitle_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), text != NULL && *text != '\0');
}

/* Activating the row (a click on it, Enter or Space on it) flips the switch. */
static void
on_row_activated_cb (GtkListBox *list, GtkListBoxRow *row, LfSwitchRow *self)
{
  if (lf_row_is_activated (list, row, self))
    gtk_widget_mnemonic_activate (GTK_WIDGET (self->switch_), FALSE);
}

static void
lf_switch_row_finalize (GObject *object)
{
  LfSwitchRow *self = LF_SWITCH_ROW (object);

  g_free (self->subtitle);
  G_OBJECT_CLASS (lf_switch_row_parent_class)->finalize (object);
}

static void
lf_switch_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LfSwitchRow *self = LF_SWITCH_ROW (object);

  switch (prop_id)
    {
    case PROP_PARAM:
      g_value_set_enum (value, self->param);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, gtk_switch_get_active (self->switch_));
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_switch_row_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LfSwitchRow *self = LF_SWITCH_ROW (object);

  switch (prop_id)
    {
    case PROP_PARAM:
      self->param = g_value_get_enum (value);
      break;
    case PROP_ACTIVE:
      lf_switch_row_set_active (self, g_value_get_boolean (value));
      break;
    case PROP_SUBTITLE:
      g_free (self->subtitle);
      self->subtitle = g_value_dup_string (value);
      show_subtitle (self, self->subtitle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_switch_row_class_init (LfSwitchRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lf_switch_row_constructed;
  object_class->finalize = lf_switch_row_finalize;
  object_class->get_property = lf_switch_row_get_property;
  object_class->set_property = lf_switch_row_set_property;

  /**
   * LfSwitchRow:param:
   * The lever; its label and tooltip come from the registry.
   */
  properties[PROP_PARAM] =
    g_param_spec_enum ("param", NULL, NULL, LF_TYPE_PARAM, LF_PARAM_CREDIT_EXCLUDE_CHINESE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * LfSwitchRow:active:
   * Whether the switch is on.
   */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LfSwitchRow:subtitle:
   * What the lever does as it stands, under its name, while it has no later
   * change (a later change is said there instead).
   */
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LF_TYPE_CENTER_BIN);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/landfall/Landfall/ui/lf-switch-row.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "switch", FALSE,
                                             G_STRUCT_OFFSET (LfSwitchRow, switch_));
  gtk_widget_class_bind_template_child (widget_class, LfSwitchRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LfSwitchRow, suffixes);
  gtk_widget_class_bind_template_callback (widget_class, on_switch_active_cb);
  /* Out of the panel's view, a row is not drawn (lf-row-common.c). */
  lf_row_class_draw_only_in_view (widget_class);
}

static void
lf_switch_row_init (LfSwitchRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lf_row_follow_list_activation (GTK_LIST_BOX_ROW (self), G_CALLBACK (on_row_activated_cb));
}

LfParam
lf_switch_row_get_param (LfSwitchRow *self)
{
  g_return_val_if_fail (LF_IS_SWITCH_ROW (self), LF_PARAM_CREDIT_EXCLUDE_CHINESE);
  return self->param;
}

gboolean
lf_switch_row_get_active (LfSwitchRow *self)
{
  g_return_val_if_fail (LF_IS_SWITCH_ROW (self), FALSE);
  return gtk_switch_get_active (self->switch_);
}

void
lf_switch_row_set_active (LfSwitchRow *self, gboolean active)
{
  g_return_if_fail (LF_IS_SWITCH_ROW (self));
  /* The switch notifies only when it really changes, and the row with it. */
  gtk_switch_set_active (self->switch_, active);
}

/* Adds @widget at the row's end, after the switch (a note's icon). */
void
lf_switch_row_add_suffix (LfSwitchRow *self, GtkWidget *widget)
{
  g_return_if_fail (LF_IS_SWITCH_ROW (self));
  gtk_box_append (GTK_BOX (self->suffixes), widget);
}

/**
 * lf_switch_row_show:
 * @scenario: (transfer none): read, never written
 *
 * On for a 0/1 lever at 1; for a lever that may be unlimited (the quota), on
 * when it has a limit.
 */
void
lf_switch_row_show (LfSwitchRow *self, const LfScenario *scenario)
{
  double v;
  g_autofree char *schedule = NULL;

  g_return_if_fail (LF_IS_SWITCH_ROW (self));
  if (self->tooltip_baseline != scenario->baseline)
    {
      g_autofree char *tooltip = lf_param_tooltip (self->param, scenario->baseline);
      g_autofree char *about = lf_param_about (self->param, scenario->baseline);

      self->tooltip_baseline = scenario->baseline;
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
      lf_info_button_set_text (self->info_button, about);
    }
  /* A switch shows the value now; a later change says what it does then
   * (the trade deal's quota binds from 2027 while the switch is off). */
  schedule = lf_schedule_summary (scenario, self->param);
  show_subtitle (self, schedule ? schedule : self->subtitle);
  v = scenario->value[self->param];
  if (lf_param_info (self->param)->flags & LF_PARAM_FLAG_UNLIMITED)
    lf_switch_row_set_active (self, isfinite (v));
  else
    lf_switch_row_set_active (self, v >= 0.5);
}
