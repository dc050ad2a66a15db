/** The outcome of every domain operation: a value, or the reason it was refused (shown to the person). */
export type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function refuse<T>(reason: string): Result<T> {
  return { ok: false, reason };
}
