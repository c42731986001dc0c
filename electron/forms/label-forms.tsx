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

export interface CoverSheetData {
  code: string;
  refNo: string;
  customerName: string;
  unit: string;
  category: string;
  title: string;
  docDate: string;
  isOriginal: boolean | null;
  /** Printed for a document already on file: the pages become a new scan of it. */
  forDocument: boolean;
}

/**
 * 扫描封面: laid on top of a document's pages in the scanner's feeder. Its QR code names the file
 * (and the document); a blank one only separates, and the pages after it wait for the clerk.
 */
export function CoverSheet({ header, data }: { header: FormHeader; data: CoverSheetData | { code: string; blank: true } | null }) {
  const filled = data && 'refNo' in data ? data : null;
  const code = data?.code;
  return (
    <FormSheet header={header}>
      {code && <img className="cover-qr" src={svg(toSVG({ bcid: 'qrcode', text: code }))} alt={filled ? `QR ${filled.refNo}` : 'QR'} />}
      <div className="cover-code">{filled?.refNo ?? ''}</div>
      <Fields
        cells={[
          ['档号', filled?.refNo, 2],
          ['客户名称', filled?.customerName],
          ['单元', filled?.unit],
          ['文件类别', filled?.category],
          ['原件/复印件', filled ? (filled.isOriginal === false ? '复印件' : '原件') : '□原件　□复印件'],
          ['文件题名', filled?.title, 2],
          ['文件日期', filled?.docDate],
          ['页数', ''],
        ]}
      />
      <p className="note">
        {filled?.forDocument
          ? '本页放在该文件各页之前一起扫描，扫描后的各页作为该文件的新扫描件归入档案；本页不存入档案，可以再用。'
          : filled
            ? '本页放在一份文件各页之前一起扫描：本页之后、下一张封面之前的各页成为这份档案的一份新文件；本页不存入档案，可以再用。'
            : '空白封面只用于分隔：本页之后的各页成为一份文件，进入“待归档扫描件”，由档案员确定归入哪份档案。'}
      </p>
      <p className="note">扫描时每份文件前放一张封面；双面扫描产生的空白页会被去掉，放倒的页会被转正。</p>
    </FormSheet>
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
