<?php
// Stand-ins for the parts of magento/framework the module uses, written for these tests from the
// framework's public API (names and signatures), each declared only when the real one is missing.
// Behaviour is the least the module relies on; the DB classes render SQL text the way Zend_Db_Select
// assembles it so the grid SQL can be run against MariaDB (test/integration/module-config-grid-sql).
declare(strict_types=1);

namespace {
    if (!function_exists('__')) {
        function __($text, ...$arguments): \Magento\Framework\Phrase
        {
            if (isset($arguments[0]) && is_array($arguments[0])) {
                $arguments = $arguments[0];
            }
            return new \Magento\Framework\Phrase((string) $text, $arguments);
        }
    }
}

namespace Magento\Framework {
    if (!class_exists(Phrase::class)) {
        class Phrase implements \JsonSerializable
        {
            public function __construct(private string $text, private array $arguments = [])
            {
            }

            public function getText(): string
            {
                return $this->text;
            }

            public function getArguments(): array
            {
                return $this->arguments;
            }

            public function render(): string
            {
                $replacements = [];
                foreach (array_values($this->arguments) as $index => $value) {
                    $replacements['%' . ($index + 1)] = (string) $value;
                }
                return strtr($this->text, $replacements);
            }

            public function __toString(): string
            {
                return $this->render();
            }

            public function jsonSerialize(): string
            {
                return $this->render();
            }
        }
    }
    if (!interface_exists(AuthorizationInterface::class)) {
        interface AuthorizationInterface
        {
            public function isAllowed($resource, $privilege = null);
        }
    }
    if (!interface_exists(UrlInterface::class)) {
        interface UrlInterface
        {
            public function getUrl($routePath = null, $routeParams = null);
        }
    }
    if (!class_exists(DataObject::class)) {
        class DataObject
        {
            public function __construct(protected array $_data = [])
            {
            }

            public function getData($key = '', $index = null)
            {
                if ($key === '') {
                    return $this->_data;
                }
                $value = $this->_data;
                foreach (explode('/', (string) $key) as $part) {
                    if (!is_array($value) || !array_key_exists($part, $value)) {
                        return null;
                    }
                    $value = $value[$part];
                }
                return $value;
            }

            public function setData($key, $value = null)
            {
                if (is_array($key)) {
                    $this->_data = $key;
                } else {
                    $this->_data[$key] = $value;
                }
                return $this;
            }

            public function hasData($key = '')
            {
                return $key === '' ? $this->_data !== [] : array_key_exists($key, $this->_data);
            }

            public function __call($method, $args)
            {
                $key = strtolower(ltrim((string) preg_replace('/([A-Z])/', '_$1', substr($method, 3)), '_'));
                return match (substr($method, 0, 3)) {
                    'get' => $this->getData($key),
                    'set' => $this->setData($key, $args[0] ?? null),
                    'has' => $this->hasData($key),
                    default => throw new \BadMethodCallException('Invalid method ' . static::class . '::' . $method),
                };
            }
        }
    }
}

namespace Magento\Framework\Exception {
    use Magento\Framework\Phrase;

    if (!class_exists(LocalizedException::class)) {
        class LocalizedException extends \Exception
        {
            public function __construct(protected Phrase $phrase, ?\Exception $cause = null, $code = 0)
            {
                parent::__construct($phrase->render(), (int) $code, $cause);
            }

            public function getRawMessage()
            {
                return $this->phrase->getText();
            }
        }
    }
}

namespace Magento\Framework\App {
    if (!class_exists(DeploymentConfig::class)) {
        class DeploymentConfig
        {
            public function get($key = null, $defaultValue = null)
            {
                return $defaultValue;
            }
        }
    }
    if (!interface_exists(CacheInterface::class)) {
        interface CacheInterface
        {
            public function getFrontend();
            public function load($identifier);
            public function save($data, $identifier, $tags = [], $lifeTime = null);
            public function remove($identifier);
            public function clean($tags = []);
        }
    }
    if (!class_exists(ResourceConnection::class)) {
        class ResourceConnection
        {
            public function getTableName($modelEntity, $connectionName = 'default')
            {
                return (string) $modelEntity;
            }
        }
    }
    if (!interface_exists(RequestInterface::class)) {
        interface RequestInterface
        {
            public function getParam($key, $defaultValue = null);
            public function getParams();
        }
    }
    if (!interface_exists(ActionInterface::class)) {
        interface ActionInterface
        {
            public function execute();
        }
    }
}

namespace Magento\Framework\App\Action {
    if (!interface_exists(HttpGetActionInterface::class)) {
        interface HttpGetActionInterface extends \Magento\Framework\App\ActionInterface
        {
        }
    }
    if (!interface_exists(HttpPostActionInterface::class)) {
        interface HttpPostActionInterface extends \Magento\Framework\App\ActionInterface
        {
        }
    }
}

namespace Magento\Framework\Controller {
    if (!interface_exists(ResultInterface::class)) {
        interface ResultInterface
        {
        }
    }
    if (!class_exists(ResultFactory::class)) {
        class ResultFactory
        {
            public const TYPE_JSON = 'json';
            public const TYPE_RAW = 'raw';
            public const TYPE_REDIRECT = 'redirect';
            public const TYPE_FORWARD = 'forward';
            public const TYPE_LAYOUT = 'layout';
            public const TYPE_PAGE = 'page';

            public function create($type, array $arguments = [])
            {
                throw new \LogicException('Stand-in: give the test a mock.');
            }
        }
    }
}

