/* main.c: the window, or batch work on the command line with no display. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "lf-cli.h"

#if HAVE_GUI
#include "lf-application.h"
#endif

int
main (int argc, char *argv[])
{
  const char *localedir = g_getenv ("LANDFALL_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* LANDFALL_LOCALEDIR: where to find the translations instead of the installed ones, e.g.
   * build/po in an uninstalled build (meson puts build/po/<lang>/LC_MESSAGES/landfall.mo). */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (lf_cli_wants_command_line (argc, argv))
    return lf_cli_run (argc, argv);

#if HAVE_GUI
  {
    g_autoptr(LfApplication) app = lf_application_new ();
    return g_application_run (G_APPLICATION (app), argc, argv);
  }
#else
  fprintf (stderr, "landfall: built without the window; try --project or --help-cli\n");
  return 2;
#endif
}
