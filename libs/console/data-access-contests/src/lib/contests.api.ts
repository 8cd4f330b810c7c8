import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ContestView, CreateContestRequest } from '@laurel/contracts';
import { API_BASE_URL } from '@laurel/console-util';
import type { Observable } from 'rxjs';

/** The contest list endpoints (libs/api/contests): the public list, the organizer's own, a new contest. */
@Injectable({ providedIn: 'root' })
export class ContestsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  /** Public: visitors see the announced contests, organizers their drafts too. */
  list(): Observable<ContestView[]> {
    return this.http.get<ContestView[]>(`${this.base}/contests`);
  }

  /** The contests the signed-in organizer owns, any status. */
  mine(): Observable<ContestView[]> {
    return this.http.get<ContestView[]>(`${this.base}/contests/mine`);
  }

  create(body: CreateContestRequest): Observable<ContestView> {
    return this.http.post<ContestView>(`${this.base}/contests`, body);
  }
}
