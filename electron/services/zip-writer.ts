import { createCipheriv, createHmac, pbkdf2Sync, randomBytes, type Cipher, type Hmac } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

// A ZIP writer that streams each file from disk and keeps, per entry, only its central-directory
// record and its name (a few hundred bytes): a year's bundle of 50,000 files zips in bounded memory, where
// zip.js's writer keeps some 5 KB per entry until it closes. Plain entries are stored (scans,
// PDFs) or deflated (text); with a password, each is encrypted as WinZip AES-256 (AE-2), which
// 7-Zip, WinRAR, WinZip, Windows 11 and zip.js open. ZIP64 records are written where a
// size, an offset or the count needs them (APPNOTE 6.3.10).

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
const FLAG_ENCRYPTED = 1;
const FLAG_DESCRIPTOR = 1 << 3;
const FLAG_UTF8 = 1 << 11;
const STORED = 0;
const DEFLATED = 8;
const AES = 99;
/** WinZip AES: 16-byte salt and 2-byte check before the data, a 10-byte HMAC after it. */
const AES_OVERHEAD = 16 + 2 + 10;
const CHUNK = 256 * 1024;
const FLUSH_AT = 1024 * 1024;
/** A file up to this size is read once, whole; a larger one streams (and is read twice when stored). */
const WHOLE_FILE = 1024 * 1024;

export interface ZipEntryOptions {
  /** Deflate the file (text); otherwise it is stored (already compressed: scans, PDFs, xlsx). */
  deflate: boolean;
}

/** DOS date and time fields, in the desk's local time as every zip tool reads them. */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.max(1980, at.getFullYear());
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

/** WinZip AES-256 in CTR mode with its little-endian counter from 1, and the HMAC-SHA1 over the ciphertext. */
class WinZipAes {
  readonly head: Buffer;
  private readonly ecb: Cipher;
  private readonly mac: Hmac;
  private counter = 1n;
  private pending = Buffer.alloc(0);

  constructor(password: string) {
    const salt = randomBytes(16);
    const keys = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, 1000, 66, 'sha1');
    this.ecb = createCipheriv('aes-256-ecb', keys.subarray(0, 32), null).setAutoPadding(false);
    this.mac = createHmac('sha1', keys.subarray(32, 64));
    this.head = Buffer.concat([salt, keys.subarray(64, 66)]);
  }

  private crypt(data: Buffer): Buffer {
    const blocks = Math.ceil(data.length / 16);
    const counters = Buffer.alloc(blocks * 16);
    for (let i = 0; i < blocks; i++) counters.writeBigUInt64LE(this.counter++, i * 16);
    const stream = this.ecb.update(counters);
    const out = Buffer.allocUnsafe(data.length);
    for (let i = 0; i < data.length; i++) out[i] = data[i]! ^ stream[i]!;
    this.mac.update(out);
    return out;
  }

  /** Encrypts whole blocks now; a partial block waits for more data or the end. */
  update(data: Buffer): Buffer {
    const all = this.pending.length ? Buffer.concat([this.pending, data]) : data;
    const whole = all.length - (all.length % 16);
    this.pending = Buffer.from(all.subarray(whole));
    return whole ? this.crypt(all.subarray(0, whole)) : Buffer.alloc(0);
  }

  /** The last partial block and the 10-byte authentication code. */
  final(): Buffer {
    const tail = this.pending.length ? this.crypt(this.pending) : Buffer.alloc(0);
    this.pending = Buffer.alloc(0);
    return Buffer.concat([tail, this.mac.digest().subarray(0, 10)]);
  }
}

function aesExtra(method: number): Buffer {
  const b = Buffer.alloc(11);
  b.writeUInt16LE(0x9901, 0);
  b.writeUInt16LE(7, 2);
  b.writeUInt16LE(2, 4); // AE-2: no CRC, the HMAC stands for it
  b.write('AE', 6, 'latin1');
  b.writeUInt8(3, 8); // AES-256
  b.writeUInt16LE(method, 9);
  return b;
}

/** Info-ZIP's extended timestamp: the modification time in UTC seconds. */
function timeExtra(at: Date): Buffer {
  const b = Buffer.alloc(9);
  b.writeUInt16LE(0x5455, 0);
  b.writeUInt16LE(5, 2);
  b.writeUInt8(1, 4);
  b.writeUInt32LE(Math.max(0, Math.floor(at.getTime() / 1000)) >>> 0, 5);
  return b;
}

