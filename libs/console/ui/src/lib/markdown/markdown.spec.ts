import { parseMarkdown, safeHref } from './markdown';

describe('parseMarkdown', () => {
  it('reads headings below the page’s own h1 and h2, paragraphs, lists and inline marks', () => {
    const blocks = parseMarkdown('# Prizes\n\nThe **first** team wins *50 million*.\n\n- Pitch deck\n- Demo video\n\n1. Apply\n2. Pitch');
    expect(blocks).toEqual([
      { kind: 'heading', level: 3, children: [{ kind: 'text', text: 'Prizes' }] },
      {
        kind: 'paragraph',
        children: [
          { kind: 'text', text: 'The ' },
          { kind: 'strong', children: [{ kind: 'text', text: 'first' }] },
          { kind: 'text', text: ' team wins ' },
          { kind: 'em', children: [{ kind: 'text', text: '50 million' }] },
          { kind: 'text', text: '.' },
        ],
      },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'Pitch deck' }], [{ kind: 'text', text: 'Demo video' }]] },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'Apply' }], [{ kind: 'text', text: 'Pitch' }]] },
    ]);
  });

  it('joins the lines of a paragraph and continues a list item on an indented line', () => {
    expect(parseMarkdown('one\ntwo')).toEqual([{ kind: 'paragraph', children: [{ kind: 'text', text: 'one two' }] }]);
    expect(parseMarkdown('- first\n  more')).toEqual([
      {
        kind: 'list',
        ordered: false,
        items: [
          [
            { kind: 'text', text: 'first' },
            { kind: 'text', text: ' ' },
            { kind: 'text', text: 'more' },
          ],
        ],
      },
    ]);
  });

  it('leaves snake_case words as text', () => {
    expect(parseMarkdown('use file_name_here')).toEqual([{ kind: 'paragraph', children: [{ kind: 'text', text: 'use file_name_here' }] }]);
  });

  it('carries HTML an organizer typed as text: MarkdownComponent binds text only, never innerHTML', () => {
    expect(parseMarkdown('<script>alert(1)</script> **<img src=x onerror=alert(1)>**')).toEqual([
      {
        kind: 'paragraph',
        children: [
          { kind: 'text', text: '<script>alert(1)</script> ' },
          { kind: 'strong', children: [{ kind: 'text', text: '<img src=x onerror=alert(1)>' }] },
        ],
      },
    ]);
  });

  it('keeps only absolute http(s) links; any other address stays text as typed', () => {
    expect(parseMarkdown('[rules](https://example.org/rules)')).toEqual([
      { kind: 'paragraph', children: [{ kind: 'link', href: 'https://example.org/rules', children: [{ kind: 'text', text: 'rules' }] }] },
    ]);
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '/relative',
      'vbscript:msgbox',
    ]) {
      expect(safeHref(href)).toBeNull();
      const [block] = parseMarkdown(`[x](${href})`);
      expect(block?.kind === 'paragraph' && block.children.every((n) => n.kind === 'text')).toBe(true);
    }
  });
});
