<?php
// The sidecar did not answer in time, or not with JSON (HTTP 503). The sentence is the contract's,
// shown as is by the admin-ui components and in admin messages.
declare(strict_types=1);

namespace Forcebridge\Connector\Exception;

use Magento\Framework\Exception\LocalizedException;

class SidecarUnavailable extends LocalizedException
{
    public function __construct(string $reason)
    {
        parent::__construct(__("Forcebridge's sidecar did not answer (%1); try again shortly.", $reason));
    }
}
