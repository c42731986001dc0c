import { Tag, Typography } from 'antd';
import type { DocumentCategory, FileDuty } from '../../../../shared/api';
import { periodName } from '../../../../shared/duties';
import { api } from '../../api';
import { DeskTable } from '../../components/DeskTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { categoryName, useLabels } from '../../labels';

const stateColor = { done: 'green', due: 'blue', late: 'red' } as const;

/** What this file owes under the rules in 设置: each duty done, due or late, and the documents it lacks. */
export function FileDutiesTab({ fileId, categories, changed }: { fileId: number; categories: DocumentCategory[]; changed: unknown }) {
  const t = useT();
  const L = useLabels();
  const duties = useApi(() => api.getFileDuties({ fileId }), [fileId, changed], [] as FileDuty[]);
  const category = (code: string) => {
    const c = categories.find((x) => x.code === code);
    return c ? categoryName(c, L.locale) : '';
  };
  return (
    <>
      <ErrorAlert error={duties.error} onClose={duties.clearError} />
      <DeskTable<FileDuty>
        data-testid="file-duties"
        rowKey="duty"
        pagination={false}
        loading={duties.loading}
        dataSource={duties.data}
        locale={{ emptyText: t('duties.noneForFile') }}
        columns={[
          { title: t('duties.duty'), dataIndex: 'duty', width: 170, render: (d: FileDuty['duty']) => L.duty[d] },
          { title: t('duties.period'), key: 'period', width: 150, render: (_v, d) => (d.period && d.window ? periodName(d.window, d.period, L.locale) : t('duties.newFile')) },
          { title: t('duties.state'), dataIndex: 'state', width: 90, render: (s: FileDuty['state']) => <Tag color={stateColor[s]}>{t(`duties.state_${s}`)}</Tag> },
          { title: t('duties.dueDate'), dataIndex: 'dueDate', width: 110 },
          {
            title: t('duties.detail'),
            key: 'detail',
            wrap: true,
            width: 300,
            render: (_v, d) =>
              d.duty === 'completeness'
                ? d.lacking?.length
                  ? `${t('duties.lacking')}：${d.lacking.map(category).filter(Boolean).join('、')}`
                  : t('duties.complete')
                : [d.licenceExpiry ? t('duties.licenceExpired', { date: d.licenceExpiry }) : null, `${t('duties.lastDone')}：${d.lastDone ?? t('duties.never')}`].filter(Boolean).join('；'),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('duties.fileHint')}
      </Typography.Paragraph>
    </>
  );
}
