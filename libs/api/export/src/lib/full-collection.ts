import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/**
 * One full garbage collection, now. Ranking a whole round on the fly (500,000 scores at 10,000
 * entries) leaves about 80 MB of garbage in V8's old generation: the rows and the domain's
 * intermediate values live for the seconds the ranking takes, so they are promoted before they
 * die. V8 collects the old generation only when it reaches its limit, which the streaming that
 * follows, made of short-lived objects, seldom pushes it to: without this the garbage stayed
 * resident for the whole download (the workbook's peak was 344 MB; with it 278 MB, on the bench's
 * 10,000-entry round). The cost is one pause of tens of milliseconds per workbook, after a
 * ranking that took far longer. `gc` is V8's own, exposed in a context of its own (the flag does
 * not put it on the API's global object).
 */
export function collectGarbageNow(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
