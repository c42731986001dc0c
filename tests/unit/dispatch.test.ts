import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/dispatch';
import type { ArchiveApi } from '../../shared/api';
import { methodNames, methodTable } from '../../electron/features';
import { roles } from '../../shared/domain';
import { roleMay } from '../../shared/permissions';
import { fieldLabels } from '../../shared/field-labels';
import { adminInput, makeVault, snapshot } from './helpers';

describe('the dispatcher', () => {
  it('refuses an unknown method', async () => {
    const { dispatch } = makeVault();
    const envelope = await dispatch('dropEverything', {}, 'en');
    expect(envelope).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await dispatch('toString', {}, 'en')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('validates input with the method schema, in the caller’s language, and changes nothing', async () => {
    const { dispatch, dir } = makeVault();
    const before = snapshot(dir);
    const zh = await dispatch('createArchive', { ...adminInput, username: 'x', extra: 1 }, 'zh-CN');
    expect(zh.ok).toBe(false);
    if (zh.ok) return;
    expect(zh.error.code).toBe('VALIDATION_FAILED');
    expect(zh.error.message).toBe('输入有误，请检查标出的字段。');
    const issues = zh.error.details?.issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path)).toContain('username');
    expect(issues.find((i) => i.path === 'username')!.message).toMatch(/[\u4e00-\u9fff]/);
    const en = await dispatch('createArchive', 'not an object', 'en');
    expect(en).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'Some input is not valid; check the marked fields.' } });
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses malformed input to every method of the contract, signed in as a role that may call it, and writes nothing', async () => {
    const { dispatch, api, dir } = makeVault();
    await api.createArchive(adminInput);
    for (const role of roles) {
      if (role !== 'administrator') await api.createAccount({ username: `u_${role}`, displayName: role, role, password: 'Role-2026-pass', passwordConfirm: 'Role-2026-pass' });
    }
    await api.lock();
    const tried = new Set<string>();
    for (const role of roles) {
      await api.unlock(role === 'administrator' ? { username: adminInput.username, password: adminInput.password } : { username: `u_${role}`, password: 'Role-2026-pass' });
      const before = snapshot(dir);
      for (const method of methodNames) {
        if (tried.has(method) || method === 'lock' || !roleMay(role, methodTable[method].permission)) continue;
        tried.add(method);
        for (const input of [{ unexpectedField: 1 }, 'not an object', [1, 2]]) {
          const envelope = await dispatch(method, input, 'en');
          expect(envelope, `${role} ${method} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
        }
      }
      expect(snapshot(dir), role).toEqual(before);
      await api.lock();
    }
    expect(tried.size).toBe(methodNames.length - 1);
    for (const input of [{ unexpectedField: 1 }, 'not an object']) expect(await dispatch('lock', input, 'en')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });

  it('turns service errors into translated envelopes, zh-CN by default', async () => {
    const { dispatch } = makeVault();
    const envelope = await dispatch('unlock', { username: 'wangfang', password: 'x' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'ARCHIVE_NOT_FOUND', message: '尚未创建档案库。' } });
    const en = await dispatch('unlock', { username: 'wangfang', password: 'x' }, 'en');
    expect(en).toMatchObject({ ok: false, error: { message: 'No archive has been created yet.' } });
  });

  it('refuses signed-in methods while locked', async () => {
    const { dispatch } = makeVault();
    expect(await dispatch('lock', {})).toMatchObject({ ok: false, error: { code: 'ARCHIVE_NOT_FOUND' } });
    await dispatch('createArchive', adminInput);
    expect(await dispatch('lock', undefined)).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(await dispatch('lock', {})).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });

  it('hides unexpected errors behind INTERNAL and logs them', async () => {
    const logged: unknown[] = [];
    const broken = {
      getArchiveStatus: async () => {
        throw new TypeError('boom');
      },
    } as unknown as ArchiveApi;
    const dispatch = createDispatcher(broken, (e) => logged.push(e));
    const envelope = await dispatch('getArchiveStatus', {}, 'en');
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(envelope)).not.toContain('boom');
    expect(logged).toHaveLength(1);
  });

  it('maps SQLite corruption to ARCHIVE_DAMAGED', async () => {
    const corrupt = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
    const api = {
      getArchiveStatus: async () => {
        throw corrupt;
      },
    } as unknown as ArchiveApi;
    const envelope = await createDispatcher(api, () => undefined)('getArchiveStatus', {}, 'en');
    expect(envelope).toMatchObject({ ok: false, error: { code: 'ARCHIVE_DAMAGED' } });
  });
});

/** Every field name of a zod schema, nested objects and arrays included. */
function fieldsOf(schema: unknown, out = new Set<string>(), depth = 0): Set<string> {
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
  if (!def || depth > 12) return out;
  const inner = (x: unknown) => fieldsOf(x, out, depth + 1);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      for (const [k, v] of Object.entries(shape)) {
        out.add(k);
        // A record's fields are named by its kind's own words (records.test holds every kind to them).
        if (k === 'fields' && 'kind' in shape) continue;
        inner(v);
      }
      break;
    }
    case 'array':
      inner(def.element);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      inner(def.innerType);
      break;
    case 'pipe':
      inner(def.in);
      inner(def.out);
      break;
    case 'union':
      for (const o of def.options as unknown[]) inner(o);
      break;
    case 'record':
      inner(def.valueType);
      break;
  }
  return out;
}

describe('field names in words', () => {
  it('every field of every method’s input has a zh-CN and an English label', () => {
    const names = new Set<string>();
    for (const { input } of Object.values(methodTable)) fieldsOf(input, names);
    expect(names.size).toBeGreaterThan(100);
    const missing = [...names].filter((n) => !(n in fieldLabels['zh-CN']) || !(n in fieldLabels.en) || !/\p{Script=Han}/u.test((fieldLabels['zh-CN'] as Record<string, string>)[n]!));
    expect(missing).toEqual([]);
  });

  it('a refused input names its fields in words and says what a pattern accepts, never the regex', async () => {
    const { dispatch } = makeVault();
    const bad = await dispatch('createArchive', { ...adminInput, username: 'a b!', password: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const issues = (bad as unknown as { ok: false; error: { details: { issues: { path: string; label: string; message: string }[] } } }).error.details.issues;
    expect(issues.find((i) => i.path === 'username')).toMatchObject({ label: '用户名', message: '只能包含字母、数字、点（.）、下划线（_）或连字符（-）' });
    expect(issues.find((i) => i.path === 'password')).toMatchObject({ label: '密码' });
    for (const i of issues) expect(i.message).not.toMatch(/[\\^$]\w|\/\^/);
    const en = await dispatch('createArchive', { ...adminInput, username: 'a b!' }, 'en');
    expect((en as unknown as { ok: false; error: { details: { issues: { label: string }[] } } }).error.details.issues[0]).toMatchObject({ label: 'User name' });
  });
});
