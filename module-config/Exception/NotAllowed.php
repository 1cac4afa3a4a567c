<?php
// The acting admin's role lacks a Forcebridge resource the request needs (HTTP 403).
declare(strict_types=1);

namespace Forcebridge\Connector\Exception;

use Magento\Framework\Exception\LocalizedException;

class NotAllowed extends LocalizedException
{
}
