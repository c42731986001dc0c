import { resetCustomers } from './customers-store';
import { useFileStore } from './file-store';
import { useLoanDeskStore } from './loan-desk-store';
import { useNavStore } from './nav-store';
import { resetReports } from './reports-store';

/**
 * When the archive locks (the lock button, the idle lock, a session lost), what the screens held
 * goes: the next person to sign in starts at the home screen, with no search, list, open file,
 * half-done lending or report of the one before (a general manager's search may have listed
 * confidential titles).
 */
export function resetFeatureStores(): void {
  resetCustomers();
  resetReports();
  useFileStore.setState(useFileStore.getInitialState(), true);
  useLoanDeskStore.setState(useLoanDeskStore.getInitialState(), true);
  useNavStore.setState(useNavStore.getInitialState(), true);
}
