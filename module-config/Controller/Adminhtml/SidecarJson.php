<?php
// Base of the JSON endpoints the admin-ui components call: Magento has already checked the
// controller's ACL resource and, for a POST, the form key (Backend\App\AbstractAction::
// _processUrlKeys); this adds the area's resources, and turns every failure into the
// {"error": "<one sentence>"} answer with the status the admin-ui shows it by.
declare(strict_types=1);

namespace Forcebridge\Connector\Controller\Adminhtml;

use Forcebridge\Connector\Exception\BadRequest;
use Forcebridge\Connector\Exception\NotAllowed;
use Forcebridge\Connector\Exception\NotConfigured;
use Forcebridge\Connector\Exception\SidecarRefused;
use Forcebridge\Connector\Exception\SidecarUnavailable;
use Forcebridge\Connector\Model\Area;
use Forcebridge\Connector\Model\AreaAccess;
use Forcebridge\Connector\Model\Sidecar\Answer;
use Magento\Backend\App\Action;
use Magento\Backend\App\Action\Context;
use Magento\Framework\Controller\Result\Json;
use Magento\Framework\Controller\ResultFactory;
use Magento\Framework\Controller\ResultInterface;

abstract class SidecarJson extends Action
{
    public function __construct(Context $context, protected AreaAccess $access)
    {
        parent::__construct($context);
    }

    public function execute()
    {
        try {
            return $this->answer();
        } catch (BadRequest $error) {
            return $this->json(['error' => $error->getMessage()], 400);
        } catch (NotAllowed $error) {
            return $this->json(['error' => $error->getMessage()], 403);
        } catch (SidecarRefused $error) {
            return $this->json(['error' => $error->getMessage()], $error->status);
        } catch (SidecarUnavailable | NotConfigured $error) {
            return $this->json(['error' => $error->getMessage()], 503);
        }
    }

    /** The endpoint's answer; may throw any of the exceptions execute() translates. */
    abstract protected function answer(): ResultInterface;

    /** @param array<mixed> $body */
    protected function json(array $body, int $status = 200): Json
    {
        /** @var Json $result */
        $result = $this->resultFactory->create(ResultFactory::TYPE_JSON);
        $result->setHttpResponseCode($status);
        return $result->setData($body);
    }

    /** The sidecar's answer as it came: its status and body. */
    protected function relay(Answer $answer): Json
    {
        return $this->json($answer->body, $answer->status);
    }

    /** The request's area, once the role is known to allow it (and syncing in it, with $sync). */
    protected function area(bool $sync = false): Area
    {
        $area = Area::named((string) $this->getRequest()->getParam('area'));
        $this->access->demand($area, $sync);
        return $area;
    }

    /** A positive whole number the request carries in `name`. */
    protected function recordId(string $name): int
    {
        $value = (string) $this->getRequest()->getParam($name);
        if (!preg_match('/^[1-9][0-9]{0,9}$/', $value)) {
            throw new BadRequest(__('"%1" must be a record id, not "%2".', $name, $value));
        }
        return (int) $value;
    }
}
