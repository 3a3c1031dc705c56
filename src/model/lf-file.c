/* lf-file.c: the one reader and the one writer for every file (see lf-file.h). */
#define G_LOG_DOMAIN "landfall-model"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "lf-file.h"

G_DEFINE_QUARK (lf-file-error-quark, lf_file_error)

/* Messages quote what the user gave (paths, keys, values): one short line
 * whatever that was, control characters shown as escapes. */
#define MAX_QUOTED_CHARS 400

/**
 * lf_text_one_line:
 * @text: any bytes (invalid UTF-8 becomes U+FFFD)
 * @len: length of @text, or -1 when it ends with a NUL
 *
 * Returns: (transfer full): @text as one line of at most 400 characters,
 * with newlines, tabs and other control characters written as escapes.
 */
char *
lf_text_one_line (const char *text, gssize len)
{
  g_autofree char *valid = g_utf8_make_valid (text, len);
  GString *out = g_string_new (NULL);
  const char *p;
  glong n = 0;

  for (p = valid; *p != '\0' && n < MAX_QUOTED_CHARS; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_unichar (out, c);
    }
  if (*p != '\0')
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

/**
 * lf_error_one_line:
 * @error: (nullable): an error whose message may quote what a file or a
 *   person wrote
 *
 * Makes @error's message one short line (see lf_text_one_line()).
 */
void
lf_error_one_line (GError **error)
{
  char *line;

  if (error == NULL || *error == NULL)
    return;
  line = lf_text_one_line ((*error)->message, -1);
  g_free ((*error)->message);
  (*error)->message = line;
}

/**
 * lf_file_display_name:
 * Returns: (transfer full): @path as a person should read it in a message:
 * UTF-8, one line.
 */
char *
lf_file_display_name (const char *path)
{
  g_autofree char *display = g_filename_display_name (path);
  return lf_text_one_line (display, -1);
}

static gboolean
fail_errno (GError **error, int saved_errno, const char *path, const char *what)
{
  g_autofree char *display = lf_file_display_name (path);

  if (what != NULL)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s: %s",
                 display, what, g_strerror (saved_errno));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s",
                 display, g_strerror (saved_errno));
  return FALSE;
}

static const char *
kind_of_file (mode_t mode)
{
  if (S_ISDIR (mode))
    return "a folder";
  if (S_ISFIFO (mode))
    return "a pipe (FIFO)";
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return "a device";
  if (S_ISSOCK (mode))
    return "a socket";
  return "not a regular file";
}

static void
set_not_regular (GError **error, const char *path, mode_t mode)
{
  g_autofree char *display = lf_file_display_name (path);
  const char *kind = kind_of_file (mode);

  if (g_str_has_prefix (kind, "not "))
    g_set_error (error, LF_FILE_ERROR, LF_FILE_ERROR_NOT_REGULAR, "%s: %s", display, kind);
  else
    g_set_error (error, LF_FILE_ERROR, LF_FILE_ERROR_NOT_REGULAR,
                 "%s: is %s, not a regular file", display, kind);
}

static void
set_too_large (GError **error, const char *path, guint64 size, gsize max_size, gboolean at_least)
{
  g_autofree char *display = lf_file_display_name (path);

  g_set_error (error, LF_FILE_ERROR, LF_FILE_ERROR_TOO_LARGE,
               "%s: file is %s%" G_GUINT64_FORMAT " bytes, larger than the %" G_GSIZE_FORMAT
               "-byte limit", display, at_least ? "more than " : "", size, max_size);
}

/**
 * lf_file_read:
 * @path: a file name in the GLib file name encoding
 * @max_size: the most bytes the caller accepts
 *
 * Reads a whole regular file of at most @max_size bytes. Never blocks on a
 * FIFO or device and never reads more than @max_size + 1 bytes.
 *
 * Returns: (transfer full) (nullable): the contents, or %NULL with @error
 * set to one line naming the file
 */
