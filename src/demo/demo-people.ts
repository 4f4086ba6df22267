/**
 * Demo persons: a valid resident ID (real region codes, birth date, sex from the sequence parity),
 * a Chinese name, a mobile number, a residential address, an employer, and sometimes a second
 * mobile or address that later furnishers report (the person changed phone or moved).
 *
 * @example
 *   const person = makeDemoPerson(new SeededRandom(1), new Set());
 *   person.idNumber.length // 18
 */
import type { Sex } from '../domain/codes.js';
import { makeResidentId } from '../domain/resident-id.js';
import type { SeededRandom } from '../domain/seeded-random.js';
import { chineseName } from './chinese-names.js';

/** A county-level region: its real code and its name. */
export interface DemoRegion {
  code: string;
  /** Province name, empty for the four municipalities. */
  province: string;
  city: string;
  district: string;
}

/** Real county-level region codes (GB/T 2260) of districts in large cities. */
export const DEMO_REGIONS: readonly DemoRegion[] = [
  { code: '110101', province: '', city: '北京市', district: '东城区' },
  { code: '110105', province: '', city: '北京市', district: '朝阳区' },
  { code: '120101', province: '', city: '天津市', district: '和平区' },
  { code: '310104', province: '', city: '上海市', district: '徐汇区' },
  { code: '310115', province: '', city: '上海市', district: '浦东新区' },
  { code: '500103', province: '', city: '重庆市', district: '渝中区' },
  { code: '440305', province: '广东省', city: '深圳市', district: '南山区' },
  { code: '440106', province: '广东省', city: '广州市', district: '天河区' },
  { code: '510107', province: '四川省', city: '成都市', district: '武侯区' },
  { code: '330106', province: '浙江省', city: '杭州市', district: '西湖区' },
  { code: '320102', province: '江苏省', city: '南京市', district: '玄武区' },
  { code: '420106', province: '湖北省', city: '武汉市', district: '武昌区' },
  { code: '610113', province: '陕西省', city: '西安市', district: '雁塔区' },
  { code: '370102', province: '山东省', city: '济南市', district: '历下区' },
  { code: '430104', province: '湖南省', city: '长沙市', district: '岳麓区' },
  { code: '350203', province: '福建省', city: '厦门市', district: '思明区' },
  { code: '410105', province: '河南省', city: '郑州市', district: '金水区' },
  { code: '210102', province: '辽宁省', city: '沈阳市', district: '和平区' },
];

/** Indexes into DEMO_REGIONS of the cities people move to for work. */
const MIGRATION_TARGETS: readonly number[] = [0, 1, 3, 4, 6, 7, 8, 9];

const STREETS: readonly string[] = [
  ...'人民路 解放路 中山路 建设路 和平路 文化路 新华路 青年路 长江路 滨江路 科技路 学府路 花园路 胜利路 光明路 朝阳路 东风路 湖滨路 南京路 金桥路'.split(
    ' ',
  ),
];
const COMPOUNDS: readonly string[] = [
  ...'阳光花园 翠湖苑 金色家园 锦绣华庭 和平里 绿洲小区 春华苑 书香门第 滨江名苑 丽景湾 幸福里 枫林小区'.split(
    ' ',
  ),
];

const BRANDS: readonly string[] = [
  ...'华拓 恒信 瑞丰 嘉禾 鼎盛 博远 新锐 明达 启航 众诚 联创 泰和 宏图 远景 天成 汇通 安泰 富源'.split(' '),
];
const INDUSTRIES: readonly string[] = [
  ...'科技 贸易 物流 餐饮管理 建筑工程 电子 医药 教育咨询 服装 网络科技 汽车服务 商贸 信息技术 文化传媒'.split(
    ' ',
  ),
];

/** Mobile number prefixes in use on the mainland (first three digits). */
const MOBILE_PREFIXES: readonly string[] = [
  ...'130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 173 175 176 177 178 180 181 182 183 184 185 186 187 188 189 191 198 199'.split(
    ' ',
  ),
];

