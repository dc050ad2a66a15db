import * as assert from 'node:assert/strict';
import { Disposable } from '../../../src/util/disposable';

class Owner extends Disposable {
  add<T extends { dispose(): void }>(r: T): T {
    return this._register(r);
  }
  get gone(): boolean {
    return this.isDisposed;
  }
}

function resource(log: string[], name: string, fail = false) {
  return {
    dispose() {
      log.push(name);
      if (fail) throw new Error(`${name} failed`);
    },
  };
}

describe('Disposable base', () => {
  it('releases what it owns newest first, once', () => {
    const log: string[] = [];
    const o = new Owner();
    o.add(resource(log, 'a'));
    o.add(resource(log, 'b'));
    o.dispose();
    o.dispose();
    assert.deepEqual(log, ['b', 'a']);
    assert.equal(o.gone, true);
  });

  it('disposes at once what is registered after dispose()', () => {
    const log: string[] = [];
    const o = new Owner();
    o.dispose();
    o.add(resource(log, 'late'));
    assert.deepEqual(log, ['late']);
  });

  it('releases every resource even when one throws, then reports the failure', () => {
    const log: string[] = [];
    const o = new Owner();
    o.add(resource(log, 'a'));
    o.add(resource(log, 'b', true));
    o.add(resource(log, 'c'));
    assert.throws(() => o.dispose(), /b failed/);
    assert.deepEqual(log, ['c', 'b', 'a']);
  });

  it('survives a resource whose disposal disposes the owner again (a panel closing itself)', () => {
    const log: string[] = [];
    const o = new Owner();
    o.add({ dispose: () => { log.push('panel'); o.dispose(); } });
    o.add(resource(log, 'listener'));
    o.dispose();
    assert.deepEqual(log, ['listener', 'panel']);
  });
});
