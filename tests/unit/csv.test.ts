import { describe, expect, it } from 'vitest';
import { csv, csvCell } from '../../electron/services/csv';

describe('CSV the app writes', () => {
  it('neutralises cells that a spreadsheet would run as a formula, and keeps everything else as typed', () => {
    for (const hostile of ['=1+1', '=HYPERLINK("http://evil.example","点我")', '+86 138 0000', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      const cell = csvCell(hostile);
      // Quoted, with an apostrophe first inside the quotes: text, not a formula.
      expect(cell.replace(/^"/, '').startsWith("'"), hostile).toBe(true);
    }
    expect(csvCell('张三, "华强"')).toBe('"张三, ""华强"""');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('A-1203')).toBe('A-1203');
    expect(
      csv([
        ['名称', '备注'],
        ['张三', '=1+1'],
      ]),
    ).toBe('\uFEFF名称,备注\r\n张三,"\'=1+1"\r\n');
  });
});
