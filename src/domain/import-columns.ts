/**
 * The columns an import understands and the words offices write in their headers. Spreadsheets
 * come from old registers, the developer's handover list, a colleague's WPS file: headers are
 * 姓名 or 客户姓名 or 业主姓名, 电话 or 手机 or 联系电话(必填), simplified or traditional, sometimes
 * English. The same table names the columns of an export, so an exported file imports back as is.
 */
export type ImportKind = 'customers' | 'units';

export const CUSTOMER_TARGETS = [
  'name', 'phones', 'unitCode', 'building', 'entrance', 'unitRelation', 'idNumber', 'kind', 'gender', 'wechat', 'email', 'address',
  'employer', 'occupation', 'tags', 'grade', 'birthday', 'notes',
] as const;
export const UNIT_TARGETS = ['code', 'building', 'entrance', 'area', 'use', 'status'] as const;
export type CustomerTarget = (typeof CUSTOMER_TARGETS)[number];
export type UnitTarget = (typeof UNIT_TARGETS)[number];
export type Target = CustomerTarget | UnitTarget;

/** Which field each column of the sheet fills; null = the column is ignored. */
export interface Mapping {
  kind: ImportKind;
  columns: (Target | null)[];
}

/** Fields several columns may fill (手机 and 座机; two tag columns; 备注 and 说明). */
export const MULTI_COLUMN: ReadonlySet<Target> = new Set<Target>(['phones', 'tags', 'notes']);
export const REQUIRED: Record<ImportKind, Target> = { customers: 'name', units: 'code' };

export const targetsOf = (kind: ImportKind): readonly Target[] => (kind === 'customers' ? CUSTOMER_TARGETS : UNIT_TARGETS);

/**
 * Registers often split the unit over three columns, 楼栋 | 单元 | 房号; the import puts them
 * back together (3栋 + 2单元 + 1101 → 3-2-1101).
 */
const BUILDING_HEADERS = ['楼栋', '楼号', '栋号', '楼栋号', '栋', '幢', '楼宇', '樓棟', '樓號', 'building', 'block', 'tower'];
const ENTRANCE_HEADERS = ['单元', '单元号', '單元', 'entrance', 'stairwell'];

/** The header an export writes first, then the other words a header may be. Compared normalised. */
const CUSTOMER_HEADERS: Record<CustomerTarget, string[]> = {
  name: ['姓名', '客户姓名', '业主姓名', '住户姓名', '客户名称', '名字', '客戶姓名', '業主姓名', 'name', 'fullname', 'customername', 'customer'],
  phones: ['电话', '手机', '手机号', '手机号码', '联系电话', '电话号码', '联系方式', '固定电话', '座机', '電話', '手機', '聯繫電話', '聯絡電話', 'phone', 'phones', 'mobile', 'tel', 'telephone', 'cellphone'],
  unitCode: ['房号', '房屋', '房间号', '房號', '門牌號', '门牌号', '房屋编号', '所在房屋', '住址房号', 'unit', 'room', 'unitcode', 'house', 'flat', 'apartment'],
  building: BUILDING_HEADERS,
  entrance: ENTRANCE_HEADERS,
  unitRelation: ['与房屋关系', '房屋关系', '與房屋關係', 'relation', 'unitrelation'],
  idNumber: ['身份证号', '身份证', '身份证号码', '证件号', '证件号码', '身份證', '身份證號', '身份證號碼', '證件號碼', 'idnumber', 'idcard', 'idno', 'id'],
  kind: ['类型', '客户类型', '客户类别', '身份', '類型', '客戶類型', 'type', 'kind', 'customertype'],
  gender: ['性别', '性別', 'gender', 'sex'],
  wechat: ['微信', '微信号', '微信號', 'wechat', 'weixin'],
  email: ['邮箱', '电子邮箱', '电子邮件', '郵箱', '電子郵件', 'email', 'e-mail', 'mail'],
  address: ['通讯地址', '地址', '联系地址', '通訊地址', '聯絡地址', 'address'],
  employer: ['工作单位', '单位名称', '公司', '工作單位', 'employer', 'company', 'workplace'],
  occupation: ['职业', '職業', '职务', 'occupation', 'job', 'profession'],
  tags: ['标签', '標籤', '特征', '特殊情况', 'tags', 'tag', 'labels'],
  grade: ['等级', '客户等级', '等級', '客戶等級', '重要程度', 'grade', 'level'],
  birthday: ['生日', '出生日期', '出生年月', '生辰', '农历生日', '生日农历', '農曆生日', 'birthday', 'dateofbirth', 'dob', 'birthdate'],
  notes: ['备注', '说明', '備註', '說明', '备忘', 'notes', 'note', 'remark', 'remarks', 'comment', 'comments'],
};

const UNIT_HEADERS: Record<UnitTarget, string[]> = {
  code: ['房号', '房屋', '房间号', '房號', '門牌號', '门牌号', '房屋编号', 'unit', 'room', 'code', 'unitcode', 'house', 'flat'],
  building: BUILDING_HEADERS,
  entrance: ENTRANCE_HEADERS,
  area: ['面积', '建筑面积', '房屋面积', '使用面积', '面積', '建築面積', 'area', 'size', 'sqm'],
  use: ['用途', '房屋用途', '类别', '房屋类型', '用途類別', 'use', 'usage', 'purpose'],
  status: ['状态', '房屋状态', '使用状态', '入住状态', '狀態', '房屋狀態', 'status', 'occupancy'],
};

export const headersOf = (kind: ImportKind): Record<string, string[]> => (kind === 'customers' ? CUSTOMER_HEADERS : UNIT_HEADERS);

/** The header an export writes for a field. */
export const exportHeader = (kind: ImportKind, target: Target): string => headersOf(kind)[target][0];

