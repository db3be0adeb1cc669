/**
 * The columns an import understands and the words offices write in their headers. Spreadsheets
 * come from old registers, the developer's handover list, the previous property system's export:
 * headers are 姓名 or 业主名称 or 業主姓名, 电话 or 手机 or 联系电话(必填), simplified or
 * traditional, sometimes English. The same table names the columns of an export, so an exported
 * file imports back as is.
 */
import { toSimplified } from './hant';

/**
 * customers: one person per row; units: one unit per row; household (房屋和客户): one row per
 * unit and the person on it — the roster an office keeps, which creates or matches both.
 */
export type ImportKind = 'customers' | 'units' | 'household';
export const IMPORT_KINDS: ImportKind[] = ['household', 'customers', 'units'];

export const CUSTOMER_TARGETS = [
  'name', 'phones', 'unitCode', 'building', 'entrance', 'floor', 'unitRelation', 'idNumber', 'kind', 'gender', 'wechat', 'email', 'address',
  'employer', 'occupation', 'tags', 'grade', 'birthday', 'notes',
] as const;
export const UNIT_TARGETS = ['code', 'building', 'entrance', 'floor', 'area', 'use', 'status'] as const;
export const HOUSEHOLD_TARGETS = [
  'unitCode', 'building', 'entrance', 'floor', 'area', 'use', 'status',
  'name', 'phones', 'idNumber', 'kind', 'householdRelation', 'gender', 'moveIn', 'leaseFrom', 'leaseTo',
  'wechat', 'email', 'address', 'employer', 'occupation', 'tags', 'grade', 'birthday', 'notes',
] as const;
export type CustomerTarget = (typeof CUSTOMER_TARGETS)[number];
export type UnitTarget = (typeof UNIT_TARGETS)[number];
export type HouseholdTarget = (typeof HOUSEHOLD_TARGETS)[number];
export type Target = CustomerTarget | UnitTarget | HouseholdTarget;

/** Which field each column of the sheet fills; null = the column is ignored. */
export interface Mapping {
  kind: ImportKind;
  columns: (Target | null)[];
  /** What this office's coded values mean (110 → residential), by field; see import-values. */
  values?: ValueMap;
  /** household: what a person is when the row does not say (a tenant list: tenant). */
  defaultKind?: 'owner' | 'tenant' | 'member';
}

/** Per choice field: a cell's normalised text → the choice it means ('' = leave the field empty). */
export type ValueMap = Partial<Record<ChoiceField, Record<string, string>>>;

/** Fields several columns may fill (手机 and 座机; two tag columns; 备注 and 说明). */
export const MULTI_COLUMN: ReadonlySet<Target> = new Set<Target>(['phones', 'tags', 'notes']);
export const REQUIRED: Record<ImportKind, Target> = { customers: 'name', units: 'code', household: 'unitCode' };
/** The column that names the unit itself in each kind of list. */
export const ROOM: Record<ImportKind, Target> = { customers: 'unitCode', units: 'code', household: 'unitCode' };

const TARGETS: Record<ImportKind, readonly Target[]> = { customers: CUSTOMER_TARGETS, units: UNIT_TARGETS, household: HOUSEHOLD_TARGETS };
export const targetsOf = (kind: ImportKind): readonly Target[] => TARGETS[kind];

/**
 * Registers often split the unit over three columns, 楼栋 | 单元 | 房号; the import puts them
 * back together (3栋 + 2单元 + 1101 → 3-2-1101). Words are written simplified: traditional
 * headers are folded before matching (樓棟 → 楼栋).
 */
const ROOM_HEADERS = ['房号', '房间', '房间号', '室', '室号', '门牌号', '房屋编号', '房屋', '所在房屋', '住址房号', '房屋代码', '房产编号', 'unit', 'room', 'unitcode', 'house', 'flat', 'apartment'];
const BUILDING_HEADERS = ['楼栋', '楼号', '栋号', '楼栋号', '栋', '幢', '幢号', '座', '座号', '楼座', '楼宇', 'building', 'block', 'tower'];
const ENTRANCE_HEADERS = ['单元', '单元号', 'entrance', 'stairwell'];

