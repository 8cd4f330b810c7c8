import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AdvanceRequest,
  AdvanceResponse,
  AwardsProposalView,
  BallotView,
  CastVoteRequest,
  CastVoteResponse,
  ConfirmVoteRequest,
  ConfirmVoteResponse,
  ConfirmAwardsRequest,
  ConfirmedAwardsView,
  CouncilDecisionRequest,
  CouncilTallyView,
  CouncilView,
  DocumentLanguage,
  EntryFeedbackView,
  EntrySheetsView,
  MyCouncilView,
  LiveTicketView,
  PublicResultsView,
  PublishResponse,
  RoundResultsView,
  VoteCountsView,
  VoidVoteRequest,
} from '@laurel/contracts';
import { API_BASE_URL } from '@laurel/console-util';
import type { Observable } from 'rxjs';

/** The results, awards and publication endpoints (libs/api/results). */
@Injectable({ providedIn: 'root' })
export class ResultsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  roundResults(roundId: string): Observable<RoundResultsView> {
    return this.http.get<RoundResultsView>(`${this.base}/rounds/${enc(roundId)}/results`);
  }

  entrySheets(roundId: string, entryId: string): Observable<EntrySheetsView> {
    return this.http.get<EntrySheetsView>(`${this.base}/rounds/${enc(roundId)}/entries/${enc(entryId)}/sheets`);
  }

  advance(roundId: string, rule: AdvanceRequest): Observable<AdvanceResponse> {
    return this.http.post<AdvanceResponse>(`${this.base}/rounds/${enc(roundId)}/advance`, rule);
  }

  proposal(contestId: string): Observable<AwardsProposalView> {
    return this.http.get<AwardsProposalView>(`${this.base}/contests/${enc(contestId)}/awards/proposal`);
  }

  confirmedAwards(contestId: string): Observable<ConfirmedAwardsView> {
    return this.http.get<ConfirmedAwardsView>(`${this.base}/contests/${enc(contestId)}/awards`);
  }

  confirmAwards(contestId: string, request: ConfirmAwardsRequest): Observable<ConfirmedAwardsView> {
    return this.http.post<ConfirmedAwardsView>(`${this.base}/contests/${enc(contestId)}/awards`, request);
  }

  publish(contestId: string): Observable<PublishResponse> {
    return this.http.post<PublishResponse>(`${this.base}/contests/${enc(contestId)}/publish`, {});
  }

  publicResults(slug: string): Observable<PublicResultsView> {
    return this.http.get<PublicResultsView>(`${this.base}/public/contests/${enc(slug)}/results`);
  }

  ballot(slug: string): Observable<BallotView> {
    return this.http.get<BallotView>(`${this.base}/public/contests/${enc(slug)}/ballot`);
  }

  castVote(slug: string, request: CastVoteRequest): Observable<CastVoteResponse> {
    return this.http.post<CastVoteResponse>(`${this.base}/public/contests/${enc(slug)}/votes`, request);
  }

  confirmVote(token: string): Observable<ConfirmVoteResponse> {
    return this.http.post<ConfirmVoteResponse>(`${this.base}/public/votes/confirm`, { token } satisfies ConfirmVoteRequest);
  }

  voteCounts(contestId: string): Observable<VoteCountsView> {
    return this.http.get<VoteCountsView>(`${this.base}/contests/${enc(contestId)}/votes`);
  }

  voidVote(voteId: string, reason: string): Observable<void> {
    return this.http.post<void>(`${this.base}/votes/${enc(voteId)}/void`, { reason } satisfies VoidVoteRequest);
  }

  liveTicket(roundId: string): Observable<LiveTicketView> {
    return this.http.post<LiveTicketView>(`${this.base}/rounds/${enc(roundId)}/live-ticket`, {});
  }

  /** The stream's address: the API answers a path under its own base. */
  liveUrl(ticket: LiveTicketView): string {
    return ticket.url.startsWith('/api/') && this.base !== '/api' ? `${this.base}${ticket.url.slice(4)}` : ticket.url;
  }

  contestWorkbookUrl(contestId: string): string {
    return `${this.base}/contests/${enc(contestId)}/export.xlsx`;
  }

  scoreSheetsUrl(roundId: string): string {
    return `${this.base}/rounds/${enc(roundId)}/score-sheets.xlsx`;
  }

  council(contestId: string): Observable<CouncilView> {
    return this.http.get<CouncilView>(`${this.base}/contests/${enc(contestId)}/awards/approvals`);
  }

  decide(contestId: string, request: CouncilDecisionRequest): Observable<CouncilTallyView> {
    return this.http.post<CouncilTallyView>(`${this.base}/contests/${enc(contestId)}/awards/approvals`, request);
  }

  myCouncil(): Observable<MyCouncilView[]> {
    return this.http.get<MyCouncilView[]>(`${this.base}/me/council`);
  }

  feedback(entryId: string): Observable<EntryFeedbackView> {
    return this.http.get<EntryFeedbackView>(`${this.base}/entries/${enc(entryId)}/feedback`);
  }

  /** The signed documents: minutes and certificates of a contest, score sheets of a round, a team's own certificate. */
  documentUrl(kind: 'minutes' | 'certificates' | 'scoreSheetsPdf' | 'entryCertificate', id: string, lang: DocumentLanguage): string {
    const path = {
      minutes: `contests/${enc(id)}/minutes.docx`,
      certificates: `contests/${enc(id)}/certificates.pdf`,
      scoreSheetsPdf: `rounds/${enc(id)}/score-sheets.pdf`,
      entryCertificate: `entries/${enc(id)}/certificate.pdf`,
    }[kind];
    return `${this.base}/${path}?lang=${lang}`;
  }
}

const enc = encodeURIComponent;
