<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Model\Sidecar;

use Forcebridge\Connector\Exception\NotConfigured;
use Forcebridge\Connector\Model\Sidecar\Settings;
use Magento\Framework\App\DeploymentConfig;
use PHPUnit\Framework\TestCase;

final class SettingsTest extends TestCase
{
    private const TOKEN = 'abcdefghijklmnopqrstuvwxyz0123456789';

    /** @param array<string, string> $env the forcebridge keys of app/etc/env.php */
    private function settings(array $env): Settings
    {
        $config = $this->createMock(DeploymentConfig::class);
        $config->method('get')->willReturnCallback(fn ($key, $default = null) => $env[substr((string) $key, strlen('forcebridge/'))] ?? $default);
        return new Settings($config);
    }

    public function testReadsTheSidecarFromEnvPhp(): void
    {
        $settings = $this->settings(['sidecar_url' => 'http://127.0.0.1:8787/', 'api_token' => self::TOKEN]);
        self::assertSame('http://127.0.0.1:8787', $settings->sidecarUrl());
        self::assertSame('http://127.0.0.1:8787', $settings->consoleUrl());
        self::assertSame(self::TOKEN, $settings->apiToken());
        self::assertSame('https://shop.example.com:8787', $this->settings(['sidecar_url' => 'http://10.0.0.5:8787', 'console_url' => 'https://shop.example.com:8787'])->consoleUrl());
    }

    public function testSaysWhatToAddWhenNothingIsConfigured(): void
    {
        $this->expectException(NotConfigured::class);
        $this->expectExceptionMessage("Forcebridge is not set up: add 'forcebridge' => ['sidecar_url' => 'http://127.0.0.1:8787', 'api_token' => '<FORCEBRIDGE_API_TOKEN>'] to app/etc/env.php.");
        $this->settings([])->sidecarUrl();
    }

    public function testRefusesAnAddressThatIsNotHttp(): void
    {
        $this->expectException(NotConfigured::class);
        $this->expectExceptionMessage('forcebridge/sidecar_url in app/etc/env.php must be an http:// or https:// address, not "ftp://sidecar".');
        $this->settings(['sidecar_url' => 'ftp://sidecar'])->sidecarUrl();
    }

    public function testRefusesAShortToken(): void
    {
        $this->expectException(NotConfigured::class);
        $this->expectExceptionMessage("forcebridge/api_token in app/etc/env.php must be the sidecar's FORCEBRIDGE_API_TOKEN (32 characters or more).");
        $this->settings(['api_token' => 'short'])->apiToken();
    }
}
