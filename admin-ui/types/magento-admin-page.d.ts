// What every page of Magento's admin defines in its head (Magento_Backend's require_js.phtml).
interface Window {
  /** The admin session's form key, which Magento checks on every POST. */
  FORM_KEY?: string;
}
