import { wallClock, zoneLabel } from '@laurel/api-core';
import type { ContestLanguage, PrizeTier, RoundOutcome, SettledBy } from '@laurel/contracts';

/**
 * The words of the contest's documents (DESIGN, "The results workbook"): Vietnamese by default,
 * English when the contest says so. One object per language with the same shape, so a word
 * missing in one language does not compile.
 */
const VI = {
  sheets: { summary: 'Tổng hợp', ranking: 'Xếp hạng', scores: 'Điểm', matrix: 'Ma trận', awards: 'Giải thưởng', judges: 'Giám khảo' },
  summary: {
    item: 'Mục',
    value: 'Giá trị',
    contest: 'Cuộc thi',
    slug: 'Địa chỉ (slug)',
    year: 'Năm',
    status: 'Trạng thái',
    opens: 'Mở nhận hồ sơ',
    closes: 'Hạn nộp hồ sơ',
    published: 'Công bố kết quả',
    minScore: 'Điểm tối thiểu để xét giải',
    submitted: 'Hồ sơ đã nộp',
    withdrawn: 'Hồ sơ đã rút',
    eligibility: 'Đủ điều kiện / không đủ / chưa xét',
    judges: 'Giám khảo trong hội đồng',
    awards: 'Giải đã xác nhận',
    round: 'Vòng',
    scoring: 'cách tính điểm',
    panel: 'hội đồng',
    entriesSheets: 'hồ sơ / phiếu đã nộp',
    results: 'kết quả',
    generatedAt: 'Lập lúc',
    timeZone: 'Múi giờ',
    rankedOverall: 'xếp hạng chung',
    rankedByCategory: 'xếp hạng theo hạng mục',
    perEntry: (n: number) => `${n} giám khảo mỗi hồ sơ`,
    complete: 'toàn bộ hội đồng chấm mọi hồ sơ',
    assigned: 'phân công',
    blind: 'chấm ẩn danh',
    snapshot: (at: string) => `ảnh chụp lúc ${at}`,
    live: 'tính trực tiếp (vòng chưa đóng)',
  },
  methods: { mean: 'trung bình', median: 'trung vị', trimmed_mean: 'trung bình cắt', zscore: 'chuẩn hóa z' } as Record<string, string>,
  statuses: {
    draft: 'Nháp',
    open: 'Đang nhận hồ sơ',
    closed: 'Đã đóng nhận hồ sơ',
    judging: 'Đang chấm',
    published: 'Đã công bố',
  } as Record<string, string>,
  roundStatuses: { draft: 'Chưa mở', open: 'Đang chấm', closed: 'Đã đóng' } as Record<string, string>,
  columns: {
    rank: 'Hạng',
    code: 'Mã',
    title: 'Tên dự án',
    team: 'Đội',
    category: 'Hạng mục',
    judges: 'Số GK',
    meanOf: (name: string, max: number) => `${name} (TB / ${max})`,
    rawMean: 'TB thô',
    finalScore: 'Điểm cuối',
    spread: 'Độ lệch',
    outcome: 'Kết quả',
    tieNote: 'Ghi chú phân định',
    judgesScore: 'Điểm giám khảo',
    votes: 'Phiếu bình chọn',
    voteScore: 'Điểm bình chọn',
    largestGap: 'Chênh lệch lớn nhất',
    extraJudges: 'Giám khảo chấm thêm',
    judge: 'Giám khảo',
    criterion: 'Tiêu chí',
    max: 'Tối đa',
    value: 'Điểm',
    comment: 'Nhận xét',
    place: 'Thứ tự',
    tier: 'Giải',
    entry: 'Dự án',
    score: 'Điểm',
    prize: 'Tiền thưởng',
    reason: 'Lý do điều chỉnh',
    round: 'Vòng',
    name: 'Họ tên',
    organization: 'Đơn vị',
    assignedCount: 'Được phân công',
    submittedCount: 'Đã nộp',
    recused: 'Từ chối chấm',
    leniency: 'Độ dễ dãi',
    no: 'STT',
    total: 'Tổng (0–100)',
  },
  noAwards: 'Chưa có giải nào được xác nhận',
  tiers: { first: 'Giải Nhất', second: 'Giải Nhì', third: 'Giải Ba', encouragement: 'Giải Khuyến khích' } as Record<PrizeTier, string>,
  outcomes: { advanced: 'Vào vòng sau', eliminated: 'Dừng' } as Record<RoundOutcome, string>,
  tieNotes: {
    score: '',
    priority_criteria: 'Bằng điểm; phân định bằng tiêu chí ưu tiên',
    head_to_head: 'Bằng điểm; phân định bằng đối đầu',
    median: 'Bằng điểm; phân định bằng trung vị',
    tie: 'Bằng điểm: đồng hạng',
  } as Record<SettledBy, string>,
  disagree: 'giám khảo chênh nhau nhiều (độ lệch vượt ngưỡng)',
  divergent: 'hai tổng điểm cách nhau từ ngưỡng chênh lệch trở lên',
  missingSheets: (n: number) => `thiếu ${n} phiếu chấm`,
  paper: {
    judge: 'Giám khảo',
    signature: 'Chữ ký: ______________________________',
    date: 'Ngày: ____ / ____ / ________',
    page: 'Trang &P / &N',
    maxOf: (name: string, max: number) => `${name} (tối đa ${max})`,
  },
};

