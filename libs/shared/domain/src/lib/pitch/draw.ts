import { createSeededRandom } from '../assignment/seeded-random';
import { known } from '../util/known';

/**
 * The pitching order by lot: a Fisher–Yates shuffle driven by the seeded generator the
 * assignment uses (sfc32), over the ids sorted first, so the order depends on the seed and the
 * set of entries only — never on the order a database happened to return them. The same seed
 * gives the same order on every machine, which is what lets an organizer show the council how
 * the order was drawn, and redraw with a new seed in front of them.
 */
export function drawOrder(entryIds: readonly string[], seed: string): string[] {
  const order = [...new Set(entryIds)].sort();
  const next = createSeededRandom(seed);
  for (let i = order.length - 1; i > 0; i--) {
    // next() / 2³² is uniform in [0, 1); its bias on (i + 1) buckets is below 2⁻³², nothing to a stage.
    const j = Math.floor((next() / 2 ** 32) * (i + 1));
    [order[i], order[j]] = [known(order[j], 'a drawn entry'), known(order[i], 'a drawn entry')];
  }
  return order;
}
