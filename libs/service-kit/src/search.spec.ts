import { searchHighlight, searchIdOf, searchPattern, searchSectionSize, searchTermsOf } from './search';

describe('the one search: terms and highlights', () => {
  it('normalises the text the same way in every service, and refuses an empty or long one on `text`', () => {
    expect(searchIdOf('  CMP-2026-000123 \n')).toBe('cmp-2026-000123');
    expect(searchIdOf('ＬＨ７２１')).toBe('lh721');
    expect(() => searchIdOf('   ')).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ field: 'text', rule: 'required' })] }));
    expect(() => searchIdOf('x'.repeat(201))).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ field: 'text', rule: 'maxLength' })] }));
    expect(() => searchSectionSize(0)).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ field: 'first' })] }));
  });

  it('reads a text as an identifier, words, Chinese bigrams of each word, an e-mail or a phone number', () => {
    expect(searchTermsOf('cmp-2026-000123')).toMatchObject({ key: 'cmp2026000123', words: ['cmp', '2026', '000123'], han: [], email: null });
    expect(searchTermsOf('行李丢失')).toMatchObject({ han: ['行李', '丢失'], hanQuery: "'行李' & '丢失'" });
    expect(searchTermsOf('broken stroller').latinQuery).toBe("'broken' & 'stroller':*");
    expect(searchTermsOf('jo.doe@example.org').email).toBe('jo.doe@example.org');
    expect(searchTermsOf('020 7946-0958').phoneDigits).toBe('2079460958');
    expect(searchTermsOf('bag').phoneDigits).toBeNull();
  });

  it('marks matches in escaped text: word starts (stems), Chinese anywhere, identifiers whatever separates them', () => {
    const pattern = searchPattern(searchTermsOf(searchIdOf('strollers 婴儿车')));
    expect(searchHighlight('My <stroller> & 婴儿车', pattern)).toBe('My &lt;<mark>stroller</mark>&gt; &amp; <mark>婴儿车</mark>');
    expect(searchHighlight('CMP 2026-000123', searchPattern(searchTermsOf('cmp2026000123')))).toBe('<mark>CMP 2026-000123</mark>');
    expect(searchHighlight('nothing here', pattern)).toBeNull();
    const long = `${'word '.repeat(60)}stroller ${'tail '.repeat(60)}`;
    expect(searchHighlight(long, pattern)).toMatch(/^… (word ){7,8}<mark>stroller<\/mark>( tail){20,} …$/);
  });
});
