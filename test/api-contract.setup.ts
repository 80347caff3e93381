import { ApiContract, onExchange, type CheckedExchange } from '@vigie/testing';

/**
 * Every e2e spec file: each answer received through the test client (`request`) from an operation
 * that docs/openapi.json describes must be as described (status, media type, body). Requests
 * to paths the description does not have (attacks on unknown routes, metrics) are not judged here.
 */
const contract = new ApiContract();
const checked: CheckedExchange[] = [];
const stop = onExchange((exchange) => checked.push(contract.check(exchange)));

afterAll(() => {
  stop();
  const undescribed = checked
    .filter((entry) => entry.operation !== null && entry.problems.length > 0)
    .map(
      (entry) =>
        `${entry.exchange.method} ${entry.exchange.url} → ${entry.exchange.status}: ${entry.problems.join('; ')}`,
    );
  expect(undescribed).toEqual([]);
});
