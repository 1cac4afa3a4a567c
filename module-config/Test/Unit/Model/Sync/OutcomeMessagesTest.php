<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Model\Sync;

use Forcebridge\Connector\Exception\SidecarUnavailable;
use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Model\Sync\JobProgress;
use Forcebridge\Connector\Model\Sync\OutcomeMessages;
use Magento\Framework\Message\ManagerInterface;
use PHPUnit\Framework\TestCase;

final class OutcomeMessagesTest extends TestCase
{
    /** @var array<array{string, string}> */
    private array $shown = [];

    private function messages(): ManagerInterface
    {
        $messages = $this->createMock(ManagerInterface::class);
        foreach (['addSuccessMessage' => 'success', 'addErrorMessage' => 'error', 'addWarningMessage' => 'warning'] as $method => $type) {
            $messages->method($method)->willReturnCallback(function ($text) use ($type, $messages) {
                $this->shown[] = [$type, (string) $text];
                return $messages;
            });
        }
        return $messages;
    }

    public function testReportsTheOutcomeOfAFinishedJob(): void
    {
        $progress = $this->createMock(JobProgress::class);
        $progress->method('awaitFinished')->willReturn(['finished' => true, 'total' => 3, 'synced' => 3, 'failed' => 0, 'skipped' => 0]);
        (new OutcomeMessages($progress, $this->messages()))->report(Area::named('orders'), 3, ['job']);
        self::assertSame([['success', 'Salesforce sync of 3 orders: 3 synced, 0 failed, 0 skipped.']], $this->shown);
    }

    public function testReportsFailuresAsAnError(): void
    {
        $progress = $this->createMock(JobProgress::class);
        $progress->method('awaitFinished')->willReturn(['finished' => true, 'total' => 2, 'synced' => 1, 'failed' => 1, 'skipped' => 0]);
        (new OutcomeMessages($progress, $this->messages()))->report(Area::named('carts'), 2, ['job']);
        self::assertSame('error', $this->shown[0][0]);
        self::assertStringStartsWith('Salesforce sync of 2 abandoned carts: 1 synced, 1 failed, 0 skipped.', $this->shown[0][1]);
    }

    public function testSaysRecordsWereSentWhenTheJobRunsLongerOrThereAreMany(): void
    {
        $progress = $this->createMock(JobProgress::class);
        $progress->expects(self::once())->method('awaitFinished')->willReturn(null);
        $outcome = new OutcomeMessages($progress, $this->messages());
        $outcome->report(Area::named('customers'), 40, ['job']);
        $outcome->report(Area::named('customers'), 1200, ['a', 'b', 'c']);
        self::assertSame([
            ['success', '40 customers sent to Salesforce; the Salesforce Sync column shows each result once it is done.'],
            ['success', '1200 customers sent to Salesforce; the Salesforce Sync column shows each result once it is done.'],
        ], $this->shown);
    }

    public function testWarnsWhenProgressCannotBeRead(): void
    {
        $progress = $this->createMock(JobProgress::class);
        $progress->method('awaitFinished')->willThrowException(new SidecarUnavailable('Operation timed out'));
        (new OutcomeMessages($progress, $this->messages()))->report(Area::named('orders'), 1, ['job']);
        self::assertSame('warning', $this->shown[0][0]);
        self::assertStringContainsString('1 order sent to Salesforce, but their progress is unknown', $this->shown[0][1]);
    }
}