export class ZipFileWriter {
  private offset = 0;
  private count = 0;
  /** Central-directory records, joined into larger buffers as they pile up. */
  private central: Buffer[] = [];
  private pendingCentral: Buffer[] = [];
  private names = new Set<string>();

  private constructor(
    private readonly file: FileHandle,
    private readonly password: string | undefined,
  ) {}

  /** Creates the zip at `path` (refused if it exists: a zip is never written over another file). */
  static async create(path: string, options: { password?: string } = {}): Promise<ZipFileWriter> {
    return new ZipFileWriter(await open(path, 'wx'), options.password || undefined);
  }

  /** Output waiting to be written: small entries go out in one write of about a megabyte. */
  private buffered: Buffer[] = [];
  private bufferedBytes = 0;

  private async write(data: Buffer): Promise<void> {
    if (data.length === 0) return;
    this.buffered.push(data);
    this.bufferedBytes += data.length;
    this.offset += data.length;
    if (this.bufferedBytes >= FLUSH_AT) await this.flush();
  }

  private async flush(): Promise<void> {
    const data = Buffer.concat(this.buffered);
    this.buffered = [];
    this.bufferedBytes = 0;
    let at = 0;
    while (at < data.length) {
      const { bytesWritten } = await this.file.write(data, at, data.length - at);
      at += bytesWritten;
    }
  }

