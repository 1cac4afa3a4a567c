// Links from the admin UI into the org: by default Lightning's record page under the session's
// instance URL; FORCEBRIDGE_SALESFORCE_RECORD_URL replaces it ({object} and {id} filled in).
export type RecordLink = (object: string, id: string) => string;

export function recordLinks(template: string | undefined, instanceUrl: () => string): RecordLink {
  return (object, id) => {
    const pattern = template ?? `${instanceUrl().replace(/\/+$/, '')}/lightning/r/{object}/{id}/view`;
    return pattern.replaceAll('{object}', encodeURIComponent(object)).replaceAll('{id}', encodeURIComponent(id));
  };
}
