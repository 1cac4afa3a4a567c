<?php
// Rows of the Abandoned Carts grid: active carts with items and an e-mail address, i.e. the carts
// the sidecar can turn into opportunities (it also waits for checkout and the idle threshold before
// syncing on its own). The Salesforce columns are added by Plugin\Grid\AddLinkColumns.
declare(strict_types=1);

namespace Forcebridge\Connector\Model\ResourceModel\AbandonedCart;

use Magento\Framework\View\Element\UiComponent\DataProvider\SearchResult;

class Collection extends SearchResult
{
    protected function _initSelect()
    {
        parent::_initSelect();
        $customerName = new \Zend_Db_Expr("TRIM(CONCAT_WS(' ', main_table.customer_firstname, main_table.customer_lastname))");
        $this->getSelect()
            ->columns(['customer_name' => $customerName])
            ->where('main_table.is_active = 1')
            ->where('main_table.items_count > 0')
            ->where('main_table.customer_email IS NOT NULL');
        $this->addFilterToMap('customer_name', $customerName);
        return $this;
    }
}
