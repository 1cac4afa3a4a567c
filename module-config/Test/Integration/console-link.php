<?php
// Prints a console sign-in link minted by Model\ConsoleLink for <username> with <api_token>, for
// test/integration/module-config-console-link.test.ts, which checks it with the sidecar's own code.
declare(strict_types=1);

require dirname(__DIR__) . '/Unit/bootstrap.php';

use Forcebridge\Connector\Model\ConsoleLink;
use Forcebridge\Connector\Model\Sidecar\AdminIdentity;
use Forcebridge\Connector\Model\Sidecar\Settings;
use Magento\Framework\App\DeploymentConfig;
use Magento\Framework\Stdlib\DateTime\DateTime;

[, $token, $username] = $argv + [null, '', ''];
$env = new class (['forcebridge/sidecar_url' => 'http://127.0.0.1:8787', 'forcebridge/api_token' => $token]) extends DeploymentConfig {
    public function __construct(private array $values)
    {
    }

    public function get($key = null, $defaultValue = null)
    {
        return $this->values[$key] ?? $defaultValue;
    }
};
$admin = new class ($username) extends AdminIdentity {
    public function __construct(private string $name)
    {
    }

    public function username(): ?string
    {
        return $this->name;
    }
};
echo (new ConsoleLink(new Settings($env), $admin, new DateTime()))->forCurrentAdmin(), "\n";
