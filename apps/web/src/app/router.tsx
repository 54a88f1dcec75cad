import { createBrowserRouter } from 'react-router';
import { handleSessionExpiry, routes } from './route-config';

export const router = createBrowserRouter(routes);
handleSessionExpiry(router);
