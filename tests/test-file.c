/* test-file.c: the one reader and the one writer (lf-file.h) against what a
 * hostile user and a full disk do: FIFOs, devices, folders, growing and
 * oversized files, symbolic links, private files, a write that fails half way. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "lf-file.h"
#include "lf-json.h"
#include "lf-test-util.h"

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
assert_one_line (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_cmpstr (error->message, !=, "");
}

/* ---- writing --------------------------------------------------------------------- */

static void
test_replace_new_file_mode (void)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *a = g_build_filename (dir, "a.csv", NULL);
  g_autofree char *b = g_build_filename (dir, "b.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  struct stat st;
  mode_t old = umask (022);

  g_assert_true (lf_file_replace (a, "x\n", 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (a, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0644);

  umask (077);
  g_assert_true (lf_file_replace (b, "y\n", 2, &error));
  g_assert_cmpint (g_stat (b, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  umask (old);

  /* Nothing but the two files: no temporary left beside them. */
  names = lf_test_list_dir (dir, " ");
  g_assert_cmpstr (names, ==, "a.csv b.csv");
  lf_test_remove_tree (dir);
}

static void
test_replace_keeps_mode (void)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "private.landfall", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  struct stat st;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_true (lf_file_replace (path, "new", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "new");

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (lf_file_replace (path, "newer", 5, &error));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  lf_test_remove_tree (dir);
}

static void
test_replace_follows_symlinks (void)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *sub = g_build_filename (dir, "reports", NULL);
  g_autofree char *real = g_build_filename (sub, "chart.png", NULL);
  g_autofree char *link1 = g_build_filename (dir, "latest.png", NULL);
  g_autofree char *link2 = g_build_filename (dir, "link-to-link.png", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.png", NULL);
  g_autofree char *dangling_target = g_build_filename (sub, "new.png", NULL);
  g_autofree char *loop = g_build_filename (dir, "loop.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *text2 = NULL, *names = NULL, *sub_names = NULL;
  struct stat st;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (g_chmod (real, 0600), ==, 0);
  /* A relative link, and a link to that link. */
  g_assert_cmpint (symlink ("reports/chart.png", link1), ==, 0);
  g_assert_cmpint (symlink ("latest.png", link2), ==, 0);

  g_assert_true (lf_file_replace (link2, "new", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lstat (link1, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (lstat (link2, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  text = read_text (real);
  g_assert_cmpstr (text, ==, "new");
  g_assert_cmpint (g_stat (real, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  /* A dangling link names the file to create. */
  g_assert_cmpint (symlink ("reports/new.png", dangling), ==, 0);
  g_assert_true (lf_file_replace (dangling, "made", 4, &error));
  g_assert_no_error (error);
  text2 = read_text (dangling_target);
  g_assert_cmpstr (text2, ==, "made");
  g_assert_cmpint (lstat (dangling, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));

  /* A loop of links is refused in one line. */
  g_assert_cmpint (symlink ("loop.png", loop), ==, 0);
  g_assert_false (lf_file_replace (loop, "x", 1, &error));
  assert_one_line (error);
  g_clear_error (&error);

  names = lf_test_list_dir (dir, " ");
  g_assert_cmpstr (names, ==, "dangling.png latest.png link-to-link.png loop.png reports");
  sub_names = lf_test_list_dir (sub, " ");
  g_assert_cmpstr (sub_names, ==, "chart.png new.png");
  lf_test_remove_tree (dir);
}

/* A full disk, as the writer sees it: RLIMIT_FSIZE makes write() fail with
 * EFBIG part way, exactly where a full disk gives ENOSPC. */
static void
test_replace_full_disk_keeps_old_file (void)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *old = g_strnfill (20000, 'o');
  g_autofree char *big = g_strnfill (200000, 'n');
  g_autofree char *text = NULL, *names = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit saved, small;
  void (*old_handler) (int);

  g_assert_true (g_file_set_contents (path, old, -1, NULL));

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  old_handler = signal (SIGXFSZ, SIG_IGN);
  small = saved;
  small.rlim_cur = 65536;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  g_assert_false (lf_file_replace (path, big, strlen (big), &error));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_nonnull (error);
  assert_one_line (error);
  g_assert_true (strstr (error->message, path) != NULL);
  /* The old file byte for byte, and nothing else in the folder. */
  text = read_text (path);
  g_assert_cmpstr (text, ==, old);
  names = lf_test_list_dir (dir, " ");
  g_assert_cmpstr (names, ==, "chart.png");
  lf_test_remove_tree (dir);
}

static void
test_replace_refuses_non_files (void)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *sub = g_build_filename (dir, "folder", NULL);
  g_autofree char *slash = g_strconcat (dir, "/new.png/", NULL);
  g_autofree char *nl = g_build_filename (dir, "no-such\nfolder", "x.png", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_false (lf_file_replace (sub, "x", 1, &error));
  g_assert_error (error, LF_FILE_ERROR, LF_FILE_ERROR_NOT_REGULAR);
  assert_one_line (error);
  g_clear_error (&error);

  g_assert_false (lf_file_replace ("", "x", 1, &error));
  g_assert_cmpstr (error->message, ==, "the file name is empty");
  g_clear_error (&error);

  g_assert_false (lf_file_replace (slash, "x", 1, &error));
  assert_one_line (error);
  g_clear_error (&error);

  /* A path with a newline: the message stays one line and shows it escaped. */
  g_assert_false (lf_file_replace (nl, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  assert_one_line (error);
  g_assert_nonnull (strstr (error->message, "no-such\\nfolder"));
  g_clear_error (&error);

  if (g_file_test ("/dev/null", G_FILE_TEST_EXISTS))
    {
      g_assert_false (lf_file_replace ("/dev/null", "x", 1, &error));
      g_assert_error (error, LF_FILE_ERROR, LF_FILE_ERROR_NOT_REGULAR);
      g_assert_cmpstr (error->message, ==, "/dev/null: is a device, not a regular file");
      g_clear_error (&error);
    }
  names = lf_test_list_dir (dir, " ");
  g_assert_cmpstr (names, ==, "folder");
  lf_test_remove_tree (dir);
}

/* ---- reading --------------------------------------------------------------------- */

static void
test_read_regular (void)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "a.landfall", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty", NULL);
  g_autoptr(GBytes) bytes = NULL, none = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "0123456789", -1, NULL));
  bytes = lf_file_read (path, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "0123456789", 10);

  g_assert_true (g_file_set_contents (empty, "", -1, NULL));
  none = lf_file_read (empty, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (none), ==, 0);
  lf_test_remove_tree (dir);
}

static void
test_read_over_cap (void)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "big", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "01234567890", -1, NULL));
  g_assert_null (lf_file_read (path, 10, &error));
  g_assert_error (error, LF_FILE_ERROR, LF_FILE_ERROR_TOO_LARGE);
  expected = g_strdup_printf ("%s: file is 11 bytes, larger than the 10-byte limit", path);
  g_assert_cmpstr (error->message, ==, expected);
  lf_test_remove_tree (dir);
}

/* Devices, folders and FIFOs are refused at once: a FIFO with no writer must
 * not block (the test would hang), /dev/zero must not be read to exhaustion. */
static void
test_read_refuses_non_files (void)
{
  g_autofree char *dir = lf_test_make_temp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autofree char *file = g_build_filename (dir, "file", NULL);
  g_autofree char *slash = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  alarm (10);   /* a hang fails the test instead of stopping the suite */
  g_assert_null (lf_file_read (fifo, 1024, &error));
  alarm (0);
  g_assert_error (error, LF_FILE_ERROR, LF_FILE_ERROR_NOT_REGULAR);
  expected = g_strdup_printf ("%s: is a pipe (FIFO), not a regular file", fifo);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  g_assert_null (lf_file_read (dir, 1024, &error));
  g_assert_error (error, LF_FILE_ERROR, LF_FILE_ERROR_NOT_REGULAR);
  g_clear_error (&error);

  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_assert_null (lf_file_read ("/dev/zero", 1024, &error));
      g_assert_cmpstr (error->message, ==, "/dev/zero: is a device, not a regular file");
      g_clear_error (&error);
    }

  /* "file/" names a folder that is not there, not the file. */
  g_assert_true (g_file_set_contents (file, "{}", -1, NULL));
  slash = g_strconcat (file, "/", NULL);
  g_assert_null (lf_file_read (slash, 1024, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  assert_one_line (error);
  g_clear_error (&error);

  g_assert_null (lf_file_read ("", 1024, &error));
  g_assert_cmpstr (error->message, ==, "the file name is empty");
  lf_test_remove_tree (dir);
}

/* ---- JSON ------------------------------------------------------------------------ */

static void
assert_json_refused (const char *text, gssize len, const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = lf_json_parse (text, len < 0 ? strlen (text) : (gsize) len, &error);

  g_assert_null (node);
  g_assert_nonnull (error);
  assert_one_line (error);
  if (expected != NULL)
    g_assert_cmpstr (error->message, ==, expected);
}

static void
test_json_checks (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) ok_depth = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL, pair = NULL, brackets = NULL;

  assert_json_refused ("", 0, "file is empty");
  assert_json_refused (NULL, 0, "file is empty");
  assert_json_refused ("{\"a\": \"\\ud800\"}", -1,
                       "line 1: \\ud800 is half of a UTF-16 surrogate pair, alone");
  assert_json_refused ("{\"a\": \"\\uDFFF\"}", -1,
                       "line 1: \\udfff is half of a UTF-16 surrogate pair, alone");
  /* json-glib would decode a short escape into bytes that are not UTF-8. */
  assert_json_refused ("{\"a\": \"x\\ud8z00y\"}", -1,
                       "line 1: \\u must be followed by four hexadecimal digits");
  assert_json_refused ("{\"a\": \"\\u12\"}", -1,
                       "line 1: \\u must be followed by four hexadecimal digits");
  assert_json_refused ("{\"a\": \"\\u0000\"}", -1,
                       "line 1: \\u0000 (a NUL character) is not allowed in text");
  assert_json_refused ("{\"a\": 1, \"b\": {\"c\": 1, \"c\": 2}}", -1,
                       "b: member “c” appears more than once");
  assert_json_refused ("{\"a\": [{\"x\": 1}, {\"y\": 1, \"y\": 1}]}", -1,
                       "a[1]: member “y” appears more than once");
  /* The same name spelled two ways is the same name. */
  assert_json_refused ("{\"ab\": 1, \"\\u0061b\": 2}", -1, "member “ab” appears more than once");
  assert_json_refused ("{\"a\":\n\"\xed\xa0\x80\"}", -1,
                       "line 2: not UTF-8 text (an invalid byte sequence)");
  assert_json_refused ("{\"a\": 1}\0", 9, "line 1: not UTF-8 text (a NUL byte)");
  assert_json_refused ("{\"a\": ", -1, NULL);
  /* One value only: json-glib would keep the last and leak the others. */
  assert_json_refused ("{\"a\": 1} {\"a\": 2}", -1, "line 1: more text after the end of the JSON object");
  assert_json_refused ("1 {\"a\": 2}", -1, "line 1: the text must be one JSON object");
  assert_json_refused ("{\"a\": \"x\\qy\"}", -1, "line 1: \\q is not an escape JSON knows");

  for (int i = 0; i < 100000; i++)
    g_string_append_c (deep, i % 2 ? '{' : '[');
  assert_json_refused (deep->str, deep->len, "line 1: nested more than 64 levels deep");

  /* Exactly the limit is fine, and brackets inside strings do not count. */
  for (int i = 0; i < LF_JSON_MAX_DEPTH; i++)
    g_string_append_c (ok_depth, '[');
  for (int i = 0; i < LF_JSON_MAX_DEPTH; i++)
    g_string_append_c (ok_depth, ']');
  node = lf_json_parse (ok_depth->str, ok_depth->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  {
    g_autofree char *inner = g_strnfill (100, '[');
    g_autofree char *text = g_strdup_printf ("{\"a\": \"%s\\\"\"}", inner);
    brackets = lf_json_parse (text, strlen (text), &error);
  }
  g_assert_no_error (error);
  g_assert_nonnull (brackets);
  /* A real pair is text like any other. */
  pair = lf_json_parse ("{\"a\": \"\\ud83d\\ude97\"}", strlen ("{\"a\": \"\\ud83d\\ude97\"}"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (pair), "a"), ==, "🚗");
}

static void
test_one_line (void)
{
  g_autofree char *a = lf_text_one_line ("a\nb\tc\rd\x01", -1);
  g_autofree char *b = lf_text_one_line ("caf\xe9", -1);
  g_autofree char *long_text = g_strnfill (1000, 'x');
  g_autofree char *c = lf_text_one_line (long_text, -1);

  g_assert_cmpstr (a, ==, "a\\nb\\tc\\rd\\u0001");
  g_assert_cmpstr (b, ==, "caf\xef\xbf\xbd");
  g_assert_cmpint (g_utf8_strlen (c, -1), ==, 401);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/landfall/file/replace/new-file-mode", test_replace_new_file_mode);
  g_test_add_func ("/landfall/file/replace/keeps-mode", test_replace_keeps_mode);
  g_test_add_func ("/landfall/file/replace/follows-symlinks", test_replace_follows_symlinks);
  g_test_add_func ("/landfall/file/replace/full-disk", test_replace_full_disk_keeps_old_file);
  g_test_add_func ("/landfall/file/replace/non-files", test_replace_refuses_non_files);
  g_test_add_func ("/landfall/file/read/regular", test_read_regular);
  g_test_add_func ("/landfall/file/read/over-cap", test_read_over_cap);
  g_test_add_func ("/landfall/file/read/non-files", test_read_refuses_non_files);
  g_test_add_func ("/landfall/file/json", test_json_checks);
  g_test_add_func ("/landfall/file/one-line", test_one_line);
  return g_test_run ();
}
