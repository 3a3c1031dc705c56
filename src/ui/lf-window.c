/* lf-window.c: controls on one side, charts on the other; every change
 * re-runs the model and redraws in the same frame. */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-chart-card.h"
#include "lf-chart-view.h"
#include "lf-compare-panel.h"
#include "lf-comparison-table.h"
#include "lf-controls.h"
#include "lf-difference.h"
#include "lf-format.h"
#include "lf-notes-view.h"
#include "lf-preset-strings.h"
#include "lf-sensitivity-window.h"
#include "lf-summary-card.h"
#include "lf-welcome.h"
#include "lf-window-private.h"

#define PRESET_DIR        "/io/github/landfall/Landfall/data/presets/"
#define NARROW_WIDTH      720
#define WIDE_WIDTH        1100

G_DEFINE_FINAL_TYPE (LfWindow, lf_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_COMPARE_DIFFERENCE,
  PROP_COMPARE_ALL_BANDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh_charts (LfWindow *self);
static void on_plant_selected_cb (GObject *source, int plant, LfWindow *self);

/* ---- helpers ----------------------------------------------------------------- */

/* The title is the scenario's name, marked while it has unsaved changes; the
 * subtitle names the file. */
static void
update_title (LfWindow *self)
{
  gboolean modified = lf_document_get_modified (self->document);
  const char *name = lf_document_get_title (self->document);
  GFile *file = lf_document_get_file (self->document);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: the window title of a scenario with unsaved changes */
  title = modified ? g_strdup_printf (_("• %s"), name) : g_strdup (name);
  if (file != NULL)
    subtitle = g_file_get_basename (file);
  else
    subtitle = g_strdup (modified ? _("Not saved") : "");
  /* A label given its own text again is laid out again (GTK 4.8), and the
   * header bar with it: on every step of a slider, as this runs then. */
  if (g_strcmp0 (title, adw_window_title_get_title (self->window_title)) != 0)
    {
      adw_window_title_set_title (self->window_title, title);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  if (g_strcmp0 (subtitle, adw_window_title_get_subtitle (self->window_title)) != 0)
    adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
update_actions (LfWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", lf_document_get_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", lf_document_get_can_redo (self->document));
}

/* ---- summary strip ----------------------------------------------------------- */

static void
set_card (LfWindow *self, int i, const char *caption, const char *value, const char *note)
{
  LfSummaryCard *card = LF_SUMMARY_CARD (self->summary[i]);

  lf_summary_card_set_long_title (card, caption);
  lf_summary_card_set_note (card, note);
  lf_summary_card_set_value (card, value);
}

static void
update_summary (LfWindow *self)
{
  const LfProjection *p = lf_document_get_projection (self->document);
  const LfBands *b = lf_document_get_bands (self->document);
  const int y30 = lf_year_index (2030), y35 = lf_year_index (2035);
  const int years[2] = { y30, y35 };

  /* What entry does to Ford leads: the EV EBIT it costs or brings against no
   * entry, plus the partnership fees. */
  {
    double net = p->series[LF_SERIES_FORD_NET_EFFECT_MUSD][y30];
    double change = p->series[LF_SERIES_FORD_EV_EBIT_CHANGE_MUSD][y30];
    double fee = p->series[LF_SERIES_FORD_PARTNER_INCOME_MUSD][y30];
    g_autofree char *value = lf_format_musd (net);
    g_autofree char *c = lf_format_musd (change);
    g_autofree char *f = lf_format_musd (fee);
    g_autofree char *lo = lf_format_musd (b->p10[LF_SERIES_FORD_NET_EFFECT_MUSD][y30]);
    g_autofree char *hi = lf_format_musd (b->p90[LF_SERIES_FORD_NET_EFFECT_MUSD][y30]);
    /* Translators: a summary card's note: the two parts of the net effect on Ford against
       no Chinese entry (its EV EBIT change and the partnership fees), then the Monte Carlo
       range of the net effect, e.g. "EBIT change −$37 M, fees $300 M\np10–p90: $158 M to $370 M" */
    g_autofree char *text = g_strdup_printf (_("EBIT change %s, fees %s\np10–p90: %s to %s"), c, f, lo, hi);
    /* A minus sign stays with its amount when the note wraps. */
    g_auto(GStrv) parts = g_strsplit (text, "\u2212", -1);
    g_autofree char *note = g_strjoinv ("\u2212\u2060", parts);
    set_card (self, 0, _("Net effect of entry on Ford, 2030"), value, note);
  }
  for (int k = 0; k < 2; k++)
    {
      int y = years[k];
      g_autofree char *value = lf_format_percent (p->series[LF_SERIES_CHINESE_SHARE_EV_PCT][y], 1);
      g_autofree char *range = lf_format_percent_range (b->p10[LF_SERIES_CHINESE_SHARE_EV_PCT][y],
                                                        b->p90[LF_SERIES_CHINESE_SHARE_EV_PCT][y], 1);
      /* Translators: a summary card's note: the Monte Carlo range, e.g. "p10–p90: 8.1–17.0 %" */
      g_autofree char *note = g_strdup_printf (_("p10–p90: %s"), range);
      g_autofree char *caption = g_strdup_printf (_("Chinese share of US EV sales, %d"),
                                                  LF_FIRST_YEAR + y);
      set_card (self, 1 + k, caption, value, note);
    }
  {
    double units = p->series[LF_SERIES_FORD_EV_SALES][y30];
    double none = p->series[LF_SERIES_FORD_EV_SALES_NO_ENTRY][y30];
    g_autofree char *value = lf_format_count (units);
    g_autofree char *n = lf_format_count (none);
    g_autofree char *lo = lf_format_count (b->p10[LF_SERIES_FORD_EV_SALES][y30]);
    g_autofree char *hi = lf_format_count (b->p90[LF_SERIES_FORD_EV_SALES][y30]);
    g_autofree char *change = lf_format_percent_change (none > 0 ? 100.0 * (units - none) / none : 0.0, 1);
    /* Translators: a summary card's note: Ford's units with no Chinese entry and the change,
       then the Monte Carlo range, e.g. "211,847 with no entry (−4.2 %)\np10–p90: 166,980–232,317" */
    g_autofree char *note = g_strdup_printf (_("%s with no entry (%s)\np10–p90: %s–%s"), n, change, lo, hi);
    set_card (self, 3, _("Ford EV sales, 2030"), value, note);
  }
  {
    double rev = p->series[LF_SERIES_TARIFF_REVENUE_MUSD][y30];
    double total = 0;
    g_autofree char *value = lf_format_musd (rev);
    g_autofree char *sum = NULL;
    g_autofree char *note = NULL;

    for (int y = 0; y < LF_N_YEARS; y++)
      total += p->series[LF_SERIES_TARIFF_REVENUE_MUSD][y];
    sum = lf_format_musd (total);
    note = g_strdup_printf (_("%s over 2025–\u20602035"), sum);
    set_card (self, 4, _("Tariff revenue, 2030"), value, note);
  }
}

static void
add_summary_cards (LfWindow *self)
{
  static const char *titles[LF_N_SUMMARY] = {
    N_("Ford impact 2030"), N_("Chinese share 2030"), N_("Chinese share 2035"),
    N_("Ford EVs 2030"), N_("Tariff revenue 2030"),
  };

  for (int i = 0; i < LF_N_SUMMARY; i++)
    {
      self->summary[i] = lf_summary_card_new (_(titles[i]));
      gtk_flow_box_append (self->summary_box, self->summary[i]);
    }
}

/* ---- charts ------------------------------------------------------------------- */

static void
sensitivity_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  LfWindow *self = LF_WINDOW (widget);

  if (self->sensitivity == NULL)
    {
      self->sensitivity = lf_sensitivity_window_new (self->document);
      gtk_window_set_transient_for (GTK_WINDOW (self->sensitivity), GTK_WINDOW (self));
    }
  gtk_window_present (GTK_WINDOW (self->sensitivity));
}

/* Four places for charts: the share; what entry does to Ford (or Ford's own
 * sales and EBIT); the entrants' sales by origin or by maker, or another of
 * the market's results; the map. A place with a choice remembers it. */
static void
add_chart_cards (LfWindow *self)
{
  static const LfChartKind share[] = { LF_CHART_SHARE };
  static const LfChartKind ford[] = { LF_CHART_FORD_IMPACT, LF_CHART_FORD };
  static const LfChartKind market[] = { LF_CHART_ORIGIN, LF_CHART_MAKERS, LF_CHART_MARKET, LF_CHART_PRICE,
                                        LF_CHART_TARIFF_REVENUE, LF_CHART_JOBS };
  static const LfChartKind map[] = { LF_CHART_MAP };
  static const struct { const LfChartKind *kinds; guint n; const char *chooser; const char *key; } places[] = {
    { share, G_N_ELEMENTS (share), NULL, NULL },
    { ford, G_N_ELEMENTS (ford), N_("Ford chart"), "chart-ford" },
    { market, G_N_ELEMENTS (market), N_("Market chart"), "chart-market" },
    { map, G_N_ELEMENTS (map), NULL, NULL },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (places) == LF_N_MAIN_CHARTS);
  for (int k = 0; k < LF_N_MAIN_CHARTS; k++)
    {
      self->chart_cards[k] = lf_chart_card_new (places[k].kinds, places[k].n,
                                                places[k].chooser ? _(places[k].chooser) : NULL);
      self->charts[k] = lf_chart_card_get_view (LF_CHART_CARD (self->chart_cards[k]));
      g_signal_connect_object (self->charts[k], "plant-activated", G_CALLBACK (on_plant_selected_cb), self, 0);
      if (self->settings != NULL && places[k].key != NULL)
        g_settings_bind (self->settings, places[k].key, self->chart_cards[k], "chart", G_SETTINGS_BIND_DEFAULT);
    }
}

/* ---- notes ----------------------------------------------------------------------- */

/* The notes where they belong: the list above the charts, beside the levers,
 * on the plants' rows. Widgets change outside the frame that redraws the
 * charts, and only where the words changed. */
static gboolean
show_notes_idle (gpointer data)
{
  LfWindow *self = data;

  self->notes_idle = 0;
  lf_notes_view_set_notes (LF_NOTES_VIEW (self->notes_view), self->notes, self->notes_first);
  lf_controls_show_notes (LF_CONTROLS (self->controls), self->notes);
  return G_SOURCE_REMOVE;
}

/* The edited scenario's notes, from the projection just made (one pass over
 * it, no model run), and why each plant builds nothing in one text for the map. The notes
 * before are handed back: the chart views hold pointers into them until
 * they get the new data. */
static GPtrArray *
update_notes (LfWindow *self, GPtrArray **old_plant_notes)
{
  const LfScenario *s = lf_document_get_scenario (self->document);
  GPtrArray *old = g_steal_pointer (&self->notes);

  *old_plant_notes = g_steal_pointer (&self->plant_notes);
  self->notes = lf_notes_compute (s, lf_document_get_projection (self->document));
  self->plant_notes = g_ptr_array_new_full (s->n_plants, g_free);
  g_ptr_array_set_size (self->plant_notes, s->n_plants);
  for (guint i = 0; i < self->notes->len; i++)
    {
      const LfNote *n = g_ptr_array_index (self->notes, i);
      char **text;

      /* The map's read-out says why a plant builds nothing (LfChartData.plant_note). */
      if (n->plant < 0 || n->plant >= s->n_plants || n->reason == NULL)
        continue;
      text = (char **) &g_ptr_array_index (self->plant_notes, n->plant);
      if (*text == NULL)
        *text = g_strdup (n->reason);
      else
        {
          /* Translators: two reasons a plant builds nothing, one after the other
             (no semicolon: the map's description parts its plants with one) */
          char *joined = g_strdup_printf (_("%s, and %s"), *text, n->reason);
          g_free (*text);
          *text = joined;
        }
    }
  if (self->notes_idle == 0)
    self->notes_idle = g_idle_add_full (G_PRIORITY_LOW, show_notes_idle, self, NULL);
  return old;
}

/* A note's button: its fix, as an edit of the scenario like any control's
 * (one undo step), the controls showing it. */
static void
on_note_fix_cb (LfNotesView *view, LfNote *note, LfWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_strdup (note->fix_key);

  g_free (self->notes_first);
  self->notes_first = g_strdup (note->subject);
  if (!lf_note_apply_fix (note, lf_document_get_scenario (self->document), &error))
    {
      lf_window_show_error (self, _("Could Not Apply the Fix"), error->message);
      return;
    }
  lf_document_commit_edit (self->document, key);
  lf_controls_sync (LF_CONTROLS (self->controls));
}

/* Setting a tooltip asks the X server where the pointer is (GTK 4.8), even
 * for the text it has: only a new one is set. */
static void
set_tooltip (GtkWidget *widget, const char *text)
{
  if (g_strcmp0 (text, gtk_widget_get_tooltip_text (widget)) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

/* The words above the charts (the description, or what changed from the
 * preset; the introduction while it is true) follow after the frame that
 * shows the change: a label's new lines are layout work a slider's step
 * need not wait for. */
static void
update_words (LfWindow *self)
{
  const LfScenario *scenario = lf_document_get_scenario (self->document);
  /* Edited, a preset's description may no longer be true: say what changed. */
  g_autofree char *changes = lf_document_get_modified (self->document)
    ? lf_changes_words (lf_document_get_saved (self->document), scenario, 2) : NULL;
  const char *description = changes ? changes : scenario->description;
  gboolean comparing = lf_comparison_get_n_documents (self->comparison) > 1;

  if (g_strcmp0 (gtk_label_get_text (self->description_label), description) != 0)
    gtk_label_set_text (self->description_label, description);
  set_tooltip (GTK_WIDGET (self->description_label),
               changes && *scenario->description ? scenario->description : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), *description != '\0');
  if (self->welcome_slot != NULL)
    {
      g_autoptr(GPtrArray) differs = lf_differences (self->current_policy, scenario);

      gtk_widget_set_visible (self->welcome_slot, !comparing && differs->len == 0);
    }
}

static gboolean
after_frame_idle (gpointer data)
{
  LfAfterFrame *after = data;

  after->idle_id = 0;
  after->update (after->window);
  return G_SOURCE_REMOVE;
}

/* Runs @after's update now, and not again from an idle already asked for. */
static void
update_now (LfAfterFrame *after)
{
  g_clear_handle_id (&after->idle_id, g_source_remove);
  after->update (after->window);
}

/* What follows after the frame that shows a change (the words above, the
 * title, an edit's figures) runs from a low-priority idle, once however many
 * changes come first. Before the window is on screen there is no such frame
 * to wait for: it runs at once, so that the first frame shows it (a file
 * opened at start-up showed the welcome and no description for its first
 * two frames). */
static void
update_after_frame (LfAfterFrame *after)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (after->window)))
    update_now (after);
  else if (after->idle_id == 0)
    after->idle_id = g_idle_add_full (G_PRIORITY_LOW, after_frame_idle, after, NULL);
}

