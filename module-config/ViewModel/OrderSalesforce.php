<?php
// The order page's Salesforce section (sales_order_view.xml, for roles with the orders resource):
// the order's sync state, its Salesforce link and the "Sync with Salesforce" button.
declare(strict_types=1);

namespace Forcebridge\Connector\ViewModel;

use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Model\RecordStates;
use Magento\Framework\App\RequestInterface;
use Magento\Framework\View\Element\Block\ArgumentInterface;

class OrderSalesforce implements ArgumentInterface
{
    private ?Area $area = null;

    public function __construct(private RequestInterface $request, private RecordStates $states, private SyncButton $syncButton)
    {
    }

    /** @return array<string, mixed>|null the order's grid row with its Salesforce fields */
    public function state(): ?array
    {
        $orderId = $this->orderId();
        return $orderId === 0 ? null : ($this->states->rows($this->area(), 'entity_id', $orderId, 1)[0] ?? null);
    }

    /** @return array<string, array<string, mixed>>|null */
    public function syncButton(): ?array
    {
        $orderId = $this->orderId();
        return $orderId === 0 ? null : $this->syncButton->mageInit($this->area(), [$orderId]);
    }

    private function orderId(): int
    {
        return max(0, (int) $this->request->getParam('order_id'));
    }

    private function area(): Area
    {
        return $this->area ??= Area::named('orders');
    }
}
