import { describe, expect, it } from 'vitest';
import { counterContent, cssString, pageCss } from './page-css';

describe('page css', () => {
  it('quotes text safely', () => {
    expect(cssString('翠湖花园管理处')).toBe('"翠湖花园管理处"');
    expect(cssString('a"b\\c')).toBe('"a\\"b\\\\c"');
    // A name cannot end the string and start a rule of its own.
    expect(cssString('x" } body { display: none } @page { content: "\n')).toBe('"x\\" } body { display: none } @page { content: \\" "');
  });

  it('turns the page-number template into counters', () => {
    expect(counterContent('第 {{ page }} 页 共 {{ pages }} 页')).toBe('"第 " counter(page) " 页 共 " counter(pages) " 页"');
    expect(counterContent('Page {{page}} of {{pages}}')).toBe('"Page " counter(page) " of " counter(pages)');
  });

  it('sizes the page and fills the margin boxes', () => {
    const css = pageCss({
      orientation: 'landscape',
      header: { left: '翠湖花园管理处', right: '客户名册' },
      footer: { left: '打印日期：2026年5月1日' },
      pageOf: '第 {{ page }} 页 共 {{ pages }} 页',
      fontFamily: '"Noto Sans CJK SC", sans-serif',
    });
    expect(css).toContain('size: A4 landscape;');
    expect(css).toContain('@top-left { content: "翠湖花园管理处"');
    expect(css).toContain('@top-right { content: "客户名册"');
    expect(css).toContain('@bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"');
    expect(css).not.toContain('@top-center');
  });
});
