<?php
// Links to the Salesforce record a Magento record became, from the sidecar's template
// (GET /api/links: {"recordUrl": ".../{object}/{id}/view"}, kept in Magento's cache). Without the
// sidecar the grids still show the Salesforce ID, just not as a link.
declare(strict_types=1);

namespace Forcebridge\Connector\Model;

use Forcebridge\Connector\Model\Sidecar\CachedReader;
use Magento\Framework\Exception\LocalizedException;
use Psr\Log\LoggerInterface;

class RecordLinks
{
    /** false until asked; null when the sidecar gave no template. */
    private string|null|false $template = false;

    public function __construct(private CachedReader $reader, private LoggerInterface $logger)
    {
    }

    public function url(Area $area, mixed $salesforceId): ?string
    {
        $id = is_string($salesforceId) ? trim($salesforceId) : '';
        $template = $id === '' ? null : $this->template();
        if ($template === null) {
            return null;
        }
        return strtr($template, ['{object}' => rawurlencode($area->salesforceObject), '{id}' => rawurlencode($id)]);
    }

    private function template(): ?string
    {
        if ($this->template === false) {
            $this->template = null;
            try {
                $answer = $this->reader->get('/api/links');
                $template = $answer->ok() ? ($answer->body['recordUrl'] ?? null) : null;
                $this->template = is_string($template) && preg_match('#^https?://#i', $template) ? $template : null;
                if ($this->template === null) {
                    $this->logger->warning('Forcebridge: no Salesforce record links: ' . ($answer->ok() ? 'recordUrl missing' : $answer->error()));
                }
            } catch (LocalizedException $error) {
                $this->logger->warning('Forcebridge: no Salesforce record links: ' . $error->getMessage());
            }
        }
        return $this->template;
    }
}
