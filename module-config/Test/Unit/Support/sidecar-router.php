<?php
// Router of the stand-in sidecar the client tests talk to (php -S): /echo answers with the request
// it got, /status/<code> refuses with that status, /slow/<seconds> answers late, /html answers
// like a proxy's error page.
declare(strict_types=1);

$path = (string) parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$answer = static function (int $status, string $body, string $type = 'application/json'): void {
    http_response_code($status);
    header('Content-Type: ' . $type);
    echo $body;
};

if (preg_match('#^/status/(\d{3})$#', $path, $match)) {
    $answer((int) $match[1], json_encode(['error' => 'Refused with ' . $match[1] . '.']));
} elseif (preg_match('#^/slow/(\d+)$#', $path, $match)) {
    sleep((int) $match[1]);
    $answer(200, '{"late": true}');
} elseif ($path === '/html') {
    $answer(502, '<html><body>Bad Gateway</body></html>', 'text/html');
} else {
    $headers = [];
    foreach ($_SERVER as $key => $value) {
        if (str_starts_with($key, 'HTTP_')) {
            $headers[strtolower(str_replace('_', '-', substr($key, 5)))] = $value;
        }
    }
    $answer(200, json_encode([
        'method' => $_SERVER['REQUEST_METHOD'],
        'path' => $path,
        'query' => $_GET,
        'headers' => $headers + ['content-type' => $_SERVER['CONTENT_TYPE'] ?? null],
        'body' => file_get_contents('php://input'),
    ]));
}
