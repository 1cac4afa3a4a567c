<?php
// Server-to-server calls from Magento to the sidecar's HTTP API. Each call gets a fresh HTTP client
// (never Magento's shared Curl, whose headers would leak the token into other modules' calls),
// short timeouts so an admin page never hangs on a stopped sidecar, and the headers that name the
// acting admin. Once the sidecar has not answered, it is not asked again during the same request:
// a page with many dropdowns would otherwise wait the timeout for each.
declare(strict_types=1);

namespace Forcebridge\Connector\Model\Sidecar;

use Forcebridge\Connector\Exception\SidecarUnavailable;
use Magento\Framework\HTTP\Client\CurlFactory;

class Client
{
    private ?string $noAnswer = null;

    public function __construct(
        private CurlFactory $curlFactory,
        private Settings $settings,
        private AdminIdentity $admin,
        private int $connectTimeoutSeconds = 2,
        private int $timeoutSeconds = 5
    ) {
    }

    /** @param array<string, scalar> $query */
    public function get(string $path, array $query = []): Answer
    {
        return $this->send('GET', $path . ($query === [] ? '' : '?' . http_build_query($query)), null);
    }

    /** @param array<mixed> $body */
    public function post(string $path, array $body): Answer
    {
        return $this->send('POST', $path, $body);
    }

    /** @param array<mixed> $body */
    public function put(string $path, array $body): Answer
    {
        return $this->send('PUT', $path, $body);
    }

    /**
     * @param array<mixed>|null $body
     * @throws SidecarUnavailable
     * @throws \Forcebridge\Connector\Exception\NotConfigured
     */
    private function send(string $method, string $pathAndQuery, ?array $body): Answer
    {
        if ($this->noAnswer !== null) {
            throw new SidecarUnavailable($this->noAnswer);
        }
        $url = $this->settings->sidecarUrl() . $pathAndQuery;
        $curl = $this->curlFactory->create();
        $curl->setOption(CURLOPT_CONNECTTIMEOUT, $this->connectTimeoutSeconds);
        $curl->setTimeout($this->timeoutSeconds);
        foreach ($this->headers() as $name => $value) {
            $curl->addHeader($name, $value);
        }
        if ($body !== null) {
            $curl->addHeader('Content-Type', 'application/json');
            if ($method !== 'POST') {
                // Magento's Curl only posts; the custom method is applied over the POST it builds.
                $curl->setOption(CURLOPT_CUSTOMREQUEST, $method);
            }
        }
        $payload = $body === null ? null : json_encode($body, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES);
        try {
            if ($payload === null) {
                $curl->get($url);
            } else {
                $curl->post($url, $payload);
            }
        } catch (\Exception $error) {
            // Magento's Curl throws a bare \Exception carrying curl's own words ("Connection refused").
            $this->noAnswer = $error->getMessage();
            throw new SidecarUnavailable($this->noAnswer);
        }
        return Answer::fromHttp((int) $curl->getStatus(), (string) $curl->getBody());
    }

    /** @return array<string, string> */
    private function headers(): array
    {
        $headers = [
            'Accept' => 'application/json',
            'Authorization' => 'Bearer ' . $this->settings->apiToken(),
        ];
        $username = $this->admin->username();
        if ($username !== null) {
            $headers['X-Forcebridge-Admin'] = $username;
            $headers['X-Forcebridge-Resources'] = implode(',', $this->admin->resources());
        }
        return $headers;
    }
}
