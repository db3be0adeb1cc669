/**
 * Traditional characters that offices in Taiwan and Hong Kong write in headers and coded cells,
 * folded to their simplified forms so one word list serves both (業主姓名 → 业主姓名, 樓棟 → 楼栋).
 * Only for matching: what staff typed is stored as typed.
 */
const PAIRS =
  '業业樓楼棟栋號号聯联繫系絡络電电話话機机碼码證证別别築筑積积類类狀状態态備备註注單单層层間间稱称戶户屬属關关係系與与門门編编郵邮' +
  '職职務务標标籤签級级曆历農农陰阴閏闰員员說说約约來来車车庫库鋪铺閒闲裝装實实親亲兒儿爺爷學学體体區区頭头費费種种點点資资訊讯處处' +
  '後后時时長长發发現现經经歷历換换產产權权國国際际寫写錄录買买賣卖賬账齡龄縣县鎮镇園园樣样異异雙双應应簽签權权們们戶户廳厅臥卧衛卫' +
  '無无補补並并歲岁屆届態态擇择項项選选則则麼么為为個个廠厂辦办場场給给價价驗验戀恋婦妇孫孙媽妈爸爸兄兄輩辈屬属續续轉转紀纪帶带擁拥' +
  '潛潜賃赁開开結结數数請请愛爱動动內内夥伙齊齐謝谢絲丝線线維维護护設设計计論论認认識识';

const MAP = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) MAP.set(PAIRS[i], PAIRS[i + 1]);

export const toSimplified = (s: string): string => {
  let out = '';
  for (const ch of s) out += MAP.get(ch) ?? ch;
  return out;
};
