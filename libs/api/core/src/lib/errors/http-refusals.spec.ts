import fastify, { type FastifyInstance } from 'fastify';
import { answerUncaught, answerUnrouted, refuseBeforeHooks } from './http-refusals';
import { securityHeaders } from '../security/security-headers';

/** A real Fastify with two routes and the API's hooks where no route answers (as apps/api sets them). */
async function server(): Promise<FastifyInstance> {
  const app = fastify({ frameworkErrors: refuseBeforeHooks });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, () => done()));
  app.get('/api/contests', () => []);
  app.post('/api/contests', () => ({}));
  app.get('/api/contests/:id', () => ({}));
  app.setNotFoundHandler((request, reply) => answerUnrouted(request, reply));
  app.setErrorHandler(answerUncaught);
  await app.ready();
  return app;
}

describe('refusals where no route answers', () => {
  let app: FastifyInstance;
  beforeAll(async () => (app = await server()));
  afterAll(() => app.close());

  it('answers a method the path does not take with 405 and Allow listing the ones it takes, HEAD with GET', async () => {
    const answer = await app.inject({ method: 'DELETE', url: '/api/contests?page=2' });
    expect(answer.statusCode).toBe(405);
    expect(answer.headers['allow']).toBe('GET, HEAD, POST');
    expect(answer.json()).toMatchObject({ code: 'request.method_not_allowed', params: { method: 'DELETE', allowed: 'GET, HEAD, POST' } });
    const byParam = await app.inject({ method: 'PUT', url: '/api/contests/c-1' });
    expect([byParam.statusCode, byParam.headers['allow']]).toEqual([405, 'GET, HEAD']);
  });

  it('answers a path no route serves with 404, without Allow', async () => {
    const answer = await app.inject({ method: 'GET', url: '/api/contests/c-1/nowhere' });
    expect(answer.statusCode).toBe(404);
    expect(answer.headers['allow']).toBeUndefined();
    expect(answer.json()).toMatchObject({ code: 'request.unknown_route' });
  });

  it('words the body parser’s refusals by their code', async () => {
    const broken = await app.inject({
      method: 'POST',
      url: '/api/contests',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":',
    });
    expect([broken.statusCode, broken.json().code]).toEqual([400, 'request.unreadable_body']);
    const xml = await app.inject({ method: 'POST', url: '/api/contests', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect([xml.statusCode, xml.json().code]).toEqual([415, 'request.unsupported_media_type']);
  });

  it('gives the router’s refusals, sent before any hook, the security headers of every other answer', async () => {
    const badUrl = await app.inject({ method: 'GET', url: '/api/contests/%E0%A4%A' });
    expect([badUrl.statusCode, badUrl.json().code]).toEqual([400, 'request.bad_url']);
    const normal = await app.inject({ method: 'GET', url: '/api/nowhere' });
    for (const name of ['content-security-policy', 'strict-transport-security', 'x-content-type-options', 'x-frame-options']) {
      expect([name, badUrl.headers[name]]).toEqual([name, normal.headers[name]]);
      expect(badUrl.headers[name]).toBeDefined();
    }
  });
});
