import { randomBytes } from 'node:crypto';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkOutputFolder, fsyncTree, writeError } from './local-paths';
import { csv } from './csv';
import { fileRecords } from './records';
import { recordInWords } from '../../shared/record-text';
import { clearPending, notePending } from './leftovers';
import { scanBytes } from './confidential-scans';
import { withTextLayer, type PageLines } from './pdf-text-layer';
import { readLines } from './kept-lines';
import { appendAnchor } from './audit-anchors';
import { auditHead } from '../../db/queries/audit';
import { scansOf } from '../../db/queries/documents';
import { pagesOfScan } from '../../db/queries/scan-text';
import { filesOut } from '../../db/queries/loans';
import { bundleTenants, documentLevelsIn, filesToCheck, filesWithDocuments, pageCacheSize, recordBundleExport, scanStored, setPageCacheSize, shrinkMemory } from '../../db/queries/bundle';
import type { Kysely } from 'kysely';
import { getMeta } from '../../db/queries/meta';
import type { ArchiveDatabase } from '../../db/schema';
import type { BundleCheck, BundleProblem, BundleResult, BundleTenantIndex, JobStep } from '../../shared/api';
import { effectiveConfidentiality } from '../../shared/domain';
import { ArchiveError } from '../../shared/errors';
import { customerKindLabels, fileStatusLabels, withheldTitleLabels } from '../../shared/labels';
import { createApproval, useApproval } from './approvals';
import { recordAudit } from './audit';
import { manifestLine, type BagReport } from './bundle-bag';
import { runWorker } from './worker-thread';
import type { ZipBagJob } from './bundle-zip';
import { nowIso, today, type ServiceContext } from './context';
import { loadCustomer } from './customers';
import { loadFile } from './documents';
import { cancelled } from './jobs';
import { renderForm, renderFormPdfs } from './forms';
import { listLoans } from './loans';
import { whereIsFile } from './locations';
import { escapeHtml } from '../forms/engine';
import type { PdfRenderer } from './pdf';
import { xlsxSheet } from './xlsx';

type Db = Kysely<ArchiveDatabase>;

// The yearly departed-tenant bundle (003 §9.6): the digital twin of the year's bound, boxed files,
// as a BagIt bag (RFC 8493) that stays readable without this app. Written to a temporary folder,
// zipped, verified from disk, and only then given its name.

export interface BundleOptions {
  year: number;
  building?: string;
  folder: string;
  confidential: 'include' | 'exclude' | 'encrypt';
  password?: string;
  /** The general manager's approval to export confidential scans (export_confidential). */
  approvalId?: number;
}

const tenantsOf = (db: Db, year: number, building?: string) => bundleTenants(db, year, building);

/** What the clerk should look at before exporting; they may fix it or export with it reported. */
export async function checkBundle(ctx: ServiceContext, input: { year: number; building?: string }): Promise<BundleCheck> {
  const tenants = await tenantsOf(ctx.db, input.year, input.building);
  const problems: BundleProblem[] = [];
  if (tenants.length === 0) return { tenants: 0, problems };
  const ids = tenants.map((t) => t.fileId);
  const files = await filesToCheck(ctx.db, ids);
  const withDocuments = await filesWithDocuments(ctx.db, ids);
  const out = await filesOut(ctx.db, ids);
  for (const t of tenants) {
    const f = files.find((x) => x.id === t.fileId)!;
    const base = { fileId: t.fileId, refNo: t.refNo, name: t.name };
    if (out.has(t.fileId)) problems.push({ ...base, kind: 'out_on_loan' });
    if (f.label_name !== f.name) problems.push({ ...base, kind: 'label_out_of_date' });
    if (!withDocuments.has(t.fileId)) problems.push({ ...base, kind: 'no_documents' });
    if (!f.home_box_id) problems.push({ ...base, kind: 'no_home_box' });
    if (f.flag_note) problems.push({ ...base, kind: 'flagged', detail: f.flag_note });
  }
  return { tenants: tenants.length, problems };
}

