// Generated knowledge-base articles for the search benchmark: mixed English and Chinese, of the
// lengths a travel company's articles have (English 400–2,400 characters, Chinese 150–900), each
// about one topic, as a real knowledge base's articles are. An article takes one article of the
// relevance corpus as its topic (checked baggage, visas for Japan, travel insurance claims…) for a
// destination and an airline: its text is that article's sentences, then sentences of the same
// category's other articles, then details of the place and the airline. So a topic's words are
// common within its category and rare outside it, and every topic has articles of its own.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { type CorpusArticle, KNOWLEDGE_CORPUS } from '../../../apps/training/src/search/relevance/knowledge-corpus';

export interface GeneratedArticle {
  locale: 'EN' | 'ZH_CN';
  kind: string;
  category: string;
  /** The relevance-corpus article whose topic it is. */
  topic: string;
  title: string;
  body: string;
  tags: string[];
}

const PLACES_EN = ['Lisbon', 'Bangkok', 'Osaka', 'Reykjavik', 'Denpasar', 'Munich', 'Vienna', 'Prague', 'Seville', 'Hanoi', 'Cairo', 'Nairobi', 'Lima', 'Cusco', 'Hokkaido', 'Queenstown', 'Zermatt', 'Dubrovnik', 'Marrakesh', 'Havana', 'Phuket', 'Kyoto', 'Santorini', 'Tromso', 'Chiang Mai', 'Cape Town', 'Bergen', 'Porto', 'Tbilisi', 'Muscat', 'Goa', 'Cebu'];
const PLACES_ZH = ['北京', '上海', '广州', '成都', '西安', '杭州', '三亚', '昆明', '丽江', '桂林', '厦门', '青岛', '大阪', '曼谷', '巴黎', '罗马', '维也纳', '布拉格', '悉尼', '奥克兰', '迪拜', '开罗', '首尔', '新加坡', '清迈', '札幌', '伊斯坦布尔', '哈尔滨', '拉萨', '敦煌', '大理', '苏梅岛'];
const AIRLINES_EN = ['Aurora Air', 'Blue Lagoon Airways', 'Coral Jet', 'Delta Pacific', 'Eastwind', 'Fjord Air', 'Golden Crane', 'Harbour Link', 'Iris Airlines', 'Jade Wing', 'Kestrel', 'Lotus Air'];
const AIRLINES_ZH = ['东岳航空', '南海航空', '锦程航空', '彩云航空', '长城航空', '海燕航空', '金鹏航空', '瑞丽航空', '天马航空', '祥鹤航空', '远航航空', '紫荆航空'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_ZH = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];

/** Details of a place and an airline that any article may give: {place}, {airline}, {month}, {n}. */
const DETAILS_EN = [
  'At {place} airport the {airline} service desk in terminal {n} is open from 6:00 to 22:00.',
  'From {month} {airline} operates {n} weekly flights to {place}.',
  'Local partner offices in {place} answer by phone within {n} minutes on working days.',
  'Customers departing from {place} should allow {n} minutes for security at peak times.',
  'The {airline} lounge at {place} admits gold members and one guest.',
  'Public holidays in {place} in {month} may change opening hours of offices and counters.',
  'Our {place} team can be reached through the partner hotline of {airline}.',
  'This rule was confirmed with {airline} for {place} in {month}.',
];
const DETAILS_ZH = [
  '{place}机场{airline}服务柜台位于{n}号航站楼，每天6:00至22:00开放。',
  '自{month}起{airline}每周执飞{place}航线{n}班。',
  '{place}当地合作办事处工作日电话应答时间不超过{n}分钟。',
  '从{place}出发的旅客在高峰时段请预留{n}分钟通过安检。',
  '{place}的{airline}贵宾室接待金卡会员及一名同行人。',
  '{place}{month}的公共假期可能影响办事处和柜台的营业时间。',
  '可通过{airline}合作热线联系我们的{place}团队。',
  '本规定已于{month}与{airline}就{place}航线确认。',
];

/** A small deterministic generator (mulberry32), so that every run searches the same articles. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sentencesOf = (article: CorpusArticle) => (article.locale === 'EN' ? article.body.split(/(?<=\.)\s+/) : article.body.split(/(?<=。)/)).filter(Boolean);

export function* generateArticles(count: number, seed = 42): Generator<GeneratedArticle> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const vary = (sentence: string) => sentence.replace(/\d+/g, (n) => String(Math.max(1, Math.round(Number(n) * (0.5 + next())))));
  const topics = { EN: KNOWLEDGE_CORPUS.filter((a) => a.locale === 'EN'), ZH_CN: KNOWLEDGE_CORPUS.filter((a) => a.locale === 'ZH_CN') };
  for (let i = 0; i < count; i++) {
    const locale = next() < 0.5 ? 'EN' : 'ZH_CN';
    const en = locale === 'EN';
    const topic = pick(topics[locale]);
    const related = topics[locale].filter((a) => a.category === topic.category && a.key !== topic.key).flatMap(sentencesOf);
    const place = pick(en ? PLACES_EN : PLACES_ZH);
    const airline = pick(en ? AIRLINES_EN : AIRLINES_ZH);
    const detail = () =>
      pick(en ? DETAILS_EN : DETAILS_ZH)
        .replace('{place}', place)
        .replace('{airline}', airline)
        .replace('{month}', pick(en ? MONTHS_EN : MONTHS_ZH))
        .replace('{n}', String(1 + Math.floor(next() * 90)));
    const [min, max] = en ? [400, 2400] : [150, 900];
    const length = min + Math.floor(next() * (max - min));
    // The topic's own sentences first, then the category's and the place's, until the length is reached.
    const parts = sentencesOf(topic).map(vary);
    let size = parts.join('').length;
    while (size < length) {
      const sentence = related.length && next() < 0.5 ? vary(pick(related)) : detail();
      parts.push(sentence);
      size += sentence.length;
    }
    yield {
      locale,
      kind: topic.kind,
      category: topic.category,
      topic: topic.key,
      title: en ? `${topic.title}: ${place}, ${airline}` : `${place}${airline}${topic.title}`,
      body: parts.join(en ? ' ' : ''),
      tags: topic.tags,
    };
  }
}
