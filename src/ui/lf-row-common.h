/* lf-row-common.h: what the control rows share: a lever's tooltip and unit
 * from the parameter registry, a schedule's summary, and a mouse wheel that
 * scrolls the panel rather than the value under it. */
#pragma once

#include <adwaita.h>

#include "lf-scenario.h"

G_BEGIN_DECLS

char       *lf_param_tooltip        (LfParam           param,
                                     const LfBaseline *baseline);
char       *lf_param_about          (LfParam           param,
                                     const LfBaseline *baseline);
GtkWidget  *lf_info_button_new      (const char       *name);
void        lf_info_button_set_text (GtkWidget        *button,
                                     const char       *text);
const char *lf_param_shown_unit     (LfParam           param);
double      lf_param_shown_scale    (LfParam           param);
char       *lf_schedule_text        (const LfScenario *scenario,
                                     LfParam           param);
char       *lf_schedule_summary     (const LfScenario *scenario,
                                     LfParam           param);
void        lf_wheel_scrolls_panel  (GtkWidget        *widget);
void        lf_spin_group_digits    (GtkSpinButton    *spin);
GtkListItemFactory *lf_whole_item_factory (GObject *owner);
void        lf_combo_row_show_whole_items (AdwComboRow *row);
void        lf_row_set_tip          (GtkWidget        *row,
                                     const char       *tip);
void        lf_row_follow_list_activation (GtkListBoxRow *row,
                                           GCallback      callback);
gboolean    lf_row_is_activated     (GtkListBox       *list,
                                     GtkListBoxRow    *activated,
                                     gpointer          row);
void        lf_drop_down_show_whole_items (GtkDropDown *drop_down);
void        lf_row_set_note         (GtkWidget        *row,
                                     const char       *text);
gboolean    lf_row_in_view          (GtkWidget        *row);
void        lf_row_class_draw_only_in_view (GtkWidgetClass *klass);

G_END_DECLS
