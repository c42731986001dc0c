import type { DestructionRegister, InspectionDetail, LoanDetail, LoanRegisterRow, TransferInfo } from '../../shared/api';
import { inspectionFindingLabels, loanKindLabels, loanStatusLabels, loanTermLabels, returnConditionLabels } from '../../shared/labels';
import { DataTable, Fields, FormSheet, Signatures, ymd, ymdhm, type FormHeader } from './engine';

// Archive-work forms (003 §6): 借用/借阅记录表, 借阅单, 逾期催还单, 档案移交签收表, 档案检查记录,
// 档案销毁清单, and the yearly departed-tenant catalogue (003 §9.6).

const zh = 'zh-CN' as const;

/** 经办人: the clerk who lent, and after a slash the one who took the file back when that was someone else. */
function handledBy(r: { lentBy: string | null; receivedBy: string | null }): string {
  return [r.lentBy, r.receivedBy && r.receivedBy !== r.lentBy ? r.receivedBy : null].filter(Boolean).join('／');
}

export function LoanRegisterSheet({ header, data }: { header: FormHeader; data: { period: string; rows: LoanRegisterRow[]; lendSignatures: Record<number, string> } | null }) {
  return (
    <FormSheet header={header} subLeft={`期间：${data?.period ?? '　　年　　月'}`}>
      <DataTable
        columns={[
          { title: '借阅日期', width: '20mm', nowrap: true, value: (r) => ymd(r.lentAt ?? r.requestedAt) },
          { title: '借阅人', width: '16mm', value: (r) => r.borrower },
          { title: '部门', width: '20mm', value: (r) => r.department },
          { title: '档号', value: (r) => r.refNo },
          { title: '客户名称', value: (r) => r.customerName },
          { title: '借阅目的', value: (r) => r.purpose },
          { title: '方式', width: '14mm', value: (r) => loanKindLabels[zh][r.kind].replace(/（.*）/, '') },
          { title: '应还日期', width: '20mm', nowrap: true, value: (r) => r.dueDate ?? '' },
          { title: '归还日期', width: '20mm', nowrap: true, value: (r) => ymd(r.returnedAt) },
          { title: '借阅人签字', width: '26mm', value: (r) => (data?.lendSignatures[r.loanId] ? <img className="signed" src={data.lendSignatures[r.loanId]} alt="借阅人签字" /> : '') },
          { title: '经办人', width: '16mm', value: (r) => handledBy(r) },
        ]}
        rows={data?.rows ?? []}
        minRows={data ? 0 : 18}
      />
    </FormSheet>
  );
}

export function LoanSlip({ header, data }: { header: FormHeader; data: LoanDetail | null }) {
  return (
    <FormSheet
      header={header}
      subLeft={`借阅单号：${data?.slipNo ?? ''}${data?.enteredLate?.paperSlipNo ? `（纸质单号 ${data.enteredLate.paperSlipNo}）` : ''}`}
      subRight={data ? `${data.enteredLate ? `据纸质登记簿补登于 ${ymd(data.enteredLate.at)}　` : ''}状态：${loanStatusLabels[zh][data.status]}` : ''}
    >
      <Fields
        cells={[
          ['借阅人', data?.borrower.name],
          ['部门', data?.borrower.department],
          ['电话', data?.borrower.phone],
          ['工号', data?.borrower.employeeNo],
          ['借阅目的', data?.purpose, 2],
          ['借阅方式', data ? `${loanKindLabels[zh][data.kind]}（${loanTermLabels[zh][data.term]}）` : '□ 阅览（在办公室内）　□ 借出　□ 复印/摘抄'],
          ['申请日期', ymd(data?.requestedAt)],
          ['审批人', data?.approval?.decidedBy ?? data?.enteredLate?.paperApprovedBy ?? undefined],
          ['审批日期', ymd(data?.approval?.decidedAt)],
          ['借出日期', ymd(data?.lentAt)],
          ['应还日期', data?.dueDate],
        ]}
      />
      <DataTable
        columns={[
          { title: '序号', width: '12mm', value: (_r, i) => i + 1 },
          { title: '档号', value: (r) => r.refNo },
          { title: '客户名称', value: (r) => r.customerName },
          { title: '归还日期', width: '24mm', nowrap: true, value: (r) => ymd(r.returnedAt) },
          { title: '归还情况', value: (r) => (r.condition ? `${returnConditionLabels[zh][r.condition]}${r.conditionNote ? `：${r.conditionNote}` : ''}` : '') },
        ]}
        rows={data?.items.filter((i) => i.itemState !== 'cancelled') ?? []}
        minRows={data ? 0 : 5}
      />
      <p className="note">借阅档案不得拆卷、涂改、圈划；复印、摘抄须经借出部门负责人同意（003 §6 4.6.2）。</p>
      <Signatures
        rows={[
          [
            { label: '借阅人签字', image: data?.lendSignature },
            { label: '经办人签字', value: data?.lentBy ?? '' },
            { label: '审批人签字', value: data?.approval?.decidedBy ?? data?.enteredLate?.paperApprovedBy ?? '' },
          ],
          [
            { label: '归还人签字', image: data?.returnSignature },
            { label: '接收人签字', value: receivers(data) },
            { label: '日期', value: ymd(data?.returnedAt) },
          ],
        ]}
      />
    </FormSheet>
  );
}