export interface DemoPerson {
  idNumber: string;
  name: string;
  birthDate: string;
  sex: Sex;
  mobile: string;
  address: string;
  employer?: string;
  /** A newer mobile reported by later furnishers. */
  newMobile?: string;
  /** A newer address reported by later furnishers (the person moved). */
  newAddress?: string;
}

function cityShort(region: DemoRegion): string {
  return region.city.replace(/市$/, '');
}

/** A mainland mobile number: 11 digits starting 13-19. */
export function demoMobile(rng: SeededRandom): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

/** A residential address in the region, street number to flat. */
export function demoAddress(rng: SeededRandom, region: DemoRegion): string {
  const street = `${region.province}${region.city}${region.district}${rng.pick(STREETS)}${rng.int(1, 399)}号`;
  const flat = `${rng.pick(COMPOUNDS)}${rng.int(1, 30)}栋${rng.int(1, 4)}单元${rng.int(1, 32)}${String(rng.int(1, 6)).padStart(2, '0')}室`;
  return street + flat;
}

/** An employer in the region (about 20%: none known). */
function demoEmployer(rng: SeededRandom, region: DemoRegion): string | undefined {
  const r = rng.next();
  if (r < 0.2) return undefined;
  if (r < 0.3)
    return `${region.city}${rng.pick(['第一人民医院', '中心医院', '实验小学', '第二中学', '公交集团有限公司', '自来水公司'])}`;
  return `${cityShort(region)}${rng.pick(BRANDS)}${rng.pick(INDUSTRIES)}有限公司`;
}

/** A birth year from 1960 to 2003, most often around 1990 (triangular distribution). */
function birthYear(rng: SeededRandom): number {
  const low = 1960;
  const high = 2004;
  const mode = 1991;
  const u = rng.next();
  const split = (mode - low) / (high - low);
  const x =
    u < split
      ? low + Math.sqrt(u * (high - low) * (mode - low))
      : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
  return Math.min(2003, Math.max(1960, Math.floor(x)));
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A new demo person whose ID is not yet in `usedIds` (the ID is added to it).
 *
 * @example
 *   const used = new Set<string>();
 *   makeDemoPerson(rng, used).idNumber; // unique within `used`
 */
export function makeDemoPerson(rng: SeededRandom, usedIds: Set<string>): DemoPerson {
  const sex: Sex = rng.chance(0.52) ? 'M' : 'F';
  const birthRegion = rng.pick(DEMO_REGIONS);
  let birthDate = '';
  let idNumber = '';
  for (let attempt = 0; ; attempt++) {
    if (attempt % 8 === 0) {
      const year = birthYear(rng);
      const month = rng.int(1, 12);
      const day = rng.int(1, daysIn(year, month));
      birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    }
    // Odd sequence: male; even: female.
    const sequence = rng.int(0, 499) * 2 + (sex === 'M' ? 1 : 0);
    idNumber = makeResidentId(birthRegion.code, birthDate, sequence);
    if (!usedIds.has(idNumber)) break;
  }
  usedIds.add(idNumber);

  const home = rng.chance(0.55) ? birthRegion : DEMO_REGIONS[rng.pick(MIGRATION_TARGETS)]!;
  const person: DemoPerson = {
    idNumber,
    name: chineseName(rng, sex),
    birthDate,
    sex,
    mobile: demoMobile(rng),
    address: demoAddress(rng, home),
  };
  const employer = demoEmployer(rng, home);
  if (employer !== undefined) person.employer = employer;
  if (rng.chance(0.12)) person.newMobile = demoMobile(rng);
  if (rng.chance(0.15)) {
    person.newAddress = demoAddress(rng, rng.chance(0.6) ? home : DEMO_REGIONS[rng.pick(MIGRATION_TARGETS)]!);
  }
  return person;
}
