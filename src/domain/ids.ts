/** Record ids. Small on purpose: the import plan (in the activation bundle) needs it without the drafting code. */

/** Makes ids like "a-k3j9x2": short, unique within the journal. */
export function makeId(prefix: string, taken: ReadonlySet<string>, random: () => number = Math.random): string {
  for (;;) {
    const id = `${prefix}-${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}`;
    if (!taken.has(id)) return id;
  }
}
