/**
 * How the dev server reloads the hub when content files change: one load at a time, and one more
 * after it when files changed meanwhile. An editor's save often reaches the watcher as two events
 * (the file emptied, then written); two loads at once could finish in either order, and the hub
 * would keep what the older one read.
 */

/**
 * Why: the last load must start after the last change, and only its result is announced.
 * Returns the function to call on each change; `load` reads the files, `loaded` runs once the
 * files have settled (print the problems, reload the browser).
 */
export function reloadQueue(load: () => Promise<unknown>, loaded: () => void): () => Promise<void> {
  let loading: Promise<void> | undefined;
  let changedMeanwhile = false;
  return () => {
    if (loading) {
      changedMeanwhile = true;
      return loading;
    }
    loading = (async () => {
      do {
        changedMeanwhile = false;
        await load();
      } while (changedMeanwhile);
      loaded();
    })().finally(() => {
      loading = undefined;
    });
    return loading;
  };
}
