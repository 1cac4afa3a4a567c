<?php
// The "Salesforce Sync" and "Salesforce ID" columns: the row fields come from SQL
// (LinkColumns); this completes them for the admin-ui column components (the link, the number).
declare(strict_types=1);

namespace Forcebridge\Connector\Ui\Component\Listing\Column;

use Forcebridge\Connector\Model\AreaAccess;
use Forcebridge\Connector\Model\RecordStates;
use Magento\Framework\View\Element\UiComponent\ContextInterface;
use Magento\Framework\View\Element\UiComponentFactory;

class SalesforceState extends AreaColumn
{
    /**
     * @param array<mixed> $components
     * @param array<mixed> $data
     */
    public function __construct(
        ContextInterface $context,
        UiComponentFactory $uiComponentFactory,
        AreaAccess $access,
        private RecordStates $states,
        array $components = [],
        array $data = []
    ) {
        parent::__construct($context, $uiComponentFactory, $access, $components, $data);
    }

    /**
     * @param array<mixed> $dataSource
     * @return array<mixed>
     */
    public function prepareDataSource(array $dataSource)
    {
        $area = $this->area();
        return $this->withEachRow($dataSource, fn (array $item): array => $this->states->complete($area, $item));
    }
}
