// The console's own page components (the shared ones are in components/register.ts).
import ko from 'knockout-es5';
import { modelFromParams } from '../components/model-params.js';
import type { CustomerPage } from './customer/customer-page.js';
import customerTemplate from './customer/customer-page.html';
import type { GridPage } from './grid/grid-page.js';
import gridTemplate from './grid/grid-page.html';
import type { RecordPage } from './record/record-page.js';
import recordTemplate from './record/record-page.html';
import type { SignInPage } from './sign-in/sign-in-page.js';
import signInTemplate from './sign-in/sign-in-page.html';
import type { Area } from '../api/contract.js';

export function registerConsolePages(): void {
  ko.components.register('fb-sign-in', { viewModel: modelFromParams<SignInPage>(), template: signInTemplate });
  ko.components.register('fb-grid-page', { viewModel: modelFromParams<GridPage<Area>>(), template: gridTemplate });
  ko.components.register('fb-record-page', { viewModel: modelFromParams<RecordPage>(), template: recordTemplate });
  ko.components.register('fb-customer-page', { viewModel: modelFromParams<CustomerPage>(), template: customerTemplate });
}
