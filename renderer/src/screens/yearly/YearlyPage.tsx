import { Tabs } from 'antd';
import { useState } from 'react';
import type { OpenedBundle } from '../../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n';
import { BundleBrowser } from './BundleBrowser';
import { BundleExportTab } from './BundleExportTab';

/** 年度归档: the yearly departed-tenant bundle — check, export with progress, verify, open read-only. */
export function YearlyPage() {
  const t = useT();
  const { error, setError, run } = useAction();
  const [opened, setOpened] = useState<{ bundle: OpenedBundle; password?: string } | null>(null);
  const [tab, setTab] = useState('export');
  return (
    <>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'export',
            label: t('bundle.tabExport'),
            children: (
              <BundleExportTab
                run={run}
                onOpened={(bundle, password) => {
                  setOpened({ bundle, password });
                  setTab('open');
                }}
              />
            ),
          },
          { key: 'open', label: t('bundle.tabOpen'), children: <BundleBrowser opened={opened} onOpen={(bundle, password) => setOpened({ bundle, password })} onError={setError} /> },
        ]}
      />
    </>
  );
}
