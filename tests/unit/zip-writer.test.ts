import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { verifyBagZip } from '../../electron/services/bundle-bag';
import { openZip, zipFolder } from '../../electron/services/bundle-zip';
import { ZipFileWriter } from '../../electron/services/zip-writer';
import { tempDir } from './helpers';

// The bundle's zip is read by the tools a records office has: 7-Zip (Windows' usual), Info-ZIP's
// unzip, Python's zipfile, zip.js. Each reads back what was written, byte for byte.

const sha = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');

async function entriesOf(zip: string, password?: string): Promise<Map<string, { sha: string; at: Date }>> {
  const reader = await openZip(zip);
  const out = new Map<string, { sha: string; at: Date }>();
  try {
    for (const entry of await reader.getEntries()) {
      if (entry.directory) continue;
      const chunks: Uint8Array[] = [];
      await entry.getData(new WritableStream({ write: (c: Uint8Array) => void chunks.push(c) }), { password });
      out.set(entry.filename, { sha: sha(Buffer.concat(chunks)), at: entry.lastModDate });
    }
  } finally {
    await reader.close();
  }
  return out;
}

/** A bag-like folder: a scan, a PDF, Chinese names, an empty file and text that deflates. */
function sampleFolder(): { folder: string; files: Map<string, Buffer> } {
  const folder = join(tempDir('zip-writer-'), 'bag');
  const files = new Map<string, Buffer>([
    ['data/tenants/A-0301 张三商行/scans/001-1-租赁合同.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(700 * 1024)])],
    ['data/tenants/A-0301 张三商行/documents.csv', Buffer.from('\uFEFF序号,题名\r\n1,租赁合同\r\n'.repeat(2000), 'utf8')],
    ['data/empty.txt', Buffer.alloc(0)],
    ['data/one-block.txt', Buffer.from('0123456789abcdef')],
    ['manifest-sha256.txt', Buffer.from(`${'0'.repeat(64)}  data/empty.txt\n`)],
  ]);
  for (const [path, bytes] of files) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), bytes);
  }
  return { folder, files };
}

