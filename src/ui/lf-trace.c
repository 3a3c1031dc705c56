/* lf-trace.c: one line per event, "<monotonic µs> <thread CPU µs> <what>"
 * (the CPU time the calling thread has used: work, where the clock also
 * counts waiting and being preempted on a busy machine), to the file named
 * by LANDFALL_TRACE: key presses, when their handling ends, each phase of a
 * frame and each chart's drawing. bench/bench-input.py lines them up with the
 * moment the pixels change on screen. Off (one getenv at start) otherwise. */
#define G_LOG_DOMAIN "landfall-ui"

#include "config.h"

#include <stdio.h>
#include <time.h>

#include "lf-trace.h"

static FILE *
trace_file (void)
{
  static FILE *file;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      const char *path = g_getenv ("LANDFALL_TRACE");

      if (path != NULL && *path != '\0')
        file = fopen (path, "a");
      g_once_init_leave (&once, 1);
    }
  return file;
}

gboolean
lf_trace_enabled (void)
{
  return trace_file () != NULL;
}

void
lf_trace (const char *format, ...)
{
  FILE *file = trace_file ();
  va_list args;

  if (file == NULL)
    return;
  {
    struct timespec cpu = { 0, 0 };

    clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu);
    fprintf (file, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " ", g_get_monotonic_time (),
             (gint64) cpu.tv_sec * G_USEC_PER_SEC + cpu.tv_nsec / 1000);
  }
  va_start (args, format);
  vfprintf (file, format, args);
  va_end (args);
  fputc ('\n', file);
  fflush (file);
}

/* Runs once the event that queued it has been handled: the key's whole work
 * (the model, the band, the charts' data) is done by then. */
static gboolean
key_handled_cb (gpointer data)
{
  lf_trace ("key-handled");
  return G_SOURCE_REMOVE;
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *key, guint keyval, guint keycode,
                   GdkModifierType state, gpointer data)
{
  lf_trace ("key-press %s", gdk_keyval_name (keyval));
  g_idle_add_full (G_PRIORITY_HIGH, key_handled_cb, NULL, NULL);
  return GDK_EVENT_PROPAGATE;
}

/* GTK's own handlers for each phase were connected first, so these mark
 * the end of the phase. */
static void
on_phase_cb (GdkFrameClock *clock, gpointer phase)
{
  lf_trace ("frame-%s", (const char *) phase);
}

static void
on_map_cb (GtkWidget *widget, gpointer data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  static const char *const phases[] = { "before-paint", "update", "layout", "paint", "after-paint" };

  lf_trace ("window-map");
  if (clock == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    g_signal_connect (clock, phases[i], G_CALLBACK (on_phase_cb), (gpointer) phases[i]);
}

/**
 * lf_trace_window:
 * Traces @window's key presses and frames, when tracing is on.
 */
void
lf_trace_window (GtkWindow *window)
{
  GtkEventController *key;

  if (!lf_trace_enabled ())
    return;
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), key);
  g_signal_connect (window, "map", G_CALLBACK (on_map_cb), NULL);
}
