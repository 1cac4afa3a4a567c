<?php
// Stand-ins for magento/framework's DB layer as the module uses it: an adapter that quotes like
// MySQL's, a select that assembles SQL text the way Zend_Db_Select does, and the collections the
// grids are built on. Declared only when the real classes are missing.
declare(strict_types=1);

namespace Magento\Framework\DB\Adapter {
    if (!interface_exists(AdapterInterface::class)) {
        interface AdapterInterface
        {
            public function select();
            public function quote($value, $type = null);
            public function quoteInto($text, $value, $type = null, $count = null);
            public function quoteIdentifier($ident, $auto = false);
            public function prepareSqlCondition($fieldName, $condition);
        }
    }
}

namespace Magento\Framework\DB\Adapter\Pdo {
    use Magento\Framework\DB\Adapter\AdapterInterface;
    use Magento\Framework\DB\Select;

    if (!class_exists(Mysql::class)) {
        class Mysql implements AdapterInterface
        {
            public function select()
            {
                return new Select($this);
            }

            public function quote($value, $type = null)
            {
                if ($value instanceof \Zend_Db_Expr) {
                    return (string) $value;
                }
                if (is_array($value)) {
                    return implode(', ', array_map(fn ($item) => $this->quote($item), $value));
                }
                if (is_int($value) || is_float($value)) {
                    return (string) $value;
                }
                return "'" . addcslashes((string) $value, "\\'") . "'";
            }

            public function quoteInto($text, $value, $type = null, $count = null)
            {
                return str_replace('?', $this->quote($value), (string) $text);
            }

            public function quoteIdentifier($ident, $auto = false)
            {
                if ($ident instanceof \Zend_Db_Expr) {
                    return (string) $ident;
                }
                return implode('.', array_map(fn ($part) => $part === '*' ? '*' : '`' . str_replace('`', '``', $part) . '`', explode('.', (string) $ident)));
            }

            public function prepareSqlCondition($fieldName, $condition)
            {
                if (!is_array($condition)) {
                    $condition = ['eq' => $condition];
                }
                $type = array_key_first($condition);
                $value = $condition[$type];
                return match ($type) {
                    'eq' => $this->quoteInto("$fieldName = ?", $value),
                    'neq' => $this->quoteInto("$fieldName != ?", $value),
                    'like' => $this->quoteInto("$fieldName LIKE ?", $value),
                    'in' => $this->quoteInto("$fieldName IN(?)", (array) $value),
                    'nin' => $this->quoteInto("$fieldName NOT IN(?)", (array) $value),
                    'gt' => $this->quoteInto("$fieldName > ?", $value),
                    'lt' => $this->quoteInto("$fieldName < ?", $value),
                    'null' => "$fieldName IS NULL",
                    'notnull' => "$fieldName IS NOT NULL",
                    default => throw new \InvalidArgumentException("The stand-in adapter does not know the condition \"$type\"."),
                };
            }
        }
    }
}

namespace Magento\Framework\DB {
    use Magento\Framework\DB\Adapter\AdapterInterface;

