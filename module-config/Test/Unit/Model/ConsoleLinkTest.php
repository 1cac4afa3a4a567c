<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Model;

use Forcebridge\Connector\Exception\NotAllowed;
use Forcebridge\Connector\Model\ConsoleLink;
use Forcebridge\Connector\Model\Sidecar\AdminIdentity;
use Forcebridge\Connector\Model\Sidecar\Settings;
use Magento\Framework\App\DeploymentConfig;
use Magento\Framework\Stdlib\DateTime\DateTime;
use PHPUnit\Framework\TestCase;

final class ConsoleLinkTest extends TestCase
{
    private const TOKEN = 'forcebridge-test-token-0123456789abcdef';
    private const NOW = 1_900_000_000;

    private function link(?string $admin): ConsoleLink
    {
        $env = ['forcebridge/sidecar_url' => 'http://127.0.0.1:8787', 'forcebridge/console_url' => 'https://shop.example.com:8787/', 'forcebridge/api_token' => self::TOKEN];
        $config = $this->createMock(DeploymentConfig::class);
        $config->method('get')->willReturnCallback(fn ($key, $default = null) => $env[$key] ?? $default);
        $identity = $this->createMock(AdminIdentity::class);
        $identity->method('username')->willReturn($admin);
        $clock = $this->createMock(DateTime::class);
        $clock->method('gmtTimestamp')->willReturn(self::NOW);
        return new ConsoleLink(new Settings($config), $identity, $clock);
    }

    private static function base64Url(string $bytes): string
    {
        return rtrim(strtr(base64_encode($bytes), '+/', '-_'), '=');
    }

    public function testMintsASignedShortLivedLinkForTheAdmin(): void
    {
        $url = $this->link('maría')->forCurrentAdmin();
        self::assertMatchesRegularExpression('#^https://shop\.example\.com:8787/admin/sign-in/magento\?token=([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$#', $url);
        preg_match('#token=([^.]+)\.(.+)$#', $url, $parts);
        self::assertSame(self::base64Url(hash_hmac('sha256', $parts[1], self::TOKEN, true)), $parts[2]);
        $payload = json_decode((string) base64_decode(strtr($parts[1], '-_', '+/')), true);
        self::assertSame(['u', 'exp', 'n'], array_keys($payload));
        self::assertSame('maría', $payload['u']);
        self::assertSame(self::NOW + 60, $payload['exp']);
        self::assertMatchesRegularExpression('/^[0-9a-f]{32}$/', $payload['n']);
    }

    public function testNeverMintsTheSameLinkTwice(): void
    {
        $link = $this->link('maria');
        self::assertNotSame($link->forCurrentAdmin(), $link->forCurrentAdmin());
    }

    public function testNeedsASignedInAdmin(): void
    {
        $this->expectException(NotAllowed::class);
        $this->link(null)->forCurrentAdmin();
    }
}
