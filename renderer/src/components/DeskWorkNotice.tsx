import { Alert, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { DeskWork } from '../../../shared/api';
import { api } from '../api';
import { useT } from '../i18n';
import { useLabels } from '../labels';

/**
 * What the desk is doing on its own (the day's page check, a backup), read from the archive's
 * status every second while `active`; nothing is shown when it is doing nothing. `compact` is the
 * header's short form.
 */
export function DeskWorkNotice({ active = true, signIn = false, compact = false }: { active?: boolean; signIn?: boolean; compact?: boolean }) {
  const t = useT();
  const { deskWork } = useLabels();
  const [work, setWork] = useState<DeskWork[]>([]);
  useEffect(() => {
    if (!active) {
      setWork([]);
      return;
    }
    let gone = false;
    const read = () =>
      api.getArchiveStatus().then(
        (status) => !gone && setWork(status.work),
        // The status is read again a second later; a missed read hides nothing lasting.
        () => undefined,
      );
    void read();
    const timer = setInterval(() => void read(), 1000);
    return () => {
      gone = true;
      clearInterval(timer);
    };
  }, [active]);
  if (work.length === 0) return null;
  const seconds = (w: DeskWork) => ({ seconds: Math.round(w.elapsedMs / 1000) });
  if (compact) {
    return (
      <>
        {work.map((w) => (
          <Tag key={w.kind} role="status" icon={<Spin size="small" style={{ marginInlineEnd: 6 }} />} title={t('work.elapsed', seconds(w))}>
            {deskWork[w.kind]}
          </Tag>
        ))}
      </>
    );
  }
  return (
    <>
      {work.map((w) => (
        <Alert
          key={w.kind}
          type="info"
          showIcon
          icon={<Spin size="small" />}
          role="status"
          style={{ marginBottom: 12 }}
          title={deskWork[w.kind]}
          description={t(signIn ? 'work.elapsedSignIn' : 'work.elapsed', seconds(w))}
        />
      ))}
    </>
  );
}
