import { Tree } from 'antd';
import { useMemo, useState } from 'react';
import type { StorageRoom } from '../../../../shared/api';
import { useT } from '../../i18n';

export type Selection = { kind: 'room' | 'cabinet' | 'shelf' | 'box'; id: number } | null;

/** Rooms, cabinets, shelves and boxes as a tree, with each box's fill; everything open but what the clerk folds. */
export function StorageTree({ storage, selected, onSelect }: { storage: StorageRoom[]; selected: Selection; onSelect: (selection: NonNullable<Selection>) => void }) {
  const t = useT();
  const treeData = storage.map((r) => ({
    key: `room-${r.id}`,
    title: r.name,
    children: r.cabinets.map((c) => ({
      key: `cabinet-${c.id}`,
      title: `${c.code}${c.description ? `（${c.description}）` : ''}`,
      children: c.shelves.map((s) => ({
        key: `shelf-${s.id}`,
        title: t('loc.shelf', { n: s.position }),
        children: s.boxes.map((b) => ({
          key: `box-${b.id}`,
          title: `${b.code} · ${b.fileCount}/${b.capacity}${b.outCount > 0 ? ` · ${t('loc.outCount', { n: b.outCount })}` : ''}${b.purpose === 'departed' ? ` · ${t('loc.purposeDeparted')}` : ''}`,
          isLeaf: true,
        })),
      })),
    })),
  }));

  // Everything starts open, new rooms, cabinets and shelves too; only what the clerk folds stays folded.
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const allKeys = useMemo(() => {
    const keys = new Set<string>();
    const walk = (nodes: { key: string; children?: unknown[] }[]) => {
      for (const n of nodes) {
        keys.add(n.key);
        if (n.children) walk(n.children as { key: string; children?: unknown[] }[]);
      }
    };
    walk(treeData);
    return keys;
  }, [treeData]);

  return (
    <Tree
      data-testid="storage-tree"
      expandedKeys={[...allKeys].filter((k) => !collapsed.has(k))}
      onExpand={(keys) => setCollapsed(new Set([...allKeys].filter((k) => !keys.includes(k))))}
      treeData={treeData}
      selectedKeys={selected ? [`${selected.kind}-${selected.id}`] : []}
      onSelect={(keys) => {
        // Clicking the selected node again keeps it selected (antd would clear it).
        if (keys.length === 0) return;
        const [kind, id] = String(keys[0]).split('-') as [NonNullable<Selection>['kind'], string];
        onSelect({ kind, id: Number(id) });
      }}
    />
  );
}