async function countConfidential(db: Db, fileIds: number[]): Promise<number> {
  if (fileIds.length === 0) return 0;
  const rows = await documentLevelsIn(db, fileIds);
  return rows.filter((r) => effectiveConfidentiality(r.file, r.doc) === 'confidential').length;
}

/** Asks the general manager to allow confidential scans into a year's bundle. */
export async function requestBundleApproval(ctx: ServiceContext, input: { year: number; reason: string }): Promise<number> {
  return ctx.db.transaction().execute((trx) =>
    createApproval(trx, ctx, {
      kind: 'export_confidential',
      targetType: 'bundle',
      targetId: input.year,
      summary: `${input.year} 年度退租档案包（含机密扫描件）`,
      reason: input.reason,
      requiredRole: 'general_manager',
    }),
  );
}

/**
 * Every scan passes through SQLite's page cache once on its way out: a small cache for the export
 * keeps the scans from filling it (64 MB otherwise), and it is given back to the desk after.
 */
async function pageCache(db: Db): Promise<{ restore: () => Promise<void> }> {
  const before = await pageCacheSize(db);
  await setPageCacheSize(db, -4096);
  await shrinkMemory(db);
  return {
    restore: async () => {
      await shrinkMemory(db).catch(() => undefined);
      await setPageCacheSize(db, before).catch(() => undefined);
    },
  };
}

// Control characters are what a file name may not hold, with the characters Windows refuses.
const safeName = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
const href = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** Writes the files of a bag and keeps their checksums for the manifest. */
class BagWriter {
  readonly sums = new Map<string, string>();
  bytes = 0;
  constructor(readonly root: string) {}
  put(path: string, data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const full = join(this.root, ...path.split('/'));
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, bytes);
    this.sums.set(path, createHash('sha256').update(bytes).digest('hex'));
    if (path.startsWith('data/')) this.bytes += bytes.length;
  }
}

