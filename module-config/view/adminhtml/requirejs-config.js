// Merged by Magento into the admin's requirejs-config. The components themselves are the admin-ui
// AMD build (webpack), installed into this module's view/adminhtml/web/amd/ (see the README), so
// Forcebridge_Connector/js/<name> resolves to Forcebridge_Connector/amd/<name>.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- Magento's merger reads this variable
var config = {
    paths: {
        'Forcebridge_Connector/js': 'Forcebridge_Connector/amd'
    }
};
