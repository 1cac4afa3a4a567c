// Entry of the admin-ui bundle; components are added here as they are built.
export {};
