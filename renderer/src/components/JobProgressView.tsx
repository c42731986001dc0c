import { Button, Progress, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobProgress } from '../../../shared/api';
import { errorMessage } from '../../../shared/labels';
import { api } from '../api';
import { useLocaleStore, useT, type MessageKey } from '../i18n';

/**
 * Follows a background job (bundle export, xlsx import): polls its progress until it ends, and
 * stops polling when the screen goes away. `onEnd` runs once, with the last progress.
 */
export function useJob(onEnd?: (job: JobProgress) => void) {
  const [job, setJob] = useState<JobProgress | null>(null);
  const poll = useRef<ReturnType<typeof setInterval> | null>(null);
  const ended = useRef(onEnd);
  ended.current = onEnd;
  const stop = () => {
    if (poll.current) clearInterval(poll.current);
    poll.current = null;
  };
  useEffect(() => stop, []);

  const show = useCallback((p: JobProgress) => {
    setJob(p);
    if (p.state !== 'running' && poll.current) {
      stop();
      ended.current?.(p);
    }
  }, []);

  const follow = useCallback(
    async (jobId: string) => {
      stop();
      poll.current = setInterval(() => void api.getJob({ jobId }).then(show, stop), 400);
      show(await api.getJob({ jobId }));
    },
    [show],
  );
  const cancel = useCallback(async () => {
    if (job) show(await api.cancelJob({ jobId: job.jobId }));
  }, [job, show]);
  const clear = useCallback(() => {
    stop();
    setJob(null);
  }, []);
  return { job, follow, cancel, clear };
}

/** A job's bar, phase, count, time left, cancel button, and what a cancel left (each job says it its own way) or the error. */
export function JobProgressView({ job, onCancel, cancelledText }: { job: JobProgress; onCancel: () => void; cancelledText: string }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const failure = job.state === 'cancelled' ? cancelledText : job.error ? errorMessage(job.error.code, locale, job.error.details) : null;
  return (
    <div data-testid="job-progress" data-state={job.state}>
      <Progress percent={Math.round(job.fraction * 100)} status={job.state === 'failed' || job.state === 'cancelled' ? 'exception' : job.state === 'done' ? 'success' : 'active'} />
      <Space wrap>
        <Tag>{t(`job.phase_${job.phase}` as MessageKey)}</Tag>
        {job.total > 0 && <span>{`${job.done}/${job.total}`}</span>}
        {job.detail && <span>{job.detail}</span>}
        {job.state === 'running' && job.etaSeconds !== null && <span>{t('job.eta', { s: job.etaSeconds })}</span>}
        {job.state === 'running' && (
          <Button danger size="small" onClick={onCancel}>
            {t('job.cancel')}
          </Button>
        )}
      </Space>
      {failure && (
        <Typography.Paragraph type={job.state === 'cancelled' ? 'warning' : 'danger'} data-error-code={job.error?.code}>
          {failure}
        </Typography.Paragraph>
      )}
    </div>
  );
}
