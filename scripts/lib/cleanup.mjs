// One place that knows what this process started (code-server process groups, browsers, temp folders) and
// tears it down on a normal end, on Ctrl+C / SIGTERM / SIGHUP, and on an uncaught exception.
import fs from 'node:fs';

/** @type {Set<{name: string, stop: () => Promise<void>, stopSync: () => void}>} */
const resources = new Set();
let installed = false;
let exiting = false;
let orphaned = false;
/** Exit code after a signal has stopped everything (default 128 + signal number, as a shell reports it). */
let signalExitCode = (sig, num) => 128 + num;

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };

function install() {
  if (installed) return;
  installed = true;
  // Last resort, synchronous: runs on process.exit() and after an uncaught exception.
  process.on('exit', () => {
    for (const r of [...resources].reverse()) {
      try {
        r.stopSync();
      } catch {
        /* best effort */
      }
    }
  });
  for (const [sig, num] of Object.entries(SIGNALS)) {
    process.on(sig, () => {
      if (exiting) return;
      exiting = true;
      process.stderr.write(`\n[harness] ${orphaned ? 'parent process gone' : sig}: stopping…\n`);
      const code = signalExitCode(sig, num);
      const hardStop = setTimeout(() => process.exit(code), 10_000);
      hardStop.unref();
      stopAll().finally(() => process.exit(code));
    });
  }
}

/** True once a signal has started the teardown: start nothing new then. */
export function shuttingDown() {
  return exiting;
}

/** Chooses the exit code after a signal (e.g. 0 for `npm start`, where Ctrl+C is the normal way to stop). */
export function setSignalExitCode(fn) {
  signalExitCode = fn;
  install();
}

/**
 * Stops everything and exits (like SIGTERM) when this process loses its parent: `npm start` / `npm test` forward
 * a SIGTERM to their shell, not to us, and leave us running with init as our parent.
 */
export function exitWhenOrphaned(intervalMs = 1000) {
  install();
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent || exiting) return;
    clearInterval(timer);
    orphaned = true;
    process.emit('SIGTERM', 'SIGTERM');
  }, intervalMs);
  timer.unref();
}

/** Installs the signal handlers now (they are installed anyway with the first tracked resource). */
export function handleSignals() {
  install();
}

/**
 * Registers something to tear down. Returns a function that unregisters it (call it after a clean stop).
 * @param {{name: string, stop: () => Promise<void>, stopSync: () => void}} resource
 */
export function track(resource) {
  install();
  resources.add(resource);
  return () => resources.delete(resource);
}

/** Stops everything still registered, newest first. */
export async function stopAll() {
  for (const r of [...resources].reverse()) {
    resources.delete(r);
    try {
      await r.stop();
    } catch (e) {
      process.stderr.write(`[harness] stopping ${r.name} failed: ${e?.message ?? e}\n`);
      try {
        r.stopSync();
      } catch {
        /* best effort */
      }
    }
  }
}

/** True if a process with this id exists. */
export function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/**
 * Ids of the processes (other than this one) whose environment holds NAME=VALUE: everything a code-server we
 * started has spawned inherits our marker variable, even a helper that left the process group.
 */
export function pidsWithEnv(name, value) {
  const needle = `${name}=${value}`;
  const found = [];
  let entries;
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return found;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    const pid = Number(e);
    if (pid === process.pid) continue;
    try {
      const env = fs.readFileSync(`/proc/${pid}/environ`, 'latin1');
      if (env.split('\0').includes(needle)) found.push(pid);
    } catch {
      /* gone or not ours */
    }
  }
  return found;
}

/** Kills a process group (by its leader's id) and the processes carrying our marker, with `signal`. */
export function killTree(pgid, marker, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    /* already gone */
  }
  if (marker) {
    for (const pid of pidsWithEnv(marker.name, marker.value)) {
      try {
        process.kill(pid, signal);
      } catch {
        /* already gone */
      }
    }
  }
}
