<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Model\Config\Source;

use Forcebridge\Connector\Exception\SidecarUnavailable;
use Forcebridge\Connector\Model\Config\Source\ContactRole;
use Forcebridge\Connector\Model\Config\Source\LeadSource;
use Forcebridge\Connector\Model\Config\Source\OpportunityStage;
use Forcebridge\Connector\Model\Config\Source\RecordType;
use Forcebridge\Connector\Model\Sidecar\Answer;
use Forcebridge\Connector\Model\Sidecar\CachedReader;
use PHPUnit\Framework\TestCase;
use Psr\Log\LoggerInterface;

final class SidecarPicklistTest extends TestCase
{
    /** @return array<string, array{class-string, string, string|null}> */
    public static function sources(): array
    {
        return [
            'stages' => [OpportunityStage::class, 'stages', null],
            'record types' => [RecordType::class, 'record-types', "The org's default record type"],
            'contact roles' => [ContactRole::class, 'contact-roles', null],
            'lead sources' => [LeadSource::class, 'lead-sources', 'None (leave empty)'],
        ];
    }

    /** @dataProvider sources */
    public function testOffersTheOrgsValuesFromTheCachedPicklist(string $class, string $name, ?string $emptyLabel): void
    {
        $reader = $this->createMock(CachedReader::class);
        $reader->expects(self::once())->method('get')->with('/api/picklists/' . $name)
            ->willReturn(new Answer(200, [['value' => 'Value A', 'label' => 'Value A'], ['bad' => 'entry']]));
        $options = (new $class($reader, $this->createMock(LoggerInterface::class)))->toOptionArray();
        $expected = [['value' => 'Value A', 'label' => 'Value A']];
        if ($emptyLabel !== null) {
            array_unshift($expected, ['value' => '', 'label' => $emptyLabel]);
        }
        self::assertSame($expected, array_map(fn ($option) => ['value' => $option['value'], 'label' => (string) $option['label']], $options));
    }

    /** @dataProvider sources */
    public function testOffersNothingWhenTheSidecarCannotAnswerSoSavingKeepsTheStoredValue(string $class): void
    {
        $reader = $this->createMock(CachedReader::class);
        $reader->method('get')->willThrowException(new SidecarUnavailable('Connection refused'));
        $logger = $this->createMock(LoggerInterface::class);
        $logger->expects(self::once())->method('warning')->with(self::stringContains('Connection refused'));
        self::assertSame([], (new $class($reader, $logger))->toOptionArray());
    }

    public function testOffersNothingWhenTheSidecarRefuses(): void
    {
        $reader = $this->createMock(CachedReader::class);
        $reader->method('get')->willReturn(new Answer(403, ['error' => 'No.']));
        self::assertSame([], (new LeadSource($reader, $this->createMock(LoggerInterface::class)))->toOptionArray());
    }
}
