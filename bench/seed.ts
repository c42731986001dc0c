// The realistic archive generator behind `npm run seed` and `npm run bench`: a real archive (key
// file, accounts, settings made through the services) filled by bulk SQL on the same encrypted
// connection with customers, files, ~10 documents each, scans, cabinets and boxes, five years of
// loans (some out, some overdue), classifications, follow-up visits and monthly inspections.
// Deterministic for a given --seed and --as-of date.
import { deflateSync, crc32 } from 'node:zlib';
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { createArchiveApi } from '../electron/api';
import { manualClock } from '../electron/services/clock';
import { formatRefNo } from '../electron/services/ref-numbers';
import { customerRowId, documentRowId, pinyinKeys, searchBodies } from '../electron/services/search';
import { defaultSettings } from '../electron/services/settings';
import { ArchiveVault } from '../electron/services/vault';
import { addDays, localDate, localDayStart } from '../shared/dates';
import type { CustomerKind } from '../shared/domain';
import { recordKind, satisfactionQuestions } from '../shared/record-kinds';

export interface SeedOptions {
  dir: string;
  customers: number;
  seed?: number;
  /** YYYY-MM-DD: "today" for the generated history (loans out and overdue are relative to it). */
  asOf?: string;
  /** How many documents get a scan (default: one in 500 documents). */
  scans?: number;
  /** Loans over five years (default: three per customer). */
  loans?: number;
  password?: string;
  /** Key-derivation costs (tests pass light ones; the default is the real cost a desk uses). */
  vaultOptions?: ConstructorParameters<typeof ArchiveVault>[2];
  log?: (line: string) => void;
}

export interface SeedSummary {
  dir: string;
  password: string;
  recoveryKey: string;
  asOf: string;
  counts: Record<string, number>;
  seconds: number;
  /** Values for benchmarks to search for, picked evenly through the archive. */
  samples: { names: string[]; units: string[]; refs: string[]; phones: string[] };
}

export const seedSizes = { small: 1_000, medium: 20_000, large: 100_000 } as const;
export const seedPassword = 'Desk-2026-pass';
export const seedAccounts = {
  admin: 'admin',
  clerk: 'wangfang',
  manager: 'zhaojl',
  generalManager: 'chenzong',
} as const;

/** mulberry32: small, fast and the same on every machine. */
export function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧阳'.split(
    '',
  );
const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚英华玉萍建飞鹏红梅玲丹宇浩凯辉宁欣雪琳佳慧婷晨晓东阳光志国海波斌俊峰'.split('');
const brandWords = [
  '华联',
  '国药',
  '鸿运',
  '金源',
  '万达',
  '新世纪',
  '百信',
  '天成',
  '瑞康',
  '同仁',
  '海川',
  '长江',
  '汇通',
  '恒泰',
  '嘉禾',
  '中信',
  '粤海',
  '正大',
  '美佳',
  '君悦',
  '星河',
  '博雅',
  '东方',
  '锦绣',
];
const trades = ['餐饮', '医药', '贸易', '科技', '商贸', '服饰', '美容', '教育', '物流', '咨询', '珠宝', '眼镜', '茶业', '文化传媒', '健身'];
const suffixes = ['有限公司', '有限公司', '股份有限公司', '店', '分店', '工作室'];
const departments = ['工程部', '客服部', '财务部', '保安部', '招商部', '销售部', '法务部', '行政部'];
const purposes = ['核对租约', '办理续租', '复印营业执照', '核查装修资料', '消防检查', '催缴欠费', '处理投诉', '审计抽查', '办理退租', '核对押金'];
const buildings = ['A座', 'B座', 'C座', 'D座'];
const FLOORS = 30;

/** Weighted document categories of a tenant file (003 §6-§12) and their usual titles. */
const documentKinds: [string, number, string[]][] = [
  ['basic_record', 6, ['租户基本情况记录表']],
  ['identity', 8, ['营业执照复印件', '法人身份证复印件', '身份证复印件']],
  ['move_in', 8, ['入伙通知书', '入住登记表', '钥匙领取登记']],
  ['fire_safety', 6, ['消防安全责任书', '消防验收意见书']],
  ['fit_out', 7, ['装修申请表', '装修图纸', '二次装修竣工验收单']],
  ['payment', 14, ['押金收据', '管理费缴费记录', '水电费缴费记录']],
  ['correspondence', 10, ['工作联系函', '往来函', '催缴通知函']],
  ['repair', 10, ['报修单', '维修完工确认单']],
  ['complaint', 4, ['投诉登记表', '投诉处理回复']],
  ['inspection', 6, ['巡查记录', '整改通知书']],
  ['service_contract', 4, ['油烟清洗合同', '灭虫服务合同']],
  ['application', 6, ['门锁申请表', '车位申请表', '招牌申请表', '加班申请表']],
  ['meter', 5, ['水、电表底数确认单']],
  ['violation', 2, ['违规整改通知', '欠费通知']],
  ['other', 4, ['其他资料']],
];
const kindWeightTotal = documentKinds.reduce((s, k) => s + k[1], 0);