GBytes *
lf_file_read (const char *path, gsize max_size, GError **error)
{
  g_autofree char *buf = NULL;
  struct stat st;
  gsize len = 0, alloc;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (max_size < G_MAXSIZE / 2, NULL);

  if (*path == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           "the file name is empty");
      return NULL;
    }
  /* O_NONBLOCK: opening a FIFO with no writer would otherwise wait for ever. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      fail_errno (error, errno, path, NULL);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      fail_errno (error, errno, path, NULL);
      close (fd);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      set_not_regular (error, path, st.st_mode);
      close (fd);
      return NULL;
    }
  if (st.st_size < 0 || (guint64) st.st_size > max_size)
    {
      set_too_large (error, path, (guint64) st.st_size, max_size, FALSE);
      close (fd);
      return NULL;
    }

  /* The file may grow between fstat() and read(): read at most one byte
   * past the cap, which is how a grown file is caught. */
  alloc = (gsize) st.st_size + 1;
  buf = g_malloc (alloc + 1);
  for (;;)
    {
      gssize n;

      if (len == alloc)
        {
          if (alloc > max_size)
            {
              set_too_large (error, path, alloc, max_size, TRUE);
              close (fd);
              return NULL;
            }
          alloc = MIN (alloc * 2, max_size + 1);
          buf = g_realloc (buf, alloc + 1);
        }
      n = read (fd, buf + len, alloc - len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          close (fd);
          fail_errno (error, saved, path, NULL);
          return NULL;
        }
      if (n == 0)
        break;
      len += (gsize) n;
      if (len > max_size)
        {
          set_too_large (error, path, len, max_size, TRUE);
          close (fd);
          return NULL;
        }
    }
  close (fd);
  buf[len] = '\0';
  return g_bytes_new_take (g_steal_pointer (&buf), len);
}

/* ---- writing --------------------------------------------------------------------- */

#define MAX_LINKS 40

/* The file a write to @path lands in: symbolic links followed (relative
 * ones from their own folder), so the link stays a link. A dangling link
 * names the file to create. */
