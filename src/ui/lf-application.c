/* lf-application.c: one instance; files opened from the file manager go to
 * the running window. */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "landfall-ui-resources.h"
#include "lf-application.h"
#include "lf-baseline.h"
#include "lf-trace.h"
#include "lf-window.h"

struct _LfApplication
{
  AdwApplication parent_instance;
  GSettings     *settings;
};

G_DEFINE_FINAL_TYPE (LfApplication, lf_application, ADW_TYPE_APPLICATION)

/* The Shortcuts window is built the first time it is asked for: GtkApplication
 * would build it (a GtkBuilder file of some fifty widgets) with every main
 * window, before the window's first frame. */
static void
show_help_overlay_activated (GSimpleAction *action, GVariant *param, gpointer data)
{
  GtkApplicationWindow *window = data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/landfall/Landfall/ui/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
add_help_overlay_action (GtkWindow *window)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new ("show-help-overlay", NULL);

  /* set_help_overlay() adds no action of its own while this one is there. */
  g_signal_connect_object (action, "activate", G_CALLBACK (show_help_overlay_activated), window, 0);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (action));
}

static LfWindow *
get_window (LfApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL || !LF_IS_WINDOW (window))
    {
      window = GTK_WINDOW (lf_window_new (ADW_APPLICATION (self)));
      add_help_overlay_action (window);
      lf_trace_window (window);
    }
  return LF_WINDOW (window);
}

static void
lf_application_activate (GApplication *app)
{
  gboolean fresh = gtk_application_get_active_window (GTK_APPLICATION (app)) == NULL;
  LfWindow *window = get_window (LF_APPLICATION (app));

  /* Started with no file: carry on where the user left off. */
  if (fresh)
    lf_window_restore_last (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
lf_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  LfWindow *window = get_window (LF_APPLICATION (app));

  /* One scenario is shown at a time: the last file named wins. */
  if (n_files > 0)
    lf_window_open_file (window, files[n_files - 1]);
  gtk_window_present (GTK_WINDOW (window));
}

static void
apply_style (const char *style)
{
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (style, "light") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (style, "dark") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

/* Without an installed schema, the style is an action of its own. */
static void
style_activated (GSimpleAction *action, GVariant *param, gpointer data)
{
  g_simple_action_set_state (action, param);
  apply_style (g_variant_get_string (param, NULL));
}

static void
on_style_changed_cb (GSettings *settings, const char *key, gpointer data)
{
  g_autofree char *style = g_settings_get_string (settings, key);
  apply_style (style);
}

static void
quit_activated (GSimpleAction *action, GVariant *param, gpointer data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (data));

  /* Closing through close-request asks about unsaved changes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
about_activated (GSimpleAction *action, GVariant *param, gpointer data)
{
  GtkApplication *app = data;
  const char *developers[] = { "The Landfall developers", NULL };
  GtkWidget *about = adw_about_window_new ();

  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), "Landfall");
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APP_ID);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_developer_name (ADW_ABOUT_WINDOW (about), _("The Landfall developers"));
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
    _("What happens to the US car market, and to Ford, if Chinese EV makers come in — and on what terms?"));
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Data Sources"), NULL,
    GTK_LICENSE_CUSTOM,
    _("Every figure in the model's baseline carries its source in data/baseline.json; "
      "docs/model.md names each assumption. Market: NADA and Cox (US sales), evxl.co (EV sales), "
      "Kelley Blue Book (prices). Ford: Ford sales releases and FY2025 results. Trade: USTR "
      "(Section 301), the Section 232 proclamation of 26 March 2025, the BIS connected-vehicle "
      "final rule of 16 January 2025. Chinese makers: CAAM, company reports, UBS, Rhodium Group. "
      "Map outlines: Natural Earth (public domain) and US Census Bureau boundaries via us-atlas."));
  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (app));
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated, NULL, NULL, NULL },
  { "about", about_activated, NULL, NULL, NULL },
};

static void
lf_application_startup (GApplication *app)
{
  LfApplication *self = LF_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autofree char *style = NULL;
  GSimpleAction *style_action;
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *close_accels[] = { "<Control>w", NULL };
  const char *help_accels[] = { "<Control>question", NULL };

  /* The model's data is read while the toolkit starts (the window takes it). */
  lf_baseline_preload_default ();
  G_APPLICATION_CLASS (lf_application_parent_class)->startup (app);

  if (schema != NULL)
    self->settings = g_settings_new (APP_ID);
  style = self->settings ? g_settings_get_string (self->settings, "style-preference") : g_strdup ("system");
  apply_style (style);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  /* The Style menu is the setting itself (app.style-preference). */
  if (self->settings != NULL)
    {
      g_autoptr(GAction) action = g_settings_create_action (self->settings, "style-preference");
      g_action_map_add_action (G_ACTION_MAP (app), action);
      g_signal_connect (self->settings, "changed::style-preference", G_CALLBACK (on_style_changed_cb), self);
    }
  else
    {
      style_action = g_simple_action_new_stateful ("style-preference", G_VARIANT_TYPE_STRING,
                                                   g_variant_new_string (style));
      g_signal_connect (style_action, "activate", G_CALLBACK (style_activated), self);
      g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (style_action));
      g_object_unref (style_action);
    }

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help_accels);
}

static void
lf_application_dispose (GObject *object)
{
  g_clear_object (&LF_APPLICATION (object)->settings);
  G_OBJECT_CLASS (lf_application_parent_class)->dispose (object);
}

static void
lf_application_class_init (LfApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lf_application_dispose;
  app_class->activate = lf_application_activate;
  app_class->open = lf_application_open;
  app_class->startup = lf_application_startup;
}

static void
lf_application_init (LfApplication *self)
{
}

LfApplication *
lf_application_new (void)
{
  /* Referencing the window's resource bundle keeps it linked in from the
   * static library, where it registers itself. */
  g_return_val_if_fail (landfall_ui_get_resource () != NULL, NULL);
  return g_object_new (LF_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/landfall/Landfall",
                       NULL);
}