static void
refit_cards (LfWindow *self)
{
  self->refit_cards = FALSE;
  for (int i = 0; i < LF_N_SUMMARY; i++)
    lf_summary_card_refit (LF_SUMMARY_CARD (self->summary[i]));
}

/* The charts, the summary and the map's notes: everything that shows bands.
 * An edit's figures in the summary cards follow after the frame that shows
 * its charts, as its words do: ten new texts in the cards were a fifth of
 * that frame's work and widened its changed area to the window's top. */
static void
show_results (LfWindow *self, gboolean figures_after_frame)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  LfChartData data;
  g_autoptr(GPtrArray) old_plant_notes = NULL;
  g_autoptr(GPtrArray) old_notes = update_notes (self, &old_plant_notes);

  /* One description of the state serves every view (each copies it). */
  lf_window_chart_data (self, LF_CHART_SHARE, &data, NULL);
  data.selected_plant = self->selected_plant;
  for (int k = 0; k < LF_N_MAIN_CHARTS; k++)
    {
      lf_chart_view_set_dark (LF_CHART_VIEW (self->charts[k]), dark);
      lf_chart_view_set_selected_plant (LF_CHART_VIEW (self->charts[k]), self->selected_plant);
      lf_chart_view_set_data (LF_CHART_VIEW (self->charts[k]), &data);
    }
  if (figures_after_frame)
    update_after_frame (&self->summary_after);
  else
    update_now (&self->summary_after);
  if (self->refit_cards)
    refit_cards (self);
}

