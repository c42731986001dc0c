import { ArchiveError } from '../../shared/errors';

export const MIN_PASSWORD_LENGTH = 8;

/**
 * A desk password guards every customer file: at least 8 characters of three kinds (or 12 of
 * two), never containing the user name. Kept small on purpose; the key derivation does the rest.
 */
export function checkNewPassword(password: string, confirm: string, username: string): void {
  if (password !== confirm) throw new ArchiveError('PASSWORDS_DIFFER');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  const longEnough = password.length >= MIN_PASSWORD_LENGTH;
  const varied = classes >= 3 || (password.length >= 12 && classes >= 2);
  const containsName = username.length >= 2 && password.toLowerCase().includes(username.toLowerCase());
  const oneCharacter = new Set(password).size < 4;
  if (!longEnough || !varied || containsName || oneCharacter) {
    throw new ArchiveError('WEAK_PASSWORD', { minLength: MIN_PASSWORD_LENGTH });
  }
}
