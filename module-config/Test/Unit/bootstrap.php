<?php
// PHPUnit bootstrap: the module's classes by PSR-4 (as composer.json maps them), then stand-ins for
// the Magento and PSR classes they use. Inside a Magento tree (MAGENTO_AUTOLOAD=<root>/vendor/autoload.php)
// the real classes load first and the stand-ins step aside.
declare(strict_types=1);

$magentoAutoload = getenv('MAGENTO_AUTOLOAD');
if (is_string($magentoAutoload) && $magentoAutoload !== '') {
    require $magentoAutoload;
}

$moduleRoot = dirname(__DIR__, 2);
spl_autoload_register(static function (string $class) use ($moduleRoot): void {
    $prefix = 'Forcebridge\\Connector\\';
    if (str_starts_with($class, $prefix)) {
        $file = $moduleRoot . '/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});

// Order matters: later files extend classes of earlier ones.
foreach (['psr-log', 'zend-db', 'framework', 'framework-db', 'modules'] as $stubs) {
    require __DIR__ . '/Stubs/' . $stubs . '.php';
}
