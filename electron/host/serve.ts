// `npm run serve`: the loopback host. The same API as the desktop app, over HTTP on 127.0.0.1,
// for testing the real UI in a real browser and for a PC without Electron.
import { fileURLToPath } from 'node:url';
import { createArchiveApi } from '../api';
import { createDispatcher } from '../dispatch';
import { chromiumPdfRenderer } from '../pdf/chromium-pdf-renderer';
import { fileOffsetClock, systemClock } from '../services/clock';
import { archiveDirFromArgs } from '../services/paths';
import { ArchiveVault } from '../services/vault';
import { startLoopbackHost } from './server';

function numberArg(name: string): number | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}

function stringArg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const archiveDir = archiveDirFromArgs(process.argv);
const offsetFile = stringArg('--clock-offset-file');
const clock = offsetFile ? fileOffsetClock(offsetFile) : systemClock;
const vault = new ArchiveVault(archiveDir, clock);
const pdf = chromiumPdfRenderer();
// --hold-job-at <phase>: a browser test's hook, like the clock offset (a job held there until cancelled).
const holdFirstJobAt = stringArg('--hold-job-at');
// --no-text-reading: scanned pages are not read in the background (browser tests not about it).
const readText = !process.argv.includes('--no-text-reading');
const dispatch = createDispatcher(createArchiveApi({ vault, clock, dailyBackup: true, pdf, holdFirstJobAt, readText }));
const staticDir = fileURLToPath(new URL('../renderer/', import.meta.url));

// Scans travel as base64 in JSON: 20 MB of scan is about 27 MB of request.
const host = await startLoopbackHost({ dispatch, staticDir, port: numberArg('--port') ?? 0, maxBodyBytes: 64 * 1024 * 1024 });
console.log(`客户档案台 Archive Desk — archive: ${archiveDir}`);
console.log(`Open in your browser: ${host.openUrl}`);
if (offsetFile) console.log(`Test clock: offset read from ${offsetFile}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await vault.lock().catch((error) => console.error(error));
  await pdf.close().catch((error) => console.error(error));
  await host.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
