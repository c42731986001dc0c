import { requirePermission } from '../../shared/permissions';
import type { Kysely } from 'kysely';
import type { ArchiveDatabase } from '../../db/schema';
import type { BoxDetail, BoxInfo, BoxScanOutcome, BoxScanResult, CodeTarget, DepartedMoveProposal, FileLabel, FileLocation, LocationPath, StorageRoom } from '../../shared/api';
import { filesOut } from '../../db/queries/loans';
import {
  boxById,
  boxesUnder,
  codeTaken,
  countFilesIn,
  departedFilesInActiveBoxes,
  fileCountsByBox,
  fileIdByRefNo,
  filesInBoxes,
  fileWithHome,
  insertBox,
  insertCabinet,
  insertRoom,
  insertShelf,
  labelRows,
  labelsPrinted,
  lastPosition,
  lastTransferOf,
  liveBoxByCode,
  liveStorage,
  movesOf,
  outCountsByBox,
  pathOf,
  pathsOf,
  placeState,
  putFileInBox,
  retirePlace,
  updateBox,
  updateCabinet,
  updateRoom,
} from '../../db/queries/locations';
import { ArchiveError } from '../../shared/errors';
import { systemMoveReasons } from '../../shared/labels';
import { refNoVariants } from '../../shared/ref-numbers';
import { recordAudit } from './audit';
import type { AuditAction } from '../../shared/audit-labels';
import { nowIso, type ServiceContext } from './context';

type Db = Kysely<ArchiveDatabase>;

export async function loadStorage(db: Db): Promise<StorageRoom[]> {
  const { rooms, cabinets, shelves, boxes: liveBoxes } = await liveStorage(db);
  // Counts per box in two grouped passes (an index scan, and the few files out), not two subqueries per box.
  const heldIn = await fileCountsByBox(db);
  const outOf = await outCountsByBox(db);
  const boxes = liveBoxes.map((b) => ({
    ...b,
    fileCount: heldIn.get(b.id) ?? 0,
    outCount: outOf.get(b.id) ?? 0,
  }));
  const toBox = (b: (typeof boxes)[number]): BoxInfo => ({
    id: b.id,
    code: b.code,
    position: b.position,
    capacity: b.capacity,
    purpose: b.purpose,
    servesBuilding: b.serves_building,
    servesFloor: b.serves_floor,
    fileCount: Number(b.fileCount ?? 0),
    outCount: Number(b.outCount ?? 0),
  });
  return rooms.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    cabinets: cabinets
      .filter((c) => c.room_id === r.id)
      .map((c) => ({
        id: c.id,
        code: c.code,
        description: c.description,
        shelves: shelves.filter((s) => s.cabinet_id === c.id).map((s) => ({ id: s.id, position: s.position, label: s.label, boxes: boxes.filter((b) => b.shelf_id === s.id).map(toBox) })),
      })),
  }));
}

async function audit(ctx: ServiceContext, action: AuditAction, targetType: string, targetId: number, details?: Record<string, unknown>) {
  await recordAudit(ctx.db, ctx.clock, ctx.session.accountId, action, { targetType, targetId: String(targetId), details });
}

export async function saveRoom(ctx: ServiceContext, input: { id?: number; name: string; description?: string }): Promise<StorageRoom[]> {
  if (input.id) {
    if (!(await updateRoom(ctx.db, input.id, { name: input.name, description: input.description ?? null }))) throw new ArchiveError('NOT_FOUND');
    await audit(ctx, 'location.room_saved', 'room', input.id, { name: input.name });
  } else {
    const id = await insertRoom(ctx.db, { name: input.name, description: input.description ?? null });
    await audit(ctx, 'location.room_saved', 'room', id, { name: input.name });
  }
  return loadStorage(ctx.db);
}

async function requireCodeFree(db: Db, table: 'cabinets' | 'boxes', code: string, exceptId?: number): Promise<void> {
  if (await codeTaken(db, table, code, exceptId)) throw new ArchiveError('CODE_TAKEN', { code });
}

/** A cabinet (文件柜) with a code such as "3F-A" and its shelves (layers), created together. */
export async function saveCabinet(ctx: ServiceContext, input: { id?: number; roomId: number; code: string; description?: string; shelves: number }): Promise<StorageRoom[]> {
  await requireCodeFree(ctx.db, 'cabinets', input.code, input.id);
  await ctx.db.transaction().execute(async (trx) => {
    const room = await placeState(trx, 'rooms', input.roomId);
    if (!room) throw new ArchiveError('NOT_FOUND');
    if (room.retired_at) throw new ArchiveError('LOCATION_RETIRED');
    const values = { room_id: input.roomId, code: input.code, description: input.description ?? null };
    if (input.id) await updateCabinet(trx, input.id, values);
    else await insertCabinet(trx, values, input.shelves);
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'location.cabinet_saved', { details: { code: input.code } });
  });
  return loadStorage(ctx.db);
}

