import type { QueryRunner } from 'typeorm';
import { migrationSteps } from './migration-steps';

describe('migrationSteps', () => {
  it('runs the statements and the functions in their order, each after the previous one ends', async () => {
    const done: string[] = [];
    const runner = {
      query: async (sql: string) => {
        await Promise.resolve();
        done.push(sql);
      },
    } as unknown as QueryRunner;
    const step = migrationSteps(
      'CREATE TABLE a (id int)',
      async (given) => {
        expect(given).toBe(runner);
        await Promise.resolve();
        done.push('function');
      },
      'CREATE TABLE b (id int)',
    );

    await step(runner);

    expect(done).toEqual(['CREATE TABLE a (id int)', 'function', 'CREATE TABLE b (id int)']);
  });

  it('stops at the first step that fails', async () => {
    const query = jest.fn().mockRejectedValueOnce(new Error('syntax error'));
    const runner = { query } as unknown as QueryRunner;

    await expect(migrationSteps('CREATE TABLE', 'CREATE TABLE b (id int)')(runner)).rejects.toThrow('syntax error');
    expect(query).toHaveBeenCalledTimes(1);
  });
});
