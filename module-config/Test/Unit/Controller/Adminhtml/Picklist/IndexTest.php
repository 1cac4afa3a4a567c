<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Controller\Adminhtml\Picklist;

use Forcebridge\Connector\Controller\Adminhtml\Picklist\Index;
use Forcebridge\Connector\Exception\SidecarUnavailable;
use Forcebridge\Connector\Model\Sidecar\Answer;
use Forcebridge\Connector\Model\Sidecar\CachedReader;
use Forcebridge\Connector\Test\Unit\Support\ControllerTestCase;
use Magento\Framework\App\Action\HttpGetActionInterface;

final class IndexTest extends ControllerTestCase
{
    public function testAnswersFromTheCachedPicklist(): void
    {
        self::assertSame('Forcebridge_Connector::salesforce', Index::ADMIN_RESOURCE);
        self::assertContains(HttpGetActionInterface::class, class_implements(Index::class));
        $this->params = ['name' => 'contact-roles'];
        $reader = $this->createMock(CachedReader::class);
        $reader->expects(self::once())->method('get')->with('/api/picklists/contact-roles')
            ->willReturn(new Answer(200, [['value' => 'Decision Maker', 'label' => 'Decision Maker']]));
        (new Index($this->context(), $this->access(), $reader))->execute();
        self::assertSame(['status' => 200, 'data' => [['value' => 'Decision Maker', 'label' => 'Decision Maker']]], $this->json);
    }

    public function testRefusesAnUnknownPicklist(): void
    {
        $this->params = ['name' => '../config'];
        $reader = $this->createMock(CachedReader::class);
        $reader->expects(self::never())->method('get');
        (new Index($this->context(), $this->access(), $reader))->execute();
        self::assertSame(['status' => 400, 'data' => ['error' => '"../config" is not a picklist: use stages, record-types, contact-roles, lead-sources.']], $this->json);
    }

    public function testAnswers503WhenTheSidecarIsDown(): void
    {
        $this->params = ['name' => 'stages'];
        $reader = $this->createMock(CachedReader::class);
        $reader->method('get')->willThrowException(new SidecarUnavailable('Operation timed out after 5001 milliseconds'));
        (new Index($this->context(), $this->access(), $reader))->execute();
        self::assertSame(['status' => 503, 'data' => ['error' => "Forcebridge's sidecar did not answer (Operation timed out after 5001 milliseconds); try again shortly."]], $this->json);
    }
}
