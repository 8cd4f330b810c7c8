import type { JudgeAnswerView, JudgeAttachmentView, JudgeEntryView } from '@laurel/contracts';
import { fieldApplies, isAnswered } from '@laurel/domain';
import type { JudgeAttachmentRow, JudgeEntryRow } from '@laurel/api-database';

/**
 * The entry as a judge reads it. A blind round lets nothing through that names the team: no team
 * name, members, organization, video link (a channel names its owner) or attachment file name.
 * The blind view is built field by field, never by deleting from the full one, so a column
 * added to entries later cannot slip through.
 */
export function toJudgeEntryView(entry: JudgeEntryRow, attachments: readonly JudgeAttachmentRow[], blind: boolean): JudgeEntryView {
  const view: JudgeEntryView = {
    id: entry.id,
    code: entry.code,
    title: entry.title,
    summary: entry.summary,
    problem: entry.problem,
    solution: entry.solution,
    market: entry.market,
    businessModel: entry.businessModel,
    category: entry.categoryId ? { id: entry.categoryId, name: entry.categoryName ?? '' } : null,
    attachments: attachments.map((a): JudgeAttachmentView => {
      const neutral: JudgeAttachmentView = { id: a.id, kind: a.kind, size: a.size, contentType: a.contentType };
      return blind ? neutral : { ...neutral, name: a.originalName };
    }),
    answers: judgeAnswers(entry, blind),
  };
  if (blind) return view;
  return {
    ...view,
    teamName: entry.teamName,
    members: entry.members.map((m) => ({ name: m.name, role: m.role })),
    organization: entry.organization,
    videoUrl: entry.videoUrl,
  };
}

/**
 * The answers a judge reads, in the form's order: only fields the form still asks of the entry's
 * category, and in a blind round none marked `identifying`. Built from the form, never from the
 * stored answers, so an answer to a removed or unknown field cannot reach a judge.
 */
function judgeAnswers(entry: JudgeEntryRow, blind: boolean): JudgeAnswerView[] {
  return (entry.formFields ?? []).flatMap((field): JudgeAnswerView[] => {
    const value = entry.answers?.[field.key];
    if ((blind && field.identifying) || !fieldApplies(field, entry.categoryId) || value === undefined) return [];
    // An unticked box is still an answer a judge may need; empty text and no picks are not.
    if (field.type !== 'boolean' && !isAnswered(field, value)) return [];
    return [{ key: field.key, label: field.label, type: field.type, value }];
  });
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.ms-powerpoint': 'ppt',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

/**
 * The file name a judge downloads an attachment under: its own in an open round; in a blind one
 * a neutral name from the entry code and kind (ST26-007-pitch_deck.pdf), numbered from the
 * second attachment of the same kind on.
 */
export function downloadName(
  entry: { code: string | null },
  attachment: JudgeAttachmentRow,
  all: readonly JudgeAttachmentRow[],
  blind: boolean,
): string {
  if (!blind) return attachment.originalName;
  const sameKind = all.filter((a) => a.kind === attachment.kind);
  const position = sameKind.findIndex((a) => a.id === attachment.id);
  const suffix = position > 0 ? `-${position + 1}` : '';
  return `${entry.code ?? 'entry'}-${attachment.kind}${suffix}.${EXTENSIONS[attachment.contentType] ?? 'bin'}`;
}

/** `Content-Disposition` carrying any name safely: an ASCII fallback and the UTF-8 original. */
export function contentDisposition(name: string): string {
  const fallback = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