static gboolean
show_results_tick (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  LfWindow *self = LF_WINDOW (widget);

  self->results_tick = 0;
  show_results (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* Whether a document's new band is still being drawn in a thread (lf-document.h). */
static gboolean
bands_pending (LfWindow *self)
{
  for (guint i = 0; i < lf_comparison_get_n_documents (self->comparison); i++)
    if (lf_document_get_bands_pending (lf_comparison_get_document (self->comparison, i)))
      return TRUE;
  return FALSE;
}

/* What the window shows of the comparison. A new scenario's band is drawn
 * in a thread while the window goes on (at start-up, while it is built and
 * styled): what shows bands follows as the next frame begins, before its
 * layout, or as the band comes in if that is sooner. @edit: the values were
 * edited (the summary's figures then follow after the frame). */
static void
refresh_charts_for (LfWindow *self, gboolean edit)
{
  if (!bands_pending (self))
    {
      if (self->results_tick != 0)
        gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->results_tick);
      self->results_tick = 0;
      show_results (self, edit);
    }
  else if (self->results_tick == 0)
    self->results_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), show_results_tick, NULL, NULL);
  /* Comparing, the summary is a table by scenario. */
  {
    gboolean comparing = lf_comparison_get_n_documents (self->comparison) > 1;

    gtk_widget_set_visible (GTK_WIDGET (self->summary_box), !comparing);
    gtk_widget_set_visible (self->comparison_table, comparing);
  }
  update_after_frame (&self->words_after);
}

