import { Alert } from 'antd';
import type { ArchiveError } from '../../../shared/errors';
import { useT } from '../i18n';

/** Shows an archive error's translated message; validation issues are listed under it. */
export function ErrorAlert({ error, onClose }: { error: ArchiveError | null; onClose?: () => void }) {
  const t = useT();
  if (!error) return null;
  const issues = (error.details?.issues as { path: string; label?: string | null; message: string }[] | undefined) ?? [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-error-code={error.code}
      title={t('error.title')}
      description={
        <>
          <div>{error.message}</div>
          {issues.length > 0 && (
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {issues.map((issue) => (
                <li key={issue.path + issue.message}>
                  {/* The field's name in words; a path without one is not shown to a person. */}
                  {issue.label ? `${issue.label}：` : ''}
                  {issue.message}
                </li>
              ))}
            </ul>
          )}
        </>
      }
      closable={onClose ? { onClose } : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
