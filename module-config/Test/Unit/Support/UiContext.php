<?php
// The UI context of a column or action inside a given listing (its namespace).
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Support;

use Magento\Framework\View\Element\UiComponent\ContextInterface;
use Magento\Framework\View\Element\UiComponent\Processor;
use PHPUnit\Framework\TestCase;

trait UiContext
{
    protected function listing(string $namespace): ContextInterface
    {
        /** @var TestCase $this */
        $context = $this->createMock(ContextInterface::class);
        $context->method('getNamespace')->willReturn($namespace);
        // Magento's components register themselves with the page's processor as they prepare.
        $context->method('getProcessor')->willReturn($this->createMock(Processor::class));
        return $context;
    }
}
