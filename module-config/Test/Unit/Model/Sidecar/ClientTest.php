<?php
// The sidecar client against a real HTTP server on the loopback (php -S): headers, methods and
// bodies as the sidecar receives them, timeouts, and the contract's sentence when nothing answers.
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Model\Sidecar;

use Forcebridge\Connector\Exception\NotConfigured;
use Forcebridge\Connector\Exception\SidecarUnavailable;
use Forcebridge\Connector\Model\Sidecar\AdminIdentity;
use Forcebridge\Connector\Model\Sidecar\Client;
use Forcebridge\Connector\Model\Sidecar\Settings;
use Forcebridge\Connector\Test\Unit\Support\SidecarServer;
use Magento\Framework\App\DeploymentConfig;
use Magento\Framework\HTTP\Client\Curl;
use Magento\Framework\HTTP\Client\CurlFactory;
use PHPUnit\Framework\TestCase;

final class ClientTest extends TestCase
{
    private const TOKEN = 'forcebridge-test-token-0123456789abcdef';
    private static SidecarServer $server;
    private int $clientsMade = 0;

    public static function setUpBeforeClass(): void
    {
        self::$server = SidecarServer::start();
    }

    public static function tearDownAfterClass(): void
    {
        self::$server->stop();
    }

    private function client(?string $url = null, ?string $admin = 'maria', int $timeout = 5, ?CurlFactory $factory = null): Client
    {
        $env = ['forcebridge/sidecar_url' => $url ?? self::$server->url, 'forcebridge/api_token' => self::TOKEN];
        $config = $this->createMock(DeploymentConfig::class);
        $config->method('get')->willReturnCallback(fn ($key, $default = null) => $env[$key] ?? $default);
        $identity = $this->createMock(AdminIdentity::class);
        $identity->method('username')->willReturn($admin);
        $identity->method('resources')->willReturn(['Forcebridge_Connector::salesforce', 'Forcebridge_Connector::orders']);
        if ($factory === null) {
            $factory = $this->createMock(CurlFactory::class);
            $factory->method('create')->willReturnCallback(function () {
                $this->clientsMade++;
                return new Curl();
            });
        }
        return new Client($factory, new Settings($config), $identity, 2, $timeout);
    }

    public function testSendsTheTokenAndTheActingAdminOnEveryCall(): void
    {
        $answer = $this->client()->get('/api/config', ['scope' => 'stores', 'scopeId' => '2']);
        self::assertSame(200, $answer->status);
        self::assertSame('GET', $answer->body['method']);
        self::assertSame('/api/config', $answer->body['path']);
        self::assertSame(['scope' => 'stores', 'scopeId' => '2'], $answer->body['query']);
        $headers = $answer->body['headers'];
        self::assertSame('Bearer ' . self::TOKEN, $headers['authorization']);
        self::assertSame('maria', $headers['x-forcebridge-admin']);
        self::assertSame('Forcebridge_Connector::salesforce,Forcebridge_Connector::orders', $headers['x-forcebridge-resources']);
        self::assertSame('application/json', $headers['accept']);
    }

    public function testNamesNoAdminOutsideAnAdminSession(): void
    {
        $headers = $this->client(null, null)->get('/echo')->body['headers'];
        self::assertArrayNotHasKey('x-forcebridge-admin', $headers);
        self::assertArrayNotHasKey('x-forcebridge-resources', $headers);
        self::assertSame('Bearer ' . self::TOKEN, $headers['authorization']);
    }

    public function testPostsAndPutsJson(): void
    {
        $posted = $this->client()->post('/api/sync', ['area' => 'orders', 'ids' => [1, 2]])->body;
        self::assertSame(['POST', '{"area":"orders","ids":[1,2]}', 'application/json'], [$posted['method'], $posted['body'], $posted['headers']['content-type']]);
        $put = $this->client()->put('/api/config', ['scope' => 'default', 'scopeId' => 0, 'values' => ['forcebridge/order/stage' => null]])->body;
        self::assertSame(['PUT', '{"scope":"default","scopeId":0,"values":{"forcebridge/order/stage":null}}'], [$put['method'], $put['body']]);
    }

    public function testUsesAFreshHttpClientForEachCall(): void
    {
        $client = $this->client();
        $client->get('/echo');
        $client->get('/echo');
        self::assertSame(2, $this->clientsMade);
    }

    public function testHandsBackARefusalWithItsStatus(): void
    {
        $answer = $this->client()->get('/status/403');
        self::assertSame(403, $answer->status);
        self::assertSame('Refused with 403.', $answer->error());
    }

    public function testSaysTheSidecarDidNotAnswerWhenNothingListens(): void
    {
        $client = $this->client('http://127.0.0.1:' . SidecarServer::freePort());
        try {
            $client->get('/api/scopes');
            self::fail('expected no answer');
        } catch (SidecarUnavailable $error) {
            self::assertMatchesRegularExpression("/^Forcebridge's sidecar did not answer \(.*(refused|connect).*\); try again shortly\.$/i", $error->getMessage());
        }
        // The same request does not wait for the sidecar again.
        $this->expectException(SidecarUnavailable::class);
        $client->get('/api/links');
    }

    public function testGivesUpOnASlowSidecarAfterTheTotalTimeout(): void
    {
        $started = microtime(true);
        try {
            $this->client(null, 'maria', 1)->get('/slow/2');
            self::fail('expected a timeout');
        } catch (SidecarUnavailable $error) {
            self::assertStringContainsStringIgnoringCase('timed out', $error->getMessage());
        }
        self::assertLessThan(3.0, microtime(true) - $started);
    }

    public function testTreatsAProxyErrorPageAsNoAnswer(): void
    {
        $this->expectException(SidecarUnavailable::class);
        $this->expectExceptionMessage('HTTP 502 without a JSON body');
        $this->client()->get('/html');
    }

    public function testConnectsWithinTwoSecondsAndAnswersWithinFiveByDefault(): void
    {
        $curl = $this->createMock(Curl::class);
        $curl->expects(self::once())->method('setOption')->with(CURLOPT_CONNECTTIMEOUT, 2);
        $curl->expects(self::once())->method('setTimeout')->with(5);
        $curl->method('getStatus')->willReturn(200);
        $curl->method('getBody')->willReturn('{}');
        $factory = $this->createMock(CurlFactory::class);
        $factory->method('create')->willReturn($curl);
        $env = ['forcebridge/sidecar_url' => 'http://127.0.0.1:1', 'forcebridge/api_token' => self::TOKEN];
        $config = $this->createMock(DeploymentConfig::class);
        $config->method('get')->willReturnCallback(fn ($key, $default = null) => $env[$key] ?? $default);
        $client = new Client($factory, new Settings($config), $this->createMock(AdminIdentity::class));
        self::assertSame([], $client->get('/api/links')->body);
    }

    public function testRefusesToCallWithoutEnvPhpSettings(): void
    {
        $config = $this->createMock(DeploymentConfig::class);
        $config->method('get')->willReturnCallback(fn ($key, $default = null) => $default);
        $client = new Client($this->createMock(CurlFactory::class), new Settings($config), $this->createMock(AdminIdentity::class));
        $this->expectException(NotConfigured::class);
        $client->get('/api/links');
    }
}
