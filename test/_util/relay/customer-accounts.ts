// Two or more eleapi customer accounts, each a stand-in API of its own that accepts only that
// customer's tokens; the relay's fetch reaches the account named by the request's customerId,
// as eleapi itself keeps accounts apart. So a token sent to the wrong customer is refused there.
import { type StartedSim, startSim } from '../sim/start-sim.ts';

export interface CustomerTokens {
  token: string;
  listToken: string;
}

export interface CustomerAccounts {
  /** The stand-in API of each customer, by customerId. */
  sims: Record<string, StartedSim>;
  /** For the relay's deps.fetch: sends each eleapi request to its customer's stand-in API. */
  fetch: typeof fetch;
  close(): Promise<void>;
}

async function customerOf(input: string | URL | Request, init?: RequestInit) {
  const url = new URL(String(input));
  const fromQuery = url.searchParams.get('customerId');
  if (fromQuery) return { url, customerId: fromQuery };
  const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as object) : {};
  return { url, customerId: (body as { customerId?: string }).customerId ?? '' };
}

export async function startCustomerAccounts(
  accounts: Record<string, CustomerTokens>,
): Promise<CustomerAccounts> {
  const sims: Record<string, StartedSim> = {};
  for (const [customerId, tokens] of Object.entries(accounts)) {
    sims[customerId] = await startSim({ token: tokens.token, listToken: tokens.listToken });
  }
  const routed = async (input: string | URL | Request, init?: RequestInit) => {
    const { url, customerId } = await customerOf(input, init);
    const sim = sims[customerId];
    if (!sim) throw new TypeError(`no stand-in account for customer ${customerId}`);
    return fetch(`${sim.url}${url.pathname}${url.search}`, init);
  };
  return {
    sims,
    fetch: routed as typeof fetch,
    close: async () => {
      await Promise.all(Object.values(sims).map((sim) => sim.close()));
    },
  };
}
