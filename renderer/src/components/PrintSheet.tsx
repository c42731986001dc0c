import { PrinterOutlined } from '@ant-design/icons';
import { Button, Modal, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n';

export interface PrintSheetProps<Row> {
  open: boolean;
  onClose: () => void;
  title: string;
  /** Lines under the title: numbers, dates, parties. */
  meta: ReactNode[];
  columns: { title: string; dataIndex?: string; key?: string; width?: number; render?: (value: never, row: Row) => ReactNode }[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  /** Signature boxes, a row of cells each. */
  signatures: string[][];
  testId?: string;
  extra?: ReactNode;
  onPrinted?: () => void;
}

/** A paper form shown in a dialog: only the sheet goes to the printer. */
export function PrintSheet<Row extends object>(props: PrintSheetProps<Row>) {
  const t = useT();
  return (
    <Modal
      title={props.title}
      open={props.open}
      onCancel={props.onClose}
      width={960}
      footer={
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => {
            window.print();
            props.onPrinted?.();
          }}
        >
          {t('labels.print')}
        </Button>
      }
    >
      <div className="print-area" data-testid={props.testId}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {props.title}
        </Typography.Title>
        {props.meta.map((line, i) => (
          <Typography.Paragraph key={i} style={{ marginBottom: 4 }}>
            {line}
          </Typography.Paragraph>
        ))}
        <Table<Row> size="small" bordered pagination={false} rowKey={props.rowKey} dataSource={props.rows} columns={props.columns as never} />
        {props.extra}
        <table className="signature-table">
          <tbody>
            {props.signatures.map((cells, i) => (
              <tr key={i}>
                {cells.map((c) => (
                  <td key={c}>{c}：</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Modal>
  );
}
