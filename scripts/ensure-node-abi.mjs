// Run before the tests and the loopback host: if `npm start` last rebuilt the native module for
// Electron, rebuild it for Node (from source where no prebuilt binary can be fetched).
import { loadsIn, NATIVE_MODULE, run } from './native-module.mjs';

if (!loadsIn(process.execPath)) {
  console.log(`${NATIVE_MODULE} is not built for this Node.js; rebuilding it (a few minutes from source)…`);
  run('npm', ['rebuild', NATIVE_MODULE]);
}
