<?php
// Registers the module with Magento, which loads this file through composer's autoload.files
// (see composer.json) or app/code's registration glob.
use Magento\Framework\Component\ComponentRegistrar;

ComponentRegistrar::register(ComponentRegistrar::MODULE, 'Forcebridge_Connector', __DIR__);
