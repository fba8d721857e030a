// Shared by the search box and the playground (saving code, re-running the check).
/** Calls `run` at most every `wait` ms while changes keep coming; `now()` runs it immediately. */
export function debounced(run: () => void, wait: number): { schedule(): void; now(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    schedule() {
      timer ??= setTimeout(() => {
        timer = undefined;
        run();
      }, wait);
    },
    now() {
      clearTimeout(timer);
      timer = undefined;
      run();
    },
  };
}
