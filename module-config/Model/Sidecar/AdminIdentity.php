<?php
// Who is acting, as the sidecar is told on every call: the signed-in admin's username and the
// Forcebridge resources their role grants (Magento_Backend::all when it grants everything). The
// sidecar trusts these only together with the API token and enforces the resources itself.
declare(strict_types=1);

namespace Forcebridge\Connector\Model\Sidecar;

use Magento\Backend\Model\Auth\Session;
use Magento\Framework\AuthorizationInterface;

class AdminIdentity
{
    /** Every resource of etc/acl.xml, which the sidecar knows by the same ids. */
    public const RESOURCES = [
        'Forcebridge_Connector::salesforce',
        'Forcebridge_Connector::abandoned_carts',
        'Forcebridge_Connector::orders',
        'Forcebridge_Connector::customers',
        'Forcebridge_Connector::field_mappings',
        'Forcebridge_Connector::sync',
        'Forcebridge_Connector::config',
    ];
    private const ALL = 'Magento_Backend::all';

    public function __construct(private Session $session, private AuthorizationInterface $authorization)
    {
    }

    /** The signed-in admin's username, or null outside an admin session (cron, CLI). */
    public function username(): ?string
    {
        $user = $this->session->getUser();
        $name = $user ? (string) $user->getUserName() : '';
        return $name === '' ? null : $name;
    }

    /** @return string[] */
    public function resources(): array
    {
        if ($this->authorization->isAllowed(self::ALL)) {
            return [self::ALL];
        }
        return array_values(array_filter(self::RESOURCES, fn (string $id) => $this->authorization->isAllowed($id)));
    }
}