/** The header an export writes first, then the other words a header may be. Compared normalised. */
const HEADERS: Record<Target, string[]> = {
  name: ['姓名', '客户姓名', '业主姓名', '业主名称', '住户姓名', '客户名称', '名字', '联系人', '联络人', '户主姓名', '业主', '户主', '租户姓名', '承租人', '成员姓名', '家庭成员姓名', 'name', 'fullname', 'customername', 'customer', 'owner'],
  phones: ['电话', '手机', '手机号', '手机号码', '联系电话', '电话号码', '联系方式', '固定电话', '座机', '移动电话', '联系手机', '联络电话', 'phone', 'phones', 'mobile', 'tel', 'telephone', 'cellphone'],
  unitCode: ROOM_HEADERS,
  code: ROOM_HEADERS,
  building: BUILDING_HEADERS,
  entrance: ENTRANCE_HEADERS,
  floor: ['楼层', '所在楼层', '层', '层数', 'floor'],
  unitRelation: ['与房屋关系', '房屋关系', 'relation', 'unitrelation'],
  idNumber: ['身份证号', '身份证', '身份证号码', '证件号', '证件号码', '身份证字号', '证件编号', 'idnumber', 'idcard', 'idno', 'id'],
  kind: ['类型', '客户类型', '业主类型', '客户类别', '身份', '人员类型', '住户类型', '客户身份', '住户身份', '人员身份', 'type', 'kind', 'customertype'],
  householdRelation: ['与户主关系', '与业主关系', '家庭关系', '成员关系', '亲属关系', '关系', 'householdrelation'],
  gender: ['性别', 'gender', 'sex'],
  wechat: ['微信', '微信号', 'wechat', 'weixin'],
  email: ['邮箱', '电子邮箱', '电子邮件', 'email', 'e-mail', 'mail'],
  address: ['通讯地址', '地址', '联系地址', 'address'],
  employer: ['工作单位', '单位名称', '公司', 'employer', 'company', 'workplace'],
  occupation: ['职业', '职务', 'occupation', 'job', 'profession'],
  tags: ['标签', '特征', '特殊情况', 'tags', 'tag', 'labels'],
  grade: ['等级', '客户等级', '重要程度', 'grade', 'level'],
  birthday: ['生日', '出生日期', '出生年月', '生辰', '农历生日', '生日农历', 'birthday', 'dateofbirth', 'dob', 'birthdate'],
  notes: ['备注', '说明', '备忘', 'notes', 'note', 'remark', 'remarks', 'comment', 'comments'],
  area: ['面积', '建筑面积', '房屋面积', '使用面积', '套内面积', '产权面积', 'area', 'size', 'sqm'],
  use: ['用途', '房屋用途', '房屋类型', '类别', '房屋性质', '物业类型', '使用性质', '用途类别', 'use', 'usage', 'purpose'],
  status: ['状态', '房屋状态', '使用状态', '入住状态', '居住状态', 'status', 'occupancy'],
  moveIn: ['入住日期', '交房日期', '收房日期', '入住时间', '入伙日期', '交付日期', 'movein', 'moveindate'],
  leaseFrom: ['起租日期', '租期开始', '租赁开始', '租期起', '租赁起始日期', '合同开始日期', '租赁开始日期', '租期开始日期', 'leasefrom', 'leasestart'],
  leaseTo: ['到期日期', '租期结束', '租赁结束', '租期止', '合同到期日', '合同结束日期', '租赁到期', '租期结束日期', '租赁结束日期', 'leaseto', 'leaseend'],
};

/** In a customer list 与房屋关系 is the relation; in a household roster it says 业主 / 租户 / 家庭成员. */
const HOUSEHOLD_EXTRA: Partial<Record<Target, string[]>> = { kind: ['与房屋关系', '房屋关系', '住户关系'] };

