// The Electron main process: one window, one IPC channel, the archive owned here. Everything of
// substance lives in services/ and is tested without Electron; this file only wires it up.
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createArchiveApi } from './api';
import { createDispatcher } from './dispatch';
import { registerArchiveIpc } from './ipc';
import { electronPdfRenderer } from './pdf/electron-pdf-renderer';
import { systemClock } from './services/clock';
import { archiveDirFromArgs } from './services/paths';
import { ArchiveVault } from './services/vault';
import { contentSecurityPolicy, secureWebPreferences } from './window-security';

const rendererIndex = join(__dirname, '..', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;

const vault = new ArchiveVault(archiveDirFromArgs(process.argv), systemClock);
const pdf = electronPdfRenderer();
const dispatch = createDispatcher(createArchiveApi({ vault, clock: systemClock, dailyBackup: true, pdf }));

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 640,
    title: '客户档案台',
    show: false,
    webPreferences: { ...secureWebPreferences, preload: join(__dirname, 'preload.cjs') },
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadFile(rendererIndex);
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

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
    });
    registerArchiveIpc(ipcMain, dispatch, (url) => url.split('#')[0] === rendererUrl);
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
