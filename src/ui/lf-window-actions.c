/* lf-window-actions.c: the window's file verbs. Open, open recent, save,
 * save as, export a chart or the data, and asking before unsaved changes
 * are lost. The document does the reading and writing; these ask where,
 * and report. */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lf-file.h"
#include "lf-output.h"
#include "lf-sensitivity-window.h"
#include "lf-window-private.h"

static void save_as (LfWindow *self);

/* ---- telling the user ------------------------------------------------------------ */

void
lf_window_toast (LfWindow *self, const char *text)
{
  AdwToast *t = adw_toast_new (text);
  adw_toast_set_timeout (t, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

void
lf_window_show_error (LfWindow *self, const char *heading, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- replacing unsaved changes ------------------------------------------------------ */

/* What a replacement took away, kept on the window for its toast's Undo. */
typedef struct {
  LfDocument      *document;
  LfDocumentState *state;
} Replaced;

static void
replaced_free (Replaced *r)
{
  g_clear_object (&r->document);
  lf_document_state_free (r->state);
  g_free (r);
}

/**
 * lf_window_unsaved_state:
 *
 * Returns: (transfer full) (nullable): the edited document's state when it
 *   has unsaved changes, for lf_window_replaced(); else NULL
 */
LfDocumentState *
lf_window_unsaved_state (LfWindow *self)
{
  g_return_val_if_fail (LF_IS_WINDOW (self), NULL);
  return lf_document_get_modified (self->document) ? lf_document_get_state (self->document) : NULL;
}

/**
 * lf_window_replaced:
 * @before: (transfer full) (nullable): from lf_window_unsaved_state() before the
 *   replacement; NULL when nothing unsaved was lost
 *
 * After a preset or a file replaced unsaved changes: says so in a toast
 * whose Undo brings them back exactly (scenario, file, modified).
 */
void
lf_window_replaced (LfWindow *self, LfDocumentState *before)
{
  Replaced *r;
  AdwToast *toast;

  g_return_if_fail (LF_IS_WINDOW (self));
  if (before == NULL)
    return;
  r = g_new0 (Replaced, 1);
  r->document = g_object_ref (self->document);
  r->state = before;
  g_object_set_data_full (G_OBJECT (self), "lf-replaced", r, (GDestroyNotify) replaced_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-replace", TRUE);
  toast = adw_toast_new (_("Replaced your unsaved changes"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-replace");
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_replace_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  LfWindow *self = LF_WINDOW (widget);
  Replaced *r = g_object_steal_data (G_OBJECT (self), "lf-replaced");

  gtk_widget_action_set_enabled (widget, "win.undo-replace", FALSE);
  if (r == NULL)
    return;
  lf_document_restore_state (r->document, r->state);
  replaced_free (r);
}

/* ---- what a chart draws ---------------------------------------------------------- */

/**
 * lf_window_chart_data:
 * @bars: room for a tornado's bars, used when @kind is LF_CHART_TORNADO
 *
 * What a chart of @kind draws of the document now (for an export): the
 * tornado as the Sensitivity window is set, if it has been opened.
 */
void
lf_window_chart_data (LfWindow *self, LfChartKind kind, LfChartData *data,
                      LfTornadoBar bars[LF_TORNADO_MAX])
{
  if (kind == LF_CHART_TORNADO)
    {
      lf_sensitivity_chart_data (self->document, (LfSensitivityWindow *) self->sensitivity, data, bars);
      return;
    }
  lf_chart_data_init (data, lf_document_get_scenario (self->document),
                      lf_document_get_projection (self->document),
                      lf_document_get_reference (self->document),
                      lf_document_get_bands (self->document));
  /* Why a plant builds nothing, for the map's read-out (the edited scenario's notes). */
  for (guint i = 0; self->plant_notes != NULL && i < self->plant_notes->len && i < LF_MAX_PLANTS; i++)
    data->plant_note[i] = g_ptr_array_index (self->plant_notes, i);
  /* Comparing: every scenario, in the comparison's order. */
  data->n_runs = (int) lf_comparison_get_n_documents (self->comparison);
  for (int i = 0; i < data->n_runs; i++)
    {
      LfDocument *doc = lf_comparison_get_document (self->comparison, (guint) i);

      self->runs[i] = (LfChartRun) { lf_document_get_title (doc), lf_document_get_scenario (doc),
                                     lf_document_get_projection (doc), lf_document_get_bands (doc) };
    }
  data->runs = self->runs;
  data->edited_run = (int) lf_comparison_get_edited_index (self->comparison);
  data->all_bands = self->compare_all_bands;
  data->difference_from = self->compare_difference
                          ? (int) lf_comparison_get_reference_index (self->comparison) : -1;
}


/* ---- recent files ------------------------------------------------------------------ */

static void
add_recent (LfWindow *self, GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = { 0 };
  char *groups[] = { (char *) "landfall", NULL };

  data.mime_type = (char *) "application/x-landfall-scenario";
  data.app_name = (char *) "Landfall";
  data.app_exec = (char *) "landfall %u";
  data.groups = groups;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

void
lf_window_build_recent_menu (LfWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  int n = 0;

  g_menu_remove_all (self->recent_submenu);
  for (GList *it = items; it != NULL && n < 8; it = it->next)
    {
      GtkRecentInfo *info = it->data;
      g_autoptr(GMenuItem) item = NULL;

      if (!gtk_recent_info_has_group (info, "landfall") || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_submenu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* The file is the one the user works on now: list it, and reopen it next time. */
static void
remember_file (LfWindow *self, GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  add_recent (self, file);
  if (self->settings != NULL && path != NULL)
    g_settings_set_string (self->settings, "last-scenario", path);
}

/* ---- open -------------------------------------------------------------------------- */

/**
 * lf_window_open_file:
 * Loads a scenario file. All or nothing: on error the current scenario is kept
 * and the problem is shown.
 */
void
lf_window_open_file (LfWindow *self, GFile *file)
{
  g_autoptr(GError) error = NULL;

  g_autoptr(LfDocumentState) before = NULL;

  g_return_if_fail (LF_IS_WINDOW (self));
  before = lf_window_unsaved_state (self);
  if (!lf_document_open (self->document, file, TRUE, &error))
    {
      /* A comparison file replaces the comparison, all or nothing. */
      if (g_error_matches (error, LF_SCENARIO_ERROR, LF_SCENARIO_ERROR_IS_COMPARISON))
        {
          g_autofree char *path = g_file_get_path (file);
          g_autoptr(LfComparisonFile) comparison = NULL;

          g_clear_error (&error);
          comparison = lf_comparison_file_load_file (self->baseline, path, &error);
          if (comparison != NULL)
            {
              lf_comparison_replace (self->comparison, comparison);
              remember_file (self, file);
              return;
            }
        }
      lf_window_show_error (self, _("Could Not Open the Scenario"), error->message);
      return;
    }
  remember_file (self, file);
  lf_window_replaced (self, g_steal_pointer (&before));
}

/**
 * lf_window_restore_last:
 * Reopens the scenario open when the program last closed, if its file is
 * still there. A file that no longer loads is forgotten, with a toast.
 */
void
lf_window_restore_last (LfWindow *self)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (LF_IS_WINDOW (self));
  if (self->settings == NULL)
    return;
  path = g_settings_get_string (self->settings, "last-scenario");
  if (*path == '\0' || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return;
  file = g_file_new_for_path (path);
  /* Where the user left off is no change of theirs: nothing to undo. */
  if (!lf_document_open (self->document, file, FALSE, &error))
    {
      g_autofree char *msg = g_strdup_printf (_("The last scenario could not be opened: %s"),
                                              error->message);
      g_settings_set_string (self->settings, "last-scenario", "");
      lf_window_toast (self, msg);
    }
}

static GtkFileFilter *
scenario_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Landfall scenarios"));
  gtk_file_filter_add_pattern (filter, "*.landfall");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/x-landfall-scenario");
  return filter;
}

/* A file chooser for the window: modal, with @name proposed when given,
 * showing scenario files only when @scenarios; @on_response gets the
 * window. Shown by the caller, which may add choices first. */
static GtkFileChooserNative *
file_dialog (LfWindow *self, const char *title, GtkFileChooserAction action, const char *accept,
             const char *name, gboolean scenarios, GCallback on_response)
{
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));

  if (scenarios)
    {
      g_autoptr(GtkFileFilter) filter = scenario_filter ();
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", on_response, self);
  return dialog;
}

static void
on_open_response_cb (GtkNativeDialog *dialog, int response, LfWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      lf_window_open_file (self, file);
    }
  g_object_unref (dialog);
}

static void
open_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  GtkFileChooserNative *dialog =
    file_dialog (LF_WINDOW (widget), _("Open Scenario"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                 NULL, TRUE, G_CALLBACK (on_open_response_cb));

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_recent_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));
  lf_window_open_file (LF_WINDOW (widget), file);
}

/* ---- save -------------------------------------------------------------------------- */

static gboolean
save_to (LfWindow *self, GFile *file)
{
  g_autoptr(GError) error = NULL;

  if (!lf_document_save (self->document, file, &error))
    {
      lf_window_show_error (self, _("Could Not Save the Scenario"), error->message);
      return FALSE;
    }
  remember_file (self, file);
  lf_window_toast (self, _("Scenario saved"));
  if (self->close_after_save)
    gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_response_cb (GtkNativeDialog *dialog, int response, LfWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *base = g_file_get_basename (file);

      /* Scenario files carry their own extension, so the file manager knows them. */
      if (!g_str_has_suffix (base, ".landfall") && !g_str_has_suffix (base, ".json"))
        {
          g_autofree char *named = g_strconcat (base, ".landfall", NULL);
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autoptr(GFile) renamed = g_file_get_child (parent, named);
          save_to (self, renamed);
        }
      else
        save_to (self, file);
    }
  else
    self->close_after_save = FALSE;
  g_object_unref (dialog);
}

static void
save_as (LfWindow *self)
{
  g_autofree char *name = g_strconcat (lf_document_get_title (self->document), ".landfall", NULL);
  GtkFileChooserNative *dialog =
    file_dialog (self, _("Save Scenario"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), name, TRUE,
                 G_CALLBACK (on_save_response_cb));

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save (LfWindow *self)
{
  GFile *file = lf_document_get_file (self->document);

  if (file != NULL)
    save_to (self, file);
  else
    save_as (self);
}

static void
save_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  save (LF_WINDOW (widget));
}

static void
save_as_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  save_as (LF_WINDOW (widget));
}

/* ---- export ------------------------------------------------------------------------- */

static const struct { const char *id; int w, h; double scale; } export_sizes[] = {
  { "1280x720", 1280, 720, 1.0 },
  { "1600x900", 1600, 900, 1.0 },
  { "1920x1080", 1920, 1080, 1.0 },
  { "1600x900@2", 1600, 900, 2.0 },
};

static void
on_export_chart_response_cb (GtkNativeDialog *dialog, int response, LfWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      const char *kind_name = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "chart");
      const char *size_name = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "size");
      const char *text_name = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "text");
      LfTextSize text_size = text_name ? lf_text_size_from_string (text_name) : LF_TEXT_SIZE_NORMAL;
      LfChartKind kind = kind_name ? lf_chart_kind_from_string (kind_name) : LF_CHART_SHARE;
      int w = 1600, h = 900;
      double scale = 1.0;
      g_autoptr(GError) error = NULL;
      LfTornadoBar bars[LF_TORNADO_MAX];
      g_autoptr(LfAttribution) attribution = NULL;
      LfChartData data;

      if (kind == LF_N_CHARTS)
        kind = LF_CHART_SHARE;
      for (guint i = 0; size_name && i < G_N_ELEMENTS (export_sizes); i++)
        if (g_str_equal (size_name, export_sizes[i].id))
          {
            w = export_sizes[i].w;
            h = export_sizes[i].h;
            scale = export_sizes[i].scale;
          }
      if (text_size == LF_N_TEXT_SIZES)
        text_size = LF_TEXT_SIZE_NORMAL;
      lf_window_chart_data (self, kind, &data, bars);
      if (kind == LF_CHART_ATTRIBUTION)
        {
          /* As the Sensitivity window is set, if it has been opened. */
          attribution = lf_sensitivity_attribute (self->document, (LfSensitivityWindow *) self->sensitivity);
          lf_sensitivity_attribution_data (self->document, attribution, &data);
        }
      if (path == NULL || !lf_chart_export_png_sized (path, kind, &data, w, h, scale, text_size, &error))
        lf_window_show_error (self, _("Could Not Export the Chart"),
                              error ? error->message : _("Only local files can be written"));
      else
        {
          g_autofree char *base = g_file_get_basename (file);
          g_autofree char *msg = g_strdup_printf (_("Chart exported to %s"), base);
          if (self->settings)
            {
              g_settings_set_int (self->settings, "export-width", w);
              g_settings_set_int (self->settings, "export-height", h);
            }
          lf_window_toast (self, msg);
        }
    }
  g_object_unref (dialog);
}

