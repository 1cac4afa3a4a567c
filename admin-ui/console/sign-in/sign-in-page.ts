// The console's sign-in: a Magento admin username and password, checked by the sidecar.
import ko from 'knockout-es5';
import { messageOf, type ApiClient } from '../../api/client.js';
import type { Session } from '../../api/contract.js';

export class SignInPage {
  username = '';
  password = '';
  busy = false;
  errorMessage = '';

  constructor(
    private readonly api: ApiClient,
    private readonly onSignedIn: (session: Session) => void,
  ) {
    ko.track(this, ['username', 'password', 'busy', 'errorMessage']);
  }

  async signIn(): Promise<void> {
    this.busy = true;
    this.errorMessage = '';
    try {
      const session = await this.api.post<Session>('/session', { username: this.username.trim(), password: this.password });
      this.password = '';
      this.onSignedIn(session);
    } catch (error) {
      this.errorMessage = messageOf(error);
    } finally {
      this.busy = false;
    }
  }
}