/** Complaints by category (003 §15 7): what the customer said, and the cause the handler found. */
const complaintTexts: Record<string, { weight: number; content: string[]; causes: string[] }> = {
  facility: { weight: 30, content: ['电梯经常停运', '空调制冷效果差', '公共区域照明损坏', '门禁卡失灵'], causes: ['设备老化', '维保不及时', '零件缺货'] },
  environment: { weight: 18, content: ['公共卫生间不清洁', '垃圾清运不及时', '楼道有异味'], causes: ['保洁排班不足', '清运车辆故障'] },
  charges: { weight: 14, content: ['管理费计费有误', '水电费账单与读数不符'], causes: ['抄表错误', '系统计费设置错误', '客户理解有误'] },
  security: { weight: 10, content: ['夜间有陌生人进入楼层', '车辆在停车场被刮'], causes: ['巡逻间隔过长', '监控盲区'] },
  neighbour: { weight: 10, content: ['隔壁装修噪音大', '邻铺占用公共通道'], causes: ['装修时段未遵守', '商户违规堆放'] },
  quality: { weight: 8, content: ['维修后问题反复出现', '服务人员态度差'], causes: ['维修工艺不到位', '员工培训不足'] },
  process: { weight: 5, content: ['办理退租手续等待时间长', '装修审批流程繁琐'], causes: ['流程环节过多', '审批人出差'] },
  other: { weight: 5, content: ['其他问题'], causes: ['其他原因'] },
};
const complaintCategories = Object.keys(complaintTexts);
const complaintWeightTotal = Object.values(complaintTexts).reduce((s, c) => s + c.weight, 0);
const repairTexts = ['卫生间水龙头漏水', '办公室灯管不亮', '空调出风口滴水', '门锁损坏', '插座无电', '下水道堵塞', '窗户关不严'];
const handlers = ['工程部李师傅', '工程部张师傅', '客服部刘敏', '保洁部陈班长', '保安部周队长'];

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const iso = (ms: number) => new Date(ms).toISOString();

/** A desk record waiting to be numbered: numbers run by kind and local year in the order they happened. */
interface PendingRecord {
  kind: string;
  ms: number;
  fileId: number;
  building: string;
  floor: string;
  unit: string;
  status: string;
  fields: Record<string, unknown>;
  due: string | null;
  assignedTo: string | null;
  closedMs: number | null;
}

/** A grey "scanned page": text-like dark strokes on paper-white with sensor noise, as a PNG. */
function scannedPagePng(random: () => number, width: number, height: number): Buffer {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width + 1);
    raw[row] = 0;
    const inLine = y % 28 > 8 && y % 28 < 22 && y > 60 && y < height - 80;
    for (let x = 0; x < width; x++) {
      const stroke = inLine && x > 60 && x < width - 60 && random() < 0.35;
      // Paper is mostly flat white with specks; strokes vary. Compresses like a 150 dpi grey scan.
      raw[row + 1 + x] = stroke ? 40 + Math.floor(random() * 60) : random() < 0.08 ? 225 + Math.floor(random() * 25) : 250;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 6 })), chunk('IEND', Buffer.alloc(0))]);
}

/** A pool of distinct scans (PNG pages, and PDFs of one to three such pages) of realistic sizes. */
async function scanPool(random: () => number): Promise<{ name: string; mime: string; data: Buffer; sha256: string }[]> {
  const pool: { name: string; mime: string; data: Buffer; sha256: string }[] = [];
  for (let i = 0; i < 12; i++) {
    const png = scannedPagePng(random, 620 + Math.floor(random() * 200), 877 + Math.floor(random() * 280));
    if (i % 2 === 0) {
      pool.push({ name: `扫描件${i + 1}.png`, mime: 'image/png', data: png, sha256: createHash('sha256').update(png).digest('hex') });
    } else {
      const pdf = await PDFDocument.create();
      const pages = 1 + (i % 3);
      const image = await pdf.embedPng(png);
      for (let p = 0; p < pages; p++) pdf.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
      const data = Buffer.from(await pdf.save({ useObjectStreams: false }));
      pool.push({ name: `扫描件${i + 1}.pdf`, mime: 'application/pdf', data, sha256: createHash('sha256').update(data).digest('hex') });
    }
  }
  return pool;
}