function receivers(loan: LoanDetail | null): string {
  return [...new Set((loan?.items ?? []).map((i) => i.receivedBy).filter((n): n is string => !!n))].join('、');
}

export function OverdueReminder({ header, data }: { header: FormHeader; data: { borrower: string; department: string; date: string; rows: LoanRegisterRow[] } | null }) {
  return (
    <FormSheet header={header}>
      <p>
        {data?.department ?? '　　　　'} {data?.borrower ?? '　　　　'}：
      </p>
      <p>您借阅的以下档案已超过应还日期，请尽快归还客务部档案室。如需继续使用，请先归还后重新办理借阅手续。</p>
      <DataTable
        columns={[
          { title: '借阅单号', width: '30mm', nowrap: true, value: (r) => r.slipNo },
          { title: '档号', width: '52mm', value: (r) => r.refNo },
          { title: '客户名称', value: (r) => r.customerName },
          { title: '借出日期', width: '22mm', nowrap: true, value: (r) => ymd(r.lentAt) },
          { title: '应还日期', width: '22mm', nowrap: true, value: (r) => r.dueDate ?? '' },
          { title: '逾期天数', width: '18mm', nowrap: true, value: (r) => r.daysOverdue },
        ]}
        rows={data?.rows ?? []}
        minRows={data ? 0 : 5}
      />
      <p style={{ textAlign: 'right' }}>
        {header.organisation}　{data?.date ?? '　　年　　月　　日'}
      </p>
      <Signatures rows={[['借阅人签收', '日期']]} />
    </FormSheet>
  );
}

export function TransferReceipt({ header, data }: { header: FormHeader; data: TransferInfo | null }) {
  return (
    <FormSheet header={header} subLeft={`移交单号：${data?.transferNo ?? ''}`}>
      <Fields
        cells={[
          ['移交部门', data?.fromDepartment],
          ['接收部门', data?.toDepartment],
          ['移交原因', data?.reason, 2],
          ['移交日期', ymd(data?.doneAt)],
          ['档案数量', data ? `${data.files.length} 卷` : undefined],
        ]}
      />
      <DataTable
        columns={[
          { title: '序号', width: '12mm', value: (_r, i) => i + 1 },
          { title: '档号', value: (r) => r.refNo },
          { title: '客户名称', value: (r) => r.name },
          { title: '单元号', width: '24mm', value: (r) => r.unit },
          { title: '原存放位置', value: (r) => r.fromBox ?? '' },
          { title: '备注', width: '24mm', value: () => '' },
        ]}
        rows={data?.files ?? []}
        minRows={data ? 0 : 12}
      />
      <Signatures
        rows={[
          [{ label: '移交人', value: data?.fromHandler }, '签字', '日期'],
          [{ label: '接收人', value: data?.toHandler }, '签字', '日期'],
          [{ label: '审批人', value: data?.approvedBy ?? '' }, '签字', { label: '日期', value: ymd(data?.approvedAt) }],
        ]}
      />
    </FormSheet>
  );
}

export function InspectionRecord({ header, data }: { header: FormHeader; data: (InspectionDetail & { auditHead?: string }) | null }) {
  const problems = (data?.findings ?? []).filter((f) => f.kind !== 'present');
  return (
    <FormSheet header={header} subLeft={`检查编号：${data?.id ?? ''}`}>
      <Fields
        perRow={3}
        cells={[
          ['文件柜', data?.cabinets.join('、')],
          ['开始时间', data ? ymdhm(data.startedAt) : undefined],
          ['完成时间', data?.finishedAt ? ymdhm(data.finishedAt) : undefined],
          ['检查人', data?.startedBy],
          ['在盒且位置正确', data?.counts.present.toString()],
          ['借出中', data?.counts.lent.toString()],
          ['存放错误', data?.counts.misfiled.toString()],
          ['缺失（未借出）', data?.counts.missing.toString()],
          ['卷内文件缺失', data?.counts.document_missing.toString()],
        ]}
      />
      <DataTable
        columns={[
          { title: '结果', width: '30mm', value: (r) => inspectionFindingLabels[zh][r.kind] },
          { title: '档号', width: '50mm', value: (r) => r.refNo ?? r.code ?? '' },
          { title: '客户名称', value: (r) => r.name ?? '' },
          { title: '应在位置', value: (r) => r.expectedBox ?? '' },
          { title: '发现位置', value: (r) => r.foundBox ?? '' },
          { title: '说明', value: (r) => r.detail ?? '' },
          { title: '处理结果', width: '30mm', value: () => '' },
        ]}
        rows={problems}
        minRows={data ? 0 : 12}
      />
      <Fields cells={[['检查结论 / 备注', data?.note, 2]]} />
      <Fields cells={[['审计链（打印时）', data?.auditHead, 2]]} />
      <Signatures rows={[['检查人签字', '复核人签字', '日期']]} />
    </FormSheet>
  );
}