static void
refresh_charts (LfWindow *self)
{
  refresh_charts_for (self, FALSE);
}

/* ---- the document and the comparison ----------------------------------------------- */

/* A new scenario: what sits above the charts fits its words afresh (as a
 * slider moves, it keeps the room the longest words needed). The cards fit
 * the new scenario's figures: at once if they are in, else as they come in
 * (show_results()). */
static void
refit_above_charts (LfWindow *self)
{
  lf_stable_bin_reset (self->description_bin);
  self->refit_cards = TRUE;
  if (self->results_tick == 0)
    refit_cards (self);
}

static void
on_comparison_changed_cb (LfComparison *comparison, guint index, LfDocumentChange change, LfWindow *self)
{
  gboolean replaced = index == lf_comparison_get_edited_index (comparison)
                      && (change & LF_DOCUMENT_CHANGE_REPLACED);

  if (replaced)
    {
      self->selected_plant = -1;
      lf_controls_sync (LF_CONTROLS (self->controls));
    }
  /* A step of a slider: its figures after its frame. A band that comes in
   * draws its charts and figures in one frame. */
  refresh_charts_for (self, (change & LF_DOCUMENT_CHANGE_VALUES) && !(change & LF_DOCUMENT_CHANGE_REPLACED));
  if (replaced)
    refit_above_charts (self);
}

static void
on_comparison_items_changed_cb (GListModel *model, guint position, guint removed, guint added, LfWindow *self)
{
  refresh_charts (self);
  refit_above_charts (self);
}

/* Another scenario of the comparison becomes the edited one: the controls,
 * the title, undo and the Sensitivity window follow it. */
static void
bind_edited (LfWindow *self)
{
  LfDocument *edited = lf_comparison_get_edited (self->comparison);

  if (!g_set_object (&self->document, edited))
    return;
  g_signal_group_set_target (self->document_signals, edited);
  if (self->sensitivity != NULL)
    {
      gboolean shown = gtk_widget_get_visible (self->sensitivity);

      gtk_window_destroy (GTK_WINDOW (self->sensitivity));
      self->sensitivity = self->document ? lf_sensitivity_window_new (self->document) : NULL;
      gtk_window_set_transient_for (GTK_WINDOW (self->sensitivity), GTK_WINDOW (self));
      if (shown)
        gtk_window_present (GTK_WINDOW (self->sensitivity));
    }
  self->selected_plant = -1;
  lf_controls_set_scenario (LF_CONTROLS (self->controls), lf_document_get_scenario (edited));
  lf_controls_sync (LF_CONTROLS (self->controls));
  update_title (self);
  update_actions (self);
}

static void
on_edited_cb (LfComparison *comparison, GParamSpec *pspec, LfWindow *self)
{
  bind_edited (self);
  refresh_charts (self);
}

static void
on_reference_cb (LfComparison *comparison, GParamSpec *pspec, LfWindow *self)
{
  refresh_charts (self);
}

/* The document's properties the header bar and the actions show. */
static const char *const document_state[] = { "title", "modified", "file", "can-undo", "can-redo" };

/* An edit's mark in the title ("• ", "Not saved") follows after the frame
 * that shows the edit: a new title is laid out again with the header bar,
 * and its area joins the frame's, which then spans the window from the
 * title to the charts (bench/bench-input.py: 1.4 ms of a key press whose
 * step returns the scenario to its file's values, or leaves them). */
