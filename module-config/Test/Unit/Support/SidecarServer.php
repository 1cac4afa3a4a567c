<?php
// A local HTTP server (php -S with sidecar-router.php) standing in for the sidecar, for the tests of
// the HTTP client: real sockets, real timeouts.
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Support;

final class SidecarServer
{
    /** @var resource */
    private $process;

    private function __construct(public readonly string $url, $process)
    {
        $this->process = $process;
    }

    public static function start(): self
    {
        $port = self::freePort();
        $process = proc_open(
            [PHP_BINARY, '-S', '127.0.0.1:' . $port, __DIR__ . '/sidecar-router.php'],
            [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']],
            $pipes
        );
        if (!is_resource($process)) {
            throw new \RuntimeException('Could not start php -S for the stand-in sidecar.');
        }
        $deadline = microtime(true) + 10;
        while (!($socket = @fsockopen('127.0.0.1', $port, $errno, $error, 0.2))) {
            if (microtime(true) > $deadline) {
                proc_terminate($process);
                throw new \RuntimeException("The stand-in sidecar did not start listening on port $port.");
            }
            usleep(50000);
        }
        fclose($socket);
        return new self('http://127.0.0.1:' . $port, $process);
    }

    /** A loopback port nothing listens on (bound, read, released). */
    public static function freePort(): int
    {
        $socket = stream_socket_server('tcp://127.0.0.1:0', $errno, $error);
        $port = (int) substr((string) strrchr((string) stream_socket_get_name($socket, false), ':'), 1);
        fclose($socket);
        return $port;
    }

    public function stop(): void
    {
        proc_terminate($this->process);
        proc_close($this->process);
    }
}