export async function exportBundle(ctx: ServiceContext, pdf: PdfRenderer | undefined, options: BundleOptions, progress: (p: JobStep) => void, signal?: AbortSignal): Promise<BundleResult> {
  if (!pdf) throw new ArchiveError('PDF_UNAVAILABLE');
  if (options.confidential === 'encrypt' && !options.password) throw new ArchiveError('VALIDATION_FAILED', { field: 'password' });
  const dest = checkOutputFolder(options.folder);
  mkdirSync(dest, { recursive: true });
  const bagName = safeName(`退租档案-${options.year}${options.building ? `-${options.building}` : ''}`);
  const finalFolder = join(dest, bagName);
  const finalZip = join(dest, `${bagName}.zip`);
  if (existsSync(finalFolder) || existsSync(finalZip)) throw new ArchiveError('BUNDLE_EXISTS', { path: existsSync(finalZip) ? finalZip : finalFolder });
  const tenants = await tenantsOf(ctx.db, options.year, options.building);
  if (tenants.length === 0) throw new ArchiveError('BUNDLE_EMPTY', { year: options.year });
  const { problems } = await checkBundle(ctx, options);
  // Confidential scans leave the archive only with the general manager's say (003 §15).
  const confidentialDocs = await countConfidential(
    ctx.db,
    tenants.map((t) => t.fileId),
  );
  const fullView = options.confidential !== 'exclude';
  if (fullView && confidentialDocs > 0 && ctx.session.role !== 'general_manager') {
    await ctx.db.transaction().execute((trx) => useApproval(trx, ctx, options.approvalId, 'export_confidential', options.year));
  }

  const stamp = randomBytes(4).toString('hex');
  const tmp = join(dest, `.${bagName}.partial-${stamp}`);
  const tmpZip = join(dest, `.${bagName}.zip.partial-${stamp}`);
  const organisation = (await getMeta(ctx.db, 'organisation')) ?? '';
  const bag = new BagWriter(tmp);
  let documents = 0;
  let scans = 0;
  const index: BundleTenantIndex[] = [];
  let head: { id: number; hash: string } | null;
  notePending(ctx.archiveDir, tmp, tmpZip);
  const cache = await pageCache(ctx.db);
  try {
    mkdirSync(tmp);
    // With the approval (or without confidential papers) records go out in full; otherwise as this clerk sees them.
    const viewer = fullView ? undefined : { accountId: ctx.session.accountId, role: ctx.session.role, now: ctx.clock.now() };
    // Tenants go in chunks: each chunk's catalogues and registration forms are printed in one
    // Chromium run apiece and split per tenant (a run per form costs about a second each).
    const CHUNK = 25;
    let chunkPdfs = new Map<number, { catalogue: Uint8Array; registration: Uint8Array }>();
    for (const [i, t] of tenants.entries()) {
      cancelled(signal);
      progress({ phase: 'tenants', done: i, total: tenants.length, detail: `${t.refNo} ${t.name}` });
      if (i % CHUNK === 0) {
        const chunk = tenants.slice(i, i + CHUNK).map((x) => ({ fileId: x.fileId }));
        const catalogues = await renderFormPdfs(ctx, pdf, 'file-catalogue', chunk, fullView);
        cancelled(signal);
        const registrations = await renderFormPdfs(ctx, pdf, 'file-registration', chunk, fullView);
        chunkPdfs = new Map(chunk.map((c, k) => [c.fileId, { catalogue: catalogues[k]!, registration: registrations[k]! }]));
      }
      const folder = `data/tenants/${safeName(`${t.refNo} ${t.name}`)}`;
      const file = await loadFile(ctx.db, t.fileId, undefined, viewer);
      const customer = await loadCustomer(ctx.db, t.customerId);
      bag.put(`${folder}/catalogue.pdf`, chunkPdfs.get(t.fileId)!.catalogue);
      bag.put(`${folder}/registration.pdf`, chunkPdfs.get(t.fileId)!.registration);
      const { files: _files, classificationHistory, ...customerRecord } = customer;
      bag.put(`${folder}/customer.json`, JSON.stringify({ ...customerRecord, classificationHistory }, null, 2));
      bag.put(
        `${folder}/customer.csv`,
        csv([
          ['字段 field', '内容 value'],
          ...Object.entries({ ...customerRecord, kind: customerKindLabels['zh-CN'][customer.kind] }).map(([k, v]) => [k, typeof v === 'object' && v !== null ? JSON.stringify(v) : (v as string)]),
        ]),
      );
      const docRows: BundleTenantIndex['documents'] = [];
      // Read apart from the file's documents: a withheld document still lists its scans, without them.
      const scansByDocument = await scansOf(
        ctx.db,
        file.documents.map((d) => d.id),
      );
      const catalogueSeq = new Map(file.catalogue.map((c) => [c.documentId, c.seq]));
      for (const d of [...file.documents].sort((a, b) => (catalogueSeq.get(a.id) ?? 0) - (catalogueSeq.get(b.id) ?? 0))) {
        const seq = catalogueSeq.get(d.id) ?? 0;
        const confidential = effectiveConfidentiality(file.confidentiality, d.confidentiality) === 'confidential';
        const withheld = options.confidential === 'exclude' && confidential;
        const docScans: BundleTenantIndex['documents'][number]['scans'] = [];
        for (const s of scansByDocument.get(d.id) ?? []) {
          const name = `scans/${String(seq).padStart(3, '0')}-${s.id}-${safeName(s.fileName)}`;
          if (withheld) {
            docScans.push({ path: null, fileName: s.fileName, mime: s.mime, size: s.size, sha256: s.sha256, textLayer: false });
            continue;
          }
          cancelled(signal);
          // One scan in memory at a time.
          const row = await scanStored(ctx.db, s.id);
          const bytes = await scanBytes(ctx.db, ctx, row);
          const layered = s.mime === 'application/pdf' ? await withTextLayer(bytes, await pageLinesOf(ctx.db, s.id)) : null;
          bag.put(`${folder}/${name}`, layered ?? bytes);
          docScans.push({ path: name, fileName: s.fileName, mime: s.mime, size: s.size, sha256: s.sha256, textLayer: layered !== null });
          scans++;
        }
        documents++;
        if (withheld) problems.push({ kind: 'confidential_withheld', fileId: t.fileId, refNo: t.refNo, name: t.name, detail: d.title });
        docRows.push({
          seq,
          title: d.title,
          docDate: d.docDate,
          category: d.category,
          pages: d.pages,
          isOriginal: d.isOriginal,
          confidentiality: d.confidentiality,
          remarks: d.remarks,
          withheld,
          scans: docScans,
        });
      }
      bag.put(`${folder}/documents.json`, JSON.stringify(docRows, null, 2));
      bag.put(
        `${folder}/documents.csv`,
        csv([
          ['序号 seq', '题名 title', '日期 date', '类别 category', '页数 pages', '原件 original', '密级 confidentiality', '备注 remarks', '扫描件 scans'],
          ...docRows.map((d) => [
            d.seq,
            d.title || withheldTitleLabels['zh-CN'].title,
            d.docDate,
            d.category,
            d.pages,
            d.isOriginal ? '是' : '否',
            d.confidentiality,
            d.remarks ?? (d.title ? '' : withheldTitleLabels['zh-CN'].why),
            d.scans.map((s) => s.path ?? `（未导出）${s.fileName}`).join(' | '),
          ]),
        ]),
      );
      const loans = await listLoans(ctx, { fileId: t.fileId, limit: null });
      const where = await whereIsFile(ctx.db, t.fileId);
      bag.put(`${folder}/history.json`, JSON.stringify({ location: where, loans }, null, 2));
      // The file's desk records (the meter readings at move-out, keys held, complaints), in words.
      const records = await fileRecords(ctx, t.fileId);
      if (records.length) {
        const rows = records.map((r) => recordInWords(r, 'zh-CN'));
        bag.put(
          `${folder}/records.json`,
          JSON.stringify(
            records.map((r, k) => ({ ...rows[k], fields: r.fields })),
            null,
            2,
          ),
        );
        bag.put(`${folder}/records.csv`, csv([['表格 form', '编号 no.', '日期 date', '状态 status', '内容 content'], ...rows.map((r) => [r.form, r.recordNo, r.occurredAt, r.status, r.content])]));
      }
      index.push({
        folder,
        refNo: t.refNo,
        name: t.name,
        floor: t.floor,
        building: t.building,
        unit: t.unit,
        moveOutDate: t.moveOutDate,
        status: fileStatusLabels['zh-CN'][file.status],
        documents: docRows,
      });
    }

    cancelled(signal);
    progress({ phase: 'catalogue', done: tenants.length, total: tenants.length });
    const catalogueForm = await renderForm(ctx, { formId: 'departed-catalogue', blank: false, params: { year: options.year, building: options.building } });
    bag.put(`data/catalogue/年度退租档案目录-${options.year}.pdf`, await pdf.render(catalogueForm.html));
    const catalogueRows = index.map((t, i) => [i + 1, t.building ?? '', t.floor, t.refNo, t.name, t.unit, t.moveOutDate ?? '', t.documents.length, t.documents.reduce((n, d) => n + d.pages, 0)]);
    const header = ['序号', '楼栋', '楼层', '档号', '客户名称', '单元号', '退租日期', '件数', '页数'];
    bag.put(`data/catalogue/年度退租档案目录-${options.year}.csv`, csv([header, ...catalogueRows]));
    bag.put(
      `data/catalogue/年度退租档案目录-${options.year}.xlsx`,
      await xlsxSheet(
        `${options.year}`,
        header.map((h) => ({ header: h })),
        catalogueRows,
      ),
    );
    bag.put(
      'data/bundle.json',
      JSON.stringify({ organisation, year: options.year, building: options.building ?? null, exportedAt: nowIso(ctx), confidential: options.confidential, tenants: index, problems }, null, 2),
    );
    bag.put('data/report.txt', reportText(options, tenants.length, documents, scans, problems));
    bag.put('data/README.txt', readme(options.year, organisation));
    bag.put('data/index.html', viewerHtml(organisation, options.year, index));

    // The bag's own files (RFC 8493): bagit.txt, bag-info.txt and the two manifests.
    progress({ phase: 'manifest', done: 0, total: 1 });
    // The audit chain's head goes out with the bundle: an anchor kept outside the archive.
    head = await auditHead(ctx.db);
    const payload = [...bag.sums].filter(([p]) => p.startsWith('data/'));
    const manifest = payload
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([p, s]) => manifestLine(s, p))
      .join('');
    bag.put('bagit.txt', 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    bag.put(
      'bag-info.txt',
      [
        `Source-Organization: ${organisation}`,
        `External-Identifier: ${bagName}`,
        `Bagging-Date: ${today(ctx)}`,
        `Contact-Name: ${ctx.session.displayName}`,
        `Payload-Oxum: ${bag.bytes}.${payload.length}`,
        `Archive-Year: ${options.year}`,
        ...(options.building ? [`Archive-Building: ${options.building}`] : []),
        `Tenant-Count: ${tenants.length}`,
        `Document-Count: ${documents}`,
        `Scan-Count: ${scans}`,
        `Confidential-Scans: ${options.confidential}`,
        `Problems: ${problems.length}`,
        ...(head ? [`Audit-Chain-Head: ${head.id} ${head.hash}`] : []),
        '',
      ].join('\n'),
    );
    bag.put('manifest-sha256.txt', manifest);
    const tagSums = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt'].map((p) => manifestLine(bag.sums.get(p)!, p)).join('');
    writeFileSync(join(tmp, 'tagmanifest-sha256.txt'), tagSums);

    // Zipped, flushed to disk, checked from disk (in a thread of its own: every byte is read twice),
    // and only then named: a bundle under its final name is always a verified one. Recorded right after.
    cancelled(signal);
    const { zip: zipReport, folder: folderReport } = await runWorker<{ zip: BagReport; folder: BagReport }>('bag-worker', {
      data: { folder: tmp, topName: bagName, zipPath: tmpZip, password: options.confidential === 'encrypt' ? options.password : undefined } satisfies ZipBagJob,
      progress,
      signal,
    });
    if (!zipReport.ok || !folderReport.ok) throw new ArchiveError('BUNDLE_DAMAGED', { problems: [...zipReport.problems, ...folderReport.problems].slice(0, 20) });
    cancelled(signal);
    if (options.confidential === 'encrypt') rmSync(tmp, { recursive: true, force: true });
    else renameSync(tmp, finalFolder);
    renameSync(tmpZip, finalZip);
    fsyncTree(dest, false);
    clearPending(ctx.archiveDir, tmp, tmpZip);
  } catch (error) {
    clearPending(ctx.archiveDir, tmp, tmpZip);
    rmSync(tmp, { recursive: true, force: true });
    rmSync(tmpZip, { force: true });
    // The bag is written twice (folder and zip) before the folder is removed or kept.
    throw writeError(error, dest, bag.bytes * 2 + 1024 * 1024) ?? error;
  } finally {
    await cache.restore();
  }

  const at = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await recordBundleExport(
      trx,
      tenants.map((t) => t.fileId),
      {
        year: options.year,
        building: options.building ?? null,
        path: options.confidential === 'encrypt' ? finalZip : finalFolder,
        confidential: options.confidential,
        tenants: tenants.length,
        documents,
        scans,
        bytes: bag.bytes,
        problems: problems.length,
        exported_at: at,
        exported_by: ctx.session.accountId,
      },
    );
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'bundle.exported', {
      targetType: 'bundle',
      targetId: String(options.year),
      details: { building: options.building, path: finalZip, tenants: tenants.length, documents, scans, bytes: bag.bytes, confidential: options.confidential, problems: problems.length },
    });
  });
  if (head && ctx.archiveDir) appendAnchor(ctx.archiveDir, { source: 'bundle', where: finalZip, at, ...head });
  return {
    folder: options.confidential === 'encrypt' ? null : finalFolder,
    zip: finalZip,
    tenants: tenants.length,
    documents,
    scans,
    bytes: bag.bytes,
    problems,
    verified: true,
  };
}

