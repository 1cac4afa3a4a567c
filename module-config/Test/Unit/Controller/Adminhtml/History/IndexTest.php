<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Controller\Adminhtml\History;

use Forcebridge\Connector\Controller\Adminhtml\History\Index;
use Forcebridge\Connector\Model\Sidecar\Answer;
use Forcebridge\Connector\Model\Sidecar\Client;
use Forcebridge\Connector\Test\Unit\Support\ControllerTestCase;
use Magento\Framework\App\Action\HttpGetActionInterface;

final class IndexTest extends ControllerTestCase
{
    public function testRelaysARecordsHistory(): void
    {
        self::assertSame('Forcebridge_Connector::salesforce', Index::ADMIN_RESOURCE);
        self::assertContains(HttpGetActionInterface::class, class_implements(Index::class));
        $this->params = ['area' => 'orders', 'id' => '77'];
        $client = $this->createMock(Client::class);
        $client->expects(self::once())->method('get')->with('/api/history/orders/77')->willReturn(new Answer(200, ['events' => []]));
        (new Index($this->context(), $this->access(), $client))->execute();
        self::assertSame(['status' => 200, 'data' => ['events' => []]], $this->json);
    }

    public function testNeedsTheAreasResource(): void
    {
        $this->granted = ['Forcebridge_Connector::salesforce', 'Forcebridge_Connector::abandoned_carts'];
        $this->params = ['area' => 'customers', 'id' => '77'];
        $client = $this->createMock(Client::class);
        $client->expects(self::never())->method('get');
        (new Index($this->context(), $this->access(), $client))->execute();
        self::assertSame(403, $this->json['status']);
    }

    public function testRefusesAnIdThatIsNotARecords(): void
    {
        $this->params = ['area' => 'orders', 'id' => '7/../../x'];
        (new Index($this->context(), $this->access(), $this->createMock(Client::class)))->execute();
        self::assertSame(['status' => 400, 'data' => ['error' => '"id" must be a record id, not "7/../../x".']], $this->json);
    }
}
