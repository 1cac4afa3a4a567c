<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\ViewModel;

use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Test\Unit\Support\ControllerTestCase;
use Forcebridge\Connector\ViewModel\SyncButton;
use Magento\Framework\UrlInterface;

final class SyncButtonTest extends ControllerTestCase
{
    private function button(): SyncButton
    {
        $urls = $this->createMock(UrlInterface::class);
        $urls->method('getUrl')->willReturnCallback(fn ($route) => "https://shop/admin/$route/key/k/");
        return new SyncButton($urls, $this->access());
    }

    public function testMountsTheAdminUiButtonWithMagentosUrls(): void
    {
        self::assertSame(['Forcebridge_Connector/js/sync-button' => [
            'syncUrl' => 'https://shop/admin/forcebridge/sync/row/key/k/',
            'jobUrl' => 'https://shop/admin/forcebridge/sync/job/key/k/',
            'area' => 'orders',
            'ids' => [12],
        ]], $this->button()->mageInit(Area::named('orders'), ['12']));
    }

    public function testShowsNothingToARoleThatMayNotSyncOrWhenThereIsNothing(): void
    {
        self::assertNull($this->button()->mageInit(Area::named('carts'), []));
        $this->granted = ['Forcebridge_Connector::abandoned_carts'];
        self::assertNull($this->button()->mageInit(Area::named('carts'), [1]));
    }
}
