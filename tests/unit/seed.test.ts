import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedAccounts, seedArchive, seedPassword } from '../../bench/seed';
import { createArchiveApi } from '../../electron/api';
import { manualClock } from '../../electron/services/clock';
import { ArchiveVault } from '../../electron/services/vault';
import { tempDir, testCost, verifyAudit } from './helpers';

const light = { passwordCost: testCost, recoveryCost: testCost };
const asOf = '2026-11-26';

describe('the archive generator (npm run seed)', () => {
  it('is deterministic for a seed, and what it writes opens and reads through the services', async () => {
    const options = { customers: 300, loans: 3000, seed: 7, asOf, vaultOptions: light };
    const a = await seedArchive({ ...options, dir: tempDir() });
    const b = await seedArchive({ ...options, dir: tempDir() });
    expect(b.counts).toEqual(a.counts);
    expect(b.samples).toEqual(a.samples);
    const c = await seedArchive({ ...options, seed: 8, dir: tempDir() });
    expect(c.samples.names).not.toEqual(a.samples.names);

    const docs = a.counts.documents!;
    expect(docs / 300).toBeGreaterThan(8);
    expect(docs / 300).toBeLessThan(13);
    expect(a.counts.scans).toBeGreaterThan(0);
    expect(a.counts['loans.lent']).toBeGreaterThan(0);
    expect(readdirSync(a.dir).length).toBeGreaterThan(0);

    const clock = manualClock(new Date(`${asOf}T03:00:00Z`));
    const vault = new ArchiveVault(a.dir, clock, light);
    const api = createArchiveApi({ vault, clock });
    try {
      await api.unlock({ username: seedAccounts.clerk, password: seedPassword });
      const list = await api.listCustomers({ pageSize: 50, sortBy: 'name' });
      expect(list.total).toBe(a.counts['files.active']! + a.counts['files.departed']!);
      const found = await api.search({ query: a.samples.refs[3]! });
      expect(found.files.map((f) => f.refNo)).toContain(a.samples.refs[3]);
      const byName = await api.search({ query: a.samples.names[5]! });
      expect(byName.files.some((f) => f.name === a.samples.names[5])).toBe(true);
      // Loans still out and overdue are real loans the desk sees.
      const overdue = await api.listOverdue();
      expect(new Set(overdue.map((r) => r.loanId)).size).toBe(a.counts['loans overdue now'] ?? 0);
      const out = await api.listLoans({ status: 'out' });
      expect(new Set(out.map((r) => r.loanId)).size).toBe(a.counts['loans.lent']);
      // Desk records: every generated one is in its register, numbered TS-YYYY-NNNN, and the open
      // ones (some late) are what 工作台 counts.
      for (const kind of ['complaint', 'repair', 'visit', 'satisfaction-survey']) {
        expect(a.counts[`records.${kind}`], kind).toBeGreaterThan(0);
        const page = await api.listRecords({ kind, pageSize: 5 });
        expect(page.total, kind).toBe(a.counts[`records.${kind}`]);
      }
      const open = await api.openRecords();
      const openTotal = open.filter((c) => c.kind === 'complaint' || c.kind === 'repair').reduce((n, c) => n + c.open, 0);
      expect(openTotal).toBe(a.counts['records open']);
      const complaints = await api.listRecords({ kind: 'complaint', pageSize: 500 });
      expect(complaints.rows.every((r) => /^TS-\d{4}-\d{4}$/.test(r.recordNo) && r.customerName)).toBe(true);
      const report = await api.getReport({ report: 'complaints', from: '2020-01-01', to: asOf });
      expect(report.figures[0]).toEqual({ label: '本期投诉', value: String(a.counts['records.complaint']) });
      // The next complaint taken at the desk follows the generated numbers without a clash.
      const last = complaints.rows
        .map((r) => r.recordNo)
        .filter((n) => n.startsWith('TS-2026-'))
        .sort()
        .at(-1);
      const saved = await api.saveRecord({
        kind: 'complaint',
        fileId: complaints.rows[0]!.fileId!,
        fields: { receivedAt: `${asOf}T03:00:00.000Z`, channel: 'phone', complainant: '李娜', category: 'facility', content: '电梯停运' },
      });
      if (last) expect(saved.recordNo > last).toBe(true);
      await api.lock();
      await api.unlock({ username: seedAccounts.admin, password: seedPassword });
      expect((await verifyAudit(vault)).ok).toBe(true);
    } finally {
      await vault.lock().catch(() => undefined);
    }
  }, 120_000);
});