static void
export_chart_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  LfWindow *self = LF_WINDOW (widget);
  GtkFileChooserNative *dialog;
  const char *kinds[] = { "share", "origin", "ford-impact", "ford", "map", "tornado", "attribution",
                          "makers", "market", "price", "tariff-revenue", "jobs", NULL };
  const char *kind_labels[] = { _("Chinese share"), _("Sales by origin"), _("Effect on Ford"), _("Ford"),
                                _("Plant map"), _("Sensitivity"), _("Where the change came from"),
                                _("Sales by maker"), _("US EV market"), _("Average EV price"), _("Tariff revenue"),
                                _("Jobs"), NULL };
  const char *text_ids[] = { "normal", "presentation", NULL };
  const char *text_labels[] = { _("Normal text"), _("Presentation: larger text"), NULL };
  const char *size_ids[G_N_ELEMENTS (export_sizes) + 1] = { NULL };
  const char *size_labels[G_N_ELEMENTS (export_sizes) + 1] = { NULL };
  g_autofree char *name = g_strconcat (lf_document_get_title (self->document), ".png", NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *default_size = g_strdup ("1600x900");

  if (self->settings)
    {
      g_free (default_size);
      default_size = g_strdup_printf ("%dx%d", g_settings_get_int (self->settings, "export-width"),
                                      g_settings_get_int (self->settings, "export-height"));
    }
  /* The default size goes first: GTK's own chooser (outside a portal)
   * ignores the preselected choice and shows the first. */
  {
    guint n = 0;
    for (int pass = 0; pass < 2; pass++)
      for (guint i = 0; i < G_N_ELEMENTS (export_sizes); i++)
        {
          gboolean is_default = g_str_equal (export_sizes[i].id, default_size);
          if (is_default != (pass == 0))
            continue;
          size_ids[n] = export_sizes[i].id;
          size_labels[n] = export_sizes[i].scale > 1 ? _("1600 × 900 at 2× (3200 × 1800)")
                                                     : export_sizes[i].id;
          n++;
        }
  }
  dialog = file_dialog (self, _("Export Chart"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), name, FALSE,
                        G_CALLBACK (on_export_chart_response_cb));
  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "chart", _("Chart"), kinds, kind_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "chart", "share");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "size", _("Size"), size_ids, size_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "size", default_size);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "text", _("Text"), text_ids, text_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "text", "normal");
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_export_csv_response_cb (GtkNativeDialog *dialog, int response, LfWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *csv = lf_projection_to_csv (lf_document_get_scenario (self->document),
                                                   lf_document_get_projection (self->document),
                                                   lf_document_get_bands (self->document));
      g_autoptr(GError) error = NULL;

      if (path == NULL || !lf_file_replace (path, csv, strlen (csv), &error))
        lf_window_show_error (self, _("Could Not Export the Data"),
                              error ? error->message : _("Only local files can be written"));
      else
        lf_window_toast (self, _("Data exported as CSV"));
    }
  g_object_unref (dialog);
}

