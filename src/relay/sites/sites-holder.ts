// The sites in force, swapped whole on reload (SIGHUP): a bad file keeps the old sites.

import type { Site } from './site.ts';
import { createSiteDirectory, type SiteDirectory } from './site-directory.ts';

export interface ReloadLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface SitesHolder {
  current(): SiteDirectory;
  /** Reads the sites again; on failure logs why and keeps the sites in force. */
  reload(): boolean;
}

export function createSitesHolder(
  read: () => Site[],
  log: ReloadLog,
  onChange: (sites: SiteDirectory) => void = () => {},
): SitesHolder {
  let directory = createSiteDirectory(read());
  return {
    current: () => directory,
    reload() {
      let sites: Site[];
      try {
        sites = read();
      } catch (error) {
        // SitesFileError messages name paths and problems, never token values.
        log.error(
          { problems: (error as { problems?: unknown }).problems ?? [(error as Error).message] },
          'sites reload failed; the previous sites stay in force',
        );
        return false;
      }
      directory = createSiteDirectory(sites);
      onChange(directory);
      log.info({ sites: sites.map((s) => s.name) }, 'sites reloaded');
      return true;
    },
  };
}
