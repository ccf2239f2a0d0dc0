/**
 * Runs asynchronous tasks one after another, each starting when the one before has settled. The panel sends its
 * layout changes through one: the background handles requests concurrently, so a quick "collapse" then "open"
 * could otherwise be stored in the opposite order and leave the article folded for every later visit. The
 * background follows catalog changes through another, so that feeds refreshed together never handle a tab twice.
 */
export function inOrder(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = last.then(task, task);
    last = run.catch(() => undefined);
    return run;
  };
}
