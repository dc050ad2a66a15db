/**
 * Local calendar dates. The clock is always injected — nothing here reads the global time.
 */

/** Returns "now". Production passes `() => new Date()`; tests pass a fixed or movable clock. */
export type Clock = () => Date;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** The user's local calendar date of an instant, as YYYY-MM-DD. */
export function localDate(instant: Date): string {
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayNumber(to) - dayNumber(from)) / 86_400_000);
}

/** "15 Jan", or "15 Jan 2027" when the year differs from `today`'s. */
export function shortDate(date: string, today: string): string {
  const [y, m, d] = date.split('-');
  const month = MONTHS[Number(m) - 1] ?? '?';
  const sameYear = today.slice(0, 4) === y;
  return sameYear ? `${Number(d)} ${month}` : `${Number(d)} ${month} ${y}`;
}

function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
