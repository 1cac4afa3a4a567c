<?php
// The Salesforce state of particular records (an order on its page, a customer's carts on their
// Shopping Cart tab), read through the area's own grid collection so that it is the same SQL and the
// same fields as the grids, completed for display.
declare(strict_types=1);

namespace Forcebridge\Connector\Model;

use Forcebridge\Connector\Model\ResourceModel\Grid\LinkColumns;
use Magento\Framework\View\Element\UiComponent\DataProvider\CollectionFactory;

class RecordStates
{
    public function __construct(private CollectionFactory $reports, private RecordLinks $links)
    {
    }

    /**
     * Rows of the area's grid whose `field` equals `value`, newest first, at most `limit` of them.
     *
     * @return array<array<string, mixed>>
     */
    public function rows(Area $area, string $field, int $value, int $limit): array
    {
        $collection = $this->reports->getReport($area->dataSource());
        $collection->addFieldToFilter($field, ['eq' => $value]);
        $collection->setOrder('entity_id', 'DESC');
        $collection->setPageSize($limit);
        return array_map(fn (array $row) => $this->complete($area, $row), $collection->getData());
    }

    /**
     * A grid row's Salesforce fields as the admin-ui columns read them: the "changed" flag as a
     * number (MySQL hands it over as text, and "0" is true in JavaScript) and the record's link.
     *
     * @param array<string, mixed> $row
     * @return array<string, mixed>
     */
    public function complete(Area $area, array $row): array
    {
        $row[LinkColumns::CHANGED] = (int) ($row[LinkColumns::CHANGED] ?? 0);
        $row[LinkColumns::SALESFORCE_URL] = $this->links->url($area, $row[LinkColumns::SALESFORCE_ID] ?? null);
        return $row;
    }
}
