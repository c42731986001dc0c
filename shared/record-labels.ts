import type { Locale } from './domain';
import { deskPaperLabels } from './record-labels-desk';
import { propertyDeskLabels } from './record-labels-property';
import { surveyLabels } from './record-labels-surveys';
import { registrationLabels } from './record-labels-registration';

/** The kinds whose words live in a file of their own, by group. */
const groupLabels = { ...registrationLabels, ...propertyDeskLabels, ...deskPaperLabels, ...surveyLabels };

// The words of every record kind (shared/record-kinds/): its title, its fields, the values of its
// choices, its statuses and its moves. A test holds every kind's declaration against these.

export interface RecordKindLabels {
  title: string;
  /** A note under the title on screen: what the form is for. */
  hint?: string;
  fields: Record<string, string>;
  /** Per choice field: value → words. A field not here uses sharedChoiceLabels. */
  choices?: Record<string, Record<string, string>>;
  statuses?: Record<string, string>;
  moves?: Record<string, string>;
  /** The titles of the paper forms the kind prints as (its `sheets`). */
  sheets?: Record<string, string>;
}

const satisfactionZh = { satisfied: '满意', fair: '基本满意', unsatisfied: '不满意' };
const satisfactionEn = { satisfied: 'Satisfied', fair: 'Fairly satisfied', unsatisfied: 'Not satisfied' };

/** Choices several kinds share, by field key. */
export const sharedChoiceLabels: Record<Locale, Record<string, Record<string, string>>> = {
  'zh-CN': { satisfaction: satisfactionZh },
  en: { satisfaction: satisfactionEn },
};

const ownKindLabels: Record<Locale, Record<string, RecordKindLabels>> = {
  'zh-CN': {
    complaint: {
      title: '客户投诉',
      hint: '投诉登记、分派处理、总经理审批（服务质量、服务过程类）、回访结案，打印客户投诉登记表、投诉处理报告表、投诉处理追踪表。',
      fields: {
        receivedAt: '投诉时间',
        channel: '投诉方式',
        complainant: '投诉人',
        phone: '联系电话',
        unit: '单元',
        category: '投诉类别',
        content: '投诉内容',
        demand: '客户诉求',
        receivedBy: '接待人',
        assignedTo: '处理部门/责任人',
        cause: '原因分析',
        handling: '处理经过及结果',
        handledAt: '处理完成时间',
        approvalOpinion: '总经理审批意见',
        feedbackAt: '回访时间',
        feedbackBy: '回访人',
        satisfaction: '客户满意度',
        feedbackNote: '客户意见',
        customerSignature: '客户签字',
        managerSignature: '总经理签字',
      },
      choices: {
        channel: { phone: '电话', visit: '来访', letter: '信函', online: '网络/微信', other: '其他' },
        category: {
          quality: '服务质量不达标',
          process: '服务过程不满意',
          facility: '设施设备',
          environment: '环境卫生',
          security: '安全秩序',
          charges: '收费',
          neighbour: '邻里纠纷',
          other: '其他',
        },
      },
      statuses: { received: '已登记', assigned: '处理中', handled: '已处理', approved: '已审批', closed: '已结案' },
      sheets: { register: '客户投诉登记表', report: '投诉处理报告表', tracking: '投诉处理追踪表' },
      moves: { assign: '分派处理', handle: '登记处理结果', approve: '审批通过', sendBack: '退回重办', close: '回访结案', closeHandled: '回访结案', reopen: '客户不满意，重新处理' },
    },
    repair: {
      title: '报修（维修单）',
      hint: '接听报修电话、派工、完工、住户签字确认，打印维修单。',
      fields: {
        reportedAt: '报修时间',
        reporter: '报修人',
        phone: '联系电话',
        unit: '单元',
        place: '维修部位',
        urgency: '紧急程度',
        content: '报修内容',
        receivedBy: '接听人',
        assignedTo: '维修人员',
        assignedAt: '派工时间',
        arrivedAt: '到场时间',
        doneAt: '完工时间',
        result: '维修结果',
        materials: '所用材料',
        charge: '收费金额（元）',
        satisfaction: '住户评价',
        tenantSignature: '住户签字',
        repairerSignature: '维修人签字',
      },
      choices: { urgency: { urgent: '紧急（当日）', normal: '一般' } },
      statuses: { reported: '已报修', assigned: '已派工', done: '已完工', closed: '已确认' },
      sheets: { slip: '维修单' },
      moves: { assign: '派工', complete: '登记完工', confirm: '住户确认', redo: '返修' },
    },
  },
  en: {
    complaint: {
      title: 'Customer complaint',
      hint: 'Taken, handed over, handled, approved by the general manager (service quality and service process), followed up and closed; prints the complaint register, handling report and tracking sheet.',
      fields: {
        receivedAt: 'Received at',
        channel: 'Channel',
        complainant: 'Complainant',
        phone: 'Phone',
        unit: 'Unit',
        category: 'Category',
        content: 'Complaint',
        demand: 'What the customer asks',
        receivedBy: 'Received by',
        assignedTo: 'Handled by',
        cause: 'Cause',
        handling: 'Handling and result',
        handledAt: 'Handled at',
        approvalOpinion: "General manager's opinion",
        feedbackAt: 'Followed up at',
        feedbackBy: 'Followed up by',
        satisfaction: 'Satisfaction',
        feedbackNote: "Customer's comment",
        customerSignature: "Customer's signature",
        managerSignature: "General manager's signature",
      },
      choices: {
        channel: { phone: 'Phone', visit: 'In person', letter: 'Letter', online: 'Online', other: 'Other' },
        category: {
          quality: 'Service below standard',
          process: 'Service process',
          facility: 'Facilities',
          environment: 'Cleaning',
          security: 'Security',
          charges: 'Charges',
          neighbour: 'Neighbours',
          other: 'Other',
        },
      },
      statuses: { received: 'Received', assigned: 'Being handled', handled: 'Handled', approved: 'Approved', closed: 'Closed' },
      sheets: { register: 'Complaint register', report: 'Complaint handling report', tracking: 'Complaint tracking sheet' },
      moves: {
        assign: 'Hand over',
        handle: 'Enter the result',
        approve: 'Approve',
        sendBack: 'Send back',
        close: 'Follow up and close',
        closeHandled: 'Follow up and close',
        reopen: 'Not satisfied: handle again',
      },
    },
    repair: {
      title: 'Repair call',
      hint: 'A repair call taken, a repairer sent, the work done and signed for by the tenant; prints the repair slip.',
      fields: {
        reportedAt: 'Reported at',
        reporter: 'Reported by',
        phone: 'Phone',
        unit: 'Unit',
        place: 'Where',
        urgency: 'Urgency',
        content: 'What is wrong',
        receivedBy: 'Taken by',
        assignedTo: 'Repairer',
        assignedAt: 'Sent at',
        arrivedAt: 'Arrived at',
        doneAt: 'Done at',
        result: 'Result',
        materials: 'Materials',
        charge: 'Charge (yuan)',
        satisfaction: "Tenant's rating",
        tenantSignature: "Tenant's signature",
        repairerSignature: "Repairer's signature",
      },
      choices: { urgency: { urgent: 'Urgent (same day)', normal: 'Normal' } },
      statuses: { reported: 'Reported', assigned: 'Sent', done: 'Done', closed: 'Confirmed' },
      sheets: { slip: 'Repair slip' },
      moves: { assign: 'Send a repairer', complete: 'Enter the work done', confirm: 'Tenant confirms', redo: 'Redo' },
    },
  },
};

