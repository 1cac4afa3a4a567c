<?php
// Opportunity stages (StageName values) of the org.
declare(strict_types=1);

namespace Forcebridge\Connector\Model\Config\Source;

class OpportunityStage extends SidecarPicklist
{
    protected const PICKLIST = 'stages';
}
