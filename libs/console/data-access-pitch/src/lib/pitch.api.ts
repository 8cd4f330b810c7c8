import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  DrawRunSheetRequest,
  LiveTicketView,
  MyStageView,
  RoundView,
  SaveRunSheetRequest,
  StageActionRequest,
  StageView,
  UpdateRoundRequest,
} from '@laurel/contracts';
import { API_BASE_URL } from '@laurel/console-util';
import type { Observable } from 'rxjs';

/** The pitch-day endpoints (libs/api/pitch) and the round's live switch. */
@Injectable({ providedIn: 'root' })
export class PitchApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  stage(roundId: string): Observable<StageView | MyStageView> {
    return this.http.get<StageView | MyStageView>(`${this.base}/rounds/${enc(roundId)}/stage`);
  }

  saveRunSheet(roundId: string, request: SaveRunSheetRequest): Observable<StageView> {
    return this.http.put<StageView>(`${this.base}/rounds/${enc(roundId)}/run-sheet`, request);
  }

  draw(roundId: string, request: DrawRunSheetRequest): Observable<StageView> {
    return this.http.post<StageView>(`${this.base}/rounds/${enc(roundId)}/run-sheet/draw`, request);
  }

  act(roundId: string, request: StageActionRequest): Observable<StageView> {
    return this.http.post<StageView>(`${this.base}/rounds/${enc(roundId)}/stage`, request);
  }

  setLive(roundId: string, enabled: boolean): Observable<RoundView> {
    return this.http.patch<RoundView>(`${this.base}/rounds/${enc(roundId)}`, { live: { enabled } } satisfies UpdateRoundRequest);
  }

  ticket(roundId: string): Observable<LiveTicketView> {
    return this.http.post<LiveTicketView>(`${this.base}/rounds/${enc(roundId)}/stage/ticket`, {});
  }

  /** The stream's address: the API answers a path under its own base. */
  eventsUrl(ticket: LiveTicketView): string {
    return ticket.url.startsWith('/api/') && this.base !== '/api' ? `${this.base}${ticket.url.slice(4)}` : ticket.url;
  }
}

const enc = encodeURIComponent;
