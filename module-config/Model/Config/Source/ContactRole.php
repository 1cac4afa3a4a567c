<?php
// Opportunity Contact Role values of the org.
declare(strict_types=1);

namespace Forcebridge\Connector\Model\Config\Source;

class ContactRole extends SidecarPicklist
{
    protected const PICKLIST = 'contact-roles';
}
