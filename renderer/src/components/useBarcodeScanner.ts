import { App } from 'antd';
import { useEffect } from 'react';
import { api } from '../api';
import { toArchiveError } from '../errors';
import { useT } from '../i18n';
import { useCustomersStore } from '../stores/customers-store';
import { useNavStore } from '../stores/nav-store';
import { deliverScan } from './scan-target';
import { useMayCall } from './useMayCall';

/** Keys closer together than this come from a scanner, not a person. */
const SCANNER_GAP_MS = 60;

/**
 * A USB barcode scanner types the code and Enter. Anywhere outside a text field, a scanned file
 * code opens that file and a box code opens that box; no mouse needed.
 */
export function useBarcodeScanner(): void {
  const t = useT();
  const { message } = App.useApp();
  const openFile = useCustomersStore((s) => s.openFile);
  const go = useNavStore((s) => s.go);
  const showBox = useNavStore((s) => s.showBox);
  // A role that does not read files (the administrator) has nothing to scan for.
  const mayRead = useMayCall('findByCode');
  useEffect(() => {
    if (!mayRead) return;
    let buffer = '';
    let last = 0;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const now = performance.now();
      if (now - last > SCANNER_GAP_MS) buffer = '';
      last = now;
      if (event.key === 'Enter') {
        const code = buffer.trim();
        buffer = '';
        if (code.length < 4) return;
        event.preventDefault();
        if (deliverScan(code)) return;
        api
          .findByCode({ code })
          .then((found) => {
            if (found.kind === 'file') {
              go('customers');
              openFile(found.fileId);
            } else showBox(found.boxId);
          })
          .catch((e) => {
            const error = toArchiveError(e);
            message.error(error.code === 'NOT_FOUND' ? t('scan.notFound', { code }) : error.message);
          });
      } else if (event.key.length === 1) {
        buffer += event.key;
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [mayRead, go, openFile, showBox, message, t]);
}
