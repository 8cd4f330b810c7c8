// Baseline for the stage case: a bare node:http server holding server-sent event streams and
// writing one message to all of them when told to (over IPC), nothing else. It reports its RSS.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const streams = new Set();
const rssKb = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN);

const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.write('retry: 2000\n\n');
  streams.add(res);
  req.on('close', () => streams.delete(res));
});
server.listen(0, '127.0.0.1', () => {
  process.send({ type: 'listening', port: server.address().port, rssKb: rssKb() });
});
process.on('message', (message) => {
  if (message.type === 'broadcast') {
    const text = `event: stage\ndata: ${message.data}\n\n`;
    for (const res of streams) res.write(text);
  } else if (message.type === 'rss') {
    process.send({ type: 'rss', rssKb: rssKb(), streams: streams.size });
  } else if (message.type === 'stop') {
    for (const res of streams) res.end();
    server.close(() => process.exit(0));
  }
});
