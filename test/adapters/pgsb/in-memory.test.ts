import { describe, expect, it } from 'vitest';
import { createInMemoryCivilRegistry } from '../../../adapters/pgsb/in-memory-civil-registry.js';
import { createInMemoryShahkar } from '../../../adapters/pgsb/in-memory-shahkar.js';
import { PgsbError, PgsbErrorCode } from '../../../adapters/pgsb/pgsb-error.js';
import { deceased, living } from '../../simulators/pgsb/fixtures.js';

describe('in-memory civil registry and Shahkar', () => {
  it('the registry answers like the real one: match with names, deceased, no match', async () => {
    const registry = createInMemoryCivilRegistry([living]);
    registry.add(deceased);
    expect(await registry.inquire(living, { messageId: '1' })).toEqual({
      match: true,
      alive: true,
      firstName: living.firstName,
      lastName: living.lastName,
      fatherName: living.fatherName,
    });
    expect(await registry.inquire(deceased, { messageId: '2' })).toMatchObject({ match: true, alive: false });
    expect(await registry.inquire({ ...living, birthDate: '1399/01/01' }, { messageId: '3' })).toEqual({
      match: false,
    });
    expect(registry.calls.map((c) => c.messageId)).toEqual(['1', '2', '3']);
  });

  it('fails as many times as told, then answers', async () => {
    const shahkar = createInMemoryShahkar([{ nationalCode: living.nationalCode, mobile: '09121111111' }]);
    shahkar.failNext(new PgsbError(PgsbErrorCode.TIMEOUT, 'test'), 2);
    const input = { nationalCode: living.nationalCode, mobile: '09121111111' };
    await expect(shahkar.match(input, { messageId: 'x' })).rejects.toMatchObject({
      code: 'PGSB_TIMEOUT',
      retryable: true,
    });
    await expect(shahkar.match(input, { messageId: 'x' })).rejects.toBeInstanceOf(PgsbError);
    expect(await shahkar.match(input, { messageId: 'x' })).toEqual({ match: true });
    expect(await shahkar.match({ ...input, mobile: '09120000000' }, { messageId: 'y' })).toEqual({ match: false });
  });
});