export async function addShelf(ctx: ServiceContext, input: { cabinetId: number; label?: string }): Promise<StorageRoom[]> {
  const cabinet = await placeState(ctx.db, 'cabinets', input.cabinetId);
  if (!cabinet) throw new ArchiveError('NOT_FOUND');
  if (cabinet.retired_at) throw new ArchiveError('LOCATION_RETIRED');
  await insertShelf(ctx.db, { cabinet_id: input.cabinetId, position: (await lastPosition(ctx.db, 'shelves', input.cabinetId)) + 1, label: input.label ?? null });
  return loadStorage(ctx.db);
}

export async function saveBox(
  ctx: ServiceContext,
  input: { id?: number; shelfId: number; code: string; capacity: number; purpose: 'active' | 'departed'; servesBuilding?: string; servesFloor?: string },
): Promise<StorageRoom[]> {
  await requireCodeFree(ctx.db, 'boxes', input.code, input.id);
  const shelf = await placeState(ctx.db, 'shelves', input.shelfId);
  if (!shelf) throw new ArchiveError('NOT_FOUND');
  if (shelf.retired_at) throw new ArchiveError('LOCATION_RETIRED');
  const values = {
    shelf_id: input.shelfId,
    code: input.code,
    capacity: input.capacity,
    purpose: input.purpose,
    serves_building: input.servesBuilding ?? null,
    serves_floor: input.servesFloor ?? null,
  };
  if (input.id) {
    const held = await countFilesIn(ctx.db, [input.id]);
    if (held > input.capacity) throw new ArchiveError('BOX_FULL', { code: input.code, capacity: input.capacity });
    await updateBox(ctx.db, input.id, values);
    await audit(ctx, 'location.box_saved', 'box', input.id, { code: input.code });
  } else {
    const id = await insertBox(ctx.db, { ...values, position: (await lastPosition(ctx.db, 'boxes', input.shelfId)) + 1 });
    await audit(ctx, 'location.box_saved', 'box', id, { code: input.code });
  }
  return loadStorage(ctx.db);
}

/** A location that still holds files cannot be retired; a retired one keeps its history. */
export async function retireLocation(ctx: ServiceContext, input: { kind: 'room' | 'cabinet' | 'shelf' | 'box'; id: number }): Promise<StorageRoom[]> {
  const count = await countFilesIn(ctx.db, await boxesUnder(ctx.db, input));
  if (count > 0) throw new ArchiveError('LOCATION_IN_USE', { count });
  if (!(await retirePlace(ctx.db, input, nowIso(ctx)))) throw new ArchiveError('NOT_FOUND');
  await audit(ctx, 'location.retired', input.kind, input.id);
  return loadStorage(ctx.db);
}

export function describePath(p: LocationPath): string {
  return `${p.roomName} / ${p.cabinetCode} / ${p.shelfPosition} / ${p.boxCode}`;
}

/** "Where is file X?": its home box, whether it is out and with whom, and every move it made. */
export async function whereIsFile(db: Db, fileId: number): Promise<FileLocation> {
  const file = await fileWithHome(db, fileId);
  if (!file) throw new ArchiveError('NOT_FOUND');
  const moves = await movesOf(db, fileId);
  const paths = await pathsOf(
    db,
    [...moves.flatMap((m) => [m.from_box_id, m.to_box_id]), file.home_box_id].filter((id): id is number => id !== null),
  );
  const describeBox = (id: number | null) => {
    const p = id === null ? undefined : paths.get(id);
    return p ? describePath(p) : null;
  };
  const transfer = file.transferred_at ? await lastTransferOf(db, fileId) : undefined;
  return {
    fileId: file.id,
    refNo: file.ref_no,
    name: file.name,
    home: file.home_box_id ? (paths.get(file.home_box_id) ?? null) : null,
    out: (await filesOut(db, [fileId])).get(fileId) ?? null,
    transferred: transfer ? { at: transfer.at ?? '', toDepartment: transfer.toDepartment, transferNo: transfer.transferNo } : null,
    moves: moves.map((m) => ({ at: m.at, from: describeBox(m.from_box_id), to: describeBox(m.to_box_id) ?? '', by: m.display_name, reason: m.reason })),
  };
}

