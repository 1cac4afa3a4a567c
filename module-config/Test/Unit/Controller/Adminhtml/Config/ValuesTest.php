<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Controller\Adminhtml\Config;

use Forcebridge\Connector\Controller\Adminhtml\Config\Values;
use Forcebridge\Connector\Exception\NotConfigured;
use Forcebridge\Connector\Model\Sidecar\Answer;
use Forcebridge\Connector\Model\Sidecar\Client;
use Forcebridge\Connector\Test\Unit\Support\ControllerTestCase;
use Magento\Framework\App\Action\HttpGetActionInterface;

final class ValuesTest extends ControllerTestCase
{
    public function testRelaysTheSettingsOfAScope(): void
    {
        self::assertSame('Forcebridge_Connector::salesforce', Values::ADMIN_RESOURCE);
        self::assertContains(HttpGetActionInterface::class, class_implements(Values::class));
        $this->params = ['scope' => 'websites', 'scopeId' => '1'];
        $client = $this->createMock(Client::class);
        $client->expects(self::once())->method('get')->with('/api/config', ['scope' => 'websites', 'scopeId' => '1'])
            ->willReturn(new Answer(200, ['values' => ['forcebridge/order/automatic_sync' => ['value' => '1']]]));
        (new Values($this->context(), $this->access(), $client))->execute();
        self::assertSame(['status' => 200, 'data' => ['values' => ['forcebridge/order/automatic_sync' => ['value' => '1']]]], $this->json);
    }

    public function testAsksForTheDefaultScopeWhenNoneIsGivenAndRelaysRefusals(): void
    {
        $client = $this->createMock(Client::class);
        $client->expects(self::once())->method('get')->with('/api/config', ['scope' => 'default', 'scopeId' => '0'])
            ->willReturn(new Answer(400, ['error' => 'The scope is not valid.']));
        (new Values($this->context(), $this->access(), $client))->execute();
        self::assertSame(['status' => 400, 'data' => ['error' => 'The scope is not valid.']], $this->json);
    }

    public function testSaysWhenTheModuleIsNotSetUp(): void
    {
        $client = $this->createMock(Client::class);
        $client->method('get')->willThrowException(new NotConfigured(__('Forcebridge is not set up.')));
        (new Values($this->context(), $this->access(), $client))->execute();
        self::assertSame(['status' => 503, 'data' => ['error' => 'Forcebridge is not set up.']], $this->json);
    }
}
