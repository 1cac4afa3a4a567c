<?php
// Prints the grids' SQL (Test/Unit/Support/GridQueries.php) as JSON for
// test/integration/module-config-grid-sql.test.ts, which runs it against MariaDB.
declare(strict_types=1);

require dirname(__DIR__) . '/Unit/bootstrap.php';

echo json_encode((new Forcebridge\Connector\Test\Unit\Support\GridQueries())->all(), JSON_THROW_ON_ERROR | JSON_PRETTY_PRINT), "\n";