/** Files into a box: its capacity is kept, and the move is recorded with from, to, who, when, why. */
export async function moveFile(ctx: ServiceContext, input: { fileId: number; toBoxId: number; reason: string }): Promise<FileLocation> {
  await ctx.db.transaction().execute(async (trx) => {
    const file = await fileWithHome(trx, input.fileId);
    if (!file) throw new ArchiveError('NOT_FOUND');
    const box = await boxById(trx, input.toBoxId);
    if (!box) throw new ArchiveError('NOT_FOUND');
    if (box.retired_at) throw new ArchiveError('LOCATION_RETIRED');
    if (file.home_box_id === box.id) return;
    if ((await countFilesIn(trx, [box.id])) >= box.capacity) throw new ArchiveError('BOX_FULL', { code: box.code, capacity: box.capacity });
    await fileInto(trx, ctx, file, box.id, input.reason);
  });
  return whereIsFile(ctx.db, input.fileId);
}

/** Puts a file in a box and keeps the move in its history and the audit log (the caller checks the box). */
export async function fileInto(trx: Db, ctx: ServiceContext, file: { id: number; home_box_id: number | null }, boxId: number, reason: string): Promise<void> {
  // Filing a transferred file into a box again brings it back into the desk's custody.
  await putFileInBox(trx, { fileId: file.id, fromBoxId: file.home_box_id, toBoxId: boxId, at: nowIso(ctx), by: ctx.session.accountId, reason });
  await recordAudit(trx, ctx.clock, ctx.session.accountId, 'file.moved', { targetType: 'file', targetId: String(file.id), details: { from: file.home_box_id, to: boxId, reason } });
}

/**
 * 扫码入盒: with a box open, each scanned file label files that file in it, one after another.
 * A scan that cannot file (unknown code, a box label, the box full) says so and changes nothing.
 */
export async function scanIntoBox(ctx: ServiceContext, input: { boxId: number; code: string }): Promise<BoxScanOutcome> {
  return ctx.db.transaction().execute(async (trx) => {
    const box = await boxById(trx, input.boxId);
    if (!box) throw new ArchiveError('NOT_FOUND');
    if (box.retired_at) throw new ArchiveError('LOCATION_RETIRED');
    const held = await countFilesIn(trx, [box.id]);
    const outcome = (result: BoxScanResult, more: Partial<BoxScanOutcome> = {}): BoxScanOutcome => ({
      code: input.code,
      result,
      fileId: null,
      refNo: null,
      name: null,
      fromBox: null,
      fileCount: held,
      capacity: box.capacity,
      ...more,
    });
    const target = await findByCode(trx, input.code).catch((e: unknown) => {
      if (e instanceof ArchiveError && e.code === 'NOT_FOUND') return null;
      throw e;
    });
    if (!target) return outcome('unknown');
    if (target.kind === 'box') return outcome('box_code');
    const file = await fileWithHome(trx, target.fileId);
    if (!file) throw new ArchiveError('NOT_FOUND');
    const named = { fileId: file.id, refNo: file.ref_no, name: file.name };
    if (file.status === 'destroyed') return outcome('destroyed', named);
    if (file.home_box_id === box.id) return outcome('already', named);
    if (held >= box.capacity) return outcome('full', named);
    await fileInto(trx, ctx, file, box.id, systemMoveReasons.scanIntoBox);
    return outcome('filed', { ...named, fromBox: file.homeCode, fileCount: held + 1 });
  });
}

/** A box's view: what should be inside, in 档号 order. */
export async function getBox(db: Db, boxId: number): Promise<BoxDetail> {
  const box = await boxById(db, boxId);
  const path = await pathOf(db, boxId);
  if (!box || !path) throw new ArchiveError('NOT_FOUND');
  const files = (await filesInBoxes(db, [boxId])).map(({ fileId, refNo, name, unit, status }) => ({ fileId, refNo, name, unit, status }));
  const out = await filesOut(
    db,
    files.map((f) => f.fileId),
  );
  return {
    id: box.id,
    code: box.code,
    position: box.position,
    capacity: box.capacity,
    purpose: box.purpose,
    servesBuilding: box.serves_building,
    servesFloor: box.serves_floor,
    fileCount: files.length,
    outCount: out.size,
    path,
    files: files.map((f) => ({ ...f, out: out.get(f.fileId) ?? null })),
  };
}

/**
 * Departed tenants' files go to separate "departed" boxes by floor (003 §9.6): for each departed
 * file still in an active box, the departed box that serves its floor (and building) and has room.
 */