type Words = typeof VI;

const EN: Words = {
  sheets: { summary: 'Summary', ranking: 'Ranking', scores: 'Scores', matrix: 'Matrix', awards: 'Awards', judges: 'Judges' },
  summary: {
    item: 'Item',
    value: 'Value',
    contest: 'Contest',
    slug: 'Address (slug)',
    year: 'Year',
    status: 'Status',
    opens: 'Submissions open',
    closes: 'Submissions close',
    published: 'Results published',
    minScore: 'Minimum score for a prize',
    submitted: 'Entries submitted',
    withdrawn: 'Entries withdrawn',
    eligibility: 'Eligible / ineligible / not screened',
    judges: 'Judges on the panel',
    awards: 'Awards confirmed',
    round: 'Round',
    scoring: 'scoring',
    panel: 'panel',
    entriesSheets: 'entries / submitted sheets',
    results: 'results',
    generatedAt: 'Generated at',
    timeZone: 'Time zone',
    rankedOverall: 'ranked overall',
    rankedByCategory: 'ranked per category',
    perEntry: (n: number) => `${n} judges per entry`,
    complete: 'the whole panel scores every entry',
    assigned: 'assigned',
    blind: 'blind',
    snapshot: (at: string) => `snapshot of ${at}`,
    live: 'computed live (round not closed)',
  },
  methods: { mean: 'mean', median: 'median', trimmed_mean: 'trimmed mean', zscore: 'z-score' },
  statuses: { draft: 'Draft', open: 'Open', closed: 'Closed', judging: 'Judging', published: 'Published' },
  roundStatuses: { draft: 'Not open', open: 'Open', closed: 'Closed' },
  columns: {
    rank: 'Rank',
    code: 'Code',
    title: 'Title',
    team: 'Team',
    category: 'Category',
    judges: 'Judges',
    meanOf: (name: string, max: number) => `${name} (mean of ${max})`,
    rawMean: 'Raw mean',
    finalScore: 'Final score',
    spread: 'Spread',
    outcome: 'Outcome',
    tieNote: 'Tie note',
    judgesScore: 'Judges’ score',
    votes: 'Votes',
    voteScore: 'Vote score',
    largestGap: 'Largest gap',
    extraJudges: 'Extra judges',
    judge: 'Judge',
    criterion: 'Criterion',
    max: 'Max',
    value: 'Value',
    comment: 'Comment',
    place: 'Place',
    tier: 'Tier',
    entry: 'Entry',
    score: 'Score',
    prize: 'Prize',
    reason: 'Override reason',
    round: 'Round',
    name: 'Name',
    organization: 'Organization',
    assignedCount: 'Assigned',
    submittedCount: 'Submitted',
    recused: 'Recused',
    leniency: 'Leniency',
    no: 'No.',
    total: 'Total (0–100)',
  },
  noAwards: 'No awards confirmed yet',
  tiers: { first: 'First prize', second: 'Second prize', third: 'Third prize', encouragement: 'Encouragement prize' },
  outcomes: { advanced: 'Advanced', eliminated: 'Eliminated' },
  tieNotes: {
    score: '',
    priority_criteria: 'Tie broken by priority criteria',
    head_to_head: 'Tie broken head to head',
    median: 'Tie broken by median sheet total',
    tie: 'Tied: equal rank',
  },
  disagree: 'judges disagree (spread above threshold)',
  divergent: 'totals apart by the divergence threshold or more',
  missingSheets: (n: number) => `${n} sheet(s) missing`,
  paper: {
    judge: 'Judge',
    signature: 'Signature: ______________________________',
    date: 'Date: ____ / ____ / ________',
    page: 'Page &P of &N',
    maxOf: (name: string, max: number) => `${name} (max ${max})`,
  },
};

/** The contest's way of writing its documents. */
export class DocumentLocale {
  readonly words: Words;
  private readonly locale: string;

  constructor(
    readonly language: ContestLanguage,
    readonly timeZone: string,
  ) {
    this.words = language === 'en' ? EN : VI;
    this.locale = language === 'en' ? 'en-GB' : 'vi-VN';
  }

  /** The wall-clock time in the contest's zone (see `wallClock`). */
  wallClock(at: Date): Date {
    return wallClock(at, this.timeZone);
  }

  /** "04/12/2026 23:59 (GMT+7)": a time as text, for sentences. */
  time(at: Date): string {
    return new Intl.DateTimeFormat(this.locale, {
      timeZone: this.timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'shortOffset',
    }).format(at);
  }

  /** "Asia/Ho_Chi_Minh (GMT+7)". */
  zoneLabel(at = new Date()): string {
    return zoneLabel(this.timeZone, at);
  }

  /** "50.000.000 ₫" in Vietnamese, "₫50,000,000" in English; null without an amount. */
  money(amount: number | null, currency: string | null): string | null {
    if (amount === null || amount === undefined) return null;
    const code = currency ?? 'VND';
    try {
      return new Intl.NumberFormat(this.locale, {
        style: 'currency',
        currency: code,
        maximumFractionDigits: code === 'VND' ? 0 : 2,
      }).format(amount);
    } catch {
      return `${new Intl.NumberFormat(this.locale).format(amount)} ${code}`;
    }
  }

  number(value: number): string {
    return new Intl.NumberFormat(this.locale, { maximumFractionDigits: 2 }).format(value);
  }
}