/** 联系电话（必填）→ 联系电话必填; * 姓名 → 姓名; E-Mail → e-mail. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()（）[\]【】<>《》:：*＊#№._\u200b]/g, '');
}

/**
 * How well a header names a target: an exact word wins; otherwise the longest word the header
 * contains (联系电话必填 contains 联系电话; 房屋状态 is a word of its own, so it is not 房屋).
 * Short Latin words must match whole (the "id" in "video" is no ID number).
 */
function score(header: string, words: string[]): number {
  let best = 0;
  for (const word of words) {
    const w = normalizeHeader(word);
    if (header === w) return 1000;
    if (/^[a-z-]+$/.test(w) && w.length < 4) continue;
    if (header.includes(w)) best = Math.max(best, w.length);
  }
  return best;
}

/**
 * The automatic guess staff then correct: each column gets the target its header names best; a
 * target that takes one column goes to the column that names it best (the first on a tie).
 */
export function guessMapping(headers: string[], kind: ImportKind): Mapping {
  const table = headersOf(kind);
  const scored = headers.map((h) => {
    const header = normalizeHeader(h ?? '');
    let target: Target | null = null;
    let best = 0;
    if (header) {
      for (const t of targetsOf(kind)) {
        const s = score(header, table[t]);
        if (s > best) [best, target] = [s, t];
      }
    }
    return { target, best };
  });
  const winner = new Map<Target, number>();
  scored.forEach((s, i) => {
    if (s.target && !MULTI_COLUMN.has(s.target) && (!winner.has(s.target) || scored[winner.get(s.target)!].best < s.best)) winner.set(s.target, i);
  });
  const columns = scored.map((s, i) => (s.target && (MULTI_COLUMN.has(s.target) || winner.get(s.target) === i) ? s.target : null));
  // 单元 is the entrance next to a 房号 column, but the unit itself when it is the only one.
  const room = REQUIRED[kind] === 'code' ? 'code' : 'unitCode';
  if (!columns.includes(room) && !columns.includes('building')) {
    const entrance = columns.indexOf('entrance');
    if (entrance >= 0) columns[entrance] = room;
  }
  return { kind, columns };
}

/** How many columns a guess recognised: used to find the header row and the kind of list. */
export const recognised = (mapping: Mapping) => mapping.columns.filter(Boolean).length;

/**
 * Customers or units? A list whose columns are 房号 / 面积 / 用途 / 状态 and no name is a unit
 * register; anything with a name column is customers.
 */
export function guessKind(headers: string[]): ImportKind {
  const customers = guessMapping(headers, 'customers');
  const units = guessMapping(headers, 'units');
  if (!customers.columns.includes('name') && units.columns.includes('code') && recognised(units) >= 2) return 'units';
  return 'customers';
}

/** Words a cell may hold for a choice field, normalised like headers. */
export const VALUE_WORDS = {
  kind: {
    owner: ['业主', '業主', '产权人', '產權人', '房主', 'owner'],
    tenant: ['租户', '租戶', '租客', '住户', '住戶', '非业主使用人', '使用人', 'tenant'],
    member: ['家庭成员', '家庭成員', '家属', '家屬', '成员', '成員', 'member', 'family', 'householdmember'],
    corporate: ['单位', '單位', '单位客户', '單位客戶', '企业', '企業', '公司', 'corporate', 'company'],
    authority: ['有关部门', '有關部門', '政府部门', '政府部門', '主管部门', '街道办', '部门', 'authority', 'government'],
  },
  gender: {
    male: ['男', '男性', '先生', 'm', 'male', 'man'],
    female: ['女', '女性', '女士', 'f', 'female', 'woman'],
  },
  grade: {
    important: ['重要', '重要客户', 'vip', 'important'],
    normal: ['一般', '普通', 'normal', 'regular'],
    potential: ['潜在', '潛在', '潜在客户', 'potential'],
  },
  unitRelation: {
    owner: ['业主', '業主', '自有', '产权', 'owner'],
    tenant: ['租住', '租户', '租戶', '承租', 'tenant'],
    resident: ['居住', '住户', '住戶', '同住', 'resident'],
  },
  use: {
    residential: ['住宅', '住家', '居住', 'residential', 'home', 'house'],
    shop: ['商铺', '商鋪', '商业', '商業', '铺面', '鋪面', '门面', 'shop', 'retail', 'commercial'],
    parking: ['车位', '車位', '停车位', '停車位', '车库', '車庫', 'parking', 'carpark'],
  },
  status: {
    owner: ['自住', 'owneroccupied', 'owner', 'occupied'],
    rented: ['出租', '已出租', '租出', 'rented', 'let'],
    vacant: ['空置', '空关', '空閒', '闲置', '閒置', 'vacant', 'empty'],
    renovating: ['装修', '裝修', '装修中', '裝修中', 'renovating', 'renovation'],
  },
} as const;

export type ChoiceField = keyof typeof VALUE_WORDS;

/** The choice a cell names, '' for an empty cell, or null when the word is not known. */
export function choiceOf<F extends ChoiceField>(field: F, raw: string): keyof (typeof VALUE_WORDS)[F] | '' | null {
  const value = normalizeHeader(raw);
  if (!value) return '';
  const table = VALUE_WORDS[field] as Record<string, readonly string[]>;
  for (const [choice, words] of Object.entries(table)) if (words.some((w) => normalizeHeader(w) === value)) return choice as keyof (typeof VALUE_WORDS)[F];
  return null;
}

/** The word an export writes for a choice (the first one listed). */
export const choiceWord = (field: ChoiceField, choice: string): string => ((VALUE_WORDS[field] as Record<string, readonly string[]>)[choice] ?? [''])[0];
