/* lf-welcome.c: the first-launch explanation above the charts (see lf-welcome.h).
 *
 * Its figures are the model's own: the tariff and the rule as the baseline
 * data sets them, the Chinese share as current policy projects it. Its
 * buttons open presets (win.preset); its close button hides it, and the
 * window remembers that in GSettings (show-welcome, bound to :visible). */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-format.h"
#include "lf-welcome.h"

struct _LfWelcome
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (LfWelcome, lf_welcome, ADW_TYPE_BIN)

/* The presets to try, by file name in the resource (win.preset's target). */
static const struct {
  const char *preset;
  const char *label;
} tries[] = {
  { "02-build-in-america.landfall", N_("Build in America") },
  { "03-mexico-route.landfall", N_("The Mexico route") },
  { "04-ford-xiaomi.landfall", N_("A Ford–Xiaomi plant") },
  { "05-trade-deal.landfall", N_("Trade deal") },
};

static double
highest_share (const LfProjection *p)
{
  double most = 0;

  for (int y = 0; y < LF_N_YEARS; y++)
    most = MAX (most, p->series[LF_SERIES_CHINESE_SHARE_EV_PCT][y]);
  return most;
}

static char *
heading_text (const LfProjection *current_policy)
{
  double most = highest_share (current_policy);
  g_autofree char *share = NULL;

  /* Below what the charts show as 0.0 %. */
  if (most < 0.05)
    return g_strdup (_("Under current policy, no Chinese brand sells EVs in the US"));
  share = lf_format_percent (most, 1);
  /* Translators: the first-launch heading when the model gives them a share, e.g. "… at most 2.1 % …" */
  return g_strdup_printf (_("Under current policy, Chinese brands reach at most %s of US EV sales"), share);
}

/**
 * lf_welcome_text:
 *
 * Returns: (transfer full): why the Chinese figures are what they are under
 *   current policy, with the baseline's tariff and rule, and what to try
 */
char *
lf_welcome_text (const LfBaseline *baseline, const LfProjection *current_policy)
{
  g_autoptr(LfScenario) current = lf_scenario_new (baseline);
  double tariff = current->value[LF_PARAM_TARIFF_CHINA];
  g_autofree char *stack = lf_format_percent (tariff, fabs (tariff - round (tariff)) > 1e-9 ? 1 : 0);
  GString *out = g_string_new (NULL);

  /* Translators: the first-launch explanation; the tariff on China-built EVs as the data sets it,
     e.g. "127.5 %" */
  g_string_append_printf (out, _("Today's tariffs on a China-built EV add up to %s, more than such a "
                                 "car can bear at US prices."), stack);
  g_string_append_c (out, ' ');
  if (current->value[LF_PARAM_RULE_CONNECTED_VEHICLE] == LF_RULE_AS_PUBLISHED)
    g_string_append (out, _("The connected-vehicle rule bars Chinese-controlled makers from 2027 "
                            "wherever they build."));
  else if (current->value[LF_PARAM_RULE_CONNECTED_VEHICLE] == LF_RULE_US_WAIVER)
    g_string_append (out, _("The connected-vehicle rule lets Chinese makers sell only cars built in "
                            "the US."));
  g_string_append_c (out, ' ');
  if (highest_share (current_policy) < 0.05)
    g_string_append (out, _("So every Chinese figure here starts at zero. Change a lever on the left, "
                            "or try a scenario:"));
  else
    g_string_append (out, _("Change a lever on the left, or try a scenario:"));
  return g_string_free (out, FALSE);
}

static void
on_dismiss_clicked_cb (GtkButton *button, LfWelcome *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
lf_welcome_class_init (LfWelcomeClass *klass)
{
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lf_welcome_init (LfWelcome *self)
{
}

/**
 * lf_welcome_new:
 * @current_policy: the projection of current policy (its Chinese share)
 */
GtkWidget *
lf_welcome_new (const LfBaseline *baseline, const LfProjection *current_policy)
{
  LfWelcome *self = g_object_new (LF_TYPE_WELCOME, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *body = gtk_label_new (NULL);
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");
  GtkWidget *buttons = gtk_flow_box_new ();
  g_autofree char *heading_str = heading_text (current_policy);
  g_autofree char *text = lf_welcome_text (baseline, current_policy);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "lf-welcome");
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_start (top, 12);
  gtk_widget_set_margin_end (top, 6);
  gtk_widget_set_margin_top (top, 6);

  gtk_label_set_text (GTK_LABEL (heading), heading_str);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (top), heading);

  gtk_widget_add_css_class (close, "flat");
  gtk_widget_add_css_class (close, "circular");
  gtk_widget_set_valign (close, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (close, _("Dismiss"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Dismiss the introduction"), -1);
  g_signal_connect_object (close, "clicked", G_CALLBACK (on_dismiss_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (top), close);
  gtk_box_append (GTK_BOX (box), top);

  gtk_label_set_text (GTK_LABEL (body), text);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_widget_set_margin_start (body, 12);
  gtk_widget_set_margin_end (body, 12);
  gtk_box_append (GTK_BOX (box), body);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (buttons), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (buttons), G_N_ELEMENTS (tries));
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_widget_set_margin_start (buttons, 12);
  gtk_widget_set_margin_end (buttons, 12);
  gtk_widget_set_margin_bottom (buttons, 12);
  for (guint i = 0; i < G_N_ELEMENTS (tries); i++)
    {
      GtkWidget *button = gtk_button_new_with_label (_(tries[i].label));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.preset");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", tries[i].preset);
      gtk_flow_box_append (GTK_FLOW_BOX (buttons), button);
      /* A flow box child takes the focus itself; the button inside is what acts. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
    }
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, heading_str, -1);
  adw_bin_set_child (ADW_BIN (self), box);
  return GTK_WIDGET (self);
}