static void
export_csv_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  LfWindow *self = LF_WINDOW (widget);
  g_autofree char *name = g_strconcat (lf_document_get_title (self->document), ".csv", NULL);
  GtkFileChooserNative *dialog =
    file_dialog (self, _("Export Data as CSV"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), name, FALSE,
                 G_CALLBACK (on_export_csv_response_cb));

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- comparisons ------------------------------------------------------------------- */

/* A scenario file's scenario, or a comparison file's every scenario, pinned
 * beside the edited one: all of them or, if they would make more than five,
 * none. */
static void
on_pin_file_response_cb (GtkNativeDialog *dialog, int response, LfWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(LfComparisonFile) pinned = NULL;
      g_autoptr(GError) error = NULL;

      pinned = path ? lf_comparison_file_load_file (self->baseline, path, &error) : NULL;
      if (pinned == NULL)
        lf_window_show_error (self, _("Could Not Pin the File"),
                              error ? error->message : _("Only local files can be opened"));
      else if (lf_comparison_get_n_documents (self->comparison) + (guint) pinned->n > LF_COMPARISON_MAX)
        {
          g_autofree char *message =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The file holds %d scenario; a comparison holds at most %d in all.",
                                          "The file holds %d scenarios; a comparison holds at most %d in all.",
                                          pinned->n),
                             pinned->n, LF_COMPARISON_MAX);
          lf_window_show_error (self, _("Could Not Pin the File"), message);
        }
      else
        for (int i = 0; i < pinned->n; i++)
          lf_comparison_pin (self->comparison, pinned->scenarios[i], NULL);
    }
  g_object_unref (dialog);
}

