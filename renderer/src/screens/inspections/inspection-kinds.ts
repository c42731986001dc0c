import type { InspectionFindingKind } from '../../../../shared/domain';

export const kindColour: Record<InspectionFindingKind, string> = {
  present: 'green',
  misfiled: 'orange',
  missing: 'red',
  lent: 'blue',
  unknown: 'purple',
  not_checked: 'default',
  flagged: 'gold',
  document_missing: 'volcano',
};
/** The order findings are read in: problems first. */
export const kindOrder: InspectionFindingKind[] = ['missing', 'misfiled', 'unknown', 'document_missing', 'flagged', 'not_checked', 'lent', 'present'];
