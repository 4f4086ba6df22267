/**
 * Chinese names: Han characters are compared as characters (a name written in Han has no
 * spelling to be fuzzy about: one wrong character is the only near miss), and a small table of
 * toneless pinyin lets a name written in Han meet the same name written in pinyin ("张伟" and
 * "Zhang Wei") or a homophone typed by an input method ("张" and "章"). The table holds the 100
 * commonest surnames and about 150 characters common in given names, not a dictionary: a name
 * with a character outside it simply has no pinyin, and is compared by characters only.
 *
 * @example
 *   hasHan('张伟'); // true
 *   tonelessPinyin('张伟'); // 'zhangwei'
 *   tonelessPinyin('Zhāng Wěi'); // 'zhangwei'
 */

const HAN_CHARACTER = /\p{Script=Han}/u;

// Pairs "character pinyin", space separated. Surnames first, then given-name characters.
const TABLE =
  '王 wang 李 li 张 zhang 刘 liu 陈 chen 杨 yang 黄 huang 赵 zhao 吴 wu 周 zhou 徐 xu 孙 sun 马 ma ' +
  '朱 zhu 胡 hu 郭 guo 何 he 高 gao 林 lin 罗 luo 郑 zheng 梁 liang 谢 xie 宋 song 唐 tang 许 xu ' +
  '韩 han 冯 feng 邓 deng 曹 cao 彭 peng 曾 zeng 肖 xiao 田 tian 董 dong 袁 yuan 潘 pan 于 yu 蒋 jiang ' +
  '蔡 cai 余 yu 杜 du 叶 ye 程 cheng 苏 su 魏 wei 吕 lu 丁 ding 任 ren 沈 shen 姚 yao 卢 lu 姜 jiang ' +
  '崔 cui 钟 zhong 谭 tan 陆 lu 汪 wang 范 fan 金 jin 石 shi 廖 liao 贾 jia 夏 xia 韦 wei 付 fu 傅 fu ' +
  '方 fang 白 bai 邹 zou 孟 meng 熊 xiong 秦 qin 邱 qiu 江 jiang 尹 yin 薛 xue 闫 yan 段 duan 雷 lei ' +
  '侯 hou 龙 long 史 shi 陶 tao 黎 li 贺 he 顾 gu 毛 mao 郝 hao 龚 gong 邵 shao 万 wan 钱 qian 严 yan ' +
  '覃 qin 武 wu 戴 dai 莫 mo 孔 kong 向 xiang 汤 tang 章 zhang 常 chang 温 wen 康 kang 施 shi 文 wen ' +
  '牛 niu 樊 fan 葛 ge 邢 xing 安 an 齐 qi 易 yi 乔 qiao 伍 wu 庞 pang 颜 yan 倪 ni 庄 zhuang 聂 nie ' +
  '伟 wei 芳 fang 娜 na 敏 min 静 jing 丽 li 强 qiang 磊 lei 军 jun 洋 yang 勇 yong 艳 yan 杰 jie ' +
  '娟 juan 涛 tao 明 ming 超 chao 秀 xiu 霞 xia 平 ping 刚 gang 桂 gui 英 ying 华 hua 玉 yu 兰 lan ' +
  '红 hong 建 jian 国 guo 梅 mei 鹏 peng 辉 hui 飞 fei 鑫 xin 宇 yu 浩 hao 晨 chen 欣 xin 怡 yi ' +
  '婷 ting 雪 xue 琳 lin 佳 jia 俊 jun 峰 feng 斌 bin 波 bo 宁 ning 海 hai 东 dong 志 zhi 云 yun ' +
  '春 chun 燕 yan 萍 ping 小 xiao 凤 feng 玲 ling 慧 hui 亮 liang 新 xin 成 cheng 子 zi 一 yi ' +
  '丹 dan 晓 xiao 德 de 永 yong 婉 wan 思 si 雨 yu 涵 han 轩 xuan 博 bo 睿 rui 嘉 jia 瑶 yao 琪 qi ' +
  '颖 ying 倩 qian 露 lu 莉 li 蕾 lei 洁 jie 珊 shan 月 yue 美 mei 淑 shu 惠 hui 珍 zhen 贞 zhen ' +
  '芬 fen 彬 bin 虎 hu 豪 hao 毅 yi 坤 kun 健 jian 锋 feng 辰 chen 天 tian ' +
  '泽 ze 然 ran 航 hang 铭 ming 皓 hao 梓 zi 诗 shi 蕊 rui 欢 huan 乐 le 庆 qing 祥 xiang 福 fu ' +
  '贵 gui 山 shan 水 shui 振 zhen 家 jia 宏 hong 伦 lun 光 guang 荣 rong 义 yi 仁 ren 礼 li 智 zhi ' +
  '信 xin 忠 zhong 孝 xiao 丰 feng 雅 ya 琴 qin 妍 yan 悦 yue 心 xin 可 ke 馨 xin 翠 cui ' +
  '萌 meng 阳 yang 鸿 hong 昊 hao 凯 kai 旭 xu 晶 jing 岩 yan 鹤 he 立 li 坚 jian 青 qing';

const PINYIN: ReadonlyMap<string, string> = (() => {
  const parts = TABLE.split(' ');
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < parts.length; i += 2) map.set(parts[i]!, parts[i + 1]!);
  return map;
})();

/**
 * Whether `text` holds at least one Han character.
 *
 * @example
 *   hasHan('Li 李'); // true
 */
export function hasHan(text: string): boolean {
  return HAN_CHARACTER.test(text);
}

/**
 * Toneless pinyin of a name, letters only: Han characters through the table, Latin letters
 * without their tone marks, everything else dropped. Null when a Han character is not in the
 * table.
 *
 * @example
 *   tonelessPinyin('李娜'); // 'lina'
 *   tonelessPinyin('Lǐ Nà'); // 'lina'
 *   tonelessPinyin('李䶮'); // null
 */
export function tonelessPinyin(name: string): string | null {
  let out = '';
  for (const ch of name.normalize('NFC')) {
    if (HAN_CHARACTER.test(ch)) {
      const syllable = PINYIN.get(ch);
      if (syllable === undefined) return null;
      out += syllable;
    } else {
      const plain = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      if (/^[a-z]$/.test(plain)) out += plain;
    }
  }
  return out;
}

/**
 * Whether two Han names of the same length differ in exactly one character, or in the order
 * of two neighbouring characters.
 *
 * @example
 *   hanNearMiss('王小明', '王晓明'); // true
 *   hanNearMiss('王明', '明王'); // true
 */
export function hanNearMiss(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (x.length !== y.length || x.length < 2) return false;
  const differing: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) differing.push(i);
  if (differing.length === 1) return true;
  if (differing.length !== 2) return false;
  const [i, j] = differing as [number, number];
  return j === i + 1 && x[i] === y[j] && x[j] === y[i];
}
