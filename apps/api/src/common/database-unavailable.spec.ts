import { isDatabaseUnavailable } from './database-unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset connection', withCode('ECONNRESET')],
    [
      'the server shutting down (57P01)',
      withCode('57P01', 'terminating connection due to administrator command'),
    ],
    ['the server starting up (57P03)', withCode('57P03', 'the database system is starting up')],
    ['too many connections (53300)', withCode('53300')],
    ['a connection exception (class 08)', withCode('08006')],
    ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
    ['a pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['a connect timeout of the client', new Error('Connection terminated due to connection timeout')],
    [
      'a pg error wrapped by TypeORM',
      Object.assign(new Error('QueryFailedError'), { driverError: withCode('57P01') }),
    ],
    ['an error with a cause', new Error('outer', { cause: withCode('ECONNREFUSED') })],
    [
      'a transaction whose connection was cut before its next statement',
      Object.assign(new Error('Query runner already released'), { name: 'QueryRunnerAlreadyReleasedError' }),
    ],
    [
      'an entity manager whose transaction lost its connection',
      Object.assign(new Error('Cannot use a query runner provider that was already released'), {
        name: 'QueryRunnerProviderAlreadyReleasedError',
      }),
    ],
  ])('is true for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', withCode('23505')],
    ['an exception raised by a trigger (P0001)', withCode('P0001', 'injected fault')],
    ['a statement timeout (57014)', withCode('57014')],
    ['a serialization failure (40001)', withCode('40001')],
    [
      'a TypeORM error around a constraint violation',
      Object.assign(new Error('QueryFailedError'), { driverError: withCode('23503') }),
    ],
    ['a programming error', new TypeError('x is undefined')],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('is false for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