export const headerWords = (kind: ImportKind, target: Target): string[] => [...HEADERS[target], ...(kind === 'household' ? HOUSEHOLD_EXTRA[target] ?? [] : [])];

/** The header an export writes for a field. */
export const exportHeader = (_kind: ImportKind, target: Target): string => HEADERS[target][0];

const normalized = new Map<string, string>();
const NORMALIZED_KEPT = 2000;
/** 联系电话（必填）→ 联系电话必填; * 姓名 → 姓名; E-Mail → e-mail; 業主姓名 → 业主姓名; ㎡ → m2. */
export function normalizeHeader(header: string): string {
  let done = normalized.get(header);
  if (done === undefined) {
    done = toSimplified(header.normalize('NFKC').toLowerCase()).replace(/[\s()（）[\]【】<>《》:：*＊#№._/、\u200b]/g, '');
    // A file repeats the same few words in its choice columns thousands of times (业主, 住宅):
    // each is normalised once. Bounded, so a file of distinct values cannot grow it without end.
    if (normalized.size >= NORMALIZED_KEPT) normalized.clear();
    normalized.set(header, done);
  }
  return done;
}

/**
 * What may stand around a header's word without changing what the column holds: a note that it
 * must be filled, a unit, whose it is (业主电话 is still the phone). Anything else makes a
 * different column: 房屋户型 contains 房屋 but holds the layout, not the unit.
 */
const DECORATION = ['必填', '选填', '可选', '必须', '请填写', '请选择', '代码', '编码', 'm2', '平方米', '平米', '平方', '业主', '户主', '客户', '住户', '租户', '联系人', '本人', '号码', '信息'];

/**
 * How well a header names a target. A header that is one of its words, or one of its words with
 * only decoration around it (联系电话（必填）, 建筑面积（㎡）, 业主电话), is a whole-header match;
 * an earlier word of the list wins a tie (建筑面积 over 套内面积, both the area). A header made of
 * several words of one field (备注说明) matches less. A header that merely contains a word is no
 * match at all: 房屋户型 contains 房屋 and holds the layout. Short Latin words must match whole
 * (the "id" in "video" is no ID number).
 */
function score(header: string, words: string[]): number {
  const normalized = words.map(normalizeHeader);
  const exact = normalized.indexOf(header);
  if (exact >= 0) return 1000 - exact * 2;
  const decoration = [...DECORATION].sort((a, b) => b.length - a.length);
  const fillers = [...new Set([...normalized, ...DECORATION])].sort((a, b) => b.length - a.length);
  let best = 0;
  normalized.forEach((w, index) => {
    if (!w || (/^[a-z-]+$/.test(w) && w.length < 4) || !header.includes(w)) return;
    const rest = header.replace(w, '');
    const strip = (list: string[]) => list.reduce((r, f) => r.split(f).join(''), rest).replace(/\d/g, '');
    if (!strip(decoration)) best = Math.max(best, 1000 - index * 2 - 1);
    else if (!strip(fillers)) best = Math.max(best, 500 + w.length);
  });
  return best;
}

/** The target a header names best, with its score (0 = none). */
function bestTarget(kind: ImportKind, header: string): { target: Target | null; best: number } {
  let target: Target | null = null;
  let best = 0;
  if (header) {
    for (const t of targetsOf(kind)) {
      const s = score(header, headerWords(kind, t));
      if (s > best) [best, target] = [s, t];
    }
  }
  return { target, best };
}

/**
 * The automatic guess staff then correct: each column gets the target its header names best; a
 * target that takes one column goes to the column that names it best (the first on a tie), and
 * `shadowedColumns` tells staff which columns lost. `skip`: columns not to guess (a link number).
 */
export function guessMapping(headers: string[], kind: ImportKind, skip: number[] = []): Mapping {
  const scored = headers.map((h, i) => (skip.includes(i) ? { target: null, best: 0 } : bestTarget(kind, normalizeHeader(h ?? ''))));
  const winner = new Map<Target, number>();
  scored.forEach((s, i) => {
    if (s.target && !MULTI_COLUMN.has(s.target) && (!winner.has(s.target) || scored[winner.get(s.target)!].best < s.best)) winner.set(s.target, i);
  });
  const columns = scored.map((s, i) => (s.target && (MULTI_COLUMN.has(s.target) || winner.get(s.target) === i) ? s.target : null));
  // 单元 is the entrance next to a 房号 column, but the unit itself when it is the only one.
  const room = ROOM[kind];
  if (!columns.includes(room) && !columns.includes('building')) {
    const entrance = columns.indexOf('entrance');
    if (entrance >= 0) columns[entrance] = room;
  }
  const mapping: Mapping = { kind, columns };
  if (kind === 'household') mapping.defaultKind = guessDefaultKind(headers);
  return mapping;
}

/** A list whose name column is 租户姓名 / 承租人 is a tenant list; 成员姓名, a household list. */
function guessDefaultKind(headers: string[]): 'owner' | 'tenant' | 'member' {
  const all = headers.map((h) => normalizeHeader(h ?? '')).join('|');
  if (/租户|承租|租客|起租|租期/.test(all)) return 'tenant';
  return 'owner';
}

/**
 * Columns left out because another column took their field (建筑面积 and 套内面积 both name the
 * area): the page says so, so no column is dropped silently.
 */
export function shadowedColumns(headers: string[], mapping: Mapping): { column: number; target: Target; by: number }[] {
  const out: { column: number; target: Target; by: number }[] = [];
  headers.forEach((h, column) => {
    if (mapping.columns[column]) return;
    const { target } = bestTarget(mapping.kind, normalizeHeader(h ?? ''));
    const by = target ? mapping.columns.indexOf(target) : -1;
    if (target && by >= 0) out.push({ column, target, by });
  });
  return out;
}

/** How many columns a guess recognised: used to find the header row and the kind of list. */
export const recognised = (mapping: Mapping) => mapping.columns.filter(Boolean).length;

/**
 * Customers, units, or both? A list with 房号 / 面积 / 用途 / 状态 and no name is a unit
 * register; one with a name and unit facts (area, use, status, floor) is a roster of units with
 * their people; anything else with a name column is customers.
 */
export function guessKind(headers: string[]): ImportKind {
  const customers = guessMapping(headers, 'customers');
  const units = guessMapping(headers, 'units');
  const household = guessMapping(headers, 'household');
  const hasName = customers.columns.includes('name');
  if (!hasName && units.columns.includes('code') && recognised(units) >= 2) return 'units';
  const unitFacts = household.columns.filter((c) => c === 'area' || c === 'use' || c === 'status' || c === 'floor' || c === 'householdRelation' || c === 'leaseFrom' || c === 'moveIn').length;
  if (hasName && household.columns.includes('unitCode') && unitFacts >= 1) return 'household';
  return 'customers';
}

/** Words a cell may hold for a choice field, normalised like headers (traditional folded too). */
export const VALUE_WORDS = {
  kind: {
    owner: ['业主', '产权人', '房主', '业主本人', 'owner'],
    tenant: ['租户', '租客', '住户', '非业主使用人', '使用人', '承租人', 'tenant'],
    member: ['家庭成员', '家属', '成员', '同住人', 'member', 'family', 'householdmember'],
    corporate: ['单位', '单位客户', '企业', '公司', 'corporate', 'company'],
    authority: ['有关部门', '政府部门', '主管部门', '街道办', '部门', 'authority', 'government'],
  },
  gender: {
    male: ['男', '男性', '先生', 'm', 'male', 'man'],
    female: ['女', '女性', '女士', 'f', 'female', 'woman'],
  },
  grade: {
    important: ['重要', '重要客户', 'vip', 'important'],
    normal: ['一般', '普通', 'normal', 'regular'],
    potential: ['潜在', '潜在客户', 'potential'],
  },
  unitRelation: {
    owner: ['业主', '自有', '产权', 'owner'],
    tenant: ['租住', '租户', '承租', 'tenant'],
    resident: ['居住', '住户', '同住', 'resident'],
  },
  householdRelation: {
    head: ['户主', '本人', '业主本人', 'head', 'self'],
    spouse: ['配偶', '妻子', '丈夫', '夫妻', '妻', '夫', '爱人', 'spouse', 'wife', 'husband'],
    child: ['子女', '儿子', '女儿', '子', '女', '儿媳', '女婿', 'child', 'son', 'daughter'],
    parent: ['父母', '父亲', '母亲', '父', '母', '岳父', '岳母', '公公', '婆婆', 'parent', 'father', 'mother'],
    sibling: ['兄弟姐妹', '兄弟', '姐妹', '兄', '弟', '姐', '妹', 'sibling', 'brother', 'sister'],
    other: ['其他', '亲属', '其他亲属', '孙子', '孙女', 'other', 'relative'],
  },
  use: {
    residential: ['住宅', '住房', '住家', '居住', '普通住宅', 'residential', 'home', 'house'],
    shop: ['商铺', '商业', '铺面', '门面', '底商', 'shop', 'retail', 'commercial'],
    parking: ['车位', '停车位', '车库', 'parking', 'carpark'],
  },
  status: {
    owner: ['自住', '业主自住', 'owneroccupied', 'owner', 'occupied'],
    rented: ['出租', '已出租', '已租', '在租', '租出', 'rented', 'let'],
    vacant: ['空置', '空房', '空关', '闲置', '空闲', '未入住', 'vacant', 'empty'],
    renovating: ['装修', '装修中', '在装修', 'renovating', 'renovation'],
  },
} as const;

export type ChoiceField = keyof typeof VALUE_WORDS;
export const CHOICE_FIELDS = Object.keys(VALUE_WORDS) as ChoiceField[];
export const choicesOf = (field: ChoiceField): string[] => Object.keys(VALUE_WORDS[field]);

/** The choice field a target fills with a word (kind → kind; use → use). */
export const choiceFieldOf = (target: Target | null): ChoiceField | null => (target && (CHOICE_FIELDS as string[]).includes(target) ? (target as ChoiceField) : null);

/** Each field's known words, normalised once (normalising them again for every cell of an 8,000-row file was most of its check). */
const normalizedWords = new Map<ChoiceField, ReadonlyMap<string, string>>();
function choiceWords(field: ChoiceField): ReadonlyMap<string, string> {
  let words = normalizedWords.get(field);
  if (!words) {
    const byWord = new Map<string, string>();
    const table = VALUE_WORDS[field] as Record<string, readonly string[]>;
    // The first choice naming a word wins, as the loop over the table did.
    for (const [choice, list] of Object.entries(table)) for (const w of list) if (!byWord.has(normalizeHeader(w))) byWord.set(normalizeHeader(w), choice);
    normalizedWords.set(field, (words = byWord));
  }
  return words;
}

/** The choice a cell's words name without asking, or null. */
export function knownChoice(field: ChoiceField, raw: string): string | null {
  return choiceWords(field).get(normalizeHeader(raw)) ?? null;
}

/**
 * The choice a cell names, '' for an empty cell (or a value the office maps to "leave empty"),
 * or null when the word is not known. The office's own mapping (110 → 住宅) comes first.
 */
export function choiceOf<F extends ChoiceField>(field: F, raw: string, values?: ValueMap): keyof (typeof VALUE_WORDS)[F] | '' | null {
  const value = normalizeHeader(raw);
  if (!value) return '';
  const mapped = values?.[field]?.[value];
  if (mapped !== undefined && (mapped === '' || choicesOf(field).includes(mapped))) return mapped as keyof (typeof VALUE_WORDS)[F] | '';
  return knownChoice(field, raw) as keyof (typeof VALUE_WORDS)[F] | null;
}

/** The word an export writes for a choice (the first one listed). */
export const choiceWord = (field: ChoiceField, choice: string): string => ((VALUE_WORDS[field] as Record<string, readonly string[]>)[choice] ?? [''])[0];
