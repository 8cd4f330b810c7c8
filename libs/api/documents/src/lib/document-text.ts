import type { AggregationMethod, DocumentLanguage, PrizeTier } from '@laurel/contracts';

/**
 * Every word the documents print, in Vietnamese and English. The Vietnamese follows the forms
 * offices use (Nghị định 30/2020/NĐ-CP for the national header and signature blocks).
 */
export interface DocumentText {
  nationalTitle: string;
  nationalMotto: string;
  minutesTitle: string;
  minutesSubtitle: (contest: string) => string;
  time: string;
  place: string;
  notSet: string;
  membersPresent: string;
  councilShare: (required: number, members: number) => string;
  roundsAndMethod: string;
  round: string;
  method: string;
  entries: string;
  judges: string;
  finalRanking: (round: string) => string;
  rank: string;
  code: string;
  project: string;
  team: string;
  category: string;
  score: string;
  awardList: string;
  tier: string;
  prize: string;
  reason: string;
  approvalTally: string;
  tallyLine: (approvals: number, objections: number, members: number, required: number) => string;
  decision: Record<'approve' | 'object' | 'none', string>;
  note: string;
  chair: string;
  secretary: string;
  signHint: string;
  member: string;
  organization: string;
  tiers: Record<PrizeTier, string>;
  methods: Record<AggregationMethod, string>;
  judgeCouncil: string;
  scoreSheetTitle: string;
  judge: string;
  criterion: string;
  total: string;
  maxLabel: (max: number) => string;
  notSubmitted: string;
  judgeSignature: string;
  blindNote: string;
  certificateTitle: string;
  certifies: string;
  awarded: string;
  inContest: string;
  organizerSign: string;
  date: (d: Date, timeZone: string) => string;
  dateTime: (d: Date, timeZone: string) => string;
  money: (amount: number, currency: string) => string;
  number: (n: number) => string;
}

const tz = (timeZone: string) => ({ timeZone });

