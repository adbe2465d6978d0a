import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;

/**
 * A name as duplicate detection compares it: Chinese characters in pinyin, accents dropped, lower
 * case, the words in alphabetical order and joined — "张伟", "Zhang Wei", "WEI zhang" and
 * "Zhāng-Wěi" all give "weizhang", so a changed spelling or word order still matches.
 */
export function nameKey(fullName: string): string {
  const latin = HAN.test(fullName) ? pinyin(fullName, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(' ') : fullName;
  return latin
    .normalize('NFKD')
    .replace(/\p{Mark}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort()
    .join('');
}
