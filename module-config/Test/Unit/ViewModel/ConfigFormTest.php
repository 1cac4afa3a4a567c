<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\ViewModel;

use Forcebridge\Connector\ViewModel\ConfigForm;
use Magento\Framework\DataObject;
use Magento\Framework\UrlInterface;
use Magento\Store\Model\StoreManagerInterface;
use PHPUnit\Framework\TestCase;

final class ConfigFormTest extends TestCase
{
    public function testMountsTheFormWithMagentosUrlsAndTheStoresScopes(): void
    {
        $urls = $this->createMock(UrlInterface::class);
        $urls->method('getUrl')->willReturnCallback(fn ($route) => "https://shop/admin/$route/key/k/");
        $stores = $this->createMock(StoreManagerInterface::class);
        $stores->method('getWebsites')->willReturn([
            new DataObject(['id' => '1', 'name' => 'Main Website']),
            new DataObject(['id' => '2', 'name' => 'Outlet']),
        ]);
        $stores->method('getStores')->willReturn([
            new DataObject(['id' => '1', 'name' => 'Default Store View', 'website_id' => '1']),
            new DataObject(['id' => '3', 'name' => 'French', 'website_id' => '1']),
        ]);
        self::assertSame(['Forcebridge_Connector/js/config-form' => [
            'valuesUrl' => 'https://shop/admin/forcebridge/config/values/key/k/',
            'saveUrl' => 'https://shop/admin/forcebridge/config/save/key/k/',
            'picklistUrl' => 'https://shop/admin/forcebridge/picklist/index/key/k/',
            'scopes' => ['websites' => [
                ['id' => 1, 'name' => 'Main Website', 'stores' => [['id' => 1, 'name' => 'Default Store View'], ['id' => 3, 'name' => 'French']]],
                ['id' => 2, 'name' => 'Outlet', 'stores' => []],
            ]],
            'tabs' => ['order', 'order_advanced'],
        ]], (new ConfigForm($urls, $stores))->mageInit(['order' => 'order', 'order_advanced' => 'order_advanced']));
    }
}
