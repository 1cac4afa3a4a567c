// The sidecar API calls the shared components make (SyncRun's, ConfigForm's), answered on Magento's
// pages by the module's admin controllers, which check the admin's ACL and form key and relay each to
// the sidecar server to server: the admin's browser talks only to Magento. The controllers and their
// fields are those of the issue 13 contract.
import type { Area, ScopeType, Website } from '../api/contract.js';
import type { ConfigApi } from '../components/config-form/config-form.js';
import type { SyncApi } from '../components/sync-run/sync-run.js';
import { requestMagento, type FormFields } from './magento-request.js';

/** forcebridge/sync/row and forcebridge/sync/job, as the page's layout gives their URLs. */
export interface SyncUrls {
  syncUrl: string;
  jobUrl: string;
}

/** forcebridge/config/values, forcebridge/config/save and forcebridge/picklist/index, and the store's websites. */
export interface ConfigUrls {
  valuesUrl: string;
  saveUrl: string;
  picklistUrl: string;
  /** Websites with their store views, for the scope switcher (Magento knows them: no request). */
  scopes: Website[];
}

/** SyncRun's POST /sync {area, ids} and GET /sync/<jobId>. */
export function syncControllers(urls: SyncUrls): SyncApi {
  return {
    post<T>(path: string, body: unknown): Promise<T> {
      if (path !== '/sync') throw noController('POST', path);
      const { area, ids } = body as { area: Area; ids: number[] };
      return requestMagento<T>('POST', urls.syncUrl, { area, ids });
    },
    get<T>(path: string): Promise<T> {
      return requestMagento<T>('GET', urls.jobUrl, { id: parameterOf(path, '/sync/') });
    },
  };
}

/** ConfigForm's GET /scopes, GET /picklists/<name>, GET /config?scope&scopeId and PUT /config. */
export function configControllers(urls: ConfigUrls): ConfigApi {
  return {
    get<T>(path: string, query: FormFields = {}): Promise<T> {
      if (path === '/scopes') return Promise.resolve({ websites: urls.scopes } as T);
      if (path === '/config') return requestMagento<T>('GET', urls.valuesUrl, query);
      return requestMagento<T>('GET', urls.picklistUrl, { name: parameterOf(path, '/picklists/') });
    },
    put<T>(path: string, body: unknown): Promise<T> {
      if (path !== '/config') throw noController('PUT', path);
      const { scope, scopeId, values } = body as { scope: ScopeType; scopeId: number; values: Record<string, string | null> };
      // JSON keeps a null ("use the parent scope's value"), which form fields cannot carry.
      return requestMagento<T>('POST', urls.saveUrl, { scope, scopeId, values: JSON.stringify(values) });
    },
  };
}

/** The route's one parameter (`/sync/<jobId>`, `/picklists/<name>`). */
function parameterOf(path: string, prefix: string): string {
  if (!path.startsWith(prefix) || path.length === prefix.length) throw noController('GET', path);
  return decodeURIComponent(path.slice(prefix.length));
}

/** A call the components make that the contract gives no controller: a programming error, said plainly. */
function noController(method: string, path: string): Error {
  return new Error(`No Forcebridge controller in Magento answers ${method} ${path}.`);
}
