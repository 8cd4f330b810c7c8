/**
 * A small Markdown subset for contest descriptions, parsed into plain data that a template
 * renders with text bindings: nothing the organizer writes ever reaches `innerHTML`, so every
 * character outside this subset shows as typed. Links keep only http(s) addresses. The public
 * contest page and the editor's preview both render through `MarkdownComponent`, so the preview
 * is what visitors will see.
 */
export type InlineNode =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em'; children: InlineNode[] }
  | { kind: 'link'; href: string; children: InlineNode[] };

export type BlockNode =
  | { kind: 'heading'; level: 3 | 4 | 5 | 6; children: InlineNode[] }
  | { kind: 'paragraph'; children: InlineNode[] }
  | { kind: 'list'; ordered: boolean; items: InlineNode[][] };

const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
// Links first, then bold before italics; `_` only at word edges, so snake_case stays text.
const INLINE = /\[([^\]]+)\]\(([^)\s]+)\)|\*\*(.+?)\*\*|(?<!\w)__(.+?)__(?!\w)|\*(.+?)\*|(?<!\w)_(.+?)_(?!\w)/;

export function parseMarkdown(source: string): BlockNode[] {
  const blocks: BlockNode[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: InlineNode[][] } | null = null;
  const endParagraph = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  const endList = () => {
    if (list) blocks.push({ kind: 'list', ...list });
    list = null;
  };

  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (!line.trim()) {
      endParagraph();
      endList();
    } else if (heading) {
      endParagraph();
      endList();
      // The page's own h1 and h2 come first: the description's headings sit below them.
      const [, hashes = '#', text = ''] = heading;
      const level = Math.min(6, hashes.length + 2) as 3 | 4 | 5 | 6;
      blocks.push({ kind: 'heading', level, children: parseInline(text) });
    } else if (bullet || numbered) {
      endParagraph();
      const ordered = !!numbered;
      if (list && list.ordered !== ordered) endList();
      list ??= { ordered, items: [] };
      list.items.push(parseInline((bullet ?? numbered)?.[1] ?? ''));
    } else if (list && /^\s{2,}/.test(raw)) {
      // An indented line continues the list item above it.
      list.items.at(-1)?.push({ kind: 'text', text: ' ' }, ...parseInline(line.trim()));
    } else {
      endList();
      paragraph.push(line.trim());
    }
  }
  endParagraph();
  endList();
  return blocks;
}

export function parseInline(text: string): InlineNode[] {
  const nodes: InlineNode[] = [];
  let rest = text;
  while (rest) {
    const match = INLINE.exec(rest);
    if (!match) {
      nodes.push({ kind: 'text', text: rest });
      break;
    }
    if (match.index > 0) nodes.push({ kind: 'text', text: rest.slice(0, match.index) });
    const [whole, linkText, href, strong, strongAlt, em, emAlt] = match;
    if (linkText !== undefined) {
      const safe = href === undefined ? null : safeHref(href);
      nodes.push(safe ? { kind: 'link', href: safe, children: parseInline(linkText) } : { kind: 'text', text: whole });
    } else if (strong !== undefined || strongAlt !== undefined) {
      nodes.push({ kind: 'strong', children: parseInline(strong ?? strongAlt ?? '') });
    } else {
      nodes.push({ kind: 'em', children: parseInline(em ?? emAlt ?? '') });
    }
    rest = rest.slice(match.index + whole.length);
  }
  return nodes;
}

/** The address when it is an absolute http(s) URL, else null (javascript:, data:, relative…). */
export function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
