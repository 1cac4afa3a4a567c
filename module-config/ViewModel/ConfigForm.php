<?php
// Mounts the admin-ui configuration form (Forcebridge_Connector/js/config-form) on the Salesforce
// pages: the Magento URLs it reads and writes through, the websites and store views to choose a
// scope from, and the tabs the page shows.
declare(strict_types=1);

namespace Forcebridge\Connector\ViewModel;

use Magento\Framework\UrlInterface;
use Magento\Framework\View\Element\Block\ArgumentInterface;
use Magento\Store\Model\StoreManagerInterface;

class ConfigForm implements ArgumentInterface
{
    public function __construct(private UrlInterface $urlBuilder, private StoreManagerInterface $storeManager)
    {
    }

    /**
     * @param string[] $tabs
     * @return array<string, array<string, mixed>>
     */
    public function mageInit(array $tabs): array
    {
        return ['Forcebridge_Connector/js/config-form' => [
            'valuesUrl' => $this->urlBuilder->getUrl('forcebridge/config/values'),
            'saveUrl' => $this->urlBuilder->getUrl('forcebridge/config/save'),
            'picklistUrl' => $this->urlBuilder->getUrl('forcebridge/picklist/index'),
            'scopes' => $this->scopes(),
            'tabs' => array_values($tabs),
        ]];
    }

    /**
     * Websites and their store views, shaped as the sidecar's GET /api/scopes answers.
     *
     * @return array{websites: array<array{id: int, name: string, stores: array<array{id: int, name: string}>}>}
     */
    private function scopes(): array
    {
        $stores = [];
        foreach ($this->storeManager->getStores() as $store) {
            $stores[(int) $store->getWebsiteId()][] = ['id' => (int) $store->getId(), 'name' => (string) $store->getName()];
        }
        $websites = [];
        foreach ($this->storeManager->getWebsites() as $website) {
            $websites[] = ['id' => (int) $website->getId(), 'name' => (string) $website->getName(), 'stores' => $stores[(int) $website->getId()] ?? []];
        }
        return ['websites' => $websites];
    }
}
