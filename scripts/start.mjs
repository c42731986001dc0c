// `npm start`: the desktop app where Electron's binary is installed, otherwise the loopback host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { deskProcessEnv } from './desk-env.mjs';
import { loadsIn, NATIVE_MODULE, run } from './native-module.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function electronExecutable() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const exe = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(exe) ? exe : null;
  } catch {
    return null;
  }
}

function tryDownloadElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return;
  try {
    const installer = join(dirname(require.resolve('electron/package.json')), 'install.js');
    spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 120_000 });
  } catch {
    // No electron package at all: fall through to the host.
  }
}

let electron = electronExecutable();
if (!electron) {
  tryDownloadElectron();
  electron = electronExecutable();
}

if (!electron) {
  console.log('Electron is not installed on this machine; starting the loopback host instead (open the address below in a browser).');
  if (!loadsIn(process.execPath)) run('npm', ['rebuild', NATIVE_MODULE]);
  const host = spawn(process.execPath, ['dist/host/serve.mjs', ...args], { stdio: 'inherit', env: deskProcessEnv() });
  host.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!loadsIn(electron, { ELECTRON_RUN_AS_NODE: '1' })) {
    console.log(`Rebuilding ${NATIVE_MODULE} for Electron (npm test rebuilds it for Node again when needed)…`);
    run('npx', ['electron-builder', 'install-app-deps']);
  }
  const app = spawn(electron, ['.', ...args], { stdio: 'inherit', env: deskProcessEnv() });
  app.on('exit', (code) => process.exit(code ?? 0));
}
