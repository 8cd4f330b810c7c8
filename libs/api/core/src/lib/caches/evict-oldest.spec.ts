import { evictOldest } from './evict-oldest';

describe('evictOldest', () => {
  it('leaves a map with room as it is', () => {
    const map = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    evictOldest(map, 3);
    expect([...map.keys()]).toEqual(['a', 'b']);
  });

  it('drops the first key set when the map holds max entries', () => {
    const map = new Map([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    map.delete('a');
    map.set('a', 4); // re-set: now the newest
    evictOldest(map, 3);
    expect([...map.keys()]).toEqual(['c', 'a']);
  });

  it('hands the oldest key to evict instead of deleting it itself', () => {
    const map = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    const evicted: string[] = [];
    evictOldest(map, 2, (key) => evicted.push(key));
    expect(evicted).toEqual(['a']);
    expect(map.size).toBe(2);
  });
});
