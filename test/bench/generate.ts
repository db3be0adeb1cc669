/**
 * A generated office of realistic size: Chinese names by real surname frequencies, mainland
 * mobiles, units of an estate with buildings, entrances and floors. Seeded, so every run of
 * `npm run bench` measures the same office.
 */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const COMPOUND = ['欧阳', '司马', '上官', '诸葛', '东方'];
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国建华志强海燕小红晓东文斌子涵浩然梓萱一诺欣怡宇轩思远雨桐俊杰佳怡嘉豪';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedUnit {
  code: string;
  building: number;
  entrance: number;
  floor: number;
  room: string;
}

export interface GeneratedCustomer {
  name: string;
  phones: string[];
  unitCode: string;
}

export function generateUnits(count: number): GeneratedUnit[] {
  const units: GeneratedUnit[] = [];
  for (let b = 1; units.length < count; b++) {
    for (let e = 1; e <= 2 && units.length < count; e++) {
      for (let f = 1; f <= 25 && units.length < count; f++) {
        for (let r = 1; r <= 2 && units.length < count; r++) {
          const room = `${f}${String(r).padStart(2, '0')}`;
          units.push({ code: `${b}-${e}-${room}`, building: b, entrance: e, floor: f, room });
        }
      }
    }
  }
  return units;
}

export function generateCustomers(count: number, units: GeneratedUnit[], seed = 42): GeneratedCustomer[] {
  const random = rng(seed);
  const pick = <T>(list: ArrayLike<T>) => list[Math.floor(random() * list.length)];
  const usedPhones = new Set<string>();
  const out: GeneratedCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const surname = random() < 0.01 ? pick(COMPOUND) : pick(SURNAMES);
    const given = pick(GIVEN) + (random() < 0.7 ? pick(GIVEN) : '');
    let phone: string;
    do {
      phone = `1${pick('3456789')}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;
    } while (usedPhones.has(phone));
    usedPhones.add(phone);
    out.push({ name: surname + given, phones: [phone], unitCode: units[i % units.length].code });
  }
  return out;
}
