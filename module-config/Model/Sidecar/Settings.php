<?php
// Where the sidecar listens and the token it takes, from app/etc/env.php only ('forcebridge' =>
// ['sidecar_url', 'console_url', 'api_token']): never admin-editable configuration, so nobody can
// point Magento's bearer token at another server from the admin.
declare(strict_types=1);

namespace Forcebridge\Connector\Model\Sidecar;

use Forcebridge\Connector\Exception\NotConfigured;
use Magento\Framework\App\DeploymentConfig;

class Settings
{
    private const SIDECAR_URL = 'forcebridge/sidecar_url';
    private const CONSOLE_URL = 'forcebridge/console_url';
    private const API_TOKEN = 'forcebridge/api_token';
    private const MIN_TOKEN_LENGTH = 32;

    public function __construct(private DeploymentConfig $deploymentConfig)
    {
    }

    /** The server-to-server address, without a trailing slash. */
    public function sidecarUrl(): string
    {
        return $this->url(self::SIDECAR_URL) ?? throw $this->missing();
    }

    /** Where browsers reach the console; the sidecar URL unless console_url says otherwise. */
    public function consoleUrl(): string
    {
        return $this->url(self::CONSOLE_URL) ?? $this->sidecarUrl();
    }

    public function apiToken(): string
    {
        $token = (string) $this->deploymentConfig->get(self::API_TOKEN, '');
        if ($token === '') {
            throw $this->missing();
        }
        if (strlen($token) < self::MIN_TOKEN_LENGTH) {
            throw new NotConfigured(__(
                'forcebridge/api_token in app/etc/env.php must be the sidecar\'s FORCEBRIDGE_API_TOKEN (%1 characters or more).',
                self::MIN_TOKEN_LENGTH
            ));
        }
        return $token;
    }

    private function url(string $key): ?string
    {
        $url = trim((string) $this->deploymentConfig->get($key, ''));
        if ($url === '') {
            return null;
        }
        if (!preg_match('#^https?://[^/?\#\s]+(/[^?\#\s]*)?$#i', $url)) {
            throw new NotConfigured(__('%1 in app/etc/env.php must be an http:// or https:// address, not "%2".', $key, $url));
        }
        return rtrim($url, '/');
    }

    private function missing(): NotConfigured
    {
        return new NotConfigured(__(
            'Forcebridge is not set up: add \'forcebridge\' => [\'sidecar_url\' => \'http://127.0.0.1:8787\', \'api_token\' => \'<FORCEBRIDGE_API_TOKEN>\'] to app/etc/env.php.'
        ));
    }
}
