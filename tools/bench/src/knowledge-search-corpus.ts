// Generated knowledge-base articles for the search benchmark: mixed English and Chinese, of the
// lengths a travel company's articles have (English 400–2,400 characters, Chinese 150–900), made
// from the sentences of the relevance corpus, place names and numbers, so that common words are as
// common as in a real knowledge base and rare ones as rare.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { KNOWLEDGE_CORPUS } from '../../../apps/training/src/search/relevance/knowledge-corpus';

export interface GeneratedArticle {
  locale: 'EN' | 'ZH_CN';
  kind: string;
  category: string;
  title: string;
  body: string;
  tags: string[];
}

const PLACES_EN = ['Lisbon', 'Bangkok', 'Osaka', 'Reykjavik', 'Denpasar', 'Munich', 'Vienna', 'Prague', 'Seville', 'Hanoi', 'Cairo', 'Nairobi', 'Lima', 'Cusco', 'Hokkaido', 'Queenstown', 'Zermatt', 'Dubrovnik', 'Marrakesh', 'Havana', 'Phuket', 'Kyoto', 'Santorini', 'Tromso'];
const PLACES_ZH = ['北京', '上海', '广州', '成都', '西安', '杭州', '三亚', '昆明', '丽江', '桂林', '厦门', '青岛', '大阪', '曼谷', '巴黎', '罗马', '维也纳', '布拉格', '悉尼', '奥克兰', '迪拜', '开罗', '首尔', '新加坡'];
const CONNECTORS_EN = ['In addition,', 'Please note:', 'For group bookings,', 'On charter flights,', 'During peak season,', 'For partner airlines,', 'Since the last update,'];
const CONNECTORS_ZH = ['此外，', '请注意：', '团队订单', '包机航班', '旺季期间，', '合作航空公司', '自上次更新起，'];

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

const sentencesOf = (locale: 'EN' | 'ZH_CN') =>
  KNOWLEDGE_CORPUS.filter((a) => a.locale === locale).flatMap((a) => (locale === 'EN' ? a.body.split(/(?<=\.)\s+/) : a.body.split(/(?<=。)/)).filter(Boolean));

export function* generateArticles(count: number, seed = 42): Generator<GeneratedArticle> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const sentences = { EN: sentencesOf('EN'), ZH_CN: sentencesOf('ZH_CN') };
  const templates = { EN: KNOWLEDGE_CORPUS.filter((a) => a.locale === 'EN'), ZH_CN: KNOWLEDGE_CORPUS.filter((a) => a.locale === 'ZH_CN') };
  for (let i = 0; i < count; i++) {
    const locale = next() < 0.5 ? 'EN' : 'ZH_CN';
    const template = pick(templates[locale]);
    const place = pick(locale === 'EN' ? PLACES_EN : PLACES_ZH);
    const [min, max] = locale === 'EN' ? [400, 2400] : [150, 900];
    const length = min + Math.floor(next() * (max - min));
    const parts: string[] = [];
    let size = 0;
    while (size < length) {
      const connector = next() < 0.25 ? `${pick(locale === 'EN' ? CONNECTORS_EN : CONNECTORS_ZH)}${locale === 'EN' ? ' ' : ''}` : '';
      const sentence = `${connector}${pick(sentences[locale])}`.replace(/\d+/g, (n) => String(Math.max(1, Math.round(Number(n) * (0.5 + next())))));
      parts.push(next() < 0.3 ? sentence.replace(locale === 'EN' ? /\.$/ : /。$/, locale === 'EN' ? ` (${place}).` : `（${place}）。`) : sentence);
      size += sentence.length;
    }
    yield {
      locale,
      kind: template.kind,
      category: template.category,
      title: locale === 'EN' ? `${template.title}: ${place}` : `${place}${template.title}`,
      body: parts.join(locale === 'EN' ? ' ' : ''),
      tags: template.tags,
    };
  }
}