    if (!class_exists(Select::class)) {
        class Select
        {
            private array $from = [];
            private array $columns = [];
            private array $where = [];
            private array $order = [];
            private ?string $limit = null;

            public function __construct(private AdapterInterface $adapter)
            {
            }

            public function from($name, $cols = '*')
            {
                [$alias, $table] = $this->table($name);
                $this->from[] = "$table AS " . $this->adapter->quoteIdentifier($alias);
                return $this->columns($cols, $alias);
            }

            public function joinLeft($name, $cond, $cols = '*')
            {
                [$alias, $table] = $this->table($name);
                $this->from[] = "LEFT JOIN $table AS " . $this->adapter->quoteIdentifier($alias) . " ON $cond";
                return $this->columns($cols, $alias);
            }

            public function columns($cols = '*', $correlationName = null)
            {
                foreach (is_array($cols) ? $cols : [$cols] as $alias => $column) {
                    $sql = match (true) {
                        $column instanceof \Zend_Db_Expr => (string) $column,
                        $column === '*' => $this->adapter->quoteIdentifier((string) $correlationName) . '.*',
                        str_contains((string) $column, '.') => $this->adapter->quoteIdentifier((string) $column),
                        default => $this->adapter->quoteIdentifier($correlationName . '.' . $column),
                    };
                    $this->columns[] = is_string($alias) ? "$sql AS " . $this->adapter->quoteIdentifier($alias) : $sql;
                }
                return $this;
            }

            public function where($cond, $value = null, $type = null)
            {
                $this->where[] = '(' . ($value === null ? $cond : $this->adapter->quoteInto($cond, $value)) . ')';
                return $this;
            }

            public function order($spec)
            {
                $this->order[] = (string) $spec;
                return $this;
            }

            public function limitPage($page, $rowCount)
            {
                $this->limit = sprintf('LIMIT %d OFFSET %d', $rowCount, max(0, $page - 1) * $rowCount);
                return $this;
            }

            public function __toString(): string
            {
                return 'SELECT ' . implode(', ', $this->columns) . ' FROM ' . implode(' ', $this->from)
                    . ($this->where === [] ? '' : ' WHERE ' . implode(' AND ', $this->where))
                    . ($this->order === [] ? '' : ' ORDER BY ' . implode(', ', $this->order))
                    . ($this->limit === null ? '' : ' ' . $this->limit);
            }

            private function table($name): array
            {
                $alias = is_array($name) ? (string) array_key_first($name) : (string) $name;
                $table = is_array($name) ? reset($name) : $name;
                return [$alias, $table instanceof \Zend_Db_Expr ? (string) $table : $this->adapter->quoteIdentifier($table)];
            }
        }
    }
}

namespace Magento\Framework\Data\Collection {
    use Magento\Framework\DB\Adapter\Pdo\Mysql;

    if (!class_exists(AbstractDb::class)) {
        abstract class AbstractDb
        {
            protected $_conn;
            protected $_select;
            protected $_map;
            protected $_pageSize;

            public function __construct($entityFactory = null, $logger = null, $fetchStrategy = null, $connection = null)
            {
                $this->_conn = $connection ?? new Mysql();
                $this->_select = $this->_conn->select();
            }

            abstract public function getResource();

            public function getConnection()
            {
                return $this->_conn;
            }

            public function getSelect()
            {
                return $this->_select;
            }

            public function addFilterToMap($filter, $alias, $group = 'fields')
            {
                $this->_map[$group][$filter] = $alias;
                return $this;
            }

            public function addFieldToFilter($field, $condition = null)
            {
                $this->_select->where($this->_conn->prepareSqlCondition($this->_conn->quoteIdentifier($this->_getMappedField($field)), $condition));
                return $this;
            }

            public function setOrder($field, $direction = 'DESC')
            {
                $this->_select->order(new \Zend_Db_Expr((string) $this->_getMappedField($field) . ' ' . (strtoupper($direction) === 'ASC' ? 'ASC' : 'DESC')));
                return $this;
            }

            public function setPageSize($size)
            {
                $this->_pageSize = $size;
                $this->_select->limitPage(1, (int) $size);
                return $this;
            }

            public function getData()
            {
                throw new \LogicException('The stand-in collection has no database; give the test a mock.');
            }

            public function getAllIds()
            {
                throw new \LogicException('The stand-in collection has no database; give the test a mock.');
            }

            protected function _getMappedField($field)
            {
                return $this->_map['fields'][$field] ?? $field;
            }
        }
    }
}

namespace Magento\Framework\View\Element\UiComponent\DataProvider {
    use Magento\Framework\Data\Collection\AbstractDb;

    if (!class_exists(SearchResult::class)) {
        class SearchResult extends AbstractDb
        {
            public function __construct(
                $entityFactory,
                $logger,
                $fetchStrategy,
                $eventManager,
                protected $mainTable,
                $resourceModel = null,
                $identifierName = null,
                $connectionName = null
            ) {
                parent::__construct($entityFactory, $logger, $fetchStrategy);
                $this->_initSelect();
            }

            public function getMainTable()
            {
                return $this->mainTable;
            }

            public function getResource()
            {
                return null;
            }

            protected function _initSelect()
            {
                $this->getSelect()->from(['main_table' => $this->getMainTable()]);
                return $this;
            }
        }
    }
    if (!class_exists(CollectionFactory::class)) {
        class CollectionFactory
        {
            public function getReport($requestName)
            {
                throw new \LogicException('Stand-in: give the test a mock.');
            }
        }
    }
}
