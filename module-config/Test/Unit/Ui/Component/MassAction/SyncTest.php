<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Ui\Component\MassAction;

use Forcebridge\Connector\Test\Unit\Support\ControllerTestCase;
use Forcebridge\Connector\Test\Unit\Support\UiContext;
use Forcebridge\Connector\Ui\Component\MassAction\Sync;

final class SyncTest extends ControllerTestCase
{
    use UiContext;

    private function action(string $listing): Sync
    {
        $action = new Sync($this->listing($listing), $this->access(), [], ['name' => 'forcebridge_sync', 'config' => ['type' => 'forcebridge_sync', 'label' => 'Sync with Salesforce']]);
        $action->prepare();
        return $action;
    }

    public function testIsOfferedToARoleThatMaySyncTheGridsRecords(): void
    {
        $this->granted = ['Forcebridge_Connector::abandoned_carts', 'Forcebridge_Connector::sync'];
        self::assertArrayNotHasKey('actionDisable', $this->action('forcebridge_abandoned_cart_listing')->getConfiguration());
    }

    public function testIsLeftOutOfTheActionsMenuOtherwise(): void
    {
        $this->granted = ['Forcebridge_Connector::abandoned_carts', 'Forcebridge_Connector::sync'];
        self::assertTrue($this->action('customer_listing')->getConfiguration()['actionDisable']);
        $this->granted = ['Forcebridge_Connector::customers'];
        self::assertTrue($this->action('customer_listing')->getConfiguration()['actionDisable']);
    }
}
