/** A minimal event emitter with VS Code's `Event` shape, usable in plain Node tests. */
export interface Disposable {
  dispose(): void;
}

export type Listener<T> = (value: T) => void;
export type Event<T> = (listener: Listener<T>) => Disposable;

export class Emitter<T> implements Disposable {
  private listeners = new Set<Listener<T>>();

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (e) {
        // One faulty listener must not stop the others, nor the write that fired the event.
        console.error('[mentoring] listener failed', e);
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
