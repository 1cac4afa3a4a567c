<?php
// Not executed in this repository (it has no PHP); Magento runs it. The "Sync with Salesforce" link on
// each abandoned-cart row, posted (with the form key) to forcebridge/sync/row.
declare(strict_types=1);

namespace Forcebridge\Connector\Ui\Component\Listing\Column;

use Magento\Framework\UrlInterface;
use Magento\Framework\View\Element\UiComponent\ContextInterface;
use Magento\Framework\View\Element\UiComponentFactory;
use Magento\Ui\Component\Listing\Columns\Column;

class SyncAction extends Column
{
    /**
     * @param array<mixed> $components
     * @param array<mixed> $data
     */
    public function __construct(
        ContextInterface $context,
        UiComponentFactory $uiComponentFactory,
        private UrlInterface $urlBuilder,
        array $components = [],
        array $data = []
    ) {
        parent::__construct($context, $uiComponentFactory, $components, $data);
    }

    /**
     * @param array<mixed> $dataSource
     * @return array<mixed>
     */
    public function prepareDataSource(array $dataSource)
    {
        foreach ($dataSource['data']['items'] ?? [] as &$item) {
            $item[$this->getData('name')]['sync'] = [
                'href' => $this->urlBuilder->getUrl('forcebridge/sync/row', ['entity' => 'quote', 'id' => $item['entity_id']]),
                'label' => __('Sync with Salesforce'),
                'post' => true,
            ];
        }
        return $dataSource;
    }
}