export const recordKindLabels: Record<Locale, Record<string, RecordKindLabels>> = {
  'zh-CN': { ...ownKindLabels['zh-CN'], ...Object.fromEntries(Object.entries(groupLabels).map(([k, v]) => [k, v.zh])) },
  en: { ...ownKindLabels.en, ...Object.fromEntries(Object.entries(groupLabels).map(([k, v]) => [k, v.en])) },
};

/** Words every register shares. */
export const recordCommonLabels: Record<
  Locale,
  Record<'recordNo' | 'occurredAt' | 'customer' | 'status' | 'dueDate' | 'overdue' | 'kept' | 'desk' | 'withheld' | 'createdBy' | 'building' | 'floor', string>
> = {
  'zh-CN': {
    recordNo: '编号',
    occurredAt: '日期',
    customer: '客户',
    status: '状态',
    dueDate: '期限',
    overdue: '已超期',
    kept: '已存档',
    desk: '本部门',
    withheld: '机密记录，内容不显示',
    createdBy: '登记人',
    building: '楼栋',
    floor: '楼层',
  },
  en: {
    recordNo: 'No.',
    occurredAt: 'Date',
    customer: 'Customer',
    status: 'Status',
    dueDate: 'Due',
    overdue: 'Overdue',
    kept: 'Kept',
    desk: 'The desk',
    withheld: 'Confidential record: content withheld',
    createdBy: 'Entered by',
    building: 'Building',
    floor: 'Floor',
  },
};

export function recordLabels(kind: string, locale: Locale): RecordKindLabels {
  return recordKindLabels[locale][kind] ?? { title: kind, fields: {} };
}

export function recordStatusLabel(kind: string, status: string, locale: Locale): string {
  if (status === 'kept') return recordCommonLabels[locale].kept;
  return recordLabels(kind, locale).statuses?.[status] ?? status;
}

export function recordChoiceLabel(kind: string, field: string, value: string, locale: Locale): string {
  return recordLabels(kind, locale).choices?.[field]?.[value] ?? sharedChoiceLabels[locale][field]?.[value] ?? value;
}
