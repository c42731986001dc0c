import {
  addShelfInput,
  boxIdInput,
  fileIdInput,
  fileIdsInput,
  findByCodeInput,
  moveFileInput,
  noInput,
  retireLocationInput,
  saveBoxInput,
  saveCabinetInput,
  saveRoomInput,
  scanIntoBoxInput,
} from '../../shared/schemas';
import { defineMethod } from './define';
import * as locations from '../services/locations';

export const locationsMethods = {
  getStorage: defineMethod({ input: noInput, permission: 'customers.read', handler: (_input, m) => locations.loadStorage(m.db()) }),
  saveRoom: defineMethod({ input: saveRoomInput, permission: 'locations.manage', handler: (input, m) => locations.saveRoom(m.services(), input) }),
  saveCabinet: defineMethod({ input: saveCabinetInput, permission: 'locations.manage', handler: (input, m) => locations.saveCabinet(m.services(), input) }),
  addShelf: defineMethod({ input: addShelfInput, permission: 'locations.manage', handler: (input, m) => locations.addShelf(m.services(), input) }),
  saveBox: defineMethod({ input: saveBoxInput, permission: 'locations.manage', handler: (input, m) => locations.saveBox(m.services(), input) }),
  retireLocation: defineMethod({ input: retireLocationInput, permission: 'locations.manage', handler: (input, m) => locations.retireLocation(m.services(), input) }),
  moveFile: defineMethod({ input: moveFileInput, permission: 'locations.manage', handler: (input, m) => locations.moveFile(m.services(), input) }),
  /** 扫码入盒: a scanned file label files that file in the open box. */
  scanIntoBox: defineMethod({ input: scanIntoBoxInput, permission: 'locations.manage', handler: (input, m) => locations.scanIntoBox(m.services(), input) }),
  whereIsFile: defineMethod({ input: fileIdInput, permission: 'customers.read', handler: ({ fileId }, m) => locations.whereIsFile(m.db(), fileId) }),
  getBox: defineMethod({ input: boxIdInput, permission: 'customers.read', handler: ({ boxId }, m) => locations.getBox(m.db(), boxId) }),
  proposeDepartedMoves: defineMethod({ input: noInput, permission: 'customers.read', handler: (_input, m) => locations.proposeDepartedMoves(m.db()) }),
  /** Files every proposed departed file into its departed box, all in one go; those with no box stay. */
  moveDepartedFiles: defineMethod({ input: noInput, permission: 'locations.manage', handler: (_input, m) => locations.moveDepartedFiles(m.services()) }),
  findByCode: defineMethod({ input: findByCodeInput, permission: 'customers.read', handler: ({ code }, m) => locations.findByCode(m.db(), code.trim()) }),
  getFileLabels: defineMethod({ input: fileIdsInput, permission: 'customers.read', handler: ({ fileIds }, m) => locations.getFileLabels(m.db(), fileIds) }),
  markLabelsPrinted: defineMethod({ input: fileIdsInput, permission: 'customers.write', handler: ({ fileIds }, m) => locations.markLabelsPrinted(m.services(), fileIds) }),
};
