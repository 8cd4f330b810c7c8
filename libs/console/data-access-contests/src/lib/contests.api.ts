import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ContestView } from '@laurel/contracts';
import { API_BASE_URL } from '@laurel/console-util';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class ContestsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  /** Public: visitors see the announced contests, organizers their drafts too. */
  list(): Observable<ContestView[]> {
    return this.http.get<ContestView[]>(`${this.base}/contests`);
  }
}
