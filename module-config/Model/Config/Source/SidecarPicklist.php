<?php
// Options of a Stores > Configuration dropdown read from the org through the sidecar
// (GET /api/picklists/<name>: [{"value": ..., "label": ...}, ...]), kept in Magento's cache, so the
// page asks the sidecar once per list at most. When the sidecar cannot answer the list is empty,
// the browser then submits nothing for the field, and saving the page leaves the stored value alone.
declare(strict_types=1);

namespace Forcebridge\Connector\Model\Config\Source;

use Forcebridge\Connector\Model\Sidecar\CachedReader;
use Magento\Framework\Data\OptionSourceInterface;
use Magento\Framework\Exception\LocalizedException;
use Psr\Log\LoggerInterface;

abstract class SidecarPicklist implements OptionSourceInterface
{
    /** The picklist's name in the sidecar's API. */
    protected const PICKLIST = '';

    /** When not empty, the label of a first option storing '' (a setting that may be left empty). */
    protected const EMPTY_LABEL = '';

    public function __construct(private CachedReader $reader, private LoggerInterface $logger)
    {
    }

    /** @return array<array{value: string, label: mixed}> */
    public function toOptionArray(): array
    {
        try {
            $answer = $this->reader->get('/api/picklists/' . static::PICKLIST);
        } catch (LocalizedException $error) {
            return $this->none($error->getMessage());
        }
        if (!$answer->ok()) {
            return $this->none($answer->error());
        }
        $options = static::EMPTY_LABEL === '' ? [] : [['value' => '', 'label' => __(static::EMPTY_LABEL)]];
        foreach ($answer->body as $entry) {
            if (is_array($entry) && isset($entry['value'], $entry['label'])) {
                $options[] = ['value' => (string) $entry['value'], 'label' => (string) $entry['label']];
            }
        }
        return $options;
    }

    /** @return array{} */
    private function none(string $reason): array
    {
        $this->logger->warning(sprintf('Forcebridge: no %s from the sidecar: %s', static::PICKLIST, $reason));
        return [];
    }
}
