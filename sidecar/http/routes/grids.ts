// The console's grids (Abandoned Carts, Orders, Customers), each row with its sync state; each grid
// needs its area's resource, except that the customer's Shopping Cart tab (carts narrowed to one
// customer) is the Customers area's too.
import { Router } from 'express';
import { z } from 'zod';
import type { DatabasePool } from '../../db/pool.js';
import { CART_GRID } from '../../magento/grids/cart-grid.js';
import { CUSTOMER_GRID } from '../../magento/grids/customer-grid.js';
import { readGridPage, type GridDefinition } from '../../magento/grids/grid-page.js';
import { ORDER_GRID } from '../../magento/grids/order-grid.js';
import type { SyncAreaName, SyncState } from '../../sync/sync-states.js';
import { grantsOf } from '../auth/access-guard.js';
import { AREA_RESOURCE, demand } from '../auth/permissions.js';
import { HttpError } from '../errors.js';
import { areaSchema, parseInput, wholeNumberText } from '../validation.js';

const GRIDS: Record<SyncAreaName, GridDefinition<{ id: number }>> = { carts: CART_GRID, orders: ORDER_GRID, customers: CUSTOMER_GRID };

const paramsSchema = z.strictObject({ area: areaSchema });
const querySchema = z.strictObject({
  limit: wholeNumberText(1, 200).default(20),
  after: wholeNumberText(1, 4_294_967_295).optional(),
  q: z.string().max(100, { error: 'must be at most 100 characters' }).optional(),
  customerId: wholeNumberText(1, 4_294_967_295).optional(),
});

export function gridRoutes(parts: { pool: DatabasePool; readStates(area: SyncAreaName, ids: readonly number[]): Promise<Map<number, SyncState>> }): Router {
  const router = Router();
  router.get('/api/grids/:area', async (req, res) => {
    const { area } = parseInput(paramsSchema, req.params, 'path');
    const { limit, after, q, customerId } = parseInput(querySchema, req.query, 'query');
    if (customerId !== undefined && !GRIDS[area].customerColumn) throw new HttpError(400, `The ${area} grid cannot be narrowed to one customer.`);
    const grants = grantsOf(res);
    const shoppingCartTab = area === 'carts' && customerId !== undefined && grants.has('customers');
    if (!shoppingCartTab) demand(grants, AREA_RESOURCE[area]);
    const text = q?.trim() ? q.trim() : null;
    const page = await readGridPage(parts.pool, GRIDS[area], { limit, after: after ?? null, text, customerId: customerId ?? null });
    const states = await parts.readStates(area, page.rows.map((row) => row.id));
    res.json({ rows: page.rows.map((row) => ({ ...row, sync: states.get(row.id) })), nextAfter: page.nextAfter });
  });
  return router;
}
