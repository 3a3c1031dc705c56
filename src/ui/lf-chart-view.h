/* lf-chart-view.h: one chart as a widget, drawn by src/charts. */
#pragma once

#include <gtk/gtk.h>

#include "lf-chart.h"

G_BEGIN_DECLS

#define LF_TYPE_CHART_VIEW (lf_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (LfChartView, lf_chart_view, LF, CHART_VIEW, GtkWidget)

GtkWidget   *lf_chart_view_new        (LfChartKind        kind);
LfChartKind  lf_chart_view_get_kind   (LfChartView       *self);
void         lf_chart_view_set_kind   (LfChartView       *self,
                                       LfChartKind        kind);
void         lf_chart_view_set_data   (LfChartView       *self,
                                       const LfChartData *data);
void         lf_chart_view_set_dark   (LfChartView       *self,
                                       gboolean           dark);
void         lf_chart_view_set_selected_plant (LfChartView *self,
                                               int          plant);

G_END_DECLS
