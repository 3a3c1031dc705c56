/* lf-summary-card.h: one headline figure above the charts (caption, value, note). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LF_TYPE_SUMMARY_CARD (lf_summary_card_get_type ())

G_DECLARE_FINAL_TYPE (LfSummaryCard, lf_summary_card, LF, SUMMARY_CARD, GtkBox)

GtkWidget  *lf_summary_card_new            (const char    *title);
const char *lf_summary_card_get_title      (LfSummaryCard *self);
void        lf_summary_card_set_title      (LfSummaryCard *self,
                                            const char    *title);
const char *lf_summary_card_get_long_title (LfSummaryCard *self);
void        lf_summary_card_set_long_title (LfSummaryCard *self,
                                            const char    *long_title);
const char *lf_summary_card_get_value      (LfSummaryCard *self);
void        lf_summary_card_set_value      (LfSummaryCard *self,
                                            const char    *value);
const char *lf_summary_card_get_note       (LfSummaryCard *self);
void        lf_summary_card_set_note       (LfSummaryCard *self,
                                            const char    *note);
void        lf_summary_card_refit          (LfSummaryCard *self);

G_END_DECLS