static void
on_document_state_cb (LfDocument *document, GParamSpec *pspec, LfWindow *self)
{
  update_after_frame (&self->title_after);
  update_actions (self);
}

static void
on_controls_changed_cb (LfControls *controls, const char *key, LfWindow *self)
{
  g_free (self->notes_first);
  self->notes_first = g_strdup (key);
  lf_document_commit_edit (self->document, key);
}

static void
on_plant_selected_cb (GObject *source, int plant, LfWindow *self)
{
  self->selected_plant = plant;
  if (LF_IS_CHART_VIEW (source))
    {
      /* On a phone the controls are another view: go there. */
      if (self->layout == LF_LAYOUT_NARROW)
        adw_view_stack_set_visible_child_name (self->view_stack, "controls");
      lf_controls_select_plant (LF_CONTROLS (self->controls), plant);
    }
  for (int k = 0; k < LF_N_MAIN_CHARTS; k++)
    lf_chart_view_set_selected_plant (LF_CHART_VIEW (self->charts[k]), plant);
}

static void
undo_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  lf_document_undo (LF_WINDOW (widget)->document);
}

static void
redo_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  lf_document_redo (LF_WINDOW (widget)->document);
}

/* A preset's name and description are English in its file; lf-preset-strings.h (made by
 * build-aux/preset-strings.py) carries them to the translators. Show them translated.
 * Only the window does this: scenario files and CSV stay as written. */
static void
translate_preset (LfScenario *s)
{
  if (s->name != NULL && *s->name != '\0')
    {
      g_autofree char *name = g_strdup (_(s->name));
      lf_scenario_set_name (s, name);
    }
  if (s->description != NULL && *s->description != '\0')
    {
      g_autofree char *description = g_strdup (_(s->description));
      lf_scenario_set_description (s, description);
    }
}

static void
reset_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  LfWindow *self = LF_WINDOW (widget);
  g_autoptr(LfScenario) base = lf_scenario_new (self->baseline);

  AdwToast *toast;

  translate_preset (base);
  /* An undoable edit of the document: the toast's Undo is the window's. */
  lf_document_replace (self->document, base, TRUE);
  toast = adw_toast_new (_("Reset to the current-policy baseline"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- presets ---------------------------------------------------------------------- */

static LfScenario *
load_preset (LfWindow *self, const char *name, GError **error)
{
  g_autofree char *path = g_strconcat (PRESET_DIR, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  LfScenario *s;

  if (bytes == NULL)
    return NULL;
  s = lf_scenario_load_bytes (self->baseline, bytes, name, error);
  if (s != NULL)
    translate_preset (s);
  return s;
}

static void
preset_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  LfWindow *self = LF_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfScenario) s = load_preset (self, g_variant_get_string (param, NULL), &error);

  if (s == NULL)
    {
      lf_window_show_error (self, _("Could Not Open the Preset"), error->message);
      return;
    }
  /* A preset is a starting point, not a file: nothing to save yet. */
  {
    g_autoptr(LfDocumentState) before = lf_window_unsaved_state (self);

    lf_document_start_from (self->document, s);
    lf_window_replaced (self, g_steal_pointer (&before));
  }
}

/* ---- comparing -------------------------------------------------------------------- */

static void
pin (LfWindow *self, const LfScenario *s)
{
  g_autoptr(GError) error = NULL;

  if (!lf_comparison_pin (self->comparison, s, &error))
    {
      lf_window_show_error (self, _("Could Not Pin the Scenario"), error->message);
      return;
    }
  gtk_menu_button_popup (self->compare_button);
}

/* A copy of the edited scenario as it is now, beside it. */
static void
pin_current_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  LfWindow *self = LF_WINDOW (widget);
  g_autoptr(LfScenario) copy = lf_scenario_copy (lf_document_get_scenario (self->document));
  /* Translators: the name of a pinned copy of a scenario, e.g. "Trade deal (pinned)" */
  g_autofree char *name = g_strdup_printf (_("%s (pinned)"), copy->name);

  lf_scenario_set_name (copy, name);
  pin (self, copy);
}

static void
pin_preset_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  LfWindow *self = LF_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfScenario) s = load_preset (self, g_variant_get_string (param, NULL), &error);

  if (s == NULL)
    {
      lf_window_show_error (self, _("Could Not Open the Preset"), error->message);
      return;
    }
  pin (self, s);
}

static void
presets_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  gtk_menu_button_popup (LF_WINDOW (widget)->preset_button);
}

