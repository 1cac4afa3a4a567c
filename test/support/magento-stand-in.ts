// A stand-in for Magento's admin, enough to load the module's AMD build the way a store serves it:
// static files under a theme's static path (RequireJS from node_modules/requirejs, Knockout and
// knockout-es5 from node_modules as the separate knockoutjs/knockout and knockoutjs/knockout-es5
// modules, a small Magento_Ui column written here, the module's amd/ and template/ folders), the
// module's requirejs-config.js merged as Magento merges it, one admin page, and the admin controllers
// each test answers itself. Every request is logged so a test can say nothing else was asked.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MODULE_WEB = `${ROOT}module-config/view/adminhtml/web/`;

/** Magento serves static files per area, theme and locale; RequireJS's baseUrl is this folder. */
export const STATIC_PATH = '/static/adminhtml/Magento/backend/en_US/';
export const PAGE_PATH = '/admin/forcebridge/stand-in/';
/** The admin session's form key, as Magento writes it into every admin page. */
export const FORM_KEY = 'k3yOfTh1sSess10n';

export interface ControllerRequest {
  method: string;
  query: URLSearchParams;
  /** The form-encoded body of a POST. */
  form: URLSearchParams;
  headers: IncomingMessage['headers'];
}

export interface ControllerAnswer {
  status?: number;
  json: unknown;
}

export type Controller = (request: ControllerRequest) => ControllerAnswer;

export interface MagentoStandIn {
  /** The admin page: `${origin}${PAGE_PATH}`. */
  pageUrl: string;
  origin: string;
  /** Answers requests to `path` (an admin URL, secret key included) until the stand-in closes. */
  answer(path: string, controller: Controller): void;
  /** Admin paths the page asked for that no test answers, and files it asked for that do not exist. */
  unanswered: string[];
  close(): Promise<void>;
}

// Magento_Ui's column class, reduced to what a column component needs: uiClass-style extend() with
// merged defaults and this._super(), the config applied over the defaults, and getBody().
const COLUMN_STAND_IN = `define([], function () {
  function Column(config) {
    Object.assign(this, this.defaults, config);
    this.initialize();
  }
  Column.prototype.defaults = { bodyTmpl: 'ui/grid/cells/text', label: '' };
  Column.prototype.initialize = function () { return this; };
  Column.prototype.getBody = function () { return this.bodyTmpl; };
  Column.extend = function (extension) {
    var Parent = this;
    function Child(config) { Parent.call(this, config); }
    Child.prototype = Object.create(Parent.prototype);
    Child.prototype.constructor = Child;
    Child.prototype.defaults = Object.assign({}, Parent.prototype.defaults, extension.defaults);
    Object.keys(extension).filter(function (name) { return name !== 'defaults'; }).forEach(function (name) {
      var own = extension[name];
      var inherited = Parent.prototype[name];
      Child.prototype[name] = typeof own === 'function' && typeof inherited === 'function'
        ? function () {
            var saved = this._super;
            this._super = inherited;
            try { return own.apply(this, arguments); } finally { this._super = saved; }
          }
        : own;
    });
    Child.extend = Parent.extend;
    return Child;
  };
  return Column;
});`;

// What Magento_Theme's base requirejs-config.js gives every page: 'ko' and 'knockout' are names for
// knockoutjs/knockout. Then the module's own file, wrapped the way Magento merges each module's.
const requireJsConfig = (): string => `require.config({
  baseUrl: '${STATIC_PATH}',
  map: { '*': { ko: 'knockoutjs/knockout', knockout: 'knockoutjs/knockout' } }
});
(function () {
${readFileSync(`${ROOT}module-config/view/adminhtml/requirejs-config.js`, 'utf8')}
require.config(config);
})();`;

