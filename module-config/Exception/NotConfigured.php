<?php
// app/etc/env.php does not say where the sidecar is or which token it takes (HTTP 503: an
// installation step is missing, nothing the admin can fix from the page).
declare(strict_types=1);

namespace Forcebridge\Connector\Exception;

use Magento\Framework\Exception\LocalizedException;

class NotConfigured extends LocalizedException
{
}
