// Network guard for the end-to-end "no network, ever" test (test/e2e/noNetwork.test.mjs). Preloaded into
// code-server with NODE_OPTIONS=--require <this file>; it never changes what a call does, it only writes down
// who made it.
//
//   MENTORING_NETGUARD_LOG    file to append JSON lines to (required: without it the guard does nothing)
//   MENTORING_NETGUARD_PROPAGATE=0  do not add the guard to process.execArgv (to see what NODE_OPTIONS alone reaches)
//   MENTORING_NETGUARD_MATCH  JSON array of path fragments (default ["careerkit.mentoring-outreach"]): a call is
//                             recorded only when a frame of its stack is in a file whose path contains one of
//                             them, i.e. when the extension's own code made it
//
// Lines written: {event:'loaded', pid, argv, execArgv, extensionHost, via} once per process the guard runs in;
// {event:'module', pid, file} the first time a CommonJS module from a matching folder is compiled (proof that the
// extension's code ran in a guarded process); {event:'attempt', pid, api, target, match, stack} for every
// outbound network attempt (and every child process started) from matching code.
//
// How it reaches the extension host: VS Code's server deletes NODE_OPTIONS from the extension host's environment,
// but forks the extension host with the server's own process.execArgv. So, loaded in the server through
// NODE_OPTIONS, the guard adds `--require <this file>` to process.execArgv, and every process the server forks
// after that (the extension host among them) loads it too.
//
// Fail-safe: every hook is wrapped in try/catch, the original is always called with the original arguments and
// its result or exception passed through unchanged; a guard that cannot install a hook just skips it.
'use strict';

