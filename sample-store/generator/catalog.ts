// Products, rebuilt from their id alone so carts can use any of them without keeping the catalog
// in memory. Product 1 is a free sample (price 0), which makes the zero-total cart possible.
import { Random, Stream, randomFor } from './random.js';
import type { Row } from './table-writer.js';
import { sqlTimestamp } from './values.js';

export interface Product {
  id: number;
  sku: string;
  name: string;
  /** In base-currency cents. */
  basePriceCents: number;
  weight: number;
}

export const FREE_SAMPLE_PRODUCT_ID = 1;
const DEFAULT_ATTRIBUTE_SET_ID = 4;

const ADJECTIVES = ['Classic', 'Organic', 'Ergonomic', 'Vintage', 'Lightweight', 'Waterproof', 'Handmade', 'Très Chic'];
const MATERIALS = ['Cotton', 'Leather', 'Bamboo', 'Steel', 'Wool', 'Ceramic', 'Linen'];
const THINGS = ['Hoodie', 'Backpack', 'Water Bottle', 'Yoga Mat', 'Jacket', 'Mug', 'Sneakers', 'Notebook', 'Lamp'];

export function productAt(seed: number, id: number): Product {
  if (id === FREE_SAMPLE_PRODUCT_ID) {
    return { id, sku: 'FREE-SAMPLE', name: 'Free Sample 🎁', basePriceCents: 0, weight: 0.1 };
  }
  const random = randomFor(seed, Stream.product, id);
  const name = `${random.pick(ADJECTIVES)} ${random.pick(MATERIALS)} ${random.pick(THINGS)}`;
  const dollars = random.weighted([[random.int(5, 30), 5], [random.int(31, 120), 4], [random.int(121, 600), 1]] as const);
  return {
    id,
    sku: `SKU-${String(id).padStart(6, '0')}`,
    name,
    basePriceCents: dollars * 100 + random.pick([0, 0, 50, 99]),
    weight: random.int(1, 50) / 10,
  };
}

/** A product a shopper would put in the cart: any but the free sample. */
export function pickProduct(seed: number, random: Random, productCount: number): Product {
  return productAt(seed, random.int(FREE_SAMPLE_PRODUCT_ID + 1, productCount));
}

export function productRow(product: Product, createdAt: number): Row {
  return {
    entity_id: product.id,
    attribute_set_id: DEFAULT_ATTRIBUTE_SET_ID,
    type_id: 'simple',
    sku: product.sku,
    has_options: 0,
    required_options: 0,
    created_at: sqlTimestamp(createdAt),
    updated_at: sqlTimestamp(createdAt),
  };
}
