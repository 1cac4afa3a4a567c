<?php
// What the acting admin's role allows in an area: seeing its records' Salesforce state (the area's
// resource) and syncing them (that and Forcebridge_Connector::sync). Controllers demand it; grid
// columns, actions and buttons hide themselves when it is missing.
declare(strict_types=1);

namespace Forcebridge\Connector\Model;

use Forcebridge\Connector\Exception\NotAllowed;
use Magento\Framework\AuthorizationInterface;

class AreaAccess
{
    public const SYNC_RESOURCE = 'Forcebridge_Connector::sync';

    public function __construct(private AuthorizationInterface $authorization)
    {
    }

    public function may(Area $area, bool $sync = false): bool
    {
        return $this->missing($area, $sync) === [];
    }

    /** @throws NotAllowed naming the resources the role lacks */
    public function demand(Area $area, bool $sync = false): void
    {
        $missing = $this->missing($area, $sync);
        if ($missing !== []) {
            throw new NotAllowed(__('Your admin role does not allow this (it needs %1).', implode(' and ', $missing)));
        }
    }

    /** @return string[] */
    private function missing(Area $area, bool $sync): array
    {
        $needed = $sync ? [$area->resource, self::SYNC_RESOURCE] : [$area->resource];
        return array_values(array_filter($needed, fn (string $resource) => !$this->authorization->isAllowed($resource)));
    }
}
