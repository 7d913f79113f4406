// One eleapi client per site, picked by the lead's bot pair: each customer's leads go out with
// that customer's tokens, on the upsert and on the listing.
import { type EleapiClient, EleapiError } from './eleapi-client.ts';
import type { SiteDirectory } from './sites/index.ts';
import type { Site } from './sites/site.ts';

export function createSiteClients(
  sites: () => SiteDirectory,
  makeClient: (site: Site) => EleapiClient,
): EleapiClient {
  // Rebuilt when a reload swaps the directory, so a changed token is used from then on.
  let built: { directory: SiteDirectory; clients: Map<Site, EleapiClient> } | undefined;
  const clientFor = (pair: { botId: string; customerId: string }) => {
    const directory = sites();
    if (built?.directory !== directory) {
      built = { directory, clients: new Map(directory.sites.map((s) => [s, makeClient(s)])) };
    }
    const site = directory.byPair(pair);
    return site && built.clients.get(site);
  };
  return {
    async upsertLead(body) {
      const client = clientFor(body);
      // Kept pending (retryable): a reload that brings the pair back delivers it.
      if (!client) {
        return {
          ok: false,
          retryable: true,
          error: `no site has bot pair ${body.botId}:${body.customerId} any more`,
        };
      }
      return client.upsertLead(body);
    },
    async listChats(query) {
      const client = clientFor(query);
      if (!client) {
        throw new EleapiError(
          'listChats',
          `no site has bot pair ${query.botId}:${query.customerId}`,
        );
      }
      return client.listChats(query);
    },
  };
}
