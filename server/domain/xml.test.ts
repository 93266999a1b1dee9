import { describe, expect, it } from 'vitest';
import { parseXml, xmlAsJson } from '../test/open311';
import { toXml, xmlEscape } from './xml';

const items = (list: string) => ({ services: 'service', values: 'value' })[list] ?? 'item';

describe('toXml', () => {
  it('writes the declaration, objects as elements in order, lists as repeated items, null as empty', () => {
    expect(
      toXml('services', [{ service_code: 'a', metadata: true, order: 2, group: null, values: ['x', 'y'] }], items),
    ).toBe(
      '<?xml version="1.0" encoding="utf-8"?><services><service><service_code>a</service_code>' +
        '<metadata>true</metadata><order>2</order><group></group>' +
        '<values><value>x</value><value>y</value></values></service></services>\n',
    );
    expect(toXml('services', [], items)).toBe('<?xml version="1.0" encoding="utf-8"?><services></services>\n');
  });

  it('escapes the five special characters and keeps Vietnamese as UTF-8 text', () => {
    expect(xmlEscape(`a & b < c > d "e" 'f'`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;');
    const text = `Đèn <b>hỏng</b> & "tắt" 'hẳn' ]]> 😀`;
    const xml = toXml('d', { description: text }, items);
    expect(xml).toContain('Đèn &lt;b&gt;hỏng&lt;/b&gt; &amp; &quot;tắt&quot; &apos;hẳn&apos; ]]&gt; 😀');
    expect(xmlAsJson(parseXml(xml))).toEqual({ description: text });
  });

  it('drops characters XML 1.0 cannot carry (controls, lone surrogates) and keeps tab and newlines', () => {
    expect(xmlEscape('a\u0000b\u0007c\u001Fd\te\nf\rg\uD800h\uDC00i\uFFFE')).toBe('abcd\te\nf\rghi');
    expect(xmlEscape('😀')).toBe('😀');
  });

  it('refuses a name that is not an XML name', () => {
    expect(() => toXml('a', { 'b c': 1 }, items)).toThrow(/not an XML element name/);
    expect(() => toXml('1a', 1, items)).toThrow();
  });
});

describe('the tests’ XML parser', () => {
  it('refuses what is not well formed', () => {
    const d = '<?xml version="1.0" encoding="utf-8"?>';
    expect(() => parseXml('<a></a>')).toThrow(/declaration/);
    expect(() => parseXml(`${d}<a>x & y</a>`)).toThrow(/unescaped/);
    expect(() => parseXml(`${d}<a><b></a></b>`)).toThrow();
    expect(() => parseXml(`${d}<a></a><b></b>`)).toThrow(/after the root/);
    expect(parseXml(`${d}<a><b>&#x1F600;&#65;</b><c/></a>`)).toEqual({
      name: 'a',
      text: '',
      children: [
        { name: 'b', text: '😀A', children: [] },
        { name: 'c', text: '', children: [] },
      ],
    });
  });
});
