<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Model;

use Forcebridge\Connector\Exception\NotAllowed;
use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Test\Unit\Support\ControllerTestCase;

final class AreaAccessTest extends ControllerTestCase
{
    public function testSeeingNeedsTheAreaAndSyncingAlsoTheSyncResource(): void
    {
        $this->granted = ['Forcebridge_Connector::orders'];
        $access = $this->access();
        self::assertTrue($access->may(Area::named('orders')));
        self::assertFalse($access->may(Area::named('orders'), true));
        self::assertFalse($access->may(Area::named('carts')));
        $this->granted = ['Forcebridge_Connector::orders', 'Forcebridge_Connector::sync'];
        self::assertTrue($this->access()->may(Area::named('orders'), true));
    }

    public function testDemandNamesWhatTheRoleLacks(): void
    {
        $this->granted = ['Forcebridge_Connector::abandoned_carts'];
        $this->expectException(NotAllowed::class);
        $this->expectExceptionMessage('Your admin role does not allow this (it needs Forcebridge_Connector::customers and Forcebridge_Connector::sync).');
        $this->access()->demand(Area::named('customers'), true);
    }
}
