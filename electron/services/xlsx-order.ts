import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader, ZipWriter, configure, type FileEntry } from '@zip.js/zip.js';
import { ArchiveError } from '../../shared/errors';

// ExcelJS's streaming reader parses a worksheet as soon as it meets it once the shared strings
// and the workbook's relationships are read, and then needs xl/workbook.xml and the styles too:
// a workbook whose zip holds them after its sheets (any order is valid; ExcelJS's own writer
// produces one now and then, as its entries finish compressing) cannot be read. Such a zip is
// rewritten with the parts in the order the reader needs; one already in order goes as it is.

configure({ useWebWorkers: false });

const FIRST = ['_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];
const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

function readable(order: string[]): boolean {
  const at = (name: string) => order.indexOf(name);
  const [rels, workbook, styles, strings] = [at('xl/_rels/workbook.xml.rels'), at('xl/workbook.xml'), at('xl/styles.xml'), at('xl/sharedStrings.xml')];
  return order.every((name, i) => {
    if (!SHEET.test(name)) return true;
    const parsedAtOnce = strings >= 0 && strings < i && rels >= 0 && rels < i;
    // A sheet met before the shared strings waits in a temporary file until the end.
    return !parsedAtOnce || (workbook >= 0 && workbook < i && styles < i);
  });
}

/** The workbook's bytes in an order ExcelJS's stream reader can read; its unpacked size is capped. */
export async function inReadingOrder(bytes: Buffer, maxUnpackedBytes: number): Promise<Buffer> {
  let entries: FileEntry[];
  const reader = new ZipReader(new Uint8ArrayReader(bytes));
  try {
    entries = (await reader.getEntries()).filter((e): e is FileEntry => !e.directory).sort((a, b) => a.offset - b.offset);
  } catch {
    return bytes; // not a zip zip.js can read: the stream reader says it cannot be read
  }
  if (readable(entries.map((e) => e.filename))) {
    await reader.close();
    return bytes;
  }
  const rank = (name: string) => (FIRST.includes(name) ? FIRST.indexOf(name) : FIRST.length);
  const ordered = entries.map((entry, i) => ({ entry, i })).sort((a, b) => rank(a.entry.filename) - rank(b.entry.filename) || a.i - b.i);
  const writer = new ZipWriter(new Uint8ArrayWriter(), { level: 0 });
  let unpacked = 0;
  try {
    for (const { entry } of ordered) {
      const chunks: Uint8Array[] = [];
      // Counted as it is inflated, so a zip bomb stops at the cap whatever its headers claim.
      await entry.getData(
        new WritableStream<Uint8Array>({
          write(chunk) {
            unpacked += chunk.length;
            if (unpacked > maxUnpackedBytes) throw new ArchiveError('IMPORT_UNPACKS_TOO_LARGE', { maxMb: Math.round(maxUnpackedBytes / 1024 / 1024) });
            chunks.push(chunk);
          },
        }),
      );
      await writer.add(entry.filename, new Uint8ArrayReader(Buffer.concat(chunks)));
    }
    return Buffer.from(await writer.close());
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    if (error instanceof Error && error.cause instanceof ArchiveError) throw error.cause;
    throw new ArchiveError('IMPORT_UNREADABLE');
  } finally {
    await reader.close();
  }
}
