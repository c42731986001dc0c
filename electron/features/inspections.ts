import { finishInspectionInput, flagMissingDocumentInput, inspectionBoxCheckedInput, inspectionIdInput, inspectionScanInput, noInput, startInspectionInput } from '../../shared/schemas';
import { defineMethod } from './define';
import * as inspections from '../services/inspections';

export const inspectionsMethods = {
  startInspection: defineMethod({ input: startInspectionInput, permission: 'locations.manage', handler: ({ cabinetIds }, m) => inspections.startInspection(m.services(), cabinetIds) }),
  getInspection: defineMethod({ input: inspectionIdInput, permission: 'customers.read', handler: ({ inspectionId }, m) => inspections.getInspection(m.db(), inspectionId) }),
  listInspections: defineMethod({ input: noInput, permission: 'customers.read', handler: (_input, m) => inspections.listInspections(m.db()) }),
  recordInspectionScan: defineMethod({ input: inspectionScanInput, permission: 'locations.manage', handler: (input, m) => inspections.recordInspectionScan(m.services(), input) }),
  removeInspectionScan: defineMethod({ input: inspectionScanInput, permission: 'locations.manage', handler: (input, m) => inspections.removeInspectionScan(m.services(), input) }),
  setInspectionBoxChecked: defineMethod({ input: inspectionBoxCheckedInput, permission: 'locations.manage', handler: (input, m) => inspections.setInspectionBoxChecked(m.services(), input) }),
  flagMissingDocument: defineMethod({ input: flagMissingDocumentInput, permission: 'locations.manage', handler: (input, m) => inspections.flagMissingDocument(m.services(), input) }),
  finishInspection: defineMethod({ input: finishInspectionInput, permission: 'locations.manage', handler: (input, m) => inspections.finishInspection(m.services(), input) }),
  listCabinetsDueInspection: defineMethod({ input: noInput, permission: 'customers.read', handler: (_input, m) => inspections.listCabinetsDueInspection(m.services()) }),
};
