<?php
// "Sync with Salesforce" in each row's actions: a confirmed POST (Magento's dataPost adds the form
// key) to forcebridge/sync/record, which returns to the grid with the outcome as an admin message.
declare(strict_types=1);

namespace Forcebridge\Connector\Ui\Component\Listing\Column;

use Forcebridge\Connector\Model\AreaAccess;
use Magento\Framework\UrlInterface;
use Magento\Framework\View\Element\UiComponent\ContextInterface;
use Magento\Framework\View\Element\UiComponentFactory;

class SyncAction extends AreaColumn
{
    protected const FOR_SYNC = true;

    /**
     * @param array<mixed> $components
     * @param array<mixed> $data
     */
    public function __construct(
        ContextInterface $context,
        UiComponentFactory $uiComponentFactory,
        AreaAccess $access,
        private UrlInterface $urlBuilder,
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
        $name = (string) $this->getData('name');
        return $this->withEachRow($dataSource, function (array $item) use ($area, $name): array {
            // The confirmation is what makes Magento's actions column post (with the form key)
            // instead of following the link.
            $item[$name]['sync'] = [
                'href' => $this->urlBuilder->getUrl('forcebridge/sync/record', ['area' => $area->name, 'id' => $item['entity_id']]),
                'label' => __('Sync with Salesforce'),
                'post' => true,
                'confirm' => [
                    'title' => __('Sync with Salesforce'),
                    'message' => __('Send this record to Salesforce now?'),
                ],
            ];
            return $item;
        });
    }
}
