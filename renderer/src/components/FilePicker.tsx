import { App, Select } from 'antd';
import { useRef, useState, type KeyboardEvent } from 'react';
import { api } from '../api';
import { toArchiveError } from '../errors';
import { useT } from '../i18n';
import { useScanTarget } from './scan-target';

/** A label's code, scanned or typed whole: no Chinese, no spaces, as long as a 档号 at least. */
const looksLikeCode = (text: string) => text.length >= 12 && !/[\s\u4e00-\u9fff]/.test(text);

/**
 * Picks files by typing a name, pinyin, unit or 档号 (the archive's one search box). With
 * `scannable`, a scanned file label picks its file: typed into the box, or anywhere in the form.
 */
export function FilePicker({
  value,
  onChange,
  id,
  multiple = true,
  scannable = false,
}: {
  value?: number[];
  onChange?: (ids: number[]) => void;
  id?: string;
  multiple?: boolean;
  scannable?: boolean;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [typed, setTyped] = useState('');
  // What is in the box now: a scanner's Enter comes before React has drawn its last key.
  const typedNow = useRef('');
  const known = useRef(new Map<number, string>());
  const pickByCode = (code: string) => {
    void api
      .findByCode({ code })
      .then(async (found) => {
        if (found.kind !== 'file') {
          message.error(t('scan.notFile', { code }));
          return;
        }
        const hit = (await api.search({ query: code, limit: 10 })).files.find((f) => f.fileId === found.fileId);
        known.current.set(found.fileId, hit ? `${hit.refNo} ${hit.name} ${hit.unit}` : code);
        setTyped('');
        typedNow.current = '';
        onChange?.(multiple ? [...(value ?? []).filter((v) => v !== found.fileId), found.fileId] : [found.fileId]);
      })
      .catch((e: unknown) => {
        const error = toArchiveError(e);
        message.error(error.code === 'NOT_FOUND' ? t('scan.notFound', { code }) : error.message);
      });
  };
  useScanTarget(pickByCode, scannable);
  // A scan into the box itself (or a 档号 typed whole): Enter picks its file, not a search hit.
  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const code = typedNow.current.trim();
    if (scannable && event.key === 'Enter' && looksLikeCode(code)) {
      event.preventDefault();
      event.stopPropagation();
      pickByCode(code);
    }
  };
  const search = (query: string) => {
    if (!query.trim()) return;
    void api.search({ query, limit: 10 }).then((r) => {
      const found = r.files.map((f) => ({ value: f.fileId, label: `${f.refNo} ${f.name} ${f.unit}` }));
      for (const o of found) known.current.set(o.value, o.label);
      setOptions(found);
    });
  };
  // Chosen files stay labelled while the list shows the latest search.
  const chosen = (value ?? []).filter((v) => !options.some((o) => o.value === v)).map((v) => ({ value: v, label: known.current.get(v) ?? String(v) }));
  return (
    <Select<number[]>
      id={id}
      mode={multiple ? 'multiple' : undefined}
      showSearch={{
        filterOption: false,
        searchValue: typed,
        onSearch: (q) => {
          typedNow.current = q;
          setTyped(q);
          search(q);
        },
      }}
      onInputKeyDown={onInputKeyDown}
      value={value}
      onChange={(v) => onChange?.(Array.isArray(v) ? v : [v as unknown as number])}
      options={[...chosen, ...options]}
      placeholder={scannable ? t('files.pickOrScan') : t('loans.pickFiles')}
      notFoundContent={null}
    />
  );
}