/* g_ptr_array_sort passes pointers to the elements. */
static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static void
build_preset_menu (LfWindow *self)
{
  g_auto(GStrv) names = g_resources_enumerate_children (PRESET_DIR, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (int i = 0; names && names[i]; i++)
    g_ptr_array_add (sorted, names[i]);
  g_ptr_array_sort (sorted, compare_names);
  for (guint i = 0; i < sorted->len; i++)
    {
      const char *name = g_ptr_array_index (sorted, i);
      g_autoptr(LfScenario) s = load_preset (self, name, NULL);
      g_autoptr(GMenuItem) item = NULL;

      if (s == NULL)
        continue;
      item = g_menu_item_new (s->name, NULL);
      g_menu_item_set_action_and_target (item, "win.preset", "s", name);
      g_menu_append_item (self->preset_section, item);
      g_clear_object (&item);
      item = g_menu_item_new (s->name, NULL);
      g_menu_item_set_action_and_target (item, "win.pin-preset", "s", name);
      g_menu_append_item (self->pin_section, item);
    }
}

/* The Scenarios menu is built the first time it opens: as model buttons in
 * popovers it had been 69 of the window's 1,339 widgets at start-up, and
 * naming the presets meant reading every preset's file. GtkMenuButton calls
 * this each time it opens, before it shows its popover. (The main menu is
 * built with the window: GTK 4.8 gives the radio items of a menu built once
 * the window is shown the role of plain items, and a screen reader would not
 * say which style is chosen.) */
static void
open_preset_menu_cb (GtkMenuButton *button, gpointer data)
{
  LfWindow *self = data;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  build_preset_menu (self);
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (self->preset_menu));
}

/* Recent files are read as the main menu opens, not at start-up, so the
 * list also has what other windows and programs saved meanwhile. */
static void
open_primary_menu_cb (GtkMenuButton *button, gpointer data)
{
  lf_window_build_recent_menu (LF_WINDOW (data));
}

/* ---- layout --------------------------------------------------------------------------- */

static void
move_child (GtkWidget *child, GtkBox *to, GtkWidget *after)
{
  GtkWidget *parent = gtk_widget_get_parent (child);

  if (parent == GTK_WIDGET (to))
    return;
  g_object_ref (child);
  if (parent != NULL)
    gtk_box_remove (GTK_BOX (parent), child);
  gtk_box_insert_child_after (to, child, after);
  g_object_unref (child);
}

static void
apply_layout (LfWindow *self)
{
  LfLayoutMode mode = self->layout;
  gboolean narrow = mode == LF_LAYOUT_NARROW;
  gboolean grid = mode == LF_LAYOUT_WIDE;

  if (narrow)
    {
      move_child (GTK_WIDGET (self->controls_scroller), self->narrow_controls, NULL);
      move_child (GTK_WIDGET (self->charts_scroller), self->narrow_charts, NULL);
      gtk_stack_set_visible_child_name (self->layout_stack, "narrow");
    }
  else
    {
      move_child (GTK_WIDGET (self->controls_scroller), self->main_box, NULL);
      move_child (GTK_WIDGET (self->charts_scroller), self->main_box, self->separator);
      gtk_stack_set_visible_child_name (self->layout_stack, "wide");
    }
  adw_view_switcher_bar_set_reveal (self->switcher_bar, narrow);
  /* A phone's header bar keeps the scenario picker and the menu; undo, redo
   * and export stay on their shortcuts and in the menu. */
  gtk_widget_set_visible (self->undo_button, !narrow);
  gtk_widget_set_visible (self->redo_button, !narrow);
  gtk_widget_set_visible (self->export_button, !narrow);
  if (narrow)
    {
      gtk_menu_button_set_icon_name (self->preset_button, "view-list-symbolic");
      gtk_menu_button_set_icon_name (self->compare_button, "view-dual-symbolic");
    }
  else
    {
      gtk_menu_button_set_label (self->preset_button, _("_Scenarios"));
      gtk_menu_button_set_use_underline (self->preset_button, TRUE);
      gtk_menu_button_set_label (self->compare_button, _("_Compare"));
      gtk_menu_button_set_use_underline (self->compare_button, TRUE);
    }
  /* Side by side, both panes scroll sideways rather than demand width, so the
   * window can always be made narrow enough to switch to the phone layout;
   * there, each view fits the width. */
  gtk_scrolled_window_set_policy (self->controls_scroller,
                                  narrow ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_policy (self->charts_scroller,
                                  narrow ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  /* The preference page scrolls inside itself and asks for little width:
   * give the controls a readable width beside the charts. */
  gtk_widget_set_size_request (GTK_WIDGET (self->controls_scroller),
                               narrow ? -1 : grid ? 400 : 340, -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->controls_scroller), narrow);
  /* The strip's height is measured at its narrowest: bound the lines it takes. */
  gtk_flow_box_set_min_children_per_line (self->summary_box, grid ? 5 : narrow ? 2 : 3);
  for (int k = 0; k < LF_N_MAIN_CHARTS; k++)
    {
      GtkWidget *chart = self->chart_cards[k];
      g_object_ref (chart);
      if (gtk_widget_get_parent (chart) != NULL)
        gtk_grid_remove (self->chart_grid, chart);
      if (grid)
        gtk_grid_attach (self->chart_grid, chart, k % 2, k / 2, 1, 1);
      else
        gtk_grid_attach (self->chart_grid, chart, 0, k, 1, 1);
      /* The map needs height for its key and boxes below the land on a
       * phone (lf-chart-map.c): a little more than the others. */
      gtk_widget_set_size_request (chart, -1, grid ? -1 : k == LF_CHART_MAP && narrow ? 360 : 280);
      g_object_unref (chart);
    }
}

static gboolean
apply_layout_idle (gpointer data)
{
  apply_layout (LF_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static LfLayoutMode
layout_for_width (int width)
{
  return width < NARROW_WIDTH ? LF_LAYOUT_NARROW : width < WIDE_WIDTH ? LF_LAYOUT_MEDIUM : LF_LAYOUT_WIDE;
}

/* The window opens in the layout of the size it opens at: measured first in
 * the wide layout, a window closed as narrow as a phone's grew to the wide
 * layout's minimum (595 px for 365) before it switched. A maximized window's
 * size is the screen's, known only once it is allocated. */
static void
lf_window_show (GtkWidget *widget)
{
  LfWindow *self = LF_WINDOW (widget);
  int width, height;
  LfLayoutMode mode;

  /* (GTK 4.8 writes both, so neither may be NULL.) */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  mode = layout_for_width (width);
  if (width > 0 && !gtk_window_is_maximized (GTK_WINDOW (self)) && mode != self->layout)
    {
      self->layout = mode;
      apply_layout (self);
    }
  GTK_WIDGET_CLASS (lf_window_parent_class)->show (widget);
}

static void
lf_window_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  LfWindow *self = LF_WINDOW (widget);
  LfLayoutMode mode = layout_for_width (width);

  GTK_WIDGET_CLASS (lf_window_parent_class)->size_allocate (widget, width, height, baseline);
  /* Changing the layout inside an allocation is not allowed: do it just after. */
  if (mode != self->layout)
    {
      self->layout = mode;
      g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_layout_idle, g_object_ref (self), g_object_unref);
    }
}

static void
on_dark_changed_cb (AdwStyleManager *manager, GParamSpec *pspec, LfWindow *self)
{
  refresh_charts (self);
}

/* ---- object ------------------------------------------------------------------------ */

static gboolean
lf_window_close_request_vfunc (GtkWindow *window)
{
  if (lf_window_close_request (window))
    return TRUE;
  return GTK_WINDOW_CLASS (lf_window_parent_class)->close_request (window);
}

static void
lf_window_dispose (GObject *object)
{
  LfWindow *self = LF_WINDOW (object);

  g_clear_handle_id (&self->words_after.idle_id, g_source_remove);
  g_clear_handle_id (&self->title_after.idle_id, g_source_remove);
  g_clear_handle_id (&self->summary_after.idle_id, g_source_remove);
  if (self->sensitivity != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self->sensitivity));
      self->sensitivity = NULL;
    }
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  g_clear_object (&self->document_signals);
  if (self->comparison != NULL)
    g_signal_handlers_disconnect_by_data (self->comparison, self);
  g_clear_object (&self->document);
  g_clear_object (&self->comparison);
  g_clear_object (&self->settings);
  g_clear_handle_id (&self->notes_idle, g_source_remove);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->plant_notes, g_ptr_array_unref);
  g_clear_pointer (&self->notes_first, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), LF_TYPE_WINDOW);
  G_OBJECT_CLASS (lf_window_parent_class)->dispose (object);
}

