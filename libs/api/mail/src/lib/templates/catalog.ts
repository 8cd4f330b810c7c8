import type { GrantableRole, MailLanguage, PrizeTier } from '@laurel/contracts';
import type { MailContent, MailTemplate, MailTemplateParams } from './mail-templates';

/** Links are built here only, on PUBLIC_URL; tokens travel in the fragment, out of server logs. */
export interface LinkContext {
  publicUrl: string;
}

type Writer<T extends MailTemplate> = (params: MailTemplateParams[T], link: (path: string) => string) => MailContent;
type Catalog = { [T in MailTemplate]: Record<MailLanguage, Writer<T>> };

const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function formatTime(iso: string, language: MailLanguage, timeZone = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const formatted = new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  }).format(date);
  return `${formatted} (${timeZone})`;
}

const TIERS: Record<MailLanguage, Record<PrizeTier, string>> = {
  vi: { first: 'Giải Nhất', second: 'Giải Nhì', third: 'Giải Ba', encouragement: 'Giải Khuyến khích' },
  en: { first: 'First prize', second: 'Second prize', third: 'Third prize', encouragement: 'Encouragement prize' },
};

const ROLES: Record<MailLanguage, Record<GrantableRole, string>> = {
  vi: { organizer: 'ban tổ chức', admin: 'quản trị viên' },
  en: { organizer: 'organizer', admin: 'administrator' },
};

const token = (value: string) => encodeURIComponent(value);

