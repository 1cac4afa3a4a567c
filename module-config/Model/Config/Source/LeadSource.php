<?php
// Opportunity Lead Source values of the org; the empty value leaves Lead Source unset.
declare(strict_types=1);

namespace Forcebridge\Connector\Model\Config\Source;

class LeadSource extends SidecarPicklist
{
    protected const PICKLIST = 'lead-sources';
    protected const EMPTY_LABEL = 'None (leave empty)';
}
