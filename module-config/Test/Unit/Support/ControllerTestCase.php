<?php
// Builds admin controllers the way Magento hands them their context: a request with parameters, an
// ACL allowing some resources, and results that record what the controller did with them.
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Support;

use Forcebridge\Connector\Model\AreaAccess;
use Magento\Backend\App\Action\Context;
use Magento\Backend\Model\View\Result\Redirect;
use Magento\Backend\Model\View\Result\RedirectFactory;
use Magento\Framework\App\RequestInterface;
use Magento\Framework\AuthorizationInterface;
use Magento\Framework\Controller\Result\Json;
use Magento\Framework\Controller\ResultFactory;
use Magento\Framework\Message\ManagerInterface;
use PHPUnit\Framework\TestCase;

abstract class ControllerTestCase extends TestCase
{
    /** @var array<string, mixed> */
    protected array $params = [];
    /** @var string[] resources the role has; Magento_Backend::all grants all */
    protected array $granted = ['Magento_Backend::all'];
    /** @var array{status: int, data: mixed} what the JSON result was given */
    protected array $json = ['status' => 200, 'data' => null];
    /** @var array<array{string, string}> [type, text] of each admin message */
    protected array $messages = [];
    /** @var array{string, mixed}|null how the redirect was aimed */
    protected ?array $redirectedTo = null;
    protected ?object $pageResult = null;

    protected function context(): Context
    {
        $request = $this->createMock(RequestInterface::class);
        $request->method('getParam')->willReturnCallback(fn ($key, $default = null) => $this->params[$key] ?? $default);
        $request->method('getParams')->willReturnCallback(fn () => $this->params);

        $json = $this->createMock(Json::class);
        $json->method('setHttpResponseCode')->willReturnCallback(function ($code) use ($json) {
            $this->json['status'] = $code;
            return $json;
        });
        $json->method('setData')->willReturnCallback(function ($data) use ($json) {
            $this->json['data'] = json_decode(json_encode($data), true);
            return $json;
        });
        $resultFactory = $this->createMock(ResultFactory::class);
        $resultFactory->method('create')->willReturnCallback(fn ($type) => match ($type) {
            ResultFactory::TYPE_JSON => $json,
            ResultFactory::TYPE_PAGE => $this->pageResult ?? throw new \LogicException('set pageResult first'),
        });

        $redirect = $this->createMock(Redirect::class);
        foreach (['setRefererUrl' => 'referer', 'setUrl' => 'url', 'setPath' => 'path'] as $method => $kind) {
            $redirect->method($method)->willReturnCallback(function (...$args) use ($redirect, $kind) {
                $this->redirectedTo = [$kind, $args[0] ?? null];
                return $redirect;
            });
        }
        $redirectFactory = $this->createMock(RedirectFactory::class);
        $redirectFactory->method('create')->willReturn($redirect);

        $messages = $this->createMock(ManagerInterface::class);
        foreach (['addSuccessMessage' => 'success', 'addErrorMessage' => 'error', 'addWarningMessage' => 'warning', 'addNoticeMessage' => 'notice'] as $method => $type) {
            $messages->method($method)->willReturnCallback(function ($message) use ($messages, $type) {
                $this->messages[] = [$type, (string) $message];
                return $messages;
            });
        }

        $context = $this->createMock(Context::class);
        $context->method('getRequest')->willReturn($request);
        $context->method('getAuthorization')->willReturn($this->authorization());
        $context->method('getResultFactory')->willReturn($resultFactory);
        $context->method('getResultRedirectFactory')->willReturn($redirectFactory);
        $context->method('getMessageManager')->willReturn($messages);
        return $context;
    }

    protected function authorization(): AuthorizationInterface
    {
        $authorization = $this->createMock(AuthorizationInterface::class);
        $authorization->method('isAllowed')->willReturnCallback(
            fn ($resource) => in_array('Magento_Backend::all', $this->granted, true) || in_array($resource, $this->granted, true)
        );
        return $authorization;
    }

    protected function access(): AreaAccess
    {
        return new AreaAccess($this->authorization());
    }
}
