// The paper forms the app prints (003 §6, §7; 002), what record each is filled from, and its
// page orientation. Titles are in labels.ts; the templates are in electron/forms/.

export const formIds = [
  'file-registration',
  'customer-info-survey',
  'customer-credit-survey',
  'emergency-contacts',
  'dangerous-customers',
  'file-catalogue',
  'loan-register',
  'loan-slip',
  'overdue-reminder',
  'transfer-receipt',
  'inspection-record',
  'destruction-list',
  'departed-catalogue',
  'file-labels',
  'box-labels',
  'scan-cover',
  'recovery-key',
  'desk-record',
  'report-composition',
  'report-borrowing',
  'report-storage',
  'report-movement',
  'report-complaints',
  'report-satisfaction',
] as const;
export type FormId = (typeof formIds)[number];

/** What a filled form is filled from; a blank form needs nothing. */
export type FormRecordKind = 'report' | 'record' | 'cover' | 'file' | 'building' | 'month' | 'loan' | 'borrower' | 'transfer' | 'inspection' | 'register' | 'year' | 'box' | 'cabinet' | 'recoveryKey';

export const formDefinitions: Record<FormId, { record: FormRecordKind; orientation: 'portrait' | 'landscape'; formNo: string | null }> = {
  'file-registration': { record: 'file', orientation: 'portrait', formNo: 'qms-pm-31301' },
  'customer-info-survey': { record: 'file', orientation: 'portrait', formNo: null },
  'customer-credit-survey': { record: 'file', orientation: 'portrait', formNo: null },
  'emergency-contacts': { record: 'building', orientation: 'landscape', formNo: 'qms-pm-31302' },
  'dangerous-customers': { record: 'building', orientation: 'landscape', formNo: null },
  'file-catalogue': { record: 'file', orientation: 'portrait', formNo: null },
  'loan-register': { record: 'month', orientation: 'landscape', formNo: null },
  'loan-slip': { record: 'loan', orientation: 'portrait', formNo: null },
  'overdue-reminder': { record: 'borrower', orientation: 'portrait', formNo: null },
  'transfer-receipt': { record: 'transfer', orientation: 'portrait', formNo: null },
  'inspection-record': { record: 'inspection', orientation: 'landscape', formNo: null },
  'destruction-list': { record: 'register', orientation: 'landscape', formNo: null },
  'departed-catalogue': { record: 'year', orientation: 'landscape', formNo: null },
  'file-labels': { record: 'box', orientation: 'portrait', formNo: null },
  'box-labels': { record: 'cabinet', orientation: 'portrait', formNo: null },
  // Printed from a file or a document (its category, title and date), or blank as a bare separator.
  'scan-cover': { record: 'cover', orientation: 'portrait', formNo: null },
  'recovery-key': { record: 'recoveryKey', orientation: 'portrait', formNo: null },
  // Every desk record kind prints through this one generated form; its title and number are the kind's.
  'desk-record': { record: 'record', orientation: 'portrait', formNo: null },
  // The reports print through the forms engine (charts as SVG); they have their own screen.
  'report-composition': { record: 'report', orientation: 'portrait', formNo: null },
  'report-borrowing': { record: 'report', orientation: 'portrait', formNo: null },
  'report-storage': { record: 'report', orientation: 'portrait', formNo: null },
  'report-movement': { record: 'report', orientation: 'portrait', formNo: null },
  'report-complaints': { record: 'report', orientation: 'portrait', formNo: null },
  'report-satisfaction': { record: 'report', orientation: 'portrait', formNo: null },
};

export const reportFormIds = {
  composition: 'report-composition',
  borrowing: 'report-borrowing',
  storage: 'report-storage',
  movement: 'report-movement',
  complaints: 'report-complaints',
  satisfaction: 'report-satisfaction',
} as const;
