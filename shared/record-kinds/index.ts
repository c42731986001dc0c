import { complaint } from './complaint';
import type { RecordKind } from './define';
import { repair } from './repair';
import { notice, outgoingLetter, workLog } from './desk-papers';
import { emergencyContacts, fileRegistration } from './registration';
import { creditSurvey, customerSurvey, keyAccount, relationshipCard, satisfactionSurvey, surveyAnalysis, surveyPlan, visit } from './surveys';
import {
  bicyclePlate,
  foreignEmployees,
  foreignOffice,
  identityCard,
  keyCustody,
  meterReading,
  parkingApplication,
  parkingLease,
  parkingPermit,
  phoneChange,
  phoneInstallation,
  phoneRelocation,
  phoneTransfer,
  spareNumber,
  specialEvent,
  staffLeaving,
} from './property-desk';

export * from './define';
export { satisfactionQuestions, satisfactionScale } from './surveys';

/** Every record kind, in the order the 登记簿 lists them. A new kind is declared in its own file and added here. */
export const recordKinds: readonly RecordKind[] = [
  fileRegistration,
  emergencyContacts,
  complaint,
  repair,
  keyCustody,
  meterReading,
  specialEvent,
  bicyclePlate,
  parkingLease,
  parkingPermit,
  parkingApplication,
  phoneInstallation,
  phoneChange,
  spareNumber,
  phoneTransfer,
  phoneRelocation,
  foreignEmployees,
  foreignOffice,
  identityCard,
  staffLeaving,
  workLog,
  notice,
  outgoingLetter,
  visit,
  customerSurvey,
  creditSurvey,
  relationshipCard,
  keyAccount,
  satisfactionSurvey,
  surveyPlan,
  surveyAnalysis,
];

export const recordKindIds = recordKinds.map((k) => k.id);

export function recordKind(id: string): RecordKind | undefined {
  return recordKinds.find((k) => k.id === id);
}
