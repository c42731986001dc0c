// Error codes that cross the boundary (IPC or HTTP). Messages for each code are in labels.ts.

export const errorCodes = [
  'VALIDATION_FAILED',
  'UNKNOWN_METHOD',
  'NOT_SIGNED_IN',
  'FORBIDDEN',
  'ARCHIVE_NOT_FOUND',
  'ARCHIVE_EXISTS',
  'ARCHIVE_LOCKED',
  'ALREADY_UNLOCKED',
  'SIGN_IN_UNDER_WAY',
  'ARCHIVE_BUSY',
  'WRONG_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'WRONG_RECOVERY_KEY',
  'ACCOUNT_NOT_FOUND',
  'KEY_FILE_MISSING',
  'KEY_FILE_DAMAGED',
  'KEY_FILE_MISMATCH',
  'NOT_AN_ARCHIVE',
  'ARCHIVE_DAMAGED',
  'ARCHIVE_TOO_NEW',
  'WEAK_PASSWORD',
  'PASSWORDS_DIFFER',
  'UNAUTHORIZED_CLIENT',
  'NOT_FOUND',
  'DUPLICATE_CUSTOMER',
  'DATES_OUT_OF_ORDER',
  'FILE_CLOSED',
  'FILE_NOT_CLOSED',
  'SCAN_TOO_LARGE',
  'SCAN_TYPE_NOT_ALLOWED',
  'SCAN_NOT_A_SCAN',
  'SCAN_DAMAGED',
  'SCAN_FOLDER_UNUSABLE',
  'SCAN_FOLDER_IN_ARCHIVE',
  'REASON_REQUIRED',
  'UNKNOWN_CATEGORY',
  'UNKNOWN_RECORD_KIND',
  'IMPORT_UNREADABLE',
  'IMPORT_HAS_ERRORS',
  'SESSION_EXPIRED',
  'USERNAME_TAKEN',
  'LAST_ADMINISTRATOR',
  'CANNOT_DISABLE_SELF',
  'BACKUP_EXISTS',
  'BACKUP_FAILED',
  'BACKUP_DAMAGED',
  'APPROVAL_REQUIRED',
  'APPROVAL_NOT_PENDING',
  'APPROVER_NOT_ALLOWED',
  'APPROVER_IS_REQUESTER',
  'CONFIDENTIAL_RESTRICTED',
  'ON_LEGAL_HOLD',
  'NOT_DUE_FOR_DESTRUCTION',
  'REGISTER_NOT_APPROVED',
  'WITNESSES_REQUIRED',
  'LOCATION_IN_USE',
  'LOCATION_RETIRED',
  'BOX_FULL',
  'CODE_TAKEN',
  'INSPECTION_OPEN',
  'INSPECTION_FINISHED',
  'FILE_OUT',
  'FILE_NOT_OUT',
  'FILE_TRANSFERRED',
  'LOAN_NOT_APPROVED',
  'LOAN_WRONG_STATE',
  'RENEWAL_TOO_LATE',
  'LENT_DATE_IN_FUTURE',
  'DUE_BEFORE_LENT',
  'RENEWAL_LIMIT',
  'BORROWER_HOLDS_FILES',
  'BORROWER_LEFT',
  'BORROWER_OWNS_CUSTOMERS',
  'BLACKLIST_MATCH',
  'ADMISSION_INCOMPLETE',
  'CUSTOMER_CLOSED',
  'CUSTOMER_NOT_CLOSED',
  'CONTACT_DATE_IN_FUTURE',
  'NOTHING_TO_RESUBMIT',
  'OWNER_NOT_ACTIVE',
  'HANDOVER_TO_SELF',
  'NOTHING_TO_HAND_OVER',
  'TRANSFER_NOT_APPROVED',
  'PDF_UNAVAILABLE',
  'FOLDER_DIALOG_UNAVAILABLE',
  'FORM_RECORD_REQUIRED',
  'CANCELLED',
  'BUNDLE_EXISTS',
  'BUNDLE_EMPTY',
  'BUNDLE_DAMAGED',
  'BUNDLE_UNREADABLE',
  'BACKUP_OTHER_ARCHIVE',
  'RESTORE_NEEDS_RECOVERY_KEY',
  'FOLDER_NOT_ALLOWED',
  'FOLDER_NOT_WRITABLE',
  'DISK_FULL',
  'DECLASSIFY_NEEDS_APPROVAL',
  'TOO_MANY_ATTEMPTS',
  'IMPORT_FILE_TOO_LARGE',
  'IMPORT_TOO_MANY_ROWS',
  'IMPORT_UNPACKS_TOO_LARGE',
  'BUNDLE_NOT_OPENED',
  'CONFIDENTIAL_KEY_MISSING',
  'ROLE_SEPARATION',
  'INTERNAL',
  'RECORD_FIELDS_REQUIRED',
  'RECORD_MOVE_NOT_ALLOWED',
  'RECORD_FILE_REQUIRED',
  'RECORD_FILE_DESTROYED',
  'RECORD_EXISTS_FOR_DAY',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ArchiveErrorPayload {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * The one error type services throw. The message is filled in by the dispatcher in the
 * caller's locale, so services only say which code and which details.
 */
export class ArchiveError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, details?: Record<string, unknown>, message?: string) {
    super(message ?? code);
    this.name = 'ArchiveError';
    this.code = code;
    this.details = details;
  }
}

export function isArchiveError(value: unknown): value is ArchiveError {
  return value instanceof ArchiveError;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ArchiveErrorPayload };

// Electron's contextBridge keeps only the message of a rejected Error, so the preload puts the
// payload into the message and the renderer's adapter takes it out again.
const BRIDGED_PREFIX = 'ArchiveError:';

export function encodeBridgedError(payload: ArchiveErrorPayload): string {
  return BRIDGED_PREFIX + JSON.stringify(payload);
}

export function decodeBridgedError(message: string): ArchiveErrorPayload | null {
  if (!message.includes(BRIDGED_PREFIX)) return null;
  try {
    const payload = JSON.parse(message.slice(message.indexOf(BRIDGED_PREFIX) + BRIDGED_PREFIX.length)) as ArchiveErrorPayload;
    return typeof payload.code === 'string' && (errorCodes as readonly string[]).includes(payload.code) ? payload : null;
  } catch {
    return null;
  }
}
