/* lf-geo-pack-tool.c: the build's step from data/geo/north-america.json to
 * the packed outlines the program embeds (lf-geo-pack.h).
 *
 * Usage: lf-geo-pack INPUT.json OUTPUT.gvariant */
#include "config.h"

#include <glib.h>
#include <locale.h>

#include "lf-geo-pack.h"

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GBytes) packed = NULL;
  gsize length;

  setlocale (LC_ALL, "");
  if (argc != 3)
    {
      g_printerr ("Usage: %s INPUT.json OUTPUT.gvariant\n", argv[0]);
      return 2;
    }
  if (!g_file_get_contents (argv[1], &json, &length, &error) ||
      (packed = lf_geo_pack_json (json, length, &error)) == NULL ||
      !g_file_set_contents (argv[2], g_bytes_get_data (packed, NULL),
                            (gssize) g_bytes_get_size (packed), &error))
    {
      g_printerr ("%s: %s: %s\n", argv[0], argv[1], error->message);
      return 1;
    }
  return 0;
}
