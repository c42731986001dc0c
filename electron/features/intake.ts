import { intakeFilesWaiting, recentIntakeFiles, waitingPartCount } from '../../db/queries/scan-intake';
import type { ReceivedScan, ScanIntakeStatus } from '../../shared/api';
import { discardWaitingScanInput, fileWaitingScanInput, noInput, receiveScansInput, waitingScanIdInput } from '../../shared/schemas';
import * as intake from '../services/scan-intake';
import { defineMethod, type MethodContext } from './define';

/** How many of the files taken in last the intake screen lists (it says so). */
const RECENT_FILES = 20;

export const intakeMethods = {
  /** Files dropped on the window or picked many at once: each taken in, known already, or refused in words. */
  receiveScans: defineMethod({ input: receiveScansInput, permission: 'customers.write', handler: (input, m) => receive(m, input.files) }),
  scanIntakeStatus: defineMethod({ input: noInput, permission: 'customers.read', handler: (_input, m) => status(m) }),
  listWaitingScans: defineMethod({ input: noInput, permission: 'customers.write', handler: (_input, m) => intake.listWaitingScans(m.services()) }),
  getWaitingScan: defineMethod({ input: waitingScanIdInput, permission: 'customers.write', handler: ({ partId }, m) => intake.getWaitingScan(m.services(), partId) }),
  fileWaitingScan: defineMethod({
    input: fileWaitingScanInput,
    permission: 'customers.write',
    handler: async (input, m) => {
      const filed = await intake.fileWaitingScan(m.services(), input);
      // Pages not read yet (text reading was off, or behind a sheet) are read now.
      m.textReader?.kick();
      return filed;
    },
  }),
  discardWaitingScan: defineMethod({ input: discardWaitingScanInput, permission: 'customers.write', handler: (input, m) => intake.discardWaitingScan(m.services(), input) }),
};

async function receive(m: MethodContext, files: { fileName: string; dataBase64: string }[]): Promise<ReceivedScan[]> {
  const out: ReceivedScan[] = [];
  for (const file of files) out.push(await intake.receiveScanFile(m.services(), { fileName: file.fileName, bytes: Buffer.from(file.dataBase64, 'base64'), origin: 'desk' }));
  if (out.some((r) => r.outcome === 'received')) m.textReader?.kick();
  return out;
}

async function status(m: MethodContext): Promise<ScanIntakeStatus> {
  const db = m.db();
  const folder = m.scanFolder.status();
  const recent = await recentIntakeFiles(db, RECENT_FILES);
  return {
    ...folder,
    filesWaiting: await intakeFilesWaiting(db),
    current: m.textReader?.intakeProgress() ?? null,
    partsWaiting: await waitingPartCount(db),
    recent: recent.map((r) => ({
      id: r.id,
      fileName: r.source_name,
      origin: r.origin,
      pages: r.page_count,
      state: r.state,
      receivedAt: r.received_at,
      receivedBy: r.display_name,
      summary: r.state === 'split' && r.summary ? (JSON.parse(r.summary) as ScanIntakeStatus['recent'][number]['summary']) : null,
    })),
  };
}