static char *
resolve_links (const char *path, struct stat *st, gboolean *exists, GError **error)
{
  g_autofree char *current = g_strdup (path);

  for (int i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *target = NULL;
      g_autoptr(GError) local = NULL;

      if (lstat (current, st) != 0)
        {
          if (errno == ENOENT)
            {
              *exists = FALSE;
              return g_steal_pointer (&current);
            }
          fail_errno (error, errno, path, NULL);
          return NULL;
        }
      if (!S_ISLNK (st->st_mode))
        {
          *exists = TRUE;
          return g_steal_pointer (&current);
        }
      target = g_file_read_link (current, &local);
      if (target == NULL)
        {
          fail_errno (error, errno ? errno : EINVAL, path, NULL);
          return NULL;
        }
      if (!g_path_is_absolute (target))
        {
          g_autofree char *dir = g_path_get_dirname (current);
          g_free (current);
          current = g_build_filename (dir, target, NULL);
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
    }
  return fail_errno (error, ELOOP, path, NULL), NULL;
}

static gboolean
write_all (int fd, const guint8 *data, gsize len, int *saved_errno)
{
  while (len > 0)
    {
      gssize n = write (fd, data, MIN (len, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          *saved_errno = n < 0 ? errno : ENOSPC;
          return FALSE;
        }
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

/* A name for the temporary beside the target: hidden, so that even the
 * instant between giving it a name and renaming it shows nothing. */
static char *
temp_name (const char *dir, const char *base)
{
  return g_strdup_printf ("%s%s.%s.%08x%04x~", dir, G_DIR_SEPARATOR_S, base,
                          g_random_int (), g_random_int_range (0, 0x10000));
}

/* Gives the unnamed file open on @fd the name @name (Linux O_TMPFILE). */
static gboolean
link_unnamed (int fd, const char *name)
{
  char proc[64];

  g_snprintf (proc, sizeof proc, "/proc/self/fd/%d", fd);
  if (linkat (AT_FDCWD, proc, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0)
    return TRUE;
#ifdef AT_EMPTY_PATH
  if (errno != EEXIST && linkat (fd, "", AT_FDCWD, name, AT_EMPTY_PATH) == 0)
    return TRUE;
#endif
  return FALSE;
}

/**
 * lf_file_replace:
 * @path: the file to write (created when missing)
 * @data: (array length=len): the new contents
 *
 * Replaces the contents of @path, or creates it (mode 0644 less the umask).
 * An existing file keeps its mode (and, when allowed, its owner); a symbolic
 * link keeps pointing at the same file, which gets the new contents. On any
 * failure (full disk, no permission, a folder in the way) the old file is
 * left byte for byte and no temporary file remains.
 *
 * Returns: %TRUE on success; %FALSE with @error set to one line naming @path
 */
gboolean
lf_file_replace (const char *path, const void *data, gsize len, GError **error)
{
  g_autofree char *target = NULL, *dir = NULL, *base = NULL, *tmp = NULL;
  struct stat st;
  gboolean exists = FALSE, unnamed = FALSE;
  int fd = -1, saved = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (*path == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           "the file name is empty");
      return FALSE;
    }
  target = resolve_links (path, &st, &exists, error);
  if (target == NULL)
    return FALSE;
  if (exists && !S_ISREG (st.st_mode))
    {
      set_not_regular (error, path, st.st_mode);
      return FALSE;
    }
  base = g_path_get_basename (target);
  if (g_str_has_suffix (target, G_DIR_SEPARATOR_S) || strcmp (base, ".") == 0 ||
      strcmp (base, "..") == 0 || strcmp (base, G_DIR_SEPARATOR_S) == 0)
    {
      g_autofree char *display = lf_file_display_name (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   "%s: names a folder, not a file", display);
      return FALSE;
    }
  dir = g_path_get_dirname (target);

#ifdef O_TMPFILE
  /* An unnamed file in the target's folder: a crash or kill while writing
   * leaves nothing behind. The kernel applies the umask to 0644. */
  fd = open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
  unnamed = fd >= 0;
  if (fd < 0 && errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL && errno != ENOENT)
    return fail_errno (error, errno, path, NULL);
#endif
  if (fd < 0)
    {
      tmp = temp_name (dir, base);
      fd = g_open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, 0644);
      if (fd < 0)
        {
          g_clear_pointer (&tmp, g_free);
          return fail_errno (error, errno, path, NULL);
        }
    }

  if (exists)
    {
      /* Keep who may read it: a private 0600 file stays private. */
      /* A file system that stores no modes (FAT, some FUSE mounts) has none
       * to keep: that is no reason to lose the user's file. */
      if (fchmod (fd, st.st_mode & 07777) != 0 &&
          errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP && errno != ENOSYS)
        {
          saved = errno;
          goto failed;
        }
      if ((st.st_uid != geteuid () || st.st_gid != getegid ()) &&
          fchown (fd, st.st_uid, st.st_gid) != 0)
        {
          /* Not allowed to give it away: keep at least what others may do. */
        }
    }
  if (!write_all (fd, data, len, &saved))
    goto failed;
  if (fsync (fd) != 0 && errno != EINVAL && errno != EROFS && errno != ENOSYS && errno != ENOTSUP)
    {
      saved = errno;
      goto failed;
    }
  if (unnamed)
    {
      for (int tries = 0; tmp == NULL && tries < 16; tries++)
        {
          tmp = temp_name (dir, base);
          if (!link_unnamed (fd, tmp))
            {
              saved = errno;
              g_clear_pointer (&tmp, g_free);
              if (saved != EEXIST)
                goto failed;
            }
        }
      if (tmp == NULL)
        goto failed;
    }
  if (close (fd) != 0)
    {
      fd = -1;
      saved = errno;
      goto failed;
    }
  fd = -1;
  if (g_rename (tmp, target) != 0)
    {
      saved = errno;
      goto failed;
    }
  /* Make the rename itself durable. */
  {
    int dfd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    if (dfd >= 0)
      {
        fsync (dfd);
        close (dfd);
      }
  }
  return TRUE;

failed:
  if (fd >= 0)
    close (fd);
  if (tmp != NULL)
    g_unlink (tmp);
  return fail_errno (error, saved, path, NULL);
}
