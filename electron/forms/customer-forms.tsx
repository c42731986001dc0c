import type { CustomerDetail, FileDetail, FileLocation } from '../../shared/api';
import { classificationLabels, companyNatureLabels, customerKindLabels, fileStatusLabels, retentionLabels, withheldTitleLabels } from '../../shared/labels';
import { Choice, DataTable, Fields, FormSheet, GridColumns, Signatures, ymd, type FormHeader } from './engine';

// Customer-file forms: 客户档案登记表 and 客户紧急联络表 (003 §7), 客户信息调查表 and 客户信用调查表
// (002, with its field lists), and the 卷内目录 of a file. Blank (null data) leaves room to write.

export interface FileFormData {
  file: FileDetail;
  customer: CustomerDetail;
  location: FileLocation;
}

const zh = 'zh-CN' as const;
const where = (l: FileLocation | undefined) => (l?.home ? `${l.home.roomName} / ${l.home.cabinetCode} / 第${l.home.shelfPosition}层 / ${l.home.boxCode}` : '');

export function FileRegistration({ header, data }: { header: FormHeader; data: FileFormData | null }) {
  const c = data?.customer;
  const f = data?.file;
  const contacts = c?.contacts ?? [];
  return (
    <FormSheet header={header}>
      <Fields
        cells={[
          ['档号', f?.refNo, 2],
          ['客户名称', c?.name],
          ['客户类型', c ? customerKindLabels[zh][c.kind] : undefined],
          ['楼栋', c?.building],
          ['楼层', c?.floor],
          ['单元号', f?.unit ?? c?.units.join('、')],
          ['公司性质', c?.companyNature ? companyNatureLabels[zh][c.companyNature] : undefined],
          ['法定代表人', c?.legalRepresentative],
          ['电话', c?.phone],
          ['传真', c?.fax],
          ['员工人数', c?.staffCount?.toString()],
          ['地址', c?.address, 2],
          ['经营范围', c?.businessScope, 2],
          ['入住日期', c?.moveInDate],
          ['退租日期', c?.moveOutDate],
          ['所属行业', c?.industry],
          ['所属区域', c?.region],
          ['营业执照号码', c?.licenceNo],
          ['执照有效期至', c?.licenceExpiry],
          ['网址', c?.website],
          ['押金（元）', c?.deposit?.toFixed(2)],
          ['客户分类', c ? classificationLabels[zh][c.classification] : undefined],
          ['信用等级', c?.creditGrade],
          ['保管期限', f ? retentionLabels[zh][f.retention] : undefined],
          ['档案状态', f ? fileStatusLabels[zh][f.status] : undefined],
          ['存放位置', data ? where(data.location) : undefined, 2],
          ['建档日期', f ? ymd(f.createdAt) : undefined],
          ['卷内文件', f ? `${f.catalogue.length} 件，${f.catalogue.reduce((n, d) => n + d.pages, 0)} 页` : undefined],
        ]}
      />
      <DataTable
        columns={[
          { title: '联系人', value: (r) => r.name },
          { title: '职务', value: (r) => r.title ?? '' },
          { title: '电话', value: (r) => r.phone ?? '' },
        ]}
        rows={contacts}
        minRows={3}
      />
      <Fields cells={[['备注', c?.notes, 2]]} />
      <Signatures rows={[['登记人', '审核人', '日期']]} />
    </FormSheet>
  );
}

export interface EmergencyRow {
  unit: string;
  name: string;
  contacts: string;
  phones: string;
}

export function EmergencyContacts({ header, data }: { header: FormHeader; data: { building: string | null; rows: EmergencyRow[] } | null }) {
  return (
    <FormSheet header={header} subLeft={`楼栋：${data?.building ?? '全部'}`}>
      <DataTable
        columns={[
          { title: '序号', width: '12mm', value: (_r, i) => i + 1 },
          { title: '单元号', width: '24mm', value: (r) => r.unit },
          { title: '客户名称', value: (r) => r.name },
          { title: '紧急联系人', value: (r) => r.contacts },
          { title: '紧急联系电话', value: (r) => r.phones },
          { title: '备注', width: '30mm', value: () => '' },
        ]}
        rows={data?.rows ?? []}
        minRows={data ? 0 : 20}
      />
      <Signatures rows={[['制表人', '日期']]} />
    </FormSheet>
  );
}

