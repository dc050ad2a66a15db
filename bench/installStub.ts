/**
 * Imported first by the plain-Node benchmarks: from here on `require('vscode')` returns the stub, so modules
 * imported after this one (the tree, the store) load in plain Node.
 */
import { installVscodeStub } from './vscodeStub';

installVscodeStub();