// The page's own scripts: Magento_Ui's bootstrap loads knockout-es5 before any component (recorded
// here, with a model Magento tracks, to check later that nothing replaced them); a listing renders
// a few plain fields, then its columns' body templates for each row with $col and $row() as
// Magento's listing does; and data-mage-init calls each component with (config, element) as
// mage/apply does.
const PAGE_SCRIPT = `
window.standIn = {
  ready: new Promise(function (resolve) {
    require(['knockoutjs/knockout', 'knockoutjs/knockout-es5'], function (ko) {
      window.installedByKnockoutEs5 = { track: ko.track, es5: ko.es5, getObservable: ko.getObservable };
      window.trackedByMagento = ko.track({ visible: true });
      resolve();
    });
  }),
  load: function (names) {
    return new Promise(function (resolve, reject) { require(names, function () { resolve([].slice.call(arguments)); }, reject); });
  },
  renderListing: async function (element, plainFields, columnsConfig, dataSource) {
    var names = columnsConfig.map(function (column) { return column.component; });
    var loaded = await window.standIn.load(['knockoutjs/knockout'].concat(names));
    var ko = loaded[0];
    var columns = [];
    for (var index = 0; index < columnsConfig.length; index++) {
      var column = new loaded[index + 1](columnsConfig[index].config);
      var body = column.getBody();
      var response = await fetch('${STATIC_PATH}' + body.replace(/^([^/]+)\\//, '$1/template/') + '.html');
      var script = document.createElement('script');
      script.type = 'text/html';
      script.id = 'cell-template-' + index;
      script.text = await response.text();
      document.head.append(script);
      column.cellTemplateId = script.id;
      columns.push(column);
    }
    element.innerHTML = '<table class="data-grid"><thead><tr>'
      + '<!-- ko foreach: plainFields --><th class="data-grid-th" data-bind="text: label"></th><!-- /ko -->'
      + '<!-- ko foreach: columns --><th class="data-grid-th" data-bind="text: label"></th><!-- /ko --></tr></thead>'
      + '<tbody data-bind="foreach: { data: rows, as: \\'listingRow\\' }"><tr class="data-row" data-bind="let: { $row: listingRow.read }">'
      + '<!-- ko foreach: $root.plainFields --><td data-bind="text: $row()[field]"></td><!-- /ko -->'
      + '<!-- ko foreach: { data: $root.columns, as: \\'$col\\' } --><td data-bind="template: { name: $col.cellTemplateId }"></td><!-- /ko -->'
      + '</tr></tbody></table>';
    var rows = dataSource.data.items.map(function (row) { return { read: function () { return row; } }; });
    ko.applyBindings({ plainFields: plainFields, columns: columns, rows: rows }, element);
  },
  mageInit: async function () {
    var elements = document.querySelectorAll('[data-mage-init]');
    for (var i = 0; i < elements.length; i++) {
      var element = elements[i];
      var components = JSON.parse(element.getAttribute('data-mage-init'));
      element.removeAttribute('data-mage-init');
      for (var name of Object.keys(components)) {
        var component = (await window.standIn.load([name]))[0];
        component(components[name], element);
      }
    }
  }
};`;

const page = (): string => `<!doctype html><html><head><meta charset="utf-8"><title>Magento admin (stand-in)</title>
<link rel="icon" href="data:,">
<script>var FORM_KEY = '${FORM_KEY}';</script>
<script src="${STATIC_PATH}requirejs/require.js"></script>
<script src="${STATIC_PATH}requirejs-config.js"></script>
<script>${PAGE_SCRIPT}</script>
<style>
  body { margin: 0; padding: 20px 30px; font-family: "Open Sans", "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: 14px; color: #303030; }
  h1 { font-size: 22px; font-weight: 600; margin: 0 0 16px; }
  .data-grid { border-collapse: collapse; width: 100%; margin: 0 0 28px; }
  .data-grid-th { background: #514943; color: #fff; text-align: left; padding: 10px; font-weight: 600; }
  .data-grid td { padding: 10px; border-left: 1px dashed #d6d6d6; }
  .data-grid tr:nth-child(even) td { background: #f5f5f5; }
</style>
</head><body><h1>Forcebridge in Magento's admin (stand-in)</h1><main id="content"></main></body></html>`;

/** Static files the stand-in serves, by their path under STATIC_PATH. */
function staticFile(path: string): { body: string | Buffer; type: string } | undefined {
  const javascript = 'text/javascript; charset=utf-8';
  const fixed = new Map<string, () => string | Buffer>([
    ['requirejs/require.js', () => readFileSync(`${ROOT}node_modules/requirejs/require.js`)],
    ['requirejs-config.js', requireJsConfig],
    ['knockoutjs/knockout.js', () => readFileSync(`${ROOT}node_modules/knockout/build/output/knockout-latest.js`)],
    ['knockoutjs/knockout-es5.js', () => readFileSync(`${ROOT}node_modules/knockout-es5/src/knockout-es5.js`)],
    ['Magento_Ui/js/grid/columns/column.js', () => COLUMN_STAND_IN],
  ]);
  const read = fixed.get(path);
  if (read) return { body: read(), type: javascript };
  const moduleFile = /^Forcebridge_Connector\/((?:amd|template)\/.+\.(js|html))$/.exec(path);
  const relative = moduleFile?.[1] === undefined ? undefined : normalize(moduleFile[1]);
  if (!relative || relative.startsWith('..')) return undefined;
  try {
    return { body: readFileSync(`${MODULE_WEB}${relative}`), type: moduleFile?.[2] === 'js' ? javascript : 'text/html; charset=utf-8' };
  } catch {
    return undefined;
  }
}

export async function startMagentoStandIn(): Promise<MagentoStandIn> {
  const controllers = new Map<string, Controller>();
  const unanswered: string[] = [];

  const serve = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const send = (status: number, type: string, body: string | Buffer) => response.writeHead(status, { 'Content-Type': type }).end(body);
    if (url.pathname === PAGE_PATH) return void send(200, 'text/html; charset=utf-8', page());
    if (url.pathname.startsWith(STATIC_PATH)) {
      const file = staticFile(url.pathname.slice(STATIC_PATH.length));
      if (file) return void send(200, file.type, file.body);
    }
    const controller = controllers.get(url.pathname);
    if (!controller) {
      unanswered.push(`${request.method} ${url.pathname}`);
      return void send(404, 'text/html; charset=utf-8', '<h1>404 Not Found</h1>');
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const answer = controller({ method: request.method ?? 'GET', query: url.searchParams, form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')), headers: request.headers });
    send(answer.status ?? 200, 'application/json', JSON.stringify(answer.json));
  };

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    pageUrl: `${origin}${PAGE_PATH}`,
    answer: (path, controller) => void controllers.set(path, controller),
    unanswered,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
