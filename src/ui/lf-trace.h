/* lf-trace.h: timestamps for the benchmarks (bench/bench-input.py), written
 * only when LANDFALL_TRACE names a file. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean lf_trace_enabled (void);
void     lf_trace         (const char *format,
                           ...) G_GNUC_PRINTF (1, 2);
void     lf_trace_window  (GtkWindow  *window);

G_END_DECLS
