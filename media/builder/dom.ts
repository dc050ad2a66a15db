// Tiny DOM helpers for the builder. Text is only ever set as text (textContent, value): nothing the
// user typed is parsed as markup.

import type { IconName } from './icons';

type Attrs = Record<string, string | number | boolean | undefined | null | ((e: Event) => void)>;
type Child = Node | string | null | undefined | false;

/** Creates an element. `on…` attributes become listeners; `false`/null/undefined attributes are left out. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'value' && 'value' in el) (el as HTMLInputElement).value = String(value);
    else if (key === 'checked' && el instanceof HTMLInputElement) el.checked = Boolean(value);
    else if (key === 'selected' && el instanceof HTMLOptionElement) el.selected = Boolean(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/** A codicon (decorative: hidden from screen readers); only those in icons.ts are shipped. */
export function icon(name: IconName): HTMLElement {
  return h('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}

/**
 * Replaces the children of `parent`, keeping keyboard focus (and the caret) on the element with the
 * same `data-key` if there is one in the new content.
 */
export function replaceChildren(parent: HTMLElement, ...children: Child[]): void {
  const restoreFocus = keepFocus(parent);
  parent.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
  restoreFocus();
}

/**
 * Notes which element inside `root` has keyboard focus (by its `data-key`) and its caret; the returned function
 * puts both back on the element with that key if the focus was lost in between (a re-render).
 */
export function keepFocus(root: HTMLElement): () => void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && root.contains(active) ? active.dataset.key : undefined;
  const caret = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? ([active.selectionStart, active.selectionEnd] as const) : null;
  return () => {
    if (!key) return;
    const next = root.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
    if (!next || next === document.activeElement) return;
    next.focus();
    if (caret && (next instanceof HTMLInputElement || next instanceof HTMLTextAreaElement) && next.type !== 'number') {
      try {
        next.setSelectionRange(caret[0] ?? null, caret[1] ?? null);
      } catch {
        /* not a text control */
      }
    }
  };
}

export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { flush(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: A | undefined;
  const run = (...args: A) => {
    last = args;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (last) fn(...last);
    }, ms);
  };
  run.flush = () => {
    if (timer === undefined || !last) return;
    clearTimeout(timer);
    timer = undefined;
    fn(...last);
  };
  return run;
}
