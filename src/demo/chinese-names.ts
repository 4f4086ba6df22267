/**
 * Chinese personal names for demo data: a common surname and a one- or two-character given name.
 * The lists are short and written by hand; frequent surnames come first and are drawn more often.
 *
 * @example
 *   chineseName(new SeededRandom(1), 'F') // e.g. '王芳' or '陈思雨'
 */
import type { Sex } from '../domain/codes.js';
import type { SeededRandom } from '../domain/seeded-random.js';

/** Common surnames, roughly in order of frequency. */
export const SURNAMES: readonly string[] = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];

/** Characters often found in given names of men. */
export const MALE_GIVEN: readonly string[] = [
  ...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建国志文博晨昊天翔峰东海亮成新振家子轩睿泽铭永春德荣',
];

/** Characters often found in given names of women. */
export const FEMALE_GIVEN: readonly string[] = [
  ...'芳娜敏静丽艳娟霞秀玲燕婷雪琳慧颖倩丹萍红梅莉晶欣怡佳悦琪璐雯蕾萱妍婧瑶晴思雨梦诗涵月洁兰凤英薇',
];

/** A full name for a person of sex `sex`: surname plus one (about a third) or two given characters. */
export function chineseName(rng: SeededRandom, sex: Sex): string {
  // Surnames: weight falls with rank, so the first few are much more common.
  const surname = SURNAMES[Math.floor(SURNAMES.length * rng.next() ** 2.2)]!;
  const given = sex === 'M' ? MALE_GIVEN : FEMALE_GIVEN;
  const first = rng.pick(given);
  if (rng.chance(0.35)) return surname + first;
  let second = rng.pick(given);
  if (second === first && rng.chance(0.7)) second = rng.pick(given);
  return surname + first + second;
}