export interface DangerousRow {
  name: string;
  kind: string;
  building: string | null;
  floor: string | null;
  units: string | null;
  refNos: string | null;
  phone: string | null;
  reason: string | null;
  blacklistedAt: string | null;
  complaints: number;
}

/** 危险客户统计表 (002 ch.7): the blacklist, each customer with why and since when. */
export function DangerousCustomers({ header, data }: { header: FormHeader; data: { building: string | null; rows: DangerousRow[] } | null }) {
  return (
    <FormSheet header={header} subLeft={`楼栋：${data?.building ?? '全部'}　共 ${data ? data.rows.length : '　　'} 户`}>
      <DataTable
        columns={[
          { title: '序号', width: '12mm', value: (_r, i) => i + 1 },
          { title: '客户名称', value: (r) => r.name },
          { title: '类型', width: '18mm', value: (r) => customerKindLabels[zh][r.kind as keyof (typeof customerKindLabels)['zh-CN']] ?? '' },
          { title: '楼栋 / 单元', width: '34mm', value: (r) => [r.building, r.units].filter(Boolean).join(' ') },
          { title: '档号', width: '44mm', value: (r) => r.refNos ?? '' },
          { title: '联系电话', width: '30mm', value: (r) => r.phone ?? '' },
          { title: '列入原因', value: (r) => r.reason ?? '' },
          { title: '列入日期', width: '22mm', value: (r) => (r.blacklistedAt ? ymd(r.blacklistedAt) : '') },
          { title: '投诉次数', width: '16mm', value: (r) => (data ? r.complaints : '') },
          { title: '处理意见', width: '26mm', value: () => '' },
        ]}
        rows={data?.rows ?? []}
        minRows={data ? 0 : 15}
      />
      <Signatures rows={[['制表人', '审核人', '日期']]} />
    </FormSheet>
  );
}

export function InfoSurvey({ header, data }: { header: FormHeader; data: FileFormData | null }) {
  const c = data?.customer;
  const contact = c?.contacts[0];
  const nature = c?.companyNature ? ({ state_owned: '国有企业', joint_stock: '股份有限公司', partnership: '合伙店铺', joint_venture: '合资', other: '其他' } as const)[c.companyNature] : null;
  return (
    <FormSheet header={header} subLeft="客户负责人：　　　　审核：　　　　调查员：">
      <Fields
        perRow={2}
        cells={[
          ['客户名称', c?.name],
          ['地址', c?.address],
          ['电话', c?.phone],
          ['传真', c?.fax],
          ['接洽人员', contact?.name],
          ['接洽人职务', contact?.title],
          ['法人代表', c?.legalRepresentative],
          ['年龄 / 文化程度 / 性格', undefined],
          ['负责人', undefined],
          ['年龄 / 文化程度 / 性格', undefined],
          ['负责事项', undefined],
          ['性格', undefined],
        ]}
      />
      <table className="grid">
        <GridColumns mm={[36, 26, 40, 26, 50.5]} />
        <tbody>
          <tr>
            <th rowSpan={5}>经营状况</th>
            <th>经营方式</th>
            <td colSpan={3}>
              <Choice options={['积极', '保守', '踏实', '不定', '投机']} />
            </td>
          </tr>
          <tr>
            <th>业务</th>
            <td colSpan={3}>
              <Choice options={['兴隆', '成长', '稳定', '衰退', '不定']} />
            </td>
          </tr>
          <tr>
            <th>业务范围</th>
            <td colSpan={3}>{c?.businessScope}</td>
          </tr>
          <tr>
            <th>销货方式</th>
            <td />
            <th>价格</th>
            <td>
              <Choice options={['合理', '偏高', '偏低', '削价']} />
            </td>
          </tr>
          <tr>
            <th>旺季</th>
            <td>　月～　月　销量：</td>
            <th>淡季</th>
            <td>　月～　月　销量：</td>
          </tr>
          <tr>
            <th>企业性质</th>
            <td colSpan={4}>
              <Choice options={['国有企业', '股份有限公司', '合伙店铺', '合资', '其他']} chosen={nature} />
            </td>
          </tr>
          <tr>
            <th>组织</th>
            <td colSpan={4}>员工人数：{c?.staffCount ?? '　　'} 人　职员：　　人　管理层：　　人　合计：　　人</td>
          </tr>
          <tr>
            <th>同业地位</th>
            <td colSpan={4}>
              <Choice options={['领导者', '具影响', '一级', '二级', '三级']} />
            </td>
          </tr>
          <tr>
            <th>付款</th>
            <td colSpan={4}>期：　　　方式：{c?.paymentTerms ?? ''}　　　手续：</td>
          </tr>
          <tr>
            <th>与本公司往来时间</th>
            <td colSpan={4}>{c?.relationshipStart ?? c?.moveInDate ?? ''}</td>
          </tr>
          <tr>
            <th>主要采购产品</th>
            <td colSpan={4} className="blank" />
          </tr>
          <tr>
            <th>旺季每月金额</th>
            <td />
            <th>淡季每月金额</th>
            <td />
            <td>总金额：</td>
          </tr>
        </tbody>
      </table>
    </FormSheet>
  );
}