static void
lf_window_finalize (GObject *object)
{
  LfWindow *self = LF_WINDOW (object);

  g_clear_pointer (&self->current_policy, lf_scenario_free);
  g_clear_pointer (&self->baseline, lf_baseline_unref);
  G_OBJECT_CLASS (lf_window_parent_class)->finalize (object);
}

static void
lf_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LfWindow *self = LF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COMPARE_DIFFERENCE:
      g_value_set_boolean (value, self->compare_difference);
      break;
    case PROP_COMPARE_ALL_BANDS:
      g_value_set_boolean (value, self->compare_all_bands);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lf_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LfWindow *self = LF_WINDOW (object);
  gboolean *field;

  switch (prop_id)
    {
    case PROP_COMPARE_DIFFERENCE:
      field = &self->compare_difference;
      break;
    case PROP_COMPARE_ALL_BANDS:
      field = &self->compare_all_bands;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  if (*field == g_value_get_boolean (value))
    return;
  *field = g_value_get_boolean (value);
  g_object_notify_by_pspec (object, pspec);
  if (self->comparison != NULL)
    refresh_charts (self);
}

static void
lf_window_class_init (LfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lf_window_dispose;
  object_class->finalize = lf_window_finalize;
  object_class->get_property = lf_window_get_property;
  object_class->set_property = lf_window_set_property;

  /* The charts draw each compared scenario as its difference from the reference. */
  properties[PROP_COMPARE_DIFFERENCE] =
    g_param_spec_boolean ("compare-difference", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The charts draw every compared scenario's band, not only the edited one's. */
  properties[PROP_COMPARE_ALL_BANDS] =
    g_param_spec_boolean ("compare-all-bands", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->size_allocate = lf_window_size_allocate;
  widget_class->show = lf_window_show;
  window_class->close_request = lf_window_close_request_vfunc;

  g_type_ensure (LF_TYPE_CONTROLS);
  g_type_ensure (LF_TYPE_STABLE_BIN);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/landfall/Landfall/ui/lf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LfWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, layout_stack);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, controls_scroller);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, charts_scroller);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, main_box);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, narrow_controls);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, narrow_charts);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, separator);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, summary_box);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, header_box);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, description_bin);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, description_label);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, chart_grid);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, preset_button);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, compare_button);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, compare_popover);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, preset_menu);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, preset_section);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, pin_section);
  gtk_widget_class_bind_template_child (widget_class, LfWindow, recent_submenu);

  lf_window_class_add_file_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_activated);
  gtk_widget_class_install_action (widget_class, "win.reset", NULL, reset_activated);
  gtk_widget_class_install_action (widget_class, "win.preset", "s", preset_activated);
  gtk_widget_class_install_action (widget_class, "win.presets", NULL, presets_activated);
  gtk_widget_class_install_action (widget_class, "win.sensitivity", NULL, sensitivity_activated);
  gtk_widget_class_install_action (widget_class, "win.pin-current", NULL, pin_current_activated);
  gtk_widget_class_install_action (widget_class, "win.pin-preset", "s", pin_preset_activated);
  gtk_widget_class_install_property_action (widget_class, "win.compare-difference", "compare-difference");
  gtk_widget_class_install_property_action (widget_class, "win.compare-all-bands", "compare-all-bands");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.presets", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.sensitivity", NULL);
}

