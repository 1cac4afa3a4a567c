<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Ui\Component\Listing\Column;

use Forcebridge\Connector\Ui\Component\Listing\Column\SyncStatus\Options;
use PHPUnit\Framework\TestCase;

final class SyncStatusOptionsTest extends TestCase
{
    public function testOffersTheContractsFilterValues(): void
    {
        $options = array_map(fn ($option) => [$option['value'], (string) $option['label']], (new Options())->toOptionArray());
        self::assertSame([['synced', 'Synced'], ['error', 'Error'], ['not_synced', 'Not synced'], ['changed', 'Changed since last sync']], $options);
    }
}
