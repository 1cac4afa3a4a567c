// The REST API seen without HTTP: a request already split into decoded path segments, and a
// response as status, JSON body and headers. Express handlers and Composite subrequests both use it.
import type { Org } from '../org/org.js';

export interface RestRequest {
  method: string;
  /** Decoded path segments after /services/data/vNN.N/. */
  segments: string[];
  query: URLSearchParams;
  body: unknown;
}

export interface RestResponse {
  status: number;
  /** Undefined for 204 and other empty answers. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RestContext {
  org: Org;
  /** "62.0" */
  version: string;
  /** Set inside a Composite request whose allOrNone overrides the one of its Collections subrequests. */
  forceAllOrNone?: boolean;
}

export type RestHandler = (context: RestContext, params: Readonly<Record<string, string>>, request: RestRequest) => RestResponse;

export interface RestRoute {
  method: string;
  /** Segments, ":name" capturing one segment, e.g. "sobjects/:object/:id". */
  pattern: string;
  handler: RestHandler;
}

export function sobjectUrl(version: string, objectName: string, id: string): string {
  return `/services/data/v${version}/sobjects/${objectName}/${id}`;
}
