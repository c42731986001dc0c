import type { RetentionEvent, RetentionPeriod } from '../../shared/domain';

/** The date a retention period counts from, once that event has happened (else null). */
export function retentionEventDate(event: RetentionEvent, facts: { moveOutDate: string | null; lastDocumentDate: string | null; fileCreatedAt: string }): string | null {
  if (event === 'move_out') return facts.moveOutDate;
  if (event === 'last_document') return facts.lastDocumentDate;
  return facts.fileCreatedAt.slice(0, 10);
}

/** When the retention period ends: the event date plus its years; null for 永久 or before the event. */
export function retentionDueDate(period: RetentionPeriod, eventDate: string | null): string | null {
  if (period === 'permanent' || !eventDate) return null;
  const [y, m, d] = eventDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${y + Number(period)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
