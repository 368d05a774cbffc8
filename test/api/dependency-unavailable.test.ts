import { describe, expect, it } from 'vitest';
import { EngineError, EngineUnavailableError } from '../../adapters/engine/engine-errors.js';
import { dependencyUnavailable } from '../../api/errors/dependency-unavailable.js';

describe('which errors mean a service the API stands on is away (503), and which do not (500)', () => {
  it.each([
    [
      'PostgreSQL refusing connections',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    [
      'PostgreSQL shutting down',
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ],
    ['PostgreSQL out of connections', Object.assign(new Error('sorry, too many clients already'), { code: '53300' })],
    ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
    // Knex puts the statement before the driver's message (seen in chaos row 4 as a 500 the form did not retry).
    [
      'a connection cut mid-query, as knex reports it',
      new Error('select "id" from "registrations" where "id" = $1 limit $2 - Connection terminated unexpectedly'),
    ],
    ["a transaction's rollback on a cut connection", new Error('ROLLBACK - Connection terminated unexpectedly')],
    ['a pooled client broken while idle', new Error('Client was closed and is not queryable')],
    [
      'the pool unable to connect in time',
      Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), {
        name: 'KnexTimeoutError',
      }),
    ],
    ['Redis gone', new Error('Connection is closed.')],
    ['Redis slow', new Error('Command timed out')],
    ['the engine unreachable', new EngineUnavailableError('engine not reachable')],
    [
      "the engine's database away (the engine answers 500)",
      new EngineError(
        500,
        'ProcessEnginePersistenceException',
        'An exception occurred in the persistence layer. Please check the server logs for a detailed message and the entire exception stack trace.',
        '/engine-rest/task',
      ),
    ],
    [
      "the engine's database away while completing a task",
      new EngineError(
        500,
        'RestException',
        'Cannot complete task 1: An exception occurred in the persistence layer. Please check the server logs.',
        '/engine-rest/task/1/complete',
      ),
    ],
    [
      'every address of a host refused',
      Object.assign(
        new AggregateError([
          Object.assign(new Error('a'), { code: 'ECONNREFUSED' }),
          Object.assign(new Error('b'), { code: 'ECONNREFUSED' }),
        ]),
        {},
      ),
    ],
  ])('%s: unavailable', (_what, error) => {
    expect(dependencyUnavailable(error)).toBe(true);
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    [
      'a constraint the code should have checked',
      Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }),
    ],
    [
      'a NUL character PostgreSQL refuses',
      Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }),
    ],
    [
      'an engine refusal',
      new EngineError(500, 'RestException', 'Cannot complete task 1: no such task', '/engine-rest/task/1/complete'),
    ],
    ['nothing at all', undefined],
  ])('%s: not unavailable', (_what, error) => {
    expect(dependencyUnavailable(error)).toBe(false);
  });
});
