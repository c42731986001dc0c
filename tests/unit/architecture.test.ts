import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAppUrl, resolveAppRequest } from '../../electron/app-protocol';
import { describe, expect, it } from 'vitest';
import { secureWebPreferences, contentSecurityPolicy } from '../../electron/window-security';
import { accountStatuses, locales, roles } from '../../shared/domain';
import { errorCodes } from '../../shared/errors';
import { accountStatusLabels, errorMessages, roleLabels } from '../../shared/labels';
import { z } from 'zod';
import { methodNames, methodTable } from '../../electron/features';
import { permissions, rolePermissions } from '../../shared/permissions';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(name) ? [rel] : [];
  });
}

const importsOf = (file: string) => [...readFileSync(join(root, file), 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('architecture', () => {
  it('keeps Electron out of the services, the archive and the contract', () => {
    const files = [
      ...sourceFiles('electron/services'),
      ...sourceFiles('electron/features'),
      ...sourceFiles('electron/host'),
      ...sourceFiles('db'),
      ...sourceFiles('shared'),
      'electron/api.ts',
      'electron/dispatch.ts',
      'electron/ipc.ts',
    ];
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((file) => importsOf(file).some((spec) => spec === 'electron' || spec.startsWith('electron/')));
    expect(offenders).toEqual([]);
  });

  it('keeps the renderer to the contract: no db/, no electron/, no Node built-ins', () => {
    const files = sourceFiles('renderer/src');
    expect(files.length).toBeGreaterThan(3);
    const offenders = files.filter((file) => importsOf(file).some((spec) => /(^|\/)(db|electron)\//.test(spec) || spec === 'electron' || spec.startsWith('node:') || spec.includes('better-sqlite3')));
    expect(offenders).toEqual([]);
  });

  it('declares every method with an input schema and a known access rule', () => {
    expect(methodNames.length).toBeGreaterThan(100);
    for (const method of methodNames) {
      const { input, permission, handler } = methodTable[method];
      expect(input, method).toBeInstanceOf(z.ZodType);
      expect(['public', 'signed-in', ...permissions], method).toContain(permission);
      expect(typeof handler, method).toBe('function');
    }
    for (const role of roles) for (const p of rolePermissions[role]) expect(permissions).toContain(p);
  });

  it('lets the contract name the declared methods by their types only', () => {
    // shared/ is what the renderer and the preload bundle: the declarations reach it as types, never as code.
    const offenders = sourceFiles('shared').flatMap((file) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]/gm)]
        .filter((m) => /(^|\/)electron\//.test(m[3]!) && !m[2])
        .map((m) => `${file}: ${m[0]}`),
    );
    expect(offenders).toEqual([]);
  });

  it('has a zh-CN and an English text for every error code, role and status', () => {
    for (const locale of locales) {
      for (const code of errorCodes) expect(errorMessages[locale][code], `${locale} ${code}`).toBeTruthy();
      for (const role of roles) expect(roleLabels[locale][role]).toBeTruthy();
      for (const status of accountStatuses) expect(accountStatusLabels[locale][status]).toBeTruthy();
    }
    // The Chinese texts are Chinese, not copies of the English ones.
    for (const code of errorCodes) expect(errorMessages['zh-CN'][code]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('pins the window’s security settings and CSP', () => {
    expect(secureWebPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(contentSecurityPolicy).toContain("default-src 'self'");
    expect(contentSecurityPolicy).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|http)/);
    const main = readFileSync(join(root, 'electron/main.ts'), 'utf8');
    expect(main).toContain("setWindowOpenHandler(() => ({ action: 'deny' }))");
    expect(main).toContain("'will-navigate'");
    expect(main).toContain('...secureWebPreferences');
    // The renderer comes from app://, every frame's navigation is guarded, no permission is granted.
    expect(main).toContain('protocol.handle(APP_SCHEME');
    expect(main).toContain('loadURL(APP_INDEX_URL)');
    expect(main).not.toMatch(/loadFile\(|pathToFileURL/);
    expect(main).toContain("'will-frame-navigate'");
    expect(main).toContain('setPermissionCheckHandler(() => false)');
    expect(main).toContain('registerArchiveIpc(ipcMain, dispatch, isAppUrl)');
  });

  it('packages Electron with its fuses set', () => {
    const yml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    const block = (yml.split('electronFuses:\n')[1] ?? '').split(/\n(?! {2})/)[0]!;
    const fuses = Object.fromEntries([...block.matchAll(/^\s{2}(\w+):\s*(true|false)$/gm)].map((m) => [m[1], m[2] === 'true']));
    expect(fuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('app:// answers only files of the built renderer', () => {
    const rendererRoot = mkdtempSync(join(tmpdir(), 'archive-desk-renderer-'));
    mkdirSync(join(rendererRoot, 'assets'));
    writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html>');
    writeFileSync(join(rendererRoot, 'assets', 'app.js'), 'x');
    writeFileSync(join(rendererRoot, '..', 'outside-secret.txt'), 'secret');
    expect(resolveAppRequest(rendererRoot, 'app://desk/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(resolveAppRequest(rendererRoot, 'app://desk/assets/app.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    for (const url of [
      'app://desk/../outside-secret.txt',
      'app://desk/%2e%2e/outside-secret.txt',
      'app://desk/..%2foutside-secret.txt',
      'app://other/index.html',
      'app://desk/assets',
      'app://desk/nothing.js',
      'file:///etc/passwd',
    ]) {
      expect(resolveAppRequest(rendererRoot, url).status, url).toBe(404);
    }
    for (const url of ['app://desk/%', 'app://desk/%c0%ae', 'not a url']) expect(resolveAppRequest(rendererRoot, url).status, url).toBe(400);
    expect(isAppUrl('app://desk/index.html#token')).toBe(true);
    expect(isAppUrl('file:///opt/app/index.html')).toBe(false);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    rmSync(rendererRoot, { recursive: true, force: true });
  });

  it('exposes exactly the declared methods from the preload, over one channel', () => {
    const preload = readFileSync(join(root, 'electron/preload.ts'), 'utf8');
    expect(preload).toContain('methodNames.map');
    expect(preload).toContain('methodListArgument');
    expect(preload).toContain("exposeInMainWorld('archive'");
    expect(preload).toContain('satisfies ArchiveApi');
    expect(preload.match(/ipcRenderer\.\w+/g)).toEqual(['ipcRenderer.invoke']);
    // The main process hands the names over when it makes the window.
    const main = readFileSync(join(root, 'electron/main.ts'), 'utf8');
    expect(main).toContain("additionalArguments: [methodListArgument + methodNames.join(',')]");
  });
});
