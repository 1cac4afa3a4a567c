<?php
// Input an admin request carried that Forcebridge cannot act on (HTTP 400 for the JSON controllers).
declare(strict_types=1);

namespace Forcebridge\Connector\Exception;

use Magento\Framework\Exception\LocalizedException;

class BadRequest extends LocalizedException
{
}