describe('the bundle zip writer', () => {
  it('writes a zip that zip.js, Python, unzip and 7-Zip read back byte for byte, with local times', async () => {
    const { folder, files } = sampleFolder();
    // 2026-11-23 02:20 at the desk (Asia/Shanghai) is still 11-22 in UTC.
    const at = new Date('2026-11-22T18:20:10Z');
    for (const path of files.keys()) utimesSync(join(folder, path), at, at);
    const zip = join(folder, '..', 'bag.zip');
    await zipFolder(folder, '退租档案-2026', zip, {});
    const read = await entriesOf(zip);
    expect([...read.keys()].sort()).toEqual([...files.keys()].map((p) => `退租档案-2026/${p}`).sort());
    for (const [path, bytes] of files) expect(read.get(`退租档案-2026/${path}`)!.sha, path).toBe(sha(bytes));
    expect(read.get('退租档案-2026/data/empty.txt')!.at.getDate()).toBe(23);

    const py = execFileSync(
      'python3',
      [
        '-c',
        'import zipfile,sys,hashlib,json; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(json.dumps({i.filename: [hashlib.sha256(z.read(i)).hexdigest(), list(i.date_time), i.compress_type] for i in z.infolist()}))',
        zip,
      ],
      { encoding: 'utf8' },
    );
    const listed = JSON.parse(py) as Record<string, [string, number[], number]>;
    for (const [path, bytes] of files) expect(listed[`退租档案-2026/${path}`]![0]).toBe(sha(bytes));
    expect(listed['退租档案-2026/data/empty.txt']![1]).toEqual([2026, 11, 23, 2, 20, 10]);
    // Scans are stored, text is deflated.
    expect(listed['退租档案-2026/data/tenants/A-0301 张三商行/scans/001-1-租赁合同.pdf']![2]).toBe(0);
    expect(listed['退租档案-2026/data/tenants/A-0301 张三商行/documents.csv']![2]).toBe(8);

    expect(spawnSync('unzip', ['-tq', zip], { encoding: 'utf8' }).status).toBe(0);
    const seven = spawnSync('7z', ['t', zip], { encoding: 'utf8' });
    expect(seven.stdout, seven.stderr).toContain('Everything is Ok');
  });

  it('encrypts every entry as WinZip AES-256, which zip.js and 7-Zip open with the password only', async () => {
    const { folder, files } = sampleFolder();
    const zip = join(folder, '..', 'secret.zip');
    const password = '机密-Export-2026';
    await zipFolder(folder, 'bag', zip, { password });
    const raw = readFileSync(zip);
    // No plain text of a file shows in the zip.
    expect(raw.includes(Buffer.from('租赁合同\r\n'))).toBe(false);
    // AE-2 leaves every CRC field at 0 (the HMAC stands for it): a CRC would tell about the plain text.
    const headers: number[] = [];
    for (let at = raw.indexOf('PK\x03\x04', 0, 'latin1'); at >= 0; at = raw.indexOf('PK\x03\x04', at + 4, 'latin1')) headers.push(at);
    expect(headers).toHaveLength(files.size);
    expect(headers.map((at) => raw.readUInt32LE(at + 14))).toEqual(headers.map(() => 0));
    const read = await entriesOf(zip, password);
    for (const [path, bytes] of files) expect(read.get(`bag/${path}`)!.sha, path).toBe(sha(bytes));
    await expect(entriesOf(zip, 'wrong')).rejects.toThrow();
    const seven = spawnSync('7z', ['t', `-p${password}`, zip], { encoding: 'utf8' });
    expect(seven.stdout, seven.stderr).toContain('Everything is Ok');
    expect(spawnSync('7z', ['t', '-pwrong', zip], { encoding: 'utf8' }).status).not.toBe(0);
    const out = tempDir('zip-7z-out-');
    execFileSync('7z', ['x', `-p${password}`, `-o${out}`, zip], { encoding: 'utf8' });
    for (const [path, bytes] of files) expect(sha(readFileSync(join(out, 'bag', path))), path).toBe(sha(bytes));
  });

  it('keeps a few hundred bytes per entry, and writes ZIP64 past 65,535 entries', async () => {
    const folder = tempDir('zip-many-');
    const count = 66_000;
    // One small file on disk, zipped under 66,000 names (a year of scans, for the zip's bookkeeping).
    const source = join(folder, 'scan.pdf');
    writeFileSync(source, '%PDF-1.4 scan');
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const zip = join(folder, 'many.zip');
    const writer = await ZipFileWriter.create(zip);
    gc();
    const before = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    for (let d = 0; d < count / 1000; d++) for (let i = 0; i < 1000; i++) await writer.addFile(`bag/d${d}/scan-${i}.pdf`, source, { deflate: false });
    gc();
    const perEntry = (process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - before) / count;
    await writer.close();
    // Its central record (46 bytes + the name + 9 of timestamp) and its name, kept to refuse a
    // second one; zip.js's writer keeps some 5,300 bytes an entry.
    expect(perEntry).toBeLessThan(600);
    const py = execFileSync('python3', ['-c', 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print(len(z.infolist()), z.read("bag/d65/scan-999.pdf").decode(), z.testzip())', zip], {
      encoding: 'utf8',
    });
    expect(py.trim()).toBe('66000 %PDF-1.4 scan None');
    const reader = await openZip(zip);
    expect(await reader.getEntries()).toHaveLength(count);
    await reader.close();
  }, 120_000);

  it('refuses a second entry of one name and a zip that exists already', async () => {
    const { folder } = sampleFolder();
    const zip = join(folder, '..', 'twice.zip');
    const writer = await ZipFileWriter.create(zip);
    await writer.addFile('bag/data/empty.txt', join(folder, 'data/empty.txt'), { deflate: true });
    await expect(writer.addFile('bag/data/empty.txt', join(folder, 'data/one-block.txt'), { deflate: true })).rejects.toThrow(/second entry/);
    await writer.close();
    await expect(ZipFileWriter.create(zip)).rejects.toMatchObject({ code: 'EEXIST' });
  });

  it('a zipped bag with a changed scan, or a name given twice, does not verify', async () => {
    const folder = join(tempDir('zip-tamper-'), 'bag');
    mkdirSync(join(folder, 'data'), { recursive: true });
    const scan = randomBytes(64 * 1024);
    writeFileSync(join(folder, 'data', 'scan.pdf'), scan);
    writeFileSync(join(folder, 'bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    writeFileSync(join(folder, 'manifest-sha256.txt'), `${sha(scan)}  data/scan.pdf\n`);
    writeFileSync(join(folder, 'tagmanifest-sha256.txt'), `${sha(readFileSync(join(folder, 'manifest-sha256.txt')))}  manifest-sha256.txt\n`);
    const zip = join(folder, '..', 'bag.zip');
    await zipFolder(folder, 'bag', zip, {});
    expect(await verifyBagZip(zip)).toMatchObject({ ok: true, problems: [] });
    // One byte of the stored scan changed in the zip itself.
    const bytes = readFileSync(zip);
    const at = bytes.indexOf(scan.subarray(1000, 1032));
    bytes[at] = bytes[at]! ^ 0xff;
    const changed = join(folder, '..', 'changed.zip');
    writeFileSync(changed, bytes);
    expect((await verifyBagZip(changed)).problems).toContainEqual({ kind: 'changed', path: 'data/scan.pdf' });
    // The same name twice (Python's zipfile writes it, with a warning): an unzip tool would keep one of them unchecked.
    const twice = join(folder, '..', 'twice.zip');
    execFileSync('python3', [
      '-W',
      'ignore',
      '-c',
      'import zipfile,sys,os; z=zipfile.ZipFile(sys.argv[2],"w"); [z.write(os.path.join(sys.argv[1],p),"bag/"+p) for p in ["bagit.txt","manifest-sha256.txt","tagmanifest-sha256.txt","data/scan.pdf"]]; z.writestr("bag/data/scan.pdf", b"something else"); z.close()',
      folder,
      twice,
    ]);
    expect((await verifyBagZip(twice)).problems).toContainEqual({ kind: 'malformed', path: 'data/scan.pdf' });
  });
});
