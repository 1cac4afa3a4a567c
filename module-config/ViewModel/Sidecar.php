<?php
// Not executed in this repository (it has no PHP); Magento runs it. Gives templates the sidecar's
// address for the admin-ui components, which talk to the sidecar from the admin's browser.
declare(strict_types=1);

namespace Forcebridge\Connector\ViewModel;

use Magento\Framework\App\Config\ScopeConfigInterface;
use Magento\Framework\View\Element\Block\ArgumentInterface;

class Sidecar implements ArgumentInterface
{
    public const URL_PATH = 'forcebridge/connection/sidecar_url';

    public function __construct(private ScopeConfigInterface $scopeConfig)
    {
    }

    public function getUrl(): string
    {
        return rtrim((string) $this->scopeConfig->getValue(self::URL_PATH), '/');
    }
}