static void
pin_file_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  GtkFileChooserNative *dialog =
    file_dialog (LF_WINDOW (widget), _("Pin a File"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Pin"), NULL, TRUE,
                 G_CALLBACK (on_pin_file_response_cb));

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_save_comparison_response_cb (GtkNativeDialog *dialog, int response, LfWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *base = g_file_get_basename (chosen);
      g_autoptr(GFile) parent = g_file_get_parent (chosen);
      g_autofree char *named = g_str_has_suffix (base, ".landfall") ? g_strdup (base)
                                                                     : g_strconcat (base, ".landfall", NULL);
      g_autoptr(GFile) file = g_file_get_child (parent, named);
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(LfComparisonFile) comparison = lf_comparison_to_file (self->comparison);
      g_autoptr(GError) error = NULL;

      if (path == NULL || !lf_comparison_file_save (comparison, path, &error))
        lf_window_show_error (self, _("Could Not Save the Comparison"),
                              error ? error->message : _("Only local files can be saved"));
      else
        {
          add_recent (self, file);
          lf_window_toast (self, _("Comparison saved"));
        }
    }
  g_object_unref (dialog);
}

static void
save_comparison_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  GtkFileChooserNative *dialog =
    file_dialog (LF_WINDOW (widget), _("Save Comparison"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                 _("Comparison.landfall"), TRUE, G_CALLBACK (on_save_comparison_response_cb));

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The comparison as the command line's --project --compare writes it. */
static char *
comparison_csv (LfWindow *self)
{
  guint n = lf_comparison_get_n_documents (self->comparison);
  const char *names[LF_COMPARISON_MAX];
  const LfScenario *scenarios[LF_COMPARISON_MAX];
  const LfProjection *projections[LF_COMPARISON_MAX];
  const LfBands *bands[LF_COMPARISON_MAX];
  char *unique[LF_COMPARISON_MAX];
  char *csv;

  for (guint i = 0; i < n; i++)
    {
      LfDocument *doc = lf_comparison_get_document (self->comparison, i);

      names[i] = lf_document_get_title (doc);
      scenarios[i] = lf_document_get_scenario (doc);
      projections[i] = lf_document_get_projection (doc);
      bands[i] = lf_document_get_bands (doc);
    }
  /* Named apart as on the command line: two pins of one preset are two blocks. */
  for (guint i = 0; i < n; i++)
    unique[i] = lf_comparison_unique_name (names, (int) i);
  csv = lf_comparison_to_csv ((const char *const *) unique, scenarios, projections, bands, (int) n);
  for (guint i = 0; i < n; i++)
    g_free (unique[i]);
  return csv;
}

static void
on_export_comparison_response_cb (GtkNativeDialog *dialog, int response, LfWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *csv = comparison_csv (self);
      g_autoptr(GError) error = NULL;

      if (path == NULL || !lf_file_replace (path, csv, strlen (csv), &error))
        lf_window_show_error (self, _("Could Not Export the Data"),
                              error ? error->message : _("Only local files can be written"));
      else
        lf_window_toast (self, _("Comparison exported as CSV"));
    }
  g_object_unref (dialog);
}

