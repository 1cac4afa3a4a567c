<?php
// The single-use sign-in link that takes the current admin into the sidecar's console:
// <console_url>/admin/sign-in/magento?token=<payload>.<signature>, the payload base64url JSON
// {"u": username, "exp": now + 60 s, "n": 32 hex random nonce}, the signature base64url
// HMAC-SHA256 of the payload keyed with the API token. Magento's own admin sign-in (lockout,
// two-factor) is thus the console's door; the sidecar refuses a link that is reused or old.
declare(strict_types=1);

namespace Forcebridge\Connector\Model;

use Forcebridge\Connector\Exception\NotAllowed;
use Forcebridge\Connector\Model\Sidecar\AdminIdentity;
use Forcebridge\Connector\Model\Sidecar\Settings;
use Magento\Framework\Stdlib\DateTime\DateTime;

class ConsoleLink
{
    public const LIFETIME_SECONDS = 60;

    public function __construct(private Settings $settings, private AdminIdentity $admin, private DateTime $clock)
    {
    }

    /**
     * @throws NotAllowed outside an admin session
     * @throws \Forcebridge\Connector\Exception\NotConfigured
     */
    public function forCurrentAdmin(): string
    {
        $username = $this->admin->username() ?? throw new NotAllowed(__('Sign in to the Magento admin first.'));
        $payload = self::base64Url(json_encode([
            'u' => $username,
            'exp' => (int) $this->clock->gmtTimestamp() + self::LIFETIME_SECONDS,
            'n' => bin2hex(random_bytes(16)),
        ], JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE));
        $signature = self::base64Url(hash_hmac('sha256', $payload, $this->settings->apiToken(), true));
        return $this->settings->consoleUrl() . '/admin/sign-in/magento?token=' . $payload . '.' . $signature;
    }

    private static function base64Url(string $bytes): string
    {
        return rtrim(strtr(base64_encode($bytes), '+/', '-_'), '=');
    }
}
