import { Badge, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import { useT } from '../../i18n';
import { useNavStore } from '../../stores/nav-store';
import { BorrowersTab } from './BorrowersTab';
import { LoanDesk } from './LoanDesk';
import { LoanRegister } from './LoanRegister';
import { OverdueList } from './OverdueList';
import { TransfersTab } from './TransfersTab';
import { useApi } from '../../components/useApi';

/** 借阅登记: the desk, the register with requests and renewals, overdue files, borrowers, transfers. */
export function LoansPage() {
  const t = useT();
  const [refreshKey, setRefreshKey] = useState(0);
  const [tab, setTab] = useState(useNavStore.getState().loansTab);
  const loansTab = useNavStore((s) => s.loansTab);
  useEffect(() => setTab(loansTab), [loansTab]);
  const changed = useCallback(() => setRefreshKey((k) => k + 1), []);
  // The tab's count; a failed load is shown on the tab itself (OverdueList).
  const overdue = useApi(() => api.listOverdue(), [refreshKey], []).data.length;
  return (
    <Tabs
      destroyOnHidden
      activeKey={tab}
      onChange={(key) => {
        setTab(key);
        changed();
      }}
      items={[
        { key: 'desk', label: t('loans.tabDesk'), children: <LoanDesk onDone={changed} /> },
        { key: 'register', label: t('loans.tabRegister'), children: <LoanRegister refreshKey={refreshKey} onChanged={changed} /> },
        {
          key: 'overdue',
          label: (
            <Badge count={overdue} size="small" offset={[8, 0]}>
              {t('loans.tabOverdue')}
            </Badge>
          ),
          children: <OverdueList refreshKey={refreshKey} />,
        },
        { key: 'borrowers', label: t('loans.tabBorrowers'), children: <BorrowersTab refreshKey={refreshKey} onChanged={changed} /> },
        { key: 'transfers', label: t('loans.tabTransfers'), children: <TransfersTab refreshKey={refreshKey} onChanged={changed} /> },
      ]}
    />
  );
}
