import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { Readable } from 'node:stream';
import { DOCUMENT_TEXT } from './document-text';
import type { MinutesData } from './document-data';
import { known } from '@laurel/domain';

/** Times New Roman is what Vietnamese offices set minutes in; Word has it everywhere with every Vietnamese letter. */
const FONT = 'Times New Roman';
const SIZE = 26; // half-points: 13 pt, the size of administrative documents

/**
 * The minutes of the council meeting (biên bản họp Hội đồng giám khảo) as a Word document:
 * national header, title, time and place, members, rounds and method, the final ranking, the
 * awards with their amounts, the council's vote and signature blocks for chair and secretary.
 */
export function minutesDocx(data: MinutesData): Readable {
  const t = DOCUMENT_TEXT[data.lang];
  const money = (amount: number | null, currency: string | null) => (amount !== null && currency ? t.money(amount, currency) : '');
  const children: (Paragraph | Table)[] = [
    centered(t.nationalTitle, { bold: true }),
    centered(t.nationalMotto, { bold: true, underline: true }),
    new Paragraph({ text: '' }),
    centered(t.minutesTitle, { bold: true, size: 30 }),
    centered(t.minutesSubtitle(`${data.contest.name}`), { bold: true }),
    new Paragraph({ text: '' }),
    labelled(t.time, data.meetingAt ? t.dateTime(data.meetingAt, data.timeZone) : t.notSet),
    labelled(t.place, data.meetingPlace ?? t.notSet),

    heading(`I. ${t.membersPresent}`),
    paragraph(t.councilShare(data.tally.required, data.tally.members)),
    table(
      [t.member, t.organization],
      data.members.map((m, i) => [`${i + 1}. ${m.name}`, m.organization ?? '']),
      [60, 40],
    ),

    heading(`II. ${t.roundsAndMethod}`),
    table(
      [t.round, t.method, t.entries, t.judges],
      data.rounds.map((r) => [
        r.name,
        r.method === 'trimmed_mean' ? `${t.methods[r.method]} (k = ${r.trim})` : t.methods[r.method],
        String(r.entries),
        String(r.judges),
      ]),
      [30, 44, 13, 13],
    ),

    heading(`III. ${t.finalRanking(data.ranking.roundName)}`),
    table(
      [t.rank, t.code, t.project, t.team, t.category, t.score],
      data.ranking.entries.map((e) => [
        String(e.rank),
        e.code ?? '',
        e.title,
        e.teamName,
        e.category ?? '',
        e.score === null ? '' : t.number(e.score),
      ]),
      [8, 12, 32, 20, 16, 12],
    ),

    heading(`IV. ${t.awardList}`),
    table(
      [t.tier, t.code, t.project, t.team, t.prize, t.reason],
      data.awards.map((a) => [t.tiers[a.tier], a.code ?? '', a.title, a.teamName, money(a.prizeAmount, a.currency), a.reason ?? '']),
      [16, 11, 27, 18, 14, 14],
    ),

    heading(`V. ${t.approvalTally}`),
    paragraph(t.tallyLine(data.tally.approvals, data.tally.objections, data.tally.members, data.tally.required)),
    table(
      [t.member, t.approvalTally, t.note],
      data.members.map((m) => [m.name, t.decision[m.decision ?? 'none'], m.note ?? '']),
      [35, 25, 40],
    ),
    new Paragraph({ text: '' }),
    signatures(t.secretary, t.chair, t.signHint, data.members[0]?.name ?? ''),
  ];
  const document = new Document({
    creator: 'Laurel',
    title: `${t.minutesTitle} — ${data.contest.name}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [{ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children }],
  });
  // docx zips the document in memory (its toStream only wraps that buffer in an old-style
  // Stream); a Readable that yields it lets the controller pipe minutes and PDFs alike.
  return Readable.from(
    (async function* () {
      yield await Packer.toBuffer(document);
    })(),
  );
}

function centered(text: string, run: { bold?: boolean; underline?: boolean; size?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text, bold: run.bold, size: run.size, underline: run.underline ? {} : undefined })],
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text, bold: true })] });
}

function paragraph(text: string): Paragraph {
  return new Paragraph({ spacing: { after: 120 }, children: [new TextRun(text)] });
}

function labelled(label: string, value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
}

function table(headers: string[], rows: string[][], widths: number[]): Table {
  const cell = (text: string, i: number, bold = false) =>
    new TableCell({
      width: { size: known(widths[i], 'the width of a minutes column'), type: WidthType.PERCENTAGE },
      children: [new Paragraph({ children: [new TextRun({ text, bold, size: SIZE - 2 })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, i, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i)) })),
    ],
  });
}

/** Two blocks side by side, as the decree lays out signatures: secretary left, chair right. */
function signatures(left: string, right: string, hint: string, chairName: string): Table {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const block = (title: string, name: string) =>
    new TableCell({
      width: { size: 50, type: WidthType.PERCENTAGE },
      borders: { top: none, bottom: none, left: none, right: none },
      children: [
        centered(title, { bold: true }),
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: hint, italics: true })] }),
        new Paragraph({ text: '' }),
        new Paragraph({ text: '' }),
        new Paragraph({ text: '' }),
        centered(name, { bold: true }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: [new TableRow({ children: [block(left, ''), block(right, chairName)] })],
  });
}
