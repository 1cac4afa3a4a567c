<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Model\Sidecar;

use Forcebridge\Connector\Model\Sidecar\AdminIdentity;
use Forcebridge\Connector\Test\Unit\Support\ControllerTestCase;
use Magento\Backend\Model\Auth\Session;
use Magento\User\Model\User;

final class AdminIdentityTest extends ControllerTestCase
{
    private function identity(?string $username): AdminIdentity
    {
        $user = null;
        if ($username !== null) {
            $user = $this->createMock(User::class);
            $user->method('getUserName')->willReturn($username);
        }
        $session = $this->getMockBuilder(Session::class)->disableOriginalConstructor()->addMethods(['getUser'])->getMock();
        $session->method('getUser')->willReturn($user);
        return new AdminIdentity($session, $this->authorization());
    }

    public function testNamesTheSignedInAdmin(): void
    {
        self::assertSame('maria', $this->identity('maria')->username());
        self::assertNull($this->identity(null)->username());
    }

    public function testNamesAllForARoleWithEverything(): void
    {
        $this->granted = ['Magento_Backend::all'];
        self::assertSame(['Magento_Backend::all'], $this->identity('maria')->resources());
    }

    public function testNamesOnlyTheForcebridgeResourcesARoleGrants(): void
    {
        $this->granted = ['Magento_Sales::sales', 'Forcebridge_Connector::salesforce', 'Forcebridge_Connector::abandoned_carts', 'Forcebridge_Connector::sync'];
        self::assertSame(['Forcebridge_Connector::salesforce', 'Forcebridge_Connector::abandoned_carts', 'Forcebridge_Connector::sync'], $this->identity('maria')->resources());
    }

    public function testKnowsEveryResourceOfAclXml(): void
    {
        $xml = (string) file_get_contents(dirname(__DIR__, 4) . '/etc/acl.xml');
        preg_match_all('/id="(Forcebridge_Connector::\w+)"/', $xml, $ids);
        self::assertEqualsCanonicalizing($ids[1], AdminIdentity::RESOURCES);
    }
}
