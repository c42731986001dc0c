// Splits a batch of forms into one PDF each (pdf-lib builds the whole document in memory), in a
// thread whose memory goes back when it ends. The page-number stamps are drawn by the desk.
import { splitByOutline, type PageNumberStamps } from '../services/pdf-split';
import { serveWorker } from '../services/worker-thread';

serveWorker<{ bytes: Uint8Array; expected: number }>(({ data, call }) =>
  splitByOutline(data.bytes, data.expected, { numberPages: (pairs) => call<Uint8Array>('numberPages', pairs) satisfies ReturnType<PageNumberStamps> }),
);
