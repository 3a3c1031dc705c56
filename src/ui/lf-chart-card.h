/* lf-chart-card.h: one chart in the window with its title, or a chooser of charts. */
#pragma once

#include <gtk/gtk.h>

#include "lf-chart.h"

G_BEGIN_DECLS

#define LF_TYPE_CHART_CARD (lf_chart_card_get_type ())

G_DECLARE_FINAL_TYPE (LfChartCard, lf_chart_card, LF, CHART_CARD, GtkBox)

GtkWidget   *lf_chart_card_new       (const LfChartKind *kinds,
                                      guint              n_kinds,
                                      const char        *chooser_label);
GtkWidget   *lf_chart_card_get_view  (LfChartCard       *self);
LfChartKind  lf_chart_card_get_kind  (LfChartCard       *self);
const char  *lf_chart_card_get_chart (LfChartCard       *self);
void         lf_chart_card_set_chart (LfChartCard       *self,
                                      const char        *name);

G_END_DECLS
