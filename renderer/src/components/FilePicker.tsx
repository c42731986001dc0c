import { Select } from 'antd';
import { useRef, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';

/** Picks files by typing a name, pinyin, unit or 档号 (the archive's one search box). */
export function FilePicker({ value, onChange, id, multiple = true }: { value?: number[]; onChange?: (ids: number[]) => void; id?: string; multiple?: boolean }) {
  const t = useT();
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const known = useRef(new Map<number, string>());
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
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      onChange={(v) => onChange?.(Array.isArray(v) ? v : [v as unknown as number])}
      options={[...chosen, ...options]}
      placeholder={t('loans.pickFiles')}
      notFoundContent={null}
    />
  );
}
