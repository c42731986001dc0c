import { complaint } from './complaint';
import type { RecordKind } from './define';
import { repair } from './repair';

export * from './define';

/** Every record kind, in the order the 登记簿 lists them. A new kind is declared in its own file and added here. */
export const recordKinds: readonly RecordKind[] = [complaint, repair];

export const recordKindIds = recordKinds.map((k) => k.id);

export function recordKind(id: string): RecordKind | undefined {
  return recordKinds.find((k) => k.id === id);
}