  /** Adds the file at `source` as `name` (forward slashes, UTF-8). */
  async addFile(name: string, source: string, options: ZipEntryOptions, signal?: AbortSignal): Promise<void> {
    if (this.names.has(name)) throw new Error(`a second entry named ${name}`);
    this.names.add(name);
    const stat = statSync(source);
    if (!stat.isFile()) throw new Error(`${source} is not a file`);
    const size = stat.size;
    if (size >= MAX32 - AES_OVERHEAD) throw new Error(`${source} is over 4 GB`);
    const at = stat.mtime;
    const { time, date } = dosDateTime(at);
    const rawName = Buffer.from(name, 'utf8');
    const method = options.deflate ? DEFLATED : STORED;
    const aes = this.password ? new WinZipAes(this.password) : null;
    // Stored plain entries carry their CRC and sizes up front (read once more for the CRC, so
    // every reader, streaming ones too, finds the data's end); the others end with a descriptor.
    const descriptor = method === DEFLATED;
    const whole = size <= WHOLE_FILE ? readFileSync(source) : null;
    if (whole && whole.length !== size) throw new Error(`${source} changed while it was zipped`);
    let crc = whole ? crc32(whole) : 0;
    if (!whole && !aes && !descriptor) {
      for await (const chunk of createReadStream(source, { highWaterMark: CHUNK })) {
        crc = crc32(chunk as Buffer, crc);
        if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      }
    }
    const flags = FLAG_UTF8 | (aes ? FLAG_ENCRYPTED : 0) | (descriptor ? FLAG_DESCRIPTOR : 0);
    const extra = Buffer.concat([timeExtra(at), ...(aes ? [aesExtra(method)] : [])]);
    const knownSize = descriptor ? 0 : aes ? size + AES_OVERHEAD : size;
    const headerOffset = this.offset;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(aes ? 51 : 20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(aes ? AES : method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(descriptor || aes ? 0 : crc, 14);
    local.writeUInt32LE(knownSize, 18);
    local.writeUInt32LE(descriptor ? 0 : size, 22);
    local.writeUInt16LE(rawName.length, 26);
    local.writeUInt16LE(extra.length, 28);
    await this.write(Buffer.concat([local, rawName, extra]));

    const dataStart = this.offset;
    if (aes) await this.write(aes.head);
    if (whole) {
      const body = method === DEFLATED ? deflateRawSync(whole, { level: 6 }) : whole;
      await this.write(aes ? aes.update(body) : body);
    } else {
      // Streamed: counted and summed as it passes, and held against the size (and the CRC read first).
      let read = 0;
      let crcAgain = 0;
      async function* chunks(): AsyncGenerator<Buffer> {
        for await (const chunk of createReadStream(source, { highWaterMark: CHUNK })) {
          if (signal?.aborted) throw signal.reason ?? new Error('aborted');
          read += (chunk as Buffer).length;
          crcAgain = crc32(chunk as Buffer, crcAgain);
          yield chunk as Buffer;
        }
      }
      const body = method === DEFLATED ? pipeline(Readable.from(chunks()), createDeflateRaw({ level: 6 }), () => undefined) : Readable.from(chunks());
      for await (const chunk of body) await this.write(aes ? aes.update(chunk as Buffer) : (chunk as Buffer));
      if (read !== size || (!aes && !descriptor && crcAgain !== crc)) throw new Error(`${source} changed while it was zipped`);
      crc = crcAgain;
    }
    if (aes) await this.write(aes.final());
    const compressed = this.offset - dataStart;
    // AE-2 leaves the CRC out: the HMAC guards the data.
    const storedCrc = aes ? 0 : crc;
    if (descriptor) {
      const d = Buffer.alloc(16);
      d.writeUInt32LE(DATA_DESCRIPTOR, 0);
      d.writeUInt32LE(storedCrc, 4);
      d.writeUInt32LE(compressed, 8);
      d.writeUInt32LE(size, 12);
      await this.write(d);
    }

    // The central record; an offset past 4 GB goes in a ZIP64 extra field.
    const zip64 = headerOffset >= MAX32;
    const zip64Extra = zip64 ? Buffer.alloc(12) : Buffer.alloc(0);
    if (zip64) {
      zip64Extra.writeUInt16LE(0x0001, 0);
      zip64Extra.writeUInt16LE(8, 2);
      zip64Extra.writeBigUInt64LE(BigInt(headerOffset), 4);
    }
    const centralExtra = Buffer.concat([zip64Extra, extra]);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(CENTRAL_HEADER, 0);
    c.writeUInt16LE((3 << 8) | 63, 4); // made by: Unix, spec 6.3
    c.writeUInt16LE(aes ? 51 : zip64 ? 45 : 20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(aes ? AES : method, 10);
    c.writeUInt16LE(time, 12);
    c.writeUInt16LE(date, 14);
    c.writeUInt32LE(storedCrc, 16);
    c.writeUInt32LE(compressed, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(rawName.length, 28);
    c.writeUInt16LE(centralExtra.length, 30);
    c.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    c.writeUInt32LE(zip64 ? MAX32 : headerOffset, 42);
    this.pendingCentral.push(Buffer.concat([c, rawName, centralExtra]));
    if (this.pendingCentral.length >= 1000) this.central.push(Buffer.concat(this.pendingCentral.splice(0)));
    this.count++;
  }

  /** Writes the central directory and the end records, and closes the file. */
  async close(): Promise<void> {
    try {
      const directory = Buffer.concat([...this.central, ...this.pendingCentral]);
      this.central = [];
      this.pendingCentral = [];
      const start = this.offset;
      await this.write(directory);
      const needs64 = this.count >= MAX16 || start >= MAX32 || directory.length >= MAX32;
      if (needs64) {
        const endAt = this.offset;
        const end64 = Buffer.alloc(56);
        end64.writeUInt32LE(ZIP64_END, 0);
        end64.writeBigUInt64LE(44n, 4);
        end64.writeUInt16LE(45, 12);
        end64.writeUInt16LE(45, 14);
        end64.writeBigUInt64LE(BigInt(this.count), 24);
        end64.writeBigUInt64LE(BigInt(this.count), 32);
        end64.writeBigUInt64LE(BigInt(directory.length), 40);
        end64.writeBigUInt64LE(BigInt(start), 48);
        const locator = Buffer.alloc(20);
        locator.writeUInt32LE(ZIP64_LOCATOR, 0);
        locator.writeBigUInt64LE(BigInt(endAt), 8);
        locator.writeUInt32LE(1, 16);
        await this.write(Buffer.concat([end64, locator]));
      }
      const end = Buffer.alloc(22);
      end.writeUInt32LE(END_OF_CENTRAL, 0);
      end.writeUInt16LE(Math.min(this.count, MAX16), 8);
      end.writeUInt16LE(Math.min(this.count, MAX16), 10);
      end.writeUInt32LE(Math.min(directory.length, MAX32), 12);
      end.writeUInt32LE(Math.min(start, MAX32), 16);
      await this.write(end);
      await this.flush();
    } finally {
      await this.file.close();
    }
  }

  /** Closes the file without finishing it (the caller removes it). */
  async abandon(): Promise<void> {
    await this.file.close().catch(() => undefined);
  }
}
