// Shapes matching records as the REST API returns them: `attributes` first, then the selected
// fields under their canonical names, parent fields nested under the relationship name.
import type { QuerySource, SalesforceRecord } from '../contracts.js';
import { parentOf, type BoundField } from './field-paths.js';

export type JsonObject = { [key: string]: unknown };

export function recordAttributes(objectName: string, id: unknown, apiVersion: string): JsonObject {
  return { type: objectName, url: `/services/data/${apiVersion}/sobjects/${objectName}/${String(id)}` };
}

export function projectRecord(source: QuerySource, objectName: string, record: SalesforceRecord, fields: readonly BoundField[], apiVersion: string): JsonObject {
  const output: JsonObject = { attributes: recordAttributes(objectName, record.Id, apiVersion) };
  for (const field of fields) {
    let container = output;
    let current = record;
    let reachable = true;
    for (const hop of field.hops) {
      const parent = parentOf(source, current, hop);
      if (!parent) {
        container[hop.relationshipName] = null;
        reachable = false;
        break;
      }
      const nested = (container[hop.relationshipName] ??= { attributes: recordAttributes(parent.objectName, parent.record.Id, apiVersion) });
      container = nested as JsonObject;
      current = parent.record;
    }
    if (reachable) container[field.leaf.name] = current[field.leaf.name] ?? null;
  }
  return output;
}