export function CreditSurvey({ header, data }: { header: FormHeader; data: FileFormData | null }) {
  const c = data?.customer;
  // A partnership (合伙) is no 个人经营: it is ticked under 经营方式, and 组织形式 is left blank.
  const org = c?.companyNature ? ({ state_owned: '国有企业', joint_stock: '股份企业', partnership: null, joint_venture: '合资企业', other: null } as const)[c.companyNature] : null;
  const way = c?.companyNature === 'partnership' ? '合伙' : null;
  const grade5 = ['很好', '好', '普通', '差', '很差'];
  return (
    <FormSheet header={header} subLeft={`企业编号：${data?.file.refNo ?? ''}`}>
      <Fields
        cells={[
          ['企业名称', c?.name, 2],
          ['地址', c?.address],
          ['电话', c?.phone],
          ['负责人', c?.legalRepresentative],
          ['住所 / 电话', undefined],
          ['创业日期', '　　年　　月　　日'],
          ['营业项目', c?.businessScope],
          ['经营方式', <Choice key="x" options={['独资', '合伙', '其他']} chosen={way} />],
          ['开始交易日期', c?.relationshipStart ?? '　　年　　月　　日'],
          ['营业区域', undefined],
          ['经营地点', <Choice key="x" options={['市场', '住宅', '郊外']} />],
        ]}
      />
      <table className="grid">
        <GridColumns mm={[23.5, 33, 28, 24, 28, 14, 28]} />
        <tbody>
          <tr>
            <th rowSpan={4} className="section">
              负责人情况
            </th>
            <th>性格</th>
            <td />
            <th>气质</th>
            <td />
            <th>兴趣</th>
            <td />
          </tr>
          <tr>
            <th>名誉 / 职位</th>
            <td />
            <th>学历 / 籍贯</th>
            <td />
            <th>经历</th>
            <td />
          </tr>
          <tr>
            <th>口才</th>
            <td>
              <Choice options={['佳', '普通', '口拙']} />
            </td>
            <th>嗜好</th>
            <td>
              酒 <Choice options={['饮', '不饮']} /> 香烟 <Choice options={['抽', '不抽']} />
            </td>
            <th>技术</th>
            <td>
              <Choice options={['熟练', '略懂', '不懂']} />
            </td>
          </tr>
          <tr>
            <th>优点 / 特长</th>
            <td colSpan={2} />
            <th>缺点 / 思想</th>
            <td colSpan={2} />
          </tr>
          <tr>
            <th rowSpan={5} className="section">
              财务状况
            </th>
            <th>往来银行</th>
            <td colSpan={2} />
            <th>银行信用</th>
            <td colSpan={2}>
              <Choice options={grade5} />
            </td>
          </tr>
          <tr>
            <th>账务体系</th>
            <td colSpan={2}>
              <Choice options={['完备', '不完备']} />
            </td>
            <th>同业者评价</th>
            <td colSpan={2}>
              <Choice options={grade5} />
            </td>
          </tr>
          <tr>
            <th>经营组织</th>
            <td colSpan={2}>
              <Choice options={['国有企业', '个人经营', '股份企业', '合资企业']} chosen={org} />
            </td>
            <th>近邻评价</th>
            <td colSpan={2}>
              <Choice options={grade5} />
            </td>
          </tr>
          <tr>
            <th>资本额（元）</th>
            <td colSpan={2} />
            <th>付款态度</th>
            <td colSpan={2}>
              <Choice options={['爽快', '普通', '尚可', '迟延', '为难', '嗜欠尾款']} />
            </td>
          </tr>
          <tr>
            <th>营业执照登记号码</th>
            <td colSpan={2}>{c?.licenceNo}</td>
            <th>其他说明</th>
            <td colSpan={2}>{c?.paymentTerms ? `付款方式：${c.paymentTerms}` : ''}</td>
          </tr>
          <tr>
            <th rowSpan={3} className="section">
              办公情况
            </th>
            <th>资产 汽车（辆）</th>
            <td colSpan={2}>自有　　辆　租用　　辆</td>
            <th>场所</th>
            <td colSpan={2}>
              <Choice options={['处于繁华区', '一般商业区', '偏僻地区']} />
            </td>
          </tr>
          <tr>
            <th>自有 / 租用面积（m²）</th>
            <td colSpan={2} />
            <th>装饰</th>
            <td colSpan={2}>
              <Choice options={['精装', '普通', '差']} />
            </td>
          </tr>
          <tr>
            <th>层数 / 市价</th>
            <td colSpan={2} />
            <th>保险</th>
            <td colSpan={2}>有（　　　元）　无</td>
          </tr>
        </tbody>
      </table>
      <DataTable columns={['交易品种', '品牌', '月销售量', '金额', '年销售量', '金额', '备注'].map((title) => ({ title, value: () => '' }))} rows={[]} minRows={3} />
      <table>
        <tbody>
          <tr>
            <th className="section">信用评定</th>
          </tr>
        </tbody>
      </table>
      <Fields
        perRow={3}
        cells={[
          ['信用等级', c?.creditGrade],
          ['信用评分', undefined],
          ['付款方式选择', c?.paymentTerms],
          ['赊销限额', undefined],
          ['是否担保', undefined],
          ['备注', undefined],
        ]}
      />
      <Signatures rows={[['总经理', '经理', '调查人']]} />
    </FormSheet>
  );
}

export function Catalogue({ header, data }: { header: FormHeader; data: FileFormData | null }) {
  const f = data?.file;
  return (
    <FormSheet header={header} subLeft={`档号：${f?.refNo ?? ''}`} subRight={`客户：${data?.customer.name ?? ''}　单元：${f?.unit ?? ''}`}>
      <DataTable
        columns={[
          { title: '序号', width: '12mm', value: (r) => r.seq },
          { title: '件号', width: '16mm', value: (r) => String(r.seq).padStart(3, '0') },
          { title: '题名', value: (r) => (r.withheld ? withheldTitleLabels[zh].title : r.title) },
          { title: '日期', width: '24mm', nowrap: true, value: (r) => r.docDate },
          { title: '页数', width: '14mm', value: (r) => r.pages },
          { title: '备注', width: '40mm', value: (r) => (r.withheld ? withheldTitleLabels[zh].why : (r.remarks ?? '')) },
        ]}
        rows={f?.catalogue ?? []}
        minRows={data ? 0 : 25}
      />
      <Signatures rows={[['立卷人', '检查人', '立卷日期']]} />
    </FormSheet>
  );
}