function reportText(o: BundleOptions, tenants: number, documents: number, scans: number, problems: BundleProblem[]): string {
  const kinds: Record<BundleProblem['kind'], string> = {
    out_on_loan: '导出时仍借出未还 / still out on loan',
    label_out_of_date: '标牌需重印 / label out of date',
    no_documents: '卷内无文件 / no documents in the catalogue',
    no_home_box: '未入盒 / in no box',
    flagged: '有待查标记 / flagged',
    confidential_withheld: '机密扫描件未导出 / confidential scan withheld',
  };
  return [
    `年度 Year: ${o.year}${o.building ? `  楼栋 Building: ${o.building}` : ''}`,
    `租户 Tenants: ${tenants}  文件 Documents: ${documents}  扫描件 Scans: ${scans}`,
    `机密扫描件 Confidential scans: ${o.confidential}`,
    '',
    `问题 Problems (${problems.length}):`,
    ...problems.map((p) => `- ${p.refNo} ${p.name}: ${kinds[p.kind]}${p.detail ? ` — ${p.detail}` : ''}`),
    '',
  ].join('\r\n');
}

/** The text read from a scan's pages, with where each line is: what its invisible layer is made of. */
async function pageLinesOf(db: Kysely<ArchiveDatabase>, scanId: number): Promise<PageLines[]> {
  return (await pagesOfScan(db, scanId)).map((p) => ({ pageNo: p.page_no, width: p.width, height: p.height, skew: p.skew, turned: p.turned, lines: readLines(p.lines) }));
}

