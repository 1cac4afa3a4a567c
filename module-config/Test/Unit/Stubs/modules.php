<?php
// Stand-ins for the Magento modules' classes the module extends or calls (Backend, Ui, Customer,
// Store, User), from their public API, each declared only when the real one is missing.
declare(strict_types=1);

namespace Magento\Backend\App\Action {
    if (!class_exists(Context::class)) {
        class Context
        {
            public function getRequest()
            {
            }

            public function getAuthorization()
            {
            }

            public function getMessageManager()
            {
            }

            public function getResultFactory()
            {
            }

            public function getResultRedirectFactory()
            {
            }
        }
    }
}

namespace Magento\Backend\App {
    use Magento\Backend\App\Action\Context;
    use Magento\Framework\App\ActionInterface;

    if (!class_exists(Action::class)) {
        abstract class Action implements ActionInterface
        {
            public const ADMIN_RESOURCE = 'Magento_Backend::admin';

            protected $_authorization;
            protected $messageManager;
            protected $resultFactory;
            protected $resultRedirectFactory;
            protected $_request;

            public function __construct(Context $context)
            {
                $this->_request = $context->getRequest();
                $this->_authorization = $context->getAuthorization();
                $this->messageManager = $context->getMessageManager();
                $this->resultFactory = $context->getResultFactory();
                $this->resultRedirectFactory = $context->getResultRedirectFactory();
            }

            public function getRequest()
            {
                return $this->_request;
            }

            protected function _isAllowed()
            {
                return $this->_authorization->isAllowed(static::ADMIN_RESOURCE);
            }
        }
    }
}

namespace Magento\Backend\Model\View\Result {
    if (!class_exists(Redirect::class)) {
        class Redirect extends \Magento\Framework\Controller\Result\Redirect
        {
        }
    }
    if (!class_exists(RedirectFactory::class)) {
        class RedirectFactory
        {
            public function create(array $data = [])
            {
                return new Redirect();
            }
        }
    }
}

namespace Magento\Backend\Model\Auth {
    if (!class_exists(Session::class)) {
        /** getUser() is a magic accessor of Magento's session too. */
        class Session
        {
            public function __call($method, $args)
            {
                return null;
            }
        }
    }
}

namespace Magento\User\Model {
    if (!class_exists(User::class)) {
        class User
        {
            public function getUserName()
            {
                return '';
            }
        }
    }
}

namespace Magento\Backend\Block\Template {
    if (!class_exists(Context::class)) {
        class Context
        {
        }
    }
}

namespace Magento\Backend\Block {
    use Magento\Backend\Block\Template\Context;
    use Magento\Framework\DataObject;

    if (!class_exists(Template::class)) {
        class Template extends DataObject
        {
            protected $_template;

            public function __construct(Context $context, array $data = [])
            {
                parent::__construct($data);
            }

            public function getTemplate()
            {
                return $this->_template;
            }

            public function toHtml()
            {
                return '';
            }
        }
    }
}

namespace Magento\Ui\Component\Layout\Tabs {
    if (!interface_exists(TabInterface::class)) {
        interface TabInterface
        {
            public function getTabLabel();
            public function getTabTitle();
            public function getTabClass();
            public function getTabUrl();
            public function isAjaxLoaded();
            public function canShowTab();
            public function isHidden();
            public function toHtml();
        }
    }
}

namespace Magento\Ui\Component {
    use Magento\Framework\DataObject;
    use Magento\Framework\View\Element\UiComponent\ContextInterface;

    if (!class_exists(AbstractComponent::class)) {
        abstract class AbstractComponent extends DataObject
        {
            public function __construct(protected ContextInterface $context, protected array $components = [], array $data = [])
            {
                parent::__construct($data);
            }

            public function getContext()
            {
                return $this->context;
            }

            public function getName()
            {
                return $this->getData('name');
            }

            public function getConfiguration()
            {
                return (array) $this->getData('config');
            }

            public function prepare()
            {
            }

            public function prepareDataSource(array $dataSource)
            {
                return $dataSource;
            }
        }
    }
    if (!class_exists(Action::class)) {
        class Action extends AbstractComponent
        {
            public function __construct(ContextInterface $context, array $components = [], array $data = [], $actions = null)
            {
                parent::__construct($context, $components, $data);
            }
        }
    }
}

namespace Magento\Ui\Component\Listing\Columns {
    use Magento\Framework\View\Element\UiComponent\ContextInterface;
    use Magento\Framework\View\Element\UiComponentFactory;
    use Magento\Ui\Component\AbstractComponent;

    if (!class_exists(Column::class)) {
        class Column extends AbstractComponent
        {
            public function __construct(ContextInterface $context, protected UiComponentFactory $uiComponentFactory, array $components = [], array $data = [])
            {
                parent::__construct($context, $components, $data);
            }
        }
    }
}

namespace Magento\Ui\Component\MassAction {
    use Magento\Framework\Data\Collection\AbstractDb;

    if (!class_exists(Filter::class)) {
        class Filter
        {
            public function getCollection(AbstractDb $collection)
            {
                return $collection;
            }
        }
    }
}

namespace Magento\Customer\Model {
    if (!class_exists(CustomerIdProvider::class)) {
        class CustomerIdProvider
        {
            public function getCustomerId(): int
            {
                return 0;
            }
        }
    }
}

namespace Magento\Store\Model {
    if (!interface_exists(StoreManagerInterface::class)) {
        interface StoreManagerInterface
        {
            public function getStores($withDefault = false, $codeKey = false);
            public function getWebsites($withDefault = false, $codeKey = false);
        }
    }
}

namespace Magento\Backend\Model\View\Result {
    if (!class_exists(Page::class)) {
        class Page implements \Magento\Framework\Controller\ResultInterface
        {
            public function setActiveMenu($itemId)
            {
                return $this;
            }

            public function getConfig()
            {
                return new \Magento\Framework\View\Page\Config();
            }
        }
    }
}
