// A deterministic generator of realistic archives for the benchmarks (and, later, `npm run seed`).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newArchiveKey } from '../db/key-slots';
import { openArchive, type OpenedArchive } from '../db/open';
import { formatRefNo } from '../electron/services/ref-numbers';
import { pinyinKeys, searchBodies } from '../electron/services/search';
import { defaultSettings } from '../electron/services/settings';

// A small deterministic generator (mulberry32), so every run measures the same archive.
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const random = rng(20261123);
export const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const given = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍建华飞鹏红梅玲丹宇浩凯辉宁欣雪琳佳慧婷晨晓东阳光'.split('');
const companyWords = ['华联', '国药', '鸿运', '金源', '万达', '新世纪', '百信', '天成', '瑞康', '同仁', '海川', '长江', '汇通', '恒泰', '嘉禾'];
const trades = ['餐饮', '医药', '贸易', '科技', '商贸', '服饰', '美容', '教育', '物流', '咨询'];

function personName() {
  return pick(surnames) + pick(given) + (random() < 0.6 ? pick(given) : '');
}


export interface Samples {
  names: string[];
  units: string[];
  refs: string[];
  phones: string[];
}

export interface GeneratedArchive {
  dir: string;
  archive: OpenedArchive;
  samples: Samples;
  seedSeconds: number;
}

/** Fills a new encrypted archive with `CUSTOMERS` tenants, one file and one contact each. */
export async function generateArchive(CUSTOMERS: number): Promise<GeneratedArchive> {
  const dir = mkdtempSync(join(tmpdir(), 'archive-desk-bench-'));
  const archive = await openArchive(join(dir, 'archive.db'), newArchiveKey(), { create: true });
  const { sqlite, db } = archive;
  const at = new Date().toISOString();
  const samples: Samples = { names: [], units: [], refs: [], phones: [] };

  const t0 = performance.now();
  const insertCustomer = sqlite.prepare(
    `insert into customers (kind, name, building, floor, phone, classification, special_tags, name_pinyin, created_at, updated_at) values (?, ?, ?, ?, ?, 'ordinary', '[]', ?, ?, ?)`,
  );
  const insertFile = sqlite.prepare(
    `insert into files (customer_id, unit, ref_no, category, year, seq, retention, status, label_name, created_at, updated_at) values (?, ?, ?, 'KH', 2026, ?, '30', 'active', ?, ?, ?)`,
  );
  const insertContact = sqlite.prepare(`insert into customer_contacts (customer_id, kind, seq, name, phone) values (?, 'contact', 0, ?, ?)`);
  const insertTri = sqlite.prepare('insert into search_trigram (rowid, body) values (?, ?)');
  const insertShort = sqlite.prepare('insert into search_short (rowid, body) values (?, ?)');
  sqlite.transaction(() => {
    for (let i = 1; i <= CUSTOMERS; i++) {
      const person = random() < 0.5;
      const name = person ? personName() : `${pick(companyWords)}${pick(trades)}${random() < 0.5 ? '有限公司' : '店'}`;
      const building = `${pick(['A', 'B', 'C', 'D'])}座`;
      const floor = String(1 + Math.floor(random() * 30));
      const unit = `${building[0]}-${floor.padStart(2, '0')}${String(1 + Math.floor(random() * 20)).padStart(2, '0')}`;
      const phone = `1${pick(['38', '39', '58', '86', '77'])}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
      const contact = personName();
      const id = Number(insertCustomer.run('tenant', name, building, floor, phone, pinyinKeys(name).full, at, at).lastInsertRowid);
      const ref = formatRefNo(defaultSettings.refPattern, { fonds: '0001', category: 'KH', year: 2026, retention: '30', org: 'KFB', seq: i });
      insertFile.run(id, unit, ref, i, name, at, at);
      insertContact.run(id, contact, phone);
      const body = searchBodies({ names: [name, contact], other: [ref, unit, phone] });
      insertTri.run(id * 2, body.trigram);
      insertShort.run(id * 2, body.short);
      if (i % Math.max(1, Math.floor(CUSTOMERS / 200)) === 0) {
        samples.names.push(name);
        samples.units.push(unit);
        samples.refs.push(ref);
        samples.phones.push(phone);
      }
    }
  })();
  const seedSeconds = (performance.now() - t0) / 1000;

  return { dir, archive, samples, seedSeconds };
}
