import { hostname } from 'node:os';
import { repoRoot } from '@vigie/testing';
import { leakingExchanges, type Exchange } from './audited-client';

const INFRASTRUCTURE = ['127.0.0.1:5432', '127.0.0.1:19092'];

function answer(status: number, text: string, headers: Record<string, string> = {}): Exchange {
  return {
    method: 'GET',
    url: 'http://127.0.0.1:3001/v1/x',
    status,
    headers: new Headers(headers),
    text,
    body: undefined,
  };
}

const shows = (exchange: Exchange): string[] => leakingExchanges([exchange], INFRASTRUCTURE)[0]?.shows ?? [];

// The disclosure check of the security suite: it must see what it looks for, and only that.
describe('disclosure check', () => {
  it.each([
    ['a stack frame', 'Error: boom\n    at AlertsService.submit (/srv/app/dist/alerts.service.js:42:13)'],
    ['a stack frame', '{"message":"x","stack":"TypeError: y at Object.<anonymous> (file)"}'],
    ['a source location', '{"message":"failed in alerts.service.ts:42"}'],
    ['a dependency path', '{"message":"/app/node_modules/typeorm/driver.js"}'],
    ['the installation path', `{"message":"cannot open ${repoRoot()}/dist/x"}`],
    ['an exception class', '{"error":"QueryFailedError"}'],
    ['SQL text', '{"message":"SELECT k.secret_hash FROM directory_api_keys k WHERE k.id = $1"}'],
    ['SQL text', '{"message":"duplicate key value violates unique constraint \\"pk\\""}'],
    ['SQL text', '{"message":"invalid input syntax for type uuid: \\"x\\""}'],
    ['a connection string', '{"message":"postgres://postgres@db:5432/vigie"}'],
    ['an infrastructure address (127.0.0.1:5432)', '{"message":"connect to 127.0.0.1:5432 failed"}'],
    ['a system error', '{"message":"connect ECONNREFUSED"}'],
  ])('finds %s', (what, text) => {
    expect(shows(answer(500, text))).toContain(what);
  });

  it('finds the host name in error answers, and the framework header anywhere', () => {
    expect(shows(answer(404, `{"message":"no route on ${hostname()}"}`))).toContain('the host name');
    expect(shows(answer(200, '{}', { 'x-powered-by': 'Express' }))).toEqual(['the framework (X-Powered-By)']);
  });

  it.each([
    '{"error":"not_found","message":"site 3f0c9b52-6d1e-4a7b-8c2f-5e9d0a1b2c3d not found"}',
    '{"error":"bad_request","message":"invalid request","details":[{"field":"name","problems":["name must be a string"]}]}',
    '{"headline":"Sélection de véhicules suspects : depuis le parking, repérages from 22h"}',
    '{"url":"http://127.0.0.1:54321/hooks/vigie","lastError":"connect ECONNREFUSED 127.0.0.1:54321"}',
  ])('lets an ordinary answer through: %s', (text) => {
    expect(shows(answer(text.includes('lastError') ? 200 : 400, text))).toEqual([]);
  });
});
