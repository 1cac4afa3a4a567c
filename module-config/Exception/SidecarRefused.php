<?php
// The sidecar answered but refused the request; the message is its own sentence and the status its
// own, so the JSON controllers can pass both on.
declare(strict_types=1);

namespace Forcebridge\Connector\Exception;

use Magento\Framework\Exception\LocalizedException;
use Magento\Framework\Phrase;

class SidecarRefused extends LocalizedException
{
    public function __construct(Phrase $phrase, public readonly int $status)
    {
        parent::__construct($phrase);
    }
}
