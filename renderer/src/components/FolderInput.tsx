import { FolderOpenOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { api } from '../api';
import { useT } from '../i18n';
import { useSessionStore } from '../stores/session-store';

/**
 * A folder on this PC: typed, or, in the desktop app, chosen with the system's folder dialog.
 * Works as an antd form control (value / onChange).
 */
export function FolderInput({
  value,
  onChange,
  onChosen,
  onBlur,
  ariaLabel,
  placeholder,
}: {
  value?: string;
  onChange?: (folder: string) => void;
  onChosen?: (folder: string) => void;
  onBlur?: () => void;
  ariaLabel?: string;
  placeholder?: string;
}) {
  const t = useT();
  const dialog = useSessionStore((s) => s.status?.folderDialog ?? false);
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input value={value} placeholder={placeholder} aria-label={ariaLabel} style={{ fontFamily: 'monospace' }} onChange={(e) => onChange?.(e.target.value)} onBlur={onBlur} />
      {dialog && (
        <Button
          icon={<FolderOpenOutlined />}
          onClick={() =>
            void api.chooseFolder({ defaultPath: value || undefined }).then((folder) => {
              if (!folder) return;
              onChange?.(folder);
              onChosen?.(folder);
            })
          }
        >
          {t('folder.choose')}
        </Button>
      )}
    </Space.Compact>
  );
}
