<?php
// A Forcebridge column of the Orders, Customers or Abandoned Carts grid: it knows its area from the
// listing it is in, and is left out entirely (componentDisabled, as Magento's store column does in
// single-store mode) for a role that may not see, or sync, that area's records.
declare(strict_types=1);

namespace Forcebridge\Connector\Ui\Component\Listing\Column;

use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Model\AreaAccess;
use Magento\Framework\View\Element\UiComponent\ContextInterface;
use Magento\Framework\View\Element\UiComponentFactory;
use Magento\Ui\Component\Listing\Columns\Column;

abstract class AreaColumn extends Column
{
    /** Whether the column's use needs Forcebridge_Connector::sync too. */
    protected const FOR_SYNC = false;

    /**
     * @param array<mixed> $components
     * @param array<mixed> $data
     */
    public function __construct(
        ContextInterface $context,
        UiComponentFactory $uiComponentFactory,
        protected AreaAccess $access,
        array $components = [],
        array $data = []
    ) {
        parent::__construct($context, $uiComponentFactory, $components, $data);
    }

    public function prepare()
    {
        parent::prepare();
        if (!$this->access->may($this->area(), static::FOR_SYNC)) {
            $this->_data['config']['componentDisabled'] = true;
        }
    }

    protected function area(): Area
    {
        return Area::ofGrid((string) $this->getContext()->getNamespace());
    }

    /**
     * The listing's rows, each passed through `$complete` (a row in, the row out).
     *
     * @param array<mixed> $dataSource
     * @param callable(array<mixed>): array<mixed> $complete
     * @return array<mixed>
     */
    protected function withEachRow(array $dataSource, callable $complete): array
    {
        foreach ($dataSource['data']['items'] ?? [] as $index => $item) {
            $dataSource['data']['items'][$index] = $complete($item);
        }
        return $dataSource;
    }
}
