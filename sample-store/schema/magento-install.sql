-- The rows a fresh Magento 2.4.8 install writes into those tables: the Administrators role (every
-- ACL resource allowed), the admin and default website/group/store, the customer groups, the order
-- statuses and their states, the currency rates and the install-time configuration. Id 0 rows are real (admin scope, NOT LOGGED IN),
-- hence NO_AUTO_VALUE_ON_ZERO, as Magento's own setup runs it.
SET NAMES utf8mb4;
SET SESSION SQL_MODE = 'NO_AUTO_VALUE_ON_ZERO';
SET FOREIGN_KEY_CHECKS = 0;
INSERT INTO `authorization_role` (`role_id`, `parent_id`, `tree_level`, `sort_order`, `role_type`, `user_id`, `user_type`, `role_name`) VALUES (1,0,1,1,'G',0,'2','Administrators');
INSERT INTO `authorization_rule` (`rule_id`, `role_id`, `resource_id`, `privileges`, `permission`) VALUES (1,1,'Magento_Backend::all',NULL,'allow');
INSERT INTO `core_config_data` (`config_id`, `scope`, `scope_id`, `path`, `value`, `updated_at`) VALUES (1,'default',0,'general/region/display_all','1','2026-11-22 07:42:00'),
(2,'default',0,'general/region/state_required','US,CA,DE,AT,CH,ES,FR,RO,FI,EE,LV,LT,BR,AL,AR,AU,BY,BE,BO,BG,CL,CN,CO,CR,HR,CZ,DK,EC,GR,GY,IS,IN,IT,MX,PY,PE,PL,PT,SR,SE,UA,UY,VE','2026-11-22 07:42:00'),
(3,'default',0,'web/seo/use_rewrites','1','2026-11-22 07:42:00'),
(4,'default',0,'web/unsecure/base_url','http://localhost/','2026-11-22 07:42:00'),
(5,'default',0,'web/secure/base_url','https://localhost/','2026-11-22 07:42:00'),
(6,'default',0,'general/locale/code','en_US','2026-11-22 07:42:00'),
(7,'default',0,'web/secure/use_in_frontend','1','2026-11-22 07:42:00'),
(8,'default',0,'web/secure/use_in_adminhtml','1','2026-11-22 07:42:00'),
(9,'default',0,'general/locale/timezone','America/Chicago','2026-11-22 07:42:00'),
(10,'default',0,'currency/options/base','USD','2026-11-22 07:42:00'),
(11,'default',0,'currency/options/default','USD','2026-11-22 07:42:00'),
(12,'default',0,'currency/options/allow','USD','2026-11-22 07:42:00'),
(13,'default',0,'admin/security/use_form_key','1','2026-11-22 07:42:00'),
(14,'default',0,'dev/js/session_storage_logging','0','2026-11-22 07:42:00');
INSERT INTO `customer_group` (`customer_group_id`, `customer_group_code`, `tax_class_id`) VALUES (0,'NOT LOGGED IN',3),
(1,'General',3),
(2,'Wholesale',3),
(3,'Retailer',3);
INSERT INTO `directory_currency_rate` (`currency_from`, `currency_to`, `rate`) VALUES ('EUR','EUR',1.000000000000),
('EUR','USD',1.415000000000),
('USD','EUR',0.706700000000),
('USD','USD',1.000000000000);
INSERT INTO `sales_order_status` (`status`, `label`) VALUES ('canceled','Canceled'),
('closed','Closed'),
('complete','Complete'),
('fraud','Suspected Fraud'),
('holded','On Hold'),
('payment_review','Payment Review'),
('paypal_canceled_reversal','PayPal Canceled Reversal'),
('paypal_reversed','PayPal Reversed'),
('pending','Pending'),
('pending_payment','Pending Payment'),
('pending_paypal','Pending PayPal'),
('processing','Processing');
INSERT INTO `sales_order_status_state` (`status`, `state`, `is_default`, `visible_on_front`) VALUES ('canceled','canceled',1,1),
('closed','closed',1,1),
('complete','complete',1,1),
('fraud','payment_review',0,1),
('fraud','processing',0,1),
('holded','holded',1,1),
('payment_review','payment_review',1,1),
('pending','new',1,1),
('pending_payment','pending_payment',1,0),
('processing','processing',1,1);
INSERT INTO `store` (`store_id`, `code`, `website_id`, `group_id`, `name`, `sort_order`, `is_active`) VALUES (0,'admin',0,0,'Admin',0,1),
(1,'default',1,1,'Default Store View',0,1);
INSERT INTO `store_group` (`group_id`, `website_id`, `name`, `root_category_id`, `default_store_id`, `code`) VALUES (0,0,'Default',0,0,'default'),
(1,1,'Main Website Store',2,1,'main_website_store');
INSERT INTO `store_website` (`website_id`, `code`, `name`, `sort_order`, `default_group_id`, `is_default`) VALUES (0,'admin','Admin',0,0,0),
(1,'base','Main Website',0,1,1);
SET FOREIGN_KEY_CHECKS = 1;
