<?php
// Behaves as Magento's customer grid collection does when filtering: it prefixes every unqualified
// field with "main_table." before the field map is read (Customer\Model\ResourceModel\Grid\Collection
// ::addFieldToFilter in 2.4.8).
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Support;

use Magento\Framework\View\Element\UiComponent\DataProvider\SearchResult;

final class CustomerGridCollection extends SearchResult
{
    public function addFieldToFilter($field, $condition = null)
    {
        if (is_string($field) && !str_contains($field, '.')) {
            $field = 'main_table.' . $field;
        }
        return parent::addFieldToFilter($field, $condition);
    }
}
