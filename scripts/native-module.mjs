// better-sqlite3-multiple-ciphers is a native module built for one runtime at a time: Node's
// (tests, the loopback host) or Electron's (the desktop app). These helpers tell which one it
// is built for and rebuild it for the other when needed.
import { spawnSync } from 'node:child_process';

export const NATIVE_MODULE = 'better-sqlite3-multiple-ciphers';

/** True when the module loads in the given runtime (node, or electron run as node). */
export function loadsIn(executable, env = {}) {
  const probe = `const D=require('${NATIVE_MODULE}'); new D(':memory:').close();`;
  const result = spawnSync(executable, ['-e', probe], { env: { ...process.env, ...env }, encoding: 'utf8' });
  return result.status === 0;
}

export function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
