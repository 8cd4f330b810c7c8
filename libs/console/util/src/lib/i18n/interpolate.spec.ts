import type { ApiError } from '@laurel/contracts';
import { refusalMessage } from '../errors/refusal-message';
import { LANGUAGE_NAMES } from '../errors/field-names';
import type { Dictionary } from './dictionary';
import { en } from './en';
import { formatDateTime } from './format';
import { interpolate } from './interpolate';
import type { UiMessage } from './ui-message';
import { vi } from './vi';

/** What I18nService.render shows for `message` with `dictionary` in `locale`: the real sentences, through `interpolate`. */
function shownIn(dictionary: Dictionary, locale: string, message: UiMessage): string {
  const render = (m: UiMessage): string => {
    // An API text: its fallback in every language but English, as I18nService.render does.
    if (!('key' in m)) return m.fallback && dictionary !== en ? render(m.fallback) : m.text;
    let node: unknown = dictionary;
    for (const part of m.key.split('.')) node = (node as Record<string, unknown>)[part];
    if (typeof node !== 'string') throw new Error(`no sentence for ${m.key}`);
    return m.params ? interpolate(node, m.params, locale, render) : node;
  };
  return render(message);
}
const inVi = (message: UiMessage) => shownIn(vi, 'vi-VN', message);
const inEn = (message: UiMessage) => shownIn(en, 'en-GB', message);
const refusal = (statusCode: number, rest: Partial<ApiError>): UiMessage =>
  refusalMessage(statusCode, { statusCode, error: 'Error', message: 'An English sentence.', ...rest }, null);

describe(interpolate.name, () => {
  const never = (): string => {
    throw new Error('no nested sentence here');
  };

  it('writes a quantity the reader’s way: 7,5 and 1.234 in Vietnamese, 7.5 and 1,234 in English', () => {
    const params = { max: { number: 7.5 }, count: { number: 1234 } };
    expect(interpolate('{max} / {count}', params, 'vi-VN', never)).toBe('7,5 / 1.234');
    expect(interpolate('{max} / {count}', params, 'en-GB', never)).toBe('7.5 / 1,234');
  });

  it('leaves a plain number as it is (a year, a seed), and a placeholder without a value', () => {
    expect(interpolate('Năm {year} · {missing}', { year: 2026 }, 'vi-VN', never)).toBe('Năm 2026 · {missing}');
  });

  it('writes a size with the one byte formatter and an instant with the one date formatter', () => {
    // 20 MiB = 20 × 1024 × 1024 bytes.
    expect(interpolate('{size}', { size: { bytes: 20 * 1024 * 1024 } }, 'vi-VN', never)).toBe('20 MB');
    expect(interpolate('{size}', { size: { bytes: 1536 } }, 'en-GB', never)).toBe('1.5 kB');
    expect(interpolate('{size}', { size: { bytes: 1536 } }, 'vi-VN', never)).toBe('1,5 kB');
    const at = '2026-12-05T11:00:00.000Z';
    expect(interpolate('{at}', { at: { date: at } }, 'vi-VN', never)).toBe(formatDateTime(at, 'vi-VN'));
  });

  it('says a list of names as a list of the language', () => {
    const list = { list: [{ text: 'A' }, { text: 'B' }, { text: 'C' }] };
    expect(interpolate('{x}', { x: list }, 'vi-VN', (m) => ('text' in m ? m.text : ''))).toBe('A, B và C');
    expect(interpolate('{x}', { x: list }, 'en-GB', (m) => ('text' in m ? m.text : ''))).toBe('A, B and C');
  });
});

