<?php
// Not executed in this repository (it has no PHP); Magento runs it. Server-side calls from Magento to
// the sidecar's HTTP API. The API refuses anonymous callers, so the request carries the token the
// sidecar was given, kept in app/etc/env.php (forcebridge/api_token) rather than core_config_data,
// where it would show up in configuration exports.
declare(strict_types=1);

namespace Forcebridge\Connector\Model;

use Forcebridge\Connector\ViewModel\Sidecar;
use Magento\Framework\App\DeploymentConfig;
use Magento\Framework\Exception\LocalizedException;
use Magento\Framework\HTTP\Client\Curl;
use Magento\Framework\Serialize\Serializer\Json;

class SidecarClient
{
    private const TOKEN_PATH = 'forcebridge/api_token';
    private const TIMEOUT_SECONDS = 10;

    public function __construct(
        private Curl $curl,
        private Json $json,
        private Sidecar $sidecar,
        private DeploymentConfig $deploymentConfig
    ) {
    }

    /** @return array<mixed> the decoded JSON answer */
    public function get(string $path): array
    {
        $this->prepare();
        $this->send($path, fn (string $url) => $this->curl->get($url));
        return $this->answer($path);
    }

    /**
     * @param array<mixed> $body
     * @return array<mixed> the decoded JSON answer
     */
    public function post(string $path, array $body): array
    {
        $this->prepare();
        $this->curl->addHeader('Content-Type', 'application/json');
        $payload = $this->json->serialize($body);
        $this->send($path, fn (string $url) => $this->curl->post($url, $payload));
        return $this->answer($path);
    }

    /** Asks the sidecar to sync records now; the API names areas, Magento names entities. */
    public function requestSync(string $entity, array $ids): array
    {
        $areas = ['quote' => 'carts', 'order' => 'orders', 'customer' => 'customers'];
        if (!isset($areas[$entity])) {
            throw new \InvalidArgumentException(sprintf('Unknown record type "%s".', $entity));
        }
        return $this->post('/api/sync', ['area' => $areas[$entity], 'ids' => array_values($ids)]);
    }

    private function prepare(): void
    {
        $this->curl->setTimeout(self::TIMEOUT_SECONDS);
        $this->curl->addHeader('Accept', 'application/json');
        $token = (string) $this->deploymentConfig->get(self::TOKEN_PATH);
        if ($token !== '') {
            $this->curl->addHeader('Authorization', 'Bearer ' . $token);
        }
    }

    /** Magento's Curl throws a bare \Exception when the connection fails. */
    private function send(string $path, callable $request): void
    {
        try {
            $request($this->sidecar->getUrl() . $path);
        } catch (\Exception $error) {
            throw new LocalizedException(__('The Forcebridge sidecar did not answer %1: %2', $path, $error->getMessage()));
        }
    }

    /** @return array<mixed> */
    private function answer(string $path): array
    {
        $status = $this->curl->getStatus();
        $decoded = $this->json->unserialize($this->curl->getBody() ?: '{}');
        if ($status < 200 || $status >= 300) {
            $reason = is_array($decoded) && isset($decoded['error']) ? (string) $decoded['error'] : 'HTTP ' . $status;
            throw new LocalizedException(__('The Forcebridge sidecar refused %1: %2', $path, $reason));
        }
        return is_array($decoded) ? $decoded : [];
    }
}
