/* fuzz-replay.c: run a fuzz target on every file of a corpus, without libFuzzer.
 *
 *   fuzz-TARGET-replay PATH…
 *
 * Each PATH is a file or a directory (its files, not recursive, in name order;
 * names starting with '.' are skipped). Each input runs in a child process of
 * its own, so one crash does not hide the next, with an alarm of
 * FUZZ_REPLAY_TIMEOUT seconds (default 60). Exits 0 when every input passed,
 * 1 when one crashed, aborted, leaked or timed out (each is listed), and 2
 * when a PATH cannot be read or there is nothing to run.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fuzz-common.h"

/* A target need not define it (libFuzzer's convention). */
int LLVMFuzzerInitialize (int *argc, char ***argv) __attribute__ ((weak));

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static gboolean
collect (const char *path, GPtrArray *files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          fprintf (stderr, "fuzz-replay: %s: not a file or directory\n", path);
          return FALSE;
        }
      g_ptr_array_add (files, g_strdup (path));
      return TRUE;
    }
  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      fprintf (stderr, "fuzz-replay: %s\n", error->message);
      return FALSE;
    }
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, names->pdata[i], NULL);
      if (g_file_test (file, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_steal_pointer (&file));
    }
  return TRUE;
}

typedef struct {
  const uint8_t *data;
  size_t         len;
} Input;

static void *
run_input (void *data)
{
  Input *input = data;

  LLVMFuzzerTestOneInput (input->data, input->len);
  return NULL;
}

/* Runs one input in a child; returns NULL when it passed, else what happened. */
static char *
run_one (const char *path, guint timeout)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  pid_t pid;
  int status;

  if (!g_file_get_contents (path, &contents, &len, &error))
    return g_strdup_printf ("cannot be read: %s", error->message);
  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  if (pid < 0)
    return g_strdup_printf ("fork: %s", g_strerror (errno));
  if (pid == 0)
    {
      /* Exactly @len bytes, so reading one past the end is caught. */
      Input input = { g_malloc (MAX (len, 1)), len };
      pthread_t thread;

      memcpy ((uint8_t *) input.data, contents, len);
      g_clear_pointer (&contents, g_free);
      alarm (timeout);
      /* On a thread of its own, whose stack is gone by the leak check: a
       * stale pointer left there would hide a leak from LeakSanitizer. */
      if (pthread_create (&thread, NULL, run_input, &input) != 0 ||
          pthread_join (thread, NULL) != 0)
        {
          fprintf (stderr, "fuzz-replay: cannot start a thread\n");
          _exit (3);
        }
      g_free ((uint8_t *) input.data);
      exit (0);   /* not _exit: LeakSanitizer checks at exit */
    }
  while (waitpid (pid, &status, 0) < 0)
    if (errno != EINTR)
      return g_strdup_printf ("waitpid: %s", g_strerror (errno));
  if (WIFEXITED (status) && WEXITSTATUS (status) == 0)
    return NULL;
  if (WIFSIGNALED (status) && WTERMSIG (status) == SIGALRM)
    return g_strdup_printf ("timed out after %u s", timeout);
  if (WIFSIGNALED (status))
    return g_strdup_printf ("killed by signal %d (%s)", WTERMSIG (status), g_strsignal (WTERMSIG (status)));
  return g_strdup_printf ("exited with status %d", WEXITSTATUS (status));
}

int
main (int argc, char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) failed = g_ptr_array_new_with_free_func (g_free);
  const char *env = g_getenv ("FUZZ_REPLAY_TIMEOUT");
  guint timeout = env ? (guint) g_ascii_strtoull (env, NULL, 10) : 60;
  g_autofree char *prog = g_path_get_basename (argv[0]);

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FILE-OR-DIRECTORY…\n", prog);
      return 2;
    }
  for (int i = 1; i < argc; i++)
    if (!collect (argv[i], files))
      return 2;
  if (files->len == 0)
    {
      fprintf (stderr, "%s: no inputs in the paths given\n", prog);
      return 2;
    }
  if (LLVMFuzzerInitialize != NULL)
    LLVMFuzzerInitialize (&argc, &argv);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = files->pdata[i];
      g_autofree char *why = run_one (path, timeout ? timeout : 60);

      if (why != NULL)
        {
          fprintf (stderr, "%s: FAILED %s: %s\n", prog, path, why);
          g_ptr_array_add (failed, g_strdup_printf ("%s: %s", path, why));
        }
    }
  printf ("%s: %u inputs replayed, %u passed, %u failed\n", prog, files->len,
          files->len - failed->len, failed->len);
  for (guint i = 0; i < failed->len; i++)
    printf ("  FAILED %s\n", (char *) failed->pdata[i]);
  return failed->len ? 1 : 0;
}
