<?php
// Opportunity record types of the org; the value is the DeveloperName, and the empty value means the org's default record type.
declare(strict_types=1);

namespace Forcebridge\Connector\Model\Config\Source;

class RecordType extends SidecarPicklist
{
    protected const PICKLIST = 'record-types';
    protected const EMPTY_LABEL = 'The org\'s default record type';
}