function readme(year: number, organisation: string): string {
  return `${organisation} ${year} 年度退租档案包
======================================

本文件夹是一个 BagIt 包（RFC 8493）。不需要“客户档案台”软件即可阅读：
- 用任意浏览器打开 data/index.html，按楼层列出全部租户，可直接打开各租户的卷内目录、登记表、记录和扫描件。
- data/catalogue/：本年度退租档案目录（按楼层），PDF、Excel（xlsx）和 CSV 三种格式。
- data/tenants/<档号 客户名称>/：catalogue.pdf（卷内目录）、registration.pdf（客户档案登记表）、
  customer.json / customer.csv（客户记录）、documents.json / documents.csv（卷内文件记录）、
  history.json（存放位置、移动和借阅记录）、scans/（扫描件，文件名含原始文件名）。
  已识别文字的 PDF 扫描件带有不可见的文字层：在任意 PDF 阅读器中可搜索、复制页面上的文字，页面图像不变。
  documents.json 中的 sha256 与 size 是档案中保存的原件的，带文字层的副本以 textLayer 标明。
- data/report.txt：导出时发现的问题（如仍借出未还、机密扫描件未导出）。
- data/bundle.json：机器可读的总索引。

如何校验：manifest-sha256.txt 列出 data/ 下每个文件的 SHA-256。任何 BagIt 工具（如 bagit-python：
"bagit.py --validate 文件夹"）或 "sha256sum -c"（在本文件夹中，先去掉每行路径前的空格差异）均可校验；
客户档案台中可用“校验归档包”或 "npm run verify-bundle -- 路径"。

${organisation} — departed-tenant bundle for ${year}
======================================

This folder is a BagIt bag (RFC 8493), readable without the Archive Desk app:
- Open data/index.html in any browser: tenants by floor, with links to each tenant's catalogue,
  registration form, records and scans.
- data/catalogue/: the year's departed-tenant catalogue by floor, as PDF, xlsx and CSV.
- data/tenants/<档号 name>/: catalogue.pdf, registration.pdf, customer.json/.csv,
  documents.json/.csv, history.json (location, moves and loans), scans/ (original file names kept).
  A PDF scan whose text was read carries it as an invisible layer, so any PDF viewer finds and
  copies the words; the page images are unchanged. In documents.json, sha256 and size are those of
  the scan as the archive keeps it; textLayer marks a copy that carries the layer.
- data/report.txt: problems found at export; data/bundle.json: the machine-readable index.

To verify: manifest-sha256.txt lists the SHA-256 of every file under data/, tagmanifest-sha256.txt
those of the tag files. Any BagIt validator works (e.g. "bagit.py --validate FOLDER"), or Archive
Desk's "verify bundle" / "npm run verify-bundle -- PATH". CSV files are UTF-8 with a BOM for Excel.
`;
}