describe('a refusal’s sentence as the reader sees it', () => {
  it('writes a score’s maximum of 7.5 as 7,5 in Vietnamese and 7.5 in English', () => {
    const line = refusal(400, {
      code: 'validation_failed',
      fields: [{ field: 'scores.0.value', message: 'value must not be greater than 7.5', code: 'max', limit: 7.5 }],
    });
    expect(inVi(line)).toBe('Vui lòng sửa lại các mục sau. scores.0.value: Tối đa 7,5.');
    expect(inEn(line)).toBe('Please correct the following. scores.0.value: At most 7.5.');
  });

  it('names each field of a validation by the page’s label, and each problem from its code', () => {
    const api: ApiError = {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Please correct the request: …',
      code: 'validation_failed',
      fields: [
        { field: 'displayName', message: 'must be at most 1200 characters long', code: 'max_length', limit: 1200 },
        { field: 'members.1.email', message: 'must be an e-mail address', code: 'format' },
        { field: 'language', message: 'must be one of vi, en', code: 'option', params: { options: 'vi, en' } },
      ],
    };
    const message = refusalMessage(400, api, null, {}, { displayName: 'auth.fields.displayName', 'members.*.email': 'auth.fields.email' });
    // A choice the page has no words for is not listed by the API's identifiers (`vi, en`).
    expect(inVi(message)).toBe(
      'Vui lòng sửa lại các mục sau. Tên đội hoặc người đại diện: Tối đa 1.200 ký tự. E-mail: Giá trị này không viết đúng dạng. ' +
        'language: Hãy chọn một trong các giá trị có sẵn.',
    );
    expect(inEn(message)).toBe(
      'Please correct the following. Team or contact name: At most 1,200 characters. E-mail: This is not written the expected way. ' +
        'language: Choose one of the values offered.',
    );
    // With the page's words for the field and its choices, the choices are said as the page shows them.
    const labelled = refusalMessage(400, api, null, {}, { language: { label: 'language.label', choices: LANGUAGE_NAMES } });
    expect(inVi(labelled)).toContain('Ngôn ngữ: Hãy chọn một trong các giá trị: Tiếng Việt và English.');
    expect(inEn(labelled)).toContain('Language: Choose one of: Tiếng Việt and English.');
    // Words for only some of the choices: none is listed.
    const partly = refusalMessage(400, api, null, {}, { language: { label: 'language.label', choices: { vi: 'language.vi' } } });
    expect(inEn(partly)).toContain('Language: Choose one of the values offered.');
  });

  it('gives a label of a field inside a list the position, counted from 1 as the page counts', () => {
    const api: ApiError = {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Please correct the request: …',
      code: 'validation_failed',
      fields: [
        { field: 'slots.2.pitchSeconds', message: 'pitchSeconds must not be less than 30', code: 'min', limit: 30 },
        { field: 'members.0.name', message: 'name must not be empty', code: 'required' },
        { field: 'seed', message: 'seed may hold letters, digits, …', code: 'format' },
      ],
    };
    const labels = {
      'slots.*.pitchSeconds': 'pitch.fields.pitchSeconds',
      'members.*.name': 'submit.editor.team.memberName',
      seed: 'pitch.control.seed',
    } as const;
    const message = refusalMessage(400, api, null, {}, labels);
    expect(inVi(message)).toBe(
      'Vui lòng sửa lại các mục sau. Dòng 3 · thuyết trình (giây): Tối thiểu 30. Thành viên 1 · họ tên: Mục này không được để trống. ' +
        'Mã bốc thăm: Giá trị này không viết đúng dạng.',
    );
    expect(inEn(message)).toBe(
      'Please correct the following. Line 3 · pitch (seconds): At least 30. Member 1 · full name: This cannot be empty: fill it in. ' +
        'Draw seed: This is not written the expected way.',
    );
  });

  it('says which rules a new password broke, each from its code', () => {
    const weak = refusal(400, {
      code: 'auth.weak_password',
      fields: [
        { field: 'password', code: 'min_length', limit: 8, message: 'must be at least 8 characters long' },
        { field: 'password', code: 'password.blank', message: 'must not be only spaces' },
      ],
    });
    expect(inEn(weak)).toBe('The password is not acceptable. At least 8 characters. Not only spaces: use letters, digits or signs.');
    expect(inVi(weak)).toBe('Mật khẩu chưa hợp lệ. Tối thiểu 8 ký tự. Không chỉ gồm khoảng trắng: hãy dùng chữ, số hoặc ký hiệu.');
    // Without lines (an answer that lists none), the rules are said in full.
    expect(inEn(refusal(400, { code: 'auth.weak_password' }))).toBe(
      'The password is not acceptable: use 8 to 128 characters, not only spaces, and not your e-mail.',
    );
  });

  it('names the fields a contest or a round can no longer change, in the reader’s language', () => {
    const contest = refusal(409, { code: 'contest.field_locked', params: { fields: 'slug, codePrefix' } });
    expect(inVi(contest)).toBe(
      'Ở bước hiện tại của cuộc thi, không còn sửa được: Địa chỉ (slug) và Tiền tố mã hồ sơ. Tải lại trang để xem những mục còn sửa được.',
    );
    expect(inEn(contest)).toBe(
      'At the contest’s current step, these can no longer change: Address (slug) and Entry code prefix. Reload the page to see what can still change.',
    );
    const round = refusal(409, { code: 'round.field_locked', params: { round: 'Sơ khảo', fields: 'panel, judgesPerEntry, blind' } });
    expect(inEn(round)).toBe(
      'In its current state, the round “Sơ khảo” can no longer change: Panel, Judges per entry and Blind scoring. Reload the page to see what can still change.',
    );
  });

  it('says when a vote opens or closed with the console’s date formatter, and a closed round by its name', () => {
    const opensAt = '2026-12-24T02:00:00.000Z';
    expect(inVi(refusal(409, { code: 'vote.not_open', params: { opensAt } }))).toBe(
      `Cổng bình chọn mở lúc ${formatDateTime(opensAt, 'vi-VN')}. Hãy quay lại khi cổng mở.`,
    );
    expect(inEn(refusal(409, { code: 'vote.closed', params: { closesAt: opensAt } }))).toBe(
      `Voting closed on ${formatDateTime(opensAt, 'en-GB')}; this vote cannot count.`,
    );
    expect(inEn(refusal(409, { code: 'vote.closed', params: { round: 'Chung kết' } }))).toBe(
      'The round “Chung kết” is closed and its ranking is final: votes no longer count.',
    );
    expect(inEn(refusal(409, { code: 'vote.closed' }))).toBe('Voting has closed; this vote cannot count.');
  });

  it('gives a workbook’s sizes with the console’s byte formatter', () => {
    const tooLarge = refusal(413, { code: 'import.too_large', params: { sizeBytes: 63_963_136, limitBytes: 50 * 1024 * 1024 } });
    // 63,963,136 B ÷ 1024² = 61.0 MB; 50 × 1024² B = 50 MB.
    expect(inVi(tooLarge)).toMatch(/^Tệp Excel khi giải nén có dung lượng 61 MB, vượt quá 50 MB /);
    expect(inEn(tooLarge)).toMatch(/^The workbook unpacks to 61 MB, more than the 50 MB an import reads\./);
  });

  it('says a JSON body that is not an object in both languages', () => {
    const notJson = refusal(400, { code: 'request.not_json_object' });
    expect(inVi(notJson)).toBe('Nội dung gửi đi không ở dạng Laurel đọc được ở đây: một đối tượng JSON. Tải lại trang rồi thử lại.');
    expect(inEn(notJson)).toBe('What was sent is not in the form Laurel reads here: a JSON object. Reload the page and try again.');
  });
});
