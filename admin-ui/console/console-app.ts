// The console at /admin: the sign-in page until the sidecar knows the user, then the admin layout
// (sidebar "Salesforce" menu, page header, the page of the current address).
import ko from 'knockout-es5';
import type { ApiClient } from '../api/client.js';
import type { AdminUser, Area, Session } from '../api/contract.js';
import { pageFor, type ConsolePage } from './console-page.js';
import { parseRoute, type ConfigurationPage } from './routes.js';
import { SignInPage } from './sign-in/sign-in-page.js';

export interface MenuItem {
  key: Area | ConfigurationPage;
  label: string;
  href: string;
}

/** The guide's Salesforce menu. */
export const MENU: MenuItem[] = [
  { key: 'carts', label: 'Abandoned Carts', href: '#/carts' },
  { key: 'orders', label: 'Orders', href: '#/orders' },
  { key: 'customers', label: 'Customers', href: '#/customers' },
  { key: 'opportunity-status', label: 'Field Mappings → Opportunity Status', href: '#/opportunity-status' },
  { key: 'general', label: 'General Configuration', href: '#/general' },
];

export class ConsoleApp {
  readonly menu = MENU;
  user: AdminUser | null = null;
  /** False until the sidecar says whether the browser already has a session. */
  ready = false;
  page: ConsolePage | null = null;
  userMenuOpen = false;
  readonly signIn: SignInPage;

  constructor(private readonly api: ApiClient) {
    this.signIn = new SignInPage(api, (session) => this.startSession(session));
    ko.track(this, ['user', 'ready', 'page', 'userMenuOpen']);
    api.onSignInRequired = () => {
      this.user = null;
    };
  }

  get userName(): string {
    return this.user ? [this.user.firstName, this.user.lastName].filter(Boolean).join(' ') || this.user.username : '';
  }

  async start(): Promise<void> {
    window.addEventListener('hashchange', () => this.showCurrentAddress());
    try {
      this.startSession(await this.api.get<Session>('/session'));
    } catch {
      // No session yet: the sign-in page shows.
    }
    this.ready = true;
  }

  async signOut(): Promise<void> {
    this.userMenuOpen = false;
    await this.api.delete('/session').catch(() => undefined);
    this.api.csrfToken = null;
    this.user = null;
  }

  toggleUserMenu(): void {
    this.userMenuOpen = !this.userMenuOpen;
  }

  private startSession(session: Session): void {
    this.api.csrfToken = session.csrfToken;
    this.user = session.user;
    this.showCurrentAddress();
  }

  private showCurrentAddress(): void {
    if (!this.user) return;
    const page = pageFor(parseRoute(window.location.hash), this.api);
    this.page = page;
    document.title = `${page.title} / Salesforce / Forcebridge`;
    void page.load();
  }
}
