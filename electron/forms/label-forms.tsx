import { toSVG } from 'bwip-js/node';
import type { FileLabel } from '../../shared/api';
import { Fields, FormSheet, Signatures, type FormHeader } from './engine';

// Box spine labels and file labels (Code 128 and QR, 2×5 on A4), and the recovery-key sheet.

const svg = (s: string) => `data:image/svg+xml;base64,${Buffer.from(s).toString('base64')}`;
// Code 128 has no "·": the barcode carries "." and the lookup accepts both.
const barcode = (code: string) => svg(toSVG({ bcid: 'code128', text: code.replace(/·/g, '.'), height: 9, includetext: false }));
const qr = (code: string) => svg(toSVG({ bcid: 'qrcode', text: code }));

export interface LabelItem {
  title: string;
  lines: string[];
  code: string;
}

export function fileLabelItems(labels: FileLabel[]): LabelItem[] {
  return labels.map((l) => ({ title: l.name, lines: [l.refNo, [l.unit, l.location].filter(Boolean).join('  ')], code: l.refNo }));
}

export function LabelSheet({ header, data }: { header: FormHeader; data: LabelItem[] | null }) {
  // A blank sheet shows the grid of empty labels to write on.
  const items = data ?? Array.from({ length: 10 }, () => null);
  return (
    <section className="form">
      <div className={header.pageSize ? 'labels single' : 'labels'}>
        {items.map((l, i) => (
          <div className="label" key={i}>
            <div className="text">
              <div className="title">{l?.title ?? ''}</div>
              {l?.lines.map((line) => (
                <div className="line" key={line}>
                  {line}
                </div>
              ))}
              {l && <img className="bar" src={barcode(l.code)} alt={`Code 128 ${l.code}`} />}
            </div>
            {l && <img className="qr" src={qr(l.code)} alt={`QR ${l.code}`} />}
          </div>
        ))}
      </div>
      <span style={{ display: 'none' }}>{header.title}</span>
    </section>
  );
}

export function RecoveryKeySheet({ header, data }: { header: FormHeader; data: { recoveryKey: string; archiveDir: string; createdAt: string } | null }) {
  return (
    <FormSheet header={header}>
      <Fields
        cells={[
          ['单位', header.organisation, 2],
          ['档案库位置', data?.archiveDir, 2],
          ['打印日期', data?.createdAt],
        ]}
      />
      <div className="key">{data?.recoveryKey ?? '____-____-____-____-____-____-____-____'}</div>
      <p>忘记所有管理员密码时，凭此恢复密钥可重新设置密码。恢复密钥不保存在电脑上，遗失后无法找回。请将本页与档案库备份分开、锁存保管，不得拍照或存入电脑。</p>
      <Signatures rows={[['保管人签字', '保管地点', '日期']]} />
    </FormSheet>
  );
}
