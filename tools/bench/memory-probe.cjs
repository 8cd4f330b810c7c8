// Preloaded into a process the bench measures (`node --expose-gc -r tools/bench/memory-probe.cjs`):
// on the IPC message `{ type: 'bench-memory' }` it runs a full garbage collection and answers
// the process's memory, so a reading says what the process keeps, not how much garbage it had
// not collected yet at that moment. Nothing else; the bench's stage API and its baseline load it.
const { readFileSync } = require('node:fs');

const rssKb = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN);

process.on('message', (message) => {
  if (message?.type !== 'bench-memory' || typeof globalThis.gc !== 'function') return;
  // Twice: objects whose finalizers the first collection ran are freed by the second. V8 hands
  // the pages it freed back to the system a moment later (its unmapper runs as a task): the
  // reading waits for that, then collects once more, so it does not depend on when it came.
  globalThis.gc();
  globalThis.gc();
  setTimeout(() => {
    globalThis.gc();
    const { heapUsed, heapTotal, external } = process.memoryUsage();
    process.send?.({
      type: 'bench-memory',
      rssKb: rssKb(),
      heapKb: heapUsed / 1024,
      heapTotalKb: heapTotal / 1024,
      externalKb: external / 1024,
    });
  }, 1000);
});
