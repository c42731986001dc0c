import { daysBetween } from './dates';

/**
 * A file out on loan is overdue once the desk's local day is past its due date (the due day itself
 * is not late); it counts the days since. The SQL that counts overdue loans (the loan list's
 * 逾期 filter, the reports' overdue rate) asks the same: still out and `due_date < today`.
 */
export function daysOverdue(itemState: string, dueDate: string | null, today: string): number {
  return itemState === 'out' && dueDate && dueDate < today ? daysBetween(dueDate, today) : 0;
}
