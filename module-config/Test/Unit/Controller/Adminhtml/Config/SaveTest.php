<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Controller\Adminhtml\Config;

use Forcebridge\Connector\Controller\Adminhtml\Config\Save;
use Forcebridge\Connector\Model\Sidecar\Answer;
use Forcebridge\Connector\Model\Sidecar\Client;
use Forcebridge\Connector\Test\Unit\Support\ControllerTestCase;
use Magento\Framework\App\Action\HttpPostActionInterface;

final class SaveTest extends ControllerTestCase
{
    private function save(Client $client): void
    {
        (new Save($this->context(), $this->access(), $client))->execute();
    }

    public function testWritesFormFieldsThroughTheSidecar(): void
    {
        self::assertSame('Forcebridge_Connector::salesforce', Save::ADMIN_RESOURCE);
        self::assertContains(HttpPostActionInterface::class, class_implements(Save::class));
        $this->params = ['scope' => 'stores', 'scopeId' => '2', 'values' => ['forcebridge/order/draft_stage' => 'Qualification']];
        $client = $this->createMock(Client::class);
        $client->expects(self::once())->method('put')
            ->with('/api/config', ['scope' => 'stores', 'scopeId' => 2, 'values' => ['forcebridge/order/draft_stage' => 'Qualification']])
            ->willReturn(new Answer(200, ['saved' => 1]));
        $this->save($client);
        self::assertSame(['status' => 200, 'data' => ['saved' => 1]], $this->json);
    }

    public function testTakesAJsonObjectSoThatNullCanMeanUseTheParentScope(): void
    {
        $this->params = ['scope' => 'websites', 'scopeId' => '1', 'values' => '{"forcebridge/order/draft_stage": null}'];
        $client = $this->createMock(Client::class);
        $client->expects(self::once())->method('put')->with('/api/config', ['scope' => 'websites', 'scopeId' => 1, 'values' => ['forcebridge/order/draft_stage' => null]])
            ->willReturn(new Answer(200, []));
        $this->save($client);
    }

    public function testPassesOnTheSidecarsRefusalWithItsDetails(): void
    {
        $this->params = ['scope' => 'default', 'scopeId' => '0', 'values' => ['forcebridge/order/draft_stage' => 'Nope']];
        $refusal = ['error' => 'Some settings were refused; nothing was saved.', 'details' => [['field' => 'forcebridge/order/draft_stage', 'problem' => 'is not a stage of the org']]];
        $client = $this->createMock(Client::class);
        $client->method('put')->willReturn(new Answer(400, $refusal));
        $this->save($client);
        self::assertSame(['status' => 400, 'data' => $refusal], $this->json);
    }

    public function testRefusesValuesItCannotRead(): void
    {
        $client = $this->createMock(Client::class);
        $client->expects(self::never())->method('put');
        foreach ([
            [['scope' => 'default', 'scopeId' => '0', 'values' => '{not json'], 'values must be a JSON object of setting paths and values.'],
            [['scope' => 'default', 'scopeId' => '0', 'values' => ['a', 'b']], 'values must name at least one forcebridge/... setting and its value.'],
            [['scope' => 'default', 'scopeId' => '0'], 'values must name at least one forcebridge/... setting and its value.'],
            [['scope' => 'stores', 'scopeId' => 'x', 'values' => ['forcebridge/a/b' => '1']], 'scopeId must be a website or store view id, not "x".'],
        ] as [$params, $error]) {
            $this->params = $params;
            $this->save($client);
            self::assertSame(['status' => 400, 'data' => ['error' => $error]], $this->json);
        }
    }
}