export const CATALOG: Catalog = {
  verify_email: {
    vi: (p, link) => ({
      subject: 'Xác nhận địa chỉ e-mail của bạn trên Laurel',
      greeting: `Chào ${p.displayName},`,
      paragraphs: [
        'Cảm ơn bạn đã đăng ký Laurel. Hãy mở liên kết dưới đây để xác nhận rằng hộp thư này là của bạn.',
        'Sau khi xác nhận, bạn có thể nộp hồ sơ dự thi, chấm điểm khi được mời và bình chọn.',
      ],
      action: { label: 'Xác nhận địa chỉ e-mail', url: link(`/verify-email#token=${token(p.token)}`) },
      note: 'Liên kết có hiệu lực trong 48 giờ. Nếu bạn không đăng ký, hãy bỏ qua thư này.',
    }),
    en: (p, link) => ({
      subject: 'Confirm your e-mail address on Laurel',
      greeting: `Hello ${p.displayName},`,
      paragraphs: [
        'Thank you for signing up to Laurel. Open the link below to confirm that this mailbox is yours.',
        'Once confirmed, you can submit entries, judge when invited and vote.',
      ],
      action: { label: 'Confirm e-mail address', url: link(`/verify-email#token=${token(p.token)}`) },
      note: 'The link is valid for 48 hours. If you did not sign up, ignore this message.',
    }),
  },
  address_taken: {
    vi: (p, link) => ({
      subject: 'Có người vừa đăng ký Laurel bằng địa chỉ e-mail của bạn',
      greeting: `Chào ${p.displayName},`,
      paragraphs: [
        'Ai đó (có thể là chính bạn) vừa đăng ký tài khoản Laurel bằng địa chỉ e-mail này, nhưng địa chỉ này đã có tài khoản.',
        `Hãy đăng nhập như thường lệ. Nếu quên mật khẩu, bạn có thể đặt lại tại ${link('/forgot-password')}.`,
      ],
      action: { label: 'Đăng nhập', url: link('/sign-in') },
      note: 'Nếu không phải bạn, không cần làm gì: tài khoản của bạn không thay đổi.',
    }),
    en: (p, link) => ({
      subject: 'Someone tried to sign up to Laurel with your address',
      greeting: `Hello ${p.displayName},`,
      paragraphs: [
        'Someone (perhaps you) just tried to sign up to Laurel with this e-mail address, which already has an account.',
        `Sign in as usual. If you forgot your password, you can reset it at ${link('/forgot-password')}.`,
      ],
      action: { label: 'Sign in', url: link('/sign-in') },
      note: 'If this was not you, there is nothing to do: your account has not changed.',
    }),
  },
  password_reset: {
    vi: (p, link) => ({
      subject: 'Đặt lại mật khẩu Laurel',
      greeting: `Chào ${p.displayName},`,
      paragraphs: ['Chúng tôi nhận được yêu cầu đặt lại mật khẩu cho tài khoản Laurel của bạn. Mở liên kết dưới đây để chọn mật khẩu mới.'],
      action: { label: 'Đặt mật khẩu mới', url: link(`/reset-password#token=${token(p.token)}`) },
      note: 'Liên kết dùng được một lần trong 1 giờ. Khi đặt mật khẩu mới, mọi phiên đăng nhập cũ sẽ bị đăng xuất. Nếu bạn không yêu cầu, hãy bỏ qua thư này.',
    }),
    en: (p, link) => ({
      subject: 'Reset your Laurel password',
      greeting: `Hello ${p.displayName},`,
      paragraphs: ['We received a request to reset the password of your Laurel account. Open the link below to choose a new one.'],
      action: { label: 'Choose a new password', url: link(`/reset-password#token=${token(p.token)}`) },
      note: 'The link works once within 1 hour. Setting a new password signs out every other session. If you did not ask for this, ignore this message.',
    }),
  },
  judge_invitation: {
    vi: (p, link) => ({
      subject: `Lời mời tham gia Hội đồng giám khảo: ${p.contestName}`,
      greeting: `Kính gửi ${p.displayName},`,
      paragraphs: [
        `${p.invitedBy} trân trọng mời bạn tham gia Hội đồng giám khảo cuộc thi "${p.contestName}" trên Laurel.`,
        'Mở liên kết dưới đây để nhận lời mời. Nếu chưa có tài khoản, bạn sẽ đặt mật khẩu; nếu đã có, hãy đăng nhập bằng địa chỉ e-mail này rồi nhận lời mời.',
      ],
      action: { label: 'Nhận lời mời', url: link(`/invitations/accept#token=${token(p.token)}`) },
      note: `Liên kết có hiệu lực đến ${formatTime(p.expiresAt, 'vi')}.`,
    }),
    en: (p, link) => ({
      subject: `Invitation to judge: ${p.contestName}`,
      greeting: `Dear ${p.displayName},`,
      paragraphs: [
        `${p.invitedBy} invites you to join the judging panel of "${p.contestName}" on Laurel.`,
        'Open the link below to accept. Without an account you will choose a password; with one, sign in with this e-mail address and accept.',
      ],
      action: { label: 'Accept the invitation', url: link(`/invitations/accept#token=${token(p.token)}`) },
      note: `The link is valid until ${formatTime(p.expiresAt, 'en')}.`,
    }),
  },
  account_invitation: {
    vi: (p, link) => ({
      subject: `Lời mời làm ${ROLES.vi[p.role]} trên Laurel`,
      greeting: `Chào ${p.displayName},`,
      paragraphs: [
        `${p.invitedBy ?? 'Quản trị hệ thống'} mời bạn làm ${ROLES.vi[p.role]} trên Laurel.`,
        'Mở liên kết dưới đây để nhận lời mời: đặt mật khẩu nếu bạn chưa có tài khoản, hoặc đăng nhập bằng địa chỉ e-mail này.',
      ],
      action: { label: 'Nhận lời mời', url: link(`/invitations/accept#token=${token(p.token)}`) },
      note: `Liên kết có hiệu lực đến ${formatTime(p.expiresAt, 'vi')}.`,
    }),
    en: (p, link) => ({
      subject: `You are invited to be ${p.role === 'admin' ? 'an administrator' : 'an organizer'} on Laurel`,
      greeting: `Hello ${p.displayName},`,
      paragraphs: [
        `${p.invitedBy ?? 'The system administrator'} invites you to be ${p.role === 'admin' ? 'an administrator' : 'an organizer'} on Laurel.`,
        'Open the link below to accept: choose a password if you have no account yet, or sign in with this e-mail address.',
      ],
      action: { label: 'Accept the invitation', url: link(`/invitations/accept#token=${token(p.token)}`) },
      note: `The link is valid until ${formatTime(p.expiresAt, 'en')}.`,
    }),
  },
  round_opened: {
    vi: (p, link) => ({
      subject: `Vòng "${p.roundName}" đã mở chấm: ${p.contestName}`,
      greeting: `Kính gửi ${p.displayName},`,
      paragraphs: [
        `Vòng "${p.roundName}" của cuộc thi "${p.contestName}" đã mở. Bạn được phân công chấm ${p.assigned} hồ sơ.`,
        p.scoresDueAt
          ? `Hạn nộp phiếu chấm: ${formatTime(p.scoresDueAt, 'vi', p.timeZone)}.`
          : 'Ban tổ chức sẽ thông báo hạn nộp phiếu chấm.',
      ],
      action: { label: 'Mở trang chấm điểm', url: link('/judging') },
    }),
    en: (p, link) => ({
      subject: `Round "${p.roundName}" is open for scoring: ${p.contestName}`,
      greeting: `Dear ${p.displayName},`,
      paragraphs: [
        `Round "${p.roundName}" of "${p.contestName}" is open. You are assigned ${p.assigned} ${p.assigned === 1 ? 'entry' : 'entries'} to score.`,
        p.scoresDueAt
          ? `Scores are due by ${formatTime(p.scoresDueAt, 'en', p.timeZone)}.`
          : 'The organizer will announce when scores are due.',
      ],
      action: { label: 'Open your scoring page', url: link('/judging') },
    }),
  },
  judging_reminder: {
    vi: (p, link) => ({
      subject: `Nhắc nhở: còn ${p.unsubmitted} phiếu chấm chưa nộp – ${p.roundName}`,
      greeting: `Kính gửi ${p.displayName},`,
      paragraphs: [
        `Bạn còn ${p.unsubmitted} phiếu chấm chưa nộp ở vòng "${p.roundName}" của cuộc thi "${p.contestName}".`,
        `Hạn nộp: ${formatTime(p.scoresDueAt, 'vi', p.timeZone)}.`,
      ],
      action: { label: 'Tiếp tục chấm điểm', url: link('/judging') },
    }),
    en: (p, link) => ({
      subject: `Reminder: ${p.unsubmitted} score ${p.unsubmitted === 1 ? 'sheet' : 'sheets'} to submit – ${p.roundName}`,
      greeting: `Dear ${p.displayName},`,
      paragraphs: [
        `You have ${p.unsubmitted} unsubmitted score ${p.unsubmitted === 1 ? 'sheet' : 'sheets'} in round "${p.roundName}" of "${p.contestName}".`,
        `Scores are due by ${formatTime(p.scoresDueAt, 'en', p.timeZone)}.`,
      ],
      action: { label: 'Continue scoring', url: link('/judging') },
    }),
  },
  extra_assignment: {
    vi: (p, link) => ({
      subject: `Phân công chấm thêm: ${p.entryTitle} – ${p.roundName}`,
      greeting: `Kính gửi ${p.displayName},`,
      paragraphs: [
        `Điểm của các giám khảo cho hồ sơ "${p.entryTitle}" ở vòng "${p.roundName}" (cuộc thi "${p.contestName}") chênh lệch nhiều, nên bạn được phân công chấm thêm hồ sơ này.`,
        p.scoresDueAt
          ? `Hạn nộp phiếu chấm: ${formatTime(p.scoresDueAt, 'vi', p.timeZone)}.`
          : 'Vui lòng chấm sớm để ban tổ chức tổng hợp kết quả.',
      ],
      action: { label: 'Mở trang chấm điểm', url: link('/judging') },
    }),
    en: (p, link) => ({
      subject: `Extra scoring assignment: ${p.entryTitle} – ${p.roundName}`,
      greeting: `Dear ${p.displayName},`,
      paragraphs: [
        `The judges' totals for "${p.entryTitle}" in round "${p.roundName}" of "${p.contestName}" differ widely, so you are assigned to score it as well.`,
        p.scoresDueAt
          ? `Scores are due by ${formatTime(p.scoresDueAt, 'en', p.timeZone)}.`
          : 'Please score it soon so the organizer can settle the results.',
      ],
      action: { label: 'Open your scoring page', url: link('/judging') },
    }),
  },
  entry_received: {
    vi: (p, link) => ({
      subject: `Đã nhận hồ sơ ${p.entryCode}: ${p.entryTitle}`,
      greeting: `Chào ${p.displayName},`,
      paragraphs: [
        `Ban tổ chức cuộc thi "${p.contestName}" đã nhận hồ sơ "${p.entryTitle}" của bạn.`,
        `Mã hồ sơ: ${p.entryCode}. Hãy ghi lại mã này khi liên hệ ban tổ chức.`,
      ],
      action: { label: 'Xem hồ sơ', url: link(`/my-entries/${p.entryId}`) },
    }),
    en: (p, link) => ({
      subject: `Entry ${p.entryCode} received: ${p.entryTitle}`,
      greeting: `Hello ${p.displayName},`,
      paragraphs: [
        `The organizers of "${p.contestName}" have received your entry "${p.entryTitle}".`,
        `Its code is ${p.entryCode}. Quote it when you contact the organizers.`,
      ],
      action: { label: 'View your entry', url: link(`/my-entries/${p.entryId}`) },
    }),
  },
  eligibility_decision: {
    vi: (p, link) => ({
      subject: p.eligible ? `Hồ sơ "${p.entryTitle}" đủ điều kiện dự thi` : `Hồ sơ "${p.entryTitle}" chưa đủ điều kiện dự thi`,
      greeting: `Chào ${p.displayName},`,
      paragraphs: [
        p.eligible
          ? `Ban tổ chức cuộc thi "${p.contestName}" xác nhận hồ sơ "${p.entryTitle}" đủ điều kiện và sẽ được chấm điểm.`
          : `Ban tổ chức cuộc thi "${p.contestName}" xác định hồ sơ "${p.entryTitle}" chưa đủ điều kiện dự thi.`,
        ...(p.reason ? [`Lý do: ${p.reason}`] : []),
      ],
      action: { label: 'Xem hồ sơ', url: link(`/my-entries/${p.entryId}`) },
    }),
    en: (p, link) => ({
      subject: p.eligible ? `Entry "${p.entryTitle}" is eligible` : `Entry "${p.entryTitle}" is not eligible`,
      greeting: `Hello ${p.displayName},`,
      paragraphs: [
        p.eligible
          ? `The organizers of "${p.contestName}" confirm that "${p.entryTitle}" is eligible and will be judged.`
          : `The organizers of "${p.contestName}" found that "${p.entryTitle}" is not eligible.`,
        ...(p.reason ? [`Reason: ${p.reason}`] : []),
      ],
      action: { label: 'View your entry', url: link(`/my-entries/${p.entryId}`) },
    }),
  },
  council_approval_request: {
    vi: (p, link) => ({
      subject: `Đề nghị phê duyệt danh sách giải thưởng: ${p.contestName}`,
      greeting: `Kính gửi ${p.displayName},`,
      paragraphs: [
        `Ban tổ chức cuộc thi "${p.contestName}" đã xác nhận danh sách ${p.awards} giải thưởng và đề nghị Hội đồng giám khảo phê duyệt.`,
        `Kết quả được công bố khi có ít nhất ${p.required}/${p.members} thành viên phê duyệt. Bạn có thể phê duyệt hoặc phản đối kèm ghi chú.`,
      ],
      action: { label: 'Xem và phê duyệt', url: link(`/council/${p.contestId}`) },
    }),
    en: (p, link) => ({
      subject: `Please approve the award list: ${p.contestName}`,
      greeting: `Dear ${p.displayName},`,
      paragraphs: [
        `The organizers of "${p.contestName}" have confirmed a list of ${p.awards} ${p.awards === 1 ? 'award' : 'awards'} and ask the council to approve it.`,
        `The results are published once at least ${p.required} of ${p.members} members approve. You may approve, or object with a note.`,
      ],
      action: { label: 'Review and approve', url: link(`/council/${p.contestId}`) },
    }),
  },
  vote_confirmation: {
    vi: (p, link) => ({
      subject: `Xác nhận bình chọn: ${p.entryTitle}`,
      greeting: 'Xin chào,',
      paragraphs: [
        `Bạn vừa bình chọn cho "${p.entryTitle}" trong cuộc thi "${p.contestName}". Lá phiếu chỉ được tính khi bạn mở liên kết xác nhận dưới đây.`,
      ],
      action: { label: 'Xác nhận bình chọn', url: link(`/vote/confirm#token=${token(p.token)}`) },
      note: 'Mỗi hộp thư được tính một phiếu. Nếu bạn không bình chọn, hãy bỏ qua thư này.',
    }),
    en: (p, link) => ({
      subject: `Confirm your vote: ${p.entryTitle}`,
      greeting: 'Hello,',
      paragraphs: [
        `You voted for "${p.entryTitle}" in "${p.contestName}". The vote counts only once you open the confirmation link below.`,
      ],
      action: { label: 'Confirm my vote', url: link(`/vote/confirm#token=${token(p.token)}`) },
      note: 'One vote counts per mailbox. If you did not vote, ignore this message.',
    }),
  },
  results_published: {
    vi: (p, link) => ({
      subject: `Kết quả cuộc thi ${p.contestName} đã được công bố`,
      greeting: `Chào ${p.displayName},`,
      paragraphs: [
        `Ban tổ chức đã công bố kết quả cuộc thi "${p.contestName}".`,
        p.prize
          ? `Chúc mừng! Hồ sơ "${p.entryTitle}" đạt ${TIERS.vi[p.prize]}.`
          : p.rank !== null && p.roundName
            ? `Hồ sơ "${p.entryTitle}" xếp hạng ${p.rank} ở vòng "${p.roundName}". Cảm ơn bạn đã tham gia cuộc thi.`
            : `Cảm ơn bạn đã tham gia cuộc thi với hồ sơ "${p.entryTitle}".`,
        `Bảng kết quả công khai: ${link(`/results/${p.contestSlug}`)}`,
      ],
      action: { label: 'Xem nhận xét cho hồ sơ của bạn', url: link(`/my-entries/${p.entryId}/feedback`) },
    }),
    en: (p, link) => ({
      subject: `The results of ${p.contestName} are published`,
      greeting: `Hello ${p.displayName},`,
      paragraphs: [
        `The organizers have published the results of "${p.contestName}".`,
        p.prize
          ? `Congratulations! "${p.entryTitle}" won the ${TIERS.en[p.prize]}.`
          : p.rank !== null && p.roundName
            ? `"${p.entryTitle}" ranked ${p.rank} in round "${p.roundName}". Thank you for taking part.`
            : `Thank you for taking part with "${p.entryTitle}".`,
        `Public results: ${link(`/results/${p.contestSlug}`)}`,
      ],
      action: { label: 'Read the feedback on your entry', url: link(`/my-entries/${p.entryId}/feedback`) },
    }),
  },
};
