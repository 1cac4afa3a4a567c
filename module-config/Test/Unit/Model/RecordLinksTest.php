<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Model;

use Forcebridge\Connector\Exception\SidecarUnavailable;
use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Model\RecordLinks;
use Forcebridge\Connector\Model\Sidecar\Answer;
use Forcebridge\Connector\Model\Sidecar\CachedReader;
use PHPUnit\Framework\TestCase;
use Psr\Log\LoggerInterface;

final class RecordLinksTest extends TestCase
{
    public function testFillsTheSidecarsTemplateAndAsksForItOnce(): void
    {
        $reader = $this->createMock(CachedReader::class);
        $reader->expects(self::once())->method('get')->with('/api/links')
            ->willReturn(new Answer(200, ['recordUrl' => 'https://acme.my.salesforce.com/lightning/r/{object}/{id}/view']));
        $links = new RecordLinks($reader, $this->createMock(LoggerInterface::class));
        self::assertSame('https://acme.my.salesforce.com/lightning/r/Opportunity/006000000000001AAA/view', $links->url(Area::named('orders'), '006000000000001AAA'));
        self::assertSame('https://acme.my.salesforce.com/lightning/r/Contact/003000000000001AAA/view', $links->url(Area::named('customers'), '003000000000001AAA'));
        self::assertNull($links->url(Area::named('carts'), null));
    }

    public function testLeavesTheIdUnlinkedWhenTheSidecarIsDown(): void
    {
        $reader = $this->createMock(CachedReader::class);
        $reader->expects(self::once())->method('get')->willThrowException(new SidecarUnavailable('Connection refused'));
        $logger = $this->createMock(LoggerInterface::class);
        $logger->expects(self::once())->method('warning')->with(self::stringContains('Connection refused'));
        $links = new RecordLinks($reader, $logger);
        self::assertNull($links->url(Area::named('orders'), '006000000000001AAA'));
        self::assertNull($links->url(Area::named('orders'), '006000000000002AAA'));
    }

    public function testIgnoresATemplateThatIsNotAWebAddress(): void
    {
        $reader = $this->createMock(CachedReader::class);
        $reader->method('get')->willReturn(new Answer(200, ['recordUrl' => 'javascript:alert(1)//{id}']));
        self::assertNull((new RecordLinks($reader, $this->createMock(LoggerInterface::class)))->url(Area::named('orders'), '006'));
    }
}
