<?php
// Not executed in this repository (it has no PHP); Magento runs it. Options of a configuration
// dropdown read from the org through the sidecar: GET {sidecar_url}/api/picklists/<name>, answered
// with [{"value": ..., "label": ...}, ...]. When the sidecar cannot answer, the list holds only the
// empty option (if the setting has one) and the admin-ui config form (in the browser) offers the values instead.
declare(strict_types=1);

namespace Forcebridge\Connector\Model\Config\Source;

use Forcebridge\Connector\Model\SidecarClient;
use Magento\Framework\Data\OptionSourceInterface;
use Magento\Framework\Exception\LocalizedException;
use Psr\Log\LoggerInterface;

abstract class SidecarPicklist implements OptionSourceInterface
{
    /** The picklist's name in the sidecar's API. */
    protected const PICKLIST = '';

    /** When not empty, the label of a first option storing '' (a setting that may be left empty). */
    protected const EMPTY_LABEL = '';

    public function __construct(private SidecarClient $client, private LoggerInterface $logger)
    {
    }

    /** @return array<array{value: string, label: mixed}> */
    public function toOptionArray(): array
    {
        $options = static::EMPTY_LABEL === '' ? [] : [['value' => '', 'label' => __(static::EMPTY_LABEL)]];
        try {
            $entries = $this->client->get('/api/picklists/' . static::PICKLIST);
        } catch (LocalizedException | \InvalidArgumentException $error) { // refused, unreachable or not JSON
            $this->logger->warning('Forcebridge: no ' . static::PICKLIST . ' from the sidecar: ' . $error->getMessage());
            return $options;
        }
        foreach ($entries as $entry) {
            if (is_array($entry) && isset($entry['value'], $entry['label'])) {
                $options[] = ['value' => (string) $entry['value'], 'label' => (string) $entry['label']];
            }
        }
        return $options;
    }
}
