// The Electron main process: one window, one IPC channel, the archive owned here. Everything of
// substance lives in services/ and is tested without Electron; this file only wires it up.
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { join } from 'node:path';
import { createArchiveApi } from './api';
import { APP_INDEX_URL, APP_SCHEME, isAppUrl, resolveAppRequest } from './app-protocol';
import { createDispatcher } from './dispatch';
import { methodNames } from './features';
import { registerArchiveIpc } from './ipc';
import { electronPdfRenderer } from './pdf/electron-pdf-renderer';
import { systemClock } from './services/clock';
import { archiveDirFromArgs } from './services/paths';
import { methodListArgument } from '../shared/methods';
import { ArchiveVault } from './services/vault';
import { contentSecurityPolicy, secureWebPreferences } from './window-security';

const rendererRoot = join(__dirname, '..', 'renderer');

// app:// is a standard, secure scheme of its own: the renderer's origin, never file://.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const vault = new ArchiveVault(archiveDirFromArgs(process.argv), systemClock);
const pdf = electronPdfRenderer();
/** The system's folder dialog, over the desk's window, for a bundle's or a backup's folder. */
async function chooseFolder(defaultPath?: string): Promise<string | null> {
  const options = { defaultPath, properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
  const win = BrowserWindow.getFocusedWindow();
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

const dispatch = createDispatcher(createArchiveApi({ vault, clock: systemClock, dailyBackup: true, pdf, chooseFolder, readText: true }));

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 640,
    title: '客户档案台',
    show: false,
    webPreferences: { ...secureWebPreferences, preload: join(__dirname, 'preload.cjs'), additionalArguments: [methodListArgument + methodNames.join(',')] },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_INDEX_URL);
  return win;
}

if (!app.requestSingleInstanceLock()) {
  // One process owns the archive; a second start brings the first window forward instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  // Every web contents (the window, the hidden PDF window, any frame): no new windows, no
  // navigation or redirect of the page or of a frame, no webview.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-frame-navigate', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(() => {
    // No permission is asked for or granted: camera, notifications, clipboard, devices, none.
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    session.defaultSession.setDevicePermissionHandler(() => false);
    protocol.handle(APP_SCHEME, (request) => {
      const answer = resolveAppRequest(rendererRoot, request.url);
      if (answer.status !== 200) return new Response(null, { status: answer.status });
      return new Response(new Uint8Array(answer.body), {
        status: 200,
        headers: { 'Content-Type': answer.type, 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff' },
      });
    });
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
    });
    registerArchiveIpc(ipcMain, dispatch, isAppUrl);
    createWindow();
  });

  // The hidden PDF window does not count: the app quits when the clerk's window closes.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (vault.status().state !== 'unlocked') return;
    event.preventDefault();
    void Promise.allSettled([vault.lock(), pdf.close()]).finally(() => app.exit(0));
  });
}
