import { Flex, Input, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { BoxScanOutcome } from '../../../../shared/api';
import { api } from '../../api';
import { scanTone } from '../../components/scan-feedback';
import { useAction } from '../../components/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocaleStore, useT } from '../../i18n';
import { boxScanResultLabels } from '../../../../shared/labels';

/**
 * 扫码入盒: the open box's scan field. Each file label scanned (or 档号 typed) and Enter files
 * that file here at once, with a tone; the last scans stay listed so a wrong one is seen.
 */
export function BoxScanField({ boxId, boxCode, onFiled }: { boxId: number; boxCode: string; onFiled: () => void }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const { error, setError, run } = useAction();
  const [code, setCode] = useState('');
  const [lines, setLines] = useState<BoxScanOutcome[]>([]);
  const busy = useRef(false);
  const submit = () => {
    const value = code.trim();
    if (!value || busy.current) return;
    busy.current = true;
    setCode('');
    void run(async () => {
      const outcome = await api.scanIntoBox({ boxId, code: value });
      scanTone(outcome.result === 'filed' ? 'ok' : 'warn');
      setLines((l) => [outcome, ...l].slice(0, 8));
      if (outcome.result === 'filed') onFiled();
    }).finally(() => (busy.current = false));
  };
  return (
    <Flex vertical gap={6} style={{ marginBottom: 8 }}>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Input
        allowClear
        value={code}
        onChange={(e) => setCode(e.target.value)}
        onPressEnter={submit}
        placeholder={t('loc.scanIntoBox', { code: boxCode })}
        aria-label={t('loc.scanIntoBox', { code: boxCode })}
      />
      <div data-testid="box-scan-lines">
        {lines.map((l, i) => (
          <Flex key={`${i}-${l.code}`} gap={8} align="center" style={{ opacity: i === 0 ? 1 : 0.65 }}>
            <Tag color={l.result === 'filed' ? 'green' : l.result === 'already' ? 'default' : 'orange'}>{boxScanResultLabels[locale][l.result]}</Tag>
            <Typography.Text ellipsis style={{ maxWidth: 460 }}>
              {l.refNo ? `${l.refNo} ${l.name ?? ''}` : l.code}
              {l.fromBox ? `（${t('loc.scanFrom', { code: l.fromBox })}）` : ''}
            </Typography.Text>
            {i === 0 && <Typography.Text type="secondary">{t('loc.scanCount', { n: l.fileCount, capacity: l.capacity })}</Typography.Text>}
          </Flex>
        ))}
      </div>
    </Flex>
  );
}
