import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built once and loaded from disk by Electron (file://) or served by the
// loopback host, so asset paths are relative and nothing is fetched from a network.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});
