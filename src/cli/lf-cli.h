/* lf-cli.h: the command line (no display needed). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean lf_cli_wants_command_line (int argc, char **argv);
int      lf_cli_run                (int argc, char **argv);

G_END_DECLS
