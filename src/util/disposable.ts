/**
 * The one way a type owns what it must dispose: extend `Disposable` and `_register` each resource as it is
 * made. `dispose()` releases them newest first, once; anything registered after that is disposed at once.
 * Plain TypeScript (structurally a `vscode.Disposable`), so the store and the views use it in plain Node too.
 */
export interface IDisposable {
  dispose(): void;
}

export abstract class Disposable implements IDisposable {
  private readonly owned: IDisposable[] = [];
  private disposedAlready = false;

  /** True once dispose() has run. */
  protected get isDisposed(): boolean {
    return this.disposedAlready;
  }

  /** Takes ownership of `resource` and returns it, so it can be registered where it is made. */
  protected _register<T extends IDisposable>(resource: T): T {
    if (this.disposedAlready) resource.dispose();
    else this.owned.push(resource);
    return resource;
  }

  dispose(): void {
    if (this.disposedAlready) return;
    this.disposedAlready = true;
    const errors: unknown[] = [];
    while (this.owned.length > 0) {
      try {
        this.owned.pop()!.dispose();
      } catch (e) {
        errors.push(e);
      }
    }
    // Every resource was released; the first failure is still reported.
    if (errors.length > 0) throw errors[0];
  }
}
