/** The daily refresh: due flags depend on the date, so the views are refreshed just after each local midnight. */
import type * as vscode from 'vscode';
import type { Clock } from '../domain/dates';

export function midnightRefresh(clock: Clock, refresh: () => void): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    const now = clock();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5);
    timer = setTimeout(() => {
      refresh();
      schedule();
    }, Math.max(1_000, next.getTime() - now.getTime()));
  };
  // Scheduled on the event loop's next turn, after activation: the first local-time computation loads the
  // time-zone data, which an empty journal does not otherwise need at startup.
  const first = setImmediate(schedule);
  return {
    dispose: () => {
      clearImmediate(first);
      clearTimeout(timer);
    },
  };
}
