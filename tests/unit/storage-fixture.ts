import type { StorageRoom } from '../../shared/api';
import { makeVault, openDesk } from './helpers';

export function boxes(storage: StorageRoom[]) {
  return storage.flatMap((r) => r.cabinets.flatMap((c) => c.shelves.flatMap((s) => s.boxes)));
}

/** A room with cabinet 3F-A: shelf 1 holds B-001 (capacity 2) and B-002, shelf 2 the departed box D-3F. */
export async function setupStorage<C extends ReturnType<typeof makeVault>>(make: () => C = makeVault as () => C) {
  const ctx = make();
  const recoveryKey = await openDesk(ctx);
  const { api } = ctx;
  let storage = await api.saveRoom({ name: '客务部档案室' });
  const roomId = storage[0]!.id;
  storage = await api.saveCabinet({ roomId, code: '3F-A', description: '3F 租户', shelves: 2 });
  const [shelf1, shelf2] = storage[0]!.cabinets[0]!.shelves;
  await api.saveBox({ shelfId: shelf1!.id, code: 'B-001', capacity: 2, servesFloor: '3' });
  await api.saveBox({ shelfId: shelf1!.id, code: 'B-002', capacity: 10, servesFloor: '3' });
  storage = await api.saveBox({ shelfId: shelf2!.id, code: 'D-3F', capacity: 10, purpose: 'departed', servesFloor: '3' });
  const byCode = Object.fromEntries(boxes(storage).map((b) => [b.code, b]));
  const file = async (name: string, unit: string, moveOutDate?: string) =>
    (await api.registerCustomer({ kind: 'tenant', name, floor: '3', units: [unit], moveInDate: '2020-01-01', moveOutDate })).customer.files[0]!.id;
  return { ...ctx, roomId, shelf1: shelf1!, byCode, file, recoveryKey };
}
