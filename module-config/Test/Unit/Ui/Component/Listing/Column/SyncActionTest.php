<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Ui\Component\Listing\Column;

use Forcebridge\Connector\Test\Unit\Support\ControllerTestCase;
use Forcebridge\Connector\Test\Unit\Support\UiContext;
use Forcebridge\Connector\Ui\Component\Listing\Column\SyncAction;
use Magento\Framework\UrlInterface;
use Magento\Framework\View\Element\UiComponentFactory;

final class SyncActionTest extends ControllerTestCase
{
    use UiContext;

    private function column(string $listing): SyncAction
    {
        $urls = $this->createMock(UrlInterface::class);
        $urls->method('getUrl')->willReturnCallback(fn ($route, $params) => "https://shop/admin/$route/area/{$params['area']}/id/{$params['id']}/");
        return new SyncAction($this->listing($listing), $this->createMock(UiComponentFactory::class), $this->access(), $urls, [], ['name' => 'forcebridge_actions', 'config' => []]);
    }

    public function testWritesAConfirmedPostIntoTheRowsItReturns(): void
    {
        $dataSource = ['data' => ['items' => [['entity_id' => '5'], ['entity_id' => '6']]]];
        $items = $this->column('forcebridge_abandoned_cart_listing')->prepareDataSource($dataSource)['data']['items'];
        self::assertCount(2, $items);
        $action = $items[0]['forcebridge_actions']['sync'];
        self::assertSame('https://shop/admin/forcebridge/sync/record/area/carts/id/5/', $action['href']);
        self::assertSame('https://shop/admin/forcebridge/sync/record/area/carts/id/6/', $items[1]['forcebridge_actions']['sync']['href']);
        self::assertTrue($action['post']);
        self::assertSame('Sync with Salesforce', (string) $action['label']);
        self::assertSame('Send this record to Salesforce now?', (string) $action['confirm']['message']);
    }

    public function testIsLeftOutForARoleThatMayNotSync(): void
    {
        $this->granted = ['Forcebridge_Connector::orders'];
        $column = $this->column('sales_order_grid');
        $column->prepare();
        self::assertTrue($column->getData('config')['componentDisabled']);
        $this->granted = ['Forcebridge_Connector::orders', 'Forcebridge_Connector::sync'];
        $column = $this->column('sales_order_grid');
        $column->prepare();
        self::assertArrayNotHasKey('componentDisabled', $column->getData('config'));
    }
}
