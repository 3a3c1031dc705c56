/* lf-file.h: the one reader and the one writer for every file Landfall
 * touches (scenarios, baselines, PNG and CSV exports).
 *
 * Reading takes regular files only: a directory, a device or a FIFO is
 * refused without blocking, and a size cap is checked before reading and
 * again while reading, so a file that grows cannot get past it.
 *
 * Writing never harms the file that was there: the new bytes go to an
 * unnamed (or hidden) temporary file in the target's directory, every write,
 * the fsync and the close are checked, the target's permissions are kept, a
 * symbolic link is followed to the file it names, and only then is the
 * temporary renamed over the target. On any failure the old file is left
 * byte for byte and nothing is left beside it.
 *
 * Every error is one line that names the file.
 *
 * GLib only.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LF_FILE_ERROR (lf_file_error_quark ())

typedef enum {
  LF_FILE_ERROR_NOT_REGULAR,   /* a directory, device, FIFO or socket */
  LF_FILE_ERROR_TOO_LARGE,     /* over the caller's size cap */
} LfFileError;

GQuark    lf_file_error_quark (void);

GBytes   *lf_file_read        (const char  *path,
                               gsize        max_size,
                               GError     **error);
gboolean  lf_file_replace     (const char  *path,
                               const void  *data,
                               gsize        len,
                               GError     **error);

char     *lf_file_display_name (const char *path);
char     *lf_text_one_line     (const char *text,
                                gssize      len);
void      lf_error_one_line    (GError    **error);

G_END_DECLS
