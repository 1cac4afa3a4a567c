<?php
// The three areas Forcebridge syncs, named as the sidecar's API names them (carts, orders,
// customers): the ACL resource that guards each, the forcebridge_link row and Salesforce record
// that stand for one of its records, the Magento table whose updated_at says a record changed, and
// the admin grid (UI listing) that shows them.
declare(strict_types=1);

namespace Forcebridge\Connector\Model;

use Forcebridge\Connector\Exception\BadRequest;

final class Area
{
    private const DEFINITIONS = [
        'carts' => [
            'resource' => 'Forcebridge_Connector::abandoned_carts',
            'linkType' => 'quote',
            'salesforceIdColumn' => 'opportunity_id',
            'salesforceObject' => 'Opportunity',
            'entityTable' => 'quote',
            'listing' => 'forcebridge_abandoned_cart_listing',
            'record' => 'abandoned cart',
            'records' => 'abandoned carts',
        ],
        'orders' => [
            'resource' => 'Forcebridge_Connector::orders',
            'linkType' => 'order',
            'salesforceIdColumn' => 'opportunity_id',
            'salesforceObject' => 'Opportunity',
            'entityTable' => 'sales_order',
            'listing' => 'sales_order_grid',
            'record' => 'order',
            'records' => 'orders',
        ],
        'customers' => [
            'resource' => 'Forcebridge_Connector::customers',
            'linkType' => 'customer',
            'salesforceIdColumn' => 'contact_id',
            'salesforceObject' => 'Contact',
            'entityTable' => 'customer_entity',
            'listing' => 'customer_listing',
            'record' => 'customer',
            'records' => 'customers',
        ],
    ];

    private function __construct(
        public readonly string $name,
        /** ACL resource of the area's records, their sync state and history. */
        public readonly string $resource,
        /** forcebridge_link.entity_type of its records. */
        public readonly string $linkType,
        /** The forcebridge_link column holding the Salesforce record a Magento record became. */
        public readonly string $salesforceIdColumn,
        public readonly string $salesforceObject,
        public readonly string $entityTable,
        /** Name of the UI listing (its data source is "<listing>_data_source"). */
        public readonly string $listing,
        /** What one record and several are called in messages. */
        public readonly string $record,
        public readonly string $records
    ) {
    }

    /** @throws BadRequest when the name is not one of carts, orders, customers */
    public static function named(string $name): self
    {
        $definition = self::DEFINITIONS[$name] ?? null;
        if ($definition === null) {
            throw new BadRequest(__('"%1" is not a Forcebridge area: use carts, orders or customers.', $name));
        }
        return new self($name, ...$definition);
    }

    /** The area whose grid a UI listing (by name) is, or null for every other listing. */
    public static function forListing(string $listing): ?self
    {
        foreach (self::DEFINITIONS as $name => $definition) {
            if ($definition['listing'] === $listing) {
                return self::named($name);
            }
        }
        return null;
    }

    /** @throws \LogicException for a listing Forcebridge does not extend (a wiring mistake in XML) */
    public static function ofGrid(string $listing): self
    {
        return self::forListing($listing)
            ?? throw new \LogicException(sprintf('"%s" is not one of the grids Forcebridge extends (orders, customers, abandoned carts).', $listing));
    }

    public function noun(int $count): string
    {
        return $count === 1 ? $this->record : $this->records;
    }

    public function dataSource(): string
    {
        return $this->listing . '_data_source';
    }
}
