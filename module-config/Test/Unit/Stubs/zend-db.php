<?php
// Stand-in for Zend_Db_Expr (magento/zend-db): a piece of SQL passed through unquoted.
declare(strict_types=1);

if (!class_exists(Zend_Db_Expr::class)) {
    class Zend_Db_Expr
    {
        public function __construct(protected string $_expression)
        {
        }

        public function __toString(): string
        {
            return $this->_expression;
        }
    }
}
