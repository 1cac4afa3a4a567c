<?php
// Every UI listing's rows come from DataProvider\CollectionFactory::getReport(<data source>); for
// the Orders, Customers and Abandoned Carts grids this adds the Salesforce columns to the
// collection it returns (the data provider, "Select All" mass actions and CSV export all use it).
declare(strict_types=1);

namespace Forcebridge\Connector\Plugin\Grid;

use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Model\ResourceModel\Grid\LinkColumns;
use Magento\Framework\Data\Collection\AbstractDb;
use Magento\Framework\View\Element\UiComponent\DataProvider\CollectionFactory;

class AddLinkColumns
{
    private const DATA_SOURCE_SUFFIX = '_data_source';

    public function __construct(private LinkColumns $linkColumns)
    {
    }

    /**
     * @param mixed $collection
     * @param mixed $requestName the data source name
     * @return mixed
     * @SuppressWarnings(PHPMD.UnusedFormalParameter)
     */
    public function afterGetReport(CollectionFactory $subject, $collection, $requestName)
    {
        $name = (string) $requestName;
        $area = str_ends_with($name, self::DATA_SOURCE_SUFFIX)
            ? Area::forListing(substr($name, 0, -strlen(self::DATA_SOURCE_SUFFIX)))
            : null;
        if ($area !== null && $collection instanceof AbstractDb) {
            $this->linkColumns->add($collection, $area);
        }
        return $collection;
    }
}
