import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AcceptInvitationRequest,
  InvitationPreview,
  AssignmentDetailView,
  AssignmentView,
  AuthResponse,
  AutoAssignRequest,
  AutoAssignResponse,
  ConflictView,
  ContestView,
  CreateAssignmentRequest,
  CreateConflictRequest,
  EntryListQuery,
  EntryPageView,
  InviteJudgeRequest,
  InviteJudgeResponse,
  MyAssignmentView,
  PanelJudgeView,
  RecuseRequest,
  RoundProgressView,
  RoundStateView,
  SaveSheetRequest,
  SheetView,
} from '@laurel/contracts';
import { API_BASE_URL } from '@laurel/console-util';
import type { Observable } from 'rxjs';

/** The judging endpoints of the API (DESIGN.md): the judge's side and the organizer's. */
@Injectable({ providedIn: 'root' })
export class JudgingApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  // The judge
  myAssignments(): Observable<MyAssignmentView[]> {
    return this.http.get<MyAssignmentView[]>(`${this.base}/me/assignments`);
  }

  assignment(id: string): Observable<AssignmentDetailView> {
    return this.http.get<AssignmentDetailView>(`${this.base}/assignments/${encodeURIComponent(id)}`);
  }

  saveSheet(id: string, body: SaveSheetRequest): Observable<SheetView> {
    return this.http.put<SheetView>(`${this.base}/assignments/${encodeURIComponent(id)}/sheet`, body);
  }

  submit(id: string): Observable<SheetView> {
    return this.http.post<SheetView>(`${this.base}/assignments/${encodeURIComponent(id)}/submit`, {});
  }

  recuse(id: string, body: RecuseRequest): Observable<AssignmentDetailView['assignment']> {
    return this.http.post<AssignmentDetailView['assignment']>(`${this.base}/assignments/${encodeURIComponent(id)}/recuse`, body);
  }

  /** Where an attachment downloads from (fetched with the bearer token, see `download`). */
  attachmentUrl(assignmentId: string, attachmentId: string): string {
    return `${this.base}/assignments/${encodeURIComponent(assignmentId)}/attachments/${encodeURIComponent(attachmentId)}`;
  }

  download(assignmentId: string, attachmentId: string): Observable<Blob> {
    return this.http.get(this.attachmentUrl(assignmentId, attachmentId), { responseType: 'blob' });
  }

  /** What an invitation link is for (the token stays out of the path's logs: the API redacts it). */
  invitation(token: string): Observable<InvitationPreview> {
    return this.http.get<InvitationPreview>(`${this.base}/invitations/by-token/${encodeURIComponent(token)}`);
  }

  acceptInvitation(body: AcceptInvitationRequest): Observable<AuthResponse> {
    return this.http.post<AuthResponse>(`${this.base}/invitations/accept`, body);
  }

  resendInvitation(invitationId: string): Observable<void> {
    return this.http.post<void>(`${this.base}/invitations/${encodeURIComponent(invitationId)}/resend`, {});
  }

  // The organizer
  contest(id: string): Observable<ContestView> {
    return this.http.get<ContestView>(`${this.base}/contests/${encodeURIComponent(id)}`);
  }

  /** The contest's submitted entries (first 100), for picking one by hand. */
  contestEntries(contestId: string): Observable<EntryPageView> {
    return this.http.get<EntryPageView>(`${this.base}/contests/${encodeURIComponent(contestId)}/entries`, {
      params: { status: 'submitted', pageSize: 100, sort: 'code', order: 'asc' } satisfies EntryListQuery,
    });
  }

  judges(contestId: string): Observable<PanelJudgeView[]> {
    return this.http.get<PanelJudgeView[]>(`${this.base}/contests/${encodeURIComponent(contestId)}/judges`);
  }

  invite(contestId: string, body: InviteJudgeRequest): Observable<InviteJudgeResponse> {
    return this.http.post<InviteJudgeResponse>(`${this.base}/contests/${encodeURIComponent(contestId)}/judges`, body);
  }

  conflicts(contestId: string): Observable<ConflictView[]> {
    return this.http.get<ConflictView[]>(`${this.base}/contests/${encodeURIComponent(contestId)}/conflicts`);
  }

  addConflict(contestId: string, body: CreateConflictRequest): Observable<ConflictView> {
    return this.http.post<ConflictView>(`${this.base}/contests/${encodeURIComponent(contestId)}/conflicts`, body);
  }

  openRound(roundId: string): Observable<RoundStateView> {
    return this.http.post<RoundStateView>(`${this.base}/rounds/${encodeURIComponent(roundId)}/open`, {});
  }

  closeRound(roundId: string): Observable<RoundStateView> {
    return this.http.post<RoundStateView>(`${this.base}/rounds/${encodeURIComponent(roundId)}/close`, {});
  }

  autoAssign(roundId: string, body: AutoAssignRequest): Observable<AutoAssignResponse> {
    return this.http.post<AutoAssignResponse>(`${this.base}/rounds/${encodeURIComponent(roundId)}/assignments/auto`, body);
  }

  /** One judge onto one entry of an open round, by hand (422 on a conflict of interest). */
  assign(roundId: string, body: CreateAssignmentRequest): Observable<AssignmentView> {
    return this.http.post<AssignmentView>(`${this.base}/rounds/${encodeURIComponent(roundId)}/assignments`, body);
  }

  /** Takes a judge off an entry (refused once the sheet is submitted or the round closed). */
  removeAssignment(assignmentId: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/assignments/${encodeURIComponent(assignmentId)}`);
  }

  progress(roundId: string): Observable<RoundProgressView> {
    return this.http.get<RoundProgressView>(`${this.base}/rounds/${encodeURIComponent(roundId)}/progress`);
  }
}
