import type { AggregationMethod, CouncilDecisionValue, CouncilTallyView, DocumentLanguage, PrizeTier } from '@laurel/contracts';

/** Plain data a document is written from: the service gathers it, the writers only lay it out. */
export interface DocumentContext {
  lang: DocumentLanguage;
  timeZone: string;
}

export interface MinutesData extends DocumentContext {
  contest: { name: string; year: number };
  meetingAt: Date | null;
  meetingPlace: string | null;
  members: { name: string; organization: string | null; decision: CouncilDecisionValue | null; note: string | null }[];
  tally: CouncilTallyView;
  rounds: { name: string; method: AggregationMethod; trim: number; entries: number; judges: number }[];
  ranking: {
    roundName: string;
    entries: { rank: number; code: string | null; title: string; teamName: string; category: string | null; score: number | null }[];
  };
  awards: AwardLine[];
}

export interface AwardLine {
  tier: PrizeTier;
  code: string | null;
  title: string;
  teamName: string;
  category: string | null;
  prizeAmount: number | null;
  currency: string | null;
  reason: string | null;
}

export interface CertificateData {
  contestName: string;
  year: number;
  award: AwardLine;
  /** The date printed on the certificate (publication, or the day it is printed before that). */
  date: Date;
}

export interface PaperSheet {
  judgeName: string;
  organization: string | null;
  entries: { code: string | null; title: string; teamName: string; values: (number | null)[]; total: number | null; submitted: boolean }[];
}

export interface ScoreSheetsData extends DocumentContext {
  contestName: string;
  roundName: string;
  blind: boolean;
  criteria: { name: string; maxScore: number }[];
  sheets: PaperSheet[];
}