function viewerHtml(organisation: string, year: number, tenants: BundleTenantIndex[]): string {
  // Tenants come in building → floor order; a heading for each building and floor in it.
  const groups: { building: string | null; floor: string; tenants: BundleTenantIndex[] }[] = [];
  for (const t of tenants) {
    const last = groups.at(-1);
    if (last && last.building === t.building && last.floor === t.floor) last.tenants.push(t);
    else groups.push({ building: t.building, floor: t.floor, tenants: [t] });
  }
  const body = groups
    .map(({ building, floor, tenants: here }, g) => {
      const rows = here
        .map((t) => {
          const base = t.folder.replace(/^data\//, '');
          const scanLinks = t.documents
            .flatMap((d) =>
              d.scans.map((s) =>
                s.path
                  ? `<a href="${href(`${base}/${s.path}`)}">${escapeHtml(`${d.seq}. ${s.fileName}`)}</a>`
                  : `<span class="withheld">${escapeHtml(`${d.seq}. ${s.fileName}（未导出 withheld）`)}</span>`,
              ),
            )
            .join('<br>');
          return `<tr><td>${escapeHtml(t.refNo)}</td><td>${escapeHtml(t.name)}</td><td>${escapeHtml(t.unit)}</td><td>${escapeHtml(t.moveOutDate ?? '')}</td><td>${t.documents.length}</td>
<td><a href="${href(`${base}/catalogue.pdf`)}">卷内目录</a> · <a href="${href(`${base}/registration.pdf`)}">登记表</a> · <a href="${href(`${base}/documents.csv`)}">文件记录</a> · <a href="${href(`${base}/customer.json`)}">客户记录</a></td><td>${scanLinks}</td></tr>`;
        })
        .join('\n');
      const buildingHeading = g === 0 || groups[g - 1]!.building !== building ? `<h2>楼栋 Building ${escapeHtml(building || '—')}</h2>\n` : '';
      return `${buildingHeading}<h3>${escapeHtml(building || '')} 楼层 Floor ${escapeHtml(floor || '—')}</h3>
<table><thead><tr><th>档号</th><th>客户名称</th><th>单元</th><th>退租日期</th><th>件数</th><th>目录与记录</th><th>扫描件</th></tr></thead><tbody>
${rows}
</tbody></table>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'">
<title>${escapeHtml(organisation)} ${year} 年度退租档案</title>
<style>body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}table{border-collapse:collapse;width:100%;margin-bottom:24px}th,td{border:1px solid #999;padding:4px 6px;text-align:left;vertical-align:top;font-size:14px}th{background:#eee}.withheld{color:#999}</style>
</head><body>
<h1>${escapeHtml(organisation)} ${year} 年度退租档案</h1>
<p><a href="catalogue/${encodeURIComponent(`年度退租档案目录-${year}.pdf`)}">年度退租档案目录（PDF）</a> · <a href="catalogue/${encodeURIComponent(`年度退租档案目录-${year}.xlsx`)}">Excel</a> · <a href="README.txt">README</a> · <a href="report.txt">问题报告 report</a></p>
${body}
</body></html>
`;
}