static void
export_comparison_csv_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  GtkFileChooserNative *dialog =
    file_dialog (LF_WINDOW (widget), _("Export Comparison as CSV"), GTK_FILE_CHOOSER_ACTION_SAVE,
                 _("_Export"), _("Comparison.csv"), FALSE, G_CALLBACK (on_export_comparison_response_cb));

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- closing ------------------------------------------------------------------------ */

static void
on_close_response_cb (AdwMessageDialog *dialog, const char *response, LfWindow *self)
{
  if (g_str_equal (response, "discard"))
    gtk_window_destroy (GTK_WINDOW (self));
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      save (self);
    }
}

/* Asks before unsaved changes are lost. */
gboolean
lf_window_close_request (GtkWindow *window)
{
  LfWindow *self = LF_WINDOW (window);
  GtkWidget *dialog;

  if (!lf_document_get_modified (self->document))
    return FALSE;

  dialog = adw_message_dialog_new (window, _("Save Changes?"),
                                   _("The scenario has unsaved changes. Changes which are not saved will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* ---- installing --------------------------------------------------------------------- */

void
lf_window_class_add_file_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.undo-replace", NULL, undo_replace_activated);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_activated);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_activated);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_activated);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_activated);
  gtk_widget_class_install_action (widget_class, "win.save-comparison", NULL, save_comparison_activated);
  gtk_widget_class_install_action (widget_class, "win.pin-file", NULL, pin_file_activated);
  gtk_widget_class_install_action (widget_class, "win.export-comparison-csv", NULL,
                                   export_comparison_csv_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-csv", NULL);
}
