/* lf-window-private.h: the window's parts. lf-window.c (layout, charts,
 * summary, presets, undo) builds on lf-window-actions.c (files, export,
 * closing, toasts and errors), never the other way round. */
#pragma once

#include <adwaita.h>

#include "lf-chart.h"
#include "lf-comparison.h"
#include "lf-document.h"
#include "lf-stable-bin.h"
#include "lf-window.h"

G_BEGIN_DECLS

#define LF_N_SUMMARY 5

/* Side by side with a 2×2 grid of charts; side by side with the charts in one
 * scrolling column; or, on a phone, controls and charts as two views. */
typedef enum {
  LF_LAYOUT_WIDE,
  LF_LAYOUT_MEDIUM,
  LF_LAYOUT_NARROW,
} LfLayoutMode;

/* Something the window updates after the frame that shows a change, from a
 * low-priority idle (update_after_frame(), src/ui/lf-window.c). */
typedef struct {
  LfWindow *window;
  void    (*update) (LfWindow *self);
  guint     idle_id;
} LfAfterFrame;

struct _LfWindow
{
  AdwApplicationWindow parent_instance;

  /* template */
  AdwWindowTitle      *window_title;
  AdwToastOverlay     *toast_overlay;
  GtkStack            *layout_stack;
  GtkScrolledWindow   *controls_scroller;
  GtkScrolledWindow   *charts_scroller;
  GtkBox              *main_box;
  GtkBox              *narrow_controls;
  GtkBox              *narrow_charts;
  AdwViewStack        *view_stack;
  AdwViewSwitcherBar  *switcher_bar;
  GtkWidget           *separator;
  GtkFlowBox          *summary_box;
  GtkLabel            *description_label;
  GtkGrid             *chart_grid;
  GtkMenuButton       *preset_button;
  GtkWidget           *undo_button;
  GtkWidget           *redo_button;
  GtkWidget           *export_button;
  GtkMenuButton       *compare_button;
  GtkMenuButton       *menu_button;
  GtkPopover          *compare_popover;
  GMenu               *preset_menu;    /* on preset_button when it first opens */
  GMenu               *preset_section;
  GMenu               *pin_section;
  GMenu               *recent_submenu;

  GtkWidget           *controls;
  GtkWidget           *charts[LF_N_MAIN_CHARTS];       /* the views, each in its card */
  GtkWidget           *chart_cards[LF_N_MAIN_CHARTS];  /* with the chart's title or chooser */
  GtkWidget           *summary[LF_N_SUMMARY];
  GtkWidget           *sensitivity;    /* made on first use */
  GtkWidget           *comparison_table;
  GtkBox              *header_box;     /* what sits above the charts */
  LfStableBin         *description_bin; /* no shrinking in a drag (lf-stable-bin.c) */
  LfAfterFrame         words_after;    /* the words above the charts, after the frame */
  LfAfterFrame         title_after;    /* the title after an edit, after the frame */
  LfAfterFrame         summary_after;  /* the summary's figures after an edit, after the frame */
  guint                results_tick;   /* the charts and summary, as the next frame begins,
                                        * while a new band is drawn (refresh_charts) */
  gboolean             refit_cards;    /* a new scenario: the cards fit its figures once in */
  GtkWidget           *welcome_slot;   /* holds the introduction while it is true */
  LfScenario          *current_policy; /* what the introduction speaks of */
  GtkWidget           *notes_view;     /* LfNotesView, above the charts */
  GPtrArray           *notes;          /* LfNote of the edited scenario (lf-notes.h) */
  GPtrArray           *plant_notes;    /* by plant index: why it builds nothing, or NULL (the map's read-out) */
  char                *notes_first;    /* the key last changed: its notes come first */
  guint                notes_idle;     /* updates the notes outside the frame */

  LfBaseline          *baseline;
  LfComparison        *comparison;
  LfDocument          *document;       /* the comparison's edited one */
  GSignalGroup        *document_signals;
  LfChartRun           runs[LF_COMPARISON_MAX];
  gboolean             compare_difference;
  gboolean             compare_all_bands;
  int                  selected_plant;
  LfLayoutMode         layout;
  gboolean             close_after_save;
  GSettings           *settings;
};

/* lf-window-actions.c */
void     lf_window_toast                  (LfWindow       *self,
                                           const char     *text);
void     lf_window_show_error             (LfWindow       *self,
                                           const char     *heading,
                                           const char     *message);
void     lf_window_chart_data             (LfWindow       *self,
                                           LfChartKind     kind,
                                           LfChartData    *data,
                                           LfTornadoBar    bars[LF_TORNADO_MAX]);
void     lf_window_class_add_file_actions (GtkWidgetClass *widget_class);
LfDocumentState *lf_window_unsaved_state  (LfWindow       *self);
void     lf_window_replaced               (LfWindow       *self,
                                           LfDocumentState *before);
void     lf_window_build_recent_menu      (LfWindow       *self);
gboolean lf_window_close_request          (GtkWindow      *window);

G_END_DECLS