export const DOCUMENT_TEXT: Record<DocumentLanguage, DocumentText> = {
  vi: {
    nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    nationalMotto: 'Độc lập - Tự do - Hạnh phúc',
    minutesTitle: 'BIÊN BẢN HỌP HỘI ĐỒNG GIÁM KHẢO',
    minutesSubtitle: (contest) => `Cuộc thi ${contest}`,
    time: 'Thời gian',
    place: 'Địa điểm',
    notSet: '…………………………',
    membersPresent: 'Thành phần Hội đồng giám khảo',
    councilShare: (required, members) =>
      `Hội đồng gồm ${members} thành viên; kết quả được thông qua khi có ít nhất ${required} thành viên tán thành.`,
    roundsAndMethod: 'Các vòng thi và phương pháp chấm',
    round: 'Vòng',
    method: 'Phương pháp tổng hợp điểm',
    entries: 'Số hồ sơ',
    judges: 'Số giám khảo',
    finalRanking: (round) => `Kết quả xếp hạng ${round}`,
    rank: 'Hạng',
    code: 'Mã hồ sơ',
    project: 'Dự án',
    team: 'Đội',
    category: 'Bảng',
    score: 'Điểm',
    awardList: 'Danh sách đề nghị trao giải',
    tier: 'Giải',
    prize: 'Giá trị giải thưởng',
    reason: 'Lý do điều chỉnh',
    approvalTally: 'Kết quả biểu quyết',
    tallyLine: (approvals, objections, members, required) =>
      `Tán thành: ${approvals}/${members}; không tán thành: ${objections}/${members}; số phiếu tán thành cần có: ${required}.`,
    decision: { approve: 'Tán thành', object: 'Không tán thành', none: 'Chưa biểu quyết' },
    note: 'Ý kiến',
    chair: 'CHỦ TỊCH HỘI ĐỒNG',
    secretary: 'THƯ KÝ',
    signHint: '(Ký, ghi rõ họ tên)',
    member: 'Thành viên',
    organization: 'Đơn vị',
    tiers: { first: 'Giải Nhất', second: 'Giải Nhì', third: 'Giải Ba', encouragement: 'Giải Khuyến khích' },
    methods: {
      mean: 'Trung bình cộng điểm của các giám khảo',
      median: 'Trung vị điểm của các giám khảo',
      trimmed_mean: 'Trung bình sau khi bỏ điểm cao nhất và thấp nhất',
      zscore: 'Chuẩn hóa điểm theo từng giám khảo (điểm z), rồi lấy trung bình',
    },
    judgeCouncil: 'Hội đồng giám khảo',
    scoreSheetTitle: 'PHIẾU CHẤM ĐIỂM',
    judge: 'Giám khảo',
    criterion: 'Tiêu chí',
    total: 'Tổng điểm',
    maxLabel: (max) => `tối đa ${max}`,
    notSubmitted: 'chưa nộp',
    judgeSignature: 'Giám khảo ký tên',
    blindNote: 'Vòng chấm ẩn danh: không ghi tên đội.',
    certificateTitle: 'GIẤY CHỨNG NHẬN',
    certifies: 'Ban Tổ chức chứng nhận dự án',
    awarded: 'của đội',
    inContest: 'đã đạt',
    organizerSign: 'TM. BAN TỔ CHỨC',
    date: (d, zone) => {
      const parts = new Intl.DateTimeFormat('en-GB', { ...tz(zone), day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(d);
      const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
      return `ngày ${get('day')} tháng ${get('month')} năm ${get('year')}`;
    },
    dateTime: (d, zone) =>
      `${new Intl.DateTimeFormat('vi-VN', { ...tz(zone), hour: '2-digit', minute: '2-digit', hour12: false }).format(d)}, ${DOCUMENT_TEXT.vi.date(d, zone)} (${zone})`,
    money: (amount, currency) =>
      new Intl.NumberFormat('vi-VN', { style: 'currency', currency, maximumFractionDigits: currency === 'VND' ? 0 : 2 }).format(amount),
    number: (n) => new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n),
  },
  en: {
    nationalTitle: 'SOCIALIST REPUBLIC OF VIETNAM',
    nationalMotto: 'Independence - Freedom - Happiness',
    minutesTitle: 'MINUTES OF THE JUDGING COUNCIL MEETING',
    minutesSubtitle: (contest) => `Contest: ${contest}`,
    time: 'Time',
    place: 'Place',
    notSet: '…………………………',
    membersPresent: 'Members of the judging council',
    councilShare: (required, members) =>
      `The council has ${members} members; the results pass with the approval of at least ${required} of them.`,
    roundsAndMethod: 'Rounds and scoring method',
    round: 'Round',
    method: 'Aggregation of scores',
    entries: 'Entries',
    judges: 'Judges',
    finalRanking: (round) => `Ranking of ${round}`,
    rank: 'Rank',
    code: 'Code',
    project: 'Project',
    team: 'Team',
    category: 'Category',
    score: 'Score',
    awardList: 'Awards proposed',
    tier: 'Prize',
    prize: 'Prize amount',
    reason: 'Reason for a change',
    approvalTally: 'Vote of the council',
    tallyLine: (approvals, objections, members, required) =>
      `Approved: ${approvals}/${members}; objected: ${objections}/${members}; approvals needed: ${required}.`,
    decision: { approve: 'Approves', object: 'Objects', none: 'Not decided' },
    note: 'Note',
    chair: 'CHAIR OF THE COUNCIL',
    secretary: 'SECRETARY',
    signHint: '(Signature and full name)',
    member: 'Member',
    organization: 'Organization',
    tiers: { first: 'First prize', second: 'Second prize', third: 'Third prize', encouragement: 'Encouragement prize' },
    methods: {
      mean: "Mean of the judges' scores",
      median: "Median of the judges' scores",
      trimmed_mean: 'Mean after dropping the highest and lowest scores',
      zscore: 'Scores standardized per judge (z-scores), then averaged',
    },
    judgeCouncil: 'Judging council',
    scoreSheetTitle: 'SCORE SHEET',
    judge: 'Judge',
    criterion: 'Criterion',
    total: 'Total',
    maxLabel: (max) => `max ${max}`,
    notSubmitted: 'not submitted',
    judgeSignature: "Judge's signature",
    blindNote: 'Blind round: team names are not shown.',
    certificateTitle: 'CERTIFICATE',
    certifies: 'The organizing committee certifies that the project',
    awarded: 'by the team',
    inContest: 'has won',
    organizerSign: 'FOR THE ORGANIZING COMMITTEE',
    date: (d, zone) => new Intl.DateTimeFormat('en-GB', { ...tz(zone), day: 'numeric', month: 'long', year: 'numeric' }).format(d),
    dateTime: (d, zone) =>
      `${new Intl.DateTimeFormat('en-GB', { ...tz(zone), hour: '2-digit', minute: '2-digit', hour12: false }).format(d)}, ${DOCUMENT_TEXT.en.date(d, zone)} (${zone})`,
    money: (amount, currency) =>
      new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: currency === 'VND' ? 0 : 2 }).format(amount),
    number: (n) => new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n),
  },
};
