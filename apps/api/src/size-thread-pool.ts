// main.ts's first import, so it runs before any other module is loaded: libuv reads
// UV_THREADPOOL_SIZE once, when the first job is queued on its pool (an asynchronous file read,
// a DNS lookup, a hash), and a module could queue one while it loads. The password queue of
// api-core reads the size when it loads, after this.
import { availableParallelism } from 'node:os';
import { threadPoolSize } from './thread-pool';

process.env['UV_THREADPOOL_SIZE'] = threadPoolSize(availableParallelism(), process.env['UV_THREADPOOL_SIZE']);
