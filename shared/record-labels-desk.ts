import type { RecordKindLabels } from './record-labels';

// The words of the desk's own papers: the work log, notices with their receipts, letters sent.

export const deskPaperLabels: Record<string, { zh: RecordKindLabels; en: RecordKindLabels }> = {
  'work-log': {
    zh: {
      title: '工作日志',
      hint: '每人每天一份：当天的工作重点、投诉、工程维修跟进、突发事件和交接事项（003 §6 4.1）。',
      fields: {
        workDate: '日期',
        clerk: '值班人',
        keyWork: '当天工作重点',
        complaints: '投诉情况',
        repairs: '工程维修跟进',
        incidents: '突发事件',
        handover: '交接事项',
        supervisorSignature: '主管签阅',
      },
    },
    en: {
      title: 'Work log',
      hint: "One per clerk a day: the day's key work, complaints, repair follow-ups, incidents and what is handed over (003 §6 4.1).",
      fields: {
        workDate: 'Date',
        clerk: 'Clerk',
        keyWork: "The day's key work",
        complaints: 'Complaints',
        repairs: 'Repair follow-ups',
        incidents: 'Incidents',
        handover: 'Handed over',
        supervisorSignature: "Supervisor's signature",
      },
    },
  },
  notice: {
    zh: {
      title: '通知、函件签收单',
      hint: '发给客户的通知、函件和通报：谁接收谁签字（003 §8 a1）。',
      fields: {
        issuedOn: '发出日期',
        docNo: '文号',
        title: '标题',
        noticeType: '类别',
        fromDept: '发文部门',
        audience: '发送范围',
        summary: '内容摘要',
        receipts: '签收',
        'receipts.unit': '单元',
        'receipts.recipient': '客户',
        'receipts.signedBy': '签收人',
        'receipts.signedOn': '签收日期',
        handedBy: '送达人',
      },
      choices: { noticeType: { notice: '通知', letter: '函件', bulletin: '通报', reminder: '催缴/提示' } },
    },
    en: {
      title: 'Notice and letter receipts',
      hint: 'Notices, letters and bulletins handed to customers: whoever receives one signs for it (003 §8 a1).',
      fields: {
        issuedOn: 'Issued on',
        docNo: 'Reference',
        title: 'Title',
        noticeType: 'Kind',
        fromDept: 'From',
        audience: 'To whom',
        summary: 'Summary',
        receipts: 'Receipts',
        'receipts.unit': 'Unit',
        'receipts.recipient': 'Customer',
        'receipts.signedBy': 'Signed by',
        'receipts.signedOn': 'Signed on',
        handedBy: 'Handed out by',
      },
      choices: { noticeType: { notice: 'Notice', letter: 'Letter', bulletin: 'Bulletin', reminder: 'Reminder' } },
    },
  },
  'outgoing-letter': {
    zh: {
      title: '发文登记簿',
      hint: '本部门发出的函件、通知和报告，按年编号登记（003 §6 4.2）。',
      fields: { sentOn: '发文日期', title: '文件标题', recipient: '收文单位/人', letterType: '文种', copies: '份数', way: '发送方式', sentBy: '经办人', copyFiled: '底稿已归档', remarks: '备注' },
      choices: {
        letterType: { letter: '函', notice: '通知', reply: '复函', report: '报告', other: '其他' },
        way: { hand: '专人送达', post: '邮寄', courier: '快递', email: '电子邮件', fax: '传真' },
      },
    },
    en: {
      title: 'Outgoing letters register',
      hint: 'Letters, notices and reports the desk sends out, numbered by year (003 §6 4.2).',
      fields: { sentOn: 'Sent on', title: 'Title', recipient: 'To', letterType: 'Kind', copies: 'Copies', way: 'Sent by way of', sentBy: 'Sent by', copyFiled: 'Copy filed', remarks: 'Remarks' },
      choices: {
        letterType: { letter: 'Letter', notice: 'Notice', reply: 'Reply', report: 'Report', other: 'Other' },
        way: { hand: 'By hand', post: 'Post', courier: 'Courier', email: 'E-mail', fax: 'Fax' },
      },
    },
  },
};
