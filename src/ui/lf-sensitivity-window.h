/* lf-sensitivity-window.h: which levers move a result most, for a document. */
#pragma once

#include <adwaita.h>

#include "lf-chart.h"
#include "lf-document.h"

G_BEGIN_DECLS

#define LF_TYPE_SENSITIVITY_WINDOW (lf_sensitivity_window_get_type ())

G_DECLARE_FINAL_TYPE (LfSensitivityWindow, lf_sensitivity_window, LF, SENSITIVITY_WINDOW, AdwWindow)

GtkWidget  *lf_sensitivity_window_new          (LfDocument          *document);
LfDocument *lf_sensitivity_window_get_document (LfSensitivityWindow *self);
LfSeries    lf_sensitivity_window_get_series   (LfSensitivityWindow *self);
int         lf_sensitivity_window_get_year     (LfSensitivityWindow *self);
void        lf_sensitivity_chart_data          (LfDocument          *document,
                                                LfSensitivityWindow *choices,
                                                LfChartData         *data,
                                                LfTornadoBar         bars[LF_TORNADO_MAX]);
void        lf_sensitivity_attribution_data    (LfDocument          *document,
                                                const LfAttribution *attribution,
                                                LfChartData         *data);
LfAttribution *lf_sensitivity_attribute        (LfDocument          *document,
                                                LfSensitivityWindow *choices);

G_END_DECLS