export async function seedArchive(options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const random = rng(options.seed ?? 20261123);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const todayMs = Date.parse(`${asOf}T01:00:00Z`); // 09:00 Beijing time
  const spanMs = 5 * 365 * DAY;
  const N = options.customers;
  const LOANS = options.loans ?? N * 3;
  const password = options.password ?? seedPassword;

  // The archive and its people, through the services as a desk would make them.
  const clock = manualClock(new Date(todayMs));
  const vault = new ArchiveVault(options.dir, clock, options.vaultOptions);
  const api = createArchiveApi({ vault, clock });
  const { recoveryKey } = await api.createArchive({ organisation: '华联物业客务部', username: seedAccounts.admin, displayName: '系统管理员', password, passwordConfirm: password });
  const accountIds: Record<string, number> = {};
  for (const [role, username, displayName] of [
    ['clerk', seedAccounts.clerk, '王芳'],
    ['department_manager', seedAccounts.manager, '赵建林'],
    ['general_manager', seedAccounts.generalManager, '陈国华'],
  ] as const) {
    accountIds[role] = (await api.createAccount({ username, displayName, role, password, passwordConfirm: password })).id;
  }
  const clerkId = accountIds.clerk!;
  const managerId = accountIds.department_manager!;
  const sqlite = vault.sqlite();
  const counts: Record<string, number> = {};
  const count = (what: string, n = 1) => (counts[what] = (counts[what] ?? 0) + n);
  const samples: SeedSummary['samples'] = { names: [], units: [], refs: [], phones: [] };

  // Storage: two rooms; cabinets of 5 shelves x 8 boxes; boxes serve one building and floor.
  const insertRoom = sqlite.prepare('insert into rooms (name, description) values (?, ?)');
  const insertCabinet = sqlite.prepare('insert into cabinets (room_id, code, description) values (?, ?, ?)');
  const insertShelf = sqlite.prepare('insert into shelves (cabinet_id, position, label) values (?, ?, ?)');
  const insertBox = sqlite.prepare('insert into boxes (shelf_id, code, position, capacity, purpose, serves_building, serves_floor) values (?, ?, ?, ?, ?, ?, ?)');
  let cabinetNo = 0;
  let slot = 40; // boxes used in the current cabinet
  let shelfIds: number[] = [];
  const rooms = [Number(insertRoom.run('一号档案室', '在用档案').lastInsertRowid), Number(insertRoom.run('二号档案室', '退租及离场档案').lastInsertRowid)];
  function newBox(code: string, purpose: 'active' | 'departed', building: string | null, floor: string | null): number {
    if (slot >= 40) {
      cabinetNo++;
      const cabinetId = Number(insertCabinet.run(purpose === 'active' ? rooms[0] : rooms[1], `G${String(cabinetNo).padStart(3, '0')}`, null).lastInsertRowid);
      shelfIds = [1, 2, 3, 4, 5].map((p) => Number(insertShelf.run(cabinetId, p, `第${p}层`).lastInsertRowid));
      slot = 0;
      count('cabinets');
    }
    const id = Number(insertBox.run(shelfIds[Math.floor(slot / 8)], code, (slot % 8) + 1, 50, purpose, building, floor).lastInsertRowid);
    slot++;
    count('boxes');
    return id;
  }

  // Customers and files, in the order they were made over five years.
  const insertCustomer = sqlite.prepare(`insert into customers (kind, name, short_name, company_nature, legal_representative, phone, fax, building, floor, move_in_date, move_out_date,
    classification, value_grade, special_tags, last_reviewed_at, name_pinyin, created_at, updated_at, industry, restaurant, licence_no, licence_expiry) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertContact = sqlite.prepare('insert into customer_contacts (customer_id, kind, seq, name, title, phone) values (?, ?, ?, ?, ?, ?)');
  const insertFile =
    sqlite.prepare(`insert into files (customer_id, unit, ref_no, category, year, seq, retention, status, label_name, label_printed_at, closed_at, created_at, updated_at, confidentiality, home_box_id, archived_year)
    values (?, ?, ?, 'KH', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertMove = sqlite.prepare('insert into file_moves (file_id, from_box_id, to_box_id, at, account_id, reason) values (?, null, ?, ?, ?, ?)');
  const insertDocument = sqlite.prepare(`insert into documents (file_id, category, title, doc_date, pages, is_original, confidentiality, remarks, version, created_at, created_by, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, null, 1, ?, ?, ?)`);
  const insertScan = sqlite.prepare('insert into scans (document_id, file_name, mime, size, sha256, data, created_at) values (?, ?, ?, ?, ?, ?, ?)');
  const insertTri = sqlite.prepare('insert into search_trigram (rowid, body) values (?, ?)');
  const insertShort = sqlite.prepare('insert into search_short (rowid, body) values (?, ?)');
  const insertChange = sqlite.prepare('insert into classification_changes (customer_id, at, account_id, field, from_value, to_value, reason) values (?, ?, ?, ?, ?, ?, ?)');
  const seqByYear = new Map<number, number>();
  const titleBodies = new Map<string, ReturnType<typeof searchBodies>>(); // titles repeat; pinyin is the slow part
  const pool = await scanPool(random);
  const totalDocsGuess = N * 10;
  const scanEvery = Math.max(1, Math.round(totalDocsGuess / Math.max(1, options.scans ?? totalDocsGuess / 500)));
  const activeBoxes = new Map<string, { id: number; held: number; n: number }>();
  let departedBox = { id: 0, held: 50, n: 0 };
  /** Files in the order they were made, for loans to pick from: id, when made, still active. */
  const fileIds: number[] = [];
  const fileCreated: number[] = [];
  const fileActive: boolean[] = [];
  const pendingRecords: PendingRecord[] = [];

  const person = () => pick(surnames) + pick(given) + (chance(0.65) ? pick(given) : '');
  const mobile = () => `1${pick(['38', '39', '58', '86', '77', '35', '50', '89'])}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
  const sampleEvery = Math.max(1, Math.floor(N / 400));
  const BATCH = 5000;
  for (let from = 1; from <= N; from += BATCH) {
    sqlite.transaction(() => {
      for (let i = from; i < Math.min(N + 1, from + BATCH); i++) {
        const createdMs = todayMs - spanMs + Math.floor(((i - 0.5 + random()) / N) * spanMs);
        const r = random();
        const kind: CustomerKind = r < 0.5 ? 'tenant' : r < 0.7 ? 'owner' : r < 0.9 ? 'sales' : 'potential';
        const company = kind === 'tenant' ? chance(0.8) : kind === 'owner' ? chance(0.2) : chance(0.1);
        const brand = pick(brandWords);
        const name = company ? `${pick(['广州', '深圳', '佛山', ''])}${brand}${pick(trades)}${pick(suffixes)}` : person();
        const building = pick(buildings);
        const floor = String(1 + Math.floor(random() * FLOORS));
        const unit = `${building[0]}-${floor.padStart(2, '0')}${String(1 + Math.floor(random() * 24)).padStart(2, '0')}`;
        const phone = chance(0.15) && company ? `020-${3 + Math.floor(random() * 6)}${String(Math.floor(random() * 1e7)).padStart(7, '0')}` : mobile();
        const property = kind === 'tenant' || kind === 'owner';
        const moveIn = property ? isoDate(createdMs + Math.floor(random() * 20) * DAY) : null;
        // About one tenant in five has moved out since; an owner rarely.
        const movedOutMs =
          kind === 'tenant' && chance(0.22)
            ? createdMs + Math.floor(random() * (todayMs - createdMs))
            : kind === 'owner' && chance(0.03)
              ? createdMs + Math.floor(random() * (todayMs - createdMs))
              : null;
        const departed = movedOutMs !== null && movedOutMs < todayMs - DAY;
        const classification = kind === 'potential' ? 'potential' : chance(0.08) ? 'key' : 'ordinary';
        const grade = chance(0.15) ? 'high' : chance(0.55) ? 'medium' : 'low';
        const tags = classification === 'key' && chance(0.4) ? JSON.stringify([pick(['大客户', '长期合作', '政府单位', '连锁品牌'])]) : '[]';
        const reviewed = chance(0.9) ? iso(todayMs - Math.floor(random() * 270) * DAY) : null;
        const createdAt = iso(createdMs);
        // From the name and the row, not the random stream, so every other value stays as it was.
        const industry = company ? (trades.find((t) => name.includes(t)) ?? null) : null;
        const licenceNo = company ? `9144010${String(i).padStart(11, '0')}` : null;
        const licenceExpiry = company ? isoDate(createdMs + (365 + ((i * 7919) % 3650)) * DAY) : null;
        const id = Number(
          insertCustomer.run(
            kind,
            name,
            company ? brand : null,
            company ? pick(['state_owned', 'joint_stock', 'partnership', 'other']) : null,
            company ? person() : null,
            phone,
            company && chance(0.3) ? `020-8${String(Math.floor(random() * 1e7)).padStart(7, '0')}` : null,
            building,
            floor,
            moveIn,
            movedOutMs === null ? null : isoDate(movedOutMs),
            classification,
            grade,
            tags,
            reviewed,
            pinyinKeys(name).full,
            createdAt,
            createdAt,
            industry,
            industry === '餐饮' ? 1 : 0,
            licenceNo,
            licenceExpiry,
          ).lastInsertRowid,
        );
        count(`customers.${kind}`);
        const contacts: { name: string; phone: string }[] = [];
        for (let c = 0; c < (company ? 2 : 1); c++) {
          const contact = { name: company ? person() : name, phone: c === 0 && !company ? phone : mobile() };
          insertContact.run(id, 'contact', c, contact.name, company ? pick(['经理', '店长', '行政', '财务']) : null, contact.phone);
          contacts.push(contact);
        }
        if (property && chance(0.6)) {
          const emergency = { name: person(), phone: mobile() };
          insertContact.run(id, 'emergency', 0, emergency.name, null, emergency.phone);
          contacts.push(emergency);
        }
        if (classification === 'key' && chance(0.5)) {
          insertChange.run(id, iso(createdMs + 90 * DAY), managerId, 'classification', 'ordinary', 'key', '年度经营贡献较大，升为重点客户');
          count('classification changes');
        }

        // The file: 档号 by the year it was made; a box serving its building and floor.
        const year = new Date(createdMs).getUTCFullYear();
        const seq = (seqByYear.get(year) ?? 0) + 1;
        seqByYear.set(year, seq);
        const rule = defaultSettings.retention[kind];
        const refNo = formatRefNo(defaultSettings.refPattern, { fonds: defaultSettings.fondsCode, category: 'KH', year, retention: rule.period, org: defaultSettings.orgCode, seq, building, floor });
        let boxId: number;
        if (departed) {
          if (departedBox.held >= 45) departedBox = { id: newBox(`TF-${String(departedBox.n + 1).padStart(4, '0')}`, 'departed', null, null), held: 0, n: departedBox.n + 1 };
          boxId = departedBox.id;
          departedBox.held++;
        } else {
          const key = `${building}/${floor}`;
          let box = activeBoxes.get(key);
          if (!box || box.held >= 45) {
            const n = (box?.n ?? 0) + 1;
            box = { id: newBox(`${building[0]}${floor.padStart(2, '0')}-${String(n).padStart(2, '0')}`, 'active', building, floor), held: 0, n };
            activeBoxes.set(key, box);
          }
          boxId = box.id;
          box.held++;
        }
        const closedAt = departed ? iso(movedOutMs! + DAY) : null;
        const archivedYear = departed && new Date(movedOutMs!).getUTCFullYear() < new Date(todayMs).getUTCFullYear() ? new Date(movedOutMs!).getUTCFullYear() : null;
        const fileId = Number(
          insertFile.run(
            id,
            unit,
            refNo,
            year,
            seq,
            rule.period,
            departed ? 'departed' : 'active',
            name,
            chance(0.97) ? iso(createdMs + DAY) : null,
            closedAt,
            createdAt,
            closedAt ?? createdAt,
            chance(0.03) ? 'confidential' : 'ordinary',
            boxId,
            archivedYear,
          ).lastInsertRowid,
        );
        insertMove.run(fileId, boxId, createdAt, clerkId, '建档入盒');
        fileIds.push(fileId);
        fileCreated.push(createdMs);
        fileActive.push(!departed);
        count(departed ? 'files.departed' : 'files.active');

        const body = searchBodies({ names: [name, company ? brand : '', ...contacts.map((c) => c.name)], other: [refNo, unit, phone, ...contacts.map((c) => c.phone)] });
        insertTri.run(customerRowId(id), body.trigram);
        insertShort.run(customerRowId(id), body.short);
        if (i % sampleEvery === 0) {
          samples.names.push(name);
          samples.units.push(unit);
          samples.refs.push(refNo);
          samples.phones.push(phone);
        }

        // Documents: about ten per file, dated from the file's start to its end.
        const endMs = departed ? movedOutMs! : todayMs;
        const docs = 3 + Math.floor(random() * 15);
        const addDocument = (category: string, title: string, atMs: number) => {
          const confidentiality = chance(0.03) ? 'confidential' : chance(0.12) ? 'internal' : 'ordinary';
          const at = iso(atMs);
          const docId = Number(insertDocument.run(fileId, category, title, isoDate(atMs), 1 + Math.floor(random() * 12), chance(0.7) ? 1 : 0, confidentiality, at, clerkId, at).lastInsertRowid);
          let docBody = titleBodies.get(title);
          if (!docBody) titleBodies.set(title, (docBody = searchBodies({ names: [title], other: [] })));
          insertTri.run(documentRowId(docId), docBody.trigram);
          insertShort.run(documentRowId(docId), docBody.short);
          count('documents');
          if (docId % scanEvery === 0) {
            const scan = pool[docId % pool.length]!;
            insertScan.run(docId, scan.name, scan.mime, scan.data.length, scan.sha256, scan.data, at);
            count('scans');
            count('scan bytes', scan.data.length);
          }
        };
        for (let d = 0; d < docs; d++) {
          let w = random() * kindWeightTotal;
          const [category, , titles] = documentKinds.find((k) => (w -= k[1]) < 0) ?? documentKinds[0]!;
          addDocument(category, `${pick(titles)}${chance(0.3) ? `（${isoDate(createdMs).slice(0, 7)}）` : ''}`, createdMs + Math.floor(random() * Math.max(DAY, endMs - createdMs)));
        }
        // Follow-up visits (003 §14): made on time, except that recent files may still be due.
        if (kind === 'sales' || kind === 'potential') {
          for (const days of kind === 'sales' ? [3, 30, 60] : [3, 15]) {
            const visitMs = createdMs + days * DAY;
            if (visitMs > todayMs - 5 * DAY || chance(0.02)) break;
            addDocument('visit', `第${days}天回访记录`, visitMs);
          }
        }

        // Desk records (issue 19): complaints and repair calls from tenants and owners, visits to key
        // customers, and the yearly satisfaction survey; the recent ones still open, a few late.
        const years = Math.max(1, (endMs - createdMs) / (365 * DAY));
        const contact = contacts[0]!;
        const place = { fileId, building, floor, unit };
        const openOrClosed = (ms: number, statuses: readonly string[], closeAfterDays: number) => {
          const age = (todayMs - ms) / DAY;
          const late = !departed && chance(0.01);
          if (age > closeAfterDays && !late) return { status: statuses[statuses.length - 1]!, closedMs: ms + Math.floor((0.3 + random() * closeAfterDays) * DAY) };
          return { status: statuses[Math.floor(random() * (statuses.length - 1))]!, closedMs: null };
        };
        // A record of the kind the desk keeps (a survey's answers, a visit) rather than handles: kept on its local day.
        const keptOn = (kind: string, ms: number, fields: Record<string, unknown>) => {
          const day = localDate(new Date(ms));
          pendingRecords.push({ kind, ms: Date.parse(localDayStart(day)), ...place, status: 'kept', due: null, assignedTo: null, closedMs: ms, fields });
        };
        if (property) {
          for (let n = 0; n < Math.round(years * (chance(0.5) ? 0.15 : 0.05)); n++) {
            const ms = createdMs + Math.floor(random() * (endMs - createdMs));
            let w = random() * complaintWeightTotal;
            const category = complaintCategories.find((c) => (w -= complaintTexts[c]!.weight) < 0) ?? 'other';
            const texts = complaintTexts[category]!;
            const days = { quality: 7, process: 3, facility: 3, environment: 2, security: 1, charges: 5, neighbour: 5, other: 5 }[category] ?? 5;
            const due = addDays(localDate(new Date(ms)), days);
            const state = openOrClosed(ms, ['received', 'assigned', 'handled', 'closed'], days + 2);
            const assigned = state.status !== 'received' ? pick(handlers) : null;
            const done = state.status === 'handled' || state.status === 'closed';
            pendingRecords.push({
              kind: 'complaint',
              ms,
              ...place,
              status: state.status,
              due,
              assignedTo: assigned,
              closedMs: state.closedMs,
              fields: {
                receivedAt: iso(ms),
                channel: pick(['phone', 'phone', 'visit', 'letter', 'online']),
                complainant: contact.name,
                phone: contact.phone,
                unit,
                category,
                content: pick(texts.content),
                receivedBy: '王芳',
                ...(assigned ? { assignedTo: assigned } : {}),
                ...(done ? { cause: pick(texts.causes), handling: '已安排处理并回复客户', handledAt: iso(ms + DAY) } : {}),
                ...(state.status === 'closed' ? { feedbackAt: iso(ms + 2 * DAY), feedbackBy: '王芳', satisfaction: chance(0.8) ? 'satisfied' : chance(0.6) ? 'fair' : 'unsatisfied' } : {}),
              },
            });
          }
          for (let n = 0; n < Math.round(years * (chance(0.5) ? 0.5 : 0.2)); n++) {
            const ms = createdMs + Math.floor(random() * (endMs - createdMs));
            const urgency = chance(0.2) ? 'urgent' : 'normal';
            const due = addDays(localDate(new Date(ms)), urgency === 'urgent' ? 1 : 3);
            const state = openOrClosed(ms, ['reported', 'assigned', 'done', 'closed'], urgency === 'urgent' ? 2 : 4);
            const assigned = state.status !== 'reported' ? pick(handlers.slice(0, 2)) : null;
            const done = state.status === 'done' || state.status === 'closed';
            pendingRecords.push({
              kind: 'repair',
              ms,
              ...place,
              status: state.status,
              due,
              assignedTo: assigned,
              closedMs: state.closedMs,
              fields: {
                reportedAt: iso(ms),
                reporter: contact.name,
                phone: contact.phone,
                unit,
                urgency,
                content: pick(repairTexts),
                receivedBy: '王芳',
                ...(assigned ? { assignedTo: assigned, assignedAt: iso(ms + 3600_000) } : {}),
                ...(done ? { doneAt: iso(ms + DAY), result: '已修复' } : {}),
                ...(state.status === 'closed' ? { satisfaction: chance(0.85) ? 'satisfied' : 'fair' } : {}),
              },
            });
          }
          // The yearly satisfaction survey (003 §15 6): about a third of the tenants and owners answer.
          for (let y = new Date(todayMs).getFullYear(); y > new Date(todayMs).getFullYear() - 2; y--) {
            const ms = Date.parse(`${y}-06-15T02:00:00Z`) + Math.floor(random() * 60) * DAY;
            if (ms < createdMs || ms > endMs || ms > todayMs || !chance(0.35)) continue;
            const answer = () => pick(['verySatisfied', 'satisfied', 'satisfied', 'satisfied', 'fair', 'fair', 'unsatisfied', 'veryUnsatisfied']);
            keptOn('satisfaction-survey', ms, {
              answeredOn: localDate(new Date(ms)),
              respondent: contact.name,
              unit,
              phone: contact.phone,
              way: pick(['handed', 'phone', 'visit']),
              ...Object.fromEntries(satisfactionQuestions.map((q) => [q, answer()])),
              collectedBy: '王芳',
            });
          }
        }
        // Key customers are visited about once a quarter (002 ch.3 §2).
        if (classification === 'key') {
          for (let n = 0; n < Math.round(years * 4 * (0.5 + random() * 0.5)); n++) {
            const ms = createdMs + Math.floor(random() * (endMs - createdMs));
            keptOn('visit', ms, {
              visitedOn: localDate(new Date(ms)),
              way: pick(['onSite', 'phone', 'atDesk']),
              purpose: pick(['routine', 'festival', 'problem']),
              visitor: '王芳',
              met: contact.name,
              needs: '无新需求',
            });
          }
        }
      }
    })();
    log(`  customers ${Math.min(N, from + BATCH - 1).toLocaleString()} / ${N.toLocaleString()}`);
  }
  const setCounter = sqlite.prepare('insert into ref_counters (year, category, last_seq) values (?, ?, ?) on conflict (year, category) do update set last_seq = excluded.last_seq');
  for (const [year, seq] of seqByYear) setCounter.run(year, 'KH', seq);

  // The desk records, numbered as the desk numbers them (TS-2026-0001 …, by kind and local year).
  pendingRecords.sort((a, b) => a.ms - b.ms);
  const insertRecord = sqlite.prepare(`insert into desk_records (kind, year, seq, record_no, file_id, status, fields, confidentiality, occurred_at, due_date, building, floor, unit,
    assigned_to, version, created_at, created_by, updated_at, closed_at) values (?, ?, ?, ?, ?, ?, ?, 'ordinary', ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`);
  const recordSeq = new Map<string, number>();
  for (let from = 0; from < pendingRecords.length; from += BATCH) {
    sqlite.transaction(() => {
      for (const r of pendingRecords.slice(from, from + BATCH)) {
        const at = new Date(r.ms);
        const year = at.getFullYear();
        const key = `${year}\u0000${r.kind}`;
        const seq = (recordSeq.get(key) ?? 0) + 1;
        recordSeq.set(key, seq);
        const closedAt = r.closedMs === null ? null : iso(Math.min(r.closedMs, todayMs - 3600_000));
        const createdAt = iso(r.ms);
        insertRecord.run(
          r.kind,
          year,
          seq,
          `${recordKind(r.kind)!.prefix}-${year}-${String(seq).padStart(4, '0')}`,
          r.fileId,
          r.status,
          JSON.stringify(r.fields),
          createdAt,
          r.due,
          r.building,
          r.floor,
          r.unit,
          r.assignedTo,
          createdAt,
          clerkId,
          closedAt ?? createdAt,
          closedAt,
        );
        count(`records.${r.kind}`);
        if (closedAt === null) count('records open');
      }
    })();
  }
  for (const [key, seq] of recordSeq) {
    const [year, kind] = key.split('\u0000');
    setCounter.run(Number(year), `rec:${kind}`, seq);
  }
  log(`  desk records ${pendingRecords.length.toLocaleString()}`);

  // Borrowers and five years of loans: most back on time, some late, some out now, a few overdue.
  const insertBorrower = sqlite.prepare('insert into borrowers (name, department, phone, employee_no, status, left_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)');
  const borrowerIds: number[] = [];
  const borrowerDept: string[] = [];
  for (let b = 0; b < 120; b++) {
    const left = b < 15;
    const dept = departments[b % departments.length]!;
    borrowerIds.push(
      Number(
        insertBorrower.run(person(), dept, mobile(), `E${String(1001 + b)}`, left ? 'left' : 'active', left ? iso(todayMs - 200 * DAY) : null, iso(todayMs - spanMs), iso(todayMs - spanMs))
          .lastInsertRowid,
      ),
    );
    borrowerDept.push(dept);
  }
  const insertApproval =
    sqlite.prepare(`insert into approvals (kind, target_type, target_id, summary, reason, required_role, requested_by, requested_at, status, decided_by, decided_at, decision_reason, used_at)
    values ('borrow', 'loan', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertLoan = sqlite.prepare(`insert into loans (slip_no, borrower_id, purpose, kind, term, status, approval_id, requested_by, requested_at, lent_at, lent_by, due_date, renewals, returned_at)
    values (?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, 0, ?)`);
  const setLoanApproval = sqlite.prepare('update loans set approval_id = ? where id = ?');
  const insertItem = sqlite.prepare('insert into loan_items (loan_id, file_id, state, returned_at, returned_by, condition, condition_note) values (?, ?, ?, ?, ?, ?, ?)');
  const slipByYear = new Map<number, number>();
  const outNow = new Set<number>();
  let firstFile = 0;
  for (let from = 0; from < LOANS; from += BATCH) {
    sqlite.transaction(() => {
      for (let l = from; l < Math.min(LOANS, from + BATCH); l++) {
        const requestedMs = todayMs - spanMs + Math.floor(((l + random()) / LOANS) * spanMs);
        while (firstFile < fileCreated.length - 1 && fileCreated[firstFile + 1]! <= requestedMs) firstFile++;
        const recent = todayMs - requestedMs < 25 * DAY;
        const kind = chance(0.4) ? 'read' : chance(0.75) ? 'take_out' : 'copy';
        const term = kind === 'read' ? 'short' : chance(0.7) ? 'short' : 'long';
        const termDays = kind === 'read' ? 0 : term === 'short' ? defaultSettings.loanShortDays : defaultSettings.loanLongDays;
        // Recent slips: a few still waiting for approval.
        const pending = recent && todayMs - requestedMs < 2 * DAY && chance(0.3);
        const rejected = !pending && chance(0.01);
        const lentMs = requestedMs + Math.floor(random() * 0.8 * DAY);
        const due = isoDate(lentMs + termDays * DAY);
        // Most of what is still within its term is still out; a few past it are overdue.
        const stillOut = recent && !pending && !rejected && kind !== 'read' && chance(due >= asOf ? 0.85 : 0.04);
        const items: number[] = [];
        for (let k = 0; k < (chance(0.85) ? 1 : 2 + Math.floor(random() * 2)); k++) {
          // Busier files are borrowed more: a skew towards a few popular files.
          const idx = Math.floor(Math.pow(random(), 1.6) * (firstFile + 1));
          const f = firstFile - idx;
          if (f < 0 || items.includes(fileIds[f]!) || outNow.has(fileIds[f]!)) continue;
          if ((stillOut || pending) && !fileActive[f]) continue;
          items.push(fileIds[f]!);
        }
        if (!items.length) continue;
        const year = new Date(requestedMs).getUTCFullYear();
        const no = (slipByYear.get(year) ?? 0) + 1;
        slipByYear.set(year, no);
        const slipNo = `JY-${year}-${String(no).padStart(5, '0')}`;
        const borrowerIndex = Math.floor(random() * borrowerIds.length);
        const purpose = pick(purposes);
        const late = chance(0.12);
        const returnedMs = kind === 'read' ? lentMs + 2 * 3600_000 : lentMs + Math.floor(random() * (termDays + 1)) * DAY + (late ? (1 + Math.floor(random() * 20)) * DAY : 0) + 3600_000;
        const returned = !pending && !rejected && !stillOut && returnedMs < todayMs;
        const out = !pending && !rejected && !returned;
        const status = pending ? 'requested' : rejected ? 'rejected' : out ? 'lent' : 'returned';
        const requestedAt = iso(requestedMs);
        const loanId = Number(
          insertLoan.run(
            slipNo,
            borrowerIds[borrowerIndex],
            purpose,
            kind,
            term,
            status,
            clerkId,
            requestedAt,
            pending || rejected ? null : iso(lentMs),
            pending || rejected ? null : clerkId,
            pending || rejected ? null : due,
            returned ? iso(returnedMs) : null,
          ).lastInsertRowid,
        );
        const approvalId = Number(
          insertApproval.run(
            loanId,
            `${slipNo} · ${purpose}`,
            purpose,
            'department_manager',
            clerkId,
            requestedAt,
            pending ? 'pending' : rejected ? 'rejected' : 'used',
            pending ? null : managerId,
            pending ? null : iso(requestedMs + 1800_000),
            pending ? null : rejected ? '用途不明确' : '同意',
            pending || rejected ? null : iso(lentMs),
          ).lastInsertRowid,
        );
        setLoanApproval.run(approvalId, loanId);
        for (const fileId of items) {
          const damaged = returned && chance(0.004);
          insertItem.run(
            loanId,
            fileId,
            pending ? 'pending' : rejected ? 'cancelled' : out ? 'out' : 'returned',
            returned ? iso(returnedMs) : null,
            returned ? clerkId : null,
            returned ? (damaged ? 'damaged' : 'complete') : null,
            damaged ? '封皮破损' : null,
          );
          if (out) outNow.add(fileId);
        }
        count(`loans.${status}`);
        if (out && due < asOf) count('loans overdue now');
      }
    })();
  }
  log(`  loans ${LOANS.toLocaleString()}`);

  // Monthly inspections of the last six months; this month's are half done.
  const cabinets = sqlite.prepare('select id from cabinets order by id').all() as { id: number }[];
  const boxesOf = sqlite.prepare('select boxes.id, boxes.code from boxes join shelves on shelves.id = boxes.shelf_id where shelves.cabinet_id = ?');
  const filesIn = sqlite.prepare('select files.id, files.ref_no, customers.name from files join customers on customers.id = files.customer_id where files.home_box_id = ?');
  const insertInspection = sqlite.prepare(`insert into inspections (started_at, started_by, status, finished_at, finished_by, note) values (?, ?, 'finished', ?, ?, null)`);
  const insertInspectionCabinet = sqlite.prepare('insert into inspection_cabinets (inspection_id, cabinet_id) values (?, ?)');
  const insertInspectionBox = sqlite.prepare('insert into inspection_boxes (inspection_id, box_id, checked_at, checked_by) values (?, ?, ?, ?)');
  const insertFinding = sqlite.prepare('insert into inspection_findings (inspection_id, kind, file_id, code, ref_no, name, expected_box, found_box, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  sqlite.transaction(() => {
    for (let m = 5; m >= 0; m--) {
      const monthStart = new Date(todayMs);
      monthStart.setUTCDate(3);
      monthStart.setUTCMonth(monthStart.getUTCMonth() - m);
      const startMs = Math.min(monthStart.getTime(), todayMs - DAY);
      const share = m === 0 ? cabinets.slice(0, Math.ceil(cabinets.length / 2)) : cabinets;
      const inspectionId = Number(insertInspection.run(iso(startMs), clerkId, iso(startMs + 6 * 3600_000), clerkId).lastInsertRowid);
      count('inspections');
      for (const cabinet of share) {
        insertInspectionCabinet.run(inspectionId, cabinet.id);
        for (const box of boxesOf.all(cabinet.id) as { id: number; code: string }[]) {
          insertInspectionBox.run(inspectionId, box.id, iso(startMs + 3600_000), clerkId);
          for (const f of filesIn.all(box.id) as { id: number; ref_no: string; name: string }[]) {
            const r = random();
            const kind = r < 0.004 ? 'missing' : r < 0.012 ? 'misfiled' : 'present';
            insertFinding.run(inspectionId, kind, f.id, kind === 'missing' ? null : f.ref_no, f.ref_no, f.name, box.code, kind === 'misfiled' ? 'G001' : kind === 'present' ? box.code : null, null);
            count(`inspection findings.${kind}`);
          }
        }
      }
    }
  })();
  sqlite.pragma('optimize');
  await api.lock();
  const seconds = (performance.now() - started) / 1000;
  return { dir: options.dir, password, recoveryKey, asOf, counts, seconds, samples };
}
