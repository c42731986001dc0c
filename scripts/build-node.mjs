// Bundles the Node side: Electron's main process and preload (CommonJS, as Electron's sandboxed
// preload requires) and the loopback host (ESM). Native and Electron modules stay external.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3-multiple-ciphers'],
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs' }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs' }),
  build({
    ...common,
    entryPoints: ['electron/host/serve.ts'],
    outfile: 'dist/host/serve.mjs',
    format: 'esm',
    // The host runs from the installed tree, so its dependencies load from node_modules.
    packages: 'external',
  }),
]);
