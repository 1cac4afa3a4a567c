<?php
// Checks the module against a Magento 2.4.8 tree, as `bin/magento setup:di:compile` would: every
// class loads with Magento's own parents and interfaces, and passes the constructor-integrity
// check the compiler runs on module code (Magento\Framework\Code\Validator with ConstructorIntegrity,
// added by Setup\Module\Di\Code\Reader\Decorator\Interceptions). Usage: php check.php <MAGENTO_ROOT>.
// Prints one JSON line per class: {"class": ..., "error": null | "<why>"}.
declare(strict_types=1);

$root = rtrim((string) ($argv[1] ?? ''), '/');
if ($root === '' || !is_dir("$root/vendor/magento/framework")) {
    fwrite(STDERR, "Give the root of a Magento 2.4.8 tree (with vendor/magento/framework).\n");
    exit(2);
}

if (!is_file("$root/vendor/autoload.php")) {
    fwrite(STDERR, "$root/vendor/autoload.php is missing: run composer install in the Magento tree first.\n");
    exit(2);
}
require "$root/vendor/autoload.php";

$module = dirname(__DIR__, 2);
spl_autoload_register(static function (string $class) use ($module): void {
    $prefix = 'Forcebridge\\Connector\\';
    if (str_starts_with($class, $prefix)) {
        $file = $module . '/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});

$validator = new Magento\Framework\Code\Validator();
$validator->add(new Magento\Framework\Code\Validator\ConstructorIntegrity());

$files = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($module, FilesystemIterator::SKIP_DOTS));
$classes = [];
foreach ($files as $file) {
    $relative = substr($file->getPathname(), strlen($module) + 1);
    if ($file->getExtension() === 'php' && !str_starts_with($relative, 'Test/') && $relative !== 'registration.php') {
        $classes[] = 'Forcebridge\\Connector\\' . str_replace('/', '\\', substr($relative, 0, -4));
    }
}
sort($classes);
foreach ($classes as $class) {
    try {
        if (!class_exists($class) && !interface_exists($class) && !trait_exists($class)) {
            throw new RuntimeException('the file does not declare it');
        }
        $validator->validate($class);
        $error = null;
    } catch (Throwable $failure) {
        $error = get_class($failure) . ': ' . $failure->getMessage();
    }
    echo json_encode(['class' => $class, 'error' => $error], JSON_UNESCAPED_SLASHES), "\n";
}
