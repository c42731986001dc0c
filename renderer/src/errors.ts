import { ArchiveError } from '../../shared/errors';

/** Whatever a call threw, as an ArchiveError the screens can show. */
export function toArchiveError(error: unknown): ArchiveError {
  return error instanceof ArchiveError ? error : new ArchiveError('INTERNAL', undefined, String(error));
}
