// The PostgreSQL store against the shared outbox contract, each test on a fresh database.
import { openPostgresOutbox } from '../../../src/relay/outbox/postgres-outbox.ts';
import { createPostgresPool } from '../../../src/relay/outbox/postgres-pool.ts';
import { describePostgres } from '../../_util/postgres.ts';
import { createTestDatabase } from '../../_util/postgres-database.ts';
import { describeOutboxContract } from './outbox-contract.ts';

describePostgres('the PostgreSQL outbox', (baseUrl) => {
  describeOutboxContract('PostgreSQL', async () => {
    const database = await createTestDatabase(baseUrl, 'contract');
    const outbox = await openPostgresOutbox({
      pool: createPostgresPool({ url: database.url, max: 4 }),
    });
    return {
      outbox,
      async close() {
        await outbox.close();
        await database.drop();
      },
    };
  });
});