(function installNetGuard() {
  const FLAG = Symbol.for('mentoring.netguard.installed');
  try {
    if (globalThis[FLAG]) return;
    Object.defineProperty(globalThis, FLAG, { value: true, enumerable: false });
  } catch {
    return;
  }
  const LOG = process.env.MENTORING_NETGUARD_LOG;
  if (!LOG) return;

  let fs;
  try {
    fs = require('fs');
  } catch {
    return;
  }
  const SELF = __filename;
  const WRAPPED = Symbol('mentoring.netguard.wrapped');
  const MAX_STACK_LINES = 40;

  let patterns = ['careerkit.mentoring-outreach'];
  try {
    const fromEnv = process.env.MENTORING_NETGUARD_MATCH ? JSON.parse(process.env.MENTORING_NETGUARD_MATCH) : null;
    if (Array.isArray(fromEnv) && fromEnv.length && fromEnv.every((p) => typeof p === 'string' && p.length > 0)) patterns = fromEnv;
  } catch {
    /* keep the default */
  }

  function write(record) {
    try {
      fs.appendFileSync(LOG, JSON.stringify({ ...record, pid: process.pid, time: new Date().toISOString() }) + '\n');
    } catch {
      /* never throw into the host */
    }
  }

  /** The current stack as text lines (without this file's frames), with a generous frame limit. */
  function stackLines() {
    const holder = {};
    let limit;
    try {
      limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 200;
      Error.captureStackTrace(holder);
      const text = String(holder.stack ?? '');
      return text
        .split('\n')
        .slice(1)
        .map((l) => l.trim())
        .filter((l) => l && !l.includes(SELF));
    } catch {
      return [];
    } finally {
      try {
        Error.stackTraceLimit = limit;
      } catch {
        /* ignore */
      }
    }
  }

  const matching = (text) => patterns.find((p) => text.includes(p));

  // Re-entrancy: http.request → net.createConnection → Socket#connect is one attempt, recorded by the outermost hook.
  let depth = 0;

  function inspect(api, describe, self, args) {
    try {
      const lines = stackLines();
      let match;
      for (const l of lines) if ((match = matching(l))) break;
      if (!match) return;
      let target = '';
      try {
        target = describe ? String(describe.call(self, ...args)) : '';
      } catch {
        target = '(unknown)';
      }
      write({ event: 'attempt', api, target, match, stack: lines.slice(0, MAX_STACK_LINES) });
    } catch {
      /* never throw into the host */
    }
  }

  function wrapFunction(orig, api, describe) {
    if (typeof orig !== 'function' || orig[WRAPPED]) return orig;
    const wrapped = function (...args) {
      if (depth === 0) inspect(api, describe, this, args);
      depth++;
      try {
        return new.target ? Reflect.construct(orig, args, new.target) : orig.apply(this, args);
      } finally {
        depth--;
      }
    };
    try {
      for (const key of Reflect.ownKeys(orig)) {
        if (key === 'length' || key === 'name' || key === 'prototype' || key === 'arguments' || key === 'caller') continue;
        try {
          Object.defineProperty(wrapped, key, Object.getOwnPropertyDescriptor(orig, key));
        } catch {
          /* skip */
        }
      }
      Object.defineProperty(wrapped, 'name', { value: orig.name, configurable: true });
      Object.defineProperty(wrapped, 'length', { value: orig.length, configurable: true });
      if (orig.prototype !== undefined) wrapped.prototype = orig.prototype;
      Object.setPrototypeOf(wrapped, Object.getPrototypeOf(orig));
      Object.defineProperty(wrapped, WRAPPED, { value: orig });
    } catch {
      /* a less faithful copy still works */
    }
    return wrapped;
  }

  function hook(obj, key, api, describe) {
    try {
      if (!obj) return;
      const orig = obj[key];
      if (typeof orig !== 'function' || orig[WRAPPED]) return;
      obj[key] = wrapFunction(orig, api, describe);
    } catch {
      /* skip this hook */
    }
  }

  // ------------------------------------------------------------------------------------------------------------
  // Describing targets

  function urlOf(x) {
    try {
      if (typeof x === 'string') return x;
      if (x instanceof URL) return x.href;
      if (x && typeof x === 'object' && typeof x.url === 'string') return x.url; // a fetch Request
      return String(x);
    } catch {
      return '(unknown)';
    }
  }

  function httpTarget(defaultProtocol) {
    return function (a, b) {
      if (typeof a === 'string' || a instanceof URL) return urlOf(a);
      const o = a && typeof a === 'object' ? a : b && typeof b === 'object' ? b : {};
      const host = o.hostname ?? o.host ?? 'localhost';
      return `${o.protocol ?? defaultProtocol}//${host}${o.port ? `:${o.port}` : ''}${o.path ?? '/'}${o.socketPath ? ` (socket ${o.socketPath})` : ''}`;
    };
  }

  function socketTarget(a, b) {
    let o = a;
    if (Array.isArray(a)) o = a[0]; // Socket#connect([options, cb]) from net internals
    if (o && typeof o === 'object') {
      if (o.path) return `unix:${o.path}`;
      return `${o.host ?? 'localhost'}:${o.port}`;
    }
    if (typeof o === 'number' || /^\d+$/.test(String(o))) return `${typeof b === 'string' ? b : 'localhost'}:${o}`;
    return `unix:${o}`;
  }

  const firstArg = (a) => urlOf(a);
  const commandLine = (cmd, args) => [cmd, ...(Array.isArray(args) ? args : [])].join(' ');

  // ------------------------------------------------------------------------------------------------------------
  // Hooks

  function tryRequire(id) {
    try {
      return require(id);
    } catch {
      return null;
    }
  }

  const net = tryRequire('net');
  const tls = tryRequire('tls');
  const http = tryRequire('http');
  const https = tryRequire('https');
  const http2 = tryRequire('http2');
  const dns = tryRequire('dns');
  const dgram = tryRequire('dgram');
  const childProcess = tryRequire('child_process');

  if (net) {
    hook(net.Socket && net.Socket.prototype, 'connect', 'net.Socket#connect', socketTarget);
    hook(net, 'connect', 'net.connect', socketTarget);
    hook(net, 'createConnection', 'net.createConnection', socketTarget);
  }
  if (tls) hook(tls, 'connect', 'tls.connect', socketTarget);
  if (http) {
    hook(http, 'request', 'http.request', httpTarget('http:'));
    hook(http, 'get', 'http.get', httpTarget('http:'));
  }
  if (https) {
    hook(https, 'request', 'https.request', httpTarget('https:'));
    hook(https, 'get', 'https.get', httpTarget('https:'));
  }
  if (http2) hook(http2, 'connect', 'http2.connect', firstArg);
  if (dns) {
    const DNS_FUNCTIONS = ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTlsa', 'resolveTxt', 'reverse'];
    for (const f of DNS_FUNCTIONS) {
      hook(dns, f, `dns.${f}`, firstArg);
      hook(dns.Resolver && dns.Resolver.prototype, f, `dns.Resolver#${f}`, firstArg);
      if (dns.promises) {
        hook(dns.promises, f, `dns.promises.${f}`, firstArg);
        hook(dns.promises.Resolver && dns.promises.Resolver.prototype, f, `dns.promises.Resolver#${f}`, firstArg);
      }
    }
  }
  if (dgram && dgram.Socket) {
    hook(dgram.Socket.prototype, 'send', 'dgram.Socket#send', function (_msg, ...rest) {
      const port = rest.find((x) => typeof x === 'number');
      const host = rest.find((x) => typeof x === 'string');
      return `udp:${host ?? '?'}:${port ?? '?'}`;
    });
    hook(dgram.Socket.prototype, 'connect', 'dgram.Socket#connect', (port, host) => `udp:${host ?? 'localhost'}:${port}`);
  }
  if (childProcess) {
    // Not network by itself, but a child process (curl, git, …) is a way around this guard: record it too.
    for (const f of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) hook(childProcess, f, `child_process.${f}`, commandLine);
  }

  // Globals (fetch, WebSocket, EventSource): VS Code's extension host replaces them by assignment with its own
  // proxy-aware versions. An accessor keeps our wrapper outermost, so the caller's frames are on the stack.
  for (const [name, api, describe] of [
    ['fetch', 'fetch', firstArg],
    ['WebSocket', 'WebSocket', firstArg],
    ['EventSource', 'EventSource', firstArg],
  ]) {
    try {
      const desc = Object.getOwnPropertyDescriptor(globalThis, name);
      if (!desc || !desc.configurable) continue;
      let current = wrapFunction(desc.get ? desc.get.call(globalThis) : desc.value, api, describe);
      if (typeof current !== 'function') continue;
      Object.defineProperty(globalThis, name, {
        configurable: true,
        enumerable: desc.enumerable,
        get() {
          return current;
        },
        set(value) {
          try {
            current = wrapFunction(value, api, describe);
          } catch {
            current = value;
          }
        },
      });
    } catch {
      /* leave this global alone */
    }
  }

  try {
    const Module = require('module');
    // undici, if an extension requires it from its own node_modules: wrap its entry points.
    const originalLoad = Module._load;
    if (typeof originalLoad === 'function') {
      Module._load = function (request, ...rest) {
        const exported = originalLoad.call(this, request, ...rest);
        try {
          if (request === 'undici' && exported && typeof exported === 'object' && !exported[WRAPPED]) {
            for (const f of ['fetch', 'request', 'stream', 'pipeline', 'connect', 'upgrade']) hook(exported, f, `undici.${f}`, firstArg);
            Object.defineProperty(exported, WRAPPED, { value: true });
          }
        } catch {
          /* ignore */
        }
        return exported;
      };
    }
    // Positive control: the first time a CommonJS module from a matching folder is compiled in this process.
    const seen = new Set();
    const compile = Module.prototype._compile;
    if (typeof compile === 'function') {
      Module.prototype._compile = function (content, filename, ...rest) {
        try {
          const match = typeof filename === 'string' ? matching(filename) : undefined;
          if (match && !seen.has(filename)) {
            seen.add(filename);
            write({ event: 'module', file: filename, match });
          }
        } catch {
          /* ignore */
        }
        return compile.call(this, content, filename, ...rest);
      };
    }
    // ESM code importing node:net & co. sees the hooked functions too.
    if (typeof Module.syncBuiltinESMExports === 'function') Module.syncBuiltinESMExports();
  } catch {
    /* ignore */
  }

  // Carry the guard into every process Node forks from here with the default execArgv (the extension host).
  let via = 'NODE_OPTIONS';
  try {
    const argv = process.execArgv;
    const present = argv.some((a, i) => (a === SELF && (argv[i - 1] === '--require' || argv[i - 1] === '-r')) || a === `--require=${SELF}`);
    if (present) via = 'execArgv';
    else if (process.env.MENTORING_NETGUARD_PROPAGATE !== '0') argv.push('--require', SELF);
  } catch {
    /* ignore */
  }

  write({
    event: 'loaded',
    argv: process.argv,
    execArgv: process.execArgv,
    ppid: process.ppid,
    extensionHost: process.argv.includes('--type=extensionHost'),
    via,
    nodeOptions: process.env.NODE_OPTIONS ?? null,
    patterns,
  });
})();
