<?php
// The Salesforce pages (Abandoned Carts, Orders, Opportunity Status): all layout, each behind its
// area's resource, opened from its menu entry.
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Controller\Adminhtml\Pages;

use Forcebridge\Connector\Controller\Adminhtml\AbandonedCart\Index as AbandonedCarts;
use Forcebridge\Connector\Controller\Adminhtml\Settings\OpportunityStatus;
use Forcebridge\Connector\Controller\Adminhtml\Settings\Orders;
use Forcebridge\Connector\Test\Unit\Support\ControllerTestCase;
use Magento\Backend\Model\View\Result\Page;
use Magento\Framework\App\Action\HttpGetActionInterface;
use Magento\Framework\View\Page\Config;
use Magento\Framework\View\Page\Title;

final class PagesTest extends ControllerTestCase
{
    /** @return array<string, array{class-string, string, string, string}> */
    public static function pages(): array
    {
        return [
            'abandoned carts' => [AbandonedCarts::class, 'Forcebridge_Connector::abandoned_carts', 'Forcebridge_Connector::abandoned_carts', 'Abandoned Carts'],
            'orders' => [Orders::class, 'Forcebridge_Connector::orders', 'Forcebridge_Connector::orders', 'Orders'],
            'opportunity status' => [OpportunityStatus::class, 'Forcebridge_Connector::field_mappings', 'Forcebridge_Connector::opportunity_status', 'Opportunity Status'],
        ];
    }

    /** @dataProvider pages */
    public function testOpensThePageUnderItsMenuEntry(string $class, string $resource, string $menu, string $title): void
    {
        self::assertSame($resource, $class::ADMIN_RESOURCE);
        self::assertContains(HttpGetActionInterface::class, class_implements($class));
        $titles = $this->createMock(Title::class);
        $titles->expects(self::once())->method('prepend')->with(self::callback(fn ($given) => (string) $given === $title));
        $config = $this->createMock(Config::class);
        $config->method('getTitle')->willReturn($titles);
        $page = $this->createMock(Page::class);
        $page->expects(self::once())->method('setActiveMenu')->with($menu);
        $page->method('getConfig')->willReturn($config);
        $this->pageResult = $page;
        self::assertSame($page, (new $class($this->context()))->execute());
    }
}