export async function proposeDepartedMoves(db: Db): Promise<DepartedMoveProposal[]> {
  const files = await departedFilesInActiveBoxes(db);
  const storage = (await loadStorage(db)).flatMap((r) => r.cabinets.flatMap((c) => c.shelves.flatMap((s) => s.boxes)));
  const room = new Map(storage.map((b) => [b.id, b.capacity - b.fileCount]));
  return files.map((f) => {
    const target = storage.find(
      (b) => b.purpose === 'departed' && (b.servesFloor ?? null) === (f.floor ?? null) && (!b.servesBuilding || b.servesBuilding === f.building) && (room.get(b.id) ?? 0) > 0,
    );
    if (target) room.set(target.id, (room.get(target.id) ?? 0) - 1);
    return { fileId: f.fileId, refNo: f.refNo, name: f.name, floor: f.floor, fromBox: f.fromBox, toBoxId: target?.id ?? null, toBox: target?.code ?? null };
  });
}

/**
 * The active box each file should go in (003 §9.2: boxes are kept by building and floor): the first
 * with room, after the files before it, that serves its building and floor, else its floor in any
 * building, else its building, else no place in particular; null when none has room.
 */
export async function suggestActiveBoxes(db: Db, files: { building: string | null; floor: string | null }[]): Promise<({ id: number; code: string } | null)[]> {
  const boxes = (await loadStorage(db)).flatMap((r) => r.cabinets.flatMap((c) => c.shelves.flatMap((s) => s.boxes))).filter((b) => b.purpose === 'active');
  const room = new Map(boxes.map((b) => [b.id, b.capacity - b.fileCount]));
  const fits = (b: BoxInfo, building: string | null, floor: string | null) => (room.get(b.id) ?? 0) > 0 && (b.servesBuilding ?? null) === building && (b.servesFloor ?? null) === floor;
  return files.map((f) => {
    const building = f.building || null;
    const floor = f.floor || null;
    const wanted: [string | null, string | null][] = [
      [building, floor],
      [null, floor],
      [building, null],
      [null, null],
    ];
    const target = wanted.map(([b, fl]) => boxes.find((x) => fits(x, b, fl))).find(Boolean);
    if (!target) return null;
    room.set(target.id, (room.get(target.id) ?? 0) - 1);
    return { id: target.id, code: target.code };
  });
}

/**
 * 退租档案归位: every departed file still in an active box goes to the departed box proposed for
 * it, in one transaction (all of them, or none if one cannot be filed). Files with no departed box
 * with room for their floor stay where they are and are counted.
 */
export async function moveDepartedFiles(ctx: ServiceContext): Promise<{ moved: number; left: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const proposals = await proposeDepartedMoves(trx);
    let moved = 0;
    for (const p of proposals) {
      if (!p.toBoxId) continue;
      const file = await fileWithHome(trx, p.fileId);
      if (!file) throw new ArchiveError('NOT_FOUND');
      await fileInto(trx, ctx, file, p.toBoxId, systemMoveReasons.departed);
      moved++;
    }
    return { moved, left: proposals.length - moved };
  });
}

/**
 * What a scanned or typed code names: a file by its 档号 (or an old one), or a box by its code.
 * Barcodes carry "." where the 档号 has "·" (Code 128 has no "·"), so both are accepted.
 */
export async function findByCode(db: Db, code: string): Promise<CodeTarget> {
  const variants = refNoVariants(code);
  const fileId = await fileIdByRefNo(db, variants);
  if (fileId !== undefined) return { kind: 'file', fileId };
  const boxId = await liveBoxByCode(db, code);
  if (boxId !== undefined) return { kind: 'box', boxId };
  throw new ArchiveError('NOT_FOUND');
}

/** What a file label shows: customer name, 档号, unit, location. */
export async function getFileLabels(db: Db, fileIds: number[]): Promise<FileLabel[]> {
  const rows = await labelRows(db, fileIds);
  const paths = await pathsOf(
    db,
    rows.flatMap((r) => (r.boxId ? [r.boxId] : [])),
  );
  return rows.map((r) => {
    const path = r.boxId ? paths.get(r.boxId) : undefined;
    return { fileId: r.fileId, refNo: r.refNo, name: r.name, unit: r.unit, location: path ? describePath(path) : null };
  });
}

/** A printed label carries the current name: the "label out of date" warning clears (003 §9.5). */
export async function markLabelsPrinted(ctx: ServiceContext, fileIds: number[]): Promise<void> {
  requirePermission(ctx.session.role, 'customers.write');
  await ctx.db.transaction().execute(async (trx) => {
    const at = nowIso(ctx);
    await labelsPrinted(trx, fileIds, at);
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'labels.printed', { details: { fileIds } });
  });
}
