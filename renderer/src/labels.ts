import {
  approvalKindLabels,
  approvalStatusLabels,
  borrowerStatusLabels,
  inspectionFindingLabels,
  intakeWaitReasonLabels,
  dutyLabels,
  dutyPeriodLabels,
  followUpLabels,
  visitorRoleLabels,
  fileReviewStateLabels,
  loanKindLabels,
  loanStatusLabels,
  loanTermLabels,
  returnConditionLabels,
  transferStatusLabels,
  classificationLabels,
  companyNatureLabels,
  confidentialityLabels,
  customerFieldLabels,
  customerKindLabels,
  deskWorkLabels,
  fileStatusLabels,
  importIssueLabels,
  registerFieldLabels,
  retentionEventLabels,
  retentionLabels,
  roleLabels,
  valueGradeLabels,
} from '../../shared/labels';
import type { Locale } from '../../shared/domain';
import { useLocaleStore } from './i18n';

/** The shared domain labels in the chosen language. */
export function useLabels() {
  const locale = useLocaleStore((s) => s.locale);
  return {
    locale,
    kind: customerKindLabels[locale],
    deskWork: deskWorkLabels[locale],
    classification: classificationLabels[locale],
    valueGrade: valueGradeLabels[locale],
    companyNature: companyNatureLabels[locale],
    fileStatus: fileStatusLabels[locale],
    retention: retentionLabels[locale],
    retentionEvent: retentionEventLabels[locale],
    confidentiality: confidentialityLabels[locale],
    field: customerFieldLabels[locale],
    importIssue: importIssueLabels[locale],
    registerField: registerFieldLabels[locale],
    role: roleLabels[locale],
    approvalKind: approvalKindLabels[locale],
    approvalStatus: approvalStatusLabels[locale],
    inspectionFinding: inspectionFindingLabels[locale],
    loanKind: loanKindLabels[locale],
    loanTerm: loanTermLabels[locale],
    loanStatus: loanStatusLabels[locale],
    returnCondition: returnConditionLabels[locale],
    borrowerStatus: borrowerStatusLabels[locale],
    transferStatus: transferStatusLabels[locale],
    intakeWaitReason: intakeWaitReasonLabels[locale],
    duty: dutyLabels[locale],
    dutyPeriod: dutyPeriodLabels[locale],
    followUp: followUpLabels[locale],
    visitorRole: visitorRoleLabels[locale],
    fileReview: fileReviewStateLabels[locale],
  };
}

/** A document category's name in the chosen language (the categories are the archive's own, each with both names). */
export function categoryName(c: { labelZh: string; labelEn: string }, locale: Locale): string {
  return locale === 'zh-CN' ? c.labelZh : c.labelEn;
}

export function options<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}