static GSettings *
settings_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* An uninstalled run has no schema; the window then simply does not remember. */
  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema ? g_settings_new (APP_ID) : NULL;
}

/* The Compare panel is built the first time its button opens it (7 M
 * instructions of the window's start-up, bench/profile-startup.py). */
static void
build_compare_panel_cb (GtkMenuButton *button, gpointer data)
{
  LfWindow *self = data;

  if (gtk_popover_get_child (self->compare_popover) == NULL)
    gtk_popover_set_child (self->compare_popover, lf_compare_panel_new (self->comparison));
}

static void
lf_window_init (LfWindow *self)
{
  g_autoptr(GError) error = NULL;

  self->words_after = (LfAfterFrame) { self, update_words, 0 };
  self->title_after = (LfAfterFrame) { self, update_title, 0 };
  self->summary_after = (LfAfterFrame) { self, update_summary, 0 };

  /* The document first: its band is drawn in a thread while the window is built. */
  self->baseline = lf_baseline_load_default (&error);
  if (self->baseline == NULL)
    g_error ("The built-in baseline data cannot be read: %s", error->message);
  self->comparison = lf_comparison_new (self->baseline);
  self->document = g_object_ref (lf_comparison_get_edited (self->comparison));
  self->selected_plant = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = settings_if_installed ();
  /* The window's size follows its settings both ways, as GNOME's apps do. */
  if (self->settings)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }

  self->controls = lf_controls_new ();
  gtk_scrolled_window_set_child (self->controls_scroller, self->controls);
  g_signal_connect_object (self->controls, "changed", G_CALLBACK (on_controls_changed_cb), self, 0);
  g_signal_connect_object (self->controls, "plant-selected", G_CALLBACK (on_plant_selected_cb), self, 0);
  lf_controls_set_scenario (LF_CONTROLS (self->controls), lf_document_get_scenario (self->document));

  /* Above the charts, until dismissed: why everything is zero, what to try.
   * The setting remembers a dismissal (the card's own visibility); the slot
   * shows the card only while what it says is true, that is while the
   * scenario is current policy (refresh_charts). */
  {
    GtkWidget *welcome = lf_welcome_new (self->baseline, lf_document_get_reference (self->document));

    self->current_policy = lf_scenario_new (self->baseline);
    self->welcome_slot = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
    gtk_box_append (GTK_BOX (self->welcome_slot), welcome);
    gtk_box_prepend (self->header_box, self->welcome_slot);
    if (self->settings)
      g_settings_bind (self->settings, "show-welcome", welcome, "visible", G_SETTINGS_BIND_DEFAULT);
  }
  add_summary_cards (self);
  self->comparison_table = lf_comparison_table_new (self->comparison);
  gtk_widget_set_visible (self->comparison_table, FALSE);
  gtk_widget_insert_after (self->comparison_table, GTK_WIDGET (self->header_box),
                           GTK_WIDGET (self->summary_box));
  self->notes_view = lf_notes_view_new ();
  g_signal_connect_object (self->notes_view, "fix", G_CALLBACK (on_note_fix_cb), self, 0);
  gtk_widget_insert_after (self->notes_view, GTK_WIDGET (self->header_box),
                           GTK_WIDGET (self->description_bin));
  gtk_menu_button_set_create_popup_func (self->compare_button, build_compare_panel_cb, self, NULL);
  add_chart_cards (self);
  apply_layout (self);

  gtk_menu_button_set_create_popup_func (self->preset_button, open_preset_menu_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (self->menu_button, open_primary_menu_cb, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, 0);

  /* The window follows its comparison and the edited document; they know
   * nothing of it. */
  g_signal_connect_object (self->comparison, "changed", G_CALLBACK (on_comparison_changed_cb), self, 0);
  g_signal_connect_object (self->comparison, "items-changed", G_CALLBACK (on_comparison_items_changed_cb), self, 0);
  g_signal_connect_object (self->comparison, "notify::edited", G_CALLBACK (on_edited_cb), self, 0);
  g_signal_connect_object (self->comparison, "notify::reference-index", G_CALLBACK (on_reference_cb), self, 0);
  self->document_signals = g_signal_group_new (LF_TYPE_DOCUMENT);
  for (guint i = 0; i < G_N_ELEMENTS (document_state); i++)
    {
      g_autofree char *signal = g_strconcat ("notify::", document_state[i], NULL);
      g_signal_group_connect_object (self->document_signals, signal, G_CALLBACK (on_document_state_cb),
                                     self, 0);
    }
  g_signal_group_set_target (self->document_signals, self->document);
  update_title (self);
  update_actions (self);
  refresh_charts (self);
}

LfWindow *
lf_window_new (AdwApplication *app)
{
  return g_object_new (LF_TYPE_WINDOW, "application", app, NULL);
}
