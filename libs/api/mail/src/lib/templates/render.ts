import { CATALOG } from './catalog';
import type { MailLanguage } from '@laurel/contracts';
import type { MailContent, MailMessage, MailTemplate, MailTemplateParams, RenderedMail } from './mail-templates';

const SIGNATURE: Record<MailLanguage, string> = {
  vi: 'Laurel – nền tảng chấm thi khởi nghiệp',
  en: 'Laurel – startup competition judging',
};
const AUTOMATIC: Record<MailLanguage, string> = {
  vi: 'Thư này được gửi tự động; vui lòng không trả lời.',
  en: 'This message was sent automatically; please do not reply.',
};
const OPEN_LINK: Record<MailLanguage, string> = {
  vi: 'Nếu nút không hoạt động, hãy mở liên kết này:',
  en: 'If the button does not work, open this link:',
};

/** Renders a message in its recipient's language as plain text and HTML. */
export function renderMail(message: MailMessage, publicUrl: string): RenderedMail {
  return renderTemplate(message.template, message.params, message.language, publicUrl);
}

export function renderTemplate<T extends MailTemplate>(
  template: T,
  params: MailTemplateParams[T],
  language: MailLanguage,
  publicUrl: string,
): RenderedMail {
  const base = publicUrl.replace(/\/+$/, '');
  const writer = CATALOG[template][language] as (p: MailTemplateParams[T], link: (path: string) => string) => MailContent;
  const content = writer(params, (path) => `${base}${path}`);
  return {
    subject: oneLine(content.subject),
    text: asText(content, language),
    html: asHtml(content, language),
    actionUrl: content.action?.url ?? null,
  };
}

function oneLine(value: string): string {
  // A subject is a header: a line break in a contest or entry name must not start a new one.
  return value
    .replace(/[\r\n]+/g, ' ')
    .trim()
    .slice(0, 250);
}

function asText(content: MailContent, language: MailLanguage): string {
  const lines = [content.greeting, '', ...content.paragraphs.flatMap((p) => [p, ''])];
  if (content.action) lines.push(`${content.action.label}:`, content.action.url, '');
  if (content.note) lines.push(content.note, '');
  lines.push('--', SIGNATURE[language], AUTOMATIC[language]);
  return `${lines.join('\n')}\n`;
}

function asHtml(content: MailContent, language: MailLanguage): string {
  const paragraphs = content.paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join('\n');
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#1b5e20;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block;font-weight:600">${escapeHtml(content.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#555">${escapeHtml(OPEN_LINK[language])}<br><a href="${escapeHtml(content.action.url)}" style="color:#1b5e20;word-break:break-all">${escapeHtml(content.action.url)}</a></p>`
    : '';
  const note = content.note ? `<p style="margin:0 0 16px;font-size:13px;color:#555">${escapeHtml(content.note)}</p>` : '';
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(oneLine(content.subject))}</title></head>
<body style="margin:0;padding:24px;background:#f4f6f4;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1d1d1d">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
<p style="margin:0 0 16px">${escapeHtml(content.greeting)}</p>
${paragraphs}
${action}
${note}
<hr style="border:none;border-top:1px solid #ddd;margin:24px 0 12px">
<p style="margin:0;font-size:12px;color:#777">${escapeHtml(SIGNATURE[language])}<br>${escapeHtml(AUTOMATIC[language])}</p>
</div>
</body>
</html>
`;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
