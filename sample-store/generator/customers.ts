// Registered customers, rebuilt from their id: customer_entity, their addresses, the
// customer_grid_flat row Magento's customer_grid indexer writes, and newsletter subscriptions.
import { createHash } from 'node:crypto';
import { CUSTOMER_WITHOUT_LASTNAME_ID, SPECIAL_CUSTOMER_NAMES } from './awkward-rows.js';
import { mailboxName, pickAddress, pickName, type PersonName, type PostalAddress } from './people.js';
import { Random, Stream, randomFor } from './random.js';
import { customerCreatedAt, later, type StorePlan } from './store-plan.js';
import { STORE_VIEWS, type StoreView } from './store-layout.js';
import type { Row } from './table-writer.js';
import { DAY, fit, joinParts, sqlDate, sqlTimestamp } from './values.js';

export interface Customer {
  id: number;
  store: StoreView;
  groupId: number;
  name: PersonName;
  email: string;
  createdAt: number;
  updatedAt: number;
  /** The first is the default billing and shipping address. */
  addresses: PostalAddress[];
  dob: string | null;
  gender: number | null;
  passwordSalt: string;
}

export const CUSTOMER_TAX_CLASS_ID = 3;

const GROUPS = [[1, 85], [2, 8], [3, 7]] as const;
/** Newsletter subscriber statuses: 1 subscribed, 2 not activated, 3 unsubscribed, 4 unconfirmed. */
const SUBSCRIBER_STATUSES = [[1, 70], [3, 20], [2, 5], [4, 5]] as const;
const SAMPLE_PASSWORD = 'Sample-Store-1';

export function customerAt(seed: number, plan: StorePlan, id: number): Customer {
  const random = randomFor(seed, Stream.customer, id);
  const store = random.weighted(STORE_VIEWS.map((view) => [view, view.storeId === 1 ? 6 : 2] as const));
  const name = SPECIAL_CUSTOMER_NAMES.get(id) ?? pickName(random);
  const addressCount = id === CUSTOMER_WITHOUT_LASTNAME_ID ? 0 : random.weighted([[1, 7], [2, 2], [0, 1]] as const);
  const addresses: PostalAddress[] = [];
  for (let i = 0; i < addressCount; i++) addresses.push(pickAddress(random, name, random.pick(store.countries)));
  const createdAt = customerCreatedAt(plan, id);
  return {
    id,
    store,
    groupId: random.weighted(GROUPS),
    name,
    email: `${mailboxName(name)}.${id}@example.com`,
    createdAt,
    updatedAt: later(plan, createdAt, 30 * DAY, random.next()),
    addresses,
    dob: random.chance(0.4) ? sqlDate(Date.UTC(random.int(1950, 2005), random.int(0, 11), random.int(1, 28))) : null,
    gender: random.chance(0.5) ? random.int(1, 3) : null,
    passwordSalt: random.hex(32),
  };
}

/** Magento's sha256 hash format: sha256(salt . password):salt:1. */
function passwordHash(salt: string): string {
  return `${createHash('sha256').update(salt + SAMPLE_PASSWORD).digest('hex')}:${salt}:1`;
}

export function fullName(name: PersonName): string {
  return joinParts(' ', [name.firstname, name.lastname]);
}

export function customerRows(customer: Customer, firstAddressId: number): Record<string, Row[]> {
  const defaultAddressId = customer.addresses.length > 0 ? firstAddressId : null;
  const created = sqlTimestamp(customer.createdAt);
  const updated = sqlTimestamp(customer.updatedAt);
  const billing = customer.addresses[0];
  return {
    customer_entity: [{
      entity_id: customer.id,
      website_id: customer.store.websiteId,
      email: customer.email,
      group_id: customer.groupId,
      store_id: customer.store.storeId,
      created_at: created,
      updated_at: updated,
      is_active: 1,
      disable_auto_group_change: 0,
      created_in: customer.store.name,
      firstname: customer.name.firstname,
      lastname: customer.name.lastname,
      dob: customer.dob,
      password_hash: passwordHash(customer.passwordSalt),
      default_billing: defaultAddressId,
      default_shipping: defaultAddressId,
      gender: customer.gender,
      failures_num: 0,
    }],
    customer_address_entity: customer.addresses.map((address, index) => ({
      entity_id: firstAddressId + index,
      parent_id: customer.id,
      created_at: created,
      updated_at: created,
      is_active: 1,
      city: address.city,
      company: address.company,
      country_id: address.countryId,
      firstname: address.firstname,
      lastname: address.lastname ?? '',
      postcode: address.postcode,
      region: address.region,
      region_id: address.regionId,
      street: address.street,
      telephone: address.telephone,
    })),
    customer_grid_flat: [{
      entity_id: customer.id,
      name: fullName(customer.name),
      email: customer.email,
      group_id: customer.groupId,
      created_at: created,
      website_id: customer.store.websiteId,
      created_in: customer.store.name,
      dob: customer.dob,
      gender: customer.gender,
      shipping_full: billing ? addressLine(billing) : null,
      billing_full: billing ? addressLine(billing) : null,
      billing_firstname: billing?.firstname ?? null,
      billing_lastname: billing?.lastname ?? null,
      billing_telephone: billing?.telephone ?? null,
      billing_postcode: billing?.postcode ?? null,
      billing_country_id: billing?.countryId ?? null,
      billing_region: billing?.region ?? null,
      billing_region_id: billing?.regionId ?? null,
      billing_street: billing ? fit(billing.street, 255) : null,
      billing_city: billing?.city ?? null,
      billing_company: billing?.company ?? null,
    }],
  };
}

function addressLine(address: PostalAddress): string {
  return joinParts(' ', [address.street, address.city, address.region, address.postcode, address.countryId]);
}

/** A newsletter_subscriber row for some customers (about a third). */
export function customerSubscription(seed: number, plan: StorePlan, customer: Customer): Row | undefined {
  const random = randomFor(seed, Stream.subscriber, customer.id);
  if (!random.chance(0.3)) return undefined;
  return subscriberRow(random, plan, customer.store.storeId, customer.id, customer.email, customer.createdAt);
}

/** A visitor who subscribed without an account (customer_id 0). */
export function guestSubscription(seed: number, plan: StorePlan, index: number, subscribedAt: number): Row {
  const random = randomFor(seed, Stream.subscriber, -index);
  const store = random.pick(STORE_VIEWS);
  return subscriberRow(random, plan, store.storeId, 0, `newsletter.${index}@example.net`, subscribedAt);
}

function subscriberRow(random: Random, plan: StorePlan, storeId: number, customerId: number, email: string, since: number): Row {
  return {
    store_id: storeId,
    change_status_at: sqlTimestamp(later(plan, since, 60 * DAY, random.next())),
    customer_id: customerId,
    subscriber_email: email,
    subscriber_status: random.weighted(SUBSCRIBER_STATUSES),
    subscriber_confirm_code: random.hex(32),
  };
}