namespace Magento\Framework\Controller\Result {
    if (!class_exists(Json::class)) {
        class Json implements \Magento\Framework\Controller\ResultInterface
        {
            public function setHttpResponseCode($httpCode)
            {
                return $this;
            }

            public function setData($data, $cycleCheck = false, $options = [])
            {
                return $this;
            }
        }
    }
    if (!class_exists(Redirect::class)) {
        class Redirect implements \Magento\Framework\Controller\ResultInterface
        {
            public function setRefererUrl()
            {
                return $this;
            }

            public function setUrl($url)
            {
                return $this;
            }

            public function setPath($path, array $params = [])
            {
                return $this;
            }
        }
    }
}

namespace Magento\Framework\Message {
    if (!interface_exists(ManagerInterface::class)) {
        interface ManagerInterface
        {
            public function addSuccessMessage($message, $group = null);
            public function addErrorMessage($message, $group = null);
            public function addWarningMessage($message, $group = null);
            public function addNoticeMessage($message, $group = null);
        }
    }
}

namespace Magento\Framework\Data {
    if (!interface_exists(OptionSourceInterface::class)) {
        interface OptionSourceInterface
        {
            public function toOptionArray();
        }
    }
}

namespace Magento\Framework\Stdlib\DateTime {
    if (!class_exists(DateTime::class)) {
        class DateTime
        {
            public function gmtTimestamp($input = null)
            {
                return time();
            }
        }
    }
}

namespace Magento\Framework\View\Element\Block {
    if (!interface_exists(ArgumentInterface::class)) {
        interface ArgumentInterface
        {
        }
    }
}

namespace Magento\Framework\View\Element {
    if (!class_exists(UiComponentFactory::class)) {
        class UiComponentFactory
        {
        }
    }
}

namespace Magento\Framework\View\Element\UiComponent {
    if (!interface_exists(ContextInterface::class)) {
        interface ContextInterface
        {
            public function getNamespace();
            public function getRequestParam($key, $defaultValue = null);
            public function getProcessor();
        }
    }
    if (!class_exists(Processor::class)) {
        class Processor
        {
            public function register($component)
            {
            }
        }
    }
}

namespace Magento\Framework\HTTP\Client {
    if (!class_exists(Curl::class)) {
        /** An HTTP client with the methods of Magento's Curl client, over PHP's curl extension. */
        class Curl
        {
            private int $timeout = 300;
            private array $headers = [];
            private array $options = [];
            private int $status = 0;
            private string $body = '';

            public function setTimeout($value)
            {
                $this->timeout = (int) $value;
            }

            public function addHeader($name, $value)
            {
                $this->headers[$name] = $value;
            }

            public function setOption($name, $value)
            {
                $this->options[$name] = $value;
            }

            public function get($uri)
            {
                $this->request($uri, [CURLOPT_HTTPGET => true]);
            }

            public function post($uri, $params)
            {
                $this->request($uri, [CURLOPT_POST => true, CURLOPT_POSTFIELDS => is_array($params) ? http_build_query($params) : $params]);
            }

            public function getStatus()
            {
                return $this->status;
            }

            public function getBody()
            {
                return $this->body;
            }

            private function request(string $uri, array $methodOptions): void
            {
                $handle = curl_init($uri);
                $headers = [];
                foreach ($this->headers as $name => $value) {
                    $headers[] = $name . ': ' . $value;
                }
                curl_setopt_array($handle, $methodOptions + [CURLOPT_RETURNTRANSFER => true, CURLOPT_HTTPHEADER => $headers, CURLOPT_TIMEOUT => $this->timeout]);
                curl_setopt_array($handle, $this->options);
                $body = curl_exec($handle);
                if (curl_errno($handle)) {
                    $error = curl_error($handle);
                    curl_close($handle);
                    throw new \Exception($error);
                }
                $this->status = (int) curl_getinfo($handle, CURLINFO_RESPONSE_CODE);
                $this->body = (string) $body;
                curl_close($handle);
            }
        }
    }
    if (!class_exists(CurlFactory::class)) {
        class CurlFactory
        {
            public function create(array $data = [])
            {
                return new Curl();
            }
        }
    }
}

namespace Magento\Framework\View\Page {
    if (!class_exists(Title::class)) {
        class Title
        {
            public function prepend($suffix)
            {
            }
        }
    }
    if (!class_exists(Config::class)) {
        class Config
        {
            public function getTitle()
            {
                return new Title();
            }
        }
    }
}

namespace Magento\Framework {
    if (!class_exists(Escaper::class)) {
        class Escaper
        {
            public function escapeHtml($data, $allowedTags = null)
            {
                return htmlspecialchars((string) $data, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8');
            }

            public function escapeHtmlAttr($string, $escapeSingleQuote = true)
            {
                return htmlspecialchars((string) $string, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8');
            }

            public function escapeUrl($string)
            {
                return htmlspecialchars((string) $string, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8');
            }
        }
    }
}
