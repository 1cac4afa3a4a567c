<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\ViewModel;

use Forcebridge\Connector\ViewModel\SyncState;
use PHPUnit\Framework\TestCase;

final class SyncStateTest extends TestCase
{
    public function testPutsEachStateInWords(): void
    {
        $state = new SyncState();
        $say = fn (array $row) => (string) $state->describe($row);
        self::assertSame('In Salesforce', $say(['forcebridge_sync_status' => 'synced', 'forcebridge_sync_changed' => 0]));
        self::assertSame('In Salesforce; changed in Magento since the last sync', $say(['forcebridge_sync_status' => 'synced', 'forcebridge_sync_changed' => 1]));
        self::assertSame('Salesforce refused it: Stage "X" does not exist.', $say(['forcebridge_sync_status' => 'error', 'forcebridge_error' => 'Stage "X" does not exist.']));
        self::assertSame('Not sent: Create Opportunity is No.', $say(['forcebridge_sync_status' => 'skipped', 'forcebridge_error' => 'Create Opportunity is No.']));
        self::assertSame('Being synced', $say(['forcebridge_sync_status' => 'pending']));
        self::assertSame('Not synced yet', $say(['forcebridge_sync_status' => null]));
    }
}