export function DestructionList({ header, data }: { header: FormHeader; data: DestructionRegister | null }) {
  const method = data ? (({ shred: '粉碎', pulp: '化浆', incinerate: '焚烧' } as Record<string, string>)[data.method] ?? data.method) : undefined;
  return (
    <FormSheet header={header} subLeft={`清册编号：${data?.id ?? ''}`}>
      <Fields
        cells={[
          ['销毁原因', data?.reason],
          ['销毁方式', method],
        ]}
      />
      <DataTable
        columns={[
          { title: '序号', width: '12mm', value: (r) => r.seq },
          { title: '题名', value: (r) => r.title },
          { title: '年度', width: '16mm', value: (r) => r.year },
          { title: '档号', width: '56mm', value: (r) => r.refNo },
          { title: '保管期限', width: '20mm', value: (r) => r.retention },
          { title: '已保管', width: '18mm', value: (r) => `${r.keptYears} 年` },
          { title: '页数', width: '14mm', value: (r) => r.pages },
        ]}
        rows={data?.items ?? []}
        minRows={data ? 0 : 15}
      />
      <Signatures
        rows={[
          [{ label: '批准人', value: data?.approvedBy ?? '' }, '签字', { label: '日期', value: ymd(data?.approvedAt) }],
          [{ label: '销毁人', value: data?.executor ?? '' }, '签字', { label: '日期', value: ymd(data?.destroyedAt) }],
          [{ label: '监销人', value: data?.witnesses[0] ?? '' }, '签字', '日期'],
          [{ label: '监销人', value: data?.witnesses[1] ?? '' }, '签字', '日期'],
        ]}
      />
    </FormSheet>
  );
}

export interface DepartedRow {
  building: string | null;
  floor: string;
  refNo: string;
  name: string;
  unit: string;
  moveInDate: string | null;
  moveOutDate: string | null;
  documents: number;
  pages: number;
  box: string | null;
}

/** One catalogue per building and floor, each starting a new page (files are bound and boxed by floor). */
export function DepartedCatalogue({ header, data }: { header: FormHeader; data: { year: number; building: string | null; rows: DepartedRow[] } | null }) {
  // Rows come in building → floor → unit order; a sheet for each building and floor.
  const groups: { building: string | null; floor: string; rows: DepartedRow[] }[] = [];
  for (const r of data?.rows ?? []) {
    const last = groups.at(-1);
    if (last && last.building === r.building && last.floor === r.floor) last.rows.push(r);
    else groups.push({ building: r.building, floor: r.floor, rows: [r] });
  }
  if (!groups.length) groups.push({ building: data?.building ?? null, floor: '', rows: [] });
  return (
    <>
      {groups.map((g) => (
        <FormSheet key={`${g.building}|${g.floor}`} header={header} subLeft={`年度：${data?.year ?? '　　　'}　楼栋：${g.building || '　　'}　楼层：${g.floor || '　　'}`}>
          <DataTable
            columns={[
              { title: '序号', width: '12mm', value: (_r, i) => i + 1 },
              { title: '楼栋', width: '18mm', value: (r) => r.building ?? '' },
              { title: '档号', width: '56mm', value: (r) => r.refNo },
              { title: '客户名称', value: (r) => r.name },
              { title: '单元号', width: '22mm', value: (r) => r.unit },
              { title: '入住日期', width: '22mm', nowrap: true, value: (r) => r.moveInDate ?? '' },
              { title: '退租日期', width: '22mm', nowrap: true, value: (r) => r.moveOutDate ?? '' },
              { title: '件数', width: '12mm', value: (r) => r.documents },
              { title: '页数', width: '12mm', value: (r) => r.pages },
              { title: '盒号', width: '24mm', value: (r) => r.box ?? '' },
            ]}
            rows={g.rows}
            minRows={data ? 0 : 20}
          />
          <Signatures rows={[['整理人', '审核人', '日期']]} />
        </FormSheet>
      ))}
    </>
  );
}
